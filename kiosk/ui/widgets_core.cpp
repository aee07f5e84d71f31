// Widget foundations: probe recording, the tap rule (press + release without drag), text.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "kiosk/ui/text_shaping.h"

#include "kiosk/core/base/utf8.h"
#include "kiosk/ui/widgets.h"
#include "kiosk/ui/widgets_internal.h"

namespace eric::ui {

void focus_ring(Ui& ui, ImVec2 min, ImVec2 max, float rounding, bool inside) {
  if (ui.theme.ring_px <= 0) return;
  const float ring = px(ui, ui.theme.ring_px);
  // Outside: a gap, so the ring never merges with the widget's border.
  const float out = inside ? -ring * 0.5f : ring * 0.5f + px(ui, 3);
  ImGui::GetWindowDrawList()->AddRect(ImVec2(min.x - out, min.y - out),
                                      ImVec2(max.x + out, max.y + out), to_u32(ui.theme.focus),
                                      std::max(0.0f, rounding + out), 0, ring);
}

namespace detail {

namespace {

constexpr float kLayoutSlackPx = 1.0f;  // rounding of positions, not a fault

void note(Ui& ui, LayoutFaultKind kind, std::string_view text, const ImRect& r) {
  ui.probe.fault(LayoutFault{kind, std::string(text), r.Min.x, r.Min.y, r.GetWidth(), r.GetHeight()});
}

}  // namespace

void check_placement(Ui& ui, std::string_view text, const ImRect& bb, const ImRect& visible) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const bool past_screen = visible.Min.x < -kLayoutSlackPx || visible.Min.y < -kLayoutSlackPx ||
                           visible.Max.x > display.x + kLayoutSlackPx ||
                           visible.Max.y > display.y + kLayoutSlackPx;
  // Cut by an edge: sideways nothing scrolls; up or down only a scrolling region does.
  const bool cut_sideways = visible.Min.x > bb.Min.x + kLayoutSlackPx ||
                            visible.Max.x < bb.Max.x - kLayoutSlackPx;
  const bool cut_vertically = visible.Min.y > bb.Min.y + kLayoutSlackPx ||
                              visible.Max.y < bb.Max.y - kLayoutSlackPx;
  if (past_screen || cut_sideways || (cut_vertically && !ui.probe.in_scroll()))
    note(ui, LayoutFaultKind::OffScreen, text, bb);
}

void check_words_fit(Ui& ui, const ImFont* font, std::string_view text, ImVec2 pos,
                     float wrap_width) {
  // ImGui breaks a word longer than the line inside it ("métie / r"): each word must fit.
  // A file path or a web address is the exception: it has no spaces, may be wider than a
  // portrait screen (a USB key's folders), and is read across its lines as any file manager
  // shows it.
  if (wrap_width <= 0) return;
  auto path_or_address = [](std::string_view word) {
    return word.front() == '/' || word.find("://") != std::string_view::npos;
  };
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(start, end - start);
    if (!word.empty() && !path_or_address(word) &&
        font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, word.data(), word.data() + word.size()).x >
            wrap_width + kLayoutSlackPx) {
      note(ui, LayoutFaultKind::CutWord, text, ImRect(pos, ImVec2(pos.x + wrap_width, pos.y)));
      return;
    }
    start = end + 1;
  }
}

void record(Ui& ui, ProbeKind kind, std::string_view text, const ImRect& bb, bool tappable,
            std::string_view key, bool disabled) {
  // Under a modal the page is dimmed, not hidden: its texts are still readable (so a script
  // can tell what a passer-by could read), but nothing there takes a tap.
  if (!input_allowed(ui)) tappable = disabled = false;  // what a touch reaches is the modal
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  ImRect visible = bb;
  visible.ClipWithFull(window->ClipRect);
  check_placement(ui, text, bb, visible);
  if (visible.GetWidth() <= 0.5f || visible.GetHeight() <= 0.5f) return;
  ProbeItem item;
  item.kind = kind;
  item.text = std::string(text);
  item.key = std::string(key);
  item.x = visible.Min.x;
  item.y = visible.Min.y;
  item.w = visible.GetWidth();
  item.h = visible.GetHeight();
  item.tappable = tappable;
  item.disabled = disabled;
  ui.probe.record(std::move(item));
}

TapResult tap_item(Ui& ui, const char* kind, std::string_view label, const ImRect& bb) {
  ImGui::PushID(kind);
  const ImGuiID id = ImGui::GetID(label.data(), label.data() + label.size());
  ImGui::PopID();
  return tap_item(ui, id, bb);
}

TapResult tap_item(Ui& ui, ImGuiID id, const ImRect& bb, bool enabled) {
  TapResult r;
  ImGui::ItemSize(bb);
  if (!ImGui::ItemAdd(bb, id)) return r;  // clipped out: neither drawn nor tappable
  r.visible = true;
  if (!enabled || !input_allowed(ui)) return r;
  bool hovered = false, held = false;
  const bool released_on_it =
      ImGui::ButtonBehavior(bb, id, &hovered, &held, ImGuiButtonFlags_PressedOnClickRelease);
  const ImGuiIO& io = ImGui::GetIO();
  const float slop = tap_slop(ui);
  const bool dragged = io.MouseDragMaxDistanceSqr[0] > slop * slop;
  r.tapped = released_on_it && !dragged;
  r.held = held && !dragged;
  // Under the finger, a ring: the press is seen around the fingertip, whatever the fill.
  if (r.held) focus_ring(ui, bb.Min, bb.Max, 0.3f * em(ui));
  if (r.tapped && ui.reading.on && !ui.reading.bypass && ui.reading.armed_id != id) {
    // First tap in reading mode: read it, do not act.
    ui.reading.armed_id = id;
    ui.reading.read_requested = true;
    ui.reading.x = bb.Min.x;
    ui.reading.y = bb.Min.y;
    ui.reading.w = bb.GetWidth();
    ui.reading.h = bb.GetHeight();
    r.tapped = false;
  }
  return r;
}

namespace {

// The lines of a text that holds right-to-left letters, wrapped in logical order, each shaped
// and put in visual order, so ImGui only has to draw them left to right.
std::vector<std::string> visual_lines(const ImFont* font, const std::string& clean,
                                      float wrap_width) {
  const bool shaped = has_rtl(clean);
  const bool rtl_paragraph = shaped && starts_rtl(clean);
  // Shaped first, then checked against the atlas: it holds the presentation forms.
  const auto shown = [&](std::string_view line) {
    return with_drawable_glyphs(font, shaped ? visual_line(line, rtl_paragraph)
                                             : std::string(line));
  };
  const auto width_of = [&](std::string_view line) {
    const std::string v = shown(line);
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, v.data(), v.data() + v.size()).x;
  };
  std::vector<std::string> lines;
  for (std::string_view line : wrap_logical(clean, wrap_width, width_of))
    lines.push_back(shown(line));
  return lines;
}

bool needs_own_lines(const std::string& clean) { return has_rtl(clean); }

}  // namespace

ImVec2 measure(const Ui& ui, FontRole role, std::string_view s, float wrap_width) {
  ImFont* font = ui.fonts.get(role);
  // An empty view may hold a null pointer, which ImGui would take for a C string.
  if (!font || s.empty()) return ImVec2(0, 0);
  const std::string clean = clean_display_text(s);
  if (needs_own_lines(clean)) {
    ImVec2 size(0, 0);
    for (const std::string& line : visual_lines(font, clean, wrap_width)) {
      const ImVec2 ls = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, line.data(),
                                            line.data() + line.size());
      size.x = std::max(size.x, ls.x);
      size.y += font->FontSize;
    }
    size.x = std::ceil(size.x);
    return size;
  }
  const std::string shown = with_drawable_glyphs(font, clean);
  ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap_width > 0 ? wrap_width : 0.0f,
                                    shown.data(), shown.data() + shown.size());
  size.x = std::ceil(size.x);
  return size;
}

ImVec2 draw_text(Ui& ui, FontRole role, ImVec2 pos, Color color, std::string_view s,
                 float wrap_width, bool record_it) {
  ImFont* font = ui.fonts.get(role);
  if (!font || s.empty()) return ImVec2(0, 0);
  const ImVec2 size = measure(ui, role, s, wrap_width);
  const std::string clean = clean_display_text(s);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (needs_own_lines(clean)) {
    // Lines wrapped on the logical text, each shaped and put in visual order. They start at
    // the left edge: on a right-to-left screen the mirrored frame ends them at the right one.
    float y = pos.y;
    for (const std::string& line : visual_lines(font, clean, wrap_width)) {
      add_text(ui, dl, font, font->FontSize, ImVec2(pos.x, y), col(color), line);
      y += font->FontSize;
    }
  } else {
    const std::string shown = with_drawable_glyphs(font, clean);
    add_text(ui, dl, font, font->FontSize, pos, col(color), shown,
             wrap_width > 0 ? wrap_width : 0.0f);
  }
  const ImRect bb(pos, ImVec2(pos.x + size.x, pos.y + size.y));
  // A text running past the box it is drawn in (its clip rectangle) loses letters.
  const ImVec2 clip_min = dl->GetClipRectMin(), clip_max = dl->GetClipRectMax();
  if (bb.Min.x < clip_min.x - kLayoutSlackPx || bb.Max.x > clip_max.x + kLayoutSlackPx)
    note(ui, LayoutFaultKind::CutWord, s, bb);
  // A word can only have been broken where the text wrapped: one line needs no measuring
  // (this runs every frame, for every text).
  if (!needs_own_lines(clean) && size.y > font->FontSize + 0.5f)
    check_words_fit(ui, font, clean, pos, wrap_width);
  if (record_it) record(ui, ProbeKind::Text, s, bb, false);
  return size;
}

std::string fit_text(Ui& ui, FontRole role, std::string_view s, float max_width) {
  if (measure(ui, role, s).x <= max_width) return std::string(s);
  // Whole words are dropped, never letters: "Poseur / Poseuse de…", not "Poseur / Poseuse d…".
  const std::string ellipsis = "\xE2\x80\xA6";  // …
  std::string cut(s);
  for (;;) {
    const size_t space = cut.find_last_of(' ');
    if (space == std::string::npos) break;
    cut.erase(space);
    while (!cut.empty() && cut.back() == ' ') cut.pop_back();
    if (!cut.empty() && measure(ui, role, cut + ellipsis).x <= max_width) return cut + ellipsis;
  }
  // Not even the first word fits: letters must go, which the layout check reports.
  note(ui, LayoutFaultKind::CutWord, s, ImRect(ImGui::GetCursorScreenPos(), ImGui::GetCursorScreenPos()));
  cut = std::string(s);
  while (!cut.empty()) {
    utf8::pop_back(cut);
    if (measure(ui, role, cut + ellipsis).x <= max_width) break;
  }
  return cut + ellipsis;
}

void draw_card_bg(Ui& ui, const ImRect& bb, Color fill, float rounding, bool border) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(bb.Min, bb.Max, col(fill), rounding);
  if (border)
    dl->AddRect(bb.Min, bb.Max, col(ui.theme.card_border), rounding, 0,
                std::max(1.0f, ui.theme.border_px * ui.scale * 0.5f));
}

}  // namespace detail

namespace {
Color tone_color(const Theme& t, Tone tone) {
  switch (tone) {
    case Tone::Normal: return t.text;
    case Tone::Secondary: return t.text_secondary;
    case Tone::Title: return t.title;
    case Tone::Error: return t.error;
    case Tone::Success: return t.success;
    case Tone::OnPrimary: return t.on_primary;
  }
  return t.text;
}
}  // namespace

void text(Ui& ui, std::string_view s, const TextOpts& opts) {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  float wrap = opts.wrap_width;
  if (wrap == 0) wrap = std::max(1.0f, ImGui::GetContentRegionAvail().x);
  const ImVec2 size = detail::measure(ui, opts.font, s, wrap);
  const ImRect bb(pos, ImVec2(pos.x + size.x, pos.y + size.y));
  ImGui::ItemSize(bb);
  if (!ImGui::ItemAdd(bb, 0)) return;
  detail::draw_text(ui, opts.font, pos, tone_color(ui.theme, opts.tone), s, wrap);
}

std::string fitted(Ui& ui, FontRole font, std::string_view s, float max_width) {
  return detail::fit_text(ui, font, s, max_width);
}

ImVec2 text_size(const Ui& ui, std::string_view s, FontRole font, float wrap_width) {
  return detail::measure(ui, font, s, wrap_width);
}

}  // namespace eric::ui
