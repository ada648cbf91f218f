#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include "io/field_reader.hpp"
#include "model/field_rules.hpp"

namespace tierplan {

namespace {
std::string join_issues(const std::vector<FieldIssue>& issues) {
  std::string text;
  for (const auto& issue : issues) {
    if (!text.empty()) text += '\n';
    text += issue.path + ": " + issue.message;
  }
  return text;
}
}  // namespace

ValidationError::ValidationError(std::vector<FieldIssue> issues)
    : std::invalid_argument(join_issues(issues)), issues_(std::move(issues)) {}

}  // namespace tierplan

namespace tierplan::detail {

namespace {

std::string format_number(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  std::string text = json(value).dump();
  // nlohmann writes 5.0 for a whole double; people wrote 5.
  if (text.size() > 2 && text.ends_with(".0")) text.resize(text.size() - 2);
  return text;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above_cell = row[j];
      const std::size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitution});
      diagonal = above_cell;
    }
  }
  return row[b.size()];
}

void IssueList::add(std::string path, std::string message) {
  issues_.push_back({path.empty() ? "$" : std::move(path), std::move(message)});
}

void IssueList::add(std::vector<FieldIssue> issues) {
  for (auto& issue : issues) add(std::move(issue.path), std::move(issue.message));
}

void IssueList::throw_if_any() const {
  if (!issues_.empty()) throw ValidationError(issues_);
}

std::string describe_value(const json& value) {
  if (value.is_number_float()) return format_number(value.get<double>());
  // Replace invalid UTF-8 rather than throw: the message must always be printable.
  std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  constexpr std::size_t kMaxShown = 60;
  if (text.size() > kMaxShown) text = text.substr(0, kMaxShown - 3) + "...";
  return text;
}

std::string join_path(std::string_view parent, std::string_view key) {
  if (parent.empty()) return std::string(key);
  return std::string(parent) + "." + std::string(key);
}

std::string index_path(std::string_view parent, std::size_t index) {
  return std::string(parent) + "[" + std::to_string(index) + "]";
}

ObjectReader::ObjectReader(const json* value, std::string path, IssueList& issues,
                           const ObjectShape* shape)
    : object_(nullptr), path_(std::move(path)), issues_(issues), shape_(shape) {
  if (value == nullptr) return;
  if (!value->is_object()) {
    issues_.add(path_, "must be a JSON object, got " + describe_value(*value));
    return;
  }
  object_ = value;
}

ObjectReader::ObjectReader(ObjectReader& parent, std::string_view key)
    : ObjectReader(parent.object(key), join_path(parent.path(), key), parent.issues(),
                   parent.declaration(key) ? parent.declaration(key)->shape : nullptr) {}

const KeyField* ObjectReader::declaration(std::string_view key) const {
  if (shape_ == nullptr) return nullptr;
  for (const KeyField& field : shape_->keys) {
    if (field.key == key) return &field;
  }
  return nullptr;
}

const KeyField* ObjectReader::declared(std::string_view key, KeyKind kind) {
  if (shape_ == nullptr) return nullptr;
  const auto& keys = shape_->keys;
  // Keys are read in the order the shape declares them (which is also the order unknown keys
  // are matched against for a suggestion), so the key is the one at the cursor.
  if (cursor_ >= keys.size() || keys[cursor_].key != key) {
    const bool elsewhere = std::any_of(keys.begin(), keys.end(),
                                       [key](const KeyField& field) { return field.key == key; });
    throw std::logic_error(
        "ObjectReader: " + join_path(path_, key) +
        (elsewhere ? " is read out of the order shape " : " is not declared in shape ") +
        std::string(shape_->name) + " declares (model/object_shapes.hpp)");
  }
  const std::size_t at = cursor_;
  const KeyKind declared_kind = keys[at].kind;
  const bool same_kind = declared_kind == kind ||
                         (kind == KeyKind::text && declared_kind == KeyKind::nonempty_text) ||
                         (kind == KeyKind::object && declared_kind == KeyKind::map);
  if (!same_kind) {
    throw std::logic_error("ObjectReader: " + join_path(path_, key) +
                           " is read as another kind than shape " + std::string(shape_->name) +
                           " declares");
  }
  cursor_ = at + 1;
  return &keys[at];
}

void ObjectReader::check_bounds(const KeyField* field, const FieldBounds& bounds) const {
  if (field != nullptr && !(field->bounds == bounds)) {
    throw std::logic_error("ObjectReader: " + join_path(path_, field->key) +
                           " is read with other bounds than its shape declares");
  }
}

bool ObjectReader::has(std::string_view key) const {
  return object_ != nullptr && object_->contains(key);
}

const json* ObjectReader::lookup(std::string_view key, Need need, const KeyField* field) {
  if (field != nullptr) {
    need = field->need;
  } else {
    known_keys_.emplace_back(key);
  }
  if (object_ == nullptr) return nullptr;
  const auto it = object_->find(key);
  if (it == object_->end()) {
    if (need == Need::required) issues_.add(join_path(path_, key), "required key is missing");
    return nullptr;
  }
  return &*it;
}

void ObjectReader::expected(std::string_view key, const json& value, std::string_view what) {
  issues_.add(join_path(path_, key),
              "must be " + std::string(what) + ", got " + describe_value(value));
}

bool ObjectReader::within(std::string_view key, double number, const json& value,
                          const FieldBounds& bounds) {
  std::string rule;
  if (bounds.min_exclusive && !(number > bounds.min)) {
    rule = "must be > " + format_number(bounds.min);
  } else if (!bounds.min_exclusive && number < bounds.min) {
    rule = "must be >= " + format_number(bounds.min);
  } else if (number > bounds.max) {
    rule = "must be <= " + format_number(bounds.max);
  } else {
    return true;
  }
  issues_.add(join_path(path_, key), rule + ", got " + describe_value(value));
  return false;
}

void ObjectReader::number(std::string_view key, double& out, const FieldBounds& bounds, Need need) {
  const KeyField* field = declared(key, KeyKind::number);
  check_bounds(field, bounds);
  const json* value = lookup(key, need, field);
  if (value == nullptr) return;
  if (!value->is_number()) return expected(key, *value, "a number");
  const double number = value->get<double>();
  if (!std::isfinite(number)) {
    const std::string path = join_path(path_, key);
    const std::string* token = issues_.overflow_token(path);
    issues_.add(path, "must be a finite number, got " + (token ? *token : format_number(number)));
  } else {
    // Kept even when out of range: the scenario is refused anyway, and the rules between
    // fields then see what validation of the same struct sees (field_rules.cpp).
    within(key, number, *value, bounds);
    out = number;
  }
}

void ObjectReader::integer(std::string_view key, int& out, const FieldBounds& bounds, Need need) {
  const KeyField* field = declared(key, KeyKind::number);
  check_bounds(field, bounds);
  const json* value = lookup(key, need, field);
  if (value == nullptr) return;
  if (!value->is_number()) return expected(key, *value, "an integer");
  const double number = value->get<double>();
  if (!std::isfinite(number)) {
    const std::string path = join_path(path_, key);
    const std::string* token = issues_.overflow_token(path);
    issues_.add(path, "must be an integer, got " + (token ? *token : format_number(number)));
    return;
  }
  if (std::trunc(number) != number) return expected(key, *value, "an integer");
  within(key, number, *value, bounds);
  // Kept when out of range too (as number() does), if an int holds it.
  if (number >= std::numeric_limits<int>::min() && number <= std::numeric_limits<int>::max()) {
    out = static_cast<int>(number);
  }
}

void ObjectReader::boolean(std::string_view key, bool& out, Need need) {
  const json* value = lookup(key, need, declared(key, KeyKind::boolean));
  if (value == nullptr) return;
  if (!value->is_boolean()) return expected(key, *value, "true or false");
  out = value->get<bool>();
}

void ObjectReader::text(std::string_view key, std::string& out, Need need, bool allow_empty) {
  const KeyField* field = declared(key, KeyKind::text);
  if (field != nullptr) allow_empty = field->kind == KeyKind::text;
  const json* value = lookup(key, need, field);
  if (value == nullptr) return;
  if (!value->is_string()) return expected(key, *value, "a string");
  const auto& text = value->get_ref<const std::string&>();
  if (!allow_empty && text.empty()) return expected(key, *value, "a non-empty string");
  out = text;
}

void ObjectReader::identifier(std::string_view key, std::string& out, Need need) {
  const json* value = lookup(key, need, declared(key, KeyKind::identifier));
  if (value == nullptr) return;
  if (!value->is_string() || !is_identifier(value->get_ref<const std::string&>())) {
    return expected(key, *value, "a name of lowercase letters, digits, '_' or '-'");
  }
  out = value->get<std::string>();
}

const json* ObjectReader::object(std::string_view key, Need need) {
  const json* value = lookup(key, need, declared(key, KeyKind::object));
  if (value == nullptr) return nullptr;
  if (!value->is_object()) {
    expected(key, *value, "a JSON object");
    return nullptr;
  }
  return value;
}

const json* ObjectReader::array(std::string_view key, Need need) {
  const json* value = lookup(key, need, declared(key, KeyKind::list));
  if (value == nullptr) return nullptr;
  if (!value->is_array()) {
    expected(key, *value, "a JSON array");
    return nullptr;
  }
  return value;
}

void ObjectReader::finish() {
  if (object_ == nullptr) return;
  if (shape_ != nullptr && cursor_ != shape_->keys.size()) {
    throw std::logic_error("ObjectReader: " + join_path(path_, shape_->keys[cursor_].key) +
                           " is declared in shape " + std::string(shape_->name) +
                           " but was never read");
  }
  // The known keys in the order they are read: the suggestion is the first nearest one.
  const auto for_each_known = [this](auto&& visit) {
    if (shape_ != nullptr) {
      for (const KeyField& field : shape_->keys) visit(field.key);
    } else {
      for (const std::string& key : known_keys_) visit(std::string_view(key));
    }
  };
  for (const auto& [key, value] : object_->items()) {
    bool is_known = false;
    for_each_known([&](std::string_view candidate) { is_known = is_known || candidate == key; });
    if (is_known) continue;
    std::string message = "unknown key";
    std::string_view nearest;
    // Suggest only keys within a third of the key's length in edits (at least one).
    std::size_t best = std::max<std::size_t>(1, key.size() / 3) + 1;
    for_each_known([&](std::string_view candidate) {
      const std::size_t distance = edit_distance(key, candidate);
      if (distance < best) {
        best = distance;
        nearest = candidate;
      }
    });
    if (!nearest.empty()) message += "; did you mean \"" + std::string(nearest) + "\"?";
    issues_.add(join_path(path_, key), message);
  }
}

namespace {

constexpr std::string_view kOverflowMarker = "\x01tierplan-overflow-";

bool is_json_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// Where token stands as a whole number in text (not inside a string or another number).
std::size_t find_number_token(std::string_view text, std::string_view token) {
  for (std::size_t at = text.find(token); at != std::string_view::npos;
       at = text.find(token, at + 1)) {
    const char before = at == 0 ? ' ' : text[at - 1];
    const std::size_t end = at + token.size();
    const char after = end >= text.size() ? ' ' : text[end];
    const bool starts = is_json_space(before) || before == ':' || before == ',' || before == '[';
    const bool ends = is_json_space(after) || after == ',' || after == '}' || after == ']';
    if (starts && ends) return at;
  }
  return std::string_view::npos;
}

// Replaces the markers left for overflowing numbers with infinities, noting their paths.
void restore_overflows(json& value, const std::string& path, const std::vector<std::string>& tokens,
                       IssueList& issues) {
  if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    std::size_t index = 0;
    bool is_marker = text.starts_with(kOverflowMarker) && text.size() > kOverflowMarker.size();
    for (std::size_t i = kOverflowMarker.size(); is_marker && i < text.size(); ++i) {
      is_marker = text[i] >= '0' && text[i] <= '9' && i - kOverflowMarker.size() < 9;
      if (is_marker) index = index * 10 + static_cast<std::size_t>(text[i] - '0');
    }
    // A string of the input that merely looks like a marker stays a string.
    if (is_marker && index < tokens.size()) {
      const std::string& token = tokens[index];
      issues.remember_overflow(path.empty() ? "$" : path, token);
      value = token.starts_with("-") ? -std::numeric_limits<double>::infinity()
                                     : std::numeric_limits<double>::infinity();
    }
  } else if (value.is_object()) {
    for (auto& [key, item] : value.items())
      restore_overflows(item, join_path(path, key), tokens, issues);
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      restore_overflows(value[i], index_path(path, i), tokens, issues);
    }
  }
}

// Error messages may quote raw input bytes; keep them valid UTF-8 by escaping the
// bytes that are not.
std::string printable(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = byte < 0x80           ? 1
                         : (byte >> 5) == 0x6  ? 2
                         : (byte >> 4) == 0xE  ? 3
                         : (byte >> 3) == 0x1E ? 4
                                               : 0;
    bool valid = length > 0 && i + length <= text.size();
    for (std::size_t k = 1; valid && k < length; ++k) {
      valid = (static_cast<unsigned char>(text[i + k]) >> 6) == 0x2;
    }
    if (valid) {
      out.append(text.substr(i, length));
      i += length;
    } else {
      static constexpr char kHex[] = "0123456789ABCDEF";
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
      i += 1;
    }
  }
  return out;
}

}  // namespace

void IssueList::remember_overflow(std::string path, std::string token) {
  overflow_tokens_.emplace_back(std::move(path), std::move(token));
}

const std::string* IssueList::overflow_token(const std::string& path) const {
  for (const auto& [where, token] : overflow_tokens_) {
    if (where == path) return &token;
  }
  return nullptr;
}

std::optional<json> parse_document(std::string_view text, std::string_view source_name,
                                   IssueList& issues) {
  const std::string where = source_name.empty() ? "$" : std::string(source_name);
  if (std::all_of(text.begin(), text.end(), is_json_space)) {
    issues.add(where, "empty document: expected a JSON object");
    return std::nullopt;
  }
  // nlohmann refuses numbers beyond a double ("number overflow"); each is swapped for
  // a marker string and parsing retried, so that validation can name its field.
  std::string patched(text);
  std::vector<std::string> overflow_tokens;
  for (;;) {
    try {
      json document = json::parse(patched);
      restore_overflows(document, "", overflow_tokens, issues);
      return document;
    } catch (const json::out_of_range& error) {
      const std::string message = error.what();
      const auto open = message.find('\'');
      const auto close = message.rfind('\'');
      const std::string token = open != std::string::npos && close > open
                                    ? message.substr(open + 1, close - open - 1)
                                    : "";
      const std::size_t at = token.empty() ? std::string::npos : find_number_token(patched, token);
      if (error.id != 406 || at == std::string::npos) {
        issues.add(where, "malformed JSON: " + printable(message.substr(message.find("] ") + 2)));
        return std::nullopt;
      }
      // The marker's first character is written as a JSON escape: raw control
      // characters are not allowed in JSON strings.
      const std::string marker = "\"\\u0001" + std::string(kOverflowMarker.substr(1)) +
                                 std::to_string(overflow_tokens.size()) + "\"";
      overflow_tokens.push_back(token);
      patched.replace(at, token.size(), marker);
    } catch (const json::exception& error) {
      // nlohmann's message already gives "line L, column C"; drop its "[json.exception.x]" tag.
      std::string message = error.what();
      if (const auto end_of_tag = message.find("] "); end_of_tag != std::string::npos) {
        message = message.substr(end_of_tag + 2);
      }
      issues.add(where, "malformed JSON: " + printable(message));
      return std::nullopt;
    }
  }
}

}  // namespace tierplan::detail
