// On-screen keyboards: AZERTY with French accents, email extras, numeric/phone pads, PIN pad.
#include "kiosk/ui/keyboard.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "kiosk/core/base/utf8.h"
#include "kiosk/ui/widgets.h"
#include "kiosk/ui/widgets_internal.h"

namespace eric::ui {

using detail::col;

std::string key_upper(std::string_view key) {
  struct Pair {
    std::string_view lower, upper;
  };
  static constexpr Pair kAccents[] = {
      {"é", "É"}, {"è", "È"}, {"ê", "Ê"}, {"ë", "Ë"}, {"à", "À"}, {"â", "Â"}, {"ç", "Ç"},
      {"ô", "Ô"}, {"î", "Î"}, {"ï", "Ï"}, {"ù", "Ù"}, {"û", "Û"}, {"ü", "Ü"}, {"œ", "Œ"},
  };
  if (key.size() == 1 && key[0] >= 'a' && key[0] <= 'z')
    return std::string(1, static_cast<char>(key[0] - 'a' + 'A'));
  for (const Pair& p : kAccents)
    if (p.lower == key) return std::string(p.upper);
  return std::string(key);
}

namespace {

enum class KeyAction { Type, Shift, Backspace, Ok };

struct Key {
  std::string_view types;  // for Type: the character
  KeyAction action = KeyAction::Type;
  float width = 1.0f;  // in key units
  std::string_view label_key;  // i18n key of the label for special keys
};

using Row = std::vector<Key>;

Key t(std::string_view s, float w = 1.0f) { return Key{s, KeyAction::Type, w, {}}; }

std::vector<Row> layout(KeyboardMode mode) {
  const Key shift{"shift", KeyAction::Shift, 1.5f, "ui.keyboard.shift"};
  const Key back{"backspace", KeyAction::Backspace, 2.0f, "ui.keyboard.erase"};
  const Key ok{"ok", KeyAction::Ok, 2.5f, "ui.keyboard.ok"};
  const Key space{" ", KeyAction::Type, 5.0f, "ui.keyboard.space"};
  const Row digits = {t("1"), t("2"), t("3"), t("4"), t("5"),
                      t("6"), t("7"), t("8"), t("9"), t("0")};
  switch (mode) {
    case KeyboardMode::Numeric:
      return {{t("1"), t("2"), t("3")},
              {t("4"), t("5"), t("6")},
              {t("7"), t("8"), t("9")},
              {back, t("0"), ok}};
    case KeyboardMode::Phone:
      return {{t("1"), t("2"), t("3")},
              {t("4"), t("5"), t("6")},
              {t("7"), t("8"), t("9")},
              {t("+"), t("0"), Key{" ", KeyAction::Type, 1.0f, "ui.keyboard.space"}},
              {back, ok}};
    case KeyboardMode::Email:
      return {digits,
              {t("a"), t("z"), t("e"), t("r"), t("t"), t("y"), t("u"), t("i"), t("o"), t("p")},
              {t("q"), t("s"), t("d"), t("f"), t("g"), t("h"), t("j"), t("k"), t("l"), t("m")},
              {shift, t("w"), t("x"), t("c"), t("v"), t("b"), t("n"), t("-"), t("_"), back},
              {t("@", 1.5f), t(".", 1.5f), t(".fr", 1.5f), t(".com", 1.5f), ok}};
    case KeyboardMode::Url:
      return {digits,
              {t("a"), t("z"), t("e"), t("r"), t("t"), t("y"), t("u"), t("i"), t("o"), t("p")},
              {t("q"), t("s"), t("d"), t("f"), t("g"), t("h"), t("j"), t("k"), t("l"), t("m")},
              {t("w"), t("x"), t("c"), t("v"), t("b"), t("n"), t("-"), t("_"), t(":"), back},
              {t("https://", 2.5f), t("/", 1.0f), t(".", 1.0f), t(".fr", 1.5f), ok}};
    case KeyboardMode::Text:
      break;
  }
  return {{t("é"), t("è"), t("ê"), t("à"), t("â"), t("ç"), t("ô"), t("î"), t("ù"), t("û"),
           t("ë"), t("ï"), t("œ")},
          {t("a"), t("z"), t("e"), t("r"), t("t"), t("y"), t("u"), t("i"), t("o"), t("p")},
          {t("q"), t("s"), t("d"), t("f"), t("g"), t("h"), t("j"), t("k"), t("l"), t("m")},
          {shift, t("w"), t("x"), t("c"), t("v"), t("b"), t("n"), t("'"), t("-"), back},
          {space, ok}};
}

bool is_pad(KeyboardMode mode) {
  return mode == KeyboardMode::Numeric || mode == KeyboardMode::Phone;
}

float key_gap(const Ui& ui) { return px(ui, 10); }
// Keys grow with the text size, but the tallest keyboard (five rows) keeps at most half the
// screen, so the field being typed stays above it (a 1366x768 screen at A++); never below a
// finger's 64 design pixels.
float key_height(const Ui& ui) {
  constexpr float kRows = 5;
  const float half = 0.5f * ImGui::GetIO().DisplaySize.y - 1.2f * em(ui) - (kRows - 1) * key_gap(ui);
  return std::max(px(ui, 64), std::min(std::max(target_height(ui), px(ui, 72)), half / kRows));
}

// Draws one key and records it; true on a tap.
bool draw_key(Ui& ui, const ImRect& bb, std::string_view label, std::string_view types,
              bool strong, bool word) {
  ImGui::SetCursorScreenPos(bb.Min);
  ImGui::PushID(types.data(), types.data() + types.size());
  const detail::TapResult r = detail::tap_item(ui, ImGui::GetID("key"), bb);
  ImGui::PopID();
  if (!r.visible) return false;
  const Theme& th = ui.theme;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float rounding = 0.25f * em(ui);
  Color fill = strong ? th.primary : th.key_bg;
  Color fg = strong ? th.on_primary : th.text;
  if (r.held) {
    fill = strong ? th.primary_pressed : th.pressed_bg;
  }
  dl->AddRectFilled(bb.Min, bb.Max, col(fill), rounding);
  if (th.kind == ThemeKind::HighContrast)  // "Valider" is black on the black keyboard: a yellow edge
    dl->AddRect(bb.Min, bb.Max, col(strong ? th.on_primary : th.card_border), rounding, 0,
                px(ui, strong ? 3 : 2));
  const FontRole font = word ? FontRole::BodyBold : FontRole::Heading;  // "Effacer" vs "é"
  const ImVec2 ls = detail::measure(ui, font, label);
  detail::draw_text(ui, font, ImVec2(std::round(bb.Min.x + (bb.GetWidth() - ls.x) * 0.5f),
                                     std::round(bb.Min.y + (bb.GetHeight() - ls.y) * 0.5f)),
                    fg, label, 0, false);
  detail::record(ui, ProbeKind::Key, label, bb, true, types);
  return r.tapped;
}

// Lays rows out in area (centred) and applies the tapped key to text.
KeyResult draw_rows(Ui& ui, const std::vector<Row>& rows, const ImRect& area, std::string& text,
                    size_t max_chars, bool shift_applies) {
  KeyResult result = KeyResult::None;
  const float kh = key_height(ui);
  const float gap = key_gap(ui);
  // One key unit for all rows: the widest row fits the area; keys at most 1.6 heights wide.
  float unit = kh * 1.6f;
  for (const Row& row : rows) {
    float units = 0;
    for (const Key& k : row) units += k.width;
    unit = std::min(unit, (area.GetWidth() - (row.size() - 1) * gap) / units);
  }
  float y = area.Min.y;
  const bool caps = shift_applies && ui.keyboard.shift;
  for (const Row& row : rows) {
    float row_w = 0;
    for (const Key& k : row) row_w += k.width * unit;
    row_w += (row.size() - 1) * gap;
    float x = std::round(area.Min.x + (area.GetWidth() - row_w) * 0.5f);
    for (const Key& k : row) {
      const float w = k.width * unit;
      const ImRect bb(ImVec2(x, y), ImVec2(x + w, y + kh));
      x += w + gap;
      std::string types(k.types);
      std::string label;
      if (!k.label_key.empty())
        label = tr(ui, k.label_key);
      else if (caps && k.action == KeyAction::Type)
        label = types = key_upper(k.types);
      else
        label = types;
      const bool strong = k.action == KeyAction::Ok || (k.action == KeyAction::Shift && caps);
      if (!draw_key(ui, bb, label, types, strong, !k.label_key.empty() || types.size() > 2))
        continue;
      switch (k.action) {
        case KeyAction::Type:
          if (utf8::length(text) + utf8::length(types) <= max_chars) {
            text += types;
            result = KeyResult::Edited;
          }
          ui.keyboard.shift = false;  // one capital, as phones do
          break;
        case KeyAction::Shift:
          ui.keyboard.shift = !ui.keyboard.shift;
          break;
        case KeyAction::Backspace:
          if (!text.empty()) {
            utf8::pop_back(text);
            result = KeyResult::Edited;
          }
          break;
        case KeyAction::Ok:
          result = KeyResult::Ok;
          break;
      }
    }
    y += kh + gap;
  }
  return result;
}

}  // namespace

float keyboard_height(const Ui& ui, KeyboardMode mode) {
  const size_t rows = layout(mode).size();
  const float pad = 0.6f * em(ui);
  return 2 * pad + rows * key_height(ui) + (rows - 1) * key_gap(ui);
}

KeyResult keyboard(Ui& ui, std::string& text, const KeyboardOpts& opts) {
  const ImGuiIO& io = ImGui::GetIO();
  const float h = keyboard_height(ui, opts.mode);
  ImGui::SetNextWindowPos(ImVec2(0, io.DisplaySize.y - h));
  ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, h));
  ImGui::PushStyleColor(ImGuiCol_WindowBg,
                        ImGui::ColorConvertU32ToFloat4(col(ui.theme.keyboard_bg)));
  ImGui::Begin("##keyboard", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav |
                   ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PopStyleColor();
  // Over the page (the page window must not come to front when touched).
  ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
  // What it covers: the field being typed must stay out of it (layout_faults.h).
  ui.probe.keyboard_at(0, io.DisplaySize.y - h, io.DisplaySize.x, h);
  const float pad = 0.6f * em(ui);
  const float width = is_pad(opts.mode) ? std::min(io.DisplaySize.x, 14.0f * em(ui))
                                        : std::min(io.DisplaySize.x - 2 * pad, 50.0f * em(ui));
  const float x0 = (io.DisplaySize.x - width) * 0.5f;
  const ImRect area(ImVec2(x0, io.DisplaySize.y - h + pad),
                    ImVec2(x0 + width, io.DisplaySize.y - pad));
  KeyResult r;
  {
    // Keys keep the places fingers know, on a right-to-left screen too (mirror.h).
    const KeepWhole usual_places(ui, ImGui::GetWindowDrawList());
    r = draw_rows(ui, layout(opts.mode), area, text, opts.max_chars, !is_pad(opts.mode));
  }
  ImGui::End();
  return r;
}

KeyResult pin_pad(Ui& ui, std::string& pin, size_t max_digits) {
  const float e = em(ui);
  const float kh = key_height(ui);
  const float gap = key_gap(ui);
  const float kw = kh * 1.6f;
  const float width = 3 * kw + 2 * gap;
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  // The dots: one per digit typed, empty rings for the rest. Never the digits themselves.
  const float dot = 0.8f * e;
  const float dots_h = dot + e;
  const float dots_w = max_digits * dot + (max_digits > 0 ? (max_digits - 1) * 0.6f * e : 0);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  // A phone's digits keep their places on a right-to-left screen too (mirror.h).
  const KeepWhole usual_places(ui, dl);
  const size_t typed = utf8::length(pin);
  for (size_t i = 0; i < max_digits; ++i) {
    const ImVec2 c(pos.x + (width - dots_w) * 0.5f + i * (dot + 0.6f * e) + dot * 0.5f,
                   pos.y + dots_h * 0.5f);
    if (i < typed)
      dl->AddCircleFilled(c, dot * 0.5f, col(ui.theme.text), 24);
    else
      dl->AddCircle(c, dot * 0.5f, col(ui.theme.text_secondary), 24, px(ui, 2));
  }
  std::string masked;
  for (size_t i = 0; i < typed; ++i) masked += "\xE2\x80\xA2";  // •
  detail::record(ui, ProbeKind::Input, masked,
                 ImRect(ImVec2(pos.x, pos.y), ImVec2(pos.x + width, pos.y + dots_h)), false);
  const std::vector<Row> rows = {
      {t("1"), t("2"), t("3")},
      {t("4"), t("5"), t("6")},
      {t("7"), t("8"), t("9")},
      {Key{"backspace", KeyAction::Backspace, 1.0f, "ui.keyboard.erase"}, t("0"),
       Key{"ok", KeyAction::Ok, 1.0f, "ui.keyboard.ok"}},
  };
  const ImRect area(ImVec2(pos.x, pos.y + dots_h),
                    ImVec2(pos.x + width, pos.y + dots_h + 4 * kh + 3 * gap));
  ImGui::PushID("pin_pad");
  KeyResult r = draw_rows(ui, rows, area, pin, max_digits, false);
  ImGui::PopID();
  if (r == KeyResult::Ok && pin.empty()) r = KeyResult::None;
  ImGui::SetCursorScreenPos(pos);
  ImGui::Dummy(ImVec2(width, area.Max.y - pos.y));
  return r;
}

}  // namespace eric::ui
