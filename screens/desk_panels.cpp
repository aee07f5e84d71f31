// The desk's queue and immersion-request panels (the workshops panel: desk_workshops_panel.cpp).
#include "screens/desk_panels.h"

#include <imgui.h>

#include <algorithm>

#include "kiosk/app/services.h"
#include "kiosk/core/base/clock.h"
#include "kiosk/core/words/french.h"
#include "kiosk/core/words/help_words.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/core/words/workshop_words.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/scroll_list.h"
#include "kiosk/ui/widgets.h"

namespace eric {

namespace {

void row_background(ui::Ui& u, ImVec2 pos, float w, float h) {
  ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h),
                                            ui::to_u32(u.theme.card),
                                            u.theme.rounding_em * ui::em(u));
}

std::string clock_words(int64_t epoch_s, const I18n& i18n) {
  const CivilTime c = Clock::to_local(epoch_s * 1000);
  return time_words(c.hour, c.minute, i18n);
}

// The three actions of a ticket share one width, that of the widest of their labels in the
// language shown (Ukrainian "Покликати ще раз" is wider than 230 px: a button that grew pushed
// its neighbours out of the card), and never less than 230 px.
float ticket_button_width(const ui::Ui& u, const I18n& t) {
  float w = ui::px(u, 230);
  for (const char* key : {"desk.queue.call", "desk.queue.call_again", "desk.queue.received",
                          "desk.queue.absent"})
    w = std::max(w, ui::big_button_width(u, t.tr(key)));
  return w;
}

// Where the three actions of a ticket go: on the right of who and why, or under them when
// that would leave who and why less than 14 body heights (a portrait screen).
bool ticket_buttons_under(const ui::Ui& u, const I18n& t, float w) {
  const float room = w - ui::px(u, 24) - 3 * ticket_button_width(u, t) - 3 * ui::px(u, 16) -
                     ui::px(u, 24 + 260);
  return room < 14 * ui::em(u);
}

float ticket_row_height(const ui::Ui& u, const I18n& t, float w) {
  const float h = ui::px(u, 150);
  return ticket_buttons_under(u, t, w) ? h + ui::target_height(u) + ui::px(u, 16) : h;
}

// One waiting ticket: who and why on the left, the three actions on the right (or under).
void ticket_row(const DeskContext& d, const HelpTicket& tk, bool next, ImVec2 pos, float w,
                float h) {
  ui::Ui& u = d.ctx.ui;
  const I18n& t = d.ctx.i18n;
  row_background(u, pos, w, h);
  const float pad = ui::px(u, 24);
  ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, pos.y + ui::px(u, 14)));
  ui::text(u, tk.number, ui::TextOpts{ui::FontRole::Title, ui::Tone::Title, -1});
  if (tk.urgent_today) {
    ImGui::SameLine(0, ui::px(u, 16));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ui::px(u, 10));
    ui::badge(u, t.tr("desk.queue.urgent"), ui::BadgeKind::Neutral);
  }
  const float info_x = pos.x + pad + ui::px(u, 260);
  const float bw = ticket_button_width(u, t);
  const float gap = ui::px(u, 16);
  const bool under = ticket_buttons_under(u, t, w);
  // What is said about the visitor stops before the three buttons.
  const float info_w = under ? w - pad - (info_x - pos.x)
                             : w - pad - 3 * bw - 3 * gap - (info_x - pos.x);
  ImGui::SetCursorScreenPos(ImVec2(info_x, pos.y + ui::px(u, 12)));
  std::string who = t.tr("help.reason." + tk.reason);
  if (!tk.first_name.empty()) who += " · " + tk.first_name;
  ui::text(u, ui::fitted(u, ui::FontRole::Heading, who, info_w),
           ui::TextOpts{ui::FontRole::Heading, ui::Tone::Normal, -1});
  ImGui::SetCursorScreenPos(ImVec2(info_x, ImGui::GetCursorScreenPos().y));
  std::string when = t.tr("desk.queue.waiting_for",
                          {{"wait", wait_words(d.now_s - tk.created_at, t)}});
  if (tk.called_at > 0)
    when += " · " + t.tr("desk.queue.called_at", {{"time", clock_words(tk.called_at, t)}});
  ui::text(u, ui::fitted(u, ui::FontRole::Body, when, info_w),
           ui::TextOpts{ui::FontRole::Body, ui::Tone::Secondary, -1});
  if (!tk.context.empty()) {
    ImGui::SetCursorScreenPos(ImVec2(info_x, ImGui::GetCursorScreenPos().y));
    ui::text(u, ui::fitted(u, ui::FontRole::Body, tk.context, info_w),
             ui::TextOpts{ui::FontRole::Body, ui::Tone::Normal, -1});
  }

  const float by = under ? pos.y + h - ui::target_height(u) - pad
                         : pos.y + (h - ui::target_height(u)) * 0.5f;
  ImGui::SetCursorScreenPos(ImVec2(under ? pos.x + pad : pos.x + w - pad - 3 * bw - 2 * gap, by));
  ui::ButtonOpts call;
  call.width = bw;
  // One primary action on the page: calling the next person, then receiving them.
  call.kind = next && tk.called_at == 0 ? ui::ButtonKind::Primary : ui::ButtonKind::Secondary;
  if (ui::big_button(u, t.tr(tk.called_at > 0 ? "desk.queue.call_again" : "desk.queue.call"),
                     call))
    after_desk_action(d, call_ticket(d.db, tk.id, d.role, d.now_s));
  ImGui::SameLine(0, gap);
  ui::ButtonOpts received;
  received.width = bw;
  received.kind = next && tk.called_at > 0 ? ui::ButtonKind::Primary : ui::ButtonKind::Secondary;
  if (ui::big_button(u, t.tr("desk.queue.received"), received))
    after_desk_action(d, ticket_received(d.db, tk.id, d.role, d.now_s));
  ImGui::SameLine(0, gap);
  ui::ButtonOpts absent;
  absent.width = bw;
  absent.kind = ui::ButtonKind::Secondary;
  if (ui::big_button(u, t.tr("desk.queue.absent"), absent))
    after_desk_action(d, ticket_absent(d.db, tk.id, d.role, d.now_s));
}

// One immersion request: the visitor's code and name, the employer and period, the status.
// Every line is cut to the card's width: nothing runs out of it.
void immersion_row(const DeskContext& d, const ImmersionRequestRow& r, ImVec2 pos, float w,
                   float h, float pad_y) {
  ui::Ui& u = d.ctx.ui;
  const I18n& t = d.ctx.i18n;
  row_background(u, pos, w, h);
  const float pad = ui::px(u, 24);
  const float text_w = w - 2 * pad;
  auto line = [&](const std::string& s, ui::FontRole font, ui::Tone tone) {
    ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, ImGui::GetCursorScreenPos().y));
    ui::text(u, ui::fitted(u, font, s, text_w), ui::TextOpts{font, tone, -1});
  };
  ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, pos.y + pad_y));
  // The code the visitor holds comes first: it is what they show at the desk.
  std::string who = r.code;
  const std::string name = r.purged || r.first_name.empty() ? t.tr("desk.immersion.purged")
                                                            : r.first_name;
  who += (who.empty() ? "" : " · ") + name;
  if (!r.purged && !r.contact.empty()) who += " · " + r.contact;
  line(who, ui::FontRole::Heading, ui::Tone::Normal);
  std::string what = r.trade_label.empty() ? t.tr("desk.immersion.unknown_slot") : r.trade_label;
  if (!r.employer_name.empty()) what += " · " + r.employer_name;
  if (!r.slot_start.empty())
    what += " · " + t.tr("desk.immersion.from", {{"date", date_words(r.slot_start, t, true, false)}});
  line(what, ui::FontRole::Body, ui::Tone::Secondary);
  const CivilTime made = Clock::to_local(r.created_at * 1000);
  std::string status = immersion_status_words(r, t);
  if (!r.server_ref.empty()) status += " (" + r.server_ref + ")";
  line(status, ui::FontRole::BodyBold,
       r.state == OutboxState::rejected ? ui::Tone::Error : ui::Tone::Normal);
  line(t.tr("desk.immersion.made", {{"when", day_time_words(made, t)}}), ui::FontRole::Body,
       ui::Tone::Secondary);
}

}  // namespace

void refresh_desk_data(DeskData& data, Database& db, std::string_view site_id, int64_t now_s) {
  constexpr int64_t kRefreshSeconds = 30;
  if (!data.stale && now_s - data.loaded_at_s < kRefreshSeconds) return;
  data.queue = help_queue(db, site_id, now_s);
  data.counts = help_day_counts(db, site_id, now_s);
  data.requests = immersion_requests_here(db);
  data.workshops = desk_workshops(db, site_id, now_s);
  data.registrations_of.clear();  // read again by the workshops panel for its choice
  data.loaded_at_s = now_s;
  data.stale = false;
}

void load_registrations(DeskData& data, Database& db, std::string_view workshop_id) {
  if (data.registrations_of == workshop_id) return;
  data.registrations = workshop_registrations(db, workshop_id);
  data.registrations_of = std::string(workshop_id);
}

void after_desk_action(const DeskContext& d, const Status& status) {
  d.data.stale = true;
  if (status.ok) return;
  d.ctx.ui.toasts.show(status.message_fr, d.ctx.clock.now_ms(), ui::Toasts::kDefaultMs,
                       ui::ToastKind::Error);
}

void draw_queue_panel(const DeskContext& d, const std::vector<HelpTicket>& queue) {
  ui::Ui& u = d.ctx.ui;
  const I18n& t = d.ctx.i18n;
  const HelpDayCounts& c = d.data.counts;
  ui::text(u,
           t.tr("desk.queue.counts", {{"waiting", t.tr_count("desk.queue.waiting_count", c.waiting)},
                                      {"received", t.tr_count("desk.queue.received_count", c.received)},
                                      {"absent", t.tr_count("desk.queue.absent_count", c.absent)},
                                      {"wait", c.received > 0 ? wait_words(c.average_wait_s, t)
                                                              : std::string("–")}}),
           ui::TextOpts{ui::FontRole::Heading, ui::Tone::Normal});
  ui::space(u, ui::Space::Section);
  if (queue.empty()) {
    ui::text(u, t.tr("desk.queue.empty"), ui::TextOpts{ui::FontRole::Title});
    return;
  }
  ui::text(u, t.tr("desk.queue.next", {{"number", queue.front().number}}),
           ui::TextOpts{ui::FontRole::Body, ui::Tone::Secondary, -1});
  ui::space(u, ui::Space::Large);
  const float row_h = ticket_row_height(u, t, ImGui::GetContentRegionAvail().x);
  ui::ScrollList list(u, "desk.queue", ImVec2(0, 0), static_cast<int>(queue.size()), row_h,
                      ui::px(u, 14));
  for (int i = list.first(); i < list.last(); ++i) {
    list.place(i);
    ticket_row(d, queue[static_cast<size_t>(i)], i == 0, ImGui::GetCursorScreenPos(),
               list.row_width(), row_h);
  }
}

void draw_immersion_panel(const DeskContext& d, const std::vector<ImmersionRequestRow>& rows) {
  ui::Ui& u = d.ctx.ui;
  const I18n& t = d.ctx.i18n;
  if (rows.empty()) {
    ui::text(u, t.tr("desk.immersion.empty"), ui::TextOpts{ui::FontRole::Title});
    return;
  }
  ui::text(u, t.tr("desk.immersion.intro"), ui::TextOpts{ui::FontRole::Body, ui::Tone::Secondary});
  ui::space(u, ui::Space::Large);
  // Four lines (the code, who, what, the status) at the current text size: the row is as tall
  // as they are, so the status line stays inside its card.
  const float pad_y = ui::px(u, 12);
  const float row_h = 2 * pad_y + u.fonts.size(ui::FontRole::Heading) +
                      2 * u.fonts.size(ui::FontRole::Body) +
                      u.fonts.size(ui::FontRole::BodyBold) + 4 * ImGui::GetStyle().ItemSpacing.y;
  ui::ScrollList list(u, "desk.immersion", ImVec2(0, 0), static_cast<int>(rows.size()), row_h,
                      ui::px(u, 14));
  for (int i = list.first(); i < list.last(); ++i) {
    list.place(i);
    immersion_row(d, rows[static_cast<size_t>(i)], ImGui::GetCursorScreenPos(),
                  list.row_width(), row_h, pad_y);
  }
}

}  // namespace eric
