// Layout helpers of the job discovery screens (see jobs_ui.h).
#include "screens/jobs_ui.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "kiosk/app/navigator.h"
#include "kiosk/core/words/french.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/widgets.h"

namespace eric::jobs {

namespace {

// The three actions of a detail page, in reading order.
struct ActionButton {
  const char* key;
  DetailAction action;
  ui::ButtonKind kind;
};
constexpr ActionButton kActions[] = {
    {"jobs.action.try", DetailAction::TryTrade, ui::ButtonKind::Primary},
    {"jobs.action.help", DetailAction::Help, ui::ButtonKind::Secondary},
    {"jobs.action.takeaway", DetailAction::Takeaway, ui::ButtonKind::Secondary},
};

// The row each action goes on: one row when they fit side by side, more on a narrow screen
// or with larger text (a button is never pushed past the edge).
std::vector<int> action_rows(const ui::Ui& ui, const I18n& i18n, float width) {
  std::vector<int> rows;
  float x = 0;
  int row = 0;
  for (const ActionButton& a : kActions) {
    ui::ButtonOpts o;
    o.kind = a.kind;
    const float w = ui::big_button_width(ui, i18n.tr(a.key), o);
    if (x > 0 && x + w > width) {
      ++row;
      x = 0;
    }
    rows.push_back(row);
    x += w + ui::em(ui);
  }
  return rows;
}

}  // namespace

float action_bar_height(const ui::Ui& ui, const I18n& i18n, float width) {
  const int rows = action_rows(ui, i18n, width).back() + 1;
  return rows * ui::target_height(ui) + (rows - 1) * ui::em(ui) * 0.5f + ui::px(ui, 48);
}

DetailAction action_bar(ui::Ui& ui, const I18n& i18n) {
  DetailAction out = DetailAction::None;
  const float width = ImGui::GetContentRegionAvail().x;
  const std::vector<int> rows = action_rows(ui, i18n, width);
  const ImVec2 origin(ImGui::GetCursorScreenPos().x,
                      ImGui::GetCursorScreenPos().y + ui::px(ui, 16));
  float x = origin.x;
  for (size_t i = 0; i < std::size(kActions); ++i) {
    if (i > 0 && rows[i] != rows[i - 1]) x = origin.x;
    ImGui::SetCursorScreenPos(
        ImVec2(x, origin.y + rows[i] * (ui::target_height(ui) + ui::em(ui) * 0.5f)));
    ui::ButtonOpts o;
    o.kind = kActions[i].kind;
    const std::string label = i18n.tr(kActions[i].key);
    if (ui::big_button(ui, label, o)) out = kActions[i].action;
    x += ui::big_button_width(ui, label, o) + ui::em(ui);
  }
  return out;
}

void detail_page(ScreenContext& ctx, std::string_view page_id, float& content_h,
                 const std::function<void()>& draw_body,
                 const std::function<DetailTarget()>& target) {
  ui::Ui& u = ctx.ui;
  const float bar = action_bar_height(u, ctx.i18n, ImGui::GetContentRegionAvail().x);
  const ImVec2 area = ImGui::GetCursorScreenPos();
  const float bottom = area.y + ImGui::GetContentRegionAvail().y;
  {
    ui::ScrollPage page(u, page_id, ImVec2(0, ImGui::GetContentRegionAvail().y - bar), content_h);
    draw_body();
  }
  // The actions stay in place at the bottom while the page scrolls above them.
  ImGui::SetCursorScreenPos(ImVec2(area.x, bottom - bar));
  const DetailAction action = action_bar(u, ctx.i18n);
  if (action == DetailAction::None) return;
  const DetailTarget t = target();
  switch (action) {
    case DetailAction::TryTrade:
      ctx.session.trade_code = t.trade_code;
      ctx.nav.open("immersion.results", {{"trade", t.trade_code}, {"label", t.trade_label}});
      break;
    case DetailAction::Help:
      ctx.nav.open("help.start", {{"context", t.help_context}});
      break;
    case DetailAction::Takeaway:
      ctx.nav.open("job.takeaway", t.takeaway);
      break;
    case DetailAction::None:
      break;
  }
}

void detail_gone(ScreenContext& ctx, std::string_view message_key) {
  ui::space(ctx.ui, ui::Space::Medium);
  ui::text(ctx.ui, ctx.i18n.tr(message_key), ui::TextOpts{ui::FontRole::Title});
  ui::space(ctx.ui, ui::Space::Medium);
  if (ui::big_button(ctx.ui, ctx.i18n.tr("jobs.detail.back_to_list"))) ctx.nav.back();
}

SessionListTap session_cards(ScreenContext& ctx, std::string_view title_key,
                             std::string_view empty_key, const std::vector<SessionCard>& sessions,
                             int shown,
                             const std::function<SessionLines(const SessionCard&)>& lines) {
  ui::Ui& u = ctx.ui;
  SessionListTap tap;
  ui::text(u, ctx.i18n.tr(title_key), ui::TextOpts{ui::FontRole::Title, ui::Tone::Title});
  if (sessions.empty()) {
    ui::text(u, ctx.i18n.tr(empty_key));
    return tap;
  }
  const size_t count = std::min(sessions.size(), static_cast<size_t>(shown));
  for (size_t i = 0; i < count; ++i) {
    const SessionCard& s = sessions[i];
    ImGui::PushID(static_cast<int>(i));
    const SessionLines text = lines(s);
    const std::string distance = distance_words(s.distance_km, ctx.i18n);
    ui::CardSpec spec;
    spec.title = text.title;
    spec.secondary = text.secondary;
    spec.figure = distance;
    spec.figure_caption = s.commune_name;
    if (ui::card(u, spec)) tap.card = static_cast<int>(i);
    ImGui::PopID();
  }
  if (sessions.size() > count) {
    ui::ButtonOpts bo;
    bo.kind = ui::ButtonKind::Secondary;
    tap.more = ui::big_button(u, ctx.i18n.tr("jobs.detail.more"), bo);
  }
  return tap;
}

void titled_text(ScreenContext& ctx, std::string_view title_key, std::string_view text) {
  if (text.empty()) return;
  ui::text(ctx.ui, ctx.i18n.tr(title_key), ui::TextOpts{ui::FontRole::Heading});
  ui::space(ctx.ui, ui::Space::Tight);
  ui::text(ctx.ui, text);
}



}  // namespace eric::jobs
