#pragma once
// Reading and writing each part of a Scenario. Readers validate as they go and
// record every problem in the reader's IssueList.
#include <array>
#include <string_view>

#include "io/field_reader.hpp"
#include "model/field_table.hpp"
#include "tierplan/scenario.hpp"

namespace tierplan::detail {

Workload read_workload(ObjectReader& reader);
json write_workload(const Workload& workload);

Stack read_stack(ObjectReader& reader);
json write_stack(const Stack& stack);

Environment read_environment(ObjectReader& reader);
json write_environment(const Environment& environment);

Catalog read_catalog(ObjectReader& reader);
json write_catalog(const Catalog& catalog);

DatastoreModel read_datastore_model(ObjectReader& reader);
json write_datastore_model(const DatastoreModel& model);

TierPreset read_tier(ObjectReader& reader);
json write_tier(const TierPreset& tier);

// Reads each element of an array of objects with read_one(ObjectReader&).
template <class T, class ReadOne>
std::vector<T> read_object_array(const json* array, const std::string& path, IssueList& issues,
                                 ReadOne read_one) {
  std::vector<T> items;
  if (array == nullptr) return items;
  for (std::size_t i = 0; i < array->size(); ++i) {
    ObjectReader element(&(*array)[i], index_path(path, i), issues);
    if (!element.ok()) continue;
    items.push_back(read_one(element));
    element.finish();
  }
  return items;
}

// Reports names that occur twice in a list read from path.
template <class T>
void check_unique_names(const std::vector<T>& items, const std::string& path, IssueList& issues) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (!items[i].name.empty() && items[i].name == items[j].name) {
        issues.add(index_path(path, i) + ".name", "duplicate name, also used at " +
                                                      index_path(path, j) + ", got \"" +
                                                      items[i].name + "\"");
      }
    }
  }
}

// Prices in the catalog: {"usd_per_gib_month": 0.08, "source": "...", "as_of": "..."},
// by their key in catalog.prices (read and written in catalog.cpp, set by path in fields.cpp).
struct PriceKey {
  std::string_view key;
  std::string_view amount_key;
  UnitPrice Prices::*member;
};
inline constexpr std::array<PriceKey, 11> kPriceKeys = {{
    {"database_storage", "usd_per_gib_month", &Prices::database_storage_usd_per_gib_month},
    {"block_storage", "usd_per_gib_month", &Prices::block_storage_usd_per_gib_month},
    {"object_storage", "usd_per_gib_month", &Prices::object_storage_usd_per_gib_month},
    {"backup_storage", "usd_per_gib_month", &Prices::backup_storage_usd_per_gib_month},
    {"log_storage", "usd_per_gib_month", &Prices::log_storage_usd_per_gib_month},
    {"log_ingestion", "usd_per_gib", &Prices::log_ingestion_usd_per_gib},
    {"control_plane", "usd_per_hour", &Prices::control_plane_usd_per_hour},
    {"load_balancer", "usd_per_hour", &Prices::load_balancer_usd_per_hour},
    {"nat_gateway", "usd_per_hour", &Prices::nat_gateway_usd_per_hour},
    {"nat_data_processing", "usd_per_gib", &Prices::nat_data_processing_usd_per_gib},
    {"internet_egress", "usd_per_gib", &Prices::internet_egress_usd_per_gib},
}};

// The cloud's other figures in catalog.prices: {"gib": 65536, "source": "...", "as_of": "..."},
// by their key, read and written like prices, each within its bounds.
struct SourcedValueKey {
  std::string_view key;
  std::string_view amount_key;  // the unit: gib, days or percent
  FieldBounds bounds;
  SourcedValue Prices::*member;
};
inline constexpr FieldBounds kLimitGibBounds = field_table::above(0, 1e9);
inline constexpr FieldBounds kSizeGibBounds = field_table::between(0, 1e5);
inline constexpr FieldBounds kDaysBounds = field_table::above(0, 36500);
inline constexpr FieldBounds kPercentBounds = field_table::between(0, 99);
// A free allowance as a share of provisioned storage (RDS: 100%).
inline constexpr FieldBounds kStorageShareBounds = field_table::between(0, 1000);
inline constexpr std::array<SourcedValueKey, 10> kSourcedValueKeys = {{
    {"node_root_volume", "gib", kSizeGibBounds, &Prices::node_root_volume_gib},
    {"postgres_max_storage", "gib", kLimitGibBounds, &Prices::postgres_max_storage_gib},
    {"block_volume_max", "gib", kLimitGibBounds, &Prices::block_volume_max_gib},
    {"postgres_backup_retention_max", "days", kDaysBounds,
     &Prices::postgres_backup_retention_max_days},
    {"redis_max_memory", "gib", kLimitGibBounds, &Prices::redis_max_memory_gib},
    {"redis_reserved_memory", "percent", kPercentBounds, &Prices::redis_reserved_memory_percent},
    {"commitment_1yr_discount", "percent", kPercentBounds,
     &Prices::commitment_1yr_discount_percent},
    {"commitment_3yr_discount", "percent", kPercentBounds,
     &Prices::commitment_3yr_discount_percent},
    {"postgres_backup_free_storage", "percent", kStorageShareBounds,
     &Prices::postgres_backup_free_storage_percent},
    {"spot_discount", "percent", kPercentBounds, &Prices::spot_discount_percent},
}};

}  // namespace tierplan::detail
