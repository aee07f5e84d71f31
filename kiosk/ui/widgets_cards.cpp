// Tiles (home paths, trade families) and result cards: big white cards, the whole card a target.
#include <algorithm>
#include <cmath>
#include <string>

#include "kiosk/ui/widgets.h"
#include "kiosk/ui/widgets_internal.h"

namespace eric::ui {

using detail::col;

namespace {

struct TileMetrics {
  float pad, picto, gap, title_h, sentence_h, action_h, action_w, underline;
  FontRole title_font;
};

float tile_pad(const Ui& ui) { return 1.1f * em(ui); }

bool words_fit(const Ui& ui, FontRole font, std::string_view title, float inner) {
  size_t start = 0;
  while (start < title.size()) {
    size_t end = title.find(' ', start);
    if (end == std::string_view::npos) end = title.size();
    if (detail::measure(ui, font, title.substr(start, end - start)).x > inner) return false;
    start = end + 1;
  }
  return true;
}

// From `largest` down to BodyBold, the first font in which every word of the title fits.
FontRole title_font_for(const Ui& ui, std::string_view title, float inner, FontRole largest) {
  for (FontRole f : {FontRole::Title, FontRole::Heading}) {
    if (static_cast<int>(f) > static_cast<int>(largest)) continue;
    if (words_fit(ui, f, title, inner)) return f;
  }
  return FontRole::BodyBold;
}

TileMetrics tile_metrics(const Ui& ui, const TileSpec& spec, float width) {
  TileMetrics m;
  const float e = em(ui);
  m.pad = tile_pad(ui);
  m.picto = spec.picto != Picto::None ? spec.picto_em * e : 0.0f;
  m.gap = 0.8f * e;
  const float inner = std::max(1.0f, width - 2 * m.pad);
  m.title_font = title_font_for(ui, spec.title, inner, spec.title_font);
  m.title_h = detail::measure(ui, m.title_font, spec.title, inner).y;
  m.sentence_h = spec.sentence.empty() ? 0 : detail::measure(ui, FontRole::Body, spec.sentence,
                                                             inner).y;
  m.action_h = spec.action.empty() ? 0 : target_height(ui) * 0.9f;
  m.action_w = spec.action.empty()
                   ? 0
                   : detail::measure(ui, FontRole::BodyBold, spec.action).x + 2.0f * e;
  m.underline = std::max(3.0f, 6.0f * ui.scale);
  return m;
}

}  // namespace

FontRole tile_title_font(const Ui& ui, const std::vector<std::string>& titles, float width) {
  const float inner = std::max(1.0f, width - 2 * tile_pad(ui));
  FontRole font = FontRole::Title;
  for (const std::string& t : titles) {
    const FontRole f = title_font_for(ui, t, inner, font);
    if (static_cast<int>(f) < static_cast<int>(font)) font = f;
  }
  return font;
}

int grid_columns(const Ui& ui, const std::vector<std::string>& titles, float avail_w, float gap,
                 int max_columns) {
  for (int c = std::max(1, max_columns); c > 1; --c) {
    const float inner = (avail_w - (c - 1) * gap) / static_cast<float>(c) - 2 * tile_pad(ui);
    const bool all_fit = std::all_of(titles.begin(), titles.end(), [&](const std::string& t) {
      return words_fit(ui, FontRole::Heading, t, inner);
    });
    if (all_fit) return c;
  }
  return 1;
}

float tile_min_height(const Ui& ui, const TileSpec& spec, float width) {
  const TileMetrics m = tile_metrics(ui, spec, width);
  float h = 2 * m.pad + m.title_h + m.underline;
  if (m.picto > 0) h += m.picto + m.gap;
  if (m.sentence_h > 0) h += 0.5f * m.gap + m.sentence_h;
  if (m.action_h > 0) h += m.gap + m.action_h;
  return h;
}

bool tile(Ui& ui, const TileSpec& spec) {
  const float width = spec.size.x > 0 ? spec.size.x : ImGui::GetContentRegionAvail().x;
  const TileMetrics m = tile_metrics(ui, spec, width);
  const float height = std::max(spec.size.y, tile_min_height(ui, spec, width));
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const ImRect bb(pos, ImVec2(pos.x + width, pos.y + height));
  const detail::TapResult r = detail::tap_item(ui, "tile", spec.title, bb);
  if (!r.visible) return false;

  const Theme& t = ui.theme;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float rounding = t.rounding_em * em(ui);
  // The face, then a blue edge along the bottom (shapes side by side, not stacked: stacked
  // anti-aliased shapes would leave a blue fringe all around).
  const ImRect face(bb.Min, ImVec2(bb.Max.x, bb.Max.y - m.underline));
  dl->AddRectFilled(face.Min, face.Max, col(r.held ? t.pressed_bg : t.card), rounding,
                    ImDrawFlags_RoundCornersTop);
  dl->AddRectFilled(ImVec2(bb.Min.x, face.Max.y), bb.Max, col(t.primary), m.underline * 0.5f,
                    ImDrawFlags_RoundCornersBottom);
  if (t.kind == ThemeKind::HighContrast)
    dl->AddRect(bb.Min, bb.Max, col(t.card_border), rounding, 0, t.border_px * ui.scale);

  const float inner = width - 2 * m.pad;
  const float spare = spec.content_height > 0 ? std::max(0.0f, height - spec.content_height) : 0;
  const float inset = std::floor(spare * 0.5f);
  float y = bb.Min.y + m.pad + inset;
  const float x = bb.Min.x + m.pad;
  if (m.picto > 0) {
    draw_picto(dl, spec.picto, ImVec2(x, y), m.picto, col(t.title));
    y += m.picto + m.gap;
  }
  detail::draw_text(ui, m.title_font, ImVec2(x, y), t.title, spec.title, inner, false);
  y += m.title_h;
  if (m.sentence_h > 0) {
    y += 0.5f * m.gap;
    detail::draw_text(ui, FontRole::Body, ImVec2(x, y), t.text_secondary, spec.sentence, inner);
  }
  if (m.action_h > 0) {
    // Looks like a button, but the whole tile is the target (one big thing to touch).
    const float ay = face.Max.y - inset - m.pad - m.action_h;
    const ImRect ab(ImVec2(x, ay), ImVec2(x + m.action_w, ay + m.action_h));
    dl->AddRectFilled(ab.Min, ab.Max, col(r.held ? t.primary_pressed : t.primary),
                      m.action_h * 0.5f);
    const ImVec2 ls = detail::measure(ui, FontRole::BodyBold, spec.action);
    detail::draw_text(ui, FontRole::BodyBold,
                      ImVec2(std::round(ab.Min.x + (ab.GetWidth() - ls.x) * 0.5f),
                             std::round(ab.Min.y + (ab.GetHeight() - ls.y) * 0.5f)),
                      t.on_primary, spec.action);
  }
  detail::record(ui, ProbeKind::Tile, spec.title, bb, true);
  return r.tapped;
}

float card_height(const Ui& ui, bool with_badge) {
  const float e = em(ui);
  float h = 2 * 0.8f * e + ui.fonts.size(FontRole::Heading) + 0.2f * e +
            ui.fonts.size(FontRole::Body);
  if (with_badge) h += 0.4f * e + ui.fonts.size(FontRole::Small) + 0.35f * e;
  return std::max(h, target_height(ui));
}

namespace {

// Where a card's parts go on a card `width` wide: the figure's column on the right, the
// title and the secondary line wrapped in what is left (never cut: the card grows).
struct CardMetrics {
  float pad = 0, left_w = 0, title_h = 0, second_h = 0, height = 0;
  ImVec2 fig, cap;
};

CardMetrics card_metrics(const Ui& ui, const CardSpec& spec, float width) {
  const float e = em(ui);
  CardMetrics m;
  m.pad = 0.9f * e;
  m.fig = detail::measure(ui, FontRole::Title, spec.figure);
  m.cap = detail::measure(ui, FontRole::Body, spec.figure_caption);
  const float right_w = std::max(m.fig.x, m.cap.x);
  m.left_w = std::max(1.0f, width - 2 * m.pad - right_w - (right_w > 0 ? e : 0));
  m.title_h = std::max(ui.fonts.size(FontRole::Heading),
                       detail::measure(ui, FontRole::Heading, spec.title, m.left_w).y);
  m.second_h = std::max(ui.fonts.size(FontRole::Body),
                        detail::measure(ui, FontRole::Body, spec.secondary, m.left_w).y);
  // The one-line card's height plus what the wrapped lines add, and room for the figure.
  const float grown = m.title_h - ui.fonts.size(FontRole::Heading) + m.second_h -
                      ui.fonts.size(FontRole::Body);
  m.height = std::max(card_height(ui, !spec.badge.empty()) + grown,
                      m.fig.y + m.cap.y + 2 * m.pad);
  return m;
}

}  // namespace

float card_height_for(const Ui& ui, const CardSpec& spec, float width) {
  return card_metrics(ui, spec, width > 0 ? width : ImGui::GetContentRegionAvail().x).height;
}

bool card(Ui& ui, const CardSpec& spec) {
  const float e = em(ui);
  const float width = spec.width > 0 ? spec.width : ImGui::GetContentRegionAvail().x;
  const CardMetrics m = card_metrics(ui, spec, width);
  const float height = std::max(spec.height, m.height);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const ImRect bb(pos, ImVec2(pos.x + width, pos.y + height));
  const detail::TapResult r = detail::tap_item(ui, "card", spec.title, bb);
  if (!r.visible) return false;

  const Theme& t = ui.theme;
  const float rounding = t.rounding_em * e;
  detail::draw_card_bg(ui, bb, r.held ? t.pressed_bg : t.card, rounding,
                       t.kind == ThemeKind::HighContrast);
  // Right column: the distance is the most visible figure of a result.
  const float fig_y = bb.Min.y + (height - m.fig.y - m.cap.y) * 0.5f;
  if (!spec.figure.empty())
    detail::draw_text(ui, FontRole::Title, ImVec2(bb.Max.x - m.pad - m.fig.x, fig_y), t.title,
                      spec.figure);
  if (!spec.figure_caption.empty())
    detail::draw_text(ui, FontRole::Body, ImVec2(bb.Max.x - m.pad - m.cap.x, fig_y + m.fig.y),
                      t.text_secondary, spec.figure_caption);

  float y = bb.Min.y + 0.8f * e;
  const float x = bb.Min.x + m.pad;
  detail::draw_text(ui, FontRole::Heading, ImVec2(x, y), t.text, spec.title, m.left_w, false);
  y += m.title_h + 0.2f * e;
  if (!spec.secondary.empty())
    detail::draw_text(ui, FontRole::Body, ImVec2(x, y), t.text_secondary, spec.secondary,
                      m.left_w);
  y += m.second_h + 0.4f * e;
  detail::record(ui, ProbeKind::Card, spec.title, bb, true);
  if (!spec.badge.empty()) {
    detail::draw_badge(ui, ImVec2(x, y), spec.badge, BadgeKind::Success);
  }
  return r.tapped;
}

}  // namespace eric::ui
