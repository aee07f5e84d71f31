// The terminal's HTTP transport: one libcurl easy handle (RAII), TLS always verified, gzip,
// ETag read from the headers, Retry-After, bytes counted both ways; errors as French sentences.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/core/storage/db.h"

namespace eric {

struct HttpOptions {
  std::string ca_file;             // empty: the system's CA store
  int connect_timeout_ms = 5000;
  int total_timeout_ms = 60000;    // per request, body included
  const std::atomic<bool>* cancel = nullptr;  // set: the request in flight is abandoned
};

struct HttpResponse {
  int status = 0;          // 0 when no HTTP answer came
  std::string body;        // decoded (gzip undone)
  std::string etag;        // as sent, quotes included
  int retry_after_s = -1;  // -1 when absent
  int64_t bytes_down = 0;  // headers + body as on the wire
  int64_t bytes_up = 0;
};

// Owns one easy handle, reused between requests so the connection is kept alive.
class HttpClient {
 public:
  explicit HttpClient(HttpOptions options);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // A transport failure (no connection, timeout, cut body, TLS) is a failed Status; any HTTP
  // answer, 4xx and 5xx included, is a success with out.status set.
  Status get(const std::string& url, const std::vector<std::string>& headers, HttpResponse& out);
  Status post_json(const std::string& url, const std::vector<std::string>& headers,
                   const std::string& body, HttpResponse& out);

 private:
  Status perform(const std::string& url, const std::vector<std::string>& headers,
                 const std::string* post_body, HttpResponse& out);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The Status for an HTTP answer that is not what we wanted (401, 429, 5xx...): the server's
// error code when it sent one, and a French sentence for the site manager.
Status http_error_status(const HttpResponse& response);

}  // namespace eric
