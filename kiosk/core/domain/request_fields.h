// The field lists of the outbox requests (see requests.h): one list per type, used by the
// writer and the reader so that both ends of the protocol agree.
#pragma once

#include <type_traits>

#include "kiosk/core/domain/requests.h"

namespace eric::request_detail {

// How a field travels.
enum Presence {
  kRequired,  // always written; an item without it is refused
  kWritten,   // always written; may be absent (terminals older than the field)
  kOmitted,   // written only when it is not its default (empty text, false); may be absent
};

template <class R, class F> void fields(R& r, F&& f, ConsentRecord*) {
  f("text", r.text, kWritten); f("text_version", r.text_version, kWritten);
  f("at", r.at, kWritten);
}
template <class R, class F> void fields(R& r, F&& f, ImmersionRequestPayload*) {
  f("form_token", r.form_token, kWritten); f("code", r.code, kWritten);
  f("slot_id", r.slot_id, kRequired); f("offer_id", r.offer_id, kWritten);
  f("employer_id", r.employer_id, kWritten); f("objective", r.objective, kWritten);
  f("first_name", r.first_name, kRequired); f("phone", r.phone, kWritten);
  f("email", r.email, kWritten); f("message", r.message, kWritten);
  f("consent", r.consent, kWritten); f("site_id", r.site_id, kWritten);
  f("terminal", r.terminal, kWritten);
}
template <class R, class F> void fields(R& r, F&& f, WorkshopRegistrationPayload*) {
  f("workshop_id", r.workshop_id, kRequired); f("first_name", r.first_name, kRequired);
  f("contact", r.contact, kOmitted); f("walk_in", r.walk_in, kOmitted);
}
template <class R, class F> void fields(R& r, F&& f, HelpTicketPayload*) {
  f("site_id", r.site_id, kWritten); f("day", r.day, kWritten); f("number", r.number, kWritten);
  f("reason", r.reason, kWritten); f("urgent_today", r.urgent_today, kWritten);
}
template <class R, class F> void fields(R& r, F&& f, FeedbackPayload*) {
  f("rating", r.rating, kRequired); f("reasons", r.reasons, kWritten); f("path", r.path, kWritten);
}
template <class R, class F> void fields(R& r, F&& f, UsagePayload*) {
  f("day", r.day, kWritten); f("counters", r.counters, kRequired);
}

template <class R, class F> void visit_fields(R& r, F&& f) {
  using Plain = std::remove_const_t<R>;
  fields(r, f, static_cast<Plain*>(nullptr));
}

}  // namespace eric::request_detail
