// The terminal's sync client (see client.h): scheduling state, enrolment, bundle import and
// the sequence of one sync. The catalog pull itself is in client_catalog.cpp.
#include "sync/client.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <random>
#include <sstream>

#include "kiosk/core/base/json_bounded.h"
#include "kiosk/core/domain/housekeeping.h"
#include "sync/client_http.h"
#include "sync/client_internal.h"
#include "sync/protocol.h"

namespace eric {
namespace {

// A lock the syncing process holds on "<database>.sync-lock" for the length of a sync. The
// kernel lets it go however the process ends, so a "running_since" left in the sync state
// with no one holding the lock is a sync that was killed.
class SyncRunLock {
 public:
  explicit SyncRunLock(Database& db) {
    if (!is_file(db)) return;
    fd_ = ::open(lock_path(db).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    // Another process syncing at the same time (kioskctl beside the kiosk) keeps its lock;
    // both syncs go on, SQLite puts their writes one after the other.
    if (fd_ >= 0 && flock(fd_, LOCK_EX | LOCK_NB) != 0) close_fd();
  }
  ~SyncRunLock() { close_fd(); }
  SyncRunLock(const SyncRunLock&) = delete;
  SyncRunLock& operator=(const SyncRunLock&) = delete;

  static bool held_elsewhere(Database& db) {
    if (!is_file(db)) return false;
    const int fd = ::open(lock_path(db).c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;  // no lock file: no sync ever held it
    const bool held = flock(fd, LOCK_SH | LOCK_NB) != 0;
    ::close(fd);  // closing lets a shared lock we took go
    return held;
  }

 private:
  static bool is_file(Database& db) {
    return !db.path().empty() && db.path() != ":memory:" && db.path().rfind("file:", 0) != 0;
  }
  static std::string lock_path(Database& db) { return db.path() + ".sync-lock"; }
  void close_fd() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }
  int fd_ = -1;
};

}  // namespace

int64_t sync_now_s(const SyncConfig& config) {
  return config.clock ? config.clock->now_s() : static_cast<int64_t>(std::time(nullptr));
}

std::string trim_url(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

int64_t backoff_seconds(const SyncConfig& config, int failures, int retry_after_s) {
  double seconds = config.backoff_base_s;
  for (int i = 1; i < failures && seconds < config.backoff_max_s; ++i) seconds *= 2;
  if (seconds > config.backoff_max_s) seconds = config.backoff_max_s;
  // Jitter, so that terminals cut off together do not come back together.
  std::random_device rd;
  std::uniform_real_distribution<double> factor(0.5, 1.0);
  int64_t wait = static_cast<int64_t>(seconds * factor(rd));
  if (retry_after_s > wait) wait = retry_after_s;
  return wait;
}

SyncOverview sync_overview(Database& db) {
  SyncOverview o;
  o.state = load_sync_state(db);
  o.rejected_records = rejected_record_count(db);
  if (!sync_value_get(db, "running_since").value_or("").empty()) {
    // A sync said it started and did not say it ended: either it runs now (its process holds
    // the lock) or its process was killed (the kernel let the lock go).
    if (SyncRunLock::held_elsewhere(db)) {
      o.running = true;
    } else {
      o.state.last_error_code = "interrupted";
      o.state.last_error_message =
          "La dernière synchronisation a été interrompue avant sa fin (programme arrêté ou "
          "borne éteinte).";
    }
  }
  o.next_attempt_at = std::atoll(sync_value_get(db, "next_attempt").value_or("0").c_str());
  o.failures = std::atoi(sync_value_get(db, "failures").value_or("0").c_str());
  o.server_url = setting_get_or(db, kSettingServerUrl, "");
  o.terminal_id = setting_get_or(db, kSettingTerminalId, "");
  o.site_id = setting_get_or(db, kSettingSiteId, "");
  o.enrolled = !setting_get_or(db, kSettingToken, "").empty() && !o.server_url.empty();
  return o;
}

Status enroll_terminal(Database& db, const std::string& server_url, const std::string& code,
                       const std::string& terminal_name, const std::string& ca_file,
                       EnrollResult* out, int timeout_ms) {
  HttpOptions options;
  options.ca_file = ca_file;
  options.total_timeout_ms = timeout_ms;
  HttpClient http(options);
  const std::string url = trim_url(server_url);
  const nlohmann::json request = {{"enrollment_code", code}, {"terminal_name", terminal_name}};
  HttpResponse r;
  Status s = http.post_json(url + "/v1/enroll", {}, request.dump(), r);
  if (!s) return s;
  if (r.status != 200) return http_error_status(r);
  auto j = parse_bounded_json(r.body);
  auto is_text = [&j](const char* key) { return j.contains(key) && j[key].is_string(); };
  if (j.is_discarded() || !j.is_object() || !is_text("token") || !is_text("terminal_id") ||
      !is_text("site_id")) {
    return Status::error("malformed_response", "Le serveur a envoyé une réponse illisible.");
  }
  Transaction tx(db);
  if (!tx.ok()) return tx.status();
  const std::pair<const char*, std::string> values[] = {
      {kSettingServerUrl, url},
      {kSettingToken, j["token"].get<std::string>()},
      {kSettingTerminalId, j.value("terminal_id", "")},
      {kSettingSiteId, j.value("site_id", "")},
      {kSettingCaFile, ca_file},
  };
  for (const auto& [key, value] : values) {
    s = setting_set(db, key, value);
    if (!s) return s;
  }
  // A new server: its cursors mean nothing here; the next sync starts with a full snapshot.
  for (const char* key : {"cursor", "status_cursor", "next_attempt", "failures"}) {
    s = sync_value_set(db, key, "");
    if (!s) return s;
  }
  s = tx.commit();
  if (s && out) *out = EnrollResult{j.value("terminal_id", ""), j.value("site_id", "")};
  return s;
}

Status import_bundle(Database& db, const std::string& path, int64_t* records, const Clock* clock) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error("not_found", "Impossible de lire le fichier " + path + ".");
  std::stringstream text;
  text << in.rdbuf();
  const std::string file = text.str();
  BundleHeader header;
  std::string_view body;
  Status s = split_bundle(file, header, body);
  if (!s) return s;
  const std::string site = setting_get_or(db, kSettingSiteId, "");
  if (!site.empty() && site != header.site_id) {
    return Status::error("bundle_other_site", "Ce catalogue a été exporté pour un autre site (" +
                                                  header.site_id + ").");
  }
  CatalogPage page;
  s = parse_catalog_changes(body, page);
  if (!s) return Status::error("bad_bundle", "Le contenu du catalogue est illisible : " + s.message_fr);
  // A bundle replaces the catalog like a snapshot; what it holds that cannot be read is set
  // aside the same way.
  CatalogWriter writer(db);
  s = writer.clear_all();
  if (!s) return s;
  RejectedWriter rejects(db, clock ? clock->now_s() : static_cast<int64_t>(std::time(nullptr)));
  s = rejects.begin(/*full=*/true);
  if (s) s = apply_in_order(writer, rejects, page.changes, page.rejected, {});
  if (!s) return s;
  writer.set_updated_at(local_stamp(clock));
  s = sync_value_set(db, "cursor", header.cursor);
  if (!s) return s;
  s = writer.commit();
  if (!s) return s;
  log_rejected(rejects.newly());
  if (records) *records = static_cast<int64_t>(page.changes.size());
  return s;
}

std::string local_stamp(const Clock* clock) {
  const int64_t ms = clock ? clock->now_ms()
                           : std::chrono::duration_cast<std::chrono::milliseconds>(
                                 std::chrono::system_clock::now().time_since_epoch()).count();
  return Clock::format_datetime(Clock::to_local(ms));
}

Status apply_change(CatalogWriter& writer, const CatalogChange& change) {
  if (change.deleted) return writer.remove(record_type_name(change.type), change.id);
  return std::visit([&](const auto& r) { return writer.upsert(r); }, change.record);
}

namespace {

// The attempt is on record before any network, so a killed sync still shows it, and shows it
// as interrupted (sync_overview). A file that cannot take this cannot take the catalog either:
// the sync stops there and says why.
Status record_attempt(Database& db, int64_t now) {
  Transaction tx(db);
  SyncState st = load_sync_state(db);
  st.last_attempt = now;
  Status s = tx.status();
  if (s) s = save_sync_state(db, st);
  if (s) s = sync_value_set(db, "running_since", std::to_string(now));
  if (s) s = tx.commit();
  return s;
}

// What the sync does with the server: the catalog down, the outbox up, the requests' answers.
Status exchange_with_server(SyncContext& ctx, HttpClient& http, int64_t now) {
  if (ctx.base_url.empty() || ctx.token.empty())
    return Status::error("not_enrolled",
                         "Ce terminal n'est pas encore inscrit auprès du serveur régional.");
  // Items a crash left `sending` go again: the server answers a replay with its first answer.
  Status s = outbox_requeue_sending(ctx.db);
  // Yesterday's usage counters join this sync's outbox; expired personal data never leaves:
  // a housekeeping that failed stops the sync rather than send what it should have purged.
  if (s) s = run_housekeeping(ctx.db, now).status;
  if (s) s = pull_catalog(ctx, http);
  // A catalog the server could not serve must not hold back visitors' requests; a server
  // that cannot be reached at all is not tried twice.
  const bool reachable = s.ok || s.code == "malformed_response" || s.code == "server_error" ||
                         s.code == "malformed";
  if (reachable) {
    Status pushed = push_outbox(ctx, http);
    if (s.ok) s = pushed;
  }
  if (s.ok) s = pull_status(ctx, http);
  return s;
}

// Scheduling and the state the manager sees, from how the sync ended (result.status).
void record_outcome(Database& db, const SyncConfig& config, SyncResult& result) {
  const Status& s = result.status;
  SyncState st = load_sync_state(db);
  int failures = std::atoi(sync_value_get(db, "failures").value_or("0").c_str());
  const int64_t end = sync_now_s(config);
  if (s.ok) {
    failures = 0;
    st.last_success = end;
    st.last_error_code.clear();
    st.last_error_message.clear();
    st.last_changes = result.changes_applied;
    // The manager's setting wins over the start-up value, so a change counts from this sync.
    result.next_attempt_at = end + setting_int_or(db, "sync_interval", config.interval_s, 30, 86400);
  } else {
    ++failures;
    st.last_error_code = s.code;
    st.last_error_message = s.message_fr;
    result.next_attempt_at = end + backoff_seconds(config, failures, result.retry_after_s);
  }
  Transaction tx(db);
  Status saved = save_sync_state(db, st);
  const std::pair<const char*, std::string> values[] = {
      {"failures", std::to_string(failures)},
      {"next_attempt", std::to_string(result.next_attempt_at)},
      {"last_bytes", std::to_string(result.bytes_down + result.bytes_up)},
      {"running_since", ""},
  };
  for (const auto& [key, value] : values) {
    if (saved) saved = sync_value_set(db, key, value);
  }
  if (saved) saved = tx.commit();
  // A state that could not be saved is this sync's failure (its catalog is committed all the
  // same); the manager then sees the sync as interrupted.
  if (!saved && result.status.ok) result.status = saved;
}

}  // namespace

SyncResult sync_once(Database& db, const SyncConfig& config, const SyncProgressFn& progress) {
  const auto started = std::chrono::steady_clock::now();
  SyncResult result;
  const int64_t now = sync_now_s(config);
  SyncContext ctx{db, config, progress, result, {}, {}};
  ctx.base_url = trim_url(config.server_url.empty() ? setting_get_or(db, kSettingServerUrl, "")
                                                    : config.server_url);
  ctx.token = config.token.empty() ? setting_get_or(db, kSettingToken, "") : config.token;
  HttpOptions options;
  options.ca_file = config.ca_file.empty() ? setting_get_or(db, kSettingCaFile, "") : config.ca_file;
  options.connect_timeout_ms = config.connect_timeout_ms;
  options.total_timeout_ms = config.total_timeout_ms;
  options.cancel = config.cancel;
  HttpClient http(options);

  SyncRunLock run_lock(db);
  Status s = record_attempt(db, now);
  if (s) s = exchange_with_server(ctx, http, now);
  result.status = s;
  record_outcome(db, config, result);
  log_rejected(result.newly_rejected);
  result.duration_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace eric
