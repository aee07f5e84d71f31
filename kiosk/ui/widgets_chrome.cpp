// Page chrome: header band, title band, footer tools, text field display, modal overlay.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "kiosk/core/base/utf8.h"
#include "kiosk/ui/widgets.h"
#include "kiosk/ui/widgets_internal.h"

namespace eric::ui {

using detail::col;

namespace {

float band_line(const Ui& ui) { return std::max(2.0f, 3.0f * ui.scale); }

// The part of the current window a band spans: its full width, from its top.
ImRect window_rect() {
  ImGuiWindow* w = ImGui::GetCurrentWindow();
  return ImRect(w->Pos, ImVec2(w->Pos.x + w->Size.x, w->Pos.y + w->Size.y));
}

void draw_band(Ui& ui, const ImRect& bb) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(bb.Min, bb.Max, col(ui.theme.card));
  dl->AddRectFilled(ImVec2(bb.Min.x, bb.Max.y - band_line(ui)), bb.Max, col(ui.theme.primary));
}

// "−  80 %  +" ending at right_x: the loudness of reading aloud.
void volume_control(Ui& ui, int volume, float right_x, float y, FooterResult& result) {
  ButtonOpts o;
  o.kind = ButtonKind::Secondary;
  const std::string minus = "\u2212", plus = "+";
  const std::string shown = std::to_string(volume) + "\u202F%";
  const float e = em(ui);
  const float th = target_height(ui);
  float x = right_x - detail::button_width(ui, plus, false);
  ImGui::SetCursorScreenPos(ImVec2(x, y));
  if (big_button(ui, plus, o)) result.tap = FooterTap::VolumeUp;
  const ImVec2 vs = detail::measure(ui, FontRole::BodyBold, shown);
  x -= 0.4f * e + vs.x;
  detail::draw_text(ui, FontRole::BodyBold, ImVec2(x, y + (th - vs.y) * 0.5f), ui.theme.text,
                    shown);
  x -= 0.4f * e + detail::button_width(ui, minus, false);
  ImGui::SetCursorScreenPos(ImVec2(x, y));
  if (big_button(ui, minus, o)) result.tap = FooterTap::VolumeDown;
}

}  // namespace

float page_margin(const Ui& ui) { return 2.2f * em(ui); }

float header_height(const Ui& ui) {
  return 2 * 0.7f * em(ui) + ui.fonts.size(FontRole::Heading) + ui.fonts.size(FontRole::Body) +
         band_line(ui);
}

bool header_band(Ui& ui, const HeaderSpec& spec) {
  const ImRect win = window_rect();
  const Theme& t = ui.theme;
  const float m = page_margin(ui);
  const float e = em(ui);
  const float row_h = header_height(ui) - band_line(ui);
  const float logo = std::min(row_h - e, 2.4f * e);
  const float tx = win.Min.x + m + logo + 0.6f * e;
  const ImVec2 ts = detail::measure(ui, FontRole::Heading, spec.time_text);
  const ImVec2 ds = detail::measure(ui, FontRole::Body, spec.date_text);
  const float clock_w = std::max(ts.x, ds.x);
  const float site_w = std::max(detail::measure(ui, FontRole::Heading, spec.site).x,
                                detail::measure(ui, FontRole::Body, spec.subtitle).x);
  const float glossary_w =
      spec.glossary_label.empty() ? 0 : detail::button_width(ui, spec.glossary_label, true);
  // The glossary sits between the site and the clock when all three fit on the line; on a
  // narrow screen (a portrait totem) it goes to a second row, under the site's name, and so
  // does the clock, on the right, when even the site and the clock do not fit side by side.
  const bool one_row =
      tx + site_w + 1.2f * e + glossary_w + 1.2f * e + clock_w + m <= win.Max.x;
  const bool clock_beside = tx + site_w + 1.2f * e + clock_w + m <= win.Max.x;
  const float second_row =
      (one_row || glossary_w == 0) && clock_beside ? 0 : target_height(ui) + 0.7f * e;
  const float h = row_h + second_row + band_line(ui);
  const ImRect bb(win.Min, ImVec2(win.Max.x, win.Min.y + h));
  ImGui::SetCursorScreenPos(bb.Min);
  ImGui::ItemSize(bb);
  if (!ImGui::ItemAdd(bb, 0)) return false;
  draw_band(ui, bb);
  // The ERIC mark: a blue rounded square with the name in white.
  const ImVec2 lmin(bb.Min.x + m, bb.Min.y + (row_h - logo) * 0.5f);
  ImGui::GetWindowDrawList()->AddRectFilled(lmin, ImVec2(lmin.x + logo, lmin.y + logo),
                                            col(t.primary), 0.25f * logo);
  const ImVec2 ls = detail::measure(ui, FontRole::BodyBold, "ERIC");
  detail::draw_text(ui, FontRole::BodyBold,
                    ImVec2(lmin.x + (logo - ls.x) * 0.5f, lmin.y + (logo - ls.y) * 0.5f),
                    t.on_primary, "ERIC");
  const float ty = bb.Min.y + 0.7f * e;
  const float heading = ui.fonts.size(FontRole::Heading);
  detail::draw_text(ui, FontRole::Heading, ImVec2(tx, ty), t.text, spec.site);
  detail::draw_text(ui, FontRole::Body, ImVec2(tx, ty + heading), t.text_secondary,
                    spec.subtitle);
  const float clock_y = clock_beside ? ty : bb.Min.y + row_h;
  detail::draw_text(ui, FontRole::Heading, ImVec2(bb.Max.x - m - ts.x, clock_y), t.text,
                    spec.time_text);
  detail::draw_text(ui, FontRole::Body, ImVec2(bb.Max.x - m - ds.x, clock_y + heading),
                    t.text_secondary, spec.date_text);
  if (spec.glossary_label.empty()) return false;
  // The glossary beside the clock: on every home screen, away from the footer's tools.
  const float gx = one_row ? bb.Max.x - m - clock_w - 1.2f * e - glossary_w : tx;
  const float gy = one_row ? bb.Min.y + (row_h - target_height(ui)) * 0.5f : bb.Min.y + row_h;
  ImGui::SetCursorScreenPos(ImVec2(gx, gy));
  ButtonOpts o;
  o.kind = ButtonKind::Secondary;
  o.icon = Picto::Info;
  const bool tapped = big_button(ui, spec.glossary_label, o);
  ImGui::SetCursorScreenPos(ImVec2(bb.Min.x, bb.Max.y));
  ImGui::Dummy(ImVec2(0, 0));
  return tapped;
}

namespace {

// The band's title in the heading font, or in bold body text when one of its words is wider
// than the room (« Aide-soignant » between two buttons on a portrait screen at A++): smaller
// letters rather than a word broken in two.
FontRole band_title_font(const Ui& ui, std::string_view title, float max_w) {
  for (size_t start = 0; start < title.size();) {
    size_t end = title.find(' ', start);
    if (end == std::string_view::npos) end = title.size();
    if (detail::measure(ui, FontRole::Heading, title.substr(start, end - start)).x > max_w)
      return FontRole::BodyBold;
    start = end + 1;
  }
  return FontRole::Heading;
}

}  // namespace

BandTap title_band(Ui& ui, std::string_view title, std::string_view subtitle, bool with_back,
                   std::string_view glossary_label) {
  const ImRect win = window_rect();
  const float e = em(ui);
  const float pad = 0.6f * e;
  const float m = page_margin(ui) * 0.5f;
  // The words' room between the back button and the glossary; the title and subtitle wrap
  // in it (the band grows) rather than lose their ends on a narrow screen or at A++.
  const float back_w = with_back ? detail::button_width(ui, tr(ui, "ui.back"), true) : 0.0f;
  const float glossary_w =
      glossary_label.empty() ? 0.0f : detail::button_width(ui, glossary_label, true);
  const float left = win.Min.x + m + (with_back ? back_w + e : 0.0f);
  const float right = win.Max.x - m - (glossary_w > 0 ? glossary_w + e : 0.0f);
  const float max_w = std::max(1.0f, right - left);
  const FontRole title_font = band_title_font(ui, title, max_w);
  const float title_h = detail::measure(ui, title_font, title, max_w).y;
  const float text_h =
      title_h + (subtitle.empty() ? 0 : detail::measure(ui, FontRole::Body, subtitle, max_w).y);
  const float h = std::max(target_height(ui), text_h) + 2 * pad + band_line(ui);
  const ImRect bb(win.Min, ImVec2(win.Max.x, win.Min.y + h));
  ImGui::SetCursorScreenPos(bb.Min);
  ImGui::ItemSize(bb);
  if (!ImGui::ItemAdd(bb, 0)) return BandTap::None;
  draw_band(ui, bb);
  const float inner_h = h - band_line(ui);
  // Right to left, the mirrored frame puts the back button on the right, the title beside it.
  const float button_y = bb.Min.y + (inner_h - target_height(ui)) * 0.5f;
  BandTap tap = BandTap::None;
  if (with_back) {
    ImGui::SetCursorScreenPos(ImVec2(bb.Min.x + m, button_y));
    if (back_button(ui)) tap = BandTap::Back;
  }
  if (glossary_w > 0) {
    ImGui::SetCursorScreenPos(ImVec2(bb.Max.x - m - glossary_w, button_y));
    ButtonOpts o;
    o.kind = ButtonKind::Secondary;
    o.icon = Picto::Info;
    if (big_button(ui, glossary_label, o)) tap = BandTap::Glossary;
  }
  const float ty = bb.Min.y + (inner_h - text_h) * 0.5f;
  detail::draw_text(ui, title_font, ImVec2(left, ty), ui.theme.text, title, max_w);
  if (!subtitle.empty())
    detail::draw_text(ui, FontRole::Body, ImVec2(left, ty + title_h), ui.theme.text_secondary,
                      subtitle, max_w);
  ImGui::SetCursorScreenPos(ImVec2(bb.Min.x, bb.Max.y));
  ImGui::Dummy(ImVec2(0, 0));
  return tap;
}

namespace {

float footer_pad(const Ui& ui) { return 0.6f * em(ui); }

float volume_width(const Ui& ui, int volume) {
  const std::string shown = std::to_string(volume) + "\u202F%";
  return detail::button_width(ui, "+", false) + detail::button_width(ui, "\u2212", false) +
         0.8f * em(ui) + detail::measure(ui, FontRole::BodyBold, shown).x;
}

// The footer's tools, right to left, as blocks of a target's height: the staff's lock, the
// language, A / A+ / A++, the contrast, "Écouter" (with the volume while reading).
enum class FooterTool { Staff, Language, TextSize, Contrast, ReadAloud };

struct ToolBlock {
  FooterTool tool;
  float width;
};

std::vector<ToolBlock> footer_tools(const Ui& ui, const FooterSpec& spec) {
  const float th = target_height(ui);
  std::vector<ToolBlock> tools;
  if (spec.show_staff) tools.push_back({FooterTool::Staff, th});
  if (!spec.language_label.empty())
    tools.push_back({FooterTool::Language, detail::button_width(ui, spec.language_label, false)});
  tools.push_back({FooterTool::TextSize, 3 * th * 1.15f});
  if (spec.show_contrast) tools.push_back({FooterTool::Contrast, th});
  if (spec.show_read_aloud) {
    float w = detail::button_width(ui, tr(ui, "ui.read_aloud"), true);
    if (spec.reading_on) w += footer_pad(ui) + volume_width(ui, spec.volume);
    tools.push_back({FooterTool::ReadAloud, w});
  }
  return tools;
}

// Where each tool goes: rows from the bottom up, each filled from the right edge leftwards;
// a tool that would pass the left margin starts the row above. Also where the freshness
// sentence fits: left of the top row's tools, or on a row of its own above them.
struct FooterPlan {
  std::vector<ImVec2> at;  // per tool: x, and the row (0 = bottom) in y
  int tool_rows = 1;
  bool freshness_own_row = false;
  float height = 0;
};

FooterPlan plan_footer(const Ui& ui, const FooterSpec& spec, float left, float right) {
  FooterPlan plan;
  const float gap = footer_pad(ui);
  float x = right;
  int row = 0;
  for (const ToolBlock& tool : footer_tools(ui, spec)) {
    if (x - tool.width < left && x < right) {
      ++row;
      x = right;
    }
    x -= tool.width;
    plan.at.push_back(ImVec2(x, static_cast<float>(row)));
    x -= gap;
  }
  plan.tool_rows = row + 1;
  const float freshness_w = 0.8f * em(ui) + detail::measure(ui, FontRole::Body, spec.freshness).x;
  plan.freshness_own_row = left + freshness_w + 2 * gap > x;
  const float th = target_height(ui);
  plan.height = plan.tool_rows * th + (plan.tool_rows - 1) * gap + 2 * gap;
  if (plan.freshness_own_row) plan.height += ui.fonts.size(FontRole::Body) + gap;
  return plan;
}

}  // namespace

float footer_height(const Ui& ui, const FooterSpec& spec, float width) {
  const float m = page_margin(ui);
  return plan_footer(ui, spec, m, width - m).height;
}

float footer_max_height(const Ui& ui) {
  // The tallest a footer gets on a narrow screen at this size: two rows of tools and the
  // freshness sentence on its own.
  const float gap = footer_pad(ui);
  return 2 * target_height(ui) + 3 * gap + ui.fonts.size(FontRole::Body) + gap;
}

std::string_view text_size_label(int text_size) {
  static constexpr const char* kLabels[3] = {"A", "A+", "A++"};
  return kLabels[std::clamp(text_size, 0, 2)];
}

namespace {

// A, A+, A++ as one outlined group of three targets, from pos.
void text_size_group(Ui& ui, const FooterSpec& spec, ImVec2 pos, FooterResult& result) {
  const Theme& t = ui.theme;
  const float th = target_height(ui);
  const float cell = th * 1.15f;
  const float x = pos.x, y = pos.y;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImRect group(ImVec2(x, y), ImVec2(x + 3 * cell, y + th));
  dl->AddRectFilled(group.Min, group.Max, col(t.card), th * 0.5f);
  for (int i = 0; i < 3; ++i) {
    const ImRect cb(ImVec2(x + i * cell, y), ImVec2(x + (i + 1) * cell, y + th));
    ImGui::SetCursorScreenPos(cb.Min);
    ImGui::PushID(i);
    const detail::TapResult r = detail::tap_item(ui, ImGui::GetID("text_size"), cb);
    ImGui::PopID();
    const bool active = spec.text_size == i;
    if (active || r.held)
      dl->AddRectFilled(ImVec2(cb.Min.x + 4 * ui.scale, cb.Min.y + 4 * ui.scale),
                        ImVec2(cb.Max.x - 4 * ui.scale, cb.Max.y - 4 * ui.scale),
                        col(t.chip_active_bg), th * 0.5f);
    if (active && t.ring_px > 0)  // chosen by its frame too, not by the fill's hue alone
      dl->AddRect(ImVec2(cb.Min.x + 4 * ui.scale, cb.Min.y + 4 * ui.scale),
                  ImVec2(cb.Max.x - 4 * ui.scale, cb.Max.y - 4 * ui.scale), col(t.primary),
                  th * 0.5f, 0, t.border_px * ui.scale);
    const FontRole f = active ? FontRole::BodyBold : FontRole::Body;
    const ImVec2 ls = detail::measure(ui, f, text_size_label(i));
    detail::draw_text(ui, f, ImVec2(std::round(cb.Min.x + (cell - ls.x) * 0.5f),
                                    std::round(cb.Min.y + (th - ls.y) * 0.5f)),
                      active ? t.chip_active_text : t.primary, text_size_label(i), 0, false);
    detail::record(ui, ProbeKind::Button, text_size_label(i), cb, true, active ? "active" : "");
    if (r.tapped) {
      result.tap = FooterTap::TextSize;
      result.text_size = i;
    }
  }
  dl->AddRect(group.Min, group.Max, col(t.primary), th * 0.5f, 0,
              std::max(1.5f, t.border_px * ui.scale));
}

}  // namespace

FooterResult footer(Ui& ui, const FooterSpec& spec) {
  FooterResult result;
  result.text_size = spec.text_size;
  const ImRect win = window_rect();
  const Theme& t = ui.theme;
  const float e = em(ui);
  const float th = target_height(ui);
  const float m = page_margin(ui);
  const float gap = footer_pad(ui);
  const FooterPlan plan = plan_footer(ui, spec, win.Min.x + m, win.Max.x - m);
  const auto row_y = [&](float row) { return win.Max.y - gap - th - row * (th + gap); };
  ImDrawList* dl = ImGui::GetWindowDrawList();

  // Freshness of the catalog on the left of the top row of tools (above them when it does
  // not fit there): a coloured dot and one sentence.
  const float dot = 0.4f * e;
  const float line = ui.fonts.size(FontRole::Body);
  const float top_row_y = row_y(static_cast<float>(plan.tool_rows - 1));
  const float fresh_y = plan.freshness_own_row ? top_row_y - gap - line
                                               : top_row_y + (th - line) * 0.5f;
  dl->AddCircleFilled(ImVec2(win.Min.x + m + dot * 0.5f, fresh_y + line * 0.5f), dot * 0.5f,
                      col(spec.fresh ? t.success : t.warning_dot), 16);
  detail::draw_text(ui, FontRole::Body, ImVec2(win.Min.x + m + dot + 0.4f * e, fresh_y),
                    t.text_secondary, spec.freshness);

  const std::vector<ToolBlock> tools = footer_tools(ui, spec);
  for (size_t i = 0; i < tools.size(); ++i) {
    const float x = plan.at[i].x, y = row_y(plan.at[i].y);
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    switch (tools[i].tool) {
      case FooterTool::Staff:
        if (icon_button(ui, Picto::Lock, tr(ui, "ui.staff"), true)) result.tap = FooterTap::Staff;
        break;
      case FooterTool::Language: {
        ButtonOpts o;
        o.kind = ButtonKind::Secondary;
        if (big_button(ui, spec.language_label, o)) result.tap = FooterTap::Language;
        break;
      }
      case FooterTool::TextSize:
        text_size_group(ui, spec, ImVec2(x, y), result);
        break;
      case FooterTool::Contrast:
        // One square button, the half-filled circle screens use for contrast: a word here
        // would push the catalog's freshness off the footer at A++. Its name is read aloud.
        if (icon_button(ui, Picto::Contrast, tr(ui, "ui.contrast"), false, spec.high_contrast))
          result.tap = FooterTap::Contrast;
        break;
      case FooterTool::ReadAloud: {
        // These act at the first tap even in reading mode: they are how it is left and tuned.
        ui.reading.bypass = true;
        const std::string label = tr(ui, "ui.read_aloud");
        const float bx = x + tools[i].width - detail::button_width(ui, label, true);
        ImGui::SetCursorScreenPos(ImVec2(bx, y));
        ButtonOpts o;
        o.kind = spec.reading_on ? ButtonKind::Primary : ButtonKind::Secondary;
        o.icon = Picto::Speaker;
        if (big_button(ui, label, o)) result.tap = FooterTap::ReadAloud;
        if (spec.reading_on) volume_control(ui, spec.volume, bx - gap, y, result);
        ui.reading.bypass = false;
        break;
      }
    }
  }
  return result;
}

bool text_field(Ui& ui, std::string_view label, std::string_view value, const FieldOpts& opts) {
  const Theme& t = ui.theme;
  const float e = em(ui);
  const float width = opts.width > 0 ? opts.width : ImGui::GetContentRegionAvail().x;
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float label_h = label.empty() ? 0 : ui.fonts.size(FontRole::BodyBold) + 0.3f * e;
  const float box_h = target_height(ui);
  // The error wraps within the field's width: all its lines count.
  const float error_h =
      opts.error.empty() ? 0 : 0.3f * e + detail::measure(ui, FontRole::Body, opts.error, width).y;
  if (!label.empty())
    detail::draw_text(ui, FontRole::BodyBold, pos, t.text, label);
  // "12/40": the visitor sees the limit coming, and why the keyboard stops there. At the
  // right of the label, or inside the box when the label leaves no room (a narrow field).
  std::string counter;
  bool counter_beside_label = false;
  Color counter_color = t.text_secondary;
  if (opts.max_chars > 0 && !label.empty()) {
    const size_t typed = utf8::length(value);
    counter = std::to_string(typed) + "/" + std::to_string(opts.max_chars);
    if (typed >= opts.max_chars) counter_color = t.error;
    counter_beside_label = detail::measure(ui, FontRole::BodyBold, label).x + e +
                               detail::measure(ui, FontRole::Body, counter).x <= width;
  }
  const ImRect box(ImVec2(pos.x, pos.y + label_h), ImVec2(pos.x + width, pos.y + label_h + box_h));
  ImGui::SetCursorScreenPos(box.Min);
  const detail::TapResult r = detail::tap_item(ui, "field", label, box);
  // Even clipped out: a focused field the visitor cannot see is what the check looks for.
  // Its error counts as part of it: "Numéro incorrect" under the keyboard tells nothing.
  if (opts.focused)
    typing_box(ui, label.empty() ? opts.placeholder : label, box.Min,
               ImVec2(box.Max.x, box.Max.y + error_h));
  bool tapped = false;
  if (r.visible) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = 0.25f * e;
    const float stroke = std::max(1.5f, t.border_px * ui.scale);
    dl->AddRectFilled(box.Min, box.Max, col(t.card), rounding);
    if (opts.focused) focus_ring(ui, box.Min, box.Max, rounding, true);  // where typing goes
    const Color border = !opts.error.empty() ? t.error
                         : opts.focused      ? t.primary
                                             : t.text_secondary;
    dl->AddRect(box.Min, box.Max, col(border), rounding, 0, opts.focused ? 2 * stroke : stroke);
    const float pad = 0.5f * e;
    const float line = ui.fonts.size(FontRole::Body);
    const float ty = std::round(box.Min.y + (box_h - line) * 0.5f);
    float caret_x = box.Min.x + pad;
    // A counter that does not fit beside the label goes inside the box, on the right.
    const float counter_w =
        counter.empty() || counter_beside_label ? 0 : detail::measure(ui, FontRole::Body, counter).x + pad;
    if (counter_w > 0)
      detail::draw_text(ui, FontRole::Body, ImVec2(box.Max.x - counter_w, ty), counter_color,
                        counter);
    if (value.empty()) {
      if (!opts.placeholder.empty())
        detail::draw_text(ui, FontRole::Body, ImVec2(box.Min.x + pad, ty), t.text_secondary,
                          detail::fit_text(ui, FontRole::Body, opts.placeholder,
                                           width - 2 * pad - counter_w),
                          0, false);
    } else {
      // Long values show their end, where the typing happens.
      std::string shown(value);
      const float max_w = width - 2 * pad - 0.5f * e - counter_w;
      size_t cut = 0;
      while (cut < shown.size() && detail::measure(ui, FontRole::Body, shown.substr(cut)).x > max_w) {
        ++cut;
        while (cut < shown.size() && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) ++cut;
      }
      shown = shown.substr(cut);
      caret_x += detail::draw_text(ui, FontRole::Body, ImVec2(box.Min.x + pad, ty), t.text,
                                   shown, 0, false).x;
    }
    if (opts.focused)
      dl->AddRectFilled(ImVec2(caret_x + 2 * ui.scale, ty), ImVec2(caret_x + 2 * ui.scale + stroke,
                                                                   ty + line),
                        col(t.primary));
    detail::record(ui, ProbeKind::Input, value, box, true, label);
    tapped = r.tapped;
  }
  if (counter_beside_label) {
    const float cw = detail::measure(ui, FontRole::Body, counter).x;
    detail::draw_text(ui, FontRole::Body, ImVec2(pos.x + width - cw, pos.y), counter_color,
                      counter);
  }
  if (!opts.error.empty())
    detail::draw_text(ui, FontRole::Body, ImVec2(pos.x, box.Max.y + 0.3f * e), t.error,
                      opts.error, width);
  ImGui::SetCursorScreenPos(ImVec2(pos.x, box.Max.y + error_h));
  ImGui::Dummy(ImVec2(width, 0));
  return tapped;
}

namespace {
float close_button_width(const Ui& ui, std::string_view close) {
  return text_size(ui, close, FontRole::BodyBold).x + 4.0f * em(ui);
}
}  // namespace

float field_width_beside(const Ui& ui, std::string_view close) {
  return ImGui::GetContentRegionAvail().x - close_button_width(ui, close) - em(ui);
}

bool field_with_close(Ui& ui, std::string_view value, FieldOpts opts, std::string_view close) {
  const float e = em(ui);
  const float close_w = close_button_width(ui, close);
  opts.focused = true;
  opts.width = field_width_beside(ui, close);
  const ImVec2 row = ImGui::GetCursorScreenPos();
  text_field(ui, "", value, opts);
  const ImVec2 after = ImGui::GetCursorScreenPos();
  ImGui::SetCursorScreenPos(ImVec2(row.x + opts.width + e, row.y));
  ButtonOpts bo;
  bo.kind = ButtonKind::Secondary;
  bo.width = close_w;
  const bool closed = big_button(ui, close, bo);
  ImGui::SetCursorScreenPos(after);
  return closed;
}

void typing_box(Ui& ui, std::string_view label, ImVec2 min, ImVec2 max) {
  ImRect shown(min, max);
  shown.ClipWithFull(ImGui::GetCurrentWindow()->ClipRect);
  constexpr float kSlack = 1.0f;  // rounding of positions
  const bool whole = shown.Min.x <= min.x + kSlack && shown.Min.y <= min.y + kSlack &&
                     shown.Max.x >= max.x - kSlack && shown.Max.y >= max.y - kSlack;
  ui.probe.typing_into(TypedBox{std::string(label), min.x, min.y, max.x - min.x, max.y - min.y,
                                whole});
}

void begin_modal(Ui& ui, std::string_view id, float width_em) {
  // What the page drew before is covered: dimmed but readable, so it stays in the probe
  // without taking taps (a script can tell what a passer-by could still read).
  ui.probe.cover_all();
  ui.modal.open_this_frame = true;
  const ImGuiIO& io = ImGui::GetIO();
  const ImGuiWindowFlags base = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav;
  // A full-screen window under the card takes every touch outside it.
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(col(ui.theme.overlay)));
  ImGui::Begin("##modal_dim", nullptr, base);
  ImGui::PopStyleColor();
  ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
  ImGui::End();

  const float e = em(ui);
  const float w = std::min(width_em * e, io.DisplaySize.x - 2 * e);
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, io.DisplaySize.y - 2 * e));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(col(ui.theme.card)));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(1.4f * e, 1.4f * e));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, ui.theme.rounding_em * e);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.8f * e, 0.8f * e));
  const std::string name = "##modal_" + std::string(id);
  ImGui::Begin(name.c_str(), nullptr, base | ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::PopStyleVar(3);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.8f * e, 0.8f * e));
  ImGui::PopStyleColor();
  ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
  ui.modal.inside = true;
}

void end_modal(Ui& ui) {
  ui.modal.inside = false;
  ImGui::PopStyleVar();
  ImGui::End();
}

}  // namespace eric::ui
