// Catalog records <-> JSON for sync protocol v1: one field list per record type, used both ways.
#include "sync/protocol.h"

namespace eric {
namespace {

using nlohmann::json;

enum FieldKind { kPlain, kKey };

// Each list names every field once; the same list writes and reads, so both ends agree.
template <class R, class F> void fields(R& r, F&& f, Commune*) {
  f("insee", r.insee, kKey); f("name", r.name, kPlain); f("postal_codes", r.postal_codes, kPlain);
  f("department", r.department, kPlain); f("region", r.region, kPlain);
  f("population", r.population, kPlain); f("lat", r.lat, kPlain); f("lon", r.lon, kPlain);
}
template <class R, class F> void fields(R& r, F&& f, Trade*) {
  f("code", r.code, kKey); f("label", r.label, kPlain); f("description", r.description, kPlain);
}
template <class R, class F> void fields(R& r, F&& f, JobTitle*) {
  f("ogr", r.ogr, kKey); f("trade_code", r.trade_code, kPlain); f("label", r.label, kPlain);
}
template <class R, class F> void fields(R& r, F&& f, Employer*) {
  f("id", r.id, kKey); f("name", r.name, kPlain); f("siret", r.siret, kPlain);
  f("naf", r.naf, kPlain); f("naf_label", r.naf_label, kPlain); f("commune", r.commune, kPlain);
  f("address", r.address, kPlain); f("lat", r.lat, kPlain); f("lon", r.lon, kPlain);
  f("size_range", r.size_range, kPlain);
  f("fit_for_disabled_workers", r.fit_for_disabled_workers, kPlain);
}
template <class R, class F> void fields(R& r, F&& f, Job*) {
  f("id", r.id, kKey); f("source", r.source, kPlain); f("title", r.title, kPlain);
  f("trade_code", r.trade_code, kPlain); f("job_title_ogr", r.job_title_ogr, kPlain);
  f("employer_id", r.employer_id, kPlain); f("employer_name", r.employer_name, kPlain);
  f("description", r.description, kPlain); f("contract_type", r.contract_type, kPlain);
  f("contract_duration_months", r.contract_duration_months, kPlain);
  f("work_time_label", r.work_time_label, kPlain); f("salary_label", r.salary_label, kPlain);
  f("experience_label", r.experience_label, kPlain);
  f("qualification_label", r.qualification_label, kPlain); f("posts", r.posts, kPlain);
  f("commune", r.commune, kPlain); f("lat", r.lat, kPlain); f("lon", r.lon, kPlain);
  f("place_label", r.place_label, kPlain); f("origin_url", r.origin_url, kPlain);
  f("contact", r.contact, kPlain); f("created_at", r.created_at, kPlain);
  f("expires_at", r.expires_at, kPlain);
}
template <class R, class F> void fields(R& r, F&& f, Training*) {
  f("id", r.id, kKey); f("title", r.title, kPlain); f("trade_codes", r.trade_codes, kPlain);
  f("entry_level", r.entry_level, kPlain); f("exit_level", r.exit_level, kPlain);
  f("rncp", r.rncp, kPlain); f("certifinfo", r.certifinfo, kPlain);
  f("organisation", r.organisation, kPlain);
  f("organisation_siret", r.organisation_siret, kPlain);
  f("region_funded", r.region_funded, kPlain); f("hours_total", r.hours_total, kPlain);
  f("description", r.description, kPlain);
}
template <class R, class F> void fields(R& r, F&& f, TrainingSession*) {
  f("id", r.id, kKey); f("training_id", r.training_id, kPlain); f("start", r.start, kPlain);
  f("end", r.end, kPlain); f("commune", r.commune, kPlain); f("lat", r.lat, kPlain);
  f("lon", r.lon, kPlain); f("address", r.address, kPlain);
  f("registration_open", r.registration_open, kPlain); f("seats", r.seats, kPlain);
}
template <class R, class F> void fields(R& r, F&& f, ImmersionOffer*) {
  f("id", r.id, kKey); f("employer_id", r.employer_id, kPlain);
  f("trade_code", r.trade_code, kPlain); f("job_title_ogr", r.job_title_ogr, kPlain);
  f("what_you_will_do", r.what_you_will_do, kPlain); f("contact_mode", r.contact_mode, kPlain);
  f("welcome_address", r.welcome_address, kPlain);
  f("fit_for_disabled_workers", r.fit_for_disabled_workers, kPlain);
  f("max_requests_per_month", r.max_requests_per_month, kPlain);
}
template <class R, class F> void fields(R& r, F&& f, ImmersionSlot*) {
  f("id", r.id, kKey); f("offer_id", r.offer_id, kPlain); f("start", r.start, kPlain);
  f("end", r.end, kPlain); f("days", r.days, kPlain);
  f("schedule_label", r.schedule_label, kPlain); f("capacity", r.capacity, kPlain);
  f("taken", r.taken, kPlain);
}
template <class R, class F> void fields(R& r, F&& f, Site*) {
  f("id", r.id, kKey); f("name", r.name, kPlain); f("commune", r.commune, kPlain);
  f("address", r.address, kPlain); f("lat", r.lat, kPlain); f("lon", r.lon, kPlain);
  f("opening_hours", r.opening_hours, kPlain); f("phone", r.phone, kPlain);
}
template <class R, class F> void fields(R& r, F&& f, Workshop*) {
  f("id", r.id, kKey); f("site_id", r.site_id, kPlain); f("kind", r.kind, kPlain);
  f("title", r.title, kPlain); f("plain_description", r.plain_description, kPlain);
  f("what_to_bring", r.what_to_bring, kPlain); f("animator", r.animator, kPlain);
  f("start", r.start, kPlain); f("end", r.end, kPlain); f("capacity", r.capacity, kPlain);
  f("taken", r.taken, kPlain); f("place", r.place, kPlain); f("cancelled", r.cancelled, kPlain);
}

template <class R, class F> void visit_fields(R& r, F&& f) {
  using Plain = std::remove_const_t<R>;
  fields(r, f, static_cast<Plain*>(nullptr));
}

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

template <std::size_t I = 0>
Record default_record(std::size_t index) {
  if constexpr (I < std::variant_size_v<Record>) {
    if (index == I) return Record(std::in_place_index<I>);
    return default_record<I + 1>(index);
  } else {
    return Record{};
  }
}

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
    return Status::error("malformed", "Le serveur a envoyé une appellation sans code OGR.");
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
