"""Invalid scenarios from Python: every problem comes back with its JSON path and value.

The same table as tests/cpp/io/test_validation.cpp: each case breaks one field of the
built-in Dify Enterprise scenario and expects exactly one (path, message) issue. Cases
JSON text can express go through both ``Scenario.from_json`` and ``Scenario.from_dict``;
NaN and infinities (which JSON text cannot hold) only through ``from_dict``.
"""

from __future__ import annotations

import copy
import json
import math
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import tierplan

Document = dict[str, Any]
Mutation = Callable[[Document], None]
Issues = list[tuple[str, str]]

BASE_TEXT: str = tierplan.builtin_data_file("scenarios/dify-enterprise.json")
NAN = float("nan")
INF = float("inf")


def shipped_document() -> Document:
    """The shipped scenario with the whole built-in catalog written out ("extends": "none"),
    so that a case can change any catalog entry by its index."""
    document: Document = json.loads(BASE_TEXT)
    document["catalog"] = json.loads(tierplan.builtin_data_file("catalogs/builtin.json"))
    return document


def base_document() -> Document:
    """The shipped scenario without its "sources" notes: a note naming a field that a case
    removes or replaces would be a second problem (see test_a_source_note_about_...)."""
    document = shipped_document()
    document["sources"] = {}
    return document


# --- mutations, addressed by a sequence of keys and list indices ------------------------


def _parent(document: Document, keys: tuple[Any, ...]) -> Any:
    node: Any = document
    for key in keys[:-1]:
        node = node[key]
    return node


def put(*keys_and_value: Any) -> Mutation:
    """put("workload", "requests", 0, "name", "x"): set (or add) one value."""
    *keys, value = keys_and_value

    def mutate(document: Document) -> None:
        _parent(document, tuple(keys))[keys[-1]] = copy.deepcopy(value)

    return mutate


def drop(*keys: Any) -> Mutation:
    def mutate(document: Document) -> None:
        del _parent(document, keys)[keys[-1]]

    return mutate


def issues_of(load: Callable[[], object]) -> Issues:
    with pytest.raises(tierplan.ValidationError) as caught:
        load()
    return list(caught.value.issues)


# --- one broken field per case ---------------------------------------------------------

IDENTIFIER_RULE = "must be a name of lowercase letters, digits, '_' or '-'"
KINDS = '"service", "worker", "singleton", "daemon"'
DRIVERS = (
    '"none", "api_requests", "web_requests", "worker_tasks", "plugin_calls", '
    '"sandbox_executions", "document_ingestion", "outbound_requests"'
)


@dataclass(frozen=True)
class BadField:
    id: str
    mutate: Mutation
    path: str
    message: str
    text_too: bool = True  # False: NaN and infinities, which JSON text cannot carry


def case(name: str, mutate: Mutation, path: str, message: str, text_too: bool = True) -> Any:
    return pytest.param(BadField(name, mutate, path, message, text_too), id=name)


def dict_only(name: str, mutate: Mutation, path: str, message: str) -> Any:
    return case(name, mutate, path, message, text_too=False)


BAD_FIELDS = [
    # --- top level
    case("top_name_not_a_string", put("name", 5), "name", f"{IDENTIFIER_RULE}, got 5"),
    case(
        "top_name_with_capitals",
        put("name", "Dify Enterprise"),
        "name",
        f'{IDENTIFIER_RULE}, got "Dify Enterprise"',
    ),
    case(
        "top_missing_workload",
        drop("workload"),
        "workload",
        "required key is missing",
    ),
    case(
        "top_stack_is_a_string", put("stack", "dify"), "stack", 'must be a JSON object, got "dify"'
    ),
    case(
        "top_unknown_key_with_suggestion",
        put("enviroments", []),
        "enviroments",
        'unknown key; did you mean "environments"?',
    ),
    case("top_unknown_key_without_suggestion", put("zzzzzzzzzz", 1), "zzzzzzzzzz", "unknown key"),
    case(
        "top_description_not_a_string",
        put("description", False),
        "description",
        "must be a string, got false",
    ),
    # --- sources
    case(
        "sources_not_an_object",
        put("sources", "see the docs"),
        "sources",
        'must be a JSON object, got "see the docs"',
    ),
    case(
        "sources_path_names_no_field",
        put("sources", "workload.daily_users", "a note"),
        "sources.workload.daily_users",
        'names no field of this scenario, got "workload.daily_users"',
    ),
    case(
        "sources_index_out_of_range",
        put("sources", "environments[3].policy", "a note"),
        "sources.environments[3].policy",
        'names no field of this scenario, got "environments[3].policy"',
    ),
    case(
        "sources_empty_note",
        put("sources", "workload.daily_active_users", ""),
        "sources.workload.daily_active_users",
        'must be a non-empty string, got ""',
    ),
    case(
        "sources_note_not_a_string",
        put("sources", "workload.peak_hour_fraction", 0.15),
        "sources.workload.peak_hour_fraction",
        "must be a non-empty string, got 0.15",
    ),
    # --- workload
    case(
        "workload_users_negative",
        put("workload", "daily_active_users", -5),
        "workload.daily_active_users",
        "must be >= 0, got -5",
    ),
    case(
        "workload_users_string",
        put("workload", "daily_active_users", "3000"),
        "workload.daily_active_users",
        'must be a number, got "3000"',
    ),
    case(
        "workload_users_null",
        put("workload", "daily_active_users", None),
        "workload.daily_active_users",
        "must be a number, got null",
    ),
    case(
        "workload_users_bool",
        put("workload", "daily_active_users", True),
        "workload.daily_active_users",
        "must be a number, got true",
    ),
    case(
        "workload_users_missing",
        drop("workload", "daily_active_users"),
        "workload.daily_active_users",
        "required key is missing",
    ),
    case(
        "workload_users_beyond_range",
        put("workload", "daily_active_users", 1e12),
        "workload.daily_active_users",
        "must be <= 1000000000, got 1000000000000",
    ),
    case(
        "workload_users_beyond_int64",
        put("workload", "daily_active_users", 1e20),
        "workload.daily_active_users",
        "must be <= 1000000000, got 1e+20",
    ),
    dict_only(
        "workload_users_nan",
        put("workload", "daily_active_users", NAN),
        "workload.daily_active_users",
        "must be a finite number, got nan",
    ),
    dict_only(
        "workload_users_infinite",
        put("workload", "daily_active_users", INF),
        "workload.daily_active_users",
        "must be a finite number, got inf",
    ),
    case(
        "workload_peak_hour_fraction_zero",
        put("workload", "peak_hour_fraction", 0),
        "workload.peak_hour_fraction",
        "must be > 0, got 0",
    ),
    case(
        "workload_peak_hour_fraction_above_one",
        put("workload", "peak_hour_fraction", 1.5),
        "workload.peak_hour_fraction",
        "must be <= 1, got 1.5",
    ),
    case(
        "workload_peak_burst_factor_below_one",
        put("workload", "peak_burst_factor", 0.5),
        "workload.peak_burst_factor",
        "must be >= 1, got 0.5",
    ),
    case(
        "workload_worker_task_service_zero",
        put("workload", "worker_task_service_s", 0),
        "workload.worker_task_service_s",
        "must be > 0, got 0",
    ),
    case(
        "workload_unknown_key_typo",
        put("workload", "daily_active_user", 3000),
        "workload.daily_active_user",
        'unknown key; did you mean "daily_active_users"?',
    ),
    # --- workload.requests[i]
    case(
        "requests_not_an_array",
        put("workload", "requests", {}),
        "workload.requests",
        "must be a JSON array, got {}",
    ),
    case(
        "requests_missing",
        drop("workload", "requests"),
        "workload.requests",
        "required key is missing",
    ),
    case(
        "request_not_an_object",
        put("workload", "requests", 1, 5),
        "workload.requests[1]",
        "must be a JSON object, got 5",
    ),
    case(
        "request_per_user_negative",
        put("workload", "requests", 0, "per_user_per_day", -1),
        "workload.requests[0].per_user_per_day",
        "must be >= 0, got -1",
    ),
    dict_only(
        "request_per_user_nan",
        put("workload", "requests", 2, "per_user_per_day", NAN),
        "workload.requests[2].per_user_per_day",
        "must be a finite number, got nan",
    ),
    case(
        "request_api_service_missing",
        drop("workload", "requests", 3, "api_service_ms"),
        "workload.requests[3].api_service_ms",
        "required key is missing",
    ),
    case(
        "request_stream_hold_beyond_an_hour",
        put("workload", "requests", 1, "stream_hold_s", 7200),
        "workload.requests[1].stream_hold_s",
        "must be <= 3600, got 7200",
    ),
    case(
        "request_fan_out_array",
        put("workload", "requests", 0, "worker_tasks_per_request", [1, 2]),
        "workload.requests[0].worker_tasks_per_request",
        "must be a number, got [1,2]",
    ),
    case(
        "request_name_not_an_identifier",
        put("workload", "requests", 2, "name", "Service API"),
        "workload.requests[2].name",
        f'{IDENTIFIER_RULE}, got "Service API"',
    ),
    case(
        "request_name_empty",
        put("workload", "requests", 2, "name", ""),
        "workload.requests[2].name",
        f'{IDENTIFIER_RULE}, got ""',
    ),
    case(
        "request_duplicate_name",
        put("workload", "requests", 3, "name", "chat_message"),
        "workload.requests[3].name",
        'duplicate name, also used at workload.requests[0], got "chat_message"',
    ),
    case(
        "request_unknown_key",
        put("workload", "requests", 0, "stream_hold_ms", 20000),
        "workload.requests[0].stream_hold_ms",
        'unknown key; did you mean "stream_hold_s"?',
    ),
    # --- workload.knowledge_base
    case(
        "knowledge_base_not_an_object",
        put("workload", "knowledge_base", []),
        "workload.knowledge_base",
        "must be a JSON object, got []",
    ),
    case(
        "knowledge_base_documents_negative",
        put("workload", "knowledge_base", "documents", -1000),
        "workload.knowledge_base.documents",
        "must be >= 0, got -1000",
    ),
    case(
        "knowledge_base_chunk_size_zero",
        put("workload", "knowledge_base", "chunk_size_chars", 0),
        "workload.knowledge_base.chunk_size_chars",
        "must be > 0, got 0",
    ),
    case(
        "knowledge_base_overlap_not_below_chunk_size",
        put("workload", "knowledge_base", "chunk_overlap_chars", 1000),
        "workload.knowledge_base.chunk_overlap_chars",
        "must be < chunk_size_chars (1000), got 1000",
    ),
    case(
        "knowledge_base_dimension_fractional",
        put("workload", "knowledge_base", "embedding_dimension", 1024.5),
        "workload.knowledge_base.embedding_dimension",
        "must be an integer, got 1024.5",
    ),
    case(
        "knowledge_base_dimension_zero",
        put("workload", "knowledge_base", "embedding_dimension", 0),
        "workload.knowledge_base.embedding_dimension",
        "must be >= 1, got 0",
    ),
    case(
        "knowledge_base_dimension_beyond_int",
        put("workload", "knowledge_base", "embedding_dimension", 4294967296),
        "workload.knowledge_base.embedding_dimension",
        "must be <= 65536, got 4294967296",
    ),
    dict_only(
        "knowledge_base_dimension_nan",
        put("workload", "knowledge_base", "embedding_dimension", NAN),
        "workload.knowledge_base.embedding_dimension",
        "must be an integer, got nan",
    ),
    # --- workload.retention, uploads, growth
    case(
        "retention_days_negative",
        put("workload", "retention", "message_retention_days", -30),
        "workload.retention.message_retention_days",
        "must be >= 0, got -30",
    ),
    case(
        "retention_days_beyond_a_century",
        put("workload", "retention", "workflow_log_retention_days", 1e6),
        "workload.retention.workflow_log_retention_days",
        "must be <= 36500, got 1000000",
    ),
    case(
        "retention_cleanup_not_a_bool",
        put("workload", "retention", "workflow_log_cleanup_enabled", "yes"),
        "workload.retention.workflow_log_cleanup_enabled",
        'must be true or false, got "yes"',
    ),
    case(
        "retention_cleanup_number",
        put("workload", "retention", "workflow_log_cleanup_enabled", 1),
        "workload.retention.workflow_log_cleanup_enabled",
        "must be true or false, got 1",
    ),
    case(
        "uploads_unknown_key",
        put("workload", "uploads", "average_file_mib", 0.5),
        "workload.uploads.average_file_mib",
        'unknown key; did you mean "average_file_kib"?',
    ),
    dict_only(
        "uploads_files_negative_infinity",
        put("workload", "uploads", "files_per_user_per_day", -INF),
        "workload.uploads.files_per_user_per_day",
        "must be a finite number, got -inf",
    ),
    case(
        "growth_null",
        put("workload", "growth", None),
        "workload.growth",
        "must be a JSON object, got null",
    ),
    case(
        "growth_fraction_below_minus_ninety_percent",
        put("workload", "growth", "annual_growth_fraction", -1),
        "workload.growth.annual_growth_fraction",
        "must be >= -0.9, got -1",
    ),
    case(
        "growth_horizon_beyond_ten_years",
        put("workload", "growth", "planning_horizon_months", 240),
        "workload.growth.planning_horizon_months",
        "must be <= 120, got 240",
    ),
    # --- stack
    case("stack_name_missing", drop("stack", "name"), "stack.name", "required key is missing"),
    case(
        "stack_chart_version_negative",
        put("stack", "chart_version", -1),
        "stack.chart_version",
        "must be >= 0, got -1",
    ),
    case(
        "stack_limit_ratio_below_one",
        put("stack", "limit_to_request_ratio", 0.5),
        "stack.limit_to_request_ratio",
        "must be >= 1, got 0.5",
    ),
    case(
        "stack_components_empty",
        put("stack", "components", []),
        "stack.components",
        "must list at least one component, got []",
    ),
    case(
        "stack_unknown_key",
        put("stack", "component", []),
        "stack.component",
        'unknown key; did you mean "components"?',
    ),
    # --- stack.components[i]
    case(
        "component_not_an_object",
        put("stack", "components", 0, "api"),
        "stack.components[0]",
        'must be a JSON object, got "api"',
    ),
    case(
        "component_kind_unknown",
        put("stack", "components", 0, "kind", "deployment"),
        "stack.components[0].kind",
        f'must be one of {KINDS}, got "deployment"',
    ),
    case(
        "component_kind_missing",
        drop("stack", "components", 4, "kind"),
        "stack.components[4].kind",
        "required key is missing",
    ),
    case(
        "component_load_driver_number",
        put("stack", "components", 1, "load_driver", 3),
        "stack.components[1].load_driver",
        f"must be one of {DRIVERS}, got 3",
    ),
    case(
        "component_concurrency_zero",
        put("stack", "components", 0, "concurrency_per_replica", 0),
        "stack.components[0].concurrency_per_replica",
        "must be >= 1, got 0",
    ),
    case(
        "component_db_pool_negative",
        put("stack", "components", 1, "db_pool_size", -10),
        "stack.components[1].db_pool_size",
        "must be >= 0, got -10",
    ),
    case(
        "component_service_time_zero",
        put("stack", "components", 5, "service_time_ms", 0),
        "stack.components[5].service_time_ms",
        "must be > 0, got 0",
    ),
    case(
        "component_singleton_scales",
        put("stack", "components", 2, "scales_horizontally", True),
        "stack.components[2].scales_horizontally",
        "must be false for a singleton, got true",
    ),
    case(
        "component_duplicate_name",
        put("stack", "components", 1, "name", "api"),
        "stack.components[1].name",
        'duplicate name, also used at stack.components[0], got "api"',
    ),
    case(
        "component_resources_missing",
        drop("stack", "components", 0, "resources"),
        "stack.components[0].resources",
        "required key is missing",
    ),
    case(
        "resources_cpu_zero",
        put("stack", "components", 3, "resources", "baseline_cpu_m", 0),
        "stack.components[3].resources.baseline_cpu_m",
        "must be > 0, got 0",
    ),
    case(
        "resources_memory_beyond_4_tib",
        put("stack", "components", 3, "resources", "baseline_memory_mib", 1e8),
        "stack.components[3].resources.baseline_memory_mib",
        "must be <= 4194304, got 100000000",
    ),
    dict_only(
        "resources_cpu_per_rate_nan",
        put("stack", "components", 0, "resources", "cpu_m_per_rate_per_s", NAN),
        "stack.components[0].resources.cpu_m_per_rate_per_s",
        "must be a finite number, got nan",
    ),
    case(
        "resources_unknown_key",
        put("stack", "components", 0, "resources", "baseline_cpu", 250),
        "stack.components[0].resources.baseline_cpu",
        'unknown key; did you mean "baseline_cpu_m"?',
    ),
    # --- environments[i]
    case(
        "environments_empty",
        put("environments", []),
        "environments",
        "must list at least one environment, got []",
    ),
    case(
        "environments_an_object",
        put("environments", {}),
        "environments",
        "must be a JSON array, got {}",
    ),
    case(
        "environment_name_with_capitals",
        put("environments", 2, "name", "Production"),
        "environments[2].name",
        f'{IDENTIFIER_RULE}, got "Production"',
    ),
    case(
        "environment_duplicate_name",
        put("environments", 1, "name", "test"),
        "environments[1].name",
        'duplicate name, also used at environments[0], got "test"',
    ),
    case(
        "environment_both_workload_and_share",
        put("environments", 0, "workload_share", 0.5),
        "environments[0].workload",
        'give exactly one of "workload" and "workload_share", got both',
    ),
    case(
        "environment_neither_workload_nor_share",
        drop("environments", 1, "workload_share"),
        "environments[1].workload",
        'give exactly one of "workload" and "workload_share", got neither',
    ),
    case(
        "environment_share_negative",
        put("environments", 1, "workload_share", -0.1),
        "environments[1].workload_share",
        "must be >= 0, got -0.1",
    ),
    case(
        "environment_own_workload_users_negative",
        put("environments", 0, "workload", "daily_active_users", -5),
        "environments[0].workload.daily_active_users",
        "must be >= 0, got -5",
    ),
    case(
        "environment_policy_missing",
        drop("environments", 1, "policy"),
        "environments[1].policy",
        "required key is missing",
    ),
    case(
        "policy_min_replicas_zero",
        put("environments", 0, "policy", "min_replicas", 0),
        "environments[0].policy.min_replicas",
        "must be >= 1, got 0",
    ),
    case(
        "policy_max_replicas_below_min",
        put("environments", 2, "policy", "max_replicas", 2),
        "environments[2].policy.max_replicas",
        "must be >= min_replicas (3), got 2",
    ),
    case(
        "policy_utilization_above_one",
        put("environments", 2, "policy", "max_server_utilization", 1.2),
        "environments[2].policy.max_server_utilization",
        "must be <= 1, got 1.2",
    ),
    case(
        "policy_latency_percentile_one",
        put("environments", 2, "policy", "latency_percentile", 1),
        "environments[2].policy.latency_percentile",
        "must be <= 0.999999, got 1",
    ),
    case(
        "policy_latency_target_zero",
        put("environments", 2, "policy", "latency_target_ms", 0),
        "environments[2].policy.latency_target_ms",
        "must be > 0, got 0",
    ),
    case(
        "policy_spread_unknown",
        put("environments", 2, "policy", "spread", "zones"),
        "environments[2].policy.spread",
        'must be one of "none", "nodes", got "zones"',
    ),
    case(
        "policy_survive_node_loss_string",
        put("environments", 2, "policy", "survive_node_loss", "true"),
        "environments[2].policy.survive_node_loss",
        'must be true or false, got "true"',
    ),
    dict_only(
        "policy_daemonset_cpu_infinite",
        put("environments", 1, "policy", "daemonset_cpu_m", INF),
        "environments[1].policy.daemonset_cpu_m",
        "must be a finite number, got inf",
    ),
    case(
        "policy_node_type_not_in_catalog",
        put("environments", 2, "policy", "node_type", "m9.huge"),
        "environments[2].policy.node_type",
        'must name a node type of the catalog, got "m9.huge"',
    ),
    case(
        "policy_unknown_key",
        put("environments", 2, "policy", "min_replica", 3),
        "environments[2].policy.min_replica",
        'unknown key; did you mean "min_replicas"?',
    ),
    # --- catalog.node_types[i]
    case(
        "catalog_missing",
        drop("catalog"),
        "catalog",
        "required key is missing",
    ),
    case(
        "catalog_node_types_empty",
        put("catalog", "node_types", []),
        "catalog.node_types",
        "must list at least one node type, got []",
    ),
    case(
        "node_type_vcpu_zero",
        put("catalog", "node_types", 0, "vcpu", 0),
        "catalog.node_types[0].vcpu",
        "must be >= 1, got 0",
    ),
    case(
        "node_type_vcpu_string",
        put("catalog", "node_types", 1, "vcpu", "4"),
        "catalog.node_types[1].vcpu",
        'must be an integer, got "4"',
    ),
    case(
        "node_type_vcpu_max_int64",
        put("catalog", "node_types", 1, "vcpu", 9223372036854775807),
        "catalog.node_types[1].vcpu",
        "must be <= 4096, got 9223372036854775807",
    ),
    case(
        "node_type_memory_negative",
        put("catalog", "node_types", 2, "memory_gib", -8),
        "catalog.node_types[2].memory_gib",
        "must be > 0, got -8",
    ),
    case(
        "node_type_max_pods_beyond",
        put("catalog", "node_types", 3, "max_pods", 1000000),
        "catalog.node_types[3].max_pods",
        "must be <= 10000, got 1000000",
    ),
    case(
        "node_type_price_missing",
        drop("catalog", "node_types", 4, "price_usd_per_hour"),
        "catalog.node_types[4].price_usd_per_hour",
        "required key is missing",
    ),
    case(
        "node_type_price_negative",
        put("catalog", "node_types", 4, "price_usd_per_hour", -0.1),
        "catalog.node_types[4].price_usd_per_hour",
        "must be >= 0, got -0.1",
    ),
    case(
        "node_type_name_empty",
        put("catalog", "node_types", 5, "name", ""),
        "catalog.node_types[5].name",
        'must be a non-empty string, got ""',
    ),
    case(
        "node_type_duplicate_name",
        put("catalog", "node_types", 1, "name", "m5.large"),
        "catalog.node_types[1].name",
        'duplicate name, also used at catalog.node_types[0], got "m5.large"',
    ),
    case(
        "node_type_unknown_key",
        put("catalog", "node_types", 0, "price_usd_per_hr", 0.1),
        "catalog.node_types[0].price_usd_per_hr",
        'unknown key; did you mean "price_usd_per_hour"?',
    ),
    # --- tiers[i]
    case(
        "tiers_not_an_array",
        put("tiers", {}),
        "tiers",
        "must be a JSON array, got {}",
    ),
    case(
        "tier_node_count_zero",
        put("tiers", 1, "node_count", 0),
        "tiers[1].node_count",
        "must be >= 1, got 0",
    ),
    dict_only(
        "tier_node_memory_nan",
        put("tiers", 0, "node_memory_gib", NAN),
        "tiers[0].node_memory_gib",
        "must be a finite number, got nan",
    ),
    case(
        "tier_unknown_key",
        put("tiers", 0, "node_cpu", 4),
        "tiers[0].node_cpu",
        'unknown key; did you mean "node_vcpu"?',
    ),
    # --- an integer beyond 64 bits (a Python int in from_dict) is still a number
    case(
        "python_int_beyond_64_bits",
        put("workload", "daily_active_users", 10**30),
        "workload.daily_active_users",
        "must be <= 1000000000, got 1e+30",
    ),
]


@pytest.mark.parametrize("bad", BAD_FIELDS)
def test_bad_field_reports_its_path_and_value(bad: BadField) -> None:
    document = base_document()
    bad.mutate(document)
    expected = [(bad.path, bad.message)]
    assert issues_of(lambda: tierplan.Scenario.from_dict(document)) == expected
    if bad.text_too:
        text = json.dumps(document, allow_nan=False)
        assert issues_of(lambda: tierplan.Scenario.from_json(text)) == expected


# --- raw text -------------------------------------------------------------------------


def base_text_with(old: str, new: str) -> str:
    assert old in BASE_TEXT, old
    return BASE_TEXT.replace(old, new, 1)


def position_of(text: str, needle: str) -> str:
    """'line L, column C' of needle's first character (1-based), as the parser reports it."""
    at = text.index(needle)
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    return f"line {line}, column {column}"


WITH_NAN = base_text_with('"daily_active_users": 3000', '"daily_active_users": NaN')
WITH_INFINITY = base_text_with('"peak_burst_factor": 1.5', '"peak_burst_factor": Infinity')

BAD_TEXTS = [
    pytest.param("", "$", "empty document: expected a JSON object", id="empty_text"),
    pytest.param(" \n\t\r\n ", "$", "empty document: expected a JSON object", id="whitespace_only"),
    pytest.param("[1, 2, 3]", "$", "must be a JSON object, got [1,2,3]", id="top_level_array"),
    pytest.param("[]", "$", "must be a JSON object, got []", id="top_level_empty_array"),
    pytest.param(
        '"dify-enterprise"',
        "$",
        'must be a JSON object, got "dify-enterprise"',
        id="top_level_string",
    ),
    pytest.param("null", "$", "must be a JSON object, got null", id="top_level_null"),
    pytest.param("42", "$", "must be a JSON object, got 42", id="top_level_number"),
    pytest.param(
        '{\n  "name": "x",\n',
        "$",
        "malformed JSON: parse error at line 3, column 1: syntax error while parsing object key "
        "- unexpected end of input; expected string literal",
        id="unterminated_object",
    ),
    pytest.param(
        '{"name": "x",}',
        "$",
        "malformed JSON: parse error at line 1, column 14: syntax error while parsing object key "
        "- unexpected '}'; expected string literal",
        id="trailing_comma",
    ),
    pytest.param(
        "{'name': 'x'}",
        "$",
        "malformed JSON: parse error at line 1, column 2: syntax error while parsing object key "
        "- invalid literal; last read: '{''; expected string literal",
        id="single_quotes",
    ),
    pytest.param(
        "// scenario\n{}",
        "$",
        "malformed JSON: parse error at line 1, column 1: syntax error while parsing value - "
        "invalid literal; last read: '/'",
        id="comment",
    ),
    pytest.param(
        "{} {}",
        "$",
        "malformed JSON: parse error at line 1, column 4: syntax error while parsing value - "
        "unexpected '{'; expected end of input",
        id="trailing_garbage",
    ),
    pytest.param(
        WITH_NAN,
        "$",
        f"malformed JSON: parse error at {position_of(WITH_NAN, 'NaN')}: syntax error while "
        "parsing value - invalid literal; last read: '\"daily_active_users\": N'",
        id="nan_literal",
    ),
    pytest.param(
        base_text_with(
            '"daily_active_users": 3000', '"daily_active_users": 1000000000000000000000000000000'
        ),
        "workload.daily_active_users",
        "must be <= 1000000000, got 1e+30",
        id="integer_beyond_64_bits",
    ),
    pytest.param(
        WITH_INFINITY,
        "$",
        f"malformed JSON: parse error at {position_of(WITH_INFINITY, 'Infinity')}: syntax error "
        "while parsing value - invalid literal; last read: '\"peak_burst_factor\": I'",
        id="infinity_literal",
    ),
]


@pytest.mark.parametrize(("text", "path", "message"), BAD_TEXTS)
def test_bad_text_reports_the_problem(text: str, path: str, message: str) -> None:
    assert issues_of(lambda: tierplan.Scenario.from_json(text)) == [(path, message)]


def test_python_json_dumps_of_nan_is_rejected_as_malformed() -> None:
    document = base_document()
    document["workload"]["daily_active_users"] = NAN
    text = json.dumps(document)  # Python writes the non-JSON literal NaN
    [(path, message)] = issues_of(lambda: tierplan.Scenario.from_json(text))
    assert path == "$"
    assert message.startswith("malformed JSON: parse error at line 1, column ")
    assert "invalid literal" in message


# --- the error type and its contents ----------------------------------------------------


def test_the_tables_hold_enough_distinct_cases() -> None:
    fields = [param.values[0] for param in BAD_FIELDS]
    ids = [param.id for param in BAD_FIELDS] + [param.id for param in BAD_TEXTS]
    assert len(ids) == len(set(ids))
    distinct = {(bad.path, bad.message) for bad in fields} | {
        (param.values[1], param.values[2]) for param in BAD_TEXTS
    }
    assert len(distinct) >= 35


def test_the_unmodified_scenario_is_valid() -> None:
    tierplan.Scenario.from_dict(base_document())
    document = shipped_document()
    from_dict = tierplan.Scenario.from_dict(document)
    assert from_dict == tierplan.Scenario.from_json(BASE_TEXT)
    assert from_dict == tierplan.Scenario.builtin("dify-enterprise")
    assert tierplan.Scenario.from_json(from_dict.to_json()) == from_dict
    assert tierplan.Scenario.from_dict(from_dict.to_dict()) == from_dict


def test_validation_error_is_a_value_error_with_issues_and_path_message_lines() -> None:
    assert issubclass(tierplan.ValidationError, ValueError)
    document = base_document()
    document["workload"]["daily_active_users"] = -5
    document["stack"]["limit_to_request_ratio"] = 0.5
    with pytest.raises(ValueError) as caught:
        tierplan.Scenario.from_dict(document)
    error = caught.value
    assert isinstance(error, tierplan.ValidationError)
    assert error.issues == [
        ("workload.daily_active_users", "must be >= 0, got -5"),
        ("stack.limit_to_request_ratio", "must be >= 1, got 0.5"),
    ]
    assert all(isinstance(issue, tuple) for issue in error.issues)
    assert str(error) == (
        "workload.daily_active_users: must be >= 0, got -5\n"
        "stack.limit_to_request_ratio: must be >= 1, got 0.5"
    )


def test_every_problem_is_reported_at_once_in_document_order() -> None:
    d = base_document()
    d["name"] = "Dify Enterprise"
    d["sources"]["workload.daily_active_users"] = "a note about a field removed below"
    del d["workload"]["daily_active_users"]
    d["workload"]["daily_active_user"] = 3000  # the typo sits last in workload
    d["workload"]["peak_hour_fraction"] = 0
    d["workload"]["requests"][1]["per_user_per_day"] = "ten"
    d["workload"]["knowledge_base"]["embedding_dimension"] = -1
    d["stack"]["components"][3]["resources"]["baseline_memory_mib"] = -256
    d["environments"][2]["policy"]["min_replicas"] = 0
    d["catalog"]["node_types"][5]["vcpu"] = 0
    d["enviroment"] = "production"
    expected = [
        ("name", f'{IDENTIFIER_RULE}, got "Dify Enterprise"'),
        (
            "sources.workload.daily_active_users",
            'names no field of this scenario, got "workload.daily_active_users"',
        ),
        ("workload.daily_active_users", "required key is missing"),
        ("workload.peak_hour_fraction", "must be > 0, got 0"),
        ("workload.requests[1].per_user_per_day", 'must be a number, got "ten"'),
        ("workload.knowledge_base.embedding_dimension", "must be >= 1, got -1"),
        ("workload.daily_active_user", 'unknown key; did you mean "daily_active_users"?'),
        ("stack.components[3].resources.baseline_memory_mib", "must be > 0, got -256"),
        ("environments[2].policy.min_replicas", "must be >= 1, got 0"),
        ("catalog.node_types[5].vcpu", "must be >= 1, got 0"),
        ("enviroment", 'unknown key; did you mean "environments"?'),
    ]
    assert issues_of(lambda: tierplan.Scenario.from_dict(d)) == expected
    assert issues_of(lambda: tierplan.Scenario.from_json(json.dumps(d, indent=2))) == expected


def test_unknown_key_suggests_the_nearest_known_key() -> None:
    d = base_document()
    d["workload"]["daily_active_user"] = 3000
    with pytest.raises(tierplan.ValidationError) as caught:
        tierplan.Scenario.from_dict(d)
    assert caught.value.issues == [
        ("workload.daily_active_user", 'unknown key; did you mean "daily_active_users"?')
    ]
    assert str(caught.value) == (
        'workload.daily_active_user: unknown key; did you mean "daily_active_users"?'
    )


def test_a_source_note_about_a_removed_field_is_reported() -> None:
    d = base_document()
    d["sources"]["workload.peak_burst_factor"] = "a note"
    del d["workload"]["peak_burst_factor"]  # optional: only the stale note is wrong
    assert issues_of(lambda: tierplan.Scenario.from_dict(d)) == [
        (
            "sources.workload.peak_burst_factor",
            'names no field of this scenario, got "workload.peak_burst_factor"',
        )
    ]


# --- Python values that JSON cannot hold ------------------------------------------------


def test_non_string_key_is_a_type_error_naming_where() -> None:
    d = base_document()
    d["workload"][1] = 3000
    with pytest.raises(TypeError, match=r"^workload: .*key"):
        tierplan.Scenario.from_dict(d)


def test_set_value_is_a_type_error_naming_the_path() -> None:
    d = base_document()
    d["workload"]["daily_active_users"] = {3000}
    with pytest.raises(TypeError, match=r"^workload\.daily_active_users: "):
        tierplan.Scenario.from_dict(d)


def test_bytes_value_in_a_list_is_a_type_error_naming_the_path() -> None:
    d = base_document()
    d["workload"]["requests"][2]["name"] = b"service_api_call"
    with pytest.raises(TypeError, match=r"^workload\.requests\[2\]\.name: "):
        tierplan.Scenario.from_dict(d)


def test_from_dict_of_a_list_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        tierplan.Scenario.from_dict([1, 2, 3])


def test_nan_and_inf_are_rejected_wherever_they_appear() -> None:
    d = base_document()
    d["workload"]["daily_active_users"] = NAN
    d["environments"][0]["workload"]["daily_active_users"] = -INF
    d["catalog"]["node_types"][0]["price_usd_per_hour"] = INF
    assert issues_of(lambda: tierplan.Scenario.from_dict(d)) == [
        ("workload.daily_active_users", "must be a finite number, got nan"),
        ("environments[0].workload.daily_active_users", "must be a finite number, got -inf"),
        ("catalog.node_types[0].price_usd_per_hour", "must be a finite number, got inf"),
    ]
    assert math.isnan(d["workload"]["daily_active_users"])  # the input is left alone


# --- files ------------------------------------------------------------------------------


def test_from_file_of_a_missing_file_names_its_path(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-scenario.json"
    assert issues_of(lambda: tierplan.Scenario.from_file(missing)) == [
        (str(missing), "cannot read file")
    ]
    assert issues_of(lambda: tierplan.Scenario.from_file(str(missing))) == [
        (str(missing), "cannot read file")
    ]


def test_from_file_names_the_file_for_syntax_and_the_field_for_values(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{\n  "name": "x"\n  "stack": {}\n}\n')
    assert issues_of(lambda: tierplan.Scenario.from_file(broken)) == [
        (
            str(broken),
            "malformed JSON: parse error at line 3, column 9: syntax error while parsing "
            "object - unexpected string literal; expected '}'",
        )
    ]
    empty = tmp_path / "empty.json"
    empty.write_text("")
    assert issues_of(lambda: tierplan.Scenario.from_file(empty)) == [
        (str(empty), "empty document: expected a JSON object")
    ]
    invalid = tmp_path / "invalid.json"
    d = base_document()
    d["workload"]["daily_active_users"] = -5
    invalid.write_text(json.dumps(d, indent=2))
    assert issues_of(lambda: tierplan.Scenario.from_file(invalid)) == [
        ("workload.daily_active_users", "must be >= 0, got -5")
    ]
    valid = tmp_path / "valid.json"
    valid.write_text(BASE_TEXT)
    assert tierplan.Scenario.from_file(valid) == tierplan.Scenario.from_json(BASE_TEXT)


# The parser's message quotes the offending byte: it must come back escaped, as valid
# UTF-8 (a raw byte made the exception translator raise UnicodeDecodeError).
def test_from_file_of_a_latin1_file_reports_a_readable_error(tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.json"
    latin1.write_bytes('{"name": "café"}'.encode("latin-1"))
    [(path, message)] = issues_of(lambda: tierplan.Scenario.from_file(latin1))
    assert path == str(latin1)
    assert message.startswith("malformed JSON: parse error at line 1, column 15: ")


def test_number_beyond_double_range_names_its_field() -> None:
    text = base_text_with('"daily_active_users": 3000', '"daily_active_users": 1e400')
    assert issues_of(lambda: tierplan.Scenario.from_json(text)) == [
        ("workload.daily_active_users", "must be a finite number, got 1e400")
    ]


# --- command line -----------------------------------------------------------------------


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tierplan", *args], capture_output=True, text=True, timeout=120
    )


def test_cli_validate_lists_every_error_with_its_path_and_exits_2(tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_text(BASE_TEXT)
    bad = tmp_path / "bad.json"
    d = base_document()
    d["workload"]["daily_active_users"] = -5
    d["workload"]["daily_active_user"] = 3000
    d["environments"][2]["policy"]["max_replicas"] = 2
    d["catalog"]["node_types"][0]["vcpu"] = 0
    bad.write_text(json.dumps(d, indent=2))
    broken = tmp_path / "broken.json"
    broken.write_text("{")

    result = run_cli("validate", str(bad), str(good), str(broken))

    assert result.returncode == 2, result.stdout + result.stderr
    output = result.stdout + result.stderr
    for path, message in [
        ("workload.daily_active_users", "must be >= 0, got -5"),
        ("workload.daily_active_user", 'unknown key; did you mean "daily_active_users"?'),
        ("environments[2].policy.max_replicas", "must be >= min_replicas (3), got 2"),
        ("catalog.node_types[0].vcpu", "must be >= 1, got 0"),
    ]:
        assert f"{path}: {message}" in output
    assert "malformed JSON: parse error at line 1, column 2" in output
    # Every error line names its file; the good file is not reported.
    lines = result.stderr.splitlines()
    for path, message in [
        ("workload.daily_active_users", "must be >= 0, got -5"),
        ("workload.daily_active_user", 'unknown key; did you mean "daily_active_users"?'),
        ("environments[2].policy.max_replicas", "must be >= min_replicas (3), got 2"),
        ("catalog.node_types[0].vcpu", "must be >= 1, got 0"),
    ]:
        assert any(
            line.startswith(str(bad)) and line.endswith(f"{path}: {message}") for line in lines
        ), (path, result.stderr)
    assert any(line.startswith(str(broken)) and "malformed JSON" in line for line in lines), (
        result.stderr
    )
    assert str(good) not in result.stderr


def test_cli_validate_of_good_files_exits_0(tmp_path: Path) -> None:
    first = tmp_path / "first.json"
    first.write_text(BASE_TEXT)
    second = tmp_path / "second.json"
    second.write_text(tierplan.Scenario.builtin("dify-enterprise").to_json())

    result = run_cli("validate", str(first), str(second))

    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""


def test_cli_validate_of_a_latin1_file_exits_2(tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.json"
    latin1.write_bytes('{"name": "café"}'.encode("latin-1"))
    result = run_cli("validate", str(latin1))
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert f"{latin1}: {latin1}: malformed JSON: parse error at line 1, column 15" in result.stderr


def test_cli_validate_of_a_missing_file_exits_2(tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    result = run_cli("validate", str(missing))
    assert result.returncode == 2
    assert f"{missing}: cannot read file" in result.stderr
