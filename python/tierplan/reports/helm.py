"""A Helm values overlay for the Dify Enterprise chart from one environment's plan.

Key names follow the chart's values.yaml (the copy published with
langgenius/dify-ee-helm-chart-values-generator, values.yaml): every component sits under
its top-level key (``api``, ``worker``, ``workerBeat``, ``plugin_daemon``, ...) with
``replicas`` and ``resources.requests/limits``; ``api.serverWorkerAmount``,
``worker.celeryWorkerAmount`` and ``<key>.db.poolSize`` (api, worker and workerBeat) are
the chart's own keys. The chart's values have no ``autoscaling`` block: the one written
here uses the Helm scaffold's names (``helm create``: enabled, minReplicas, maxReplicas,
targetCPUUtilizationPercentage), so a chart or a HorizontalPodAutoscaler that reads them
gets the planned range; the Enterprise chart itself ignores unknown keys.

Every number is the plan's (the C++ core's): replicas, requests and limits, the HPA range,
processes per replica; ``db.poolSize`` is the stack's input. The YAML is written by hand,
deterministically, with each value's reason as a comment above it.

The datastores follow how the environment runs them (the plan's ``data.in_cluster_pods``):
one run in the cluster is the chart's bundled subchart, enabled, with its pods' resources
and volume (``postgresql``, ``redis``: the Bitnami charts' ``primary``/``master`` keys;
``qdrant``: ``replicaCount``, ``resources``, ``persistence``), and its ``external*`` block
disabled; one run outside is the ``externalPostgres`` / ``externalRedis`` /
``vectorDB.useExternal`` block, enabled, with the endpoint left for the user to fill (the
chart's keys, as langgenius/dify-ee-helm-chart-values-generator modules/infrastructure.py
sets them).
"""

from __future__ import annotations

import math

from tierplan._core import ComponentPlan, EnvironmentPlan, InClusterPod, Plan, Stack, __version__

# Chart keys that take the planned processes per replica (chart values.yaml: api
# serverWorkerAmount 1, worker celeryWorkerAmount 1; the triggerWorker of chart 3.7+
# takes celeryWorkerAmount as well, langgenius/dify-ee-helm-chart-values-generator
# modules/features/trigger_worker.py).
PROCESS_KEYS = {
    "api": "serverWorkerAmount",
    "worker": "celeryWorkerAmount",
    "triggerWorker": "celeryWorkerAmount",
}
# Chart keys with a db.poolSize (chart values.yaml: api 250, worker 250, workerBeat 30).
DB_POOL_KEYS = frozenset({"api", "worker", "workerBeat"})

MIB_PER_GIB = 1024

# How a component reaches the spot pool (policy.cost.stateless_on_spot), per cloud: the label
# the cloud puts on spot nodes (nodeSelector) and the taint the pool carries, which only the
# spot components tolerate, so that no other pod lands on a node the cloud may reclaim.
# aws: EKS managed node groups label capacityType SPOT nodes eks.amazonaws.com/capacityType
# (EKS user guide, managed node group capacity types); the taint is set on the node group.
# gcp: GKE labels Spot VM nodes cloud.google.com/gke-spot=true and its Spot VM guide taints
# the pool with the same key. azure: AKS labels and taints a spot node pool
# kubernetes.azure.com/scalesetpriority=spot:NoSchedule itself (AKS spot node pool guide).
SPOT_POOL: dict[str, tuple[tuple[str, str], tuple[str, str], str]] = {
    "aws": (
        ("eks.amazonaws.com/capacityType", "SPOT"),
        ("spot", "true"),
        "an EKS managed node group of capacity type SPOT, tainted spot=true:NoSchedule",
    ),
    "gcp": (
        ("cloud.google.com/gke-spot", "true"),
        ("cloud.google.com/gke-spot", "true"),
        "a GKE node pool created with --spot and the taint"
        " cloud.google.com/gke-spot=true:NoSchedule",
    ),
    "azure": (
        ("kubernetes.azure.com/scalesetpriority", "spot"),
        ("kubernetes.azure.com/scalesetpriority", "spot"),
        "an AKS spot node pool (--priority Spot), which AKS taints"
        " kubernetes.azure.com/scalesetpriority=spot:NoSchedule",
    ),
}


def cpu_quantity(cpu_m: float) -> str:
    """Millicores in Kubernetes quantity syntax: 1500 -> "1500m"."""
    if cpu_m != round(cpu_m):
        raise ValueError(f"cpu_m {cpu_m} is not a whole number of millicores")
    return f"{round(cpu_m)}m"


def memory_quantity(memory_mib: float) -> str:
    """MiB in Kubernetes quantity syntax: 2048 -> "2Gi", 512 -> "512Mi"."""
    if memory_mib != round(memory_mib):
        raise ValueError(f"memory_mib {memory_mib} is not a whole number of MiB")
    mib = round(memory_mib)
    return f"{mib // MIB_PER_GIB}Gi" if mib % MIB_PER_GIB == 0 else f"{mib}Mi"


def _comment(text: str, indent: int) -> str:
    return " " * indent + "# " + " ".join(text.split())


def _spot_lines(cloud: str) -> list[str]:
    (label, label_value), (taint, taint_value), _ = SPOT_POOL[cloud]
    return [
        "  # On the spot pool: a stateless service (policy.cost.stateless_on_spot)",
        "  nodeSelector:",
        f'    {label}: "{label_value}"',
        "  tolerations:",
        f'    - key: "{taint}"',
        "      operator: Equal",
        f'      value: "{taint_value}"',
        "      effect: NoSchedule",
    ]


def _component_lines(component: ComponentPlan, pool_size: int | None) -> list[str]:
    c = component
    lines = [
        f"{c.helm_key}:",
        _comment(c.replicas_reason, 2),
        f"  replicas: {c.replicas}",
        _comment(c.resources_reason, 2),
        "  resources:",
        "    requests:",
        f"      cpu: {cpu_quantity(c.request_cpu_m)}",
        f"      memory: {memory_quantity(c.request_memory_mib)}",
        "    limits:",
        f"      cpu: {cpu_quantity(c.limit_cpu_m)}",
        f"      memory: {memory_quantity(c.limit_memory_mib)}",
        _comment(c.autoscaling.reason, 2),
        "  autoscaling:",
    ]
    if c.autoscaling.enabled:
        lines += [
            "    enabled: true",
            f"    minReplicas: {c.autoscaling.min_replicas}",
            f"    maxReplicas: {c.autoscaling.max_replicas}",
            "    targetCPUUtilizationPercentage:"
            f" {round(c.autoscaling.target_cpu_utilization_percent)}",
        ]
    else:
        lines.append("    enabled: false")
    process_key = PROCESS_KEYS.get(c.helm_key)
    if process_key is not None:
        lines += [_comment(c.processes_reason, 2), f"  {process_key}: {c.processes_per_replica}"]
    if pool_size is not None:
        lines += [
            "  # SQLAlchemy pool size: the stack's db_pool_size (chart db.poolSize)",
            "  db:",
            f"    poolSize: {pool_size}",
        ]
    return lines


def _resources(pod: InClusterPod, indent: int) -> list[str]:
    pad = " " * indent
    return [
        f"{pad}resources:",
        f"{pad}  requests:",
        f"{pad}    cpu: {cpu_quantity(math.ceil(pod.request_cpu_m))}",
        f"{pad}    memory: {memory_quantity(math.ceil(pod.request_memory_mib))}",
        f"{pad}  limits:",
        f"{pad}    cpu: {cpu_quantity(math.ceil(pod.limit_cpu_m))}",
        f"{pad}    memory: {memory_quantity(math.ceil(pod.limit_memory_mib))}",
        f"{pad}persistence:",
        f"{pad}  size: {math.ceil(pod.volume_gib)}Gi",
    ]


def _external(key: str, what: str, shape: str) -> list[str]:
    return [
        f"{key}:",
        "  enabled: true",
        _comment(
            f"{what} runs outside the cluster on {shape}: set its endpoint and credentials", 2
        ),
    ]


def _datastore_lines(env: EnvironmentPlan) -> list[str]:
    pods = {pod.name: pod for pod in env.data.in_cluster_pods}
    data = env.data
    lines: list[str] = []
    # The Bitnami subcharts keep the primary's resources under primary (PostgreSQL) and
    # master (Redis).
    for pod_name, chart_key, primary_key, external_key, what, shape in (
        (
            "postgresql",
            "postgresql",
            "primary",
            "externalPostgres",
            "PostgreSQL",
            data.postgres.shape.name,
        ),
        ("redis", "redis", "master", "externalRedis", "Redis", data.redis.shape.name),
    ):
        pod = pods.get(pod_name)
        if pod is not None:
            lines += [
                f"{chart_key}:",
                "  enabled: true",
                _comment(pod.reason, 2),
                f"  {primary_key}:",
            ]
            lines += [*_resources(pod, 4), f"{external_key}:", "  enabled: false"]
        else:
            lines += [f"{chart_key}:", "  enabled: false", *_external(external_key, what, shape)]
    qdrant = pods.get("qdrant")
    if qdrant is not None:
        lines += ["qdrant:", "  enabled: true", _comment(qdrant.reason, 2)]
        lines += [f"  replicaCount: {qdrant.replicas}", *_resources(qdrant, 2)]
        lines += ["vectorDB:", "  useExternal: false"]
    else:
        lines += ["qdrant:", "  enabled: false", "vectorDB:", "  useExternal: true"]
        lines += ["  externalType: qdrant"]
        lines.append(
            _comment(
                f"Qdrant runs outside the cluster on {data.qdrant.nodes} x "
                f"{data.qdrant.shape.name}: set externalQdrant.endpoint and apiKey",
                2,
            )
        )
    return lines


def helm_values(plan: Plan, environment: str, stack: Stack) -> str:
    """The overlay for one environment: every planned component under its chart key."""
    env: EnvironmentPlan = plan.environment(environment)
    pools = {c.name: c.db_pool_size for c in stack.components}
    spot = env.spot_nodes
    lines = [
        f"# Helm values overlay for the Dify Enterprise chart, written by tierplan {__version__}.",
        f"# Scenario: {plan.scenario}; environment: {env.name}.",
        f"# Worker nodes: {env.nodes.count} x {env.nodes.node_type.name}"
        f" ({env.nodes.node_type.vcpu} vCPU / {env.nodes.node_type.memory_gib:g} GiB)"
        + ("." if spot.count == 0 else " on demand."),
    ]
    if spot.count > 0:
        lines += [
            f"# Spot nodes: {spot.count} x {spot.node_type.name}"
            f" ({spot.node_type.vcpu} vCPU / {spot.node_type.memory_gib:g} GiB), as"
            f" {SPOT_POOL[env.cost.cloud][2]}.",
            "# The spot components select that pool: when the cloud has no spot capacity they",
            "# wait, so keep the pool's autoscaler able to grow it or lift their nodeSelector.",
        ]
    lines += [
        "# Apply after your own values: helm upgrade ... -f values.yaml -f <this file>.",
        "# Keys follow the chart's values.yaml; `autoscaling` uses the Helm scaffold's names",
        "# (the chart's own values have no autoscaling block: see tierplan.reports.helm).",
    ]
    for component in env.components:
        if not component.helm_key:
            continue
        pool = pools.get(component.name) if component.helm_key in DB_POOL_KEYS else None
        lines += ["", *_component_lines(component, pool)]
        if component.on_spot:
            lines += _spot_lines(env.cost.cloud)
    if not any(c.helm_key == "minio" for c in env.components):
        lines += [
            "",
            "# Objects in the cloud's object store: no MinIO in the cluster.",
            "minio:",
            "  enabled: false",
        ]
    lines += ["", "# The datastores, as the environment runs them.", *_datastore_lines(env)]
    return "\n".join(lines) + "\n"
