// Demo generator: region-funded trainings and sessions from the PRF, relocated and re-dated.
#include <algorithm>
#include <map>
#include <unordered_map>

#include "kiosk/core/base/clock.h"
#include "kiosk/demo/demo_internal.h"

namespace eric {

namespace {

bool is_roman(const std::string& token) {
  if (token == "Vbis") return true;
  return !token.empty() && token.find_first_not_of("IVX") == std::string::npos;
}

std::string ascii_lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
    s.replace(pos, from.size(), to);
}

std::string upper_first(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  else if (s.rfind("é", 0) == 0) s.replace(0, std::string("é").size(), "É");
  return s;
}

}  // namespace

namespace {

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text + " ") {
    if (c == ' ' || c == '\t') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  return words;
}

std::string join_words(const std::vector<std::string>& words) {
  std::string text;
  for (const std::string& w : words) text += (text.empty() ? "" : " ") + w;
  return text;
}

// The programme's own prefixes are codes for its staff, not for visitors. True when the prefix
// said the training is a refresher ("RAN": remise à niveau).
bool drop_programme_prefix(std::string& text) {
  static const std::pair<const char*, bool> kPrefixes[] = {
      {"QUAL - ", false}, {"QUAL ", false},    {"Qual ", false},    {"PROFPAE ", false},
      {"PROF ", false},   {"LPPAE ", false},   {"RANpro-", true},   {"RAN pro ", true},
      {"RAN Pro ", true},
  };
  for (const auto& [prefix, is_refresher] : kPrefixes) {
    if (text.rfind(prefix, 0) == 0) {
      text.erase(0, std::string(prefix).size());
      return is_refresher;
    }
  }
  return false;
}

// "niveau V", "Niveau IV", "niveaux V et IV", "digital-niveau II": old level codes go,
// except in "titulaires d'un niveau V" where the level is the meaning.
std::string drop_level_codes(const std::string& text) {
  const std::vector<std::string> words = split_words(text);
  std::vector<std::string> kept;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string lower = ascii_lower(words[i]);
    const bool has_next_roman = i + 1 < words.size() && is_roman(words[i + 1]);
    if ((lower == "niveau" || lower == "niveaux") && has_next_roman) {
      if (!kept.empty() && kept.back() == "d'un") {
        kept.push_back(words[i + 1] == "V" ? "CAP ou BEP" : words[i] + " " + words[i + 1]);
        ++i;
        continue;
      }
      ++i;
      while (i + 2 < words.size() && words[i + 1] == "et" && is_roman(words[i + 2])) i += 2;
      if (!kept.empty() && kept.back() == "-") kept.pop_back();
      continue;
    }
    const std::string suffix = "-niveau";
    if (has_next_roman && lower.size() > suffix.size() &&
        lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0) {
      kept.push_back(words[i].substr(0, words[i].size() - suffix.size()));
      ++i;
      continue;
    }
    kept.push_back(words[i]);
  }
  return join_words(kept);
}

// Grand Est organisations named in brackets do not belong in a PACA catalog.
void drop_other_region_bodies(std::string& text) {
  for (const char* org : {"DYMACOM", "OMH", "ADMR"}) {
    const size_t at = text.find(org);
    if (at == std::string::npos) continue;
    const size_t open = text.rfind('(', at);
    const size_t close = text.find(')', at);
    if (open == std::string::npos) continue;
    text.erase(open, close == std::string::npos ? std::string::npos : close - open + 1);
  }
}

}  // namespace

std::string clean_prf_title(const std::string& raw) {
  std::string text = join_words(split_words(raw));  // runs of spaces collapsed
  const bool refresher = drop_programme_prefix(text);
  replace_all(text, "((", "(");
  text = drop_level_codes(text);
  drop_other_region_bodies(text);
  replace_all(text, "(TP)", "(titre professionnel)");
  replace_all(text, "(TP - ", "(titre professionnel - ");
  replace_all(text, "  ", " ");
  while (!text.empty() && (text.back() == ' ' || text.back() == '-')) text.pop_back();

  if (refresher) {
    text = text.rfind("dans ", 0) == 0 ? "Remise à niveau " + text
                                       : "Remise à niveau : " + demo::lower_first(text);
  } else if (text.rfind("dans ", 0) == 0) {
    text = "Qualification " + text;
  }
  return upper_first(text);
}

std::string plain_exit_level(const std::string& raw) {
  if (raw.rfind("Pas de niveau", 0) == 0) return "Sans niveau de diplôme";
  if (raw.rfind("Niveau ", 0) != 0) return "";
  const size_t end = raw.find_first_of(" -", 7);
  const std::string roman = raw.substr(7, end == std::string::npos ? end : end - 7);
  if (roman == "Vbis") return "Fin de collège (sans diplôme)";
  if (roman == "V") return "CAP ou BEP (niveau 3)";
  if (roman == "IV") return "Bac (niveau 4)";
  if (roman == "III") return "Bac + 2 (niveau 5)";
  if (roman == "II") return "Bac + 3 ou bac + 4 (niveau 6)";
  if (roman == "I") return "Bac + 5 ou plus (niveau 7)";
  return "";
}

namespace demo {

namespace {

std::string greta_of(const Commune& commune) {
  const std::string& d = commune.department;
  if (d == "83") return "GRETA Var";
  if (d == "06") return "GRETA Côte d'Azur";
  if (d == "84") return "GRETA Vaucluse";
  if (d == "04" || d == "05") return "GRETA Alpes-Provence";
  return "GRETA Provence";
}

std::string organisation_name(Rng& rng, char family, const std::string& first_trade,
                              const Commune& commune) {
  std::string list;
  if (family == 'F') list = "CFA du BTP {c}|AFPA {c}|{g}|Institut des métiers du bâtiment {c}";
  else if (family == 'H' || family == 'I') list = "AFPA {c}|Pôle formation industrie {c}|{g}";
  else if (first_trade >= "G14" && first_trade < "G19")
    list = "École hôtelière {c}|{g}|AFPA {c}";
  else if (first_trade >= "D1101" && first_trade <= "D1105")
    list = "CFA des métiers de bouche {c}|{g}";
  else if (family == 'J' || first_trade.rfind("K1", 0) == 0)
    list = "Institut de formation sanitaire et sociale {c}|{g}|AFPA {c}";
  else if (family == 'N') list = "Centre de formation transport et logistique {c}|AFPA {c}|{g}";
  else if (family == 'A') list = "Centre de formation agricole {c}|{g}";
  else list = "{g}|AFPA {c}|Centre de formation tertiaire {c}";
  std::string name = rng.pick(split_bar(list));
  replace_all(name, "{c}", commune.name);
  replace_all(name, "{g}", greta_of(commune));
  return name;
}

// Start of a session moved to the same time of year within the next 12 months, off weekends.
std::string shifted_start(const std::string& original, const std::string& today) {
  const int doy_original = days_between(original.substr(0, 4) + "-01-01", original);
  const int doy_today = days_between(today.substr(0, 4) + "-01-01", today);
  int d = (((doy_original - doy_today - 1) % 365) + 365) % 365 + 1;  // 1..365
  const int weekday = weekday_of(add_days(today, d));
  if (weekday == 6) d = d + 2 <= 365 ? d + 2 : d - 1;
  if (weekday == 0) d = d + 1 <= 365 ? d + 1 : d - 2;
  return add_days(today, d);
}

using SessionsOf = std::map<const PrfQualification*, std::vector<const PrfSession*>>;
using Relocation = std::unordered_map<std::string, const Commune*>;

// Each PRF session under the qualification it prepares. Sessions of a diploma shared by several
// qualifications are dealt out in turn, so each physical session appears once.
SessionsOf deal_sessions(const ReferenceData& reference, const Geo& geo, DemoStats& stats) {
  std::unordered_map<int64_t, const PrfAction*> actions;
  for (const PrfAction& a : reference.actions) actions.emplace(a.numero, &a);
  std::map<std::string, std::vector<const PrfQualification*>> by_code;
  for (const PrfQualification& q : reference.qualifications) by_code[q.code_diplome].push_back(&q);
  for (auto& [code, list] : by_code)
    std::stable_sort(list.begin(), list.end(),
                     [](auto* a, auto* b) { return a->numero < b->numero; });
  SessionsOf sessions_of;
  std::map<std::string, size_t> turn;
  for (const PrfSession& s : reference.sessions) {
    auto action = actions.find(s.action_numero);
    if (action == actions.end()) {
      ++stats.sessions_unknown_action;
      continue;
    }
    auto quals = by_code.find(action->second->code_diplome);
    if (quals == by_code.end()) {
      ++stats.sessions_unknown_qualification;
      continue;
    }
    const size_t k = turn[quals->first]++;
    sessions_of[quals->second[k % quals->second.size()]].push_back(&s);
    ++stats.sessions_kept;
    if (geo.by_insee.find(s.commune_insee) == geo.by_insee.end()) ++stats.sessions_unknown_commune;
  }
  return sessions_of;
}

// Source towns, busiest first (then largest; unknown ones are just smaller), go to the
// region's towns of the same population rank: big training centres land in big towns.
Relocation relocate_towns(const SessionsOf& sessions_of, const Geo& geo) {
  std::map<std::string, int> sessions_in;
  for (const auto& [q, list] : sessions_of)
    for (const PrfSession* s : list) ++sessions_in[s->commune_insee];
  auto population = [&](const std::string& insee) {
    auto it = geo.by_insee.find(insee);
    return it == geo.by_insee.end() ? int64_t{-1} : it->second->population;
  };
  std::vector<std::string> sources;
  for (const auto& [code, n] : sessions_in) sources.push_back(code);
  std::stable_sort(sources.begin(), sources.end(), [&](const std::string& a, const std::string& b) {
    if (sessions_in[a] != sessions_in[b]) return sessions_in[a] > sessions_in[b];
    return population(a) > population(b);
  });
  Relocation relocated;
  for (size_t r = 0; r < sources.size(); ++r) relocated[sources[r]] = geo.region[r % geo.region.size()];
  return relocated;
}

// Guarantee: a masonry (F1703) session near the site. When the relocation put none there, the
// first one is the session to move to the site's town (only that session, so the rest keeps its
// geography); nullptr when one is already near.
const PrfSession* masonry_session_to_pin(const ReferenceData& reference,
                                         const SessionsOf& sessions_of,
                                         const Relocation& relocated, const Geo& geo) {
  const PrfSession* first = nullptr;
  for (const PrfQualification& q : reference.qualifications) {
    auto it = sessions_of.find(&q);
    if (it == sessions_of.end() ||
        std::find(q.trade_codes.begin(), q.trade_codes.end(), "F1703") == q.trade_codes.end())
      continue;
    for (const PrfSession* s : it->second) {
      const Commune* c = relocated.at(s->commune_insee);
      if (distance_km(geo.site->lat, geo.site->lon, c->lat, c->lon) <= 8) return nullptr;
      if (first == nullptr) first = s;
    }
  }
  return first;
}

// What a visitor reads about a region-funded training: who pays, the trades it leads to, the
// level reached and how long it lasts.
std::string training_description(const Training& t, const std::string& trades) {
  std::string text = "Formation financée par la Région, gratuite pour les demandeurs d'emploi.";
  if (!trades.empty()) text += " Elle prépare aux métiers suivants : " + trades + ".";
  if (!t.exit_level.empty() && t.exit_level != "Sans niveau de diplôme")
    text += " Niveau à la sortie : " + t.exit_level + ".";
  text += " Elle dure environ " + std::to_string(t.hours_total) +
          " heures, en centre de formation et en entreprise.";
  return text;
}

}  // namespace

void add_trainings(const ReferenceData& reference, const DemoOptions& options, const Geo& geo,
                   const Words& words, Catalog& catalog, DemoStats& stats) {
  std::unordered_map<std::string, std::string> trade_label;
  for (const Trade& t : reference.trades) trade_label.emplace(t.code, t.label);
  const SessionsOf sessions_of = deal_sessions(reference, geo, stats);
  const Relocation relocated = relocate_towns(sessions_of, geo);
  const PrfSession* pinned = masonry_session_to_pin(reference, sessions_of, relocated, geo);
  auto place_of = [&](const PrfSession* s) -> const Commune& {
    return s == pinned ? *geo.site : *relocated.at(s->commune_insee);
  };

  Rng rng(options.seed, "trainings");
  for (const PrfQualification& q : reference.qualifications) {
    auto it = sessions_of.find(&q);
    if (it == sessions_of.end()) {
      ++stats.qualifications_without_sessions;
      continue;
    }
    const std::vector<const PrfSession*>& list = it->second;
    const Commune& first_place = place_of(list.front());
    Training t;
    t.id = "prf-" + std::to_string(q.numero);
    t.title = clean_prf_title(q.title);
    t.trade_codes = q.trade_codes;
    t.exit_level = plain_exit_level(q.exit_level);
    t.organisation = organisation_name(rng, q.trade_codes.front()[0], q.trade_codes.front(),
                                       first_place);
    t.organisation_siret = siret(rng);
    t.region_funded = true;
    const int days = days_between(list.front()->start, list.front()->end);
    t.hours_total = days <= 10 ? (days + 1) * 7 : std::min(1500, (days * 9 / 2 + 3) / 7 * 7);
    std::string trades;
    for (const std::string& code : q.trade_codes) {
      auto label = trade_label.find(code);
      if (label == trade_label.end()) continue;
      trades += (trades.empty() ? "" : ", ") + lower_first(label->second);
    }
    t.description = training_description(t, trades);

    for (const PrfSession* s : list) {
      const Commune& place = place_of(s);
      TrainingSession session;
      session.id = "prf-" + std::to_string(s->action_numero) + "-" + std::to_string(s->numero);
      session.training_id = t.id;
      session.start = shifted_start(s->start, options.today);
      session.end = add_days(session.start, days_between(s->start, s->end));
      session.commune = place.insee;
      jitter(rng, place.lat, place.lon, 0.8, session.lat, session.lon);
      session.address = street_address(rng, words, place);
      session.registration_open = true;
      session.seats = rng.range(8, 20);
      catalog.training_sessions.push_back(std::move(session));
    }
    catalog.trainings.push_back(std::move(t));
  }
}

}  // namespace demo

}  // namespace eric
