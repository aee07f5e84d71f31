// Help tickets, the animator's queue and the desk log (see help_desk.h).
#include "kiosk/core/help_desk.h"

#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "kiosk/core/clock.h"
#include "kiosk/core/store.h"
#include "kiosk/core/usage.h"

namespace eric {

namespace {

constexpr const char* kTicketColumns =
    "id, site_id, day, number, reason, urgent_today, first_name, context, created_at, "
    "called_at, served_at, outcome";

HelpTicket read_ticket(const Statement& s) {
  HelpTicket t;
  t.id = s.col_int(0);
  t.site_id = s.col_text(1);
  t.day = s.col_text(2);
  t.number = s.col_text(3);
  t.reason = s.col_text(4);
  t.urgent_today = s.col_int(5) != 0;
  t.first_name = s.col_text(6);
  t.context = s.col_text(7);
  t.created_at = s.col_int(8);
  t.called_at = s.col_int(9);
  t.served_at = s.col_int(10);
  const std::string_view outcome = s.col_view(11);
  t.outcome = outcome == "served"   ? TicketOutcome::served
              : outcome == "absent" ? TicketOutcome::absent
                                    : TicketOutcome::waiting;
  return t;
}

// Trims spaces and keeps at most max_bytes bytes without cutting a UTF-8 character.
std::string clean_text(std::string_view s, size_t max_bytes) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  if (s.size() > max_bytes) {
    size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s = s.substr(0, cut);
  }
  std::string out;
  out.reserve(s.size());
  for (char c : s) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  return out;
}

// One of the three closing/calling actions, in one transaction with its log line.
Status ticket_action(Database& db, int64_t ticket_id, std::string_view role, int64_t now_s,
                     std::string_view action) {
  Transaction tx(db);
  if (!tx.ok()) return tx.status();
  std::string number;
  bool closed = false;
  {
    Statement s(db, "SELECT number, outcome FROM help_tickets WHERE id = ?1");
    s.bind(1, ticket_id);
    if (!s.step()) {
      if (!s.ok()) return s.status();
      return Status::error("not_found", "Ce ticket n'existe plus.");
    }
    number = s.col_text(0);
    closed = !s.col_view(1).empty();
  }
  if (closed) return Status::error("closed", "Ce ticket est déjà terminé.");
  Statement u(db, action == "call"
                      ? "UPDATE help_tickets SET called_at = ?2 WHERE id = ?1"
                      : "UPDATE help_tickets SET served_at = ?2, outcome = ?3 WHERE id = ?1");
  u.bind(1, ticket_id).bind(2, now_s);
  if (action != "call") u.bind(3, action == "received" ? "served" : "absent");
  Status st = u.run();
  if (!st) return st;
  st = log_desk_action(db, role, std::string("ticket_") + std::string(action), number, now_s);
  if (!st) return st;
  return tx.commit();
}

}  // namespace

bool is_help_reason(std::string_view reason) {
  return std::find(kHelpReasons.begin(), kHelpReasons.end(), reason) != kHelpReasons.end();
}

std::string civil_day(int64_t epoch_s) {
  return Clock::format_date(Clock::to_local(epoch_s * 1000));
}

std::string ticket_number(int n) {
  if (n < 1) n = 1;
  const int series = (n - 1) / 999;
  const int within = (n - 1) % 999 + 1;
  const char letter = static_cast<char>('A' + series % 26);
  char buf[8];
  std::snprintf(buf, sizeof buf, "%c%03d", letter, within);
  return buf;
}

Result<TakenTicket> take_ticket(Database& db, const TicketRequest& request, int64_t now_s) {
  Result<TakenTicket> r;
  if (!is_help_reason(request.reason)) {
    r.status = Status::error("bad_input", "Choisissez pourquoi vous venez.");
    return r;
  }
  const std::string day = civil_day(now_s);
  const std::string first_name = clean_text(request.first_name, 60);
  const std::string context = clean_text(request.context, 200);
  Transaction tx(db);
  if (!tx.ok()) {
    r.status = tx.status();
    return r;
  }
  int n = 1;
  {
    Statement s(db, "SELECT count(*) FROM help_tickets WHERE site_id = ?1 AND day = ?2");
    s.bind(1, request.site_id).bind(2, day);
    if (!s.step()) {
      r.status = s.status();
      return r;
    }
    n = static_cast<int>(s.col_int(0)) + 1;
  }
  const std::string number = ticket_number(n);
  // The region counts tickets per site, day and reason: nothing about the person goes up.
  const nlohmann::json payload = {{"site_id", request.site_id}, {"day", day},
                                  {"number", number},           {"reason", request.reason},
                                  {"urgent_today", request.urgent_today}};
  auto item = outbox_add(db, "help_ticket", payload.dump(), now_s, now_s + personal_data_retention_seconds(db));
  if (!item.ok()) {
    r.status = item.status;
    return r;
  }
  Statement ins(db,
                "INSERT INTO help_tickets(site_id, day, number, reason, urgent_today, first_name, "
                "context, created_at, outbox_id) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  ins.bind(1, request.site_id).bind(2, day).bind(3, number).bind(4, request.reason)
      .bind(5, request.urgent_today).bind(6, first_name).bind(7, context).bind(8, now_s)
      .bind(9, item.value);
  r.status = ins.run();
  if (!r.ok()) return r;
  const int64_t id = db.last_insert_rowid();
  r.status = usage_add(db, day, "help.ticket", request.reason);
  if (!r.ok()) return r;
  r.status = tx.commit();
  if (!r.ok()) return r;
  if (auto t = ticket_by_id(db, id)) r.value.ticket = *t;
  r.value.people_ahead = people_ahead(db, id);
  return r;
}

std::vector<HelpTicket> help_queue(Database& db, std::string_view site_id, int64_t now_s) {
  std::vector<HelpTicket> out;
  Statement s(db, std::string("SELECT ") + kTicketColumns +
                      " FROM help_tickets WHERE site_id = ?1 AND day = ?2 AND outcome = '' "
                      "ORDER BY urgent_today DESC, created_at, id");
  s.bind(1, site_id).bind(2, civil_day(now_s));
  while (s.step()) out.push_back(read_ticket(s));
  return out;
}

std::optional<HelpTicket> ticket_by_id(Database& db, int64_t id) {
  Statement s(db, std::string("SELECT ") + kTicketColumns + " FROM help_tickets WHERE id = ?1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_ticket(s);
}

int people_ahead(Database& db, int64_t ticket_id) {
  // Same order as help_queue: urgent first, then arrival (id breaks ties within a second).
  Statement s(db,
              "SELECT count(*) FROM help_tickets o JOIN help_tickets t ON t.id = ?1 "
              "WHERE t.outcome = '' AND o.outcome = '' AND o.site_id = t.site_id "
              "AND o.day = t.day AND o.id <> t.id AND (o.urgent_today > t.urgent_today OR "
              "(o.urgent_today = t.urgent_today AND (o.created_at < t.created_at OR "
              "(o.created_at = t.created_at AND o.id < t.id))))");
  s.bind(1, ticket_id);
  if (!s.step()) return 0;
  return static_cast<int>(s.col_int(0));
}

Status call_ticket(Database& db, int64_t ticket_id, std::string_view role, int64_t now_s) {
  return ticket_action(db, ticket_id, role, now_s, "call");
}

Status ticket_received(Database& db, int64_t ticket_id, std::string_view role, int64_t now_s) {
  return ticket_action(db, ticket_id, role, now_s, "received");
}

Status ticket_absent(Database& db, int64_t ticket_id, std::string_view role, int64_t now_s) {
  return ticket_action(db, ticket_id, role, now_s, "absent");
}

HelpDayCounts help_day_counts(Database& db, std::string_view site_id, int64_t now_s) {
  HelpDayCounts c;
  Statement s(db,
              "SELECT sum(outcome = ''), sum(outcome = 'served'), sum(outcome = 'absent'), "
              "avg(CASE WHEN outcome = 'served' THEN "
              "  (CASE WHEN called_at > 0 THEN called_at ELSE served_at END) - created_at END) "
              "FROM help_tickets WHERE site_id = ?1 AND day = ?2");
  s.bind(1, site_id).bind(2, civil_day(now_s));
  if (!s.step()) return c;
  c.waiting = static_cast<int>(s.col_int(0));
  c.received = static_cast<int>(s.col_int(1));
  c.absent = static_cast<int>(s.col_int(2));
  c.average_wait_s = s.is_null(3) ? 0 : static_cast<int64_t>(s.col_double(3) + 0.5);
  if (c.average_wait_s < 0) c.average_wait_s = 0;
  return c;
}

std::optional<HelpTicket> ticket_called_recently(Database& db, std::string_view site_id,
                                                 int64_t now_s, int64_t window_s) {
  Statement s(db, std::string("SELECT ") + kTicketColumns +
                      " FROM help_tickets WHERE site_id = ?1 AND outcome = '' AND called_at > 0 "
                      "AND called_at <= ?2 AND called_at > ?2 - ?3 "
                      "ORDER BY called_at DESC, id DESC LIMIT 1");
  s.bind(1, site_id).bind(2, now_s).bind(3, window_s);
  if (!s.step()) return std::nullopt;
  return read_ticket(s);
}

std::string wait_words(int64_t seconds, const I18n& i18n) {
  const int64_t minutes = std::max<int64_t>(0, seconds) / 60;
  if (minutes < 1) return i18n.tr("help.wait.under_minute");
  if (minutes < 60) return i18n.tr("help.wait.minutes", {{"n", std::to_string(minutes)}});
  char mm[4];
  std::snprintf(mm, sizeof mm, "%02d", static_cast<int>(minutes % 60));
  return i18n.tr("help.wait.hours", {{"h", std::to_string(minutes / 60)}, {"mm", mm}});
}

std::string people_ahead_words(int people_ahead, const I18n& i18n) {
  if (people_ahead <= 0) return i18n.tr("help.ticket.ahead_none");
  return i18n.tr_count("help.ticket.ahead", people_ahead);
}

Result<int64_t> help_purge_personal(Database& db, int64_t now_s) {
  Result<int64_t> r;
  Statement s(db,
              "UPDATE help_tickets SET first_name = '', context = '' "
              "WHERE day < ?1 AND (first_name <> '' OR context <> '')");
  s.bind(1, civil_day(now_s));
  r.status = s.run();
  if (r.ok()) r.value = db.changes();
  return r;
}

Status log_desk_action(Database& db, std::string_view role, std::string_view action,
                       std::string_view detail, int64_t now_s) {
  Statement s(db, "INSERT INTO desk_actions(at, role, action, detail) VALUES(?1, ?2, ?3, ?4)");
  s.bind(1, now_s).bind(2, std::string(role)).bind(3, action).bind(4, std::string(detail));
  Status st = s.run();
  if (!st) return st;
  return usage_add(db, civil_day(now_s), std::string("desk.") + std::string(action), "");
}

int64_t desk_action_count(Database& db, std::string_view action) {
  Statement s(db, "SELECT count(*) FROM desk_actions WHERE action = ?1");
  s.bind(1, action);
  return s.step() ? s.col_int(0) : 0;
}

}  // namespace eric
