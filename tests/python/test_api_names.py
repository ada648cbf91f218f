"""An API without surprises (issue 16): the plan's values under the plan JSON's names, the old
names deprecated for one release, a repr with the key numbers of every plan type, names
rather than indices in frames, and an extra that installs what the notebooks need."""

from __future__ import annotations

import ast
import enum
import json
import sys
import tomllib
from pathlib import Path

import pytest

import tierplan
from tierplan._names import RENAMED
from tierplan._reprs import DESCRIBE

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def plan() -> tierplan.Plan:
    return tierplan.plan(tierplan.Scenario.builtin())


def resolve(obj: object, dotted: str) -> object:
    for part in dotted.split("."):
        obj = getattr(obj, part)
    return obj


def test_components_and_tiers_answer_to_the_plan_jsons_names(plan: tierplan.Plan) -> None:
    document = plan.to_dict()
    for env, env_json in zip(plan.environments, document["environments"], strict=True):
        assert env.tier.name == env_json["tier"]["name"]
        for component, component_json in zip(env.components, env_json["components"], strict=True):
            # The plan JSON keeps 15 significant digits (no binary noise): compare to that.
            for key, value in component_json["autoscaling"].items():
                expected = value if isinstance(value, str) else pytest.approx(value, rel=1e-14)
                assert getattr(component.autoscaling, key) == expected, (
                    component.name,
                    key,
                )
            assert component.server_utilization_fraction == pytest.approx(
                component_json["server_utilization_fraction"], rel=1e-14
            )
            assert component.load.stream_hold_s == pytest.approx(
                component_json["load"]["stream_hold_s"], rel=1e-14
            )
            assert component.load.reason == component_json["load"]["reason"]


# Where the plan JSON and the Python objects still differ in shape, not in name: the JSON
# flattens the node type into the nodes (Python: nodes.node_type.vcpu, ...), and groups
# PgBouncer and the parameter group into objects (Python: pgbouncer, a flag, beside
# pgbouncer_default_pool_size, ...; parameter_group, a list, beside parameter_group_reason);
# settings_reason is written from the PGTune input (Python: postgres.tune_input).
NOT_IN_PYTHON = {
    "schema_version",
    "environments[].nodes.cloud",
    "environments[].nodes.vcpu",
    "environments[].nodes.memory_gib",
    "environments[].nodes.price_usd_per_hour",
    "environments[].data.postgres.pgbouncer.*",
    "environments[].data.postgres.parameter_group.*",
    "environments[].data.postgres.settings_reason",
}


def _differences(obj: object, document: object, path: str) -> list[str]:
    """The JSON's members that the object does not answer to by the same name and value."""
    if isinstance(document, list):
        if not document or not isinstance(document[0], dict):
            return [] if list(obj) == document else [path]  # type: ignore[call-overload]
        found = []
        for item, member in zip(obj, document, strict=True):  # type: ignore[call-overload]
            found += _differences(item, member, f"{path}[]")
        return sorted(set(found))
    if not isinstance(document, dict):
        if isinstance(document, float) and isinstance(obj, float):
            return [] if obj == pytest.approx(document, rel=1e-12) else [path]
        if isinstance(obj, tierplan.NodeType | enum.Enum) or hasattr(obj, "name"):
            return []  # an object the JSON writes by its name
        return [] if obj == document else [path]
    if isinstance(obj, bool | list):
        return [f"{path}.*"]
    found = []
    for key, member in document.items():
        where = f"{path}.{key}" if path else key
        if not hasattr(obj, key):
            found.append(where)
            continue
        found += _differences(getattr(obj, key), member, where)
    return found


def test_every_member_of_the_plan_json_has_its_name_in_python(plan: tierplan.Plan) -> None:
    document = plan.to_dict()
    found = set(_differences(plan, document, ""))
    assert found == NOT_IN_PYTHON
    # The walk finds what differs: a member Python does not have, or another value.
    document["environments"][0]["cost"]["total_usd_fortnight"] = 1.0
    document["environments"][0]["peak_demand"]["api_service_ms"] += 1.0
    assert set(_differences(plan, document, "")) - NOT_IN_PYTHON == {
        "environments[].cost.total_usd_fortnight",
        "environments[].peak_demand.api_service_ms",
    }


def test_the_old_names_still_answer_and_warn_with_the_new_name(plan: tierplan.Plan) -> None:
    env = plan.environment("production")
    objects = {
        tierplan.ComponentPlan: env.component("api"),
        tierplan.ComponentLoad: env.component("api").load,
        tierplan.TierRecommendation: env.tier,
        tierplan.EnvironmentPlan: env,
    }
    for cls, old, new, _ in RENAMED:
        obj = objects[cls]
        with pytest.warns(DeprecationWarning, match=rf"{old} is deprecated: use {new}"):
            value = getattr(obj, old)
        assert value == resolve(obj, new), (cls.__name__, old)


def test_every_plan_type_has_a_repr_with_its_key_numbers(plan: tierplan.Plan) -> None:
    env = plan.environment("production")
    instances = {
        tierplan.NodePlan: env.nodes,
        tierplan.NodeAllocatable: env.nodes.allocatable,
        tierplan.NodeUsage: env.nodes.nodes[0],
        tierplan.ResourceTotals: env.totals,
        tierplan.CostPlan: env.cost,
        tierplan.CostItem: env.cost.items[0],
        tierplan.PostgresPlan: env.data.postgres,
        tierplan.RedisPlan: env.data.redis,
        tierplan.QdrantPlan: env.data.qdrant,
        tierplan.ObjectStoragePlan: env.data.object_storage,
        tierplan.DataPlan: env.data,
        tierplan.LogPlan: env.logs,
        tierplan.BackupPlan: env.backups,
        tierplan.TierRecommendation: env.tier,
        tierplan.PeakDemand: env.peak_demand,
        tierplan.Prices: tierplan.Scenario.builtin().catalog.prices[0],
        tierplan.ComponentLoad: env.component("api").load,
        tierplan.TableSize: env.data.postgres.tables[0],
        tierplan.ConnectionUse: env.data.postgres.connections[0],
        tierplan.ComponentLogVolume: env.logs.components[0],
        tierplan.PostgresBackupPlan: env.backups.postgres,
        tierplan.ObjectStorageBackupPlan: env.backups.object_storage,
        tierplan.VectorStoreBackupPlan: env.backups.vector_store,
    }
    in_cluster = tierplan.Scenario.builtin()
    in_cluster.environments[2].policy.datastores.postgres_mode = tierplan.DatastoreMode.in_cluster
    pods = tierplan.plan(in_cluster).environment("production").data.in_cluster_pods
    instances[tierplan.InClusterPod] = pods[0]
    assert {cls for cls, _ in DESCRIBE} == set(instances)
    # Every plan type of the package: a repr of its own (in C++ or in tierplan._reprs).
    plan_types = {getattr(tierplan, name) for name in tierplan.__all__ if name.endswith("Plan")}
    for cls in plan_types:
        assert cls in instances or "__repr__" in cls.__dict__, cls.__name__
    for cls, obj in instances.items():
        text = repr(obj)
        assert text.startswith(f"<tierplan.{cls.__name__} "), text
        assert " object at 0x" not in text
    assert f"{env.nodes.count} x {env.nodes.node_type.name}" in repr(env.nodes)
    assert f"${env.cost.total_usd_month:,.0f}/month" in repr(env.cost)
    assert f"${env.cost.total_usd_year:,.0f}/year" in repr(env.cost)
    assert f"max_connections {env.data.postgres.max_connections}" in repr(env.data.postgres)


def test_a_study_tables_frame_names_the_node_type() -> None:
    scenario = tierplan.Scenario.builtin()
    table = tierplan.sweep(scenario, [("workload.daily_active_users", [300.0, 3000.0])])
    frame = table.to_frame()
    assert "node_type_index" not in frame.columns
    names = {t.name for t in scenario.catalog.node_types}
    assert set(frame["node_type"]) <= names
    column = table.column("node_type_index")
    assert list(frame["node_type"]) == [table.node_types[int(row[column])] for row in table.values]


def _notebook_imports() -> set[str]:
    modules = set()
    for notebook in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] != "code":
                continue
            for node in ast.walk(ast.parse("".join(cell["source"]))):
                if isinstance(node, ast.Import):
                    modules |= {alias.name.split(".")[0] for alias in node.names}
                elif isinstance(node, ast.ImportFrom) and node.module:
                    modules.add(node.module.split(".")[0])
    return modules - set(sys.stdlib_module_names)


def test_the_notebook_extra_installs_what_the_notebooks_need() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    notebook = extras["notebook"]
    assert "tierplan[study]" in notebook
    names = {req.split(">")[0].split("=")[0].split("[")[0] for req in notebook}
    assert {"jupyter", "nbconvert", "ipykernel"} <= names
    provided = {"tierplan"} | {
        req.split(">")[0].split("=")[0].split("[")[0]
        for req in project["dependencies"] + extras["study"]
    }
    assert _notebook_imports() <= provided, _notebook_imports() - provided
