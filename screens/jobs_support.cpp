// Shared pieces of the job discovery screens (see jobs_support.h).
#include "screens/jobs_support.h"

#include <algorithm>

#include "kiosk/core/base/text_fold.h"
#include "kiosk/core/words/french.h"
#include "kiosk/core/words/i18n.h"

namespace eric::jobs {

namespace {

constexpr const char* kContractsKey = "jobs.contracts";
constexpr const char* kFundedKey = "jobs.funded";

}  // namespace

int wider_radius(int km) {
  for (int r : kRadiusChoices)
    if (r > km) return r;
  if (km < 100) return 100;
  if (km < 200) return 200;
  return 0;
}

Place visitor_place(Database* db, const Session& session, const Site& site) {
  Place p;
  if (db && !session.place_commune.empty()) {
    if (auto c = commune_by_insee(*db, session.place_commune)) {
      p.insee = c->insee;
      p.name = c->name;
      p.lat = c->lat;
      p.lon = c->lon;
      p.near_site = false;
      return p;
    }
  }
  // Near this site: its own position, named by its commune.
  p.insee = site.commune;
  p.lat = site.lat;
  p.lon = site.lon;
  if (db && !site.commune.empty()) {
    if (auto c = commune_by_insee(*db, site.commune)) {
      p.name = c->name;
      if (p.lat == 0 && p.lon == 0) {
        p.lat = c->lat;
        p.lon = c->lon;
      }
    }
  }
  return p;
}

const Place& PlaceCache::get(Database* db, const Session& session, const Site& site) {
  if (!valid_ || commune_ != session.place_commune) {
    place_ = visitor_place(db, session, site);
    commune_ = session.place_commune;
    valid_ = true;
  }
  return place_;
}

int visitor_radius(const Session& session) {
  return session.radius_km > 0 ? session.radius_km : kDefaultRadiusKm;
}

std::string place_line(const I18n& i18n, const Place& place, int radius_km) {
  const std::string km = std::to_string(radius_km);
  if (place.name.empty()) return i18n.tr("jobs.place.around_site", {{"km", km}});
  return i18n.tr("jobs.place.near", {{"place", place.name}, {"km", km}});
}

What parse_what(const ScreenArgs& args) {
  What w;
  auto get = [&](const char* key) -> std::string {
    auto it = args.find(key);
    return it == args.end() ? std::string() : it->second;
  };
  const std::string family = get("family");
  if (family.size() == 1 && family[0] >= 'A' && family[0] <= 'N') w.family = family[0];
  w.trade = get("trade");
  w.label = get("label");
  w.words = get("words");
  return w;
}

std::string what_title(const I18n& i18n, const What& what) {
  if (!what.trade.empty()) return what.label.empty() ? what.trade : what.label;
  if (!what.words.empty()) return i18n.tr("jobs.results.words_title", {{"words", what.words}});
  if (what.family) return family_label(i18n, what.family);
  return i18n.tr("jobs.results.all_title");
}

char what_family(const What& what) {
  if (!what.trade.empty()) {
    const char c = what.trade[0];
    return c >= 'A' && c <= 'N' ? c : 0;
  }
  return what.family;
}

std::string usage_key(const What& what) {
  if (!what.trade.empty()) return "trade:" + what.trade;
  if (!what.words.empty()) return "words:" + fold_text(what.words);
  if (what.family) return std::string("family:") + what.family;
  return "all";
}

std::string family_label(const I18n& i18n, char letter) {
  return i18n.tr(std::string("jobs.family.") + letter);
}

bool Filters::has(std::string_view contract) const {
  return std::find(contracts.begin(), contracts.end(), contract) != contracts.end();
}

void Filters::toggle(std::string_view contract) {
  auto it = std::find(contracts.begin(), contracts.end(), contract);
  if (it != contracts.end()) {
    contracts.erase(it);
    return;
  }
  contracts.emplace_back(contract);
  // Kept in chip order, so the same choice always makes the same query.
  std::vector<std::string> ordered;
  for (const char* c : kContractChips)
    if (has(c)) ordered.emplace_back(c);
  contracts = std::move(ordered);
}

Filters load_filters(const Session& session) {
  Filters f;
  auto it = session.values.find(kContractsKey);
  if (it != session.values.end()) {
    for (const char* c : kContractChips)
      if (it->second.find(c) != std::string::npos) f.contracts.emplace_back(c);
  }
  auto fu = session.values.find(kFundedKey);
  f.funded_only = fu != session.values.end() && fu->second == "1";
  return f;
}

void save_filters(Session& session, const Filters& filters) {
  std::string contracts;
  for (const auto& c : filters.contracts) contracts += (contracts.empty() ? "" : ",") + c;
  if (contracts.empty())
    session.values.erase(kContractsKey);
  else
    session.values[kContractsKey] = contracts;
  if (filters.funded_only)
    session.values[kFundedKey] = "1";
  else
    session.values.erase(kFundedKey);
}

JobQuery build_query(const What& what, const Filters& filters, const Place& place, int radius_km,
                     const std::string& today) {
  JobQuery q;
  q.lat = place.lat;
  q.lon = place.lon;
  q.radius_km = radius_km;
  if (!what.trade.empty()) q.trade_codes = {what.trade};
  else if (what.family) q.family = what.family;
  q.words = what.words;
  q.contract_types = filters.contracts;
  q.only_with_funded_training = filters.funded_only;
  q.today = today;
  q.offset = 0;
  q.limit = JobPager::kPageSize;
  return q;
}

bool same_search(const JobQuery& a, const JobQuery& b) {
  return a.lat == b.lat && a.lon == b.lon && a.radius_km == b.radius_km &&
         a.trade_codes == b.trade_codes && a.family == b.family && a.words == b.words &&
         a.contract_types == b.contract_types &&
         a.only_with_funded_training == b.only_with_funded_training && a.today == b.today;
}

bool JobPager::set_query(const JobQuery& q) {
  if (has_query_ && same_search(q, query_)) return false;
  query_ = q;
  query_.offset = 0;
  query_.limit = kPageSize;
  has_query_ = true;
  loaded_ = false;
  results_ = JobResults();
  cards_.clear();
  total_ = 0;
  pages_ = 0;
  return true;
}

void JobPager::need(Database& db, int index) {
  if (!has_query_) return;
  if (!loaded_) {
    results_ = open_jobs(db, query_);
    cards_ = results_.cards(db, 0, kPageSize);
    total_ = std::max<int64_t>(results_.total(), static_cast<int64_t>(cards_.size()));
    loaded_ = true;
    pages_ = 1;
  }
  // One page per call at most: a frame never waits for more than one query.
  if (index >= static_cast<int>(cards_.size()) && !complete()) {
    std::vector<JobCard> more = results_.cards(db, static_cast<int>(cards_.size()), kPageSize);
    if (more.empty()) {
      total_ = static_cast<int64_t>(cards_.size());  // the catalog changed under us
    } else {
      for (auto& c : more) cards_.push_back(std::move(c));
      ++pages_;
    }
  }
}

std::string count_words(const I18n& i18n, int64_t total) {
  if (total <= 0) return i18n.tr("jobs.results.count_none");
  return i18n.tr_count("jobs.results.count", total);
}

std::string card_secondary(const I18n& i18n, const JobCard& card) {
  std::string out;
  auto add = [&](const std::string& part) {
    if (part.empty()) return;
    if (!out.empty()) out += " · ";
    out += part;
  };
  add(card.employer_name);
  add(contract_words(card.contract_type, card.contract_duration_months, i18n));
  add(card.work_time_label);
  return out;
}

namespace {

void add_line(std::string& out, const std::string& line) {
  if (line.empty()) return;
  if (!out.empty()) out += '\n';
  out += line;
}

}  // namespace

std::string job_takeaway_text(const I18n& i18n, const JobDetail& detail) {
  const Job& job = detail.job;
  if (!job.origin_url.empty()) return job.origin_url;
  std::string out;
  add_line(out, job.title);
  add_line(out, detail.employer && !detail.employer->name.empty() ? detail.employer->name
                                                                  : job.employer_name);
  add_line(out, detail.commune_name.empty() ? job.place_label : detail.commune_name);
  std::string contract = contract_words(job.contract_type, job.contract_duration_months, i18n);
  if (!job.work_time_label.empty())
    contract += (contract.empty() ? "" : " · ") + job.work_time_label;
  add_line(out, contract);
  add_line(out, job.salary_label);
  add_line(out, job.contact);
  add_line(out, i18n.tr("jobs.takeaway.job_ref", {{"id", job.id}}));
  return out;
}

std::string training_takeaway_text(const I18n& i18n, const TrainingDetail& detail,
                                   const std::vector<SessionCard>& sessions) {
  const Training& t = detail.training;
  std::string out;
  add_line(out, t.title);
  add_line(out, t.organisation);
  if (t.hours_total > 0)
    add_line(out, i18n.tr_count("jobs.training.hours", t.hours_total));
  if (!sessions.empty()) {
    const SessionCard& s = sessions.front();
    std::string next = date_range_words(s.session.start, s.session.end, i18n);
    if (!s.commune_name.empty()) next += " · " + s.commune_name;
    add_line(out, next);
  }
  if (t.region_funded) add_line(out, i18n.tr("jobs.training.funded"));
  add_line(out, i18n.tr("jobs.takeaway.training_ref", {{"id", t.id}}));
  return out;
}

}  // namespace eric::jobs
