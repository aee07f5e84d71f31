// The catalog pull of a sync: download every page and decode it at once, in one pass, into
// records kept in memory (no lock is held on the database meanwhile), then write them all in
// one transaction together with the new cursor, so readers see the old catalog or the new
// one, never a mix, and the write lock is held only for the writes.
#include <malloc.h>

#include <chrono>
#include <iterator>
#include <vector>

#include "kiosk/core/base/test_hook.h"
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

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}
// What the pages of one sync brought, kept in memory until the one write transaction.
struct Staged {
  std::vector<CatalogChange> changes;
  std::vector<RejectedChange> rejected;  // positions count the staged changes before each
  void clear() {
    changes.clear();
    rejected.clear();
  }
  void add(CatalogPage& page) {
    for (RejectedChange& r : page.rejected) {
      r.position += changes.size();
      rejected.push_back(std::move(r));
    }
    if (changes.empty()) {
      changes = std::move(page.changes);
    } else {
      changes.insert(changes.end(), std::make_move_iterator(page.changes.begin()),
                     std::make_move_iterator(page.changes.end()));
    }
  }
};

// Writes the staged changes, the records set aside and the new cursor in one write
// transaction.
Status apply_staged(SyncContext& ctx, bool full, const std::string& cursor, const Staged& staged) {
  Database& db = ctx.db;
  CatalogWriter writer(db);
  if (full) {
    Status cleared = writer.clear_all();
    if (!cleared) return cleared;
  }
  RejectedWriter rejects(db, sync_now_s(ctx.config));
  Status s = rejects.begin(full);
  if (!s) return s;
  const auto total = static_cast<int64_t>(staged.changes.size());
  s = apply_in_order(writer, rejects, staged.changes, staged.rejected, [&](int64_t done) {
    ctx.report(SyncPhase::catalog_apply, done, total);
  });
  if (!s) return s;  // the writer rolls back: the old catalog stays
  writer.set_updated_at(local_stamp(ctx.config.clock));
  s = sync_value_set(db, "cursor", cursor);  // inside the writer's transaction
  if (!s) return s;
  reached_step(step::kApplyWritten);
  s = writer.commit();
  if (!s) return s;
  reached_step(step::kApplyCommitted);
  ctx.result.changes_applied = total;
  ctx.result.rejected = rejects.put_count();
  ctx.result.newly_rejected = rejects.newly();
  return s;
}

}  // namespace

Status pull_catalog(SyncContext& ctx, HttpClient& http) {
  const auto started = std::chrono::steady_clock::now();
  Database& db = ctx.db;
  const std::string old_cursor = load_sync_state(db).cursor;
  std::string since = old_cursor;
  Staged staged;
  bool full = false, first = true;
  Status s;
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
    // A record that cannot be read is set aside in page.rejected; only a page that is not one
    // (not JSON, no cursor) fails the sync.
    s = parse_catalog_page(r.body, page);
    if (!s) return s;
    ++ctx.result.pages;
    reached_step(step::kPageStaged);
    if (page.full) {  // a (new) snapshot: whatever was staged before is obsolete
      full = true;
      staged.clear();
    }
    const auto changes = static_cast<int64_t>(page.changes.size() + page.rejected.size());
    staged.add(page);
    ctx.report(SyncPhase::catalog_download, static_cast<int64_t>(staged.changes.size()), -1);
    first = false;
    if (page.has_more && (changes == 0 || page.cursor == since)) {
      return Status::error("malformed_response", "Le serveur a envoyé une page de catalogue vide.");
    }
    since = page.cursor;
    if (!page.has_more) break;
  }
  ctx.result.full = full;
  ctx.result.catalog_download_ms = ms_since(started);
  if (staged.changes.empty() && staged.rejected.empty() && !full && since == old_cursor) {
    return Status::success();
  }
  const auto apply_started = std::chrono::steady_clock::now();
  s = apply_staged(ctx, full, since, staged);
  ctx.result.catalog_apply_ms = ms_since(apply_started);
  // A snapshot staged ~1.5 KB per record (200 MB for 130,000): give it back to the system now
  // rather than keep it in this thread's malloc arena until the next big sync.
  const bool big = staged.changes.size() > 10000;
  std::vector<CatalogChange>().swap(staged.changes);
  if (big) malloc_trim(0);
  return s;
}

}  // namespace eric
