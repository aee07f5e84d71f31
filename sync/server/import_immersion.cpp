// Immersion Facilitée search results (public API v2) -> employer and immersion_offer records:
// each establishment is an employer open to immersions, one offer per job title it welcomes.
#include "sync/server/import_context.h"

namespace eric::server {
namespace {


// "10-19" -> "10 à 19 salariés", "+10000" -> "10 000 salariés ou plus".
std::string size_words(const std::string& range) {
  if (range.empty()) return "";
  if (range == "0") return "Aucun salarié";
  const auto dash = range.find('-');
  auto number = [](std::string_view t) -> std::string {
    auto n = parse_whole(t);
    return n && *n >= 0 ? euro_amount(static_cast<double>(*n)) : "";
  };
  if (range[0] == '+') {
    const std::string n = number(std::string_view(range).substr(1));
    return n.empty() ? "" : n + " salariés ou plus";
  }
  if (dash == std::string::npos) return "";
  const std::string a = number(std::string_view(range).substr(0, dash));
  const std::string b = number(std::string_view(range).substr(dash + 1));
  return a.empty() || b.empty() ? "" : a + " à " + b + " salariés";
}

std::string contact_mode_words(const JsonFields& e) {
  const std::string mode = e.text("contactMode");
  if (mode == "EMAIL") return "email";
  if (mode == "PHONE") return "phone";
  if (mode == "IN_PERSON") return "in_person";
  if (!mode.empty()) e.problem("mode de contact « " + mode + " » inconnu : ignoré.");
  return "";
}

bool fit_for_disabled(const JsonFields& e) {
  // v2 answers a boolean; later versions a word ("yes", "yes-ft-engaged", "no").
  return e.flag("fitForDisabledWorkers") || e.text("fitForDisabledWorkers").rfind("yes", 0) == 0;
}

// The establishment as an employer; false when it cannot be one (no SIRET, name or place).
bool make_employer(const JsonFields& e, Employer& emp, ImportContext& ctx) {
  emp.siret = e.text("siret");
  emp.name = e.text("name");
  if (!is_siret(emp.siret) || emp.name.empty()) {
    e.problem(emp.name.empty() ? "établissement sans nom : écarté."
                               : "SIRET absent ou invalide : établissement écarté.");
    return false;
  }
  emp.naf = e.text("naf");
  emp.naf_label = e.text("nafLabel");
  emp.size_range = size_words(e.text("numberOfEmployeeRange"));
  emp.fit_for_disabled_workers = fit_for_disabled(e);
  std::optional<double> lat, lon;
  if (const auto pos = e.object("position")) {
    JsonFields p(*pos, e.where(), ctx.report);
    lat = p.number("lat");
    lon = p.number("lon");
  }
  std::string postcode;
  if (const auto address = e.object("address")) {
    JsonFields a(*address, e.where(), ctx.report);
    postcode = a.text("postcode");
    const std::string street = a.text("streetNumberAndAddress");
    emp.address = street + (street.empty() ? "" : ", ") + postcode + (postcode.empty() ? "" : " ") +
                  a.text("city");
  }
  const FoundPlace place = find_place(ctx, e.where(), lat, lon, "", postcode);
  if (!place.found) {
    e.problem("établissement sans lieu utilisable : écarté.");
    return false;
  }
  emp.commune = place.insee;
  emp.lat = place.lat;
  emp.lon = place.lon;
  return true;
}

void import_establishment(JsonValue item, const std::string& where, ImportContext& ctx) {
  const JsonFields e(item, where + " (SIRET " + JsonFields(item, where, ctx.report).text("siret") + ")",
                     ctx.report);
  Employer emp;
  if (!make_employer(e, emp, ctx)) {
    ++ctx.report.by_type["employer"].rejected;
    return;
  }
  const std::string rome = e.text("rome");
  if (!is_trade_code(rome)) {
    e.problem("code ROME « " + rome + " » absent ou invalide : établissement écarté.");
    ++ctx.report.by_type["immersion_offer"].rejected;
    return;
  }
  ImmersionOffer base;
  base.employer_id = ctx.sink.put_employer(emp);
  if (base.employer_id.empty()) return;  // a write failure, in the sink's status
  base.trade_code = rome;
  base.what_you_will_do = e.text("additionalInformation", /*keep_lines=*/true);
  base.contact_mode = contact_mode_words(e);
  base.welcome_address = emp.address;
  base.fit_for_disabled_workers = emp.fit_for_disabled_workers;
  std::vector<int64_t> ogrs;
  if (const auto list = e.array("appellations")) {
    for (const auto& a : *list) {
      const auto code = JsonFields(a, e.where(), ctx.report).whole("appellationCode");
      if (code && *code > 0) ogrs.push_back(*code);
      else e.problem("appellation sans code valide : ignorée.");
    }
  }
  if (ogrs.empty()) ogrs.push_back(0);  // the trade as a whole
  for (int64_t ogr : ogrs) {
    ImmersionOffer offer = base;
    offer.job_title_ogr = ogr;
    offer.id = "if-" + emp.siret + "-" + (ogr > 0 ? std::to_string(ogr) : rome);
    ctx.sink.put(Record(std::move(offer)));  // a repeat of the same pair says nothing new
  }
}

}  // namespace

bool import_immersion(const std::string& path, ImportContext& ctx) {
  return for_each_json_record(path, "results", "établissement", "employer", ctx,
                              [&](JsonValue item, const std::string& where) {
                                import_establishment(item, where, ctx);
                              });
}

}  // namespace eric::server
