// Parsing the kiosk's script language (see script.h for the syntax).
#include "kiosk/app/script.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>

#include "kiosk/core/base/utf8.h"

namespace eric {

namespace {

unsigned lower_codepoint(unsigned c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;  // À..Þ except ×
  if (c >= 0x100 && c <= 0x12F) return c | 1u;            // Ā ā ... even = capital
  if (c == 0x130) return 'i';
  if (c >= 0x132 && c <= 0x137) return c | 1u;
  if (c >= 0x139 && c <= 0x148 && (c & 1u)) return c + 1;  // odd = capital
  if (c >= 0x14A && c <= 0x177) return c | 1u;            // includes Œ -> œ
  if (c == 0x178) return 0xFF;                             // Ÿ -> ÿ
  if (c >= 0x179 && c <= 0x17E && (c & 1u)) return c + 1;
  return c;
}

// Splits a line into words and quoted strings; `quoted` tells which were in quotes.
bool tokenize(std::string_view line, std::vector<std::string>& words, std::vector<bool>& quoted,
              std::string& error) {
  size_t i = 0;
  while (i < line.size()) {
    const char c = line[i];
    if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
      continue;
    }
    if (c == '"') {
      std::string word;
      ++i;
      bool closed = false;
      while (i < line.size()) {
        if (line[i] == '\\' && i + 1 < line.size() && (line[i + 1] == '"' || line[i + 1] == '\\')) {
          word += line[i + 1];
          i += 2;
          continue;
        }
        if (line[i] == '"') {
          closed = true;
          ++i;
          break;
        }
        word += line[i++];
      }
      if (!closed) {
        error = "guillemet fermant manquant";
        return false;
      }
      words.push_back(std::move(word));
      quoted.push_back(true);
      continue;
    }
    size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
    words.emplace_back(line.substr(start, i - start));
    quoted.push_back(false);
  }
  return true;
}

bool to_number(const std::string& s, double& out) {
  if (s.empty()) return false;
  errno = 0;
  char* end = nullptr;
  out = std::strtod(s.c_str(), &end);
  return errno == 0 && end && *end == '\0' && std::isfinite(out);
}

bool parse_line(std::string_view line, ScriptStep& step, std::string& error) {
  std::vector<std::string> w;
  std::vector<bool> q;
  if (!tokenize(line, w, q, error)) return false;
  const std::string& cmd = w[0];
  const size_t nargs = w.size() - 1;
  auto want_text = [&](StepKind kind) {
    if (nargs != 1 || !q[1]) {
      error = "« " + cmd + " » attend un texte entre guillemets";
      return false;
    }
    step.kind = kind;
    step.text = w[1];
    if (step.text.empty() && kind != StepKind::Type) {
      error = "le texte entre guillemets est vide";
      return false;
    }
    return true;
  };
  auto want_numbers = [&](size_t n, double* out) {
    if (nargs != n) return false;
    for (size_t i = 0; i < n; ++i) {
      if (q[i + 1] || !to_number(w[i + 1], out[i])) return false;
    }
    return true;
  };
  if (cmd == "tap") {
    if (nargs == 1 && q[1]) return want_text(StepKind::Tap);
    double v[2];
    if (!want_numbers(2, v)) {
      error = "« tap » attend un texte entre guillemets ou deux nombres X Y";
      return false;
    }
    step.kind = StepKind::TapAt;
    step.x1 = static_cast<float>(v[0]);
    step.y1 = static_cast<float>(v[1]);
    return true;
  }
  if (cmd == "drag") {
    double v[4];
    if (!want_numbers(4, v)) {
      error = "« drag » attend quatre nombres X1 Y1 X2 Y2";
      return false;
    }
    step.kind = StepKind::Drag;
    step.x1 = static_cast<float>(v[0]);
    step.y1 = static_cast<float>(v[1]);
    step.x2 = static_cast<float>(v[2]);
    step.y2 = static_cast<float>(v[3]);
    return true;
  }
  if (cmd == "type") return want_text(StepKind::Type);
  if (cmd == "double-tap") return want_text(StepKind::DoubleTap);
  if (cmd == "expect") return want_text(StepKind::Expect);
  if (cmd == "expect-not") return want_text(StepKind::ExpectNot);
  if (cmd == "expect-said") return want_text(StepKind::ExpectSaid);
  if (cmd == "expect-chosen") return want_text(StepKind::ExpectChosen);
  if (cmd == "advance") {
    double v[1];
    if (!want_numbers(1, v) || v[0] < 0) {
      error = "« advance » attend un nombre de secondes positif";
      return false;
    }
    step.kind = StepKind::Advance;
    step.seconds = v[0];
    return true;
  }
  if (cmd == "frames") {
    double v[1];
    if (!want_numbers(1, v) || v[0] < 1 || v[0] > 100000 || v[0] != std::floor(v[0])) {
      error = "« frames » attend un nombre entier d'images (1 à 100000)";
      return false;
    }
    step.kind = StepKind::Frames;
    step.frames = static_cast<int>(v[0]);
    return true;
  }
  if (cmd == "wait") {
    double v = 0;
    if (nargs != 2 || !q[1] || w[1].empty() || q[2] || !to_number(w[2], v) || v <= 0 || v > 600) {
      error = "« wait » attend un texte entre guillemets et un nombre de secondes (au plus 600)";
      return false;
    }
    step.kind = StepKind::Wait;
    step.text = w[1];
    step.seconds = v;
    return true;
  }
  if (cmd == "theme" || cmd == "expect-theme") {
    if (nargs != 1 || q[1] || w[1].empty()) {
      error = "« " + cmd + " » attend un nom de thème sans guillemets (standard, high-contrast)";
      return false;
    }
    step.kind = cmd == "theme" ? StepKind::Theme : StepKind::ExpectTheme;
    step.text = w[1];
    return true;
  }
  if (cmd == "screenshot") {
    if (nargs != 1 || w[1].empty() || w[1].find('/') != std::string::npos ||
        w[1].size() < 5 || w[1].substr(w[1].size() - 4) != ".png") {
      error = "« screenshot » attend un nom de fichier NOM.png (sans dossier)";
      return false;
    }
    step.kind = StepKind::Screenshot;
    step.text = w[1];
    return true;
  }
  error = "commande inconnue « " + cmd +
          " » (tap, double-tap, drag, type, advance, frames, expect, expect-not, expect-chosen, "
          "expect-said, theme, expect-theme, wait, screenshot)";
  return false;
}

}  // namespace

std::string fold_case(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const size_t start = i;
    const std::optional<char32_t> c = utf8::next(s, i);
    if (c) {
      utf8::append(out, lower_codepoint(*c));
    } else {
      out += s[start];  // keep a stray byte as it is
    }
  }
  return out;
}

bool contains_ignoring_case(std::string_view haystack, std::string_view needle) {
  return fold_case(haystack).find(fold_case(needle)) != std::string::npos;
}

Script parse_script(std::string_view text) {
  Script script;
  int line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    ++line_no;
    pos = end + 1;
    size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos || line[first] == '#') {
      if (end == text.size()) break;
      continue;
    }
    ScriptStep step;
    step.line = line_no;
    std::string error;
    if (parse_line(line.substr(first), step, error)) {
      script.steps.push_back(std::move(step));
    } else {
      script.errors.push_back({line_no, error});
    }
    if (end == text.size()) break;
  }
  return script;
}

Status load_script(const std::string& path, Script& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::error("script", "Le script " + path + " ne peut pas être lu.");
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  out = parse_script(buf.str());
  return Status::success();
}

}  // namespace eric
