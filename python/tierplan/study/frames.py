"""Plans as tidy pandas DataFrames: one row per observation, one column per variable, units
in the column names, and the reason for each sized number in a ``*_reason`` column.

pandas is an optional dependency (``pip install tierplan[study]``): it is imported when a
frame is asked for, so the planner itself does not need it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from types import ModuleType
from typing import TYPE_CHECKING, Any

from tierplan._core import EnvironmentPlan, NodePlan, Plan

if TYPE_CHECKING:
    import pandas as pd

TABLES = ("components", "nodes", "datastores")


def _pandas() -> ModuleType:
    try:
        import pandas
    except ImportError as error:  # pragma: no cover - exercised only without pandas
        raise ImportError("tierplan frames need pandas: pip install 'tierplan[study]'") from error
    return pandas


def _component_rows(env: EnvironmentPlan) -> Iterable[dict[str, Any]]:
    for c in env.components:
        yield {
            "environment": env.name,
            "component": c.name,
            "helm_key": c.helm_key,
            "kind": c.kind.name,
            "replicas": c.replicas,
            "queueing_replicas": c.queueing_replicas,
            "connection_replicas": c.connection_replicas,
            "floor_replicas": c.floor_replicas,
            "arrival_rate_per_s": c.load.arrival_rate_per_s,
            "offered_load_erlangs": c.load.offered_load_erlangs,
            "server_utilization": c.server_utilization_fraction,
            "request_cpu_m": c.request_cpu_m,
            "request_memory_mib": c.request_memory_mib,
            "limit_cpu_m": c.limit_cpu_m,
            "limit_memory_mib": c.limit_memory_mib,
            "total_request_cpu_m": c.request_cpu_m * c.replicas,
            "total_request_memory_mib": c.request_memory_mib * c.replicas,
            "total_limit_cpu_m": c.limit_cpu_m * c.replicas,
            "total_limit_memory_mib": c.limit_memory_mib * c.replicas,
            "autoscaled": c.autoscaling.enabled,
            "hpa_min_replicas": c.autoscaling.min_replicas,
            "hpa_max_replicas": c.autoscaling.max_replicas,
            "replicas_reason": c.replicas_reason,
            "resources_reason": c.resources_reason,
            "hpa_reason": c.autoscaling.reason,
        }


def _node_rows(env: EnvironmentPlan) -> Iterable[dict[str, Any]]:
    for pool, nodes in (("on_demand", env.nodes), ("spot", env.spot_nodes)):
        yield from _pool_rows(env, pool, nodes)


def _pool_rows(env: EnvironmentPlan, pool: str, nodes: NodePlan) -> Iterable[dict[str, Any]]:
    for usage in nodes.nodes:
        yield {
            "environment": env.name,
            "pool": pool,
            "node": usage.index,
            "node_type": nodes.node_type.name,
            "vcpu": nodes.node_type.vcpu,
            "memory_gib": nodes.node_type.memory_gib,
            "allocatable_cpu_m": nodes.allocatable.allocatable_cpu_m,
            "allocatable_memory_mib": nodes.allocatable.allocatable_memory_mib,
            "pods": len(usage.pods),
            "request_cpu_m": usage.request_cpu_m,
            "request_memory_mib": usage.request_memory_mib,
            "limit_cpu_m": usage.limit_cpu_m,
            "limit_memory_mib": usage.limit_memory_mib,
            "free_cpu_m": usage.free_cpu_m,
            "free_memory_mib": usage.free_memory_mib,
            "count_reason": nodes.count_reason,
        }


def _datastore_rows(env: EnvironmentPlan) -> Iterable[dict[str, Any]]:
    data = env.data
    pg, redis, qdrant = data.postgres, data.redis, data.qdrant
    yield {
        "environment": env.name,
        "postgres_shape": pg.shape.name,
        "postgres_vcpu": pg.shape.vcpu,
        "postgres_memory_gib": pg.shape.memory_gib,
        "postgres_storage_gib": pg.storage_gib,
        "postgres_max_connections": pg.max_connections,
        "postgres_pgbouncer": pg.pgbouncer,
        "postgres_topology": pg.topology,
        "redis_instance_memory_gib": redis.instance_memory_gib,
        "redis_maxmemory_mib": redis.maxmemory_mib,
        "redis_topology": redis.topology,
        "qdrant_nodes": qdrant.nodes,
        "qdrant_ram_per_node_gib": qdrant.ram_per_node_gib,
        "qdrant_disk_per_node_gib": qdrant.disk_per_node_gib,
        "object_storage_gib": data.object_storage.total_gib,
        "postgres_shape_reason": pg.shape_reason,
        "postgres_storage_reason": pg.storage_reason,
        "redis_memory_reason": redis.memory_reason,
        "qdrant_reason": qdrant.reason,
        "object_storage_reason": data.object_storage.reason,
    }


_ROWS: dict[str, Callable[[EnvironmentPlan], Iterable[dict[str, Any]]]] = {
    "components": _component_rows,
    "nodes": _node_rows,
    "datastores": _datastore_rows,
}


def plan_to_frame(plan: Plan | EnvironmentPlan, table: str = "components") -> pd.DataFrame:
    """One table of a plan as a DataFrame: ``components`` (a row per environment and
    component), ``nodes`` (a row per worker node) or ``datastores`` (a row per environment)."""
    if table not in _ROWS:
        raise ValueError(f"table: must be one of {', '.join(TABLES)}, got {table!r}")
    envs = [plan] if isinstance(plan, EnvironmentPlan) else list(plan.environments)
    rows = [row for env in envs for row in _ROWS[table](env)]
    frame: pd.DataFrame = _pandas().DataFrame.from_records(rows)
    return frame
