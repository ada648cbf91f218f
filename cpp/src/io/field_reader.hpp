#pragma once
// Reading JSON objects field by field with validation. Every problem is recorded
// with its path and value; reading goes on so that one pass reports them all.
#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/field_table.hpp"
#include "tierplan/errors.hpp"
#include "tierplan/json.hpp"

namespace tierplan::detail {

using json = nlohmann::ordered_json;

class IssueList {
 public:
  void add(std::string path, std::string message);
  void add(std::vector<FieldIssue> issues);
  bool empty() const { return issues_.empty(); }
  // Throws ValidationError when any issue was recorded.
  void throw_if_any() const;

  // Numbers too large for a double are kept as infinities; their text, by path, is
  // what messages show ("got 1e400").
  void remember_overflow(std::string path, std::string token);
  const std::string* overflow_token(const std::string& path) const;

 private:
  std::vector<FieldIssue> issues_;
  std::unordered_map<std::string, std::string> overflow_tokens_;  // by path
};

// Bounds are FieldBounds (tierplan/validation.hpp), made with between(), above() and
// whole() of the field table.

// Levenshtein distance, for suggesting the key that was probably meant.
std::size_t edit_distance(std::string_view a, std::string_view b);

// "value" as it should appear after "got" in a message.
std::string describe_value(const json& value);
std::string join_path(std::string_view parent, std::string_view key);
std::string index_path(std::string_view parent, std::size_t index);

// Reads one JSON object. Given a shape (model/object_shapes.hpp), the reader takes each key's
// need, bounds and kind from the shape: reading a key the shape does not declare, or out of the
// declared order, or as another kind, or with other bounds or another choice table, throws
// std::logic_error (a programming
// error, found by the first test that reads a scenario); finish() reports the input's keys the
// shape does not declare and throws std::logic_error if a declared key was never read. Without
// a shape (the datastore model's reader), the keys read so far are the known ones.
class ObjectReader {
 public:
  // value may be null (the parent reported the problem); the reader then reads nothing.
  ObjectReader(const json* value, std::string path, IssueList& issues,
               const ObjectShape* shape = nullptr);
  // The object under key of parent, read with the shape parent's shape declares for it.
  ObjectReader(ObjectReader& parent, std::string_view key);
  ObjectReader(const ObjectReader&) = delete;
  ObjectReader& operator=(const ObjectReader&) = delete;

  bool ok() const { return object_ != nullptr; }
  const std::string& path() const { return path_; }
  IssueList& issues() { return issues_; }

  // Each reader leaves out unchanged when the key is absent and optional.
  void number(std::string_view key, double& out, const FieldBounds& bounds,
              Need need = Need::optional);
  void integer(std::string_view key, int& out, const FieldBounds& bounds,
               Need need = Need::optional);
  void boolean(std::string_view key, bool& out, Need need = Need::optional);
  void text(std::string_view key, std::string& out, Need need = Need::optional,
            bool allow_empty = true);
  // An identifier: [a-z0-9_-]+, used for names that appear on the command line.
  void identifier(std::string_view key, std::string& out, Need need = Need::optional);
  // options: a range of (name, value) pairs.
  template <class Enum, class Options>
  void choice(std::string_view key, Enum& out, const Options& options, Need need = Need::optional);

  // The raw value of a key that holds an object or array (nullptr if absent or of
  // the wrong type, which is then reported).
  const json* object(std::string_view key, Need need = Need::optional);
  const json* array(std::string_view key, Need need = Need::optional);
  bool has(std::string_view key) const;
  // The shape's declaration of key (nullptr without a shape or when it declares none).
  const KeyField* declaration(std::string_view key) const;

  // Reports every key that no reader asked for, with the nearest known key.
  void finish();

 private:
  // field: the key's declaration (the reader has a shape), whose need then counts.
  const json* lookup(std::string_view key, Need need, const KeyField* field);
  // With a shape: the declaration of key, checked to be of kind (nullptr without a shape).
  const KeyField* declared(std::string_view key, KeyKind kind);
  void check_bounds(const KeyField* field, const FieldBounds& bounds) const;
  void expected(std::string_view key, const json& value, std::string_view what);
  // Records the bound that number breaks, if any.
  bool within(std::string_view key, double number, const json& value, const FieldBounds& bounds);

  const json* object_;
  std::string path_;
  IssueList& issues_;
  std::vector<std::string> known_keys_;  // without a shape
  const ObjectShape* shape_;
  std::size_t cursor_ = 0;  // the shape's key to be read next
};

template <class Enum, class Options>
void ObjectReader::choice(std::string_view key, Enum& out, const Options& options, Need need) {
  const KeyField* field = declared(key, KeyKind::choice);
  if (field != nullptr && field->option_table != static_cast<const void*>(&options)) {
    throw std::logic_error("ObjectReader: " + join_path(path_, key) +
                           " read with another choice table than its shape declares");
  }
  const json* value = lookup(key, need, field);
  if (value == nullptr) return;
  std::string allowed;
  for (const auto& [name, option] : options) {
    if (!allowed.empty()) allowed += ", ";
    allowed += "\"" + std::string(name) + "\"";
    if (value->is_string() && value->get_ref<const std::string&>() == name) {
      out = option;
      return;
    }
  }
  issues_.add(join_path(path_, key),
              "must be one of " + allowed + ", got " + describe_value(*value));
}

// Name of an enum value in a choice list (for writing JSON back).
template <class Enum, class Options>
std::string_view choice_name(Enum value, const Options& options) {
  for (const auto& [name, option] : options) {
    if (option == value) return name;
  }
  return "";
}

// A list of objects, each read by read_one(ObjectReader&) with the element shape that parent's
// shape declares for key; a list declared non-empty reports "must list at least one <noun>".
template <class T, class ReadOne>
std::vector<T> read_object_list(ObjectReader& parent, std::string_view key, ReadOne read_one) {
  const json* array = parent.array(key);
  const KeyField* field = parent.declaration(key);
  if (field == nullptr) {
    throw std::logic_error("read_object_list: " + join_path(parent.path(), key) +
                           " has no declared shape");
  }
  std::vector<T> items;
  if (array == nullptr) return items;
  const std::string path = join_path(parent.path(), key);
  if (array->empty() && !field->item_noun.empty()) {
    parent.issues().add(path,
                        "must list at least one " + std::string(field->item_noun) + ", got []");
  }
  for (std::size_t i = 0; i < array->size(); ++i) {
    ObjectReader element(&(*array)[i], index_path(path, i), parent.issues(), field->shape);
    if (!element.ok()) continue;
    items.push_back(read_one(element));
    element.finish();
  }
  return items;
}

// Reads every numeric field of the table into object, each within its bounds.
template <class T, std::size_t N>
void read_fields(ObjectReader& r, T& object, const NumericField<T> (&fields)[N]) {
  for (const NumericField<T>& field : fields) {
    if (field.number != nullptr) {
      r.number(field.key, object.*field.number, field.bounds, field.need);
    } else {
      r.integer(field.key, object.*field.integer, field.bounds, field.need);
    }
  }
}

// The path of the first array or object of document nested deeper than kMaxJsonNestingDepth
// (nullopt when none is); its recursion stops at the limit.
std::optional<std::string> too_deep_path(const json& document);

// Parses text as JSON; syntax errors become one issue with line and column. Nesting deeper
// than kMaxJsonNestingDepth is refused before parsing, and reading stays linear in the text.
std::optional<json> parse_document(std::string_view text, std::string_view source_name,
                                   IssueList& issues);
// How many times parse_document has run nlohmann's parser in this thread: a test checks that
// reading stays one parse however many numbers overflow a double.
std::size_t json_parse_passes();

}  // namespace tierplan::detail
