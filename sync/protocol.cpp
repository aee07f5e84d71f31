// Sync protocol v1: pages, outbox answers, error bodies, bundles, hashes and UUIDs.
#include "sync/protocol.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include "kiosk/core/base/json_bounded.h"


namespace eric {
namespace {

using nlohmann::json;

Status malformed(const char* what) {
  return Status::error("malformed_response",
                       std::string("Le serveur a envoyé une réponse illisible (") + what + ").");
}

// The body parsed without exceptions: a discarded value means "not JSON" or nested deeper
// than any answer of the protocol (refused before anything recurses over it).
bool parse_object(std::string_view body, json& out) {
  out = parse_bounded_json(body);
  return !out.is_discarded() && out.is_object();
}

bool read_string(const json& j, const char* name, std::string& out, bool required) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return !required;
  if (!it->is_string()) return false;
  out = it->get<std::string>();
  return true;
}

bool read_bool(const json& j, const char* name, bool& out) {
  auto it = j.find(name);
  if (it == j.end()) return true;
  if (!it->is_boolean()) return false;
  out = it->get<bool>();
  return true;
}

Status read_page_header(const json& j, CatalogPage& out) {
  if (!read_string(j, "cursor", out.cursor, true)) return malformed("cursor");
  if (!read_bool(j, "full", out.full) || !read_bool(j, "has_more", out.has_more)) {
    return malformed("full/has_more");
  }
  auto it = j.find("changes");
  if (it == j.end() || !it->is_array()) return malformed("changes");
  return Status::success();
}

}  // namespace

Status parse_catalog_page_header(std::string_view body, CatalogPage& out) {
  json j;
  if (!parse_object(body, j)) return malformed("JSON");
  return read_page_header(j, out);
}

Status parse_outbox_status_page(std::string_view body, OutboxStatusPage& out) {
  json j;
  if (!parse_object(body, j)) return malformed("JSON");
  if (!read_string(j, "cursor", out.cursor, true)) return malformed("cursor");
  if (!read_bool(j, "has_more", out.has_more)) return malformed("has_more");
  auto it = j.find("changes");
  if (it == j.end() || !it->is_array()) return malformed("changes");
  out.changes.clear();
  for (const auto& c : *it) {
    if (!c.is_object()) return malformed("changes");
    OutboxStatusChange change;
    if (!read_string(c, "id", change.id, true) || !read_string(c, "status", change.status, true) ||
        !read_string(c, "reason", change.reason, false) ||
        !read_string(c, "message", change.message, false) ||
        !read_string(c, "at", change.at, false)) {
      return malformed("changes");
    }
    out.changes.push_back(std::move(change));
  }
  return Status::success();
}

Status parse_outbox_answers(std::string_view body, std::vector<OutboxAnswer>& out) {
  json j;
  if (!parse_object(body, j)) return malformed("JSON");
  auto it = j.find("results");
  if (it == j.end() || !it->is_array()) return malformed("results");
  out.clear();
  for (const auto& r : *it) {
    if (!r.is_object()) return malformed("results");
    OutboxAnswer a;
    if (!read_string(r, "id", a.id, true) || !read_string(r, "status", a.status, true) ||
        !read_string(r, "ref", a.ref, false) || !read_string(r, "reason", a.reason, false) ||
        !read_string(r, "message", a.message, false) || !read_bool(r, "replay", a.replay)) {
      return malformed("results");
    }
    if (a.status != "accepted" && a.status != "rejected") return malformed("status");
    out.push_back(std::move(a));
  }
  return Status::success();
}

bool parse_error_body(std::string_view body, std::string& code, std::string& message) {
  json j;
  if (!parse_object(body, j)) return false;
  auto it = j.find("error");
  if (it == j.end() || !it->is_object()) return false;
  return read_string(*it, "code", code, true) && read_string(*it, "message", message, false);
}

std::string error_body(std::string_view code, std::string_view message_fr) {
  json j;
  j["error"] = {{"code", code}, {"message", message_fr}};
  return j.dump();
}

std::string make_bundle(const BundleHeader& h, const std::string& body) {
  json header = {{"format", "eric-catalog-bundle"}, {"protocol", kProtocolVersion},
                 {"site_id", h.site_id},           {"cursor", h.cursor},
                 {"created_at", h.created_at},     {"records", h.records},
                 {"sha256", sha256_hex(body)}};
  return header.dump() + "\n" + body;
}

Status split_bundle(std::string_view file, BundleHeader& h, std::string_view& body) {
  const Status bad = Status::error(
      "bad_bundle", "Ce fichier n'est pas un catalogue exporté par le serveur régional.");
  auto nl = file.find('\n');
  if (nl == std::string_view::npos) return bad;
  json header;
  if (!parse_object(file.substr(0, nl), header)) return bad;
  std::string format;
  if (!read_string(header, "format", format, true) || format != "eric-catalog-bundle") return bad;
  auto proto = header.find("protocol");
  if (proto == header.end() || !proto->is_number_integer() ||
      proto->get<int>() != kProtocolVersion) {
    return Status::error("bad_bundle",
                         "Ce catalogue a été exporté dans une version que ce terminal ne lit pas.");
  }
  if (!read_string(header, "site_id", h.site_id, true) ||
      !read_string(header, "cursor", h.cursor, true) ||
      !read_string(header, "created_at", h.created_at, false) ||
      !read_string(header, "sha256", h.sha256, true)) {
    return bad;
  }
  auto records = header.find("records");
  if (records != header.end() && records->is_number_integer()) h.records = records->get<int64_t>();
  body = file.substr(nl + 1);
  if (sha256_hex(body) != h.sha256) {
    return Status::error("bundle_corrupt",
                         "Le fichier du catalogue est abîmé ou incomplet (empreinte différente).");
  }
  return Status::success();
}

std::string sha256_hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), digest, &len, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(len * 2);
  for (unsigned int i = 0; i < len; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 0xF]);
  }
  return out;
}

bool is_uuid(std::string_view t) {
  if (t.size() != 36) return false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
      return false;
    }
  }
  return true;
}

std::string random_hex(std::size_t bytes) {
  std::string raw(bytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), static_cast<int>(bytes)) != 1) {
    return {};
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : raw) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 0xF]);
  }
  return out;
}


}  // namespace eric
