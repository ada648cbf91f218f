// A component's four reasons share one buffer: each reads back as written, one can be
// replaced without touching the others, and a plan's state keeps them.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "tierplan/packed_texts.hpp"
#include "tierplan/plan.hpp"
#include "tierplan/plan_state.hpp"
#include "tierplan/replicas.hpp"
#include "tierplan/scenario.hpp"

namespace tierplan {
namespace {

using Reason = ComponentPlan::Reason;

ComponentPlan::Texts texts_of(const std::string& replicas, const std::string& resources,
                              const std::string& processes, const std::string& hpa) {
  const std::string joined = replicas + resources + processes + hpa;
  std::array<std::uint32_t, 4> ends{};
  ends[0] = static_cast<std::uint32_t>(replicas.size());
  ends[1] = ends[0] + static_cast<std::uint32_t>(resources.size());
  ends[2] = ends[1] + static_cast<std::uint32_t>(processes.size());
  ends[3] = ends[2] + static_cast<std::uint32_t>(hpa.size());
  return ComponentPlan::Texts(joined, ends);
}

TEST(PackedTexts, EachTextReadsBackAsWritten) {
  const ComponentPlan::Texts texts = texts_of("3 replicas", "", "1 process", "fixed");
  EXPECT_EQ(texts[Reason::replicas], "3 replicas");
  EXPECT_EQ(texts[Reason::resources], "");
  EXPECT_EQ(texts[Reason::processes], "1 process");
  EXPECT_EQ(texts[Reason::hpa], "fixed");
}

TEST(PackedTexts, AnEmptySetHasEveryTextEmpty) {
  const ComponentPlan::Texts texts;
  for (const Reason reason :
       {Reason::replicas, Reason::resources, Reason::processes, Reason::hpa}) {
    EXPECT_EQ(texts[reason], "");
  }
}

TEST(PackedTexts, ReplacingOneTextKeepsTheOthers) {
  ComponentPlan::Texts texts = texts_of("a", "bb", "ccc", "dddd");
  texts.set(Reason::resources, "a longer text");
  EXPECT_EQ(texts[Reason::replicas], "a");
  EXPECT_EQ(texts[Reason::resources], "a longer text");
  EXPECT_EQ(texts[Reason::processes], "ccc");
  EXPECT_EQ(texts[Reason::hpa], "dddd");
  texts.set(Reason::resources, "");
  texts.set(Reason::hpa, "e");
  EXPECT_EQ(texts, texts_of("a", "", "ccc", "e"));
}

TEST(PackedTexts, EqualTextsCompareEqualHoweverBuilt) {
  ComponentPlan::Texts built;
  built.set(Reason::hpa, "four");
  built.set(Reason::replicas, "one");
  built.set(Reason::processes, "three");
  built.set(Reason::resources, "two");
  EXPECT_EQ(built, texts_of("one", "two", "three", "four"));
  // The same characters split differently are different texts.
  EXPECT_NE(texts_of("ab", "", "", ""), texts_of("a", "b", "", ""));
}

TEST(PackedTexts, EndsOutOfOrderOrPastTheTextAreRefused) {
  EXPECT_THROW(ComponentPlan::Texts("abc", {2, 1, 3, 3}), std::invalid_argument);
  EXPECT_THROW(ComponentPlan::Texts("abc", {1, 2, 3, 4}), std::invalid_argument);
  // Characters after the last text would make equal texts unequal objects.
  EXPECT_THROW(ComponentPlan::Texts("abcTRAILING", {1, 2, 3, 3}), std::invalid_argument);
}

TEST(PackedTexts, EveryComponentOfThePlanHasItsFourReasons) {
  const Plan plan = tierplan::plan(builtin_scenario("dify-enterprise"));
  for (const auto& environment : plan.environments) {
    for (const auto& component : environment.components) {
      EXPECT_NE(component.replicas_reason().find(std::to_string(component.replicas)),
                std::string::npos)
          << component.name << ": " << component.replicas_reason();
      EXPECT_FALSE(component.resources_reason().empty()) << component.name;
      EXPECT_FALSE(component.processes_reason().empty()) << component.name;
      EXPECT_FALSE(component.hpa_reason().empty()) << component.name;
    }
  }
}

TEST(PackedTexts, APlanStateKeepsEveryReason) {
  const Plan plan = tierplan::plan(builtin_scenario("dify-enterprise"));
  const Plan restored = plan_from_state(plan_to_state(plan));
  EXPECT_EQ(restored, plan);
  const ComponentPlan& original = plan.environments.back().components.front();
  const ComponentPlan& copy = restored.environments.back().components.front();
  EXPECT_EQ(copy.replicas_reason(), original.replicas_reason());
  EXPECT_EQ(copy.hpa_reason(), original.hpa_reason());
}

}  // namespace
}  // namespace tierplan
