// Outbox request payloads written and read through their field lists (see requests.h).
#include "kiosk/core/domain/requests.h"

#include <limits>

#include "kiosk/core/domain/request_fields.h"

namespace eric {
namespace {

using nlohmann::json;
using request_detail::kOmitted;
using request_detail::kRequired;
using request_detail::Presence;
using request_detail::visit_fields;

bool is_default(const std::string& v) { return v.empty(); }
bool is_default(bool v) { return !v; }
template <class T> bool is_default(const T&) { return false; }

template <class R> json write_object(const R& r);

json write_value(const std::string& v) { return v; }
json write_value(bool v) { return v; }
json write_value(int64_t v) { return v; }
json write_value(const std::vector<std::string>& v) { return v; }
json write_value(const std::map<std::string, int64_t>& v) { return v; }
json write_value(const ConsentRecord& v) { return write_object(v); }

template <class R> json write_object(const R& r) {
  json out = json::object();
  visit_fields(r, [&out](const char* name, const auto& value, Presence presence) {
    if (presence == kOmitted && is_default(value)) return;
    out[name] = write_value(value);
  });
  return out;
}

template <class R> std::string payload_text(const R& r) {
  return write_object(r).dump(-1, ' ', false, json::error_handler_t::replace);
}

bool read_value(const json& j, std::string& out) {
  if (!j.is_string() || j.get_ref<const std::string&>().size() > kMaxRequestText) return false;
  out = j.get<std::string>();
  return true;
}

bool read_value(const json& j, bool& out) {
  if (!j.is_boolean()) return false;
  out = j.get<bool>();
  return true;
}

// Whole numbers only (never 2.5, never true), and only those an int64 holds.
bool read_value(const json& j, int64_t& out) {
  if (!j.is_number_integer()) return false;
  if (j.is_number_unsigned() &&
      j.get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
    return false;
  }
  out = j.get<int64_t>();
  return true;
}

bool read_value(const json& j, std::vector<std::string>& out) {
  if (!j.is_array() || j.size() > kMaxRequestListItems) return false;
  out.clear();
  for (const json& e : j) {
    std::string text;
    if (!read_value(e, text)) return false;
    out.push_back(std::move(text));
  }
  return true;
}

bool read_value(const json& j, std::map<std::string, int64_t>& out) {
  if (!j.is_object() || j.size() > kMaxRequestListItems) return false;
  out.clear();
  for (auto it = j.begin(); it != j.end(); ++it) {
    int64_t n = 0;
    if (it.key().size() > kMaxRequestText || !read_value(it.value(), n)) return false;
    out[it.key()] = n;
  }
  return true;
}

template <class R> bool read_object(const json& j, R& out, std::string& bad_field);

bool read_value(const json& j, ConsentRecord& out) {
  std::string ignored;
  return read_object(j, out, ignored);
}

// Fills `out` field by field; on the first field that cannot be read, names it in bad_field.
template <class R> bool read_object(const json& j, R& out, std::string& bad_field) {
  if (!j.is_object()) return false;
  visit_fields(out, [&](const char* name, auto& value, Presence presence) {
    if (!bad_field.empty()) return;
    auto it = j.find(name);
    if (it == j.end() || it->is_null()) {
      if (presence == kRequired) bad_field = name;
      return;
    }
    if (!read_value(*it, value)) bad_field = name;
  });
  return bad_field.empty();
}

template <class R> Status read_payload(const json& j, R& out) {
  out = R{};
  if (!j.is_object()) {
    return Status::error("bad_payload", "La demande envoyée par la borne est illisible.");
  }
  std::string bad_field;
  if (read_object(j, out, bad_field)) return Status::success();
  return Status::error("bad_payload", "La demande envoyée par la borne est incomplète ou "
                                      "illisible (champ « " + bad_field + " »).");
}

}  // namespace

std::string request_payload_json(const ImmersionRequestPayload& p) { return payload_text(p); }
std::string request_payload_json(const WorkshopRegistrationPayload& p) { return payload_text(p); }
std::string request_payload_json(const HelpTicketPayload& p) { return payload_text(p); }
std::string request_payload_json(const FeedbackPayload& p) { return payload_text(p); }
std::string request_payload_json(const UsagePayload& p) { return payload_text(p); }

Status read_request_payload(const json& payload, ImmersionRequestPayload& out) {
  return read_payload(payload, out);
}
Status read_request_payload(const json& payload, WorkshopRegistrationPayload& out) {
  return read_payload(payload, out);
}
Status read_request_payload(const json& payload, HelpTicketPayload& out) {
  return read_payload(payload, out);
}
Status read_request_payload(const json& payload, FeedbackPayload& out) {
  return read_payload(payload, out);
}
Status read_request_payload(const json& payload, UsagePayload& out) {
  return read_payload(payload, out);
}

}  // namespace eric
