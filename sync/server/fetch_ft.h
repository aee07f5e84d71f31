// `eric-regional-server fetch-ft`: France Travail's offers of the region's départements,
// fetched with OAuth2 client credentials and the API's range paging, then imported with --full.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/core/storage/db.h"

namespace eric::server {

// What the config file (JSON) says; see the README.
struct FetchConfig {
  std::string token_url;
  std::string search_url;
  std::string client_id;
  std::string client_secret_file;  // readable by the server's user only, else refused
  std::string scope = "api_offresdemploiv2 o2dsoffre";
  std::vector<std::string> departements = {"04", "05", "06", "13", "83", "84"};
  double max_requests_per_second = 3;  // the API's limit is a few calls a second
  int max_attempts = 5;                // per request, for 429, 5xx and broken connections
  int backoff_ms = 1000;               // doubled after each failed attempt
  int window_days = 400;               // how far back creation-date windows reach
  std::string ca_file;                 // for a test API with a local CA
};

// Reads and checks the config, then the secret (refused unless only its owner, the user
// running the server, may read it).
[[nodiscard]] Status read_fetch_config(const std::string& path, FetchConfig& config,
                                       std::string& client_secret);

struct FetchStats {
  int64_t requests = 0;
  int64_t retries = 0;      // 429, 5xx and broken connections tried again
  int64_t offers = 0;       // distinct offers written
  int64_t windows = 0;      // creation-date windows a large département was cut into
  std::vector<std::string> problems;  // French sentences
  bool complete = true;     // every département fully read: only then is the import --full
};

// Fetches the offers of every département into `out_path` (JSON lines).
[[nodiscard]] Status fetch_ft_offers(const FetchConfig& config, const std::string& client_secret,
                                     const std::string& out_path, FetchStats& stats);

struct FetchOptions {
  std::string db_path;
  std::string config_path;
  std::string reference_dir;
  std::string keep_path;  // where the fetched offers stay; empty: a temporary file
};

// The whole command: config, fetch, import (--full when complete); prints both reports.
int run_fetch_ft_command(const FetchOptions& options);

}  // namespace eric::server
