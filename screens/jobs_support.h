// Shared pieces of the job discovery screens: the visitor's place, the results query, paging.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/app/screen.h"
#include "kiosk/core/storage/catalog.h"
#include "kiosk/core/storage/store.h"

namespace eric {

class Database;
class I18n;

namespace jobs {

// The radius when the visitor chose none, and the choices of the "Where" screen.
inline constexpr int kDefaultRadiusKm = 30;
inline constexpr int kRadiusChoices[] = {5, 10, 20, 30, 50};
// "Chercher plus loin": the next radius after km (5 -> 10 ... 50 -> 100 -> 200); 0 past 200.
int wider_radius(int km);

// Where the visitor searches: the commune chosen in the session, else this site.
struct Place {
  std::string insee;  // empty when near the site and the site has no commune
  std::string name;   // "Martigues"
  double lat = 0, lon = 0;
  bool near_site = true;
};
Place visitor_place(Database* db, const Session& session, const Site& site);
int visitor_radius(const Session& session);
// visitor_place, asked again only when the session's commune changes (screens draw 60 times a
// second; the commune's position does not move).
class PlaceCache {
 public:
  const Place& get(Database* db, const Session& session, const Site& site);

 private:
  bool valid_ = false;
  std::string commune_;
  Place place_;
};
// "Près de Martigues · 30 km autour"
std::string place_line(const I18n& i18n, const Place& place, int radius_km);

// What a results screen lists, from its arguments: {"family": "F"}, {"trade": code,
// "label": text} or {"words": text}.
struct What {
  char family = 0;
  std::string trade;
  std::string label;
  std::string words;
  bool empty() const { return family == 0 && trade.empty() && words.empty(); }
};
What parse_what(const ScreenArgs& args);
// The title of a results screen: the family's short name, the trade label, « words ».
std::string what_title(const I18n& i18n, const What& what);
// The family a search belongs to (for "trades of the same family"); 0 for words.
char what_family(const What& what);
// Anonymous key of a search for the usage counters: "family:F", "trade:F1703",
// "words:macon" (folded words, nothing that names a person).
std::string usage_key(const What& what);

// Short label of a family for tiles and titles ("Bâtiment, travaux publics").
std::string family_label(const I18n& i18n, char letter);

// Result filters. They are visitor choices, so they live in the session (wiped with it).
struct Filters {
  std::vector<std::string> contracts;  // empty: every contract
  bool funded_only = false;
  bool has(std::string_view contract) const;
  void toggle(std::string_view contract);
  bool operator==(const Filters&) const = default;
};
// The contract types offered as chips, in order.
inline constexpr const char* kContractChips[] = {"CDI", "CDD", "MIS", "ALT"};
Filters load_filters(const Session& session);
void save_filters(Session& session, const Filters& filters);

JobQuery build_query(const What& what, const Filters& filters, const Place& place, int radius_km,
                     const std::string& today);
bool same_search(const JobQuery& a, const JobQuery& b);  // ignores offset and limit

// The results of one query, loaded a page at a time as the list scrolls: the cards held are
// always the first cards().size() results of the current query, in order. The store's
// JobResults is kept for the whole query, so a later page reads only its own offers.
class JobPager {
 public:
  static constexpr int kPageSize = 20;

  // Starts over when the search differs from the current one; true when it did.
  bool set_query(const JobQuery& q);
  // Makes sure the card at index is loaded when it exists: the first page comes with the
  // total; later pages are fetched while index is past what is loaded.
  void need(Database& db, int index);
  const std::vector<JobCard>& cards() const { return cards_; }
  int64_t total() const { return total_; }
  bool loaded() const { return loaded_; }
  int pages_loaded() const { return pages_; }
  bool complete() const { return loaded_ && static_cast<int64_t>(cards_.size()) >= total_; }

 private:
  JobQuery query_;
  bool has_query_ = false;
  bool loaded_ = false;
  JobResults results_;
  std::vector<JobCard> cards_;
  int64_t total_ = 0;
  int pages_ = 0;
};

// "23 offres trouvées, les plus proches d'abord"
std::string count_words(const I18n& i18n, int64_t total);
// "Employeur · CDD de 6 mois · 35 h par semaine" (parts that are empty are left out)
std::string card_secondary(const I18n& i18n, const JobCard& card);

// What the "Emporter" QR code carries: the offer's origin URL when it has one, else its
// essentials as plain text (title, employer, place, contract, hours, salary, reference).
std::string job_takeaway_text(const I18n& i18n, const JobDetail& detail);
// A training: title, organisation, hours, its next session (dates and commune).
std::string training_takeaway_text(const I18n& i18n, const TrainingDetail& detail,
                                   const std::vector<SessionCard>& sessions);

}  // namespace jobs
}  // namespace eric
