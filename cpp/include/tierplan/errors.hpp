#pragma once
// Errors raised by tierplan. Every input problem names the JSON path and the value.
#include <stdexcept>
#include <string>
#include <vector>

namespace tierplan {

// One problem with one field of the input, e.g. path "workload.daily_active_users",
// message "must be >= 0, got -5".
struct FieldIssue {
  std::string path;
  std::string message;
  bool operator==(const FieldIssue&) const = default;
};

// Invalid input: carries every problem found in one pass, in the order the fields
// are read (each object's fields, then its cross-field checks and unknown keys).
class ValidationError : public std::invalid_argument {
 public:
  explicit ValidationError(std::vector<FieldIssue> issues);
  const std::vector<FieldIssue>& issues() const noexcept { return issues_; }

 private:
  std::vector<FieldIssue> issues_;
};

// A valid scenario that no plan can satisfy (a pod larger than every node type, a
// latency target no replica count meets). The message says what and why.
class PlanningError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace tierplan
