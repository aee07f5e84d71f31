// Buttons, back button, chips, toggles, icon buttons and badges.
#include <algorithm>
#include <cmath>
#include <string>

#include "kiosk/ui/widgets.h"
#include "kiosk/ui/widgets_internal.h"

namespace eric::ui {

using detail::col;

namespace {
float stroke(const Ui& ui) { return std::max(1.5f, ui.theme.border_px * ui.scale); }
}  // namespace

float detail::button_width(const Ui& ui, std::string_view label, bool with_icon) {
  const float icon = with_icon ? 0.9f * em(ui) + 0.4f * em(ui) : 0.0f;
  return measure(ui, FontRole::BodyBold, label).x + icon + 2 * 1.1f * em(ui);
}

float big_button_width(const Ui& ui, std::string_view label, const ButtonOpts& opts) {
  return opts.width > 0 ? opts.width : detail::button_width(ui, label, opts.icon != Picto::None);
}

bool big_button(Ui& ui, std::string_view label, const ButtonOpts& opts) {
  const float h = target_height(ui);
  const ImVec2 label_size =
      detail::measure(ui, opts.enabled ? FontRole::BodyBold : FontRole::Body, label);
  const float icon = opts.icon != Picto::None ? 0.9f * em(ui) : 0.0f;
  const float icon_gap = icon > 0 ? 0.4f * em(ui) : 0.0f;
  const float w = std::max(opts.width, detail::button_width(ui, label, icon > 0));
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const ImRect bb(pos, ImVec2(pos.x + w, pos.y + h));
  const ImGuiID id = ImGui::GetID(label.data(), label.data() + label.size());
  const detail::TapResult r = detail::tap_item(ui, id, bb, opts.enabled);
  if (!r.visible) return false;

  const Theme& t = ui.theme;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float rounding = h * 0.5f;
  Color fg;
  if (!opts.enabled) {
    // A thin edge and a regular label: in high contrast, where every text is black, that is
    // what tells it from a button that acts.
    dl->AddRectFilled(bb.Min, bb.Max, col(t.page), rounding);
    dl->AddRect(bb.Min, bb.Max, col(t.card_border), rounding, 0, std::max(1.0f, stroke(ui) * 0.5f));
    fg = t.text_secondary;
  } else if (opts.kind == ButtonKind::Primary) {
    dl->AddRectFilled(bb.Min, bb.Max, col(r.held ? t.primary_pressed : t.primary), rounding);
    fg = t.on_primary;
  } else {
    dl->AddRectFilled(bb.Min, bb.Max, col(r.held ? t.pressed_bg : t.card), rounding);
    dl->AddRect(bb.Min, bb.Max, col(t.primary), rounding, 0, stroke(ui));
    fg = t.primary;
  }
  const float content_w = icon + icon_gap + label_size.x;
  float x = std::round(bb.Min.x + (w - content_w) * 0.5f);
  if (icon > 0) {
    draw_picto(dl, opts.icon, ImVec2(x, bb.Min.y + (h - icon) * 0.5f), icon, col(fg));
    x += icon + icon_gap;
  }
  detail::draw_text(ui, opts.enabled ? FontRole::BodyBold : FontRole::Body,
                    ImVec2(x, std::round(bb.Min.y + (h - label_size.y) * 0.5f)), fg, label, 0,
                    false);
  detail::record(ui, ProbeKind::Button, label, bb, opts.enabled, {}, !opts.enabled);
  return r.tapped;
}

bool back_button(Ui& ui) {
  ButtonOpts opts;
  opts.kind = ButtonKind::Secondary;
  // Back points where reading came from (right in a right-to-left language: the frame is
  // mirrored).
  opts.icon = Picto::ArrowLeft;
  return big_button(ui, tr(ui, "ui.back"), opts);
}

float chip_width(const Ui& ui, std::string_view label) {
  return detail::measure(ui, FontRole::BodyBold, label).x + 1.6f * em(ui);
}

bool chip(Ui& ui, std::string_view label, bool active) {
  const FontRole font = active ? FontRole::BodyBold : FontRole::Body;
  const float h = target_height(ui);
  const ImVec2 label_size = detail::measure(ui, font, label);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const ImRect bb(pos, ImVec2(pos.x + chip_width(ui, label), pos.y + h));
  const detail::TapResult r = detail::tap_item(ui, "chip", label, bb);
  if (!r.visible) return false;
  const Theme& t = ui.theme;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float rounding = h * 0.5f;
  const Color fill = active || r.held ? t.chip_active_bg : t.card;
  dl->AddRectFilled(bb.Min, bb.Max, col(fill), rounding);
  // In high contrast the chosen chip's border doubles: its fill alone is only a hue.
  const float active_stroke = t.ring_px > 0 ? 2 * stroke(ui) : stroke(ui);
  dl->AddRect(bb.Min, bb.Max, col(active ? t.primary : t.text_secondary), rounding, 0,
              active ? active_stroke : std::max(1.0f, stroke(ui) * 0.5f));
  detail::draw_text(ui, font,
                    ImVec2(std::round(bb.Min.x + (bb.GetWidth() - label_size.x) * 0.5f),
                           std::round(bb.Min.y + (h - label_size.y) * 0.5f)),
                    active ? t.chip_active_text : t.text, label, 0, false);
  detail::record(ui, ProbeKind::Chip, label, bb, true, active ? "active" : "");
  return r.tapped;
}

namespace {

// The toggle's box, the gap after it and its label's wrap width in `width`.
struct ToggleGeometry {
  float box = 0, gap = 0, wrap = 0;
};

ToggleGeometry toggle_geometry(const Ui& ui, float width) {
  ToggleGeometry g;
  g.box = 1.6f * em(ui);
  g.gap = 0.6f * em(ui);
  g.wrap = std::max(4 * g.box, width) - g.box - g.gap;
  return g;
}

float toggle_height_for(const Ui& ui, ImVec2 label_size) {
  return std::max(target_height(ui), label_size.y + 0.8f * em(ui));
}

}  // namespace

float toggle_height(const Ui& ui, std::string_view label, float width) {
  const ToggleGeometry g = toggle_geometry(ui, width);
  return toggle_height_for(ui, detail::measure(ui, FontRole::Body, label, g.wrap));
}

bool toggle(Ui& ui, std::string_view label, bool& value) {
  const ToggleGeometry g = toggle_geometry(ui, ImGui::GetContentRegionAvail().x);
  const float box = g.box;
  const float gap = g.gap;
  const float wrap = g.wrap;
  const ImVec2 label_size = detail::measure(ui, FontRole::Body, label, wrap);
  const float h = toggle_height_for(ui, label_size);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const ImRect bb(pos, ImVec2(pos.x + box + gap + label_size.x, pos.y + h));
  const detail::TapResult r = detail::tap_item(ui, "toggle", label, bb);
  if (!r.visible) return false;
  if (r.tapped) value = !value;
  const Theme& t = ui.theme;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 bmin(pos.x, std::round(pos.y + (h - box) * 0.5f));
  const ImVec2 bmax(bmin.x + box, bmin.y + box);
  const float rounding = 0.2f * em(ui);
  if (value) {
    dl->AddRectFilled(bmin, bmax, col(t.primary), rounding);
    {
      const KeepWhole unmirrored(ui, dl);  // a check mark is never mirrored
      draw_picto(dl, Picto::Check, ImVec2(bmin.x + box * 0.15f, bmin.y + box * 0.15f), box * 0.7f,
                 col(t.on_primary));
    }
  } else {
    dl->AddRectFilled(bmin, bmax, col(r.held ? t.pressed_bg : t.card), rounding);
    dl->AddRect(bmin, bmax, col(t.primary), rounding, 0, stroke(ui));
  }
  detail::draw_text(ui, FontRole::Body,
                    ImVec2(bmax.x + gap, std::round(pos.y + (h - label_size.y) * 0.5f)), t.text,
                    label, wrap, false);
  // key carries the state so a script can check a consent box is ticked.
  detail::record(ui, ProbeKind::Toggle, label, bb, true, value ? "checked" : "unchecked");
  return r.tapped;
}

bool icon_button(Ui& ui, Picto picto, std::string_view label, bool quiet, bool chosen) {
  const float h = target_height(ui);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const ImRect bb(pos, ImVec2(pos.x + h, pos.y + h));
  const detail::TapResult r = detail::tap_item(ui, "icon", label, bb);
  if (!r.visible) return false;
  const Theme& t = ui.theme;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float rounding = 0.3f * em(ui);
  const Color fill = chosen ? (r.held ? t.primary_pressed : t.primary)
                            : (r.held ? t.pressed_bg : t.card);
  dl->AddRectFilled(bb.Min, bb.Max, col(fill), rounding);
  dl->AddRect(bb.Min, bb.Max, col(quiet ? t.card_border : t.primary), rounding, 0,
              quiet ? std::max(1.0f, stroke(ui) * 0.5f) : stroke(ui));
  const float icon = h * 0.5f;
  const Color ink = chosen ? t.on_primary : quiet ? t.text_secondary : t.primary;
  draw_picto(dl, picto, ImVec2(bb.Min.x + (h - icon) * 0.5f, bb.Min.y + (h - icon) * 0.5f), icon,
             col(ink));
  detail::record(ui, ProbeKind::Button, label, bb, true, chosen ? "active" : "");
  return r.tapped;
}

ImVec2 detail::badge_size(const Ui& ui, std::string_view label, BadgeKind kind) {
  const ImVec2 label_size = measure(ui, FontRole::Small, label);
  const float pad = 0.35f * em(ui);
  const float check = kind == BadgeKind::Success ? label_size.y * 0.8f + 0.2f * em(ui) : 0.0f;
  return ImVec2(2 * pad + check + label_size.x, label_size.y + pad);
}

void detail::draw_badge(Ui& ui, ImVec2 pos, std::string_view label, BadgeKind kind) {
  const Theme& t = ui.theme;
  const ImVec2 label_size = measure(ui, FontRole::Small, label);
  const float pad = 0.35f * em(ui);
  const float check = kind == BadgeKind::Success ? label_size.y * 0.8f : 0.0f;
  const ImVec2 size = badge_size(ui, label, kind);
  const ImRect bb(pos, ImVec2(pos.x + size.x, pos.y + size.y));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const Color fill = kind == BadgeKind::Success ? t.success_bg : t.chip_active_bg;
  const Color fg = kind == BadgeKind::Success ? t.success : t.chip_active_text;
  dl->AddRectFilled(bb.Min, bb.Max, col(fill), 0.2f * em(ui));
  if (t.kind == ThemeKind::HighContrast)
    dl->AddRect(bb.Min, bb.Max, col(fg), 0.2f * em(ui), 0, std::max(1.0f, ui.scale * 1.5f));
  float x = bb.Min.x + pad;
  if (check > 0) {
    {
      const KeepWhole unmirrored(ui, dl);  // a check mark is never mirrored
      draw_picto(dl, Picto::Check, ImVec2(x, bb.Min.y + (bb.GetHeight() - check) * 0.5f), check,
                 col(fg));
    }
    x += check + 0.2f * em(ui);
  }
  draw_text(ui, FontRole::Small, ImVec2(x, bb.Min.y + pad * 0.5f), fg, label);
}

void badge(Ui& ui, std::string_view label, BadgeKind kind) {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const ImVec2 size = detail::badge_size(ui, label, kind);
  const ImRect bb(pos, ImVec2(pos.x + size.x, pos.y + size.y));
  ImGui::ItemSize(bb);
  if (!ImGui::ItemAdd(bb, 0)) return;
  detail::draw_badge(ui, pos, label, kind);
}

}  // namespace eric::ui
