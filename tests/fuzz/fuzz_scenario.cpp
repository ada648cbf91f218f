// libFuzzer target over the scenario reader, validation, the full plan and the plan JSON
// writer (issue 15; the contracts of issue 17). The input is the text of a scenario JSON
// file, read as `tierplan plan FILE` reads it. It is a finding, reported by trapping, when:
//   - any exception other than the documented ones (tierplan/errors.hpp: ValidationError
//     for input, PlanningError for a valid scenario no plan satisfies) leaves an entry point;
//   - a scenario that loads is refused by validate(), or does not save and reload equal
//     (issue 17, item 4);
//   - a plan JSON holds a number that is not finite (issue 17, item 5: written as null,
//     which data/schema/plan.schema.json rejects), or planning twice gives another plan.
// Crashes, leaks and undefined behaviour are reported by ASan and UBSan themselves.
// tests/fuzz/README.md says how to build and run it; RESULTS.md records the long runs.
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "tierplan/errors.hpp"
#include "tierplan/json.hpp"
#include "tierplan/plan.hpp"
#include "tierplan/scenario.hpp"
#include "tierplan/validation.hpp"

namespace {

using Json = nlohmann::ordered_json;

[[noreturn]] void finding(const char* what, const std::string& detail) {
  std::fprintf(stderr, "tierplan fuzz finding: %s: %s\n", what, detail.c_str());
  std::fflush(stderr);
  __builtin_trap();
}

// The first number of a plan JSON that is not finite, by its path; "" when every one is.
// Iterative: a plan nests a handful of levels, but nothing here should depend on that.
std::string first_non_finite(const Json& document) {
  std::vector<std::pair<const Json*, std::string>> pending{{&document, ""}};
  while (!pending.empty()) {
    const auto [value, path] = pending.back();
    pending.pop_back();
    if (value->is_number_float() && !std::isfinite(value->get<double>())) return path;
    if (value->is_object()) {
      for (const auto& [key, item] : value->items()) pending.emplace_back(&item, path + "." + key);
    } else if (value->is_array()) {
      for (std::size_t i = 0; i < value->size(); ++i) {
        pending.emplace_back(&(*value)[i], path + "[" + std::to_string(i) + "]");
      }
    }
  }
  return "";
}

void check_plan(const tierplan::Scenario& scenario) {
  tierplan::Plan plan;
  try {
    plan = tierplan::plan(scenario);
  } catch (const tierplan::PlanningError&) {
    return;
  }
  const Json document = tierplan::plan_to_json(plan);
  if (const std::string path = first_non_finite(document); !path.empty()) {
    finding("a plan number is not finite", path);
  }
  // The text plan_to_json_string writes (plan_json.cpp), without building the document again:
  // JSON reading and writing take most of each run's time under the sanitizers.
  static_cast<void>(document.dump(2));
  // Compared as values, not as JSON text, for the same reason.
  if (!(tierplan::plan(scenario) == plan)) {
    finding("planning twice gives different plans", scenario.name);
  }
}

void check_scenario(std::string_view text) {
  tierplan::Scenario scenario;
  try {
    scenario = tierplan::scenario_from_json_string(text, "fuzz");
  } catch (const tierplan::ValidationError&) {
    return;
  }
  try {
    tierplan::validate(scenario);
  } catch (const tierplan::ValidationError& error) {
    finding("a loaded scenario fails validate()", error.what());
  }
  const std::string saved = tierplan::scenario_to_json_string(scenario);
  tierplan::Scenario reloaded;
  try {
    reloaded = tierplan::scenario_from_json_string(saved, "saved");
  } catch (const tierplan::ValidationError& error) {
    finding("a saved scenario does not reload", std::string(error.what()) + "\n" + saved);
  }
  if (!(reloaded == scenario)) finding("a saved scenario reloads different", saved);
  check_plan(scenario);
}

// ---------------------------------------------------------------------------------------
// Structured mutation. Byte mutations of a scenario almost always break its JSON or its
// validation, so few inputs reach the planner; half of the mutations here are instead one
// change to the parsed document, as the structured changes of issue 17 (a number replaced by
// one at the edge of a double or of its field's range, a value or key removed), written back
// compactly. libFuzzer's own mutations (with the dictionary) do the other half.

// The values that broke something once (issue 17) and the edges of a double and an int.
constexpr std::array kEdgeNumbers = {0.0,
                                     -0.0,
                                     5e-324,
                                     1e-308,
                                     1e-12,
                                     0.5,
                                     1.0,
                                     2.0,
                                     3.0,
                                     1e6,
                                     1e9,
                                     1e12,
                                     1e300,
                                     -1.0,
                                     2147483647.0,
                                     2147483648.0,
                                     1.7976931348623157e308};

double mutated_number(double value, std::minstd_rand& rng) {
  switch (rng() % 6) {
    case 0:
      return value * 2;
    case 1:
      return value / 2;
    case 2:
      return value + 1;
    case 3:
      return -value;
    default:
      return kEdgeNumbers[rng() % kEdgeNumbers.size()];
  }
}

// One change to one value of the document (objects and arrays included); false if none made.
bool mutate_document(Json& document, std::minstd_rand& rng) {
  std::vector<Json*> values;
  std::vector<Json*> pending{&document};
  while (!pending.empty()) {
    Json* value = pending.back();
    pending.pop_back();
    values.push_back(value);
    if (value->is_object()) {
      for (auto& item : value->items()) pending.push_back(&item.value());
    } else if (value->is_array()) {
      for (auto& item : *value) pending.push_back(&item);
    }
  }
  Json& target = *values[rng() % values.size()];
  if (target.is_number()) {
    const double number = mutated_number(target.get<double>(), rng);
    if (target.is_number_float() || number != std::floor(number) || std::abs(number) > 9e15) {
      target = number;
    } else {
      target = static_cast<std::int64_t>(number);
    }
  } else if (target.is_boolean()) {
    target = !target.get<bool>();
  } else if (target.is_string()) {
    target = rng() % 2 == 0 ? std::string() : target.get<std::string>() + "x";
  } else if ((target.is_object() || target.is_array()) && !target.empty()) {
    // Remove one entry: a required key left out, a list one shorter.
    const std::size_t index = rng() % target.size();
    target.erase(std::next(target.begin(), static_cast<std::ptrdiff_t>(index)));
  } else {
    return false;
  }
  return true;
}

// Deeper than any scenario (a handful of levels) and than the reader accepts
// (too_deep_path): nlohmann's dump recurses per level, and libFuzzer's own byte mutations
// can build "[[[[..." thousands deep, which overflowed the stack under ASan in dump below.
constexpr std::size_t kMostLevelsToMutate = 64;

bool deeper_than(const Json& document, std::size_t levels) {
  std::vector<std::pair<const Json*, std::size_t>> pending{{&document, 1}};
  while (!pending.empty()) {
    const auto [value, depth] = pending.back();
    pending.pop_back();
    if (depth > levels) return true;
    if (value->is_structured()) {
      for (const auto& item : *value) pending.emplace_back(&item, depth + 1);
    }
  }
  return false;
}

}  // namespace

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size);

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size,
                                               std::size_t max_size, unsigned int seed) {
  std::minstd_rand rng(seed);
  if (rng() % 2 == 0) return LLVMFuzzerMutate(data, size, max_size);
  Json document = Json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded() || deeper_than(document, kMostLevelsToMutate) ||
      !mutate_document(document, rng)) {
    return LLVMFuzzerMutate(data, size, max_size);
  }
  // Replaced strings are valid UTF-8 (the parser checked them), so dump does not throw.
  const std::string text = document.dump();
  if (text.size() > max_size) return LLVMFuzzerMutate(data, size, max_size);
  std::memcpy(data, text.data(), text.size());
  return text.size();
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    check_scenario(text);
  } catch (const tierplan::ValidationError& error) {
    // Validation passed when the scenario loaded: a later ValidationError (from plan())
    // means the reader and validate() disagree.
    finding("ValidationError after the scenario loaded", error.what());
  } catch (const std::exception& error) {
    finding("an undocumented exception left tierplan", error.what());
  } catch (...) {
    finding("a non-standard exception left tierplan", "");
  }
  return 0;
}
