// Catalog pages read in one pass with nlohmann's SAX interface: each record is decoded as its
// text is lexed, with no JSON tree in between (a 100,000-offer snapshot is 50 pages; building
// a tree per page and then reading it cost as much as writing the records). The rules are
// those of change_from_json / record_from_json: same field lists, same refusals; but a change
// they refuse is set aside with its reason and the page goes on (one bad record must not stop
// every terminal's sync).
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/base/json_bounded.h"
#include "sync/protocol.h"
#include "sync/protocol_fields.h"
#include "sync/record_rules.h"

namespace eric {
namespace {

using nlohmann::json;
using namespace protocol_detail;

// A scalar handed to a record field.
struct Scalar {
  enum Kind { null, boolean, integer, unsigned_integer, floating, text } kind = null;
  bool b = false;
  int64_t i = 0;
  uint64_t u = 0;
  double d = 0;
  std::string* s = nullptr;
};

// Same typing as read_field: no silent conversion between strings, numbers and booleans.
template <class T> bool assign(T& field, const Scalar& v, FieldKind kind) {
  if constexpr (std::is_same_v<T, bool>) {
    if (v.kind != Scalar::boolean) return false;
    field = v.b;
  } else if constexpr (std::is_same_v<T, double>) {
    if (v.kind == Scalar::integer) field = static_cast<double>(v.i);
    else if (v.kind == Scalar::unsigned_integer) field = static_cast<double>(v.u);
    else if (v.kind == Scalar::floating) field = v.d;
    else return false;
  } else if constexpr (std::is_integral_v<T>) {
    if (v.kind == Scalar::integer) field = static_cast<T>(v.i);
    else if (v.kind == Scalar::unsigned_integer) field = static_cast<T>(v.u);
    else return false;
  } else if constexpr (std::is_same_v<T, std::string>) {
    if (v.kind != Scalar::text) return false;
    field = std::move(*v.s);
    if (kind == kKey && field.empty()) return false;
  } else {
    return false;  // a list of strings is never a scalar
  }
  return true;
}

// The names of one record type's fields, sorted, with their position in the field list.
struct FieldIndex {
  std::vector<std::pair<std::string_view, int>> by_name;
  void build(RecordType type) {
    Record r = default_record(static_cast<std::size_t>(type));
    int n = 0;
    std::visit([&](auto& rec) {
      visit_fields(rec, [&](const char* name, auto&, FieldKind) { by_name.emplace_back(name, n++); });
    }, r);
    std::sort(by_name.begin(), by_name.end());
  }
  int find(std::string_view name) const {
    auto it = std::lower_bound(by_name.begin(), by_name.end(), std::make_pair(name, -1));
    return (it != by_name.end() && it->first == name) ? it->second : -1;
  }
};

enum class At {
  start,         // before the top-level object
  top,           // in the top-level object, between keys
  top_value,     // the value of a top-level key
  changes,       // in the changes array, between changes
  change,        // in a change object, between keys
  change_value,  // the value of a change's key
  data,          // in a change's data object, between keys
  data_value,    // the value of a data field
  data_array,    // in a data field that is a list of strings
  capture,       // data seen before type: kept as a tree, decoded at the change's end
  done,
};

class PageReader : public json::json_sax_t {
 public:
  PageReader(CatalogPage& out, bool need_cursor) : out_(out), need_cursor_(need_cursor) {}

  Status finish(bool parsed) {
    if (!status_.ok) return status_;
    if (json_error_ || !parsed || at_ != At::done) return malformed_response("JSON");
    if (need_cursor_ && !seen_cursor_) return malformed_response("cursor");
    if (!seen_changes_) return malformed_response("changes");
    return Status::success();
  }

  bool null() override { return scalar(Scalar{}); }
  bool boolean(bool v) override {
    Scalar s{Scalar::boolean};
    s.b = v;
    return scalar(s);
  }
  bool number_integer(number_integer_t v) override {
    Scalar s{Scalar::integer};
    s.i = v;
    return scalar(s);
  }
  bool number_unsigned(number_unsigned_t v) override {
    Scalar s{Scalar::unsigned_integer};
    s.u = v;
    return scalar(s);
  }
  bool number_float(number_float_t v, const string_t&) override {
    Scalar s{Scalar::floating};
    s.d = v;
    return scalar(s);
  }
  bool string(string_t& v) override {
    Scalar s{Scalar::text};
    s.s = &v;
    return scalar(s);
  }
  bool binary(binary_t&) override { return fail_response("JSON"); }

  bool start_object(std::size_t) override {
    if (skip_ > 0) return ++skip_, true;
    switch (at_) {
      case At::start: at_ = At::top; return true;
      case At::top_value: return top_container();
      case At::changes:
        out_.changes.emplace_back();
        out_.changes.back().deleted = true;  // until its data is read
        change_ = ChangeState{};
        at_ = At::change;
        return true;
      case At::change_value:
        if (key_ == "data") return start_data();
        if (key_ == "type" || key_ == "op" || key_ == "id") bad_change();
        return skip_value();
      case At::data_value:
        if (field_ >= 0) bad_field();
        return skip_value();
      case At::data_array:  // a list of strings holds no object
        bad_field();
        return skip_value();
      case At::capture: return capture_open(json::object());
      default: return fail_response("JSON");
    }
  }

  bool end_object() override {
    if (skip_ > 0) return leave_skip();
    switch (at_) {
      case At::top: at_ = At::done; return true;
      case At::change: at_ = At::changes; return finish_change();
      case At::data:
        at_ = At::change;
        if (!change_.key_seen) bad_field(key_name(), "absent ou vide");
        return true;
      case At::capture: return capture_close();
      default: return fail_response("JSON");
    }
  }

  bool start_array(std::size_t) override {
    if (skip_ > 0) return ++skip_, true;
    switch (at_) {
      case At::top_value:
        if (key_ != "changes") return top_container();
        seen_changes_ = true;
        out_.changes.clear();
        at_ = At::changes;
        return true;
      case At::change_value:
        if (key_ == "data") set_aside("fiche illisible (pas un objet)");
        else if (key_ == "type" || key_ == "op" || key_ == "id") bad_change();
        return skip_value();
      case At::data_value: return field_ < 0 ? skip_value() : start_list();
      case At::data_array:
        bad_field();
        return skip_value();
      case At::capture: return capture_open(json::array());
      case At::changes:  // a change that is a list, not an object
        reject_whole("changement illisible (pas un objet)");
        return skip_value();
      default: return fail_response("JSON");
    }
  }

  bool end_array() override {
    if (skip_ > 0) return leave_skip();
    switch (at_) {
      case At::changes: at_ = At::top; return true;
      case At::data_array: at_ = At::data; return true;
      case At::capture: return capture_close();
      default: return fail_response("JSON");
    }
  }

  bool key(string_t& k) override {
    if (skip_ > 0) return true;
    switch (at_) {
      case At::top: key_ = k; at_ = At::top_value; return true;
      case At::change: key_ = k; at_ = At::change_value; return true;
      case At::data:
        field_ = index_for(change_.type).find(k);
        data_key_ = k;
        at_ = At::data_value;
        return true;
      case At::capture: capture_key_ = k; return true;
      default: return fail_response("JSON");
    }
  }

  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    json_error_ = true;
    return false;
  }

 private:
  struct ChangeState {
    bool has_type = false, has_op = false, has_id = false, has_data = false, key_seen = false;
    bool typed_data = false;  // data decoded straight into the record
    RecordType type = RecordType::job;
    std::string type_text;    // as sent, for a change set aside
    std::string rejected;     // why the change is set aside (empty: readable so far)
    std::string op;
    json captured;            // data that came before its type
  };

  static Status malformed_response(const char* what) {
    return Status::error("malformed_response",
                         std::string("Le serveur a envoyé une réponse illisible (") + what + ").");
  }
  bool fail(Status s) {
    if (status_.ok) status_ = std::move(s);
    return false;
  }
  bool fail_response(const char* what) { return fail(malformed_response(what)); }
  // Sets the current change aside (the first reason is kept); reading goes on.
  bool set_aside(std::string reason) {
    if (change_.rejected.empty()) change_.rejected = std::move(reason);
    return true;
  }
  bool bad_change() { return set_aside("changement illisible (type, op ou id)"); }
  // A change that is not even an object: nothing of it can be read.
  bool reject_whole(const char* reason) {
    out_.rejected.push_back(RejectedChange{"", "", reason, out_.changes.size()});
    return true;
  }
  std::string key_name() const {
    std::string name;
    std::visit([&](auto& rec) {
      visit_fields(rec, [&](const char* n, auto&, FieldKind kind) { if (kind == kKey) name = n; });
    }, out_.changes.back().record);
    return name;
  }
  bool bad_field(const std::string& name = {}, const char* what = "d'un type inattendu") {
    return set_aside("champ « " + (name.empty() ? data_key_ : name) + " » " + what);
  }

  const FieldIndex& index_for(RecordType type) {
    FieldIndex& index = indexes_[static_cast<int>(type)];
    if (index.by_name.empty()) index.build(type);
    return index;
  }

  // An object or array as the value of a top-level key: only unknown keys may hold one.
  bool top_container() {
    if (key_ == "changes") return fail_response("changes");
    if (key_ == "cursor") return fail_response("cursor");
    if (key_ == "full" || key_ == "has_more") return fail_response("full/has_more");
    return skip_value();
  }
  bool skip_value() {
    skip_ = 1;
    return true;
  }
  // The end of a skipped object or array: back to where its key was.
  bool leave_skip() {
    if (--skip_ == 0) after_value();
    return true;
  }
  void after_value() {
    if (at_ == At::top_value) at_ = At::top;
    else if (at_ == At::change_value) at_ = At::change;
    else if (at_ == At::data_value) at_ = At::data;
  }

  bool scalar(const Scalar& v) {
    if (skip_ > 0) return true;
    switch (at_) {
      case At::top_value: return top_scalar(v);
      case At::change_value: return change_scalar(v);
      case At::data_value: {
        at_ = At::data;
        if (field_ < 0) return true;  // unknown fields are ignored
        return set_field(v) || bad_field();
      }
      case At::data_array:
        if (v.kind != Scalar::text) return bad_field();
        return push_list_item(*v.s);
      case At::capture: return capture_scalar(v);
      case At::changes: return reject_whole("changement illisible (pas un objet)");
      default: return fail_response("JSON");
    }
  }

  bool top_scalar(const Scalar& v) {
    at_ = At::top;
    if (key_ == "cursor") {
      if (v.kind == Scalar::null && !need_cursor_) return true;
      if (v.kind != Scalar::text) return fail_response("cursor");
      out_.cursor = std::move(*v.s);
      seen_cursor_ = true;
    } else if (key_ == "full" || key_ == "has_more") {
      if (v.kind != Scalar::boolean) return fail_response("full/has_more");
      (key_ == "full" ? out_.full : out_.has_more) = v.b;
    } else if (key_ == "changes") {
      return fail_response("changes");
    }
    return true;
  }

  bool change_scalar(const Scalar& v) {
    at_ = At::change;
    CatalogChange& c = out_.changes.back();
    if (key_ == "data") return set_aside("fiche illisible (pas un objet)");
    const bool is_type = key_ == "type", is_op = key_ == "op", is_id = key_ == "id";
    if (!is_type && !is_op && !is_id) return true;
    if (v.kind != Scalar::text) return bad_change();
    if (is_type) {
      change_.type_text = *v.s;
      auto type = parse_record_type(*v.s);
      // A second "type" after the data was decoded as another type cannot be trusted.
      if (!type || (change_.has_type && change_.typed_data && *type != change_.type)) return bad_change();
      change_.type = *type;
      change_.has_type = true;
    } else if (is_op) {
      change_.op = std::move(*v.s);
      change_.has_op = true;
    } else {
      c.id = std::move(*v.s);
      change_.has_id = true;
    }
    return true;
  }

  bool start_data() {
    change_.has_data = true;
    change_.key_seen = false;
    if (!change_.has_type) {  // rare: keep the data as a tree until the type is known
      change_.typed_data = false;
      change_.captured = json();
      stack_.clear();
      at_ = At::capture;
      return capture_open(json::object());
    }
    change_.typed_data = true;
    out_.changes.back().record = default_record(static_cast<std::size_t>(change_.type));
    at_ = At::data;
    return true;
  }

  // Assigns a scalar to field number field_ of the record being decoded.
  bool set_field(const Scalar& v) {
    bool ok = false;
    int n = 0;
    std::visit([&](auto& rec) {
      visit_fields(rec, [&](const char*, auto& field, FieldKind kind) {
        if (n++ != field_) return;
        ok = assign(field, v, kind);
        if (ok && kind == kKey) change_.key_seen = true;
      });
    }, out_.changes.back().record);
    return ok;
  }

  // A data field whose value is an array: it must be a list of strings.
  bool start_list() {
    bool is_list = false;
    with_list([&](std::vector<std::string>& list) {
      list.clear();
      is_list = true;
    });
    if (!is_list) return bad_field();
    at_ = At::data_array;
    return true;
  }
  bool push_list_item(std::string& item) {
    with_list([&](std::vector<std::string>& list) { list.push_back(std::move(item)); });
    return true;
  }
  template <class F> void with_list(F&& f) {
    int n = 0;
    std::visit([&](auto& rec) {
      visit_fields(rec, [&](const char*, auto& field, FieldKind) {
        if constexpr (std::is_same_v<std::decay_t<decltype(field)>, std::vector<std::string>>) {
          if (n == field_) f(field);
        }
        ++n;
      });
    }, out_.changes.back().record);
  }

  // Capture: a small tree builder for data that came before its change's type.
  bool capture_open(json value) {
    json* made = capture_put(std::move(value));
    stack_.push_back(made);
    return true;
  }
  json* capture_put(json value) {
    if (stack_.empty()) {
      change_.captured = std::move(value);
      return &change_.captured;
    }
    json& parent = *stack_.back();
    if (parent.is_array()) {
      parent.push_back(std::move(value));
      return &parent.back();
    }
    json& slot = parent[capture_key_];
    slot = std::move(value);
    return &slot;
  }
  bool capture_close() {
    stack_.pop_back();
    if (stack_.empty()) at_ = At::change;
    return true;
  }
  bool capture_scalar(const Scalar& v) {
    switch (v.kind) {
      case Scalar::null: capture_put(nullptr); break;
      case Scalar::boolean: capture_put(v.b); break;
      case Scalar::integer: capture_put(v.i); break;
      case Scalar::unsigned_integer: capture_put(v.u); break;
      case Scalar::floating: capture_put(v.d); break;
      case Scalar::text: capture_put(std::move(*v.s)); break;
    }
    return true;
  }

  // The checks of change_from_json, once the change's object is complete; a change that
  // fails them leaves the page for `rejected`.
  bool finish_change() {
    CatalogChange& c = out_.changes.back();
    check_change(c);
    if (!change_.rejected.empty()) {
      std::string type = change_.has_type ? std::string(record_type_name(change_.type))
                                          : std::move(change_.type_text);
      out_.rejected.push_back(RejectedChange{std::move(type), std::move(c.id),
                                             std::move(change_.rejected),
                                             out_.changes.size() - 1});
      out_.changes.pop_back();
    }
    change_.captured = json();
    return true;
  }
  void check_change(CatalogChange& c) {
    if (!change_.rejected.empty()) return;
    if (!change_.has_type || !change_.has_op || !change_.has_id || c.id.empty()) {
      bad_change();
      return;
    }
    c.type = change_.type;
    if (change_.op == "delete") {
      c.deleted = true;
      return;
    }
    if (change_.op != "upsert" || !change_.has_data) {
      bad_change();
      return;
    }
    c.deleted = false;
    if (!change_.typed_data) {
      Status s = record_from_json(change_.type, change_.captured, c.record);
      if (!s) {
        set_aside(s.message_fr);
        return;
      }
    } else if (change_.type == RecordType::job_title && std::get<JobTitle>(c.record).ogr <= 0) {
      set_aside("champ « ogr » absent ou nul");
      return;
    }
    if (record_id(c.record) != c.id) {
      set_aside("champ « " + key_name() + " » différent de l'identifiant du changement");
      return;
    }
    // What the terminal keeps of each field (record_rules.h): text cleaned, the rest checked.
    std::string reason = check_record(c.record);
    if (!reason.empty()) set_aside(std::move(reason));
  }

  CatalogPage& out_;
  bool need_cursor_;
  Status status_;
  bool json_error_ = false;
  bool seen_cursor_ = false, seen_changes_ = false;
  At at_ = At::start;
  int skip_ = 0;              // depth inside a value being skipped
  std::string key_;           // the current top-level or change key
  std::string data_key_;      // the current data key (for error messages)
  int field_ = -1;            // its position in the field list, -1 when unknown
  ChangeState change_;
  std::vector<json*> stack_;  // capture
  std::string capture_key_;
  FieldIndex indexes_[kRecordTypeCount];
};

int hex4(std::string_view s, size_t at) {
  if (at + 4 > s.size()) return -1;
  int v = 0;
  for (size_t i = at; i < at + 4; ++i) {
    const char c = s[i];
    const int d = c >= '0' && c <= '9'   ? c - '0'
                  : c >= 'a' && c <= 'f' ? c - 'a' + 10
                  : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                         : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

// JSON's lexer refuses a "\ud800" escape without its other half, and with it the whole page:
// one field of one record would stop every terminal's sync. Such halves become U+FFFD, which
// the field rules then treat as any other character. Null when the body has none (the usual).
std::optional<std::string> without_lone_surrogates(std::string_view body) {
  std::optional<std::string> fixed;
  size_t copied = 0;
  for (size_t i = body.find('\\'); i != std::string_view::npos; i = body.find('\\', i)) {
    if (i + 1 >= body.size() || body[i + 1] != 'u') {
      i += 2;  // another escape, "\\" included
      continue;
    }
    const int unit = hex4(body, i + 2);
    const bool high = unit >= 0xD800 && unit <= 0xDBFF, low = unit >= 0xDC00 && unit <= 0xDFFF;
    if (high && body.substr(i + 6, 2) == "\\u") {
      const int next = hex4(body, i + 8);
      if (next >= 0xDC00 && next <= 0xDFFF) {
        i += 12;
        continue;
      }
    }
    if (high || low) {
      if (!fixed) fixed.emplace();
      fixed->append(body.substr(copied, i - copied)).append("\\ufffd");
      copied = i + 6;
    }
    i += 6;
  }
  if (fixed) fixed->append(body.substr(copied));
  return fixed;
}

Status read_page(std::string_view body, CatalogPage& out, bool need_cursor) {
  out = CatalogPage{};
  // The reader keeps a stack of what it captures: a page nested deeper than any record is
  // refused before it is read.
  if (!json_depth_within(body)) {
    return Status::error("malformed_response",
                         "Le serveur a envoyé une réponse illisible (JSON trop imbriqué).");
  }
  PageReader reader(out, need_cursor);
  const std::optional<std::string> mended = without_lone_surrogates(body);
  if (mended) body = *mended;
  const bool parsed = json::sax_parse(body.begin(), body.end(), &reader);
  Status s = reader.finish(parsed);
  if (!s) {
    out.changes.clear();
    out.rejected.clear();
  }
  return s;
}

}  // namespace

Status parse_catalog_page(std::string_view body, CatalogPage& out) {
  return read_page(body, out, /*need_cursor=*/true);
}

Status parse_catalog_changes(std::string_view body, CatalogPage& out) {
  return read_page(body, out, /*need_cursor=*/false);
}

}  // namespace eric
