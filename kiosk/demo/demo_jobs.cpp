// Demo generator: the details of one job offer (contract, hours, pay, text), from its trade.
#include <cstdio>

#include "kiosk/core/base/clock.h"
#include "kiosk/demo/demo_internal.h"

namespace eric::demo {

namespace {

bool starts_with_any(const std::string& code, std::initializer_list<const char*> prefixes) {
  for (const char* p : prefixes)
    if (code.rfind(p, 0) == 0) return true;
  return false;
}

struct WorkTime {
  int hours;
  const char* label;
};

WorkTime pick_work_time(Rng& rng, const std::string& code, const std::string& contract) {
  if (contract == "ALT") return {35, "35 h par semaine, en alternance avec un centre de formation"};
  const bool weekend = starts_with_any(code, {"G", "D11", "D15", "J15", "K13", "D12"});
  const bool shifts = starts_with_any(code, {"H", "N11", "I13"});
  const bool night = starts_with_any(code, {"K25", "J15", "N11", "N41"});
  const bool part_time_trade = starts_with_any(code, {"K13", "K22", "D15", "G16", "G18", "G15"});
  if (rng.chance(part_time_trade ? 0.4 : 0.12)) {
    switch (rng.below(4)) {
      case 0: return {20, "20 h par semaine, horaires variables"};
      case 1:
        return weekend ? WorkTime{24, "24 h par semaine, travail le week-end"}
                       : WorkTime{24, "24 h par semaine, horaires normaux"};
      case 2: return {28, "28 h par semaine, horaires normaux"};
      default: return {30, "30 h par semaine, horaires variables"};
    }
  }
  const double u = rng.unit();
  if (weekend && u < 0.35) return {35, "35 h par semaine, travail le week-end"};
  if (shifts && u < 0.35) return {35, "35 h par semaine, travail en équipe (2 x 8)"};
  if (night && u < 0.5) return {35, "35 h par semaine, travail de nuit possible"};
  if (u > 0.85) return {39, "39 h par semaine, horaires normaux"};
  return {35, "35 h par semaine, horaires normaux"};
}

std::string pick_contract(Rng& rng, const std::string& code, int level, int& months) {
  double cdi = 40, cdd = 28, mis = 15, sai = 5, alt = 7;
  if (starts_with_any(code, {"G", "A"})) sai = 20;
  if (starts_with_any(code, {"H", "N1", "N4"})) mis = 28;
  if (level >= 3) {
    mis = 3;
    sai = 0;
    alt = 3;
  }
  const double total = cdi + cdd + mis + sai + alt;
  double u = rng.unit() * total;
  months = 0;
  if ((u -= cdi) < 0) return "CDI";
  if ((u -= cdd) < 0) {
    months = rng.chance(0.6) ? rng.range(1, 6) : rng.range(7, 12);
    return "CDD";
  }
  if ((u -= mis) < 0) {
    months = rng.range(1, 6);
    return "MIS";
  }
  if ((u -= sai) < 0) {
    months = rng.range(2, 6);
    return "SAI";
  }
  months = rng.chance(0.5) ? 12 : 24;
  return "ALT";
}

int round_to(int value, int step) { return (value + step / 2) / step * step; }

std::string salary_label(Rng& rng, int level, int hours, const std::string& contract) {
  if (contract == "ALT") return "Selon l'âge : de 800 € à 1 810 € brut par mois";
  static constexpr int kLow[] = {1810, 1850, 2000, 2600};
  static constexpr int kHigh[] = {1900, 2200, 2700, 3900};
  const int full = rng.range(kLow[level], kHigh[level]);
  if (contract == "MIS") {
    // Interim offers state an hourly rate: monthly pay over 151.67 h.
    const int cents = static_cast<int>(full * 100.0 / 151.67);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%d,%02d € brut de l'heure", cents / 100, cents % 100);
    return buf;
  }
  const int monthly = round_to(full * hours / 35, 10);
  const double u = rng.unit();
  if (u < 0.25) {
    const int upper = round_to(monthly + rng.range(100, 400), 50);
    return "Entre " + group_thousands(monthly) + " € et " + group_thousands(upper) +
           " € brut par mois";
  }
  if (u < 0.3) return "Selon profil, à partir de " + group_thousands(monthly) + " € brut par mois";
  return group_thousands(monthly) + " € brut par mois";
}

std::string experience_label(Rng& rng, int level, const std::string& contract) {
  if (contract == "ALT") return "Débutant accepté";
  static constexpr double kBeginner[] = {0.75, 0.45, 0.25, 0.0};
  if (rng.chance(kBeginner[level])) return "Débutant accepté";
  static constexpr const char* kYears[] = {"6 mois d'expérience", "1 an d'expérience",
                                           "2 ans d'expérience", "3 ans d'expérience",
                                           "5 ans d'expérience"};
  const int lo = level == 0 ? 0 : level - 1 + (level == 3 ? 1 : 0);
  const int hi = level == 0 ? 1 : level + 1;
  return kYears[rng.range(lo, hi)];
}

std::string qualification_label(Rng& rng, int level) {
  switch (level) {
    case 0: return rng.chance(0.7) ? "Aucun diplôme demandé" : "CAP ou BEP souhaité";
    case 1: return rng.chance(0.8) ? "CAP, BEP ou équivalent" : "Aucun diplôme demandé";
    case 2: return rng.chance(0.5) ? "Bac ou équivalent" : "Bac + 2 ou équivalent";
    default: return rng.chance(0.6) ? "Bac + 3 ou plus" : "Bac + 5 ou équivalent";
  }
}

std::string description(Rng& rng, const Job& job, const Trade& trade, const Employer& employer,
                        const Commune& commune) {
  std::string text;
  switch (rng.below(3)) {
    case 0:
      text = "Poste " + de_word(job.title) + " à pourvoir " + a_place(commune.name) + ", chez " +
             employer.name + ".";
      break;
    case 1:
      text = employer.name + " recrute : " + job.title + ", pour son site " +
             de_place(commune.name) + ".";
      break;
    default:
      text = "Nous recherchons : " + job.title + ", pour rejoindre notre équipe " +
             de_place(commune.name) + ".";
      break;
  }
  if (rng.chance(0.7)) text += " Le poste relève du métier « " + trade.label + " ».";
  static constexpr const char* kExtras[] = {
      "Une formation au poste est prévue à votre arrivée.",
      "Le poste est à pourvoir dès que possible.",
      "La tenue de travail est fournie.",
      "Le permis B est souhaité.",
      "L'entreprise est accessible en bus.",
      "Vous travaillerez au sein d'une petite équipe.",
      "Vous serez accompagné par un collègue expérimenté pendant les premières semaines.",
  };
  constexpr int kExtraCount = static_cast<int>(sizeof kExtras / sizeof kExtras[0]);
  const int first = rng.below(kExtraCount);
  text += std::string(" ") + kExtras[first];
  if (employer.fit_for_disabled_workers) {
    text += " L'entreprise accueille volontiers les personnes en situation de handicap.";
  } else if (rng.chance(0.4)) {
    text += std::string(" ") + kExtras[(first + 1 + rng.below(kExtraCount - 1)) % kExtraCount];
  }
  return text;
}

std::string offer_token(Rng& rng) {
  static constexpr char kChars[] = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
  std::string token = std::to_string(rng.range(100, 199));
  for (int i = 0; i < 4; ++i) token += kChars[rng.below(static_cast<int>(sizeof kChars) - 1)];
  return token;
}

}  // namespace

void fill_job(Rng& rng, const DemoOptions& options, const Trade& trade, int level,
              const std::vector<const JobTitle*>& titles, const Employer& employer,
              const Commune& commune, Job& job) {
  if (!titles.empty()) {
    const JobTitle* title = rng.pick(titles);
    job.title = title->label;
    job.job_title_ogr = title->ogr;
  } else {
    job.title = trade.label;
  }
  job.trade_code = trade.code;
  job.employer_id = employer.id;
  job.employer_name = employer.name;
  job.contract_type = pick_contract(rng, trade.code, level, job.contract_duration_months);
  const WorkTime work = pick_work_time(rng, trade.code, job.contract_type);
  job.work_time_label = work.label;
  job.salary_label = salary_label(rng, level, work.hours, job.contract_type);
  job.experience_label = experience_label(rng, level, job.contract_type);
  job.qualification_label = qualification_label(rng, level);
  const double u = rng.unit();
  job.posts = u < 0.8 ? 1 : (u < 0.92 ? 2 : rng.range(3, 5));
  job.commune = commune.insee;
  job.lat = employer.lat;
  job.lon = employer.lon;
  job.place_label = commune.department + " - " + commune.name;
  job.description = description(rng, job, trade, employer, commune);
  job.created_at = add_days(options.today, -rng.below(30));
  job.expires_at = add_days(options.today, rng.range(1, 60));
  if (rng.chance(0.15)) {
    job.origin_url = "https://candidat.francetravail.fr/offres/recherche/detail/" + offer_token(rng);
  } else if (rng.chance(0.25)) {
    job.contact = rng.chance(0.5) ? "Se présenter avec un CV : " + employer.address
                                  : "Par téléphone : " + fictional_phone(rng);
  }
}

}  // namespace eric::demo
