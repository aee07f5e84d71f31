// Texts for reading aloud (see read_aloud.h).
#include "kiosk/app/read_aloud.h"

#include <cmath>
#include <vector>

#include "kiosk/ui/probe.h"
#include "kiosk/ui/ui.h"

namespace eric {

namespace {

// Ends each piece with a stop when it has no punctuation of its own, so the voice pauses
// between a title and a button instead of running them together.
void append_sentence(std::string& out, std::string_view piece) {
  while (!piece.empty() && (piece.back() == ' ' || piece.back() == '\n')) piece.remove_suffix(1);
  if (piece.empty()) return;
  if (!out.empty()) out += ' ';
  out += piece;
  const char last = piece.back();
  if (last != '.' && last != '?' && last != '!' && last != ':') out += '.';
}

bool readable(ui::ProbeKind kind) {
  return kind != ui::ProbeKind::Key && kind != ui::ProbeKind::Input;
}

}  // namespace

std::string screen_reading(const ui::UiProbe& probe, std::string_view title, float top,
                           float bottom) {
  std::string out;
  append_sentence(out, title);
  std::vector<std::string_view> said;
  for (const ui::ProbeItem& item : probe.items()) {
    if (!readable(item.kind) || item.y < top || item.y + item.h > bottom) continue;
    bool repeat = false;
    for (std::string_view s : said) repeat = repeat || s == item.text;
    if (repeat || item.text == title) continue;
    said.push_back(item.text);
    append_sentence(out, item.text);
  }
  return out;
}

std::string tapped_label(const ui::UiProbe& probe, const ui::ReadingMode& reading) {
  // The widget recorded the rectangle it was tapped in; a text drawn inside it is its label
  // when the widget recorded none.
  const auto same = [](float a, float b) { return std::fabs(a - b) < 0.5f; };
  std::string inside;
  for (const ui::ProbeItem& item : probe.items()) {
    if (same(item.x, reading.x) && same(item.y, reading.y) && same(item.w, reading.w) &&
        same(item.h, reading.h) && !item.text.empty())
      return item.text;
    const bool within = item.x >= reading.x && item.y >= reading.y &&
                        item.x + item.w <= reading.x + reading.w + 0.5f &&
                        item.y + item.h <= reading.y + reading.h + 0.5f;
    if (within && !item.text.empty()) append_sentence(inside, item.text);
  }
  return inside;
}

std::string banner_line(const ui::UiProbe& probe) {
  for (const ui::ProbeItem& item : probe.items())
    if (item.kind == ui::ProbeKind::Banner) return item.text;
  return {};
}

}  // namespace eric
