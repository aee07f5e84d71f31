// The regional server's HTTP routes (see http_server.h and sync/PROTOCOL.md).
#include "sync/server/http_server.h"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>

#include "kiosk/core/base/json_bounded.h"
#include "sync/protocol.h"
#include "sync/server/server_outbox.h"
#include "sync/server/server_store.h"
#include "sync/server/server_support.h"

namespace eric::server {
namespace {

using httplib::Request;
using httplib::Response;
using nlohmann::json;

constexpr std::size_t kMaxBody = 1 << 20;
// Not the bare "application/json": httplib compresses only that exact type itself, and with
// Debian's build it picks brotli at its slowest quality when a client offers "br". We gzip
// ourselves instead (gzip_body), at a level chosen for catalogue pages.
constexpr const char* kJson = "application/json; charset=utf-8";
constexpr std::size_t kMaxItems = 100;

struct Context {
  const ServeOptions& options;
  ConnectionPool pool;
  Logger log;
  RateLimiter limiter;
  AddressGate gate;
};

// What a handler tells the request log: the terminal it served (an id, never personal).
struct Served {
  std::string terminal;
};
// `body` is the request's body, read by wrap_post (empty for a GET).
using Route = std::function<void(Context&, const Request&, std::string_view body, Response&,
                                 Served&)>;

void send_error(Response& res, int status, std::string_view code, std::string_view message,
                int retry_after_s = 0) {
  res.status = status;
  if (retry_after_s > 0) res.set_header("Retry-After", std::to_string(retry_after_s));
  res.set_content(error_body(code, message), kJson);
}

// A database failure: busy means "try again shortly", anything else is our fault.
void send_db_error(Context& ctx, Response& res, const Status& s) {
  ctx.log.log("error", "database", {{"code", s.code}});
  if (s.code == "sqlite_busy" || s.code == "sqlite_locked") {
    send_error(res, 503, "unavailable", "Le serveur régional est occupé, nouvel essai bientôt.", 5);
  } else {
    send_error(res, 500, "internal", "Le serveur régional a rencontré une erreur interne.");
  }
}

// Finds the terminal behind the Bearer token, and applies its rate limit.
std::optional<Terminal> authenticate(Context& ctx, Database& db, const Request& req,
                                     Response& res, Served& served) {
  const std::string header = req.get_header_value("Authorization");
  const std::string prefix = "Bearer ";
  std::optional<Terminal> t;
  if (header.rfind(prefix, 0) == 0) t = find_terminal(db, header.substr(prefix.size()));
  if (!t) {
    send_error(res, 401, "unauthorized", "Ce terminal n'est pas reconnu par le serveur régional.");
    return std::nullopt;
  }
  served.terminal = t->id;
  int retry = 0;
  if (!ctx.limiter.allow(t->id, retry)) {
    send_error(res, 429, "rate_limited", "Trop de demandes de ce terminal, nouvel essai plus tard.",
               retry);
    return std::nullopt;
  }
  return t;
}

// The page size: the server's, or the client's `limit` when lower. A `limit` that is not a
// whole number of at least 1 is refused (false, 400 sent).
bool limit_param(const Context& ctx, const Request& req, Response& res, int64_t& limit) {
  limit = ctx.options.page_size;
  if (!req.has_param("limit")) return true;
  int64_t asked = 0;
  if (!parse_cursor(req.get_param_value("limit"), asked) || asked < 1) {
    send_error(res, 400, "bad_request", "Le paramètre limit doit être un nombre entier positif.");
    return false;
  }
  limit = std::min(limit, asked);
  return true;
}

// A catalog `since` the protocol knows: absent or empty (a snapshot), a cursor "N", or the
// "N.F" of a snapshot in progress. Anything else is a client fault, not a reason to send
// the whole catalog.
bool is_catalog_since(const std::string& since) {
  if (since.empty()) return true;
  int64_t n = 0;
  const auto dot = since.find('.');
  if (dot == std::string::npos) return parse_cursor(since, n);
  return parse_cursor(since.substr(0, dot), n) && parse_cursor(since.substr(dot + 1), n);
}

// The body as a JSON object, or false with the 400 sent. The nesting is checked before the
// parse: nothing recurses over a body nested deeper than the protocol ever goes.
bool read_json_body(std::string_view text, json& body, Response& res, const char* unreadable) {
  if (!json_depth_within(text)) {
    send_error(res, 400, "bad_request", "L'envoi est imbriqué trop profondément.");
    return false;
  }
  body = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded() || !body.is_object()) {
    send_error(res, 400, "bad_request", unreadable);
    return false;
  }
  return true;
}

// A route of an enrolled terminal: given a connection from the pool and the terminal behind
// the request's token, once the lease, the token and the terminal's rate are checked (the
// error already answered otherwise).
using TerminalRoute = void (*)(Context&, Database&, const Terminal&, const Request&,
                               std::string_view body, Response&);

Route for_terminal(TerminalRoute route) {
  return [route](Context& ctx, const Request& req, std::string_view body, Response& res,
                 Served& served) {
    Status s;
    auto lease = ctx.pool.acquire(s);
    if (!lease.get()) return send_db_error(ctx, res, s);
    const auto terminal = authenticate(ctx, *lease.get(), req, res, served);
    if (terminal) route(ctx, *lease.get(), *terminal, req, body, res);
  };
}

void get_catalog(Context& ctx, Database& db, const Terminal& terminal, const Request& req,
                 std::string_view, Response& res) {
  Status s;
  const std::string since = req.get_param_value("since");
  if (!is_catalog_since(since)) {
    return send_error(res, 400, "bad_request", "Le paramètre since n'est pas un curseur.");
  }
  int64_t limit = 0;
  if (!limit_param(ctx, req, res, limit)) return;
  CatalogPageAnswer page;
  // The steady state: the terminal already has everything up to `since`.
  if (!since.empty() && req.get_header_value("If-None-Match") == "\"" + since + "\"") {
    s = read_catalog_page(db, terminal.site, since, 1, page);
    if (!s) return send_db_error(ctx, res, s);
    if (!page.full && page.count == 0) {
      res.status = 304;
      res.set_header("ETag", "\"" + since + "\"");
      return;
    }
  }
  s = read_catalog_page(db, terminal.site, since, limit, page);
  if (!s) return send_db_error(ctx, res, s);
  res.set_header("ETag", "\"" + page.cursor + "\"");
  res.set_header("Cache-Control", "private, no-cache");
  res.set_content(std::move(page.body), kJson);
}

void post_enroll(Context& ctx, const Request&, std::string_view body_text, Response& res,
                 Served& served) {
  json body;
  if (!read_json_body(body_text, body, res, "La demande d'inscription est incomplète.")) return;
  if (!body.contains("enrollment_code") || !body["enrollment_code"].is_string()) {
    return send_error(res, 400, "bad_request", "La demande d'inscription est incomplète.");
  }
  auto text = [&](const char* name) {
    auto it = body.find(name);
    return (it != body.end() && it->is_string()) ? it->get<std::string>() : std::string();
  };
  Status s;
  auto lease = ctx.pool.acquire(s);
  if (!lease.get()) return send_db_error(ctx, res, s);
  Enrollment e;
  s = enroll_terminal(*lease.get(), text("enrollment_code"), text("site_id"),
                      text("terminal_name"), e);
  if (!s) {
    if (s.code == "enrollment_refused") return send_error(res, 403, s.code, s.message_fr);
    return send_db_error(ctx, res, s);
  }
  served.terminal = e.terminal_id;
  ctx.log.log("info", "terminal_enrolled", {{"terminal", e.terminal_id}, {"site", e.site_id}});
  res.set_content(json{{"terminal_id", e.terminal_id}, {"site_id", e.site_id}, {"token", e.token}}.dump(),
                  kJson);
}

void post_outbox(Context& ctx, Database& db, const Terminal& terminal, const Request&,
                 std::string_view text, Response& res) {
  Status s;
  json body;
  if (!read_json_body(text, body, res, "Le lot de demandes est illisible.")) return;
  if (!body.contains("items") || !body["items"].is_array()) {
    return send_error(res, 400, "bad_request", "Le lot de demandes est illisible.");
  }
  const json& items = body["items"];
  if (items.size() > kMaxItems) {
    return send_error(res, 413, "payload_too_large", "Trop de demandes dans un seul envoi.");
  }
  for (const auto& item : items) {
    if (!item.is_object() || !item.contains("id") || !item["id"].is_string() ||
        !is_uuid(item["id"].get_ref<const std::string&>())) {
      return send_error(res, 400, "bad_request", "Une demande n'a pas d'identifiant valide.");
    }
  }
  json results = json::array();
  int accepted = 0, rejected = 0, replays = 0;
  for (const auto& item : items) {
    json answer;
    s = process_outbox_item(db, terminal, item, answer);
    if (!s) return send_db_error(ctx, res, s);
    if (answer.value("replay", false)) ++replays;
    (answer["status"] == "accepted" ? accepted : rejected)++;
    results.push_back(std::move(answer));
  }
  ctx.log.log("info", "outbox_received", {{"terminal", terminal.id}, {"items", items.size()},
                                          {"accepted", accepted}, {"rejected", rejected},
                                          {"replays", replays}});
  res.set_content(json{{"results", results}}.dump(), kJson);
}

void get_outbox_status(Context& ctx, Database& db, const Terminal& terminal,
                       const Request& req, std::string_view, Response& res) {
  Status s;
  std::string body;
  std::string since = req.get_param_value("since");
  if (since.empty()) since.assign(1, '0');  // (not `= "0"`: GCC 12 -Wrestrict false positive)
  int64_t count = 0;
  int64_t limit = 0;
  if (!limit_param(ctx, req, res, limit)) return;
  s = read_status_page(db, terminal.site, since, limit, body, count);
  if (s.code == "bad_request") return send_error(res, 400, s.code, s.message_fr);
  if (!s) return send_db_error(ctx, res, s);
  const std::string etag = "\"" + since + "\"";
  if (count == 0 && req.get_header_value("If-None-Match") == etag) {
    res.status = 304;  // nothing new for this site: the cheap answer of every quiet sync
    res.set_header("ETag", etag);
    return;
  }
  res.set_content(body, kJson);
}

void get_health(Context& ctx, const Request&, std::string_view, Response& res, Served&) {
  Status s;
  auto lease = ctx.pool.acquire(s);
  if (!lease.get()) return send_db_error(ctx, res, s);
  res.set_content(json{{"status", "ok"}, {"protocol", kProtocolVersion},
                       {"cursor", std::to_string(current_cursor(*lease.get()))}}.dump(),
                  kJson);
}

bool accepts_gzip(const Request& req) {
  const std::string accept = req.get_header_value("Accept-Encoding");
  return accept.find("gzip") != std::string::npos;
}

// gzip (RFC 1952) with zlib; false leaves the body as it is.
bool gzip_body(const std::string& in, int level, std::string& out) {
  z_stream z{};
  if (deflateInit2(&z, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return false;
  out.resize(deflateBound(&z, static_cast<uLong>(in.size())) + 32);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return rc == Z_STREAM_END;
}

// Runs a route with the test faults around it and writes one log line per request.
void run_route(Context& ctx, const Route& route, bool faults, const Request& req,
               std::string_view body, Response& res) {
  const auto start = std::chrono::steady_clock::now();
  Served served;
  const Fault fault = faults ? read_fault(ctx.options.fault_file, req.path) : Fault{};
  if (fault.kind == Fault::delay) {
    std::this_thread::sleep_for(std::chrono::milliseconds(fault.arg));
  }
  if (fault.kind == Fault::status) {
    send_error(res, fault.arg >= 400 ? static_cast<int>(fault.arg) : 500, "internal",
               "Le serveur régional a rencontré une erreur interne.");
  } else if (fault.kind == Fault::retry_after) {
    send_error(res, 429, "rate_limited", "Trop de demandes de ce terminal, nouvel essai plus tard.",
               fault.arg > 0 ? static_cast<int>(fault.arg) : 1);
  } else {
    route(ctx, req, body, res, served);
  }
  if (fault.kind == Fault::malformed && !res.body.empty()) {
    res.body = res.body.substr(0, res.body.size() / 2) + "<!-- not json";
  }
  if (!res.body.empty() && ctx.options.gzip_level > 0 && accepts_gzip(req)) {
    std::string packed;
    if (gzip_body(res.body, ctx.options.gzip_level, packed)) {
      res.body = std::move(packed);
      res.set_header("Content-Encoding", "gzip");
    }
  }
  if (!res.body.empty()) res.set_header("Vary", "Accept-Encoding");
  if (fault.kind == Fault::truncate && !res.body.empty()) {
    auto body = std::make_shared<std::string>(std::move(res.body));
    res.body.clear();
    res.set_content_provider(body->size(), kJson,
                             [body](size_t offset, size_t, httplib::DataSink& sink) {
                               if (offset == 0) sink.write(body->data(), body->size() / 2);
                               return false;  // closes the connection half-way
                             });
  }
  if (res.status == -1) res.status = 200;  // httplib fills it in only after we return
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - start).count();
  json fields = {{"method", req.method}, {"path", req.path}, {"status", res.status},
                 {"ms", ms}, {"bytes", res.body.size()}};
  if (!served.terminal.empty()) fields["terminal"] = served.terminal;
  if (fault.kind != Fault::none) fields["test_fault"] = static_cast<int>(fault.kind);
  ctx.log.log(res.status >= 500 ? "error" : "info", "request", fields);
}

// Answers 429 to an address that already has its bound of requests in progress.
void refuse_busy_address(Context& ctx, const Request& req, Response& res) {
  ctx.log.log("info", "address_busy", {{"path", req.path}});
  send_error(res, 429, "rate_limited", "Trop de demandes en cours depuis cette adresse.", 1);
  res.set_header("Connection", "close");
}

httplib::Server::Handler wrap(Context& ctx, Route route, bool faults) {
  return [&ctx, route, faults](const Request& req, Response& res) {
    AddressGate::Pass pass = ctx.gate.enter(req.remote_addr);
    if (!pass.admitted()) {
      refuse_busy_address(ctx, req, res);
      return;
    }
    run_route(ctx, route, faults, req, {}, res);
  };
}

// A POST route that reads its own body: cpp-httplib's own reading answers 413 to any
// form-encoded body over 8 KiB (curl's default type), while every body here is read as JSON
// whatever its Content-Type says, up to kMaxBody. Only a multipart body is refused (415):
// the library would parse it into parts.
httplib::Server::HandlerWithContentReader wrap_post(Context& ctx, Route route, bool faults) {
  return [&ctx, route, faults](const Request& req, Response& res,
                               const httplib::ContentReader& reader) {
    AddressGate::Pass pass = ctx.gate.enter(req.remote_addr);
    if (!pass.admitted()) {
      refuse_busy_address(ctx, req, res);
      return;
    }
    if (req.is_multipart_form_data()) {
      send_error(res, 415, "unsupported_media_type", "Le corps de la demande doit être du JSON.");
      res.set_header("Connection", "close");  // its body was not read
      return;
    }
    std::string body;
    const bool read = reader([&body](const char* data, size_t size) {
      if (body.size() + size > kMaxBody) return false;
      body.append(data, size);
      return true;
    });
    if (!read) {
      send_error(res, 413, "payload_too_large", "Envoi trop volumineux.");
      res.set_header("Connection", "close");
      return;
    }
    run_route(ctx, route, faults, req, body, res);
  };
}

// The knobs cpp-httplib 0.11 has against slow clients: a pool of workers larger than its
// default of 8, a time-out on every wait for bytes, short keep-alive. Returns where the
// listening socket's descriptor will be written when it is made (-1 until then).
std::shared_ptr<int> limit_slow_clients(httplib::Server& server, const ServeOptions& options) {
  const int workers = std::max(1, options.workers);
  server.new_task_queue = [workers] { return new httplib::ThreadPool(static_cast<size_t>(workers)); };
  server.set_read_timeout(options.read_timeout_s, 0);
  server.set_write_timeout(options.read_timeout_s, 0);
  server.set_keep_alive_timeout(options.keep_alive_timeout_s);
  auto listen_socket = std::make_shared<int>(-1);
  // Replaces the library's default socket options (SO_REUSEADDR and SO_REUSEPORT): address
  // reuse for quick restarts, but never two servers on one port.
  server.set_socket_options([listen_socket](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    *listen_socket = sock;
  });
  return listen_socket;
}

// The /v1 routes, and the error bodies of what reaches none of them.
void add_routes(httplib::Server& server, Context& ctx) {
  server.Get("/v1/health", wrap(ctx, get_health, false));
  server.Post("/v1/enroll", wrap_post(ctx, post_enroll, true));
  server.Get("/v1/catalog", wrap(ctx, for_terminal(get_catalog), true));
  server.Post("/v1/outbox", wrap_post(ctx, for_terminal(post_outbox), true));
  server.Get("/v1/outbox/status", wrap(ctx, for_terminal(get_outbox_status), true));
  server.set_error_handler([](const Request&, Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 404) send_error(res, 404, "not_found", "Adresse inconnue du serveur régional.");
    else if (res.status == 413) send_error(res, 413, "payload_too_large", "Envoi trop volumineux.");
    else send_error(res, res.status, "bad_request", "Demande incorrecte.");
  });
  server.set_exception_handler([&ctx](const Request& req, Response& res, std::exception_ptr) {
    ctx.log.log("error", "exception", {{"path", req.path}});
    send_error(res, 500, "internal", "Le serveur régional a rencontré une erreur interne.");
  });
}

}  // namespace

int serve(const ServeOptions& options) {
  // Signals are taken by one waiting thread (no handler, no global): block them before
  // httplib starts its workers so they all inherit the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  Context ctx{options, ConnectionPool(options.db_path), Logger{},
              RateLimiter(options.max_requests_per_minute),
              AddressGate(options.max_requests_per_address)};
  {
    Status s;
    auto db = open_server_db(options.db_path, s);
    if (!db) {
      ctx.log.log("error", "database_open_failed", {{"code", s.code}, {"message", s.message_fr}});
      return 1;
    }
  }
  const bool tls = !options.cert_file.empty() && !options.key_file.empty();
  std::unique_ptr<httplib::Server> server;
  if (tls) {
    server = std::make_unique<httplib::SSLServer>(options.cert_file.c_str(), options.key_file.c_str());
  } else {
    server = std::make_unique<httplib::Server>();
  }
  if (!server->is_valid()) {
    ctx.log.log("error", "tls_setup_failed", {{"cert", options.cert_file}});
    return 1;
  }
  server->set_payload_max_length(kMaxBody);
  const auto listen_socket = limit_slow_clients(*server, options);
  add_routes(*server, ctx);

  int port = options.port;
  if (port == 0) {
    port = server->bind_to_any_port(options.host);
  } else if (!server->bind_to_port(options.host, port)) {
    port = -1;
  }
  if (port <= 0) {
    ctx.log.log("error", "bind_failed", {{"host", options.host}, {"port", options.port}});
    return 1;
  }
  // cpp-httplib 0.11 listens with a backlog of 5 (compiled in): a burst of connections
  // waited for the kernel's retries. Listening again on the bound socket raises it.
  if (*listen_socket >= 0 && ::listen(*listen_socket, options.listen_backlog) != 0) {
    ctx.log.log("error", "listen_backlog_failed", {{"backlog", options.listen_backlog}});
  }
  std::printf("listening on %s://%s:%d\n", tls ? "https" : "http", options.host.c_str(), port);
  std::fflush(stdout);
  ctx.log.log("info", "listening", {{"host", options.host}, {"port", port}, {"tls", tls},
                                    {"page_size", options.page_size},
                                    {"gzip_level", options.gzip_level},
                                    {"test_faults", !options.fault_file.empty()}});

  std::thread waiter([&server, stop_signals] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    server->stop();
  });
  const bool ok = server->listen_after_bind();
  pthread_kill(waiter.native_handle(), SIGTERM);  // wakes the waiter if no signal came
  waiter.join();
  ctx.log.log("info", "stopped", {{"ok", ok}});
  return ok ? 0 : 1;
}

}  // namespace eric::server
