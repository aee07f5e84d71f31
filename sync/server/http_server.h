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
};

// Binds, prints "listening on http(s)://HOST:PORT" as the first line of stdout, then serves
// until SIGINT or SIGTERM. Returns the process exit status.
int serve(const ServeOptions& options);

}  // namespace eric::server
