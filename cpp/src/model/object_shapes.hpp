#pragma once
// The shape of every JSON object of a scenario: its keys, in the order the reader reads them,
// with their kind and need; numeric keys come from the field table (model/field_table.hpp).
// The readers (model/*.cpp) read through these shapes and the JSON Schema of the scenario
// (io/scenario_schema.cpp) is generated from them. Rules between keys that JSON Schema cannot
// state are written in the descriptions; the readers check them (model/field_rules.cpp,
// scenario.cpp).
#include "io/serialization.hpp"
#include "model/choices.hpp"
#include "model/field_table.hpp"

namespace tierplan::detail::shapes {

using namespace field_table;  // NOLINT(google-build-using-namespace): the table's vocabulary

// --- workload
inline constexpr auto kRequestKeys =
    keys(identifier("name", Need::required), numbers(kRequestFields));
inline constexpr ObjectShape kRequest{"request_class", kRequestKeys,
                                      "One kind of user-facing request."};
inline constexpr auto kKnowledgeBaseKeys = keys(numbers(kKnowledgeBaseFields));
inline constexpr ObjectShape kKnowledgeBase{"knowledge_base", kKnowledgeBaseKeys,
                                            "The documents behind retrieval. Rule: "
                                            "chunk_overlap_chars < chunk_size_chars."};
inline constexpr auto kRetentionKeys =
    keys(numbers(kRetentionFields), flag("workflow_log_cleanup_enabled"));
inline constexpr ObjectShape kRetention{"retention", kRetentionKeys,
                                        "How long conversation data is kept."};
inline constexpr auto kUploadsKeys = keys(numbers(kUploadsFields));
inline constexpr ObjectShape kUploads{"uploads", kUploadsKeys, "Files users upload."};
inline constexpr auto kGrowthKeys = keys(numbers(kGrowthFields));
inline constexpr ObjectShape kGrowth{"growth", kGrowthKeys, "Growth over the planning horizon."};
inline constexpr auto kWorkloadKeys =
    keys(numbers(kWorkloadFields), list("requests", &kRequest, Need::required),
         object("knowledge_base", &kKnowledgeBase), object("retention", &kRetention),
         object("uploads", &kUploads), object("growth", &kGrowth));
inline constexpr ObjectShape kWorkload{"workload", kWorkloadKeys,
                                       "What users do. Request names are unique."};

// --- environments
inline constexpr auto kDatastorePolicyKeys = keys(
    flag("postgres_standby"), flag("postgres_synchronous"), choice<kDisk>("postgres_disk"),
    choice<kPgWorkloads>("postgres_workload", Need::optional,
                         "PGTune's DB Type for the database's settings: web (default), oltp, "
                         "dw, desktop or mixed"),
    numbers(kDatastoreFields), flag("redis_replica_with_sentinels"), flag("redis_cluster_mode"),
    flag("redis_maxmemory_configured"), flag("qdrant_vectors_on_disk"),
    choice<kDatatype>("qdrant_datatype"), choice<kQuantization>("qdrant_quantization"),
    choice<kDatastoreModes>("postgres_mode", Need::optional,
                            "managed (the cloud's service), in_cluster (a StatefulSet on the "
                            "worker nodes) or self_managed (VMs you run)"),
    choice<kDatastoreModes>("redis_mode"),
    choice<kDatastoreModes>("vector_store_mode", Need::optional,
                            "in_cluster or self_managed (VMs); no managed offering is priced"),
    choice<kDatastoreModes>("object_storage_mode", Need::optional,
                            "managed (the cloud's object store) or in_cluster (MinIO)"),
    flag("burstable_instances_allowed"));
inline constexpr ObjectShape kDatastorePolicy{
    "datastore_policy", kDatastorePolicyKeys,
    "How the datastores are run. Rules: qdrant_replication_factor <= qdrant_min_nodes; "
    "vector_store_mode is not managed; object_storage_mode is not self_managed."};
inline constexpr auto kLogPolicyKeys =
    keys(choice<kLogLevels>("level"),
         map("component_levels", KeyKind::choice, kOptionNames<kLogLevels>,
             "Log level by component; each key names a component of stack.components."),
         flag("access_log"), flag("audit_log"), numbers(kLogPolicyFields));
inline constexpr ObjectShape kLogPolicy{"log_policy", kLogPolicyKeys, "Logging of the stack."};
inline constexpr auto kPostgresBackupKeys =
    keys(numbers(kPostgresBackupFields), flag("wal_archiving"));
inline constexpr ObjectShape kPostgresBackup{"postgres_backup_policy", kPostgresBackupKeys,
                                             "Backups of PostgreSQL."};
inline constexpr auto kObjectStorageBackupKeys =
    keys(flag("versioning"), numbers(kObjectStorageBackupFields));
inline constexpr ObjectShape kObjectStorageBackup{
    "object_storage_backup_policy", kObjectStorageBackupKeys, "Versioning of object storage."};
inline constexpr auto kVectorStoreBackupKeys =
    keys(choice<kRecovery>("method"), numbers(kVectorStoreBackupFields));
inline constexpr ObjectShape kVectorStoreBackup{
    "vector_store_backup_policy", kVectorStoreBackupKeys, "Recovery of the vector store."};
inline constexpr auto kBackupPolicyKeys =
    keys(object("postgres", &kPostgresBackup), object("object_storage", &kObjectStorageBackup),
         object("vector_store", &kVectorStoreBackup), numbers(kBackupPolicyFields),
         flag("helm_values_in_version_control"));
inline constexpr ObjectShape kBackupPolicy{"backup_policy", kBackupPolicyKeys,
                                           "Backups and recovery targets."};
inline constexpr auto kCostPolicyKeys =
    keys(choice<kPricingModels>("pricing", Need::optional,
                                "on_demand, or a 1- or 3-year commitment on the worker nodes and "
                                "the vector store's VMs at catalog.prices' discount of the cloud"),
         numbers(kCostPolicyFields), flag("stateless_on_spot"));
inline constexpr ObjectShape kCostPolicy{
    "cost_policy", kCostPolicyKeys,
    "How the bill is paid, and the network lines besides nodes and datastores."};
inline constexpr auto kPolicyKeys =
    keys(numbers(kPolicyFields), choice<kSpread>("spread"), flag("survive_node_loss"),
         choice<kPacking>("node_loss_pack_by"), choice<kPacking>("pack_by"),
         choice<kReserved>("reserved_model"),
         choice<kClouds>("cloud", Need::optional,
                         "The cloud the environment runs on: its nodes, datastore shapes and "
                         "prices are the catalog entries of this cloud."),
         text("region", Need::optional,
              "The region: empty is the region catalog.prices lists the cloud's prices for; "
              "another must be an entry of catalog.regions for the cloud."),
         text("node_type", Need::optional,
              "The node type every node uses; it names an entry of catalog.node_types of the "
              "environment's cloud. Empty: the planner chooses."),
         object("datastores", &kDatastorePolicy), object("logs", &kLogPolicy),
         object("backups", &kBackupPolicy), object("cost", &kCostPolicy));
inline constexpr ObjectShape kPolicy{"environment_policy", kPolicyKeys,
                                     "How an environment is run. Rule: max_replicas >= "
                                     "min_replicas."};
inline constexpr std::string_view kWorkloadOrShare[] = {"workload", "workload_share"};
inline constexpr auto kEnvironmentKeys =
    keys(identifier("name", Need::required), object("workload", &kWorkload),
         number("workload_share", kWorkloadShareBounds, "ratio to the top-level workload"),
         object("policy", &kPolicy, Need::required));
inline constexpr ObjectShape kEnvironment{
    "environment", kEnvironmentKeys,
    "One environment (e.g. test, production): its own workload or a share of the top-level one, "
    "and its policy.",
    kWorkloadOrShare};

// --- stack
inline constexpr auto kLinesKeys = keys(numbers(kLinesFields));
inline constexpr ObjectShape kLines{"lines_by_level", kLinesKeys, "Log lines by level."};
inline constexpr auto kLoggingKeys =
    keys(object("lines_per_unit", &kLines), object("lines_per_replica_per_hour", &kLines),
         numbers(kLoggingFields));
inline constexpr ObjectShape kLogging{"component_logging", kLoggingKeys, "What a component logs."};
inline constexpr auto kResourcesKeys = keys(numbers(kResourceFields));
inline constexpr ObjectShape kResources{"resource_model", kResourcesKeys,
                                        "CPU and memory of one replica."};
inline constexpr auto kMeasuredLoadKeys = keys(numbers(kMeasuredLoadFields));
inline constexpr ObjectShape kMeasuredLoad{
    "measured_load", kMeasuredLoadKeys,
    "The load the resource model was measured at (set by calibration): a plan that sizes a "
    "replica for more than warn_beyond_multiple times max_rate_per_s warns."};
inline constexpr auto kComponentKeys = keys(
    identifier("name", Need::required), text("helm_key"), choice<kKinds>("kind", Need::required),
    choice<kDrivers>("load_driver"), numbers(kComponentFields),
    object("resources", &kResources, Need::required), object("measured_load", &kMeasuredLoad),
    flag("scales_horizontally"), object("logging", &kLogging), text("source"),
    choice<kDatastoreKinds>("in_cluster_for", Need::optional,
                            "The datastore this component is the in-cluster form of (MinIO: "
                            "object_storage): deployed only where that datastore runs "
                            "in_cluster."));
inline constexpr ObjectShape kComponent{
    "component", kComponentKeys,
    "One deployed component of the stack. Rule: a singleton has scales_horizontally false."};
inline constexpr auto kStackKeys =
    keys(identifier("name", Need::required), numbers(kStackFields),
         list("components", &kComponent, Need::required, "component"),
         object("datastores", nullptr, Need::optional,
                "The datastore model (tables, broker, vector store): its keys are declared and "
                "checked by its own reader (datastores/datastore_model.cpp), not here yet."));
inline constexpr ObjectShape kStack{"stack", kStackKeys,
                                    "The deployed software. Component names are unique."};

// --- catalog
inline constexpr auto kNodeTypeKeys =
    keys(nonempty_text("name", Need::required), nonempty_text("cloud", Need::required),
         numbers(kNodeTypeFields), nonempty_text("source", Need::required),
         nonempty_text("as_of", Need::required));
inline constexpr ObjectShape kNodeType{"node_type", kNodeTypeKeys,
                                       "A Kubernetes node type with its price."};
inline constexpr auto kShapeKeys =
    keys(nonempty_text("name", Need::required), nonempty_text("cloud", Need::required),
         numbers(kShapeFields), flag("burstable"), text("source"), text("as_of"));
inline constexpr ObjectShape kShape{"machine_shape", kShapeKeys,
                                    "A datastore machine of one cloud with its price. Rule: cloud "
                                    "is aws, gcp or azure."};
// An amount with its source and date: {"<amount key>": n, "source": "...", "as_of": "..."}.
constexpr auto sourced_amount(std::string_view amount_key, FieldBounds bounds,
                              std::string_view unit) {
  return keys(number(amount_key, bounds, unit, Need::required),
              nonempty_text("source", Need::required), nonempty_text("as_of", Need::required));
}
inline constexpr auto kStoragePriceKeys =
    sourced_amount("usd_per_gib_month", kPriceBounds, "USD per GiB-month");
inline constexpr ObjectShape kStoragePrice{"storage_price", kStoragePriceKeys,
                                           "A storage price with its source."};
inline constexpr auto kIngestionPriceKeys =
    sourced_amount("usd_per_gib", kPriceBounds, "USD per GiB");
inline constexpr ObjectShape kIngestionPrice{"ingestion_price", kIngestionPriceKeys,
                                             "A price per GiB ingested with its source."};
inline constexpr auto kHourlyPriceKeys =
    sourced_amount("usd_per_hour", kPriceBounds, "USD per hour");
inline constexpr ObjectShape kHourlyPrice{"hourly_price", kHourlyPriceKeys,
                                          "A price per hour with its source."};
inline constexpr auto kLimitGibKeys = sourced_amount("gib", kLimitGibBounds, "GiB");
inline constexpr ObjectShape kLimitGib{"limit_gib", kLimitGibKeys,
                                       "A size limit of a cloud's service with its source."};
inline constexpr auto kSizeGibKeys = sourced_amount("gib", kSizeGibBounds, "GiB");
inline constexpr ObjectShape kSizeGib{"size_gib", kSizeGibKeys,
                                      "A default size of a cloud with its source."};
inline constexpr auto kDaysKeys = sourced_amount("days", kDaysBounds, "days");
inline constexpr ObjectShape kDaysFigure{"limit_days", kDaysKeys,
                                         "A time limit of a cloud's service with its source."};
inline constexpr auto kPercentKeys = sourced_amount("percent", kPercentBounds, "%");
inline constexpr ObjectShape kPercentFigure{"percent_figure", kPercentKeys,
                                            "A percentage of a cloud (a discount, a reserved "
                                            "share) with its source."};
inline constexpr auto kStorageShareKeys =
    sourced_amount("percent", kStorageShareBounds, "% of provisioned storage");
inline constexpr ObjectShape kStorageShareFigure{
    "storage_share_figure", kStorageShareKeys,
    "A share of provisioned storage a service includes at no charge, with its source."};
// The shape of a figure of kSourcedValueKeys (io/serialization.hpp), by its bounds and unit.
constexpr const ObjectShape* figure_shape(const SourcedValueKey& figure) {
  if (figure.amount_key == "days") return &kDaysFigure;
  if (figure.amount_key == "percent") {
    return figure.bounds.max > kPercentBounds.max ? &kStorageShareFigure : &kPercentFigure;
  }
  return figure.bounds.min_exclusive ? &kLimitGib : &kSizeGib;
}
// The cloud and its listed region, then one object per price of kPriceKeys
// (io/serialization.hpp), its shape chosen by amount key, then one per figure of
// kSourcedValueKeys.
inline constexpr auto kPricesKeys = [] {
  const auto cloud = nonempty_text("cloud", Need::required);
  const auto region = nonempty_text("region", Need::required);
  std::array<KeyField, kPriceKeys.size() + kSourcedValueKeys.size() + 2> out{cloud[0], region[0]};
  for (std::size_t i = 0; i < kPriceKeys.size(); ++i) {
    const std::string_view amount = kPriceKeys[i].amount_key;
    const ObjectShape* shape = amount == kStoragePriceKeys[0].key     ? &kStoragePrice
                               : amount == kIngestionPriceKeys[0].key ? &kIngestionPrice
                                                                      : &kHourlyPrice;
    out[i + 2] = object(kPriceKeys[i].key, shape, Need::required)[0];
  }
  for (std::size_t i = 0; i < kSourcedValueKeys.size(); ++i) {
    out[kPriceKeys.size() + i + 2] =
        object(kSourcedValueKeys[i].key, figure_shape(kSourcedValueKeys[i]), Need::required)[0];
  }
  return out;
}();
inline constexpr ObjectShape kPrices{
    "cloud_prices", kPricesKeys,
    "The prices of one cloud besides machines, listed for one of its regions (the region its "
    "node and shape prices are for too). Rule: cloud is aws, gcp or azure."};
inline constexpr auto kRegionKeys =
    keys(nonempty_text("cloud", Need::required), nonempty_text("name", Need::required),
         numbers(kRegionFields), nonempty_text("source", Need::required),
         nonempty_text("as_of", Need::required));
inline constexpr ObjectShape kRegion{
    "region", kRegionKeys,
    "A region of a cloud besides the one its prices are listed for, with the factor its prices "
    "differ by."};
// node_types and prices are optional here: on top of the built-in catalog a scenario lists only
// what it adds or replaces. The reader refuses a catalog that ends up without them.
inline constexpr auto kCatalogKeys =
    keys(choice<kCatalogBases>(
             "extends", Need::optional,
             "What this catalog is read on top of. \"builtin\" (the default): the built-in "
             "catalog (data/catalogs/builtin.json); an entry of this catalog replaces the built-in "
             "entry of the same name (node types, shapes), cloud (prices) or cloud and name "
             "(regions) wholesale, any other is added. \"none\": this catalog is the whole "
             "catalog."),
         list("node_types", &kNodeType), list("database_shapes", &kShape),
         list("vector_store_shapes", &kShape), list("cache_shapes", &kShape),
         text("datastore_source", Need::optional,
              "Where the datastore shapes come from; empty keeps the built-in catalog's."),
         list("prices", &kPrices), list("regions", &kRegion));
inline constexpr ObjectShape kCatalog{
    "catalog", kCatalogKeys,
    "What can be bought. Names are unique within each list. Rule: the catalog, with what it "
    "extends, lists at least one node type and one cloud's prices."};

// --- tiers and the scenario
inline constexpr auto kTierKeys =
    keys(identifier("name", Need::required), text("description"), numbers(kTierFields),
         nonempty_text("source", Need::required));
inline constexpr ObjectShape kTier{"tier", kTierKeys, "A published sizing tier to compare with."};
inline constexpr auto kScenarioKeys =
    keys(identifier("name", Need::required), text("description"),
         map("sources", KeyKind::nonempty_text, {},
             "Where a value comes from, by the path of the field it is about (e.g. "
             "\"workload.daily_active_users\" or \"environments[0].policy.min_replicas\"); "
             "each key names a field of this scenario."),
         object("workload", &kWorkload, Need::required), object("stack", &kStack, Need::required),
         list("environments", &kEnvironment, Need::required, "environment"),
         object("catalog", &kCatalog, Need::required), list("tiers", &kTier));
inline constexpr ObjectShape kScenario{
    "scenario", kScenarioKeys,
    "A tierplan scenario: workload, stack, environments and catalog. Names are unique within "
    "each list."};

}  // namespace tierplan::detail::shapes
