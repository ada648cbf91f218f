// Operations: log volume and storage, backups (repository, RPO, RTO, vector store
// recovery) and monthly cost move the right way when the policy or the prices change.
#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "tierplan/errors.hpp"
#include "tierplan/json.hpp"
#include "tierplan/plan.hpp"
#include "tierplan/scenario.hpp"

namespace {

using tierplan::EnvironmentPlan;
using tierplan::Scenario;
using Json = nlohmann::ordered_json;

Scenario builtin() { return tierplan::builtin_scenario("dify-enterprise"); }

tierplan::Environment& environment(Scenario& s, const std::string& name) {
  for (auto& e : s.environments) {
    if (e.name == name) return e;
  }
  throw std::out_of_range(name);
}

EnvironmentPlan plan_of(const Scenario& s, const std::string& name) {
  return tierplan::plan_environment(s, *s.find_environment(name));
}

const tierplan::CostItem& item(const EnvironmentPlan& p, const std::string& name) {
  const auto* found = p.cost.find(name);
  if (found == nullptr) throw std::out_of_range(name);
  return *found;
}

bool has_warning_containing(const EnvironmentPlan& p, const std::string& text) {
  for (const auto& w : p.warnings) {
    if (w.find(text) != std::string::npos) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------
// Logs

TEST(Logs, longer_retention_stores_more_logs_and_costs_more) {
  Scenario s = builtin();
  const EnvironmentPlan before = plan_of(s, "production");
  environment(s, "production").policy.logs.retention_days *= 2.0;
  const EnvironmentPlan after = plan_of(s, "production");
  EXPECT_DOUBLE_EQ(after.logs.gib_per_day, before.logs.gib_per_day);
  EXPECT_DOUBLE_EQ(after.logs.stored_gib, 2.0 * before.logs.stored_gib);
  EXPECT_GT(item(after, "log_storage").cost_usd_month, item(before, "log_storage").cost_usd_month);
  EXPECT_GT(after.cost.total_usd_month, before.cost.total_usd_month);
}

TEST(Logs, levels_are_cumulative_so_a_lower_level_writes_more) {
  Scenario s = builtin();
  double previous = -1.0;
  for (auto level : {tierplan::LogLevel::error, tierplan::LogLevel::warning,
                     tierplan::LogLevel::info, tierplan::LogLevel::debug}) {
    auto& logs = environment(s, "production").policy.logs;
    logs.level = level;
    logs.component_levels.clear();
    const double gib = plan_of(s, "production").logs.app_gib_per_day;
    EXPECT_GT(gib, previous) << tierplan::to_string(level);
    previous = gib;
  }
}

TEST(Logs, a_component_level_override_lowers_only_that_component) {
  Scenario s = builtin();
  auto& logs = environment(s, "production").policy.logs;
  logs.component_levels.clear();
  const EnvironmentPlan before = plan_of(s, "production");
  logs.component_levels["ssrf_proxy"] = tierplan::LogLevel::error;
  const EnvironmentPlan after = plan_of(s, "production");
  ASSERT_EQ(before.logs.components.size(), after.logs.components.size());
  for (std::size_t i = 0; i < after.logs.components.size(); ++i) {
    const auto& b = before.logs.components[i];
    const auto& a = after.logs.components[i];
    if (a.component == "ssrf_proxy") {
      EXPECT_TRUE(a.level_overridden);
      EXPECT_LT(a.gib_per_day, b.gib_per_day);
    } else {
      EXPECT_FALSE(a.level_overridden);
      EXPECT_DOUBLE_EQ(a.gib_per_day, b.gib_per_day) << a.component;
    }
  }
}

TEST(Logs, access_and_audit_logs_add_to_the_volume_only_when_on) {
  Scenario s = builtin();
  auto& logs = environment(s, "production").policy.logs;
  logs.access_log = false;
  logs.audit_log = false;
  const EnvironmentPlan off = plan_of(s, "production");
  EXPECT_EQ(off.logs.access_gib_per_day, 0.0);
  EXPECT_EQ(off.logs.audit_gib_per_day, 0.0);
  logs.access_log = true;
  logs.audit_log = true;
  const EnvironmentPlan on = plan_of(s, "production");
  EXPECT_GT(on.logs.access_gib_per_day, 0.0);
  EXPECT_GT(on.logs.audit_gib_per_day, 0.0);
  EXPECT_DOUBLE_EQ(on.logs.app_gib_per_day, off.logs.app_gib_per_day);
  EXPECT_DOUBLE_EQ(on.logs.gib_per_day, on.logs.app_gib_per_day + on.logs.access_gib_per_day +
                                            on.logs.audit_gib_per_day);
}

TEST(Logs, daily_volume_follows_daily_counts_not_the_peak) {
  // The same day's requests arriving more or less peaked write the same lines.
  Scenario s = builtin();
  const EnvironmentPlan before = plan_of(s, "production");
  s.workload.peak_burst_factor *= 2.0;
  const EnvironmentPlan after = plan_of(s, "production");
  const auto& b = before.logs.components.front();
  const auto& a = after.logs.components.front();
  EXPECT_EQ(a.component, "api");
  EXPECT_DOUBLE_EQ(a.units_per_day, b.units_per_day);
}

TEST(Logs, one_component_follows_the_volume_model_from_its_own_data) {
  // api at INFO with access logs: its requests of the day at the horizon x (info + warning
  // + error lines) + replicas x 24 h x its hourly lines at INFO and above, x bytes per
  // line; one access line per request at the access line size.
  const Scenario s = builtin();
  const EnvironmentPlan p = plan_of(s, "production");
  const tierplan::Component* api = nullptr;
  for (const auto& c : s.stack.components) {
    if (c.name == "api") api = &c;
  }
  ASSERT_NE(api, nullptr);
  const auto& model = api->logging;
  double requests_per_day = 0.0;
  for (const auto& r : s.workload.requests) {
    requests_per_day += s.workload.daily_active_users * r.per_user_per_day;
  }
  const double units = requests_per_day * p.growth_factor;
  const auto& per_unit = model.lines_per_unit;
  const auto& per_hour = model.lines_per_replica_per_hour;
  const double app_lines = units * (per_unit.info + per_unit.warning + per_unit.error) +
                           p.find_component("api")->replicas * 24.0 *
                               (per_hour.info + per_hour.warning + per_hour.error);
  const double bytes = app_lines * model.bytes_per_line +
                       units * model.access_lines_per_unit * model.access_bytes_per_line;
  const auto& volume = p.logs.components.front();
  ASSERT_EQ(volume.component, "api");
  EXPECT_DOUBLE_EQ(volume.units_per_day, units);
  EXPECT_DOUBLE_EQ(volume.app_lines_per_day, app_lines);
  EXPECT_NEAR(volume.gib_per_day, bytes / (1024.0 * 1024.0 * 1024.0), 1e-12);
}

TEST(Logs, production_stores_more_than_test_with_access_and_audit_logs) {
  const Scenario s = builtin();
  const EnvironmentPlan test = plan_of(s, "test");
  const EnvironmentPlan production = plan_of(s, "production");
  EXPECT_EQ(test.logs.level, tierplan::LogLevel::debug);
  EXPECT_EQ(production.logs.level, tierplan::LogLevel::info);
  EXPECT_EQ(test.logs.access_gib_per_day + test.logs.audit_gib_per_day, 0.0);
  EXPECT_GT(production.logs.access_gib_per_day, 0.0);
  EXPECT_GT(production.logs.audit_gib_per_day, 0.0);
  EXPECT_GT(production.logs.stored_gib, test.logs.stored_gib);
}

TEST(Logs, debug_logs_in_production_are_warned_about) {
  Scenario s = builtin();
  EXPECT_FALSE(has_warning_containing(plan_of(s, "production"), "DEBUG logs"));
  environment(s, "production").policy.logs.level = tierplan::LogLevel::debug;
  EXPECT_TRUE(has_warning_containing(plan_of(s, "production"), "DEBUG logs"));
  // Test runs DEBUG on purpose and must not survive a node loss: no warning there.
  EXPECT_FALSE(has_warning_containing(plan_of(s, "test"), "DEBUG logs"));
}

// ---------------------------------------------------------------------------------------
// PostgreSQL backups

TEST(Backups, more_frequent_full_backups_over_the_same_window_grow_the_repository_and_cut_rto) {
  // Weekly fulls kept 2 weeks against daily fulls kept 2 weeks: the same WAL window,
  // more full backups, less WAL to replay.
  Scenario s = builtin();
  auto& pg = environment(s, "production").policy.backups.postgres;
  pg.full_backup_interval_days = 7.0;
  pg.retention_full = 1;
  const EnvironmentPlan weekly = plan_of(s, "production");
  pg.full_backup_interval_days = 1.0;
  pg.retention_full = 13;
  const EnvironmentPlan daily = plan_of(s, "production");
  EXPECT_DOUBLE_EQ(daily.backups.postgres.retention_days, weekly.backups.postgres.retention_days);
  EXPECT_GT(daily.backups.postgres.repository_gib, weekly.backups.postgres.repository_gib);
  EXPECT_LT(daily.backups.postgres.rto_minutes, weekly.backups.postgres.rto_minutes);
  EXPECT_GT(item(daily, "backup_storage").cost_usd_month,
            item(weekly, "backup_storage").cost_usd_month);
}

TEST(Backups, at_the_same_retention_full_a_shorter_interval_shortens_the_window_and_rto) {
  Scenario s = builtin();
  auto& pg = environment(s, "production").policy.backups.postgres;
  const EnvironmentPlan weekly = plan_of(s, "production");
  pg.full_backup_interval_days = 1.0;
  const EnvironmentPlan daily = plan_of(s, "production");
  EXPECT_EQ(daily.backups.postgres.full_backups_kept, weekly.backups.postgres.full_backups_kept);
  EXPECT_LT(daily.backups.postgres.retention_days, weekly.backups.postgres.retention_days);
  EXPECT_LT(daily.backups.postgres.repository_gib, weekly.backups.postgres.repository_gib);
  EXPECT_LT(daily.backups.postgres.rto_minutes, weekly.backups.postgres.rto_minutes);
}

TEST(Backups, retention_full_two_keeps_three_full_backups_and_their_wal) {
  const Scenario s = builtin();
  const auto& b = plan_of(s, "production").backups.postgres;
  EXPECT_EQ(b.full_backups_kept, 3);
  EXPECT_DOUBLE_EQ(b.retention_days, 3 * 7.0);
  EXPECT_DOUBLE_EQ(b.repository_gib, 3 * b.full_backup_gib + b.wal_gib_per_day * 21.0);
}

TEST(Backups, more_full_backups_kept_grow_the_repository) {
  Scenario s = builtin();
  const EnvironmentPlan before = plan_of(s, "production");
  environment(s, "production").policy.backups.postgres.retention_full += 2;
  const EnvironmentPlan after = plan_of(s, "production");
  EXPECT_GT(after.backups.postgres.repository_gib, before.backups.postgres.repository_gib);
  EXPECT_DOUBLE_EQ(after.backups.postgres.rto_minutes, before.backups.postgres.rto_minutes);
}

TEST(Backups, wal_follows_the_bytes_the_row_model_writes) {
  Scenario s = builtin();
  const EnvironmentPlan before = plan_of(s, "production");
  EXPECT_GT(before.data.postgres.written_gib_per_day, 0.0);
  s.stack.datastores.database.wal_bytes_per_written_byte *= 2.0;
  const EnvironmentPlan after = plan_of(s, "production");
  EXPECT_DOUBLE_EQ(after.backups.postgres.wal_gib_per_day,
                   2.0 * before.backups.postgres.wal_gib_per_day);
  s.workload.daily_active_users *= 2.0;
  EXPECT_GT(plan_of(s, "production").data.postgres.written_gib_per_day,
            after.data.postgres.written_gib_per_day);
}

TEST(Backups, worst_case_rto_is_a_full_restore_plus_a_whole_interval_of_wal) {
  const Scenario s = builtin();
  const EnvironmentPlan p = plan_of(s, "production");
  const auto& policy = s.find_environment("production")->policy.backups.postgres;
  const double restore_minutes =
      p.data.postgres.data_gib * 1024.0 / policy.restore_mib_per_s / 60.0;
  const double wal_gib = p.data.postgres.written_gib_per_day *
                         s.stack.datastores.database.wal_bytes_per_written_byte *
                         policy.full_backup_interval_days;
  const double replay_minutes = wal_gib * 1024.0 / policy.wal_replay_mib_per_s / 60.0;
  EXPECT_NEAR(p.backups.postgres.rto_minutes, restore_minutes + replay_minutes, 1e-9);
  EXPECT_DOUBLE_EQ(p.backups.postgres.full_backup_gib,
                   p.data.postgres.data_gib / policy.compression_ratio);
}

TEST(Backups, production_archives_wal_and_has_a_far_smaller_rpo_than_test) {
  const Scenario s = builtin();
  const EnvironmentPlan test = plan_of(s, "test");
  const EnvironmentPlan production = plan_of(s, "production");
  EXPECT_FALSE(test.backups.postgres.point_in_time_recovery);
  EXPECT_EQ(test.backups.postgres.wal_gib_per_day, 0.0);
  EXPECT_DOUBLE_EQ(test.backups.postgres.rpo_minutes, 1440.0);  // a day: the full interval
  EXPECT_TRUE(production.backups.postgres.point_in_time_recovery);
  EXPECT_DOUBLE_EQ(production.backups.postgres.rpo_minutes, 1.0);  // archive_timeout 60 s
  EXPECT_GT(production.backups.postgres.wal_gib_per_day, 0.0);
}

TEST(Backups, rpo_over_target_is_warned_about_with_its_fix) {
  Scenario s = builtin();
  EXPECT_FALSE(has_warning_containing(plan_of(s, "production"), "PostgreSQL RPO"));
  environment(s, "production").policy.backups.postgres.wal_archiving = false;
  const EnvironmentPlan p = plan_of(s, "production");
  EXPECT_DOUBLE_EQ(p.backups.postgres.rpo_minutes, 7.0 * 1440.0);
  EXPECT_TRUE(has_warning_containing(p, "turn on WAL archiving"));
}

TEST(Backups, rto_over_target_is_warned_about) {
  Scenario s = builtin();
  auto& policy = environment(s, "production").policy.backups;
  policy.postgres.restore_mib_per_s = 0.5;
  const EnvironmentPlan p = plan_of(s, "production");
  EXPECT_GT(p.backups.postgres.rto_minutes, policy.rto_target_minutes);
  EXPECT_TRUE(has_warning_containing(p, "PostgreSQL RTO"));
}

TEST(Backups, helm_values_outside_version_control_are_warned_about) {
  Scenario s = builtin();
  EXPECT_FALSE(has_warning_containing(plan_of(s, "production"), "Helm values"));
  environment(s, "production").policy.backups.helm_values_in_version_control = false;
  EXPECT_TRUE(has_warning_containing(plan_of(s, "production"), "Helm values"));
}

// ---------------------------------------------------------------------------------------
// Object storage versions and the vector store

TEST(Backups, object_versions_follow_the_lifecycle_rule) {
  Scenario s = builtin();
  auto& o = environment(s, "production").policy.backups.object_storage;
  const EnvironmentPlan before = plan_of(s, "production");
  EXPECT_GT(before.backups.object_storage.noncurrent_version_gib, 0.0);
  o.noncurrent_version_expiration_days *= 2.0;
  const EnvironmentPlan longer = plan_of(s, "production");
  EXPECT_DOUBLE_EQ(longer.data.object_storage.versions_gib,
                   2.0 * before.data.object_storage.versions_gib);
  EXPECT_GT(item(longer, "object_storage").cost_usd_month,
            item(before, "object_storage").cost_usd_month);
  o.versioning = false;
  const EnvironmentPlan off = plan_of(s, "production");
  EXPECT_EQ(off.data.object_storage.versions_gib, 0.0);
  EXPECT_TRUE(has_warning_containing(off, "object versioning is off"));
}

TEST(Backups, snapshots_are_recommended_when_a_rebuild_exceeds_the_rto_target) {
  Scenario s = builtin();
  const EnvironmentPlan test = plan_of(s, "test");
  const EnvironmentPlan production = plan_of(s, "production");
  EXPECT_LE(test.backups.vector_store.rebuild_minutes, test.backups.rto_target_minutes);
  EXPECT_EQ(test.backups.vector_store.recommended, tierplan::VectorRecovery::rebuild);
  EXPECT_GT(production.backups.vector_store.rebuild_minutes, production.backups.rto_target_minutes);
  EXPECT_EQ(production.backups.vector_store.recommended, tierplan::VectorRecovery::snapshot);
  EXPECT_GT(production.backups.vector_store.snapshot_storage_gib, 0.0);
  // Rebuilding anyway is warned about.
  environment(s, "production").policy.backups.vector_store.method =
      tierplan::VectorRecovery::rebuild;
  const EnvironmentPlan rebuild = plan_of(s, "production");
  EXPECT_EQ(rebuild.backups.vector_store.snapshot_storage_gib, 0.0);
  EXPECT_TRUE(has_warning_containing(rebuild, "take snapshots"));
}

TEST(Backups, faster_embedding_shortens_the_rebuild_in_proportion) {
  Scenario s = builtin();
  const EnvironmentPlan before = plan_of(s, "test");
  environment(s, "test").policy.backups.vector_store.embedding_chunks_per_s *= 4.0;
  const EnvironmentPlan after = plan_of(s, "test");
  EXPECT_DOUBLE_EQ(after.backups.vector_store.rebuild_minutes,
                   before.backups.vector_store.rebuild_minutes / 4.0);
}

// ---------------------------------------------------------------------------------------
// Cost

TEST(Cost, the_total_is_the_sum_of_the_items_and_nodes_cost_what_the_node_plan_says) {
  const Scenario s = builtin();
  for (const auto& e : tierplan::plan(s).environments) {
    double sum = 0.0;
    for (const auto& i : e.cost.items) {
      sum += i.cost_usd_month;
      EXPECT_GE(i.cost_usd_month, 0.0) << e.name << " " << i.item;
    }
    EXPECT_DOUBLE_EQ(e.cost.total_usd_month, sum) << e.name;
    EXPECT_DOUBLE_EQ(item(e, "worker_nodes").cost_usd_month, e.nodes.cost_usd_month);
    EXPECT_GT(e.cost.total_usd_month, e.nodes.cost_usd_month) << e.name;
  }
}

TEST(Cost, a_price_change_moves_exactly_its_own_line_in_proportion) {
  Scenario s = builtin();
  // Objects in the cloud's object store, priced by its own line (MinIO's volumes are block
  // storage, which Qdrant's volumes are priced by too).
  s.environments.back().policy.datastores.object_storage_mode = tierplan::DatastoreMode::managed;
  const EnvironmentPlan before = plan_of(s, "production");
  struct Case {
    std::vector<std::string> items;  // the lines priced by it
    tierplan::UnitPrice tierplan::Prices::*price;
  };
  const Case cases[] = {
      {{"postgres_storage"}, &tierplan::Prices::database_storage_usd_per_gib_month},
      // The nodes' boot volumes are block storage too.
      {{"node_root_volumes", "qdrant_storage"}, &tierplan::Prices::block_storage_usd_per_gib_month},
      {{"object_storage"}, &tierplan::Prices::object_storage_usd_per_gib_month},
      {{"backup_storage"}, &tierplan::Prices::backup_storage_usd_per_gib_month},
      {{"log_storage"}, &tierplan::Prices::log_storage_usd_per_gib_month},
      {{"log_ingestion"}, &tierplan::Prices::log_ingestion_usd_per_gib},
      {{"control_plane"}, &tierplan::Prices::control_plane_usd_per_hour},
      {{"load_balancers"}, &tierplan::Prices::load_balancer_usd_per_hour},
      {{"nat_gateways"}, &tierplan::Prices::nat_gateway_usd_per_hour},
  };
  for (const auto& c : cases) {
    Scenario changed = s;
    (changed.catalog.prices.at(0).*c.price).usd *= 3.0;
    const EnvironmentPlan after = plan_of(changed, "production");
    for (const auto& i : after.cost.items) {
      const double old_cost = item(before, i.item).cost_usd_month;
      if (std::find(c.items.begin(), c.items.end(), i.item) != c.items.end()) {
        EXPECT_GT(old_cost, 0.0) << c.items[0];
        EXPECT_DOUBLE_EQ(i.cost_usd_month, 3.0 * old_cost) << c.items[0];
      } else {
        EXPECT_DOUBLE_EQ(i.cost_usd_month, old_cost) << c.items[0] << " moved " << i.item;
      }
    }
    EXPECT_GT(after.cost.total_usd_month, before.cost.total_usd_month) << c.items[0];
  }
}

TEST(Cost, instance_prices_scale_their_lines_and_a_standby_doubles_postgres) {
  Scenario s = builtin();
  const EnvironmentPlan before = plan_of(s, "production");
  for (auto& shape : s.catalog.database_shapes) shape.price_usd_per_hour *= 2.0;
  for (auto& shape : s.catalog.cache_shapes) shape.price_usd_per_hour *= 2.0;
  for (auto& shape : s.catalog.vector_store_shapes) shape.price_usd_per_hour *= 2.0;
  const EnvironmentPlan after = plan_of(s, "production");
  for (const char* name : {"postgres_instances", "redis_instances", "qdrant_nodes"}) {
    EXPECT_DOUBLE_EQ(item(after, name).cost_usd_month, 2.0 * item(before, name).cost_usd_month)
        << name;
  }
  const auto& pg = item(before, "postgres_instances");
  EXPECT_EQ(pg.quantity, 2.0);  // production has a hot standby
  EXPECT_DOUBLE_EQ(pg.cost_usd_month,
                   2.0 * before.data.postgres.shape.price_usd_per_hour * tierplan::kHoursPerMonth);
  EXPECT_EQ(item(plan_of(s, "test"), "postgres_instances").quantity, 1.0);
}

TEST(Cost, production_costs_more_than_test) {
  const Scenario s = builtin();
  EXPECT_GT(plan_of(s, "production").cost.total_usd_month, plan_of(s, "test").cost.total_usd_month);
}

TEST(Cost, every_price_and_limit_of_the_shipped_catalog_has_a_source_and_a_date) {
  const Scenario s = builtin();
  ASSERT_FALSE(s.catalog.prices.empty());
  // Every figure of a cloud's entry, as written: prices, service limits, defaults, discounts.
  const Json written = tierplan::scenario_to_json(s);
  for (const Json& p : written["catalog"]["prices"]) {
    EXPECT_FALSE(p["region"].get<std::string>().empty()) << p["cloud"];
    std::size_t figures = 0;
    for (const auto& [key, figure] : p.items()) {
      if (!figure.is_object()) continue;
      ++figures;
      EXPECT_FALSE(figure["source"].get<std::string>().empty()) << p["cloud"] << " " << key;
      EXPECT_FALSE(figure["as_of"].get<std::string>().empty()) << p["cloud"] << " " << key;
    }
    EXPECT_EQ(figures, 21u) << p["cloud"];
  }
  for (const auto& region : s.catalog.regions) {
    EXPECT_FALSE(region.source.empty()) << region.name;
    EXPECT_FALSE(region.as_of.empty()) << region.name;
  }
  for (const auto& type : s.catalog.node_types) {
    EXPECT_GT(type.price_usd_per_hour, 0.0) << type.name;
    EXPECT_FALSE(type.source.empty()) << type.name;
    EXPECT_FALSE(type.as_of.empty()) << type.name;
  }
  for (const auto* shapes :
       {&s.catalog.database_shapes, &s.catalog.vector_store_shapes, &s.catalog.cache_shapes}) {
    ASSERT_FALSE(shapes->empty());
    for (const auto& shape : *shapes) {
      EXPECT_GT(shape.price_usd_per_hour, 0.0) << shape.name;
      EXPECT_FALSE(shape.source.empty()) << shape.name;
      EXPECT_FALSE(shape.as_of.empty()) << shape.name;
    }
  }
}

TEST(Cost, a_scenario_file_overrides_a_price) {
  // The catalog lists only the one cloud's prices it changes; the rest is the built-in one.
  Json aws = Json::parse(tierplan::builtin_data_file("catalogs/builtin.json"))["prices"][0];
  ASSERT_EQ(aws["cloud"], "aws");
  aws["object_storage"]["usd_per_gib_month"] = 0.046;
  Json document = Json::parse(tierplan::builtin_data_file("scenarios/dify-enterprise.json"));
  document["catalog"] = {{"prices", Json::array({aws})}};
  for (Json& environment : document["environments"]) {
    environment["policy"]["datastores"]["object_storage_mode"] = "managed";
  }
  const Scenario changed = tierplan::scenario_from_json(document);
  Scenario shipped = builtin();
  for (auto& environment : shipped.environments) {
    environment.policy.datastores.object_storage_mode = tierplan::DatastoreMode::managed;
  }
  EXPECT_DOUBLE_EQ(item(plan_of(changed, "production"), "object_storage").cost_usd_month,
                   2.0 * item(plan_of(shipped, "production"), "object_storage").cost_usd_month);
}

// ---------------------------------------------------------------------------------------
// Reasons, round trip and validation

TEST(Operations, every_new_number_has_a_reason) {
  const Scenario s = builtin();
  for (const auto& e : tierplan::plan(s).environments) {
    for (const std::string* reason :
         {&e.logs.volume_reason, &e.logs.stored_reason, &e.backups.postgres.full_backup_reason,
          &e.backups.postgres.wal_reason, &e.backups.postgres.repository_reason,
          &e.backups.postgres.rpo_reason, &e.backups.postgres.rto_reason,
          &e.backups.object_storage.reason, &e.backups.vector_store.reason,
          &e.backups.storage_reason, &e.cost.total_reason}) {
      EXPECT_FALSE(reason->empty()) << e.name;
    }
    EXPECT_EQ(e.cost.items.size(), 15u);
    for (const auto& i : e.cost.items) {
      EXPECT_FALSE(i.reason.empty()) << e.name << " " << i.item;
      EXPECT_FALSE(i.unit.empty()) << e.name << " " << i.item;
    }
  }
}

TEST(Operations, policies_and_prices_survive_a_json_round_trip) {
  const Scenario s = builtin();
  EXPECT_EQ(tierplan::scenario_from_json(tierplan::scenario_to_json(s)), s);
}

std::vector<tierplan::FieldIssue> issues_of(const Json& document) {
  try {
    tierplan::scenario_from_json(document);
  } catch (const tierplan::ValidationError& error) {
    return error.issues();
  }
  ADD_FAILURE() << "expected a ValidationError";
  return {};
}

Json shipped() {
  Json d = Json::parse(tierplan::builtin_data_file("scenarios/dify-enterprise.json"));
  d["sources"] = Json::object();
  d["catalog"] = Json::parse(tierplan::builtin_data_file("catalogs/builtin.json"));
  return d;
}

TEST(OperationsValidation, every_bad_operations_field_is_reported_with_its_path_at_once) {
  Json d = shipped();
  auto& production = d["environments"][2]["policy"];
  production["logs"]["level"] = "verbose";
  production["logs"]["component_levels"]["no_such_component"] = "info";
  production["logs"]["component_levels"]["api"] = "loud";
  production["logs"]["retention_days"] = -1;
  production["backups"]["postgres"]["retention_full"] = 0;
  production["backups"]["postgres"]["compression_ratio"] = 0.5;
  production["backups"]["postgres"]["archive_timeout"] = 60;
  production["backups"]["object_storage"]["daily_overwrite_fraction"] = 2;
  production["backups"]["vector_store"]["method"] = "copy";
  production["backups"]["rto_target_minutes"] = 0;
  d["stack"]["components"][0]["logging"]["lines_per_unit"]["info"] = -2;
  d["catalog"]["prices"][0]["log_storage"]["usd_per_gib_month"] = -0.03;
  d["catalog"]["prices"][0]["backup_storage"].erase("source");
  const auto issues = issues_of(d);
  std::vector<std::string> paths;
  for (const auto& issue : issues) paths.push_back(issue.path);
  const std::string p = "environments[2].policy.";
  for (const std::string& expected :
       {std::string("stack.components[0].logging.lines_per_unit.info"), p + "logs.level",
        p + "logs.component_levels.api", p + "logs.retention_days",
        p + "backups.postgres.retention_full", p + "backups.postgres.compression_ratio",
        p + "backups.postgres.archive_timeout",
        p + "backups.object_storage.daily_overwrite_fraction", p + "backups.vector_store.method",
        p + "backups.rto_target_minutes",
        std::string("catalog.prices[0].log_storage.usd_per_gib_month"),
        std::string("catalog.prices[0].backup_storage.source"),
        p + "logs.component_levels.no_such_component"}) {
    EXPECT_NE(std::find(paths.begin(), paths.end(), expected), paths.end()) << expected;
  }
  EXPECT_EQ(issues.size(), 13u);
  for (const auto& issue : issues) {
    if (issue.path == p + "logs.level") {
      EXPECT_EQ(issue.message,
                "must be one of \"debug\", \"info\", \"warning\", \"error\", got \"verbose\"");
    }
    if (issue.path == p + "logs.component_levels.no_such_component") {
      EXPECT_EQ(issue.message, "must name a component of the stack, got \"no_such_component\"");
    }
    if (issue.path == p + "backups.postgres.archive_timeout") {
      EXPECT_NE(issue.message.find("archive_timeout_s"), std::string::npos) << issue.message;
    }
  }
}

}  // namespace
