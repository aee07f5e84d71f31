// France Travail job offers ("Offres d'emploi v2") -> job and employer records of the feed,
// with plain French words for what the terminal shows (see data-sources.md, section 1).
#include "sync/server/import_context.h"

namespace eric::server {
namespace {


// The employer of an offer, with its SIRET when it has a valid one; none for an anonymous
// offer. The first offer that names an employer says what France Travail knows of it.
void employer_of(const JsonFields& offer, const FoundPlace& place, Job& job, ImportContext& ctx) {
  const auto company = offer.object("entreprise");
  if (!company) return;
  JsonFields e(*company, offer.where(), ctx.report);
  Employer emp;
  emp.name = e.text("nom");
  emp.siret = e.text("siret");
  if (!emp.siret.empty() && !is_siret(emp.siret)) {
    offer.problem("SIRET « " + emp.siret + " » invalide (14 chiffres attendus) : ignoré.");
    emp.siret.clear();
  }
  if (emp.name.empty()) return;  // an anonymous offer shows no employer
  job.employer_name = emp.name;
  if (auto id = ctx.sink.employer_seen(emp.siret)) {
    job.employer_id = std::move(*id);
    return;
  }
  emp.naf = offer.text("codeNAF");
  emp.naf_label = offer.text("secteurActiviteLibelle");
  emp.size_range = offer.text("trancheEffectifEtab");
  emp.fit_for_disabled_workers = e.flag("entrepriseAdaptee");
  // France Travail gives no address for the employer: it is placed where the job is.
  emp.commune = place.insee;
  emp.lat = place.lat;
  emp.lon = place.lon;
  job.employer_id = ctx.sink.put_employer(std::move(emp));
}

std::string contact_of(const JsonFields& offer, ImportContext& ctx) {
  const auto contact = offer.object("contact");
  if (!contact) return "";
  JsonFields c(*contact, offer.where(), ctx.report);
  std::string out;
  for (const char* field : {"nom", "coordonnees1", "coordonnees2", "coordonnees3", "telephone",
                            "courriel", "urlPostulation"}) {
    const std::string v = c.text(field);
    if (!v.empty()) out += (out.empty() ? "" : "\n") + v;
  }
  return out;
}

std::string salary_of(const JsonFields& offer, ImportContext& ctx) {
  const auto salary = offer.object("salaire");
  if (!salary) return "";
  JsonFields s(*salary, offer.where(), ctx.report);
  const std::string label = s.text("libelle");
  std::string words = salary_words(label);
  if (words.empty()) words = label;
  if (words.empty()) words = s.text("commentaire");
  if (words.empty()) words = s.text("complement1");
  return words;
}

std::string experience_of(const JsonFields& offer) {
  std::string label = offer.text("experienceLibelle");
  if (!label.empty()) return label;
  const std::string code = offer.text("experienceExige");
  if (code == "D") return "Débutant accepté";
  if (code == "E") return "Expérience exigée";
  if (code == "S") return "Expérience souhaitée";
  return "";
}

// Where the job is: required, so an offer with no usable place is left out (false).
bool place_of(const JsonFields& offer, Job& job, FoundPlace& place, ImportContext& ctx) {
  const auto where = offer.object("lieuTravail");
  std::optional<double> lat, lon;
  std::string insee, postal, label;
  if (where) {
    JsonFields w(*where, offer.where(), ctx.report);
    lat = w.number("latitude");
    lon = w.number("longitude");
    insee = w.text("commune");
    postal = w.text("codePostal");
    label = w.text("libelle");
  }
  place = find_place(ctx, offer.where(), lat, lon, insee, postal);
  if (!place.found) {
    offer.problem("offre sans lieu utilisable (ni coordonnées, ni commune connue) : écartée.");
    return false;
  }
  job.commune = place.insee;
  job.lat = place.lat;
  job.lon = place.lon;
  job.place_label = place.commune_name.empty() ? label : place.commune_name;
  return true;
}

void words_of(const JsonFields& offer, Job& job) {
  const ContractWords contract = contract_words_ft(
      offer.text("typeContrat"), offer.text("typeContratLibelle"), offer.flag("alternance"));
  job.contract_type = contract.type;
  job.contract_duration_months = contract.months;
  job.work_time_label =
      work_time_words(offer.text("dureeTravailLibelle"), offer.text("dureeTravailLibelleConverti"));
  job.experience_label = experience_of(offer);
  job.qualification_label = offer.text("qualificationLibelle");
}

void dates_and_counts_of(const JsonFields& offer, Job& job) {
  const std::string created = offer.text("dateCreation");
  if (auto d = date_from_iso(created)) job.created_at = *d;
  else if (!created.empty()) offer.problem("date de création « " + created + " » illisible : ignorée.");
  if (auto posts = offer.whole("nombrePostes")) {
    if (*posts >= 1 && *posts <= 10000) job.posts = static_cast<int>(*posts);
    else offer.problem("nombre de postes " + std::to_string(*posts) + " hors limites : 1 retenu.");
  }
}

void import_offer(JsonValue item, const std::string& where, ImportContext& ctx) {
  ImportCounts& jobs = ctx.report.by_type["job"];
  const std::string id = JsonFields(item, where, ctx.report).text("id");
  const JsonFields offer(item, id.empty() ? where : where + " (offre " + id + ")", ctx.report);
  if (!is_record_key(id)) {
    offer.problem(id.empty() ? "offre sans identifiant : écartée." : "identifiant invalide : offre écartée.");
    ++jobs.rejected;
    return;
  }
  Job job;
  job.id = "ft-" + id;
  job.source = "ft";
  job.title = offer.text("intitule");
  if (job.title.empty()) {
    offer.problem("offre sans intitulé : écartée.");
    ++jobs.rejected;
    return;
  }
  FoundPlace place;
  if (!place_of(offer, job, place, ctx)) {
    ++jobs.rejected;
    return;
  }
  const std::string rome = offer.text("romeCode");
  if (is_trade_code(rome)) job.trade_code = rome;
  else if (!rome.empty()) offer.problem("code ROME « " + rome + " » invalide : ignoré.");
  job.job_title_ogr = ctx.reference.ogr_by_label(offer.text("appellationlibelle"));
  job.description = offer.text("description", /*keep_lines=*/true);
  words_of(offer, job);
  job.salary_label = salary_of(offer, ctx);
  dates_and_counts_of(offer, job);
  job.contact = contact_of(offer, ctx);
  if (const auto origin = offer.object("origineOffre")) {
    const std::string url = JsonFields(*origin, offer.where(), ctx.report).text("urlOrigine");
    if (auto u = web_address(url)) job.origin_url = *u;
    else if (!url.empty()) offer.problem("adresse de l'offre invalide : ignorée.");
  }
  employer_of(offer, place, job, ctx);
  if (!ctx.sink.put(Record(std::move(job))) && ctx.sink.status()) {
    offer.problem("offre en double dans l'import : la première est gardée.");
    ++jobs.rejected;
  }
}

}  // namespace

bool import_ft_offers(const std::string& path, ImportContext& ctx) {
  return for_each_json_record(path, "resultats", "offre", "job", ctx,
                              [&](JsonValue item, const std::string& where) {
                                import_offer(item, where, ctx);
                              });
}

}  // namespace eric::server
