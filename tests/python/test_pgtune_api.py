"""PGTune open to users (issue 15): every input and every setting in Python, the database's
workload profile and version as scenario fields, and what a user checks by hand (a node's
allocatable and reservations, the fewest servers for a queueing target)."""

from __future__ import annotations

import pytest

import tierplan


def test_pgtune_takes_every_input_and_gives_every_setting() -> None:
    web = tierplan.pgtune(memory_gib=16, vcpu=4)
    assert web.shared_buffers_kib == 16 * 1024 * 1024 / 4
    assert web.max_connections == 200  # PGTune's default for web
    assert web.jit == "off" and web.wal_compression == "lz4"
    assert web.effective_io_concurrency == 200 and web.huge_pages == "try"
    dw = tierplan.pgtune(memory_gib=16, vcpu=4, workload="dw")
    assert dw.default_statistics_target == 500 and dw.jit == ""
    desktop = tierplan.pgtune(memory_mib=8192, vcpu=2, workload=tierplan.PgWorkload.desktop)
    assert desktop.wal_level == "minimal" and desktop.max_wal_senders == 0
    big = tierplan.pgtune(memory_gib=256, vcpu=32, postgres_version=18, disk="nvme")
    assert big.io_method == "io_uring" and big.io_workers == 8
    assert big.autovacuum_max_workers == 5 and big.autovacuum_work_mem_kib == 2 * 1024 * 1024
    assert any("very high memory" in warning for warning in big.warnings)
    mac = tierplan.pgtune(memory_gib=128, vcpu=8, postgres_version=18, os="mac")
    assert mac.huge_pages == "off" and mac.io_method == "worker"
    assert mac.effective_io_concurrency == 0
    windows = tierplan.pgtune(memory_gib=256, vcpu=4, os="windows", postgres_version=17)
    assert windows.maintenance_work_mem_kib == 2096128


def test_pgtune_conf_is_the_web_tools_text_for_the_inputs() -> None:
    text = tierplan.pgtune_conf(memory_gib=8, vcpu=4, workload="oltp", os="windows")
    assert "# DB Type: oltp\n" in text and "# OS Type: windows\n" in text
    assert "effective_io_concurrency" not in text
    assert "max_connections = 300\n" in text


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"memory_gib": 8, "vcpu": 4, "workload": "webapp"}, "workload: 'webapp' is not one of"),
        ({"memory_gib": 8, "vcpu": 4, "os": "bsd"}, "os: 'bsd' is not one of linux"),
        ({"memory_gib": 8, "vcpu": 4, "postgres_version": 9}, "postgres_version must be 10..18"),
        ({"vcpu": 4}, "give the memory once"),
        ({"memory_gib": 8, "vcpu": 0}, "vcpu must be >= 1"),
    ],
)
def test_pgtune_refuses_what_pgtune_does_not_take(arguments: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        tierplan.pgtune(**arguments)


def test_the_database_profile_and_version_are_scenario_fields() -> None:
    scenario = tierplan.Scenario.builtin()
    production = next(e for e in scenario.environments if e.name == "production")
    datastores = production.policy.datastores
    assert datastores.postgres_workload == tierplan.PgWorkload.web
    assert datastores.postgres_version == 16
    datastores.postgres_workload = tierplan.PgWorkload.oltp
    datastores.postgres_version = 18
    pg = tierplan.plan(scenario, ["production"]).environment("production").data.postgres
    assert pg.tune_input.workload == tierplan.PgWorkload.oltp
    assert pg.tune_input.postgres_version == 18
    assert pg.settings.io_method == "io_uring"
    assert "PGTune (oltp)" in " ".join(s.reason for s in pg.parameter_group)
    again = tierplan.Scenario.from_json(scenario.to_json())
    back = next(e for e in again.environments if e.name == "production").policy.datastores
    assert back.postgres_workload == tierplan.PgWorkload.oltp and back.postgres_version == 18


def test_a_postgres_version_pgtune_does_not_offer_is_a_validation_error() -> None:
    document = tierplan.Scenario.builtin().to_dict()
    document["environments"][2]["policy"]["datastores"]["postgres_version"] = 9
    document["environments"][2]["policy"]["datastores"]["postgres_workload"] = "webapp"
    with pytest.raises(tierplan.ValidationError) as raised:
        tierplan.Scenario.from_dict(document)
    paths = [path for path, _ in raised.value.issues]
    assert "environments[2].policy.datastores.postgres_version" in paths
    assert "environments[2].policy.datastores.postgres_workload" in paths


def test_node_allocatable_and_reservations_are_open_to_users() -> None:
    scenario = tierplan.Scenario.builtin()
    node_type = next(t for t in scenario.catalog.node_types if t.name == "n2-standard-8")
    policy = next(e for e in scenario.environments if e.name == "production").policy
    policy.reserved_model = tierplan.ReservedModel.gke
    allocatable = tierplan.node_allocatable(node_type, policy)
    # GKE: 6% of the first core, 1% of the next, 0.5% of the next two, 0.25% above four.
    assert allocatable.reserved_cpu_m == tierplan.reserved_cpu_m(8, tierplan.ReservedModel.gke)
    assert allocatable.reserved_cpu_m == 60 + 10 + 10 + 10
    assert allocatable.allocatable_cpu_m == 8000 - allocatable.reserved_cpu_m
    assert tierplan.reserved_memory_mib(32.0, 110, tierplan.ReservedModel.eks) == 11 * 110 + 255


def test_the_fewest_servers_for_a_queueing_target() -> None:
    sizing = tierplan.min_servers(
        offered_load_erlangs=10.0,
        service_s=1.0,
        wait_target_s=0.5,
        percentile=0.95,
        max_utilization=0.7,
        max_servers=100,
    )
    assert sizing is not None
    assert sizing.utilization <= 0.7
    assert sizing.wait_exceeds_target_probability <= 0.05
    fewer = tierplan.probability_wait_exceeds(10.0, sizing.servers - 1, 1.0, 0.5)
    assert sizing.bound_by_wait == (fewer > 0.05)
    assert tierplan.min_servers(10.0, 1.0, 0.5, 0.95, 0.7, 5) is None
