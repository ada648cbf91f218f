#pragma once
// The names the JSON reader accepts for each choice of the scenario, with the enum value
// each stands for. The readers (model/*.cpp), to_string() of each enum and the JSON Schema
// (through model/object_shapes.hpp) use these tables, so a name is written once.
#include <array>
#include <string_view>
#include <utility>

#include "tierplan/environment.hpp"
#include "tierplan/logs.hpp"
#include "tierplan/stack.hpp"

namespace tierplan::detail {

inline constexpr std::array<std::pair<std::string_view, Cloud>, 3> kClouds = {
    {{"aws", Cloud::aws}, {"gcp", Cloud::gcp}, {"azure", Cloud::azure}}};
inline constexpr std::array<std::pair<std::string_view, DatastoreMode>, 3> kDatastoreModes = {
    {{"managed", DatastoreMode::managed},
     {"in_cluster", DatastoreMode::in_cluster},
     {"self_managed", DatastoreMode::self_managed}}};
inline constexpr std::array<std::pair<std::string_view, PricingModel>, 3> kPricingModels = {
    {{"on_demand", PricingModel::on_demand},
     {"commitment_1yr", PricingModel::commitment_1yr},
     {"commitment_3yr", PricingModel::commitment_3yr}}};
inline constexpr std::array<std::pair<std::string_view, DatastoreKind>, 5> kDatastoreKinds = {
    {{"none", DatastoreKind::none},
     {"postgres", DatastoreKind::postgres},
     {"redis", DatastoreKind::redis},
     {"vector_store", DatastoreKind::vector_store},
     {"object_storage", DatastoreKind::object_storage}}};
// The name catalog entries carry for a cloud ("aws").
constexpr std::string_view cloud_name(Cloud cloud) {
  for (const auto& [name, value] : kClouds) {
    if (value == cloud) return name;
  }
  return {};
}
// What a scenario's catalog is read on top of (catalog.extends): the built-in catalog
// (data/catalogs/builtin.json), which its entries add to or replace by name, or nothing.
// Only the reader knows it: the Catalog it produces is always complete.
enum class CatalogBase { builtin, none };
inline constexpr std::array<std::pair<std::string_view, CatalogBase>, 2> kCatalogBases = {
    {{"builtin", CatalogBase::builtin}, {"none", CatalogBase::none}}};
inline constexpr std::array<std::pair<std::string_view, SpreadPolicy>, 2> kSpread = {
    {{"none", SpreadPolicy::none}, {"nodes", SpreadPolicy::nodes}}};
inline constexpr std::array<std::pair<std::string_view, PackingMeasure>, 2> kPacking = {
    {{"requests", PackingMeasure::requests}, {"limits", PackingMeasure::limits}}};
inline constexpr std::array<std::pair<std::string_view, ReservedModel>, 4> kReserved = {
    {{"gke", ReservedModel::gke},
     {"eks", ReservedModel::eks},
     {"aks", ReservedModel::aks},
     {"by_cloud", ReservedModel::by_cloud}}};
inline constexpr std::array<std::pair<std::string_view, DiskType>, 4> kDisk = {
    {{"ssd", DiskType::ssd},
     {"hdd", DiskType::hdd},
     {"san", DiskType::san},
     {"nvme", DiskType::nvme}}};
inline constexpr std::array<std::pair<std::string_view, PgWorkload>, 5> kPgWorkloads = {
    {{"web", PgWorkload::web},
     {"oltp", PgWorkload::oltp},
     {"dw", PgWorkload::dw},
     {"desktop", PgWorkload::desktop},
     {"mixed", PgWorkload::mixed}}};
inline constexpr std::array<std::pair<std::string_view, VectorDatatype>, 3> kDatatype = {
    {{"float32", VectorDatatype::float32},
     {"float16", VectorDatatype::float16},
     {"uint8", VectorDatatype::uint8}}};
inline constexpr std::array<std::pair<std::string_view, Quantization>, 3> kQuantization = {
    {{"none", Quantization::none},
     {"scalar", Quantization::scalar},
     {"binary", Quantization::binary}}};
inline constexpr std::array<std::pair<std::string_view, LogLevel>, 4> kLogLevels = {
    {{"debug", LogLevel::debug},
     {"info", LogLevel::info},
     {"warning", LogLevel::warning},
     {"error", LogLevel::error}}};
inline constexpr std::array<std::pair<std::string_view, VectorRecovery>, 2> kRecovery = {
    {{"snapshot", VectorRecovery::snapshot}, {"rebuild", VectorRecovery::rebuild}}};

inline constexpr std::array<std::pair<std::string_view, ComponentKind>, 4> kKinds = {
    {{"service", ComponentKind::service},
     {"worker", ComponentKind::worker},
     {"singleton", ComponentKind::singleton},
     {"daemon", ComponentKind::daemon}}};
inline constexpr std::array<std::pair<std::string_view, LoadDriver>, 8> kDrivers = {
    {{"none", LoadDriver::none},
     {"api_requests", LoadDriver::api_requests},
     {"web_requests", LoadDriver::web_requests},
     {"worker_tasks", LoadDriver::worker_tasks},
     {"plugin_calls", LoadDriver::plugin_calls},
     {"sandbox_executions", LoadDriver::sandbox_executions},
     {"document_ingestion", LoadDriver::document_ingestion},
     {"outbound_requests", LoadDriver::outbound_requests}}};

}  // namespace tierplan::detail
