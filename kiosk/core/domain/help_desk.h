// Help tickets and the animator's queue: numbering per site and day, call / received / absent,
// today's counts, the "called ticket" banner query, and the log of every desk action.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/storage/db.h"

namespace eric {

// Reasons a visitor asks for help, in the order the tiles show them.
inline constexpr std::array<std::string_view, 5> kHelpReasons = {
    "cv", "email_account", "answer_offer", "online_procedure", "other"};
bool is_help_reason(std::string_view reason);

struct TicketRequest {
  std::string site_id;
  std::string reason = "other";  // one of kHelpReasons
  bool urgent_today = false;
  std::string first_name;  // optional; never leaves the terminal
  std::string context;     // optional: what the visitor was looking at ("Offre : Maçon")
};

enum class TicketOutcome { waiting, served, absent };

struct HelpTicket {
  int64_t id = 0;
  std::string site_id;
  std::string day;     // "YYYY-MM-DD"
  std::string number;  // "A012"
  std::string reason;
  bool urgent_today = false;
  std::string first_name;
  std::string context;
  int64_t created_at = 0;  // epoch seconds
  int64_t called_at = 0;   // 0: not called yet
  int64_t served_at = 0;   // when it was closed (received or absent)
  TicketOutcome outcome = TicketOutcome::waiting;
};

struct TakenTicket {
  HelpTicket ticket;
  int people_ahead = 0;
};

// Gives the next number of the site's day ("A001".."A999", then "B001") and writes the
// ticket and its outbox item "help_ticket" (number, day, reason, urgency: nothing personal)
// in one transaction. Counts "help.ticket" in the usage counters.
Result<TakenTicket> take_ticket(Database& db, const TicketRequest& request, int64_t now_s);

// The number for the n-th ticket of a day (1-based): 1 -> "A001", 1000 -> "B001".
std::string ticket_number(int n);

// Waiting tickets of the site's day (not yet received nor absent, called or not): urgent
// first, then by arrival.
std::vector<HelpTicket> help_queue(Database& db, std::string_view site_id, int64_t now_s);
std::optional<HelpTicket> ticket_by_id(Database& db, int64_t id);
// Waiting tickets placed before this one in the queue; 0 when it is next or closed.
int people_ahead(Database& db, int64_t ticket_id);

// Desk actions. Each one is logged in desk_actions and counted (anonymously) in one
// transaction. `role` is "animator" or "manager".
Status call_ticket(Database& db, int64_t ticket_id, std::string_view role, int64_t now_s);
Status ticket_received(Database& db, int64_t ticket_id, std::string_view role, int64_t now_s);
Status ticket_absent(Database& db, int64_t ticket_id, std::string_view role, int64_t now_s);

struct HelpDayCounts {
  int waiting = 0;
  int received = 0;
  int absent = 0;
  int64_t average_wait_s = 0;  // arrival to call (or to reception) of the received ones
};
HelpDayCounts help_day_counts(Database& db, std::string_view site_id, int64_t now_s);

inline constexpr int64_t kBannerSeconds = 30;
// The ticket called within the last `window_s` seconds and still waiting for its person
// (the latest call wins): the visitor side shows it as a banner.
std::optional<HelpTicket> ticket_called_recently(Database& db, std::string_view site_id,
                                                 int64_t now_s,
                                                 int64_t window_s = kBannerSeconds);

// Clears the first name and the context of tickets from earlier days: once the day is
// over they serve nobody. Returns how many tickets were cleared.
Result<int64_t> help_purge_personal(Database& db, int64_t now_s);

// Writes one line in desk_actions (no personal data in `detail`: a ticket number, a
// workshop id) and adds one to the usage counter "desk.<action>" of the day. Call it inside
// the transaction of the action itself.
Status log_desk_action(Database& db, std::string_view role, std::string_view action,
                       std::string_view detail, int64_t now_s);
// Number of lines of desk_actions with this action (tests and the manager's view).
int64_t desk_action_count(Database& db, std::string_view action);

}  // namespace eric
