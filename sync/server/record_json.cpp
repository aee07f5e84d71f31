// Records written as JSON text (see record_json.h).
#include "sync/server/record_json.h"

#include <charconv>
#include <cmath>

#include "sync/protocol_fields.h"
#include "sync/server/byte_words.h"

namespace eric::server {
namespace {

// Long texts are most of a record's JSON and rarely need an escape: eight bytes are checked
// at once (the byte loop was a twentieth of an import).
bool word_needs_escape(const char* at) {
  const uint64_t w = load_word(at);
  return (control_bytes(w) | bytes_equal(w, '"') | bytes_equal(w, '\\')) != 0;
}

void append_escaped(std::string& out, const std::string& s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  std::size_t plain = 0;  // start of the run not yet copied
  for (std::size_t i = 0; i < s.size();) {
    if (i + 8 <= s.size() && !word_needs_escape(s.data() + i)) {
      i += 8;
      continue;
    }
    const auto c = static_cast<unsigned char>(s[i++]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s, plain, i - 1 - plain);
    plain = i;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
  }
  out.append(s, plain, std::string::npos);
  out += '"';
}

template <class T> void append_value(std::string& out, const T& v) {
  if constexpr (std::is_same_v<T, std::string>) {
    append_escaped(out, v);
  } else if constexpr (std::is_same_v<T, bool>) {
    out += v ? "true" : "false";
  } else if constexpr (std::is_floating_point_v<T>) {
    if (!std::isfinite(v)) {
      out += "null";
      return;
    }
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    std::string_view text(buf, static_cast<std::size_t>(end - buf));
    out += text;
    // A whole double stays a JSON number with a fraction, as nlohmann writes it ("5.0").
    if (ec == std::errc() && text.find_first_of(".eEn") == std::string_view::npos) out += ".0";
  } else if constexpr (std::is_integral_v<T>) {
    out += std::to_string(v);
  } else {
    out += '[';
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i > 0) out += ',';
      append_escaped(out, v[i]);
    }
    out += ']';
  }
}

}  // namespace

std::string record_json_text(const Record& record) {
  std::string out;
  out.reserve(512);
  out += '{';
  std::visit(
      [&](const auto& r) {
        protocol_detail::visit_fields(r, [&](const char* name, const auto& v, protocol_detail::FieldKind) {
          if (out.size() > 1) out += ',';
          out += '"';
          out += name;
          out += "\":";
          append_value(out, v);
        });
      },
      record);
  out += '}';
  return out;
}

}  // namespace eric::server
