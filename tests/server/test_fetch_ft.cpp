// fetch-ft against a stand-in of France Travail's API on 127.0.0.1: it serves recorded pages,
// enforces the token, the range rules (at most 150 an answer, first index at most 1000, last
// at most 1149) and a request rate, and answers 429 once and 503 once. Never the real service.
#include <gtest/gtest.h>
#include <httplib.h>
#include <sys/stat.h>

#include <atomic>
#include <chrono>
#include <deque>
#include <mutex>
#include <thread>

#include "sync/server/fetch_ft.h"
#include "tests/server/import_test_util.h"

namespace eric::test {
namespace {

using nlohmann::json;

struct StandInOffer {
  std::string id, departement, created;  // created: "2026-03-04T10:00:00Z"
};

class StandInApi {
 public:
  explicit StandInApi(std::vector<StandInOffer> offers) : offers_(std::move(offers)) {
    server_.Post("/token", [this](const httplib::Request& q, httplib::Response& a) { token(q, a); });
    server_.Get("/search", [this](const httplib::Request& q, httplib::Response& a) { search(q, a); });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ~StandInApi() {
    server_.stop();
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  void set_offers(std::vector<StandInOffer> offers) {
    std::lock_guard<std::mutex> lock(mutex_);
    offers_ = std::move(offers);
  }
  std::atomic<int> range_violations{0}, too_fast{0}, searches{0}, unauthorized{0};

 private:
  void token(const httplib::Request& q, httplib::Response& a) {
    if (q.get_param_value("grant_type") != "client_credentials" ||
        q.get_param_value("client_id") != "PAR_eric" || q.get_param_value("client_secret") != "s3cret") {
      a.status = 401;
      return;
    }
    a.set_content(R"({"access_token":"tok-1","token_type":"Bearer","expires_in":1499})", "application/json");
  }

  // The rate: a fourth search within 30 ms of the three before it is refused. The client keeps
  // 25 ms between its searches (75 ms for four); one unthrottled sends four in a few ms. Four,
  // not two: on a loaded machine one search can reach the server late, right before the next
  // (two arrivals 6 ms apart were seen under the sanitizers), never three gaps at once.
  bool over_rate() {
    const auto now = std::chrono::steady_clock::now();
    const bool fast = recent_.size() == 3 && now - recent_.front() < std::chrono::milliseconds(30);
    recent_.push_back(now);
    if (recent_.size() > 3) recent_.pop_front();
    return fast;
  }

  void search(const httplib::Request& q, httplib::Response& a) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (q.get_header_value("Authorization") != "Bearer tok-1") {
      ++unauthorized;
      a.status = 401;
      return;
    }
    const bool fast = over_rate();
    const int n = searches++;
    if (n == 0 || fast) {  // the very first search is refused once, as a busy API does
      if (fast) ++too_fast;
      a.status = 429;
      a.set_header("Retry-After", "0");
      return;
    }
    if (n == 3) {  // and one answer fails on the server's side
      a.status = 503;
      return;
    }
    int first = 0, last = 0;
    if (std::sscanf(q.get_param_value("range").c_str(), "%d-%d", &first, &last) != 2 || first < 0 ||
        first > 1000 || last > 1149 || last < first || last - first >= 150) {
      ++range_violations;
      a.status = 400;
      return;
    }
    const std::string from = q.get_param_value("minCreationDate"), to = q.get_param_value("maxCreationDate");
    std::vector<const StandInOffer*> found;
    for (const auto& o : offers_) {
      if (o.departement != q.get_param_value("departement")) continue;
      if (!from.empty() && (o.created < from || o.created > to)) continue;
      found.push_back(&o);
    }
    const int total = static_cast<int>(found.size());
    if (first >= total) {
      a.status = total == 0 ? 204 : 416;
      return;
    }
    json page = json::array();
    for (int i = first; i <= std::min(last, total - 1); ++i) {
      page.push_back({{"id", found[static_cast<std::size_t>(i)]->id},
                      {"intitule", "Agent d'entretien (H/F)"},
                      {"dateCreation", found[static_cast<std::size_t>(i)]->created},
                      {"lieuTravail", {{"commune", "13056"}}}});
    }
    a.status = last >= total - 1 ? 200 : 206;
    a.set_header("Content-Range", "offres " + std::to_string(first) + "-" +
                                      std::to_string(std::min(last, total - 1)) + "/" + std::to_string(total));
    a.set_content(json{{"resultats", page}}.dump(), "application/json");
  }

  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mutex_;
  std::vector<StandInOffer> offers_;
  std::deque<std::chrono::steady_clock::time_point> recent_;  // the last three searches
};

// 1,300 offers in 13 (more than one query reaches), 40 in 04.
std::vector<StandInOffer> recorded_offers(int in_13) {
  std::vector<StandInOffer> out;
  for (int i = 0; i < in_13; ++i) {
    char created[32];
    std::snprintf(created, sizeof created, "2026-%02d-%02dT%02d:00:00Z", 1 + i % 11, 1 + i % 28, i % 24);
    out.push_back({"13X" + std::to_string(i), "13", created});
  }
  for (int i = 0; i < 40; ++i) out.push_back({"04X" + std::to_string(i), "04", "2026-10-01T08:00:00Z"});
  return out;
}

std::string write_config(const TempDir& tmp, const StandInApi& api, mode_t secret_mode) {
  const std::string secret = tmp.file("ft-secret");
  write_text(secret, "s3cret\n");
  ::chmod(secret.c_str(), secret_mode);
  const std::string config = tmp.file("fetch.json");
  write_text(config, json{{"token_url", api.url() + "/token"},
                          {"search_url", api.url() + "/search"},
                          {"client_id", "PAR_eric"},
                          {"client_secret_file", secret},
                          {"departements", {"04", "13"}},
                          {"max_requests_per_second", 40},
                          {"backoff_ms", 10}}
                         .dump());
  return config;
}

TEST(FetchFt, EveryOfferOfEveryDepartementThenFullImport) {
  TempDir tmp;
  StandInApi api(recorded_offers(1300));
  const std::string db = tmp.file("region.db");
  const std::string config = write_config(tmp, api, 0600);
  Ran r = run_server({"fetch-ft", "--db", db, "--config", config, "--reference-data", ERIC_SHARED_DATA_DIR});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(feed_count(db, "job"), 1340) << r.out;
  EXPECT_EQ(api.range_violations, 0);
  EXPECT_EQ(api.too_fast, 0);
  EXPECT_EQ(api.unauthorized, 0);
  EXPECT_NE(r.out.find("2 reprises"), std::string::npos) << r.out;  // the 429 and the 503, tried again
  EXPECT_NE(r.out.find("fenêtres de dates"), std::string::npos) << r.out;

  // The next night France Travail has withdrawn 100 offers of 13: they leave the feed.
  api.set_offers(recorded_offers(1200));
  r = run_server({"fetch-ft", "--db", db, "--config", config, "--reference-data", ERIC_SHARED_DATA_DIR});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(feed_count(db, "job"), 1240);
  EXPECT_TRUE(feed_deleted(db, "job", "ft-13X1250"));
}

TEST(FetchFt, ASecretOthersCanReadIsRefused) {
  TempDir tmp;
  StandInApi api(recorded_offers(10));
  const std::string config = write_config(tmp, api, 0644);
  server::FetchConfig c;
  std::string secret;
  const Status s = server::read_fetch_config(config, c, secret);
  EXPECT_FALSE(s.ok);
  EXPECT_EQ(s.code, "secret_exposed");
  EXPECT_TRUE(secret.empty());
  Ran r = run_server({"fetch-ft", "--db", tmp.file("region.db"), "--config", config});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(api.searches, 0);
}

TEST(FetchFt, AWrongSecretFailsWithoutTouchingTheFeed) {
  TempDir tmp;
  StandInApi api(recorded_offers(10));
  const std::string config = write_config(tmp, api, 0600);
  write_text(tmp.file("ft-secret"), "wrong\n");
  Ran r = run_server({"fetch-ft", "--db", tmp.file("region.db"), "--config", config,
                      "--reference-data", ERIC_SHARED_DATA_DIR});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("refuse"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace eric::test
