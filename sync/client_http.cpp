// The terminal's HTTP transport over libcurl (see client_http.h).
#include "sync/client_http.h"

#include <curl/curl.h>

#include <cctype>
#include <string_view>

#include "sync/protocol.h"

namespace eric {
// Named, not anonymous: HttpClient::Impl, which has external linkage, holds them.
struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

namespace {

size_t on_body(char* data, size_t size, size_t n, void* user) {
  static_cast<HttpResponse*>(user)->body.append(data, size * n);
  return size * n;
}

// libcurl has no ETag support: read ETag and Retry-After from the header lines ourselves.
size_t on_header(char* data, size_t size, size_t n, void* user) {
  auto* out = static_cast<HttpResponse*>(user);
  std::string_view line(data, size * n);
  const auto colon = line.find(':');
  if (colon == std::string_view::npos) {
    if (line.rfind("HTTP/", 0) == 0) {  // a new answer (after a 100 Continue): start over
      out->etag.clear();
      out->retry_after_s = -1;
    }
    return size * n;
  }
  std::string name(line.substr(0, colon));
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) {
    value.remove_suffix(1);
  }
  if (name == "etag") {
    out->etag = std::string(value);
  } else if (name == "retry-after") {
    int seconds = 0;
    bool digits = !value.empty();
    for (char c : value) {
      if (c < '0' || c > '9') digits = false;
      else if (seconds < 86400) seconds = seconds * 10 + (c - '0');
    }
    // An HTTP date instead of seconds: wait a minute rather than guess.
    out->retry_after_s = digits ? seconds : 60;
  }
  return size * n;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  return static_cast<const std::atomic<bool>*>(user)->load() ? 1 : 0;
}

Status transport_error(CURLcode code) {
  switch (code) {
    case CURLE_ABORTED_BY_CALLBACK:
      return Status::error("cancelled", "La synchronisation a été interrompue.");
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return Status::error("server_unknown", "L'adresse du serveur régional est introuvable.");
    case CURLE_COULDNT_CONNECT:
      return Status::error("server_unreachable", "Le serveur ne répond pas.");
    case CURLE_OPERATION_TIMEDOUT:
      return Status::error("timeout", "Le serveur met trop de temps à répondre.");
    case CURLE_PARTIAL_FILE:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
      return Status::error("connection_cut", "La connexion avec le serveur a été coupée.");
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
      return Status::error("tls_error",
                           "Le certificat du serveur n'a pas pu être vérifié : connexion refusée.");
    case CURLE_BAD_CONTENT_ENCODING:
    case CURLE_WEIRD_SERVER_REPLY:
      return Status::error("malformed_response", "Le serveur a envoyé une réponse illisible.");
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
      return Status::error("bad_url", "L'adresse du serveur régional est mal écrite.");
    default:
      return Status::error("network_error", std::string("Erreur réseau : ") + curl_easy_strerror(code) + ".");
  }
}

}  // namespace

struct HttpClient::Impl {
  HttpOptions options;
  std::unique_ptr<CURL, CurlDeleter> curl;
};

HttpClient::HttpClient(HttpOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->curl.reset(curl_easy_init());
}

HttpClient::~HttpClient() = default;

Status HttpClient::get(const std::string& url, const std::vector<std::string>& headers,
                       HttpResponse& out) {
  return perform(url, headers, nullptr, out);
}

Status HttpClient::post_json(const std::string& url, const std::vector<std::string>& headers,
                             const std::string& body, HttpResponse& out) {
  std::vector<std::string> h = headers;
  h.push_back("Content-Type: application/json");
  return perform(url, h, &body, out);
}

Status HttpClient::perform(const std::string& url, const std::vector<std::string>& headers,
                           const std::string* post_body, HttpResponse& out) {
  out = HttpResponse{};
  CURL* c = impl_->curl.get();
  if (!c) return Status::error("network_error", "La bibliothèque réseau n'a pas pu démarrer.");
  curl_easy_reset(c);
  std::unique_ptr<curl_slist, SlistDeleter> list;
  auto add = [&list](const char* line) {
    curl_slist* head = curl_slist_append(list.get(), line);  // same head once the list exists
    if (head && !list) list.reset(head);
    return head != nullptr;
  };
  bool added = true;
  for (const auto& h : headers) added = added && add(h.c_str());
  // Short requests: no "Accept: */*" line, no Expect: 100-continue round trip.
  added = added && add("Accept:") && add("Expect:");
  if (!added) return Status::error("network_error", "Mémoire insuffisante pour la requête.");
  const HttpOptions& o = impl_->options;
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, list.get());
  curl_easy_setopt(c, CURLOPT_USERAGENT, "eric-kiosk/1");
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl decodes
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);           // worker threads: no SIGALRM
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(o.connect_timeout_ms));
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(o.total_timeout_ms));
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  // Verification is always on; a test passes its own CA, never "verify off".
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!o.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, o.ca_file.c_str());
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &out);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &out);
  if (o.cancel) {
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, o.cancel);
  }
  if (post_body) {
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, post_body->data());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(post_body->size()));
  }
  const CURLcode rc = curl_easy_perform(c);
  curl_off_t down = 0;
  long header_size = 0, request_size = 0, status = 0;
  curl_easy_getinfo(c, CURLINFO_SIZE_DOWNLOAD_T, &down);
  curl_easy_getinfo(c, CURLINFO_HEADER_SIZE, &header_size);
  curl_easy_getinfo(c, CURLINFO_REQUEST_SIZE, &request_size);
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  out.bytes_down = static_cast<int64_t>(down) + header_size;
  out.bytes_up = request_size;
  if (rc != CURLE_OK) return transport_error(rc);
  out.status = static_cast<int>(status);
  return Status::success();
}

Status http_error_status(const HttpResponse& r) {
  std::string code, message;
  parse_error_body(r.body, code, message);
  const std::string n = std::to_string(r.status);
  if (r.status == 401) {
    return Status::error("unauthorized",
                         "Le serveur ne reconnaît pas ce terminal : il faut l'inscrire à nouveau.");
  }
  if (r.status == 429) {
    return Status::error("rate_limited", "Le serveur demande d'attendre avant un nouvel essai.");
  }
  if (r.status == 503) {
    return Status::error("unavailable", "Le serveur régional est momentanément indisponible.");
  }
  if (r.status >= 500) {
    return Status::error("server_error", "Le serveur régional est en panne (erreur " + n + ").");
  }
  if (!message.empty()) return Status::error(code.empty() ? "http_" + n : code, message);
  return Status::error("http_" + n, "Le serveur a refusé la demande (erreur " + n + ").");
}

}  // namespace eric
