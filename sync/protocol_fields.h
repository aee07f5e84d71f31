// The field lists of the catalog records for sync protocol v1: one list per record type,
// shared by the JSON writer, the tree reader and the one-pass page reader, so all agree.
#pragma once

#include <cstddef>
#include <type_traits>
#include <variant>

#include "sync/protocol.h"

namespace eric::protocol_detail {

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

// A record of the index-th alternative of Record, every field at its default.
template <std::size_t I = 0>
Record default_record(std::size_t index) {
  if constexpr (I < std::variant_size_v<Record>) {
    if (index == I) return Record(std::in_place_index<I>);
    return default_record<I + 1>(index);
  } else {
    return Record{};
  }
}

}  // namespace eric::protocol_detail
