#pragma once
// The whole public API of tierplan in one include. A program that plans from a scenario
// needs only this:
//
//   #include <tierplan/tierplan.hpp>
//   const tierplan::Scenario scenario = tierplan::builtin_scenario("dify-enterprise");
//   const tierplan::Plan plan = tierplan::plan(scenario);  // validates, then plans
//
// The headers below are grouped as the library's layers are (cpp/src has one folder each).

// Model: the scenario and its parts, errors, validation.
#include "tierplan/catalog.hpp"
#include "tierplan/environment.hpp"
#include "tierplan/errors.hpp"
#include "tierplan/scenario.hpp"
#include "tierplan/stack.hpp"
#include "tierplan/tiers.hpp"
#include "tierplan/validation.hpp"
#include "tierplan/workload.hpp"

// I/O: JSON conversions and the plan's compact state.
#include "tierplan/json.hpp"
#include "tierplan/plan_state.hpp"

// Compute: demand, queueing, replicas, nodes.
#include "tierplan/demand.hpp"
#include "tierplan/nodes.hpp"
#include "tierplan/queueing.hpp"
#include "tierplan/replicas.hpp"

// Datastores: PostgreSQL (PGTune), Redis, Qdrant, object storage.
#include "tierplan/datastore_model.hpp"
#include "tierplan/datastores.hpp"
#include "tierplan/pgtune.hpp"

// Operations: logs, backups, cost.
#include "tierplan/backups.hpp"
#include "tierplan/cost.hpp"
#include "tierplan/logs.hpp"

// The planner and its result.
#include "tierplan/deployment.hpp"
#include "tierplan/packed_texts.hpp"
#include "tierplan/plan.hpp"
#include "tierplan/warnings.hpp"

// Studies: field paths, sweeps, uncertainty, capacity.
#include "tierplan/capacity.hpp"
#include "tierplan/fields.hpp"
#include "tierplan/sweep.hpp"
#include "tierplan/uncertainty.hpp"

// Calibration: fits of the model from measurements.
#include "tierplan/calibration.hpp"
