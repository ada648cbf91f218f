#pragma once
// Node instance types with their prices, each with its source and date.
#include <string>
#include <string_view>
#include <vector>

namespace tierplan {

struct NodeType {
  std::string name;
  std::string cloud;  // aws, gcp or azure
  int vcpu = 0;
  double memory_gib = 0.0;
  int max_pods = 110;
  double price_usd_per_hour = 0.0;
  std::string source;
  std::string as_of;  // ISO date the price was read
  bool operator==(const NodeType&) const = default;
};

// A machine shape for a datastore (a managed instance class or a VM) of one cloud.
struct MachineShape {
  std::string name;
  std::string cloud;  // aws, gcp or azure: only environments on this cloud use it
  int vcpu = 0;
  double memory_gib = 0.0;
  double price_usd_per_hour = 0.0;
  // Price of the service's replicated offering (a primary and its replica, sold as one), where
  // it is not twice the single instance's: Azure Cache for Redis bills a Standard cache, its
  // two nodes, at more than two Basic (single-node) caches. 0: a replica costs one more
  // instance at price_usd_per_hour.
  double replicated_price_usd_per_hour = 0.0;
  // A burstable class (CPU credits, throttled to a baseline when they run out): chosen only
  // where the environment's policy allows it (burstable_instances_allowed).
  bool burstable = false;
  std::string source;  // where the price comes from
  std::string as_of;   // ISO date the price was read
  bool operator==(const MachineShape&) const = default;
};

// One price with its source and the date it was read.
struct UnitPrice {
  double usd = 0.0;
  std::string source;
  std::string as_of;
  bool operator==(const UnitPrice&) const = default;
};

// A figure of a cloud other than a price (a service limit, a default, a discount), with its
// source and the date it was read.
struct SourcedValue {
  double value = 0.0;
  std::string source;
  std::string as_of;
  bool operator==(const SourcedValue&) const = default;
};

// Storage, log, network and cluster prices of one cloud, listed for one region of it, with the
// limits and defaults of its services and its discounts.
struct Prices {
  std::string cloud;   // aws, gcp or azure
  std::string region;  // the region these prices, and the cloud's node and shape prices, are for
  UnitPrice database_storage_usd_per_gib_month;  // managed PostgreSQL volumes
  UnitPrice block_storage_usd_per_gib_month;     // volumes of the vector store VMs
  UnitPrice object_storage_usd_per_gib_month;    // uploads, documents, versions
  UnitPrice backup_storage_usd_per_gib_month;    // backup repository and snapshots
  UnitPrice log_storage_usd_per_gib_month;       // logs kept for their retention
  UnitPrice log_ingestion_usd_per_gib;           // logs written
  UnitPrice control_plane_usd_per_hour;          // the managed Kubernetes control plane
  UnitPrice load_balancer_usd_per_hour;          // the ingress's load balancer
  UnitPrice nat_gateway_usd_per_hour;            // outbound traffic of the private nodes
  UnitPrice nat_data_processing_usd_per_gib;     // data through the NAT gateway
  UnitPrice internet_egress_usd_per_gib;         // data out to the internet
  // The boot volume the cloud's managed node groups give each node (priced as block storage).
  SourcedValue node_root_volume_gib;
  // Largest volume of one managed PostgreSQL instance, and of one block volume (a VM's or a
  // persistent volume's): a datastore beyond them cannot run on one instance.
  SourcedValue postgres_max_storage_gib;
  SourcedValue block_volume_max_gib;
  // Longest point-in-time recovery window the managed PostgreSQL service keeps.
  SourcedValue postgres_backup_retention_max_days;
  // Largest managed Redis instance (cluster mode disabled), and the share of its memory the
  // service keeps from maxmemory for forks, replication and fragmentation.
  SourcedValue redis_max_memory_gib;
  SourcedValue redis_reserved_memory_percent;
  // Backup storage the managed PostgreSQL includes at no charge, as a share of the
  // instance's provisioned storage (RDS and Azure: 100%; Cloud SQL: none).
  SourcedValue postgres_backup_free_storage_percent;
  // Discounts off on-demand compute for a 1- and a 3-year commitment.
  SourcedValue commitment_1yr_discount_percent;
  SourcedValue commitment_3yr_discount_percent;
  // Discount of spot capacity (AWS Spot Instances, GCP Spot VMs, Azure Spot VMs) off
  // on-demand worker nodes, for the spot pool of policy.cost.stateless_on_spot. Spot prices
  // move with demand: the source states the instance and the day the figure was read.
  SourcedValue spot_discount_percent;
  bool operator==(const Prices&) const = default;
};

// A region of a cloud other than the one its prices are listed for: every priced line of
// an environment in the region is the listed price times price_factor (the ratio of a
// representative instance's price there to the listed region's, as the source states).
struct Region {
  std::string cloud;
  std::string name;
  double price_factor = 1.0;
  std::string source;
  std::string as_of;
  bool operator==(const Region&) const = default;
};

struct Catalog {
  std::vector<NodeType> node_types;
  std::vector<MachineShape> database_shapes;      // PostgreSQL
  std::vector<MachineShape> vector_store_shapes;  // Qdrant VMs
  // Redis instance memory tiers: memory_gib is the tier the plan sizes to.
  std::vector<MachineShape> cache_shapes;
  std::string datastore_source;
  std::vector<Prices> prices;  // one entry per cloud
  std::vector<Region> regions;
  bool operator==(const Catalog&) const = default;

  const NodeType* find(const std::string& name) const;
  // The prices of a cloud; nullptr when the catalog lists none.
  const Prices* prices_for(std::string_view cloud) const;
  // The region of a cloud by name; nullptr when not listed.
  const Region* find_region(std::string_view cloud, std::string_view name) const;
  // What a region's prices are to the listed ones: 1 for the listed region (or an empty
  // name), the region's price_factor for a region of catalog.regions, 1 for one not listed
  // (validation refuses it).
  double price_factor(std::string_view cloud, std::string_view region) const;
};

// The built-in catalog (data/catalogs/builtin.json): what a scenario's catalog extends unless it
// says "extends": "none".
const Catalog& builtin_catalog();

// base with additions on top: an entry of additions replaces the entry of base with the same
// name (node types and the shape lists), cloud (prices) or cloud and name (regions) wholesale,
// in base's place; any other is appended in additions' order. A non-empty datastore_source of
// additions replaces base's.
Catalog extend_catalog(const Catalog& base, const Catalog& additions);

// One way a catalog differs from the built-in one.
struct CatalogChange {
  std::string
      list;  // node_types, database_shapes, vector_store_shapes, cache_shapes, prices, regions
  std::string name;    // the entry's name; the cloud for prices; "cloud/name" for regions
  std::string change;  // "overridden" (another entry of that name), "added" or "removed"
  bool operator==(const CatalogChange&) const = default;
};
// How catalog differs from builtin_catalog(), entry by entry, list by list: what a scenario
// overrode, added or (with "extends": "none") left out. An entry equal to the built-in one is
// no change.
std::vector<CatalogChange> catalog_changes(const Catalog& catalog);

}  // namespace tierplan
