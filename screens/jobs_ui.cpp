// Layout helpers of the job discovery screens (see jobs_ui.h).
#include "screens/jobs_ui.h"

#include <algorithm>

#include "kiosk/app/navigator.h"
#include "kiosk/core/french.h"
#include "kiosk/core/i18n.h"
#include "kiosk/ui/widgets.h"

namespace eric::jobs {

ChipFlow::ChipFlow(ui::Ui& ui, float width) : ui_(ui) {
  origin_ = ImGui::GetCursorScreenPos();
  right_ = origin_.x + (width > 0 ? width : ImGui::GetContentRegionAvail().x);
  x_ = origin_.x;
  y_ = origin_.y;
}

bool ChipFlow::chip(std::string_view label, bool active) {
  const float e = ui::em(ui_);
  const float gap_x = 0.5f * e;
  // The chip's width as the widget kit draws it: the bold label and 0.8 em each side.
  const float w = ui::text_size(ui_, label, ui::FontRole::BodyBold).x + 1.6f * e;
  const float h = ui::target_height(ui_);
  if (lines_ == 0) {
    lines_ = 1;
  } else if (x_ + w > right_) {
    x_ = origin_.x;
    y_ += line_h_ + 0.5f * e;
    ++lines_;
  }
  line_h_ = h;
  ImGui::SetCursorScreenPos(ImVec2(x_, y_));
  const bool tapped = ui::chip(ui_, label, active);
  x_ = std::max(x_ + w, ImGui::GetItemRectMax().x) + gap_x;
  return tapped;
}

ChipFlow::~ChipFlow() {
  ImGui::SetCursorScreenPos(ImVec2(origin_.x, y_ + (lines_ > 0 ? line_h_ : 0.0f)));
  ImGui::Dummy(ImVec2(0, 0));
}

ScrollPage::ScrollPage(ui::Ui& ui, std::string_view id, ImVec2 size, float& content_h)
    : content_h_(content_h) {
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (size.x <= 0) size.x = avail.x;
  if (size.y <= 0) size.y = avail.y;
  if (content_h_ <= 0) content_h_ = size.y;
  list_ = std::make_unique<ui::ScrollList>(ui, id, size, 1, content_h_, 0.0f);
  list_->place(0);
  top_ = ImGui::GetCursorScreenPos().y;
}

ScrollPage::~ScrollPage() {
  // What was drawn this frame sets the scroll extent of the next one.
  const float bottom = ImGui::GetCursorScreenPos().y;
  content_h_ = std::max(1.0f, bottom - top_);
  list_.reset();
}

float action_bar_height(const ui::Ui& ui) { return ui::target_height(ui) + ui::px(ui, 48); }

DetailAction action_bar(ui::Ui& ui, const I18n& i18n) {
  DetailAction out = DetailAction::None;
  ImGui::SetCursorScreenPos(
      ImVec2(ImGui::GetCursorScreenPos().x, ImGui::GetCursorScreenPos().y + ui::px(ui, 16)));
  ui::ButtonOpts primary;
  if (ui::big_button(ui, i18n.tr("jobs.action.try"), primary)) out = DetailAction::TryTrade;
  ui::ButtonOpts secondary;
  secondary.kind = ui::ButtonKind::Secondary;
  ImGui::SameLine(0, ui::em(ui));
  if (ui::big_button(ui, i18n.tr("jobs.action.help"), secondary)) out = DetailAction::Help;
  ImGui::SameLine(0, ui::em(ui));
  if (ui::big_button(ui, i18n.tr("jobs.action.takeaway"), secondary)) out = DetailAction::Takeaway;
  return out;
}

void detail_page(ScreenContext& ctx, std::string_view page_id, float& content_h,
                 const std::function<void()>& draw_body,
                 const std::function<DetailTarget()>& target) {
  ui::Ui& u = ctx.ui;
  const float bar = action_bar_height(u);
  const ImVec2 area = ImGui::GetCursorScreenPos();
  const float bottom = area.y + ImGui::GetContentRegionAvail().y;
  {
    ScrollPage page(u, page_id, ImVec2(0, ImGui::GetContentRegionAvail().y - bar), content_h);
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
  gap(ctx.ui, 24);
  ui::text(ctx.ui, ctx.i18n.tr(message_key), ui::TextOpts{ui::FontRole::Title});
  gap(ctx.ui, 24);
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
  gap(ctx.ui, 8);
  ui::text(ctx.ui, text);
}

void fact(ui::Ui& ui, std::string_view label, std::string_view value) {
  if (value.empty()) return;
  ui::text(ui, label, ui::TextOpts{ui::FontRole::BodyBold, ui::Tone::Normal, -1});
  ImGui::SameLine(0, 0.4f * ui::em(ui));
  ui::text(ui, value, ui::TextOpts{ui::FontRole::Body});
}

void gap(ui::Ui& ui, float px_at_1080) {
  // Moves the cursor only: a Dummy would add the item spacing twice more.
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ui::px(ui, px_at_1080));
}

}  // namespace eric::jobs
