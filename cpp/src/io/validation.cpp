#include <algorithm>
#include <cmath>
#include <cstdlib>
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

std::string json_nesting_message() {
  return "nesting deeper than " + std::to_string(kMaxJsonNestingDepth) +
         " levels of arrays and objects, more than a scenario has";
}

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
  // Not a structured binding: clang before 16 cannot capture one in a lambda (P1091R3), and
  // the fuzz build (tests/fuzz) uses Debian 12's clang 14.
  for (const auto& item : object_->items()) {
    const std::string& key = item.key();
    bool is_known = false;
    for_each_known([&](std::string_view candidate) { is_known = is_known || candidate == key; });
    if (is_known) continue;
    std::string message = "unknown key";
    std::string_view nearest;
    // Suggest only keys within a third of the key's length in edits (at least one).
    std::size_t best = std::max<std::size_t>(1, key.size() / 3) + 1;
    for_each_known([&](std::string_view candidate) {
      // No nearer than the difference in length: skipped unmeasured (long keys stay linear).
      const std::size_t shorter = std::min(key.size(), candidate.size());
      if (std::max(key.size(), candidate.size()) - shorter >= best) return;
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
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Whether token is a number by the JSON grammar (RFC 8259, section 6).
bool is_json_number(std::string_view token) {
  std::size_t i = 0;
  const auto digits = [&] {
    const std::size_t from = i;
    while (i < token.size() && is_digit(token[i])) ++i;
    return i > from;
  };
  if (i < token.size() && token[i] == '-') ++i;
  if (i < token.size() && token[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < token.size() && token[i] == '.' && (++i, !digits())) return false;
  if (i < token.size() && (token[i] == 'e' || token[i] == 'E')) {
    ++i;
    if (i < token.size() && (token[i] == '+' || token[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == token.size();
}

// Whether nlohmann refuses token as too large for a double ("number overflow"): it reads
// every number that is not a 64-bit integer with strtod and refuses an infinite result.
bool overflows_double(std::string_view token) {
  if (!is_json_number(token)) return false;
  const std::string copy(token);
  return std::isinf(std::strtod(copy.c_str(), nullptr));
}

// One level of nesting met by scan_document: an array with the index of the element being
// read, or an object with the raw (still escaped, quoted) key being read.
struct Nesting {
  bool is_object = false;
  std::size_t index = 0;
  std::string_view raw_key;
};

std::string nesting_path(const std::vector<Nesting>& levels) {
  std::string path;
  for (const Nesting& level : levels) {
    if (!level.is_object) {
      path = index_path(path, level.index);
      continue;
    }
    // Keys are decoded as nlohmann decodes them (escapes), so paths match the reader's.
    std::string key(level.raw_key);
    try {
      key = json::parse(level.raw_key).get<std::string>();
    } catch (const json::exception&) {
      // A malformed key: the parse that follows reports it.
    }
    path = join_path(path, key);
  }
  return path;
}

struct ScannedDocument {
  std::string text;  // the input with a marker string for each number beyond a double
  std::vector<std::string> overflow_tokens;
  std::vector<std::string> overflow_paths;
  std::optional<FieldIssue> too_deep;
};

// One pass over the text before nlohmann parses it, linear in its length: refuses nesting
// deeper than kMaxJsonNestingDepth (naming where), and swaps each number too large for a
// double, which nlohmann refuses, for a marker string, noting its text and path, so that a
// single parse reads the document. Malformed JSON passes through for the parser to report.
ScannedDocument scan_document(std::string_view text) {
  ScannedDocument out;
  std::vector<Nesting> levels;
  bool expect_key = false;
  std::size_t copied = 0;  // text[0, copied) is in out.text
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      const std::size_t from = i;
      for (++i; i < text.size() && text[i] != '"'; ++i) i += text[i] == '\\' ? 1 : 0;
      if (expect_key && !levels.empty()) levels.back().raw_key = text.substr(from, i + 1 - from);
      expect_key = false;
    } else if (c == '[' || c == '{') {
      if (levels.size() == kMaxJsonNestingDepth) {
        out.too_deep = FieldIssue{nesting_path(levels), json_nesting_message()};
        return out;
      }
      levels.push_back({c == '{', 0, {}});
      expect_key = c == '{';
    } else if (c == ']' || c == '}') {
      if (!levels.empty()) levels.pop_back();
    } else if (c == ',' && !levels.empty()) {
      levels.back().index += 1;
      expect_key = levels.back().is_object;
    } else if (c == '-' || is_digit(c)) {
      std::size_t end = i;
      while (end < text.size() &&
             (is_digit(text[end]) ||
              std::string_view("+-.eE").find(text[end]) != std::string_view::npos)) {
        ++end;
      }
      const std::string_view token = text.substr(i, end - i);
      if (overflows_double(token)) {
        out.text.append(text.substr(copied, i - copied));
        // The marker's first character is written as a JSON escape: raw control
        // characters are not allowed in JSON strings.
        out.text += "\"\\u0001" + std::string(kOverflowMarker.substr(1)) +
                    std::to_string(out.overflow_tokens.size()) + "\"";
        copied = end;
        out.overflow_tokens.emplace_back(token);
        out.overflow_paths.push_back(nesting_path(levels));
      }
      i = end - 1;
    }
  }
  if (copied == 0) {
    out.text = std::string(text);
  } else {
    out.text.append(text.substr(copied));
  }
  return out;
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
  overflow_tokens_.emplace(std::move(path), std::move(token));
}

const std::string* IssueList::overflow_token(const std::string& path) const {
  const auto it = overflow_tokens_.find(path);
  return it == overflow_tokens_.end() ? nullptr : &it->second;
}

namespace {

// Whether value, at level depth, holds an array or object past the limit; if so, path
// receives its path from value, built on the way back up.
bool nested_too_deep(const json& value, std::size_t depth, std::string& path) {
  if (!value.is_structured()) return false;
  if (depth > kMaxJsonNestingDepth) return true;
  if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (nested_too_deep(value[i], depth + 1, path)) {
        path = "[" + std::to_string(i) + "]" + path;
        return true;
      }
    }
    return false;
  }
  for (const auto& [key, item] : value.items()) {
    if (nested_too_deep(item, depth + 1, path)) {
      path = "." + key + path;
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<std::string> too_deep_path(const json& document) {
  std::string path;
  if (!nested_too_deep(document, 1, path)) return std::nullopt;
  if (path.starts_with(".")) path.erase(0, 1);
  return path;
}

namespace {
thread_local std::size_t parse_passes = 0;
}  // namespace

std::size_t json_parse_passes() { return parse_passes; }

std::optional<json> parse_document(std::string_view text, std::string_view source_name,
                                   IssueList& issues) {
  const std::string where = source_name.empty() ? "$" : std::string(source_name);
  if (std::all_of(text.begin(), text.end(), is_json_space)) {
    issues.add(where, "empty document: expected a JSON object");
    return std::nullopt;
  }
  ScannedDocument scanned = scan_document(text);
  if (scanned.too_deep) {
    issues.add(scanned.too_deep->path, scanned.too_deep->message);
    return std::nullopt;
  }
  // Each marker, met in the order of the text, becomes the infinity of its sign. A string
  // of the input that merely looks like a marker is not the next one expected and stays.
  std::size_t next_marker = 0;
  const auto restore = [&](int /*depth*/, json::parse_event_t event, json& parsed) {
    if (event != json::parse_event_t::value || !parsed.is_string() ||
        next_marker >= scanned.overflow_tokens.size()) {
      return true;
    }
    const std::string expected =
        "\x01" + std::string(kOverflowMarker.substr(1)) + std::to_string(next_marker);
    if (parsed.get_ref<const std::string&>() == expected) {
      const bool negative = scanned.overflow_tokens[next_marker].starts_with("-");
      parsed = negative ? -std::numeric_limits<double>::infinity()
                        : std::numeric_limits<double>::infinity();
      ++next_marker;
    }
    return true;
  };
  try {
    ++parse_passes;
    json document = scanned.overflow_tokens.empty() ? json::parse(scanned.text)
                                                    : json::parse(scanned.text, restore);
    for (std::size_t k = 0; k < scanned.overflow_tokens.size(); ++k) {
      const std::string& path = scanned.overflow_paths[k];
      issues.remember_overflow(path.empty() ? "$" : path, scanned.overflow_tokens[k]);
    }
    return document;
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

}  // namespace tierplan::detail
