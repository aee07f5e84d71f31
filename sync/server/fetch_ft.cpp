// France Travail's offers fetched by the server itself (see fetch_ft.h). The API gives at most
// 150 offers an answer and no offer past index 1149 of a query, so a département with more is
// cut into creation-date windows, halved until each holds at most 1,150 offers.
#include "sync/server/fetch_ft.h"

#include <httplib.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>
#include <thread>
#include <unordered_set>

#include "kiosk/core/base/json_bounded.h"
#include "sync/server/import_run.h"

namespace eric::server {
namespace {

constexpr int kPageSize = 150;     // offers an answer at most
constexpr int kLastStart = 1000;   // the first index of a range at most
constexpr int kLastIndex = 1149;   // the last index of a range at most
constexpr int kMaxSplits = 40;     // halvings of a window: past one second it cannot help
constexpr std::time_t kOldest = 946684800;  // 2000-01-01: before any offer still open

std::string percent_encode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string iso_utc(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// "https://host:port/path?query" -> "https://host:port" and "/path?query".
bool split_url(const std::string& url, std::string& origin, std::string& path) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) return false;
  const auto slash = url.find('/', scheme + 3);
  origin = url.substr(0, slash);
  path = slash == std::string::npos ? "/" : url.substr(slash);
  return origin.size() > scheme + 3;
}

// "offres 0-149/4583" -> 4583; -1 when unreadable.
int64_t total_of_content_range(const std::string& header) {
  const auto slash = header.rfind('/');
  if (slash == std::string::npos) return -1;
  try {
    return std::stoll(header.substr(slash + 1));
  } catch (const std::exception&) {
    return -1;
  }
}

struct Window {
  std::time_t from = 0, to = 0;  // creation dates, both included
};

// What the client keeps of an HTTP answer.
struct Answer {
  int status = 0;  // 0: no answer (connection failed)
  std::string body;
  std::string content_range;
};

struct Page {
  int64_t total = 0;  // offers of the whole query
  nlohmann::json offers = nlohmann::json::array();
};

class ApiClient {
 public:
  ApiClient(const FetchConfig& config, std::string secret, FetchStats& stats)
      : config_(config), secret_(std::move(secret)), stats_(stats) {}

  [[nodiscard]] Status fetch_token();
  [[nodiscard]] Status search(const std::string& dep, const Window* window, int start, Page& page);

 private:
  [[nodiscard]] Status send(const std::string& url, bool post, Answer& out);
  void throttle();
  std::unique_ptr<httplib::Client> client_for(const std::string& origin);

  const FetchConfig& config_;
  std::string secret_;
  FetchStats& stats_;
  std::string token_;
  std::chrono::steady_clock::time_point last_request_{};
};

std::unique_ptr<httplib::Client> ApiClient::client_for(const std::string& origin) {
  auto client = std::make_unique<httplib::Client>(origin);
  client->set_connection_timeout(10);
  client->set_read_timeout(60);
  client->enable_server_certificate_verification(true);
  if (!config_.ca_file.empty()) client->set_ca_cert_path(config_.ca_file.c_str());
  return client;
}

// Never faster than the API allows, whatever the answers.
void ApiClient::throttle() {
  const auto gap = std::chrono::microseconds(
      static_cast<int64_t>(1e6 / std::max(0.01, config_.max_requests_per_second)));
  const auto next = last_request_ + gap;
  if (std::chrono::steady_clock::now() < next) std::this_thread::sleep_until(next);
  last_request_ = std::chrono::steady_clock::now();
}

// One request with its retries: 429 (after Retry-After when given), 5xx and broken
// connections, with a doubling backoff.
Status ApiClient::send(const std::string& url, bool post, Answer& answer) {
  std::string origin, path;
  if (!split_url(url, origin, path)) return Status::error("config", "Adresse invalide : " + url);
  auto client = client_for(origin);
  int wait_ms = config_.backoff_ms;
  for (int attempt = 1;; ++attempt) {
    throttle();
    ++stats_.requests;
    const httplib::Params form = {{"grant_type", "client_credentials"},
                                  {"client_id", config_.client_id},
                                  {"client_secret", secret_},
                                  {"scope", config_.scope}};
    httplib::Result out = post ? client->Post(path.c_str(), form)
                               : client->Get(path.c_str(), {{"Authorization", "Bearer " + token_},
                                                            {"Accept", "application/json"}});
    const int status = out ? out->status : 0;
    answer = Answer{};
    if (out) {
      answer.status = out->status;
      answer.body = out->body;
      answer.content_range = out->get_header_value("Content-Range");
    }
    const bool retry = status == 0 || status == 429 || status >= 500;
    if (!retry) return Status::success();
    if (attempt >= config_.max_attempts) {
      return Status::error("unavailable", "France Travail ne répond pas (" +
                                              (status ? "HTTP " + std::to_string(status)
                                                      : std::string("connexion impossible")) +
                                              ") après " + std::to_string(attempt) + " essais.");
    }
    ++stats_.retries;
    int delay = wait_ms;
    if (out && out->has_header("Retry-After")) {
      try {
        delay = std::max(delay, std::stoi(out->get_header_value("Retry-After")) * 1000);
      } catch (const std::exception&) {
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    wait_ms *= 2;
  }
}

Status ApiClient::fetch_token() {
  Answer r;
  Status s = send(config_.token_url, /*post=*/true, r);
  if (!s) return s;
  const auto j = parse_bounded_json(r.body);
  if (r.status != 200 || !j.is_object() || !j.contains("access_token") ||
      !j["access_token"].is_string()) {
    return Status::error("unauthorized", "France Travail refuse l'identifiant ou le secret (HTTP " +
                                             std::to_string(r.status) + ").");
  }
  token_ = j["access_token"].get<std::string>();
  return Status::success();
}

Status ApiClient::search(const std::string& dep, const Window* window, int start, Page& page) {
  const int end = std::min(start + kPageSize - 1, kLastIndex);
  std::string url = config_.search_url + "?departement=" + percent_encode(dep) +
                    "&range=" + std::to_string(start) + "-" + std::to_string(end);
  if (window) {
    url += "&minCreationDate=" + percent_encode(iso_utc(window->from)) +
           "&maxCreationDate=" + percent_encode(iso_utc(window->to));
  }
  Answer r;
  Status s = send(url, false, r);
  if (s && r.status == 401) {  // the token expired during a long fetch: one new one
    s = fetch_token();
    if (s) s = send(url, false, r);
  }
  if (!s) return s;
  page = Page{};
  if (r.status == 204) return Status::success();
  if (r.status != 200 && r.status != 206) {
    return Status::error("http", "France Travail répond HTTP " + std::to_string(r.status) +
                                     " pour le département " + dep + ".");
  }
  const auto j = parse_bounded_json(r.body);
  if (!j.is_object() || !j.contains("resultats") || !j["resultats"].is_array()) {
    return Status::error("malformed", "Réponse de France Travail illisible (département " + dep + ").");
  }
  page.offers = j["resultats"];
  page.total = total_of_content_range(r.content_range);
  if (page.total < 0) page.total = start + static_cast<int64_t>(page.offers.size());
  return Status::success();
}

// Writes each offer once (windows and pages may overlap at their edges).
class OfferFile {
 public:
  explicit OfferFile(const std::string& path) : out_(path, std::ios::binary | std::ios::trunc) {}
  bool ok() const { return static_cast<bool>(out_); }
  void add(const nlohmann::json& offers, FetchStats& stats) {
    for (const auto& o : offers) {
      if (!o.is_object()) continue;
      auto id = o.find("id");
      if (id != o.end() && id->is_string() && !seen_.insert(id->get<std::string>()).second) continue;
      out_ << o.dump() << '\n';
      ++stats.offers;
    }
  }
  bool close() {
    out_.close();
    return !out_.fail();
  }

 private:
  std::ofstream out_;
  std::unordered_set<std::string> seen_;
};

struct Fetcher {
  ApiClient& api;
  OfferFile& file;
  FetchStats& stats;

  // Every offer of one query (at most 1,150), page after page.
  Status read_query(const std::string& dep, const Window* w, const Page& first) {
    file.add(first.offers, stats);
    // 0, 150, ..., 900, then 1000 (the last start allowed; its overlap is written once).
    for (int start = kPageSize; start < first.total && start <= kLastStart;
         start = (start < kLastStart && start + kPageSize > kLastStart) ? kLastStart : start + kPageSize) {
      Page page;
      Status s = api.search(dep, w, start, page);
      if (!s) return s;
      file.add(page.offers, stats);
      if (page.offers.empty()) break;
    }
    return Status::success();
  }

  Status read_window(const std::string& dep, const Window* w, int splits) {
    Page first;
    Status s = api.search(dep, w, 0, first);
    if (!s) return s;
    if (first.total <= kLastIndex + 1) return read_query(dep, w, first);
    Window whole{kOldest, std::time(nullptr)};
    if (!w) w = &whole;
    if (splits >= kMaxSplits || w->to - w->from < 2) {
      stats.problems.push_back("Département " + dep + " : plus de 1 150 offres créées entre " +
                               iso_utc(w->from) + " et " + iso_utc(w->to) +
                               " ; seules les 1 150 premières sont lues.");
      stats.complete = false;
      return read_query(dep, w, first);
    }
    ++stats.windows;
    const std::time_t middle = w->from + (w->to - w->from) / 2;
    const Window older{w->from, middle}, newer{middle + 1, w->to};
    s = read_window(dep, &older, splits + 1);
    if (s) s = read_window(dep, &newer, splits + 1);
    return s;
  }
};

}  // namespace

Status read_fetch_config(const std::string& path, FetchConfig& c, std::string& secret) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error("config", "Configuration introuvable : " + path + ".");
  std::stringstream text;
  text << in.rdbuf();
  const auto j = parse_bounded_json(text.str());
  if (!j.is_object()) return Status::error("config", "Configuration illisible (JSON attendu) : " + path + ".");
  try {
    c.token_url = j.at("token_url").get<std::string>();
    c.search_url = j.at("search_url").get<std::string>();
    c.client_id = j.at("client_id").get<std::string>();
    c.client_secret_file = j.at("client_secret_file").get<std::string>();
    c.scope = j.value("scope", c.scope);
    c.departements = j.value("departements", c.departements);
    c.max_requests_per_second = j.value("max_requests_per_second", c.max_requests_per_second);
    c.max_attempts = j.value("max_attempts", c.max_attempts);
    c.backoff_ms = j.value("backoff_ms", c.backoff_ms);
    c.ca_file = j.value("ca_file", c.ca_file);
  } catch (const nlohmann::json::exception&) {
    return Status::error("config", "Configuration incomplète ou mal typée (token_url, search_url, "
                                   "client_id, client_secret_file sont requis) : " + path + ".");
  }
  if (c.departements.empty() || c.max_requests_per_second <= 0 || c.max_attempts < 1 || c.backoff_ms < 0) {
    return Status::error("config", "Configuration : départements, débit, essais ou attente hors limites.");
  }
  struct stat st{};
  if (::stat(c.client_secret_file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
    return Status::error("config", "Fichier du secret introuvable : " + c.client_secret_file + ".");
  }
  if (st.st_uid != ::geteuid() || (st.st_mode & 077) != 0) {
    return Status::error("secret_exposed", "Le fichier du secret " + c.client_secret_file +
                                               " doit appartenir à l'utilisateur du serveur et "
                                               "n'être lisible que par lui (chmod 600) : refusé.");
  }
  std::ifstream s(c.client_secret_file, std::ios::binary);
  std::getline(s, secret);
  while (!secret.empty() && (secret.back() == '\r' || secret.back() == ' ')) secret.pop_back();
  if (secret.empty()) return Status::error("config", "Le fichier du secret est vide.");
  return Status::success();
}

Status fetch_ft_offers(const FetchConfig& config, const std::string& client_secret,
                       const std::string& out_path, FetchStats& stats) {
  ApiClient api(config, client_secret, stats);
  Status s = api.fetch_token();
  if (!s) return s;
  OfferFile file(out_path);
  if (!file.ok()) return Status::error("write", "Impossible d'écrire " + out_path + ".");
  Fetcher fetcher{api, file, stats};
  for (const auto& dep : config.departements) {
    s = fetcher.read_window(dep, nullptr, 0);
    if (!s) {
      // The other départements are still worth having; the import is then not --full.
      stats.problems.push_back("Département " + dep + " : " + s.message_fr);
      stats.complete = false;
    }
  }
  if (!file.close()) return Status::error("write", "Impossible d'écrire " + out_path + ".");
  return Status::success();
}

int run_fetch_ft_command(const FetchOptions& o) {
  FetchConfig config;
  std::string secret;
  Status s = read_fetch_config(o.config_path, config, secret);
  if (!s) {
    std::fprintf(stderr, "eric-regional-server: %s (%s)\n", s.message_fr.c_str(), s.code.c_str());
    return 1;
  }
  const std::string path = o.keep_path.empty() ? o.db_path + ".ft-offers.jsonl" : o.keep_path;
  FetchStats stats;
  s = fetch_ft_offers(config, secret, path, stats);
  std::printf("France Travail : %lld offres, %lld requêtes, %lld reprises, %lld fenêtres de dates\n",
              static_cast<long long>(stats.offers), static_cast<long long>(stats.requests),
              static_cast<long long>(stats.retries), static_cast<long long>(stats.windows));
  for (const auto& p : stats.problems) std::printf("  %s\n", p.c_str());
  if (!s) {
    std::fprintf(stderr, "eric-regional-server: %s (%s)\n", s.message_fr.c_str(), s.code.c_str());
    return 1;
  }
  ImportOptions import;
  import.db_path = o.db_path;
  import.kind = "ft-offers";
  import.files = {path};
  import.full = stats.complete;  // a département missing must not delete its offers
  import.reference_dir = o.reference_dir;
  ImportReport report;
  s = run_import(import, report);
  if (o.keep_path.empty()) std::remove(path.c_str());
  if (!s) {
    std::fprintf(stderr, "eric-regional-server: %s (%s)\n", s.message_fr.c_str(), s.code.c_str());
    return 1;
  }
  if (!stats.complete) std::printf("Import sans --full : un département n'a pas été lu en entier.\n");
  std::fputs(format_report(report).c_str(), stdout);
  return nothing_read(report) && stats.offers > 0 ? 1 : 0;
}

}  // namespace eric::server
