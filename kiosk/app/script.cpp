// Parsing the kiosk's script language (see script.h for the syntax).
#include "kiosk/app/script.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <utility>

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

Status line_error(std::string why) { return Status::error("script_line", std::move(why)); }

// A line split into words; `quoted` tells which were in quotes. The first word is the command.
struct Words {
  std::vector<std::string> text;
  std::vector<bool> quoted;
  const std::string& command() const { return text[0]; }
  size_t args() const { return text.size() - 1; }
  // The one argument is a quoted text.
  bool one_text() const { return args() == 1 && quoted[1]; }
};

// Reads a quoted string starting after its opening quote at line[i]; \" and \\ are escapes.
Result<std::string> quoted_word(std::string_view line, size_t& i) {
  std::string word;
  while (i < line.size()) {
    if (line[i] == '\\' && i + 1 < line.size() && (line[i + 1] == '"' || line[i + 1] == '\\')) {
      word += line[i + 1];
      i += 2;
      continue;
    }
    if (line[i] == '"') {
      ++i;
      return {std::move(word), Status::success()};
    }
    word += line[i++];
  }
  return {{}, line_error("guillemet fermant manquant")};
}

Result<Words> tokenize(std::string_view line) {
  Words words;
  size_t i = 0;
  while (i < line.size()) {
    const char c = line[i];
    if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
      continue;
    }
    if (c == '"') {
      ++i;
      Result<std::string> word = quoted_word(line, i);
      if (!word.ok()) return {{}, std::move(word.status)};
      words.text.push_back(std::move(word.value));
      words.quoted.push_back(true);
      continue;
    }
    size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
    words.text.emplace_back(line.substr(start, i - start));
    words.quoted.push_back(false);
  }
  return {std::move(words), Status::success()};
}

bool to_number(const std::string& s, double& out) {
  if (s.empty()) return false;
  errno = 0;
  char* end = nullptr;
  out = std::strtod(s.c_str(), &end);
  return errno == 0 && end && *end == '\0' && std::isfinite(out);
}

// Exactly n unquoted numbers as arguments, into out.
bool numbers(const Words& w, size_t n, double* out) {
  if (w.args() != n) return false;
  for (size_t i = 0; i < n; ++i) {
    if (w.quoted[i + 1] || !to_number(w.text[i + 1], out[i])) return false;
  }
  return true;
}

Result<ScriptStep> step_of(ScriptStep step) { return {std::move(step), Status::success()}; }

// The commands whose one argument is a quoted text.
constexpr std::pair<std::string_view, StepKind> kTextCommands[] = {
    {"type", StepKind::Type},
    {"double-tap", StepKind::DoubleTap},
    {"tap-disabled", StepKind::TapDisabled},
    {"expect", StepKind::Expect},
    {"expect-not", StepKind::ExpectNot},
    {"expect-said", StepKind::ExpectSaid},
    {"expect-chosen", StepKind::ExpectChosen},
};

Result<ScriptStep> text_step(const Words& w, StepKind kind) {
  if (!w.one_text())
    return {{}, line_error("« " + w.command() + " » attend un texte entre guillemets")};
  // An empty `type` types nothing; an empty text to find or to check would match anything.
  if (w.text[1].empty() && kind != StepKind::Type)
    return {{}, line_error("le texte entre guillemets est vide")};
  ScriptStep step;
  step.kind = kind;
  step.text = w.text[1];
  return step_of(std::move(step));
}

Result<ScriptStep> tap_step(const Words& w) {
  if (w.one_text()) return text_step(w, StepKind::Tap);
  double v[2];
  if (!numbers(w, 2, v))
    return {{}, line_error("« tap » attend un texte entre guillemets ou deux nombres X Y")};
  ScriptStep step;
  step.kind = StepKind::TapAt;
  step.x1 = static_cast<float>(v[0]);
  step.y1 = static_cast<float>(v[1]);
  return step_of(std::move(step));
}

Result<ScriptStep> drag_step(const Words& w) {
  double v[4];
  if (!numbers(w, 4, v)) return {{}, line_error("« drag » attend quatre nombres X1 Y1 X2 Y2")};
  ScriptStep step;
  step.kind = StepKind::Drag;
  step.x1 = static_cast<float>(v[0]);
  step.y1 = static_cast<float>(v[1]);
  step.x2 = static_cast<float>(v[2]);
  step.y2 = static_cast<float>(v[3]);
  return step_of(std::move(step));
}

Result<ScriptStep> advance_step(const Words& w) {
  double v[1];
  if (!numbers(w, 1, v) || v[0] < 0)
    return {{}, line_error("« advance » attend un nombre de secondes positif")};
  ScriptStep step;
  step.kind = StepKind::Advance;
  step.seconds = v[0];
  return step_of(std::move(step));
}

Result<ScriptStep> frames_step(const Words& w) {
  double v[1];
  if (!numbers(w, 1, v) || v[0] < 1 || v[0] > 100000 || v[0] != std::floor(v[0]))
    return {{}, line_error("« frames » attend un nombre entier d'images (1 à 100000)")};
  ScriptStep step;
  step.kind = StepKind::Frames;
  step.frames = static_cast<int>(v[0]);
  return step_of(std::move(step));
}

Result<ScriptStep> wait_step(const Words& w) {
  double v = 0;
  if (w.args() != 2 || !w.quoted[1] || w.text[1].empty() || w.quoted[2] ||
      !to_number(w.text[2], v) || v <= 0 || v > 600)
    return {{}, line_error("« wait » attend un texte entre guillemets et un nombre de secondes "
                           "(au plus 600)")};
  ScriptStep step;
  step.kind = StepKind::Wait;
  step.text = w.text[1];
  step.seconds = v;
  return step_of(std::move(step));
}

// `theme NAME` and `expect-theme NAME`: a bare name, no quotes.
Result<ScriptStep> theme_step(const Words& w, StepKind kind) {
  if (w.args() != 1 || w.quoted[1] || w.text[1].empty())
    return {{}, line_error("« " + w.command() +
                           " » attend un nom de thème sans guillemets (standard, high-contrast)")};
  ScriptStep step;
  step.kind = kind;
  step.text = w.text[1];
  return step_of(std::move(step));
}

Result<ScriptStep> screenshot_step(const Words& w) {
  const std::string name = w.args() == 1 ? w.text[1] : std::string();
  if (name.find('/') != std::string::npos || name.size() < 5 ||
      name.substr(name.size() - 4) != ".png")
    return {{}, line_error("« screenshot » attend un nom de fichier NOM.png (sans dossier)")};
  ScriptStep step;
  step.kind = StepKind::Screenshot;
  step.text = name;
  return step_of(std::move(step));
}

Result<ScriptStep> parse_line(std::string_view line) {
  Result<Words> words = tokenize(line);
  if (!words.ok()) return {{}, std::move(words.status)};
  const Words& w = words.value;
  const std::string& cmd = w.command();
  for (const auto& [name, kind] : kTextCommands)
    if (cmd == name) return text_step(w, kind);
  if (cmd == "tap") return tap_step(w);
  if (cmd == "drag") return drag_step(w);
  if (cmd == "advance") return advance_step(w);
  if (cmd == "frames") return frames_step(w);
  if (cmd == "wait") return wait_step(w);
  if (cmd == "theme") return theme_step(w, StepKind::Theme);
  if (cmd == "expect-theme") return theme_step(w, StepKind::ExpectTheme);
  if (cmd == "screenshot") return screenshot_step(w);
  if (cmd == "expect-site-text-size") {
    if (w.args() != 0)
      return {{}, line_error("« expect-site-text-size » ne prend pas d'argument")};
    ScriptStep step;
    step.kind = StepKind::ExpectSiteTextSize;
    return step_of(std::move(step));
  }
  return {{}, line_error("commande inconnue « " + cmd +
                         " » (tap, double-tap, tap-disabled, drag, type, advance, frames, "
                         "expect, expect-not, expect-chosen, expect-said, theme, expect-theme, "
                         "expect-site-text-size, wait, screenshot)")};
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
    Result<ScriptStep> step = parse_line(line.substr(first));
    if (step.ok()) {
      step.value.line = line_no;
      script.steps.push_back(std::move(step.value));
    } else {
      script.errors.push_back({line_no, std::move(step.status.message_fr)});
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
