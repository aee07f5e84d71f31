// Demo generator: immersion offers with their slots, and the site's workshops.
#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "kiosk/core/base/clock.h"
#include "kiosk/demo/demo_internal.h"

namespace eric::demo {

namespace {

std::string hours_for(const std::string& trade_code, Rng& rng) {
  const char family = trade_code.empty() ? '?' : trade_code[0];
  if (family == 'G' || trade_code.rfind("D11", 0) == 0) return "7 h - 14 h";
  if (family == 'A' || family == 'F') return "8 h - 12 h et 13 h - 16 h";
  return rng.chance(0.5) ? "9 h - 17 h" : "9 h - 12 h et 14 h - 17 h";
}

// Presence days counted Monday to Friday from a Monday: the calendar end date.
std::string end_of_presence(const std::string& monday, int days) {
  return add_days(monday, (days - 1) + 2 * ((days - 1) / 5));
}

std::string schedule_label(int days, const std::string& hours) {
  static constexpr const char* kLastDay[] = {"mercredi", "jeudi", "vendredi"};
  const char* last = days >= 5 ? "vendredi" : kLastDay[std::max(0, days - 3)];
  return std::string("du lundi au ") + last + ", " + hours;
}

struct WorkshopKind {
  const char* kind;
  const char* title;
  const char* description;
  const char* bring;
  const char* room;
};

constexpr WorkshopKind kWorkshops[] = {
    {"cv", "Faire son CV",
     "Nous écrivons ensemble votre CV sur ordinateur, pas à pas. Vous repartez avec votre CV "
     "imprimé et enregistré.",
     "Vos diplômes et la liste de vos anciens emplois. Une clé USB si vous en avez une.",
     "Salle informatique"},
    {"cv", "Mettre à jour son CV",
     "Vous avez déjà un CV : nous le relisons avec vous et le rendons plus clair.",
     "Votre CV, sur papier ou sur une clé USB.", "Salle informatique"},
    {"job_search", "Chercher un emploi sur Internet",
     "Vous apprenez à trouver des offres près de chez vous et à y répondre. Nous créons "
     "ensemble des alertes par courriel.",
     "Votre CV et l'adresse de votre boîte mail.", "Salle informatique"},
    {"job_search", "Utiliser son espace France Travail",
     "Vous apprenez à vous connecter à votre espace, à lire vos courriers et à actualiser votre "
     "situation.",
     "Vos identifiants France Travail si vous en avez, et votre téléphone portable.",
     "Salle informatique"},
    {"interview_simulation", "Simulation d'entretien filmée",
     "Vous vous entraînez à un entretien d'embauche avec un animateur. Nous regardons ensuite "
     "la vidéo ensemble pour voir ce qui va bien et ce qui peut s'améliorer.",
     "Votre CV et, si vous en avez une, une offre qui vous intéresse.", "Salle de réunion"},
    {"interview_simulation", "Préparer un entretien d'embauche",
     "Les questions que posent souvent les employeurs, et comment y répondre simplement.",
     "Votre CV.", "Salle de réunion"},
    {"trade_discovery", "Découvrir les métiers du bâtiment",
     "Un professionnel présente son métier, ses horaires, son salaire et les formations pour y "
     "aller. Vous pouvez poser toutes vos questions.",
     "Rien : venez avec vos questions.", "Salle 1"},
    {"trade_discovery", "Découvrir les métiers de l'aide à la personne",
     "Une aide à domicile et une aide-soignante racontent leur journée et les formations "
     "financées par la Région.",
     "Rien : venez avec vos questions.", "Salle 1"},
    {"trade_discovery", "Découvrir les métiers de la logistique",
     "Préparer des commandes, conduire un chariot, gérer un stock : un chef d'équipe présente "
     "les postes qui recrutent près d'ici.",
     "Rien : venez avec vos questions.", "Salle 1"},
    {"digital_basics", "Premiers pas sur ordinateur",
     "Vous apprenez à utiliser la souris et le clavier et à ouvrir une page Internet. Aucune "
     "connaissance n'est demandée.",
     "Rien : tout le matériel est sur place.", "Salle informatique"},
    {"digital_basics", "Créer et utiliser sa boîte mail",
     "Nous créons ensemble votre adresse mail et vous apprenez à envoyer un message avec une "
     "pièce jointe.",
     "Votre téléphone portable.", "Salle informatique"},
    {"digital_basics", "Faire ses démarches en ligne",
     "Vous apprenez à aller sur les sites de l'administration (CAF, Assurance maladie, impôts) "
     "en toute sécurité.",
     "Vos identifiants si vous en avez, et votre téléphone portable.", "Salle informatique"},
};

}  // namespace

void add_immersions(const DemoOptions& options, const Geo& geo,
                    const std::vector<Sector>& sectors, const std::vector<int>& employer_sector,
                    Catalog& catalog) {
  if (options.immersion_employers <= 0 || catalog.employers.empty()) return;
  Rng rng(options.seed, "immersions");
  std::unordered_map<std::string, size_t> employer_index;
  for (size_t e = 0; e < catalog.employers.size(); ++e)
    employer_index.emplace(catalog.employers[e].id, e);
  std::vector<std::vector<size_t>> jobs_of(catalog.employers.size());
  for (size_t j = 0; j < catalog.jobs.size(); ++j) {
    auto it = employer_index.find(catalog.jobs[j].employer_id);
    if (it != employer_index.end()) jobs_of[it->second].push_back(j);
  }
  std::unordered_map<std::string, const Trade*> trades;
  for (const Trade& t : catalog.trades) trades.emplace(t.code, &t);

  std::vector<size_t> candidates;
  for (size_t e = 0; e < catalog.employers.size(); ++e)
    if (!jobs_of[e].empty()) candidates.push_back(e);
  for (size_t i = candidates.size(); i > 1; --i)
    std::swap(candidates[i - 1], candidates[static_cast<size_t>(rng.below(static_cast<int>(i)))]);
  // Guarantee: the first offer is near the site.
  for (size_t i = 0; i < candidates.size(); ++i) {
    const Employer& e = catalog.employers[candidates[i]];
    if (distance_km(geo.site->lat, geo.site->lon, e.lat, e.lon) <= 9) {
      std::swap(candidates[0], candidates[i]);
      break;
    }
  }
  const size_t count = std::min(candidates.size(), static_cast<size_t>(options.immersion_employers));

  const int first_monday = (8 - weekday_of(options.today)) % 7 == 0 ? 7 : (8 - weekday_of(options.today)) % 7;
  for (size_t i = 0; i < count; ++i) {
    const size_t e = candidates[i];
    const Employer& employer = catalog.employers[e];
    const Job& job = catalog.jobs[jobs_of[e][static_cast<size_t>(rng.below(static_cast<int>(jobs_of[e].size())))]];
    ImmersionOffer offer;
    char id[32];
    std::snprintf(id, sizeof id, "demo-imm-%04zu", i + 1);
    offer.id = id;
    offer.employer_id = employer.id;
    offer.trade_code = job.trade_code;
    offer.job_title_ogr = job.job_title_ogr;
    auto trade = trades.find(job.trade_code);
    const std::string label = trade == trades.end() ? job.title : trade->second->label;
    offer.what_you_will_do = "Vous découvrirez le métier « " + label +
                             " » aux côtés d'un professionnel de l'équipe.";
    const Sector& sector = sectors[static_cast<size_t>(employer_sector[e])];
    if (rng.chance(0.8)) offer.what_you_will_do += " Vous participerez " + a_article(sector.task) + ".";
    const double u = rng.unit();
    offer.contact_mode = u < 0.4 ? "email" : (u < 0.75 ? "phone" : "in_person");
    offer.welcome_address = employer.address;
    offer.fit_for_disabled_workers = employer.fit_for_disabled_workers;
    offer.max_requests_per_month = rng.range(2, 10);

    std::vector<int> weeks = {0, 1, 2, 3, 4, 5, 6, 7};
    const int slots = rng.range(2, 5);
    for (int w = 0; w < slots; ++w)
      std::swap(weeks[static_cast<size_t>(w)], weeks[static_cast<size_t>(w + rng.below(8 - w))]);
    std::sort(weeks.begin(), weeks.begin() + slots);
    const std::string hours = hours_for(offer.trade_code, rng);
    for (int w = 0; w < slots; ++w) {
      ImmersionSlot slot;
      slot.id = offer.id + "-" + std::to_string(w + 1);
      slot.offer_id = offer.id;
      slot.start = add_days(options.today, first_monday + 7 * weeks[static_cast<size_t>(w)]);
      slot.days = rng.range(3, 10);
      slot.end = end_of_presence(slot.start, slot.days);
      slot.schedule_label = schedule_label(slot.days, hours);
      slot.capacity = rng.range(1, 3);
      const double t = rng.unit();
      slot.taken = t < 0.75 ? 0 : (t < 0.85 ? slot.capacity : rng.below(slot.capacity));
      catalog.immersion_slots.push_back(std::move(slot));
    }
    catalog.immersion_offers.push_back(std::move(offer));
  }
}

void add_workshops(const DemoOptions& options, const Words& words, Catalog& catalog) {
  if (catalog.sites.empty()) return;
  Rng rng(options.seed, "workshops");
  const std::string tomorrow = add_days(options.today, 1);
  constexpr int kWindow = 28;
  constexpr int kKinds = static_cast<int>(sizeof kWorkshops / sizeof kWorkshops[0]);
  int previous = -1;
  // Week by week (Monday first): 3 to 5 weekdays get one workshop, tomorrow always does.
  const int offset_to_monday = (weekday_of(options.today) + 6) % 7;
  for (int week_start = -offset_to_monday; week_start < kWindow; week_start += 7) {
    std::vector<std::string> days;
    for (int d = week_start; d < week_start + 5; ++d)
      if (d >= 0 && d < kWindow) days.push_back(add_days(options.today, d));
    if (days.empty()) continue;
    for (size_t i = days.size(); i > 1; --i)
      std::swap(days[i - 1], days[static_cast<size_t>(rng.below(static_cast<int>(i)))]);
    auto has_tomorrow = std::find(days.begin(), days.end(), tomorrow);
    if (has_tomorrow != days.end()) std::iter_swap(days.begin(), has_tomorrow);
    const size_t count = std::min(days.size(), static_cast<size_t>(rng.range(3, 5)));
    days.resize(count);
    std::sort(days.begin(), days.end());
    for (const std::string& day : days) {
      int k = rng.below(kKinds);
      if (k == previous) k = (k + 1) % kKinds;
      previous = k;
      const WorkshopKind& kind = kWorkshops[k];
      const bool morning = rng.chance(0.5);
      Workshop w;
      w.site_id = options.site_id;
      w.id = options.site_id + "-ws-" + day + (morning ? "-0930" : "-1400");
      w.kind = kind.kind;
      w.title = kind.title;
      w.plain_description = kind.description;
      w.what_to_bring = kind.bring;
      w.animator = rng.pick(words.animators);
      w.start = day + (morning ? " 09:30" : " 14:00");
      w.end = day + (morning ? " 11:30" : " 16:00");
      w.capacity = rng.range(6, 12);
      w.taken = rng.chance(0.3) ? 0 : rng.below(w.capacity);
      w.place = kind.room;
      catalog.workshops.push_back(std::move(w));
    }
  }
  // One full workshop, so that the kiosk's "complet" state shows in the demo.
  if (!catalog.workshops.empty()) {
    Workshop& full = catalog.workshops[std::min<size_t>(2, catalog.workshops.size() - 1)];
    full.taken = full.capacity;
  }
}

}  // namespace eric::demo
