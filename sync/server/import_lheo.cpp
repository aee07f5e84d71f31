// LHEO 2.x training offers (the Carif-Oref's XML) -> training and training_session records.
// The file is read with libxml2's streaming reader: one `formation` element at a time is
// expanded into a small tree, used, then freed as the reader moves on, so a 200 MB export never
// sits in memory whole.
#include <libxml/xmlreader.h>

#include <cstring>
#include <memory>

#include "sync/server/import_context.h"
#include "sync/server/xml_input.h"

namespace eric::server {
namespace {

// LHEO's dict-financeurs: codes 0 to 17; 2 is "Collectivité territoriale - Conseil régional".
constexpr int64_t kRegionFunderCode = 2;
constexpr int64_t kLastFunderCode = 17;
constexpr int kMaxXmlProblems = 100;  // past that, one malformed file would drown the report

struct ReaderFree {
  void operator()(xmlTextReader* r) const { xmlFreeTextReader(r); }
};
struct XmlCharFree {
  void operator()(xmlChar* p) const { xmlFree(p); }
};
using XmlText = std::unique_ptr<xmlChar, XmlCharFree>;

bool named(const xmlNode* n, const char* name) {
  return n && n->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

const xmlNode* child(const xmlNode* parent, const char* name) {
  if (!parent) return nullptr;
  for (const xmlNode* c = parent->children; c; c = c->next) {
    if (named(c, name)) return c;
  }
  return nullptr;
}

// Follows a path of child names ("periode/debut" as {"periode", "debut"}).
const xmlNode* path(const xmlNode* n, std::initializer_list<const char*> names) {
  for (const char* name : names) n = child(n, name);
  return n;
}

std::string raw_text(const xmlNode* n) {
  if (!n) return "";
  XmlText t(xmlNodeGetContent(n));
  return t ? std::string(reinterpret_cast<const char*>(t.get())) : std::string();
}

// An element's text, cleaned; "-" (LHEO's "nothing to say") counts as empty.
std::string text(const xmlNode* n) {
  CleanText t = clean_text(raw_text(n));
  if (t.text == "-") t.text.clear();
  return std::move(t.text);
}

std::string attribute(const xmlNode* n, const char* name) {
  XmlText t(xmlGetProp(n, reinterpret_cast<const xmlChar*>(name)));
  return t ? clean_text(reinterpret_cast<const char*>(t.get())).text : std::string();
}

// LHEO's dict-niveaux in the words of the terminal.
std::string level_words(const std::string& code, bool entry) {
  if (code == "1") return entry ? "Sans niveau exigé" : "Sans niveau spécifique";
  if (code == "2") return "Savoirs de base";
  if (code == "3") return "Fin de collège (sans diplôme)";
  if (code == "4") return "CAP ou BEP (niveau 3)";
  if (code == "5") return "Bac (niveau 4)";
  if (code == "6") return "Bac + 2 (niveau 5)";
  if (code == "7") return "Bac + 3 ou bac + 4 (niveau 6)";
  if (code == "8") return "Bac + 5 ou plus (niveau 7)";
  return "";
}

struct FormationReader {
  const xmlNode* formation;
  std::string where;  // "file.xml:LINE (formation N)"
  ImportContext& ctx;

  void problem(const std::string& sentence) const { ctx.report.problem(where, sentence); }
};

void read_description(const FormationReader& f, Training& t) {
  for (const char* field : {"objectif-formation", "resultats-attendus", "contenu-formation"}) {
    const std::string part = html_to_text(raw_text(child(f.formation, field)));
    if (part.empty() || part == "-") continue;
    if (!t.description.empty()) t.description += "\n\n";
    t.description += part;
  }
}

void read_trades(const FormationReader& f, Training& t) {
  const xmlNode* domain = child(f.formation, "domaine-formation");
  for (const xmlNode* c = domain ? domain->children : nullptr; c; c = c->next) {
    if (!named(c, "code-ROME")) continue;
    const std::string code = text(c);
    if (is_trade_code(code)) t.trade_codes.push_back(code);
    else f.problem("code ROME « " + code + " » invalide : ignoré.");
  }
}

void read_organisation(const FormationReader& f, Training& t) {
  const xmlNode* org = child(f.formation, "organisme-formation-responsable");
  if (!org) return;
  t.organisation = text(child(org, "raison-sociale"));
  if (t.organisation.empty()) t.organisation = text(child(org, "nom-organisme"));
  const std::string siret = text(path(org, {"SIRET-organisme-formation", "SIRET"}));
  if (is_siret(siret)) t.organisation_siret = siret;
  else if (!siret.empty()) f.problem("SIRET de l'organisme « " + siret + " » invalide : ignoré.");
}

// The Region's funding of an action, from its funders checked against dict-financeurs.
bool region_funds(const FormationReader& f, const xmlNode* action) {
  bool region = false;
  for (const xmlNode* c = action->children; c; c = c->next) {
    if (!named(c, "organisme-financeur")) continue;
    const std::string code = text(child(c, "code-financeur"));
    const auto n = parse_whole(code);
    if (!n || *n < 0 || *n > kLastFunderCode) {
      f.problem("code financeur « " + code + " » absent du dictionnaire LHEO : ignoré.");
    } else if (*n == kRegionFunderCode) {
      region = true;
    }
  }
  return region;
}

struct ActionPlace {
  FoundPlace place;
  std::string address;
};

ActionPlace action_place(const FormationReader& f, const xmlNode* action) {
  ActionPlace p;
  const xmlNode* address = path(action, {"lieu-de-formation", "coordonnees", "adresse"});
  if (!address) return p;
  for (const xmlNode* c = address->children; c; c = c->next) {
    if (named(c, "ligne")) p.address += (p.address.empty() ? "" : ", ") + text(c);
  }
  const std::string postal = text(child(address, "codepostal"));
  const std::string town = text(child(address, "ville"));
  p.address += (p.address.empty() ? "" : ", ") + postal + (postal.empty() ? "" : " ") + town;
  const xmlNode* geo = child(address, "geolocalisation");
  std::optional<double> lat, lon;
  if (geo) {
    lat = parse_decimal(text(child(geo, "latitude")));
    lon = parse_decimal(text(child(geo, "longitude")));
  }
  p.place = find_place(f.ctx, f.where, lat, lon, text(child(address, "code-INSEE-commune")), postal);
  return p;
}

// Sessions of one action that are not over: dates checked, the action's place.
void read_sessions(const FormationReader& f, const xmlNode* action, const std::string& action_id,
                   const std::string& training_id, int seats) {
  const ActionPlace place = action_place(f, action);
  int rank = 0;
  for (const xmlNode* s = action->children; s; s = s->next) {
    if (!named(s, "session")) continue;
    ++rank;
    TrainingSession ts;
    std::string number = attribute(s, "numero");
    if (!is_record_key(number)) number = std::to_string(rank);
    ts.id = "lheo-" + action_id + "-" + number;
    ts.training_id = training_id;
    const auto start = date_from_yyyymmdd(text(path(s, {"periode", "debut"})));
    const auto end = date_from_yyyymmdd(text(path(s, {"periode", "fin"})));
    if (!start) {
      f.problem("session " + number + " : date de début absente ou invalide : session écartée.");
      ++f.ctx.report.by_type["training_session"].rejected;
      continue;
    }
    ts.start = *start;
    if (end) ts.end = *end;
    else f.problem("session " + number + " : date de fin absente ou invalide : ignorée.");
    if ((end ? *end : *start) < f.ctx.today) {
      f.ctx.report.note("sessions déjà terminées, écartées");
      continue;
    }
    if (!place.place.found) {
      f.problem("session " + number + " : lieu introuvable (ni coordonnées, ni commune) : écartée.");
      ++f.ctx.report.by_type["training_session"].rejected;
      continue;
    }
    ts.commune = place.place.insee;
    ts.lat = place.place.lat;
    ts.lon = place.place.lon;
    ts.address = place.address;
    const std::string state = text(child(s, "etat-recrutement"));
    ts.registration_open = state != "2" && state != "3";  // dict: 1 ouvert, 2 fermé, 3 suspendu
    ts.seats = seats;
    f.ctx.sink.put(Record(std::move(ts)));
  }
}

void read_actions(const FormationReader& f, Training& t) {
  int rank = 0;
  for (const xmlNode* a = f.formation->children; a; a = a->next) {
    if (!named(a, "action")) continue;
    ++rank;
    std::string id = attribute(a, "numero");
    if (!is_record_key(id)) id = t.id.substr(5) + "-" + std::to_string(rank);
    if (region_funds(f, a)) t.region_funded = true;
    const auto hours = parse_whole(text(child(a, "nombre-heures-total")));
    if (hours && *hours > 0 && *hours < 10000) t.hours_total = std::max(t.hours_total, static_cast<int>(*hours));
    int seats = 0;
    for (const xmlNode* c = a->children; c; c = c->next) {
      if (!named(c, "organisme-financeur")) continue;
      const auto n = parse_whole(text(child(c, "nb-places-financees")));
      if (n && *n > 0 && *n < 10000) seats += static_cast<int>(*n);
    }
    read_sessions(f, a, id, t.id, seats);
  }
}

void import_formation(const xmlNode* formation, const std::string& where, ImportContext& ctx) {
  const std::string number = attribute(formation, "numero");
  FormationReader f{formation, where + (number.empty() ? "" : " (formation " + number + ")"), ctx};
  ImportCounts& counts = ctx.report.by_type["training"];
  Training t;
  t.title = text(child(formation, "intitule-formation"));
  if (!is_record_key(number) || t.title.empty()) {
    f.problem(t.title.empty() ? "formation sans intitulé : écartée."
                              : "formation sans numéro valide : écartée.");
    ++counts.rejected;
    return;
  }
  t.id = "lheo-" + number;
  t.region_funded = false;
  read_trades(f, t);
  if (t.trade_codes.empty()) ctx.report.note("formations sans code ROME (liées à aucun métier)");
  read_description(f, t);
  t.rncp = text(path(formation, {"certification", "code-RNCP"}));
  t.certifinfo = text(path(formation, {"certification", "code-CERTIFINFO"}));
  t.entry_level = level_words(text(child(formation, "code-niveau-entree")), true);
  t.exit_level = level_words(text(child(formation, "code-niveau-sortie")), false);
  read_organisation(f, t);
  read_actions(f, t);  // sessions go first: the training record then knows its funding
  if (!ctx.sink.put(Record(std::move(t))) && ctx.sink.status()) {
    f.problem("formation en double dans l'import : la première est gardée.");
    ++counts.rejected;
  }
}

struct XmlErrors {
  ImportContext* ctx;
  std::string file;
  int count = 0;
};

void on_xml_error(void* arg, xmlErrorPtr error) {
  auto* e = static_cast<XmlErrors*>(arg);
  if (!error || ++e->count > kMaxXmlProblems) return;
  std::string message = error->message ? clean_text(error->message).text : "erreur inconnue";
  e->ctx->report.problem(e->file + ":" + std::to_string(error->line),
                         "XML mal formé (" + message + ").");
}

void report_repaired_bytes(const Utf8RepairingInput& input, const std::string& name, ImportContext& ctx) {
  std::string lines;
  for (int64_t line : input.repaired_lines()) lines += (lines.empty() ? "" : ", ") + std::to_string(line);
  if (input.repaired_line_count() > static_cast<int64_t>(input.repaired_lines().size())) lines += "...";
  ctx.report.problem(name + ":" + std::to_string(input.repaired_lines().front()),
                     "UTF-8 invalide sur " + std::to_string(input.repaired_line_count()) +
                         " ligne(s) (" + lines + ") : les octets fautifs sont remplacés.");
}

}  // namespace

bool import_lheo(const std::string& file_path, ImportContext& ctx) {
  const auto slash = file_path.rfind('/');
  const std::string name = slash == std::string::npos ? file_path : file_path.substr(slash + 1);
  // No network, no entity expansion (a hostile file cannot reach out or blow up); big line
  // numbers so the report points to the right line of a large file.
  Utf8RepairingInput input(file_path);
  auto read = [](void* context, char* buffer, int len) {
    return static_cast<Utf8RepairingInput*>(context)->read(buffer, len);
  };
  auto close = [](void*) { return 0; };
  std::unique_ptr<xmlTextReader, ReaderFree> reader(
      input.ok() ? xmlReaderForIO(read, close, &input, name.c_str(), nullptr,
                                  XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT | XML_PARSE_RECOVER)
                 : nullptr);
  if (!reader) {
    ctx.report.problem(name, "fichier introuvable ou illisible.");
    return false;
  }
  XmlErrors errors{&ctx, name};
  xmlTextReaderSetStructuredErrorHandler(reader.get(), on_xml_error, &errors);
  bool root_checked = false, is_lheo = false;
  int rc = xmlTextReaderRead(reader.get());
  while (rc == 1) {
    if (xmlTextReaderNodeType(reader.get()) != XML_READER_TYPE_ELEMENT) {
      rc = xmlTextReaderRead(reader.get());
      continue;
    }
    const char* local = reinterpret_cast<const char*>(xmlTextReaderConstLocalName(reader.get()));
    if (!root_checked) {
      root_checked = true;
      is_lheo = local && std::strcmp(local, "lheo") == 0;
      if (!is_lheo) break;
    }
    if (local && std::strcmp(local, "formation") == 0) {
      // Its line before the reader moves on (expanding reads ahead).
      const std::string where =
          name + ":" + std::to_string(xmlGetLineNo(xmlTextReaderCurrentNode(reader.get())));
      const xmlNode* node = xmlTextReaderExpand(reader.get());
      if (node) import_formation(node, where, ctx);
      else ctx.report.problem(where, "formation illisible (XML mal formé tout près) : écartée.");
      rc = xmlTextReaderNext(reader.get());
    } else {
      rc = xmlTextReaderRead(reader.get());
    }
  }
  if (input.repaired_line_count() > 0) report_repaired_bytes(input, name, ctx);
  if (root_checked && !is_lheo) {
    ctx.report.problem(name, "ce fichier n'est pas une offre LHEO (élément racine <lheo> attendu) : rien n'est lu.");
    return false;
  }
  if (rc < 0) ctx.report.problem(name, "lecture arrêtée sur une erreur XML : les formations lues avant sont gardées.");
  return root_checked;
}

}  // namespace eric::server
