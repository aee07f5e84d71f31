// The store's opening, reference lists (families, trades), counts and single-record reads.
#include "kiosk/core/storage/store.h"

#include <filesystem>
#include <system_error>

#include "kiosk/core/base/text_fold.h"
#include "kiosk/core/storage/schema.h"
#include "kiosk/core/storage/store_internal.h"

namespace eric {

namespace store_detail {

std::string fts_match_expression(std::string_view typed, std::string_view columns) {
  const std::string folded = fold_text(typed);
  if (folded.empty()) return {};
  std::string expr = "{";
  expr += columns;
  expr += "} : (";
  size_t start = 0;
  while (start < folded.size()) {
    size_t end = folded.find(' ', start);
    const bool last = end == std::string::npos;
    if (last) end = folded.size();
    // Folded text holds no quote or operator characters: each word is a plain string.
    expr += '"';
    expr.append(folded, start, end - start);
    expr += '"';
    if (last) expr += '*';
    else expr += ' ';
    start = end + 1;
  }
  expr += ')';
  return expr;
}

Job read_job(const Statement& s, int c) {
  Job j;
  j.id = s.col_text(c + 0);
  j.source = s.col_text(c + 1);
  j.title = s.col_text(c + 2);
  j.trade_code = s.col_text(c + 3);
  j.job_title_ogr = s.col_int(c + 4);
  j.employer_id = s.col_text(c + 5);
  j.employer_name = s.col_text(c + 6);
  j.description = s.col_text(c + 7);
  j.contract_type = s.col_text(c + 8);
  j.contract_duration_months = static_cast<int>(s.col_int(c + 9));
  j.work_time_label = s.col_text(c + 10);
  j.salary_label = s.col_text(c + 11);
  j.experience_label = s.col_text(c + 12);
  j.qualification_label = s.col_text(c + 13);
  j.posts = static_cast<int>(s.col_int(c + 14));
  j.commune = s.col_text(c + 15);
  j.lat = s.col_double(c + 16);
  j.lon = s.col_double(c + 17);
  j.place_label = s.col_text(c + 18);
  j.origin_url = s.col_text(c + 19);
  j.contact = s.col_text(c + 20);
  j.created_at = s.col_text(c + 21);
  j.expires_at = s.col_text(c + 22);
  return j;
}

Employer read_employer(const Statement& s, int c) {
  Employer e;
  e.id = s.col_text(c + 0);
  e.name = s.col_text(c + 1);
  e.siret = s.col_text(c + 2);
  e.naf = s.col_text(c + 3);
  e.naf_label = s.col_text(c + 4);
  e.commune = s.col_text(c + 5);
  e.address = s.col_text(c + 6);
  e.lat = s.col_double(c + 7);
  e.lon = s.col_double(c + 8);
  e.size_range = s.col_text(c + 9);
  e.fit_for_disabled_workers = s.col_int(c + 10) != 0;
  return e;
}

TrainingSession read_session(const Statement& s, int c) {
  TrainingSession t;
  t.id = s.col_text(c + 0);
  t.training_id = s.col_text(c + 1);
  t.start = s.col_text(c + 2);
  t.end = s.col_text(c + 3);
  t.commune = s.col_text(c + 4);
  t.lat = s.col_double(c + 5);
  t.lon = s.col_double(c + 6);
  t.address = s.col_text(c + 7);
  t.registration_open = s.col_int(c + 8) != 0;
  t.seats = static_cast<int>(s.col_int(c + 9));
  return t;
}

Site read_site(const Statement& s, int c) {
  Site site;
  site.id = s.col_text(c + 0);
  site.name = s.col_text(c + 1);
  site.commune = s.col_text(c + 2);
  site.address = s.col_text(c + 3);
  site.lat = s.col_double(c + 4);
  site.lon = s.col_double(c + 5);
  site.opening_hours = s.col_text(c + 6);
  site.phone = s.col_text(c + 7);
  return site;
}

}  // namespace store_detail

using namespace store_detail;

Status prepare_data_dir(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) {
    return Status::error("data_dir", "Le dossier de données " + dir + " ne peut pas être créé (" +
                                         ec.message() + ").");
  }
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
  if (ec) {
    return Status::error("data_dir", "Les droits du dossier " + dir +
                                         " ne peuvent pas être réglés (" + ec.message() + ").");
  }
  return Status::success();
}

std::unique_ptr<Database> open_store(const std::string& path, Status& status,
                                     const OpenOptions& options) {
  auto db = Database::open(path, status, options);
  if (!db) return nullptr;
  if (!options.read_only) {
    status = migrate(*db);
    if (!status.ok) return nullptr;
  }
  return db;
}

std::vector<TradeFamily> trade_families() {
  return {
      {'A', "Agriculture, nature, animaux"},
      {'B', "Art et artisanat"},
      {'C', "Banque, assurance, immobilier"},
      {'D', "Commerce, vente"},
      {'E', "Communication, médias, multimédia"},
      {'F', "Bâtiment, travaux publics"},
      {'G', "Hôtellerie, restauration, tourisme, loisirs"},
      {'H', "Industrie"},
      {'I', "Installation, maintenance"},
      {'J', "Santé"},
      {'K', "Services à la personne et à la collectivité"},
      {'L', "Spectacle"},
      {'M', "Support à l'entreprise"},
      {'N', "Transport, logistique"},
  };
}

std::vector<TradeItem> trades_of_family(Database& db, char letter) {
  std::vector<TradeItem> out;
  Statement s(db,
              "SELECT t.code, t.label, t.description, "
              "coalesce((SELECT job_count FROM trade_stats s WHERE s.trade_code = t.code), 0) "
              "FROM trades t WHERE t.code >= ?1 AND t.code < ?2 ORDER BY t.label_folded, t.code");
  const std::string lo(1, letter);
  const std::string hi(1, static_cast<char>(letter + 1));
  s.bind(1, lo).bind(2, hi);
  while (s.step()) {
    TradeItem item;
    item.trade.code = s.col_text(0);
    item.trade.label = s.col_text(1);
    item.trade.description = s.col_text(2);
    item.job_count = s.col_int(3);
    out.push_back(std::move(item));
  }
  return out;
}

std::optional<Trade> trade_by_code(Database& db, std::string_view code) {
  Statement s(db, "SELECT code, label, description FROM trades WHERE code = ?1");
  s.bind(1, code);
  if (!s.step()) return std::nullopt;
  Trade t;
  t.code = s.col_text(0);
  t.label = s.col_text(1);
  t.description = s.col_text(2);
  return t;
}

CatalogCounts catalog_counts(Database& db) {
  CatalogCounts c;
  Statement s(db,
              "SELECT (SELECT count(*) FROM communes), (SELECT count(*) FROM trades),"
              "(SELECT count(*) FROM job_titles), (SELECT count(*) FROM employers),"
              "(SELECT count(*) FROM jobs), (SELECT count(*) FROM trainings),"
              "(SELECT count(*) FROM training_sessions), (SELECT count(*) FROM immersion_offers),"
              "(SELECT count(*) FROM immersion_slots), (SELECT count(*) FROM sites),"
              "(SELECT count(*) FROM workshops),"
              "(SELECT value FROM sync_state WHERE key = 'catalog_updated_at')");
  if (!s.step()) return c;
  c.communes = s.col_int(0);
  c.trades = s.col_int(1);
  c.job_titles = s.col_int(2);
  c.employers = s.col_int(3);
  c.jobs = s.col_int(4);
  c.trainings = s.col_int(5);
  c.training_sessions = s.col_int(6);
  c.immersion_offers = s.col_int(7);
  c.immersion_slots = s.col_int(8);
  c.sites = s.col_int(9);
  c.workshops = s.col_int(10);
  c.updated_at = s.col_text(11);
  return c;
}

std::optional<Commune> commune_by_insee(Database& db, std::string_view insee) {
  Statement s(db,
              "SELECT insee, name, department, region, population, lat, lon FROM communes "
              "WHERE insee = ?1");
  s.bind(1, insee);
  if (!s.step()) return std::nullopt;
  Commune c;
  c.insee = s.col_text(0);
  c.name = s.col_text(1);
  c.department = s.col_text(2);
  c.region = s.col_text(3);
  c.population = s.col_int(4);
  c.lat = s.col_double(5);
  c.lon = s.col_double(6);
  Statement p(db,
              "SELECT postal_code FROM commune_postal_codes WHERE insee = ?1 ORDER BY postal_code");
  p.bind(1, insee);
  while (p.step()) c.postal_codes.push_back(p.col_text(0));
  return c;
}

std::optional<Site> site_by_id(Database& db, std::string_view id) {
  Statement s(db, std::string("SELECT ") + kSiteColumns + " FROM sites WHERE id = ?1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_site(s, 0);
}

std::vector<Site> all_sites(Database& db) {
  std::vector<Site> out;
  Statement s(db, std::string("SELECT ") + kSiteColumns + " FROM sites ORDER BY name, id");
  while (s.step()) out.push_back(read_site(s, 0));
  return out;
}

}  // namespace eric
