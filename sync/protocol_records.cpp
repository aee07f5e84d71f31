// Catalog records <-> JSON for sync protocol v1: one field list per record type, used both ways.
#include "sync/protocol.h"
#include "sync/protocol_fields.h"

namespace eric {
namespace {

using nlohmann::json;
using namespace protocol_detail;

// Reads one field: absent keeps the default; present with the wrong JSON type is an error
// (no silent conversion of a string into a number, or a number into a bool).
template <class T> bool read_field(const json& j, const char* name, T& value, FieldKind kind) {
  auto it = j.find(name);
  if (it == j.end()) return kind != kKey;
  if constexpr (std::is_same_v<T, bool>) {
    if (!it->is_boolean()) return false;
    value = it->get<bool>();
  } else if constexpr (std::is_same_v<T, double>) {
    if (!it->is_number()) return false;
    value = it->get<double>();
  } else if constexpr (std::is_integral_v<T>) {
    if (!it->is_number_integer()) return false;
    value = it->get<T>();
  } else if constexpr (std::is_same_v<T, std::string>) {
    if (!it->is_string()) return false;
    value = it->get<std::string>();
    if (kind == kKey && value.empty()) return false;
  } else {
    if (!it->is_array()) return false;
    value.clear();
    for (const auto& e : *it) {
      if (!e.is_string()) return false;
      value.push_back(e.get<std::string>());
    }
  }
  return true;
}

constexpr std::string_view kTypeNames[kRecordTypeCount] = {
    "commune", "trade", "job_title", "employer", "job", "training", "training_session",
    "immersion_offer", "immersion_slot", "site", "workshop"};

}  // namespace

std::string_view record_type_name(RecordType type) {
  return kTypeNames[static_cast<int>(type)];
}

std::optional<RecordType> parse_record_type(std::string_view name) {
  for (int i = 0; i < kRecordTypeCount; ++i) {
    if (kTypeNames[i] == name) return static_cast<RecordType>(i);
  }
  return std::nullopt;
}

RecordType record_type(const Record& record) {
  return static_cast<RecordType>(record.index());
}

std::string record_id(const Record& record) {
  return std::visit(
      [](const auto& r) -> std::string {
        using T = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<T, Commune>) return r.insee;
        else if constexpr (std::is_same_v<T, Trade>) return r.code;
        else if constexpr (std::is_same_v<T, JobTitle>) return std::to_string(r.ogr);
        else return r.id;
      },
      record);
}

nlohmann::json record_to_json(const Record& record) {
  json j = json::object();
  std::visit([&](const auto& r) { visit_fields(r, [&](const char* name, const auto& v, FieldKind) { j[name] = v; }); },
             record);
  return j;
}

Status record_from_json(RecordType type, const nlohmann::json& data, Record& out) {
  if (!data.is_object()) {
    return Status::error("malformed", "Le serveur a envoyé une fiche illisible.");
  }
  out = default_record(static_cast<std::size_t>(type));
  const char* bad = nullptr;
  std::visit(
      [&](auto& r) {
        visit_fields(r, [&](const char* name, auto& v, FieldKind kind) {
          if (!bad && !read_field(data, name, v, kind)) bad = name;
        });
      },
      out);
  if (bad) {
    return Status::error("malformed", std::string("Le serveur a envoyé une fiche « ") +
                                          std::string(record_type_name(type)) +
                                          " » illisible (champ " + bad + ").");
  }
  if (type == RecordType::job_title && std::get<JobTitle>(out).ogr <= 0) {
    return Status::error("malformed", "Le serveur a envoyé une appellation sans code OGR (champ ogr).");
  }
  return Status::success();
}

nlohmann::json change_to_json(const CatalogChange& change) {
  json j = json::object();
  j["type"] = record_type_name(change.type);
  j["op"] = change.deleted ? "delete" : "upsert";
  j["id"] = change.id;
  if (!change.deleted) j["data"] = record_to_json(change.record);
  return j;
}

Status change_from_json(const nlohmann::json& j, CatalogChange& out) {
  const Status bad = Status::error("malformed", "Le serveur a envoyé un changement illisible.");
  if (!j.is_object()) return bad;
  auto type_it = j.find("type");
  auto op_it = j.find("op");
  auto id_it = j.find("id");
  if (type_it == j.end() || !type_it->is_string() || op_it == j.end() || !op_it->is_string() ||
      id_it == j.end() || !id_it->is_string()) {
    return bad;
  }
  auto type = parse_record_type(type_it->get_ref<const std::string&>());
  if (!type) return bad;
  out.type = *type;
  out.id = id_it->get<std::string>();
  if (out.id.empty()) return bad;
  const auto& op = op_it->get_ref<const std::string&>();
  if (op == "delete") {
    out.deleted = true;
    return Status::success();
  }
  if (op != "upsert") return bad;
  out.deleted = false;
  auto data_it = j.find("data");
  if (data_it == j.end()) return bad;
  Status s = record_from_json(*type, *data_it, out.record);
  if (!s) return s;
  if (record_id(out.record) != out.id) return bad;
  return Status::success();
}

void for_each_record(const Catalog& c, const std::function<void(Record&&)>& fn) {
  for (const auto& r : c.communes) fn(Record(r));
  for (const auto& r : c.trades) fn(Record(r));
  for (const auto& r : c.job_titles) fn(Record(r));
  for (const auto& r : c.employers) fn(Record(r));
  for (const auto& r : c.jobs) fn(Record(r));
  for (const auto& r : c.trainings) fn(Record(r));
  for (const auto& r : c.training_sessions) fn(Record(r));
  for (const auto& r : c.immersion_offers) fn(Record(r));
  for (const auto& r : c.immersion_slots) fn(Record(r));
  for (const auto& r : c.sites) fn(Record(r));
  for (const auto& r : c.workshops) fn(Record(r));
}

std::size_t catalog_record_count(const Catalog& c) {
  return c.communes.size() + c.trades.size() + c.job_titles.size() + c.employers.size() +
         c.jobs.size() + c.trainings.size() + c.training_sessions.size() +
         c.immersion_offers.size() + c.immersion_slots.size() + c.sites.size() +
         c.workshops.size();
}

}  // namespace eric
