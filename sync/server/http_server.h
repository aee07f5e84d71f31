// The regional server's HTTP side: the /v1 routes of PROTOCOL.md on cpp-httplib.
#pragma once

#include <cstdint>
#include <string>

namespace eric::server {

struct ServeOptions {
  std::string db_path;
  std::string host = "127.0.0.1";
  int port = 0;                    // 0: the system picks a free port
  std::string cert_file, key_file; // both set: HTTPS
  int64_t page_size = 2000;
  int max_requests_per_minute = 600;  // per terminal; 0: no limit
  // zlib level of gzip answers. Measured on a 134,000-record snapshot: level 1 sends 20.0 MB
  // instead of 14.6 MB at level 6, but deflate was 18 % of the whole sync's CPU at 6 and the
  // kiosk's link is rarely the bottleneck; 0 sends bodies uncompressed.
  int gzip_level = 1;
  std::string fault_file;          // test only
  // Slow or greedy clients (production also puts nginx in front, see README). A connection
  // holds one worker while it is read; the read time-out bounds each wait for bytes.
  int workers = 32;                // requests served at once
  int read_timeout_s = 5;          // longest wait for the next bytes of a request
  int keep_alive_timeout_s = 5;    // an idle kept-alive connection is closed after this
  int max_requests_per_address = 8;  // requests of one client address in progress at once
  int listen_backlog = 1024;       // connections waiting for accept (cpp-httplib's is 5)
};

// Binds, prints "listening on http(s)://HOST:PORT" as the first line of stdout, then serves
// until SIGINT or SIGTERM. Returns the process exit status.
int serve(const ServeOptions& options);

}  // namespace eric::server
