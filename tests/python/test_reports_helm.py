"""The Helm values overlay: valid YAML with every planned component of the chart."""

from __future__ import annotations

import re

import pytest
import yaml

import tierplan
from tierplan.reports.helm import cpu_quantity, helm_values, memory_quantity


def cpu_m_of(quantity: str) -> float:
    match = re.fullmatch(r"(\d+)m", quantity)
    assert match, f"cpu {quantity!r} is not in millicores"
    return float(match.group(1))


def memory_mib_of(quantity: str) -> float:
    match = re.fullmatch(r"(\d+)(Mi|Gi)", quantity)
    assert match, f"memory {quantity!r} is not in Mi or Gi"
    return float(match.group(1)) * (1024 if match.group(2) == "Gi" else 1)


# The blocks of the datastores, bundled subchart or external endpoint (tierplan.reports.helm).
DATASTORE_KEYS = {"postgresql", "externalPostgres", "redis", "externalRedis", "qdrant", "vectorDB"}


@pytest.fixture(scope="module")
def builtin() -> tuple[tierplan.Plan, tierplan.Scenario]:
    scenario = tierplan.Scenario.builtin()
    return tierplan.plan(scenario), scenario


@pytest.mark.parametrize("environment", ["test", "staging", "production"])
def test_the_overlay_carries_every_planned_component_with_the_plans_numbers(
    environment: str, builtin: tuple[tierplan.Plan, tierplan.Scenario]
) -> None:
    plan, scenario = builtin
    values = yaml.safe_load(helm_values(plan, environment, scenario.stack))
    env = plan.environment(environment)
    planned = {c.helm_key: c for c in env.components if c.helm_key}
    # Every planned component, then the datastores' blocks (and MinIO off where objects are
    # in the cloud's object store).
    assert set(planned) <= set(values)
    assert set(values) - set(planned) <= DATASTORE_KEYS | {"minio"}
    assert set(values) >= DATASTORE_KEYS
    for key, component in planned.items():
        block = values[key]
        assert block["replicas"] == component.replicas, key
        resources = block["resources"]
        assert cpu_m_of(resources["requests"]["cpu"]) == component.request_cpu_m, key
        assert memory_mib_of(resources["requests"]["memory"]) == component.request_memory_mib
        assert cpu_m_of(resources["limits"]["cpu"]) == component.limit_cpu_m, key
        assert memory_mib_of(resources["limits"]["memory"]) == component.limit_memory_mib
        autoscaling = block["autoscaling"]
        assert autoscaling["enabled"] is component.autoscaling.enabled
        if component.autoscaling.enabled:
            assert autoscaling["minReplicas"] == component.autoscaling.min_replicas
            assert autoscaling["maxReplicas"] == component.autoscaling.max_replicas


def test_every_deployed_component_of_the_chart_is_in_the_overlay(
    builtin: tuple[tierplan.Plan, tierplan.Scenario],
) -> None:
    plan, scenario = builtin
    values = yaml.safe_load(helm_values(plan, "production", scenario.stack))
    deployed = [
        c.helm_key
        for c in scenario.stack.components
        if c.since_chart_version <= scenario.stack.chart_version
    ]
    assert deployed and set(deployed) == set(values) - DATASTORE_KEYS
    # The chart's snake_case keys (chart values.yaml), not camelCase guesses.
    assert {"plugin_daemon", "plugin_controller", "plugin_connector"} <= set(values)


def test_worker_processes_follow_the_official_spec(
    builtin: tuple[tierplan.Plan, tierplan.Scenario],
) -> None:
    plan, scenario = builtin
    test = yaml.safe_load(helm_values(plan, "test", scenario.stack))
    production = yaml.safe_load(helm_values(plan, "production", scenario.stack))
    # Official spec: celeryWorkerAmount 1 in test, one per CPU core in production;
    # serverWorkerAmount 1 in both.
    assert test["worker"]["celeryWorkerAmount"] == 1
    limit_cores = plan.environment("production").component("worker").limit_cpu_m / 1000
    assert production["worker"]["celeryWorkerAmount"] == int(limit_cores) == 2
    assert test["api"]["serverWorkerAmount"] == production["api"]["serverWorkerAmount"] == 1


def test_db_pool_sizes_are_the_stacks(builtin: tuple[tierplan.Plan, tierplan.Scenario]) -> None:
    plan, scenario = builtin
    values = yaml.safe_load(helm_values(plan, "production", scenario.stack))
    pools = {c.helm_key: c.db_pool_size for c in scenario.stack.components}
    for key in ("api", "worker", "workerBeat"):
        assert values[key]["db"]["poolSize"] == pools[key]
    assert values["api"]["db"]["poolSize"] == 250


def test_the_header_names_scenario_environment_and_version(
    builtin: tuple[tierplan.Plan, tierplan.Scenario],
) -> None:
    plan, scenario = builtin
    head = helm_values(plan, "test", scenario.stack).splitlines()[:3]
    assert tierplan.__version__ in head[0]
    assert head[1] == "# Scenario: dify-enterprise; environment: test."


def test_quantities_use_kubernetes_syntax() -> None:
    assert cpu_quantity(1500) == "1500m"
    assert cpu_quantity(100) == "100m"
    assert memory_quantity(2048) == "2Gi"
    assert memory_quantity(512) == "512Mi"
    assert memory_quantity(10240) == "10Gi"
    assert memory_quantity(2128) == "2128Mi"
    with pytest.raises(ValueError, match="not a whole number"):
        cpu_quantity(1500.5)
