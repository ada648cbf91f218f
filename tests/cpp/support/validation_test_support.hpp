#pragma once
// The issues a load reports, for tests of the reader and validation.
#include <gtest/gtest.h>

#include <exception>
#include <string>
#include <vector>

#include "tierplan/errors.hpp"
#include "tierplan/json.hpp"

namespace tierplan_test {

using Issues = std::vector<tierplan::FieldIssue>;

// The issues that loading reports; fails the test if nothing (or something else) is thrown.
template <class Load>
Issues issues_of(Load load) {
  try {
    load();
  } catch (const tierplan::ValidationError& error) {
    return error.issues();
  } catch (const std::exception& error) {
    ADD_FAILURE() << "expected tierplan::ValidationError, got another exception: " << error.what();
    return {};
  }
  ADD_FAILURE() << "expected tierplan::ValidationError, nothing was thrown";
  return {};
}

inline Issues text_issues(const std::string& text) {
  return issues_of([&] { tierplan::scenario_from_json_string(text); });
}

}  // namespace tierplan_test
