// The catalog pull of a sync: download every page (staged in a TEMP table of this connection,
// which takes no lock on the main database), then apply them all in one transaction together
// with the new cursor, so readers see the old catalog or the new one, never a mix.
#include <nlohmann/json.hpp>

#include "sync/client_internal.h"

namespace eric {
namespace {

std::string url_encode(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

// Reads cursor / full / has_more and counts the changes without building them: the records
// are parsed once, at apply time.
Status read_page_header(const std::string& body, CatalogPage& page, int64_t& changes) {
  changes = 0;
  using E = nlohmann::json::parse_event_t;
  auto j = nlohmann::json::parse(
      body,
      [&changes](int depth, E event, nlohmann::json&) {
        if (event == E::object_start && depth == 2) ++changes;
        return depth < 2;
      },
      /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return Status::error("malformed_response", "Le serveur a envoyé une réponse illisible.");
  }
  const Status bad = Status::error("malformed_response", "Le serveur a envoyé une page de catalogue incomplète.");
  auto cursor = j.find("cursor");
  auto changes_it = j.find("changes");
  if (cursor == j.end() || !cursor->is_string() || changes_it == j.end() || !changes_it->is_array()) {
    return bad;
  }
  page.cursor = cursor->get<std::string>();
  auto full = j.find("full");
  auto more = j.find("has_more");
  if ((full != j.end() && !full->is_boolean()) || (more != j.end() && !more->is_boolean())) return bad;
  page.full = full != j.end() && full->get<bool>();
  page.has_more = more != j.end() && more->get<bool>();
  return Status::success();
}

Status stage_reset(Database& db) {
  return db.exec("CREATE TEMP TABLE IF NOT EXISTS sync_stage(n INTEGER PRIMARY KEY, body TEXT NOT NULL);"
                 "DELETE FROM temp.sync_stage;");
}

Status stage_page(Database& db, const std::string& body) {
  Statement st(db, "INSERT INTO temp.sync_stage(body) VALUES(?)");
  st.bind(1, body);
  return st.run();
}

// Applies the staged pages and the new cursor in one write transaction.
Status apply_staged(SyncContext& ctx, bool full, const std::string& cursor, int64_t total) {
  Database& db = ctx.db;
  CatalogWriter writer(db);
  if (full) writer.clear_all();
  int64_t done = 0, last_report = 0;
  Statement pages(db, "SELECT body FROM temp.sync_stage ORDER BY n");
  CatalogPage page;
  while (writer.ok() && pages.step()) {
    Status s = parse_catalog_page(pages.col_view(0), page);
    if (!s) return s;  // the writer rolls back: the old catalog stays
    for (const auto& change : page.changes) {
      apply_change(writer, change);
      ++done;
    }
    if (done - last_report >= 1000 || done == total) {
      ctx.report(SyncPhase::catalog_apply, done, total);
      last_report = done;
    }
  }
  if (!pages.ok()) return pages.status();
  if (!writer.ok()) return writer.status();
  writer.set_updated_at(local_stamp(ctx.config.clock));
  Status s = sync_value_set(db, "cursor", cursor);  // inside the writer's transaction
  if (!s) return s;
  s = writer.commit();
  if (s) ctx.result.changes_applied = done;
  return s;
}

}  // namespace

Status pull_catalog(SyncContext& ctx, HttpClient& http) {
  Database& db = ctx.db;
  const std::string old_cursor = load_sync_state(db).cursor;
  std::string since = old_cursor;
  Status s = stage_reset(db);
  if (!s) return s;
  bool full = false, first = true;
  int64_t received = 0;
  while (true) {
    std::string url = ctx.base_url + "/v1/catalog";
    char sep = '?';
    if (!since.empty()) {
      url += "?since=" + url_encode(since);
      sep = '&';
    }
    if (ctx.config.page_limit > 0) url += sep + std::string("limit=") + std::to_string(ctx.config.page_limit);
    std::vector<std::string> headers = {ctx.auth_header()};
    if (first && !since.empty()) headers.push_back("If-None-Match: \"" + since + "\"");
    HttpResponse r;
    s = http.get(url, headers, r);
    ctx.count(r);
    if (!s) return s;
    if (r.status == 304 && first) {
      ctx.result.not_modified = true;
      return Status::success();
    }
    if (r.status != 200) return http_error_status(r);
    CatalogPage page;
    int64_t changes = 0;
    s = read_page_header(r.body, page, changes);
    if (!s) return s;
    ++ctx.result.pages;
    if (page.full) {  // a (new) snapshot: whatever was staged before is obsolete
      full = true;
      received = 0;
      s = stage_reset(db);
      if (!s) return s;
    }
    if (changes > 0) {
      s = stage_page(db, r.body);
      if (!s) return s;
    }
    received += changes;
    ctx.report(SyncPhase::catalog_download, received, -1);
    first = false;
    if (page.has_more && (changes == 0 || page.cursor == since)) {
      return Status::error("malformed_response", "Le serveur a envoyé une page de catalogue vide.");
    }
    since = page.cursor;
    if (!page.has_more) break;
  }
  ctx.result.full = full;
  if (received == 0 && !full && since == old_cursor) return Status::success();
  s = apply_staged(ctx, full, since, received);
  db.exec("DELETE FROM temp.sync_stage;");
  return s;
}

}  // namespace eric
