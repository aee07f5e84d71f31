// The desk's workshops panel: today's and this week's workshops, who registered here,
// "Présent" / "Absent", and a walk-in added by the animator.
#include <imgui.h>

#include <algorithm>
#include <optional>

#include "kiosk/app/services.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/core/words/workshop_words.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/scroll_list.h"
#include "kiosk/ui/widgets.h"
#include "screens/desk_panels.h"

namespace eric {

namespace {

std::string refusal(const Status& s, const I18n& t) {
  if (s.code == "workshop_full") return t.tr("workshop.error.workshop_full");
  if (s.code == "bad_first_name") return t.tr("desk.ws.name_needed");
  return t.tr("workshop.error.other");
}

// A registration's words: who, then the attendance, the contact and a refusal.
struct RegistrationWords {
  std::string who, line;
};

RegistrationWords registration_words(const I18n& t, const Registration& r) {
  RegistrationWords words;
  words.who = r.first_name.empty() ? t.tr("desk.ws.name_erased") : r.first_name;
  if (r.walk_in) words.who += " · " + t.tr("desk.ws.walk_in_mark");
  // The stored attendance in words too: the chips alone would say it by colour only.
  words.line = t.tr(r.attendance == "present"  ? "desk.ws.marked_present"
                    : r.attendance == "absent" ? "desk.ws.marked_absent"
                                               : "desk.ws.not_marked");
  words.line += " · " + (r.contact.empty() ? t.tr("desk.ws.no_contact") : r.contact);
  if (r.delivery == OutboxState::rejected)
    words.line += " · " + t.tr("desk.ws.refused", {{"reason", r.delivery_reason}});
  return words;
}

// Where a registration row puts its words and its "Présent" / "Absent" chips: the chips on
// the right, or under the words where beside them the words would keep too narrow a column
// (a portrait screen: the chips were drawn over the phone number).
struct RegistrationLayout {
  float pad = 0, chips_w = 0, text_w = 0;
  bool chips_under = false;
};

RegistrationLayout registration_layout(const ui::Ui& u, const I18n& t, float w) {
  RegistrationLayout l;
  l.pad = ui::px(u, 20);
  l.chips_w = ui::text_size(u, t.tr("desk.ws.present"), ui::FontRole::BodyBold).x +
              ui::text_size(u, t.tr("desk.ws.absent"), ui::FontRole::BodyBold).x +
              4 * 0.8f * ui::em(u) + ui::px(u, 16);
  l.text_w = w - 2 * l.pad - l.chips_w - ui::px(u, 16);
  l.chips_under = l.text_w < 12 * ui::em(u);
  if (l.chips_under) l.text_w = w - 2 * l.pad;
  return l;
}

float registration_row_height(const ui::Ui& u, const I18n& t, const Registration& r, float w) {
  const RegistrationLayout l = registration_layout(u, t, w);
  const RegistrationWords words = registration_words(t, r);
  const float text_h = ui::text_size(u, words.who, ui::FontRole::Heading, l.text_w).y +
                       ImGui::GetStyle().ItemSpacing.y +
                       ui::text_size(u, words.line, ui::FontRole::Body, l.text_w).y;
  const float target = ui::target_height(u);
  const float h = l.chips_under ? text_h + ui::px(u, 12) + target : std::max(text_h, target);
  return std::max(ui::px(u, 110), h + 2 * ui::px(u, 10));
}

void registration_row(const DeskContext& d, const Registration& r, ImVec2 pos, float w,
                      float h) {
  ui::Ui& u = d.ctx.ui;
  const I18n& t = d.ctx.i18n;
  ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h),
                                            ui::to_u32(u.theme.card),
                                            u.theme.rounding_em * ui::em(u));
  const RegistrationLayout l = registration_layout(u, t, w);
  const RegistrationWords words = registration_words(t, r);
  ImGui::SetCursorScreenPos(ImVec2(pos.x + l.pad, pos.y + ui::px(u, 10)));
  ui::text(u, words.who, ui::TextOpts{ui::FontRole::Heading, ui::Tone::Normal, l.text_w});
  ImGui::SetCursorScreenPos(ImVec2(pos.x + l.pad, ImGui::GetCursorScreenPos().y));
  ui::text(u, words.line,
           ui::TextOpts{ui::FontRole::Body,
                        r.delivery == OutboxState::rejected ? ui::Tone::Error
                                                            : ui::Tone::Secondary,
                        l.text_w});
  // Chips keep their state visible: the active one is the attendance stored.
  if (l.chips_under)
    ImGui::SetCursorScreenPos(
        ImVec2(pos.x + l.pad, ImGui::GetCursorScreenPos().y + ui::px(u, 12) -
                                  ImGui::GetStyle().ItemSpacing.y));
  else
    ImGui::SetCursorScreenPos(
        ImVec2(pos.x + w - l.pad - l.chips_w, pos.y + (h - ui::target_height(u)) * 0.5f));
  if (ui::chip(u, t.tr("desk.ws.present"), r.attendance == "present"))
    after_desk_action(d, set_attendance(d.db, r.id, Attendance::present, d.role, d.now_s));
  ImGui::SameLine(0, ui::px(u, 16));
  if (ui::chip(u, t.tr("desk.ws.absent"), r.attendance == "absent"))
    after_desk_action(d, set_attendance(d.db, r.id, Attendance::absent, d.role, d.now_s));
}

// The walk-in typed so far goes in; refused (full, no name), the reason stays on screen.
void submit_walk_in(const DeskContext& d, DeskWorkshopsState& s, const WorkshopCard& c) {
  auto r = add_walk_in(d.db, c.workshop.id, s.walk_in_name, d.role, d.now_s);
  after_desk_action(d, Status::success());  // a refusal is said beside the button
  s.message = r.ok() ? std::string() : refusal(r.status, d.ctx.i18n);
  if (!r.ok()) return;
  s.walk_in_name.assign(s.walk_in_name.size(), '\0');
  s.walk_in_name.clear();
  s.typing_walk_in = false;
}

// Left: the week's workshops; the chosen one has a blue frame.
void workshop_list(const DeskContext& d, DeskWorkshopsState& s, float width, float height) {
  ui::Ui& u = d.ctx.ui;
  const I18n& t = d.ctx.i18n;
  const std::vector<WorkshopCard>& list = d.data.workshops;
  // Every row as tall as the tallest card: a card whose words need more lines grows.
  float row_h = ui::card_height(u, false);
  for (const WorkshopCard& c : list) {
    const std::string line = workshop_when_words(c.workshop, t) + " · " +
                             seats_left_words(c.seats_left, t);
    ui::CardSpec card;
    card.title = c.workshop.title;
    card.secondary = line;
    card.figure = "";
    card.figure_caption = "";
    row_h = std::max(row_h, ui::card_height_for(u, card, ui::list_row_width(u, width)));
  }
  ui::ScrollList rows(u, "desk.workshops", ImVec2(width, height), static_cast<int>(list.size()),
                      row_h, ui::px(u, 12));
  for (int i = rows.first(); i < rows.last(); ++i) {
    rows.place(i);
    const WorkshopCard& c = list[static_cast<size_t>(i)];
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const std::string line = workshop_when_words(c.workshop, t) + " · " +
                             seats_left_words(c.seats_left, t);
    ui::CardSpec card;  // views: every text it shows must outlive it
    card.title = c.workshop.title;
    card.secondary = line;
    // Never a default (null) view: the card measures every text it is given.
    card.figure = "";
    card.figure_caption = "";
    card.width = rows.row_width();
    card.height = row_h;
    if (ui::card(u, card)) {
      s.selected_id = c.workshop.id;
      s.typing_walk_in = false;
      s.message.clear();
    }
    if (c.workshop.id == s.selected_id) {
      const float k = ui::px(u, 4);
      ImGui::GetWindowDrawList()->AddRect(
          ImVec2(pos.x + k * 0.5f, pos.y + k * 0.5f),
          ImVec2(pos.x + rows.row_width() - k * 0.5f, pos.y + row_h - k * 0.5f),
          ui::to_u32(u.theme.primary), u.theme.rounding_em * ui::em(u), 0, k);
    }
  }
}

// The walk-in's name field and the button that opens it, then adds the person.
void walk_in_controls(const DeskContext& d, DeskWorkshopsState& s, const WorkshopCard& c,
                      float width) {
  ui::Ui& u = d.ctx.ui;
  const I18n& t = d.ctx.i18n;
  if (s.typing_walk_in) {
    ui::FieldOpts f;
    f.focused = true;
    f.width = std::min(width, ui::px(u, 640));
    ui::text_field(u, t.tr("desk.ws.walk_in_name"), s.walk_in_name, f);
    ui::space(u, ui::Space::Large);
  }
  ui::ButtonOpts add;
  add.kind = s.typing_walk_in ? ui::ButtonKind::Primary : ui::ButtonKind::Secondary;
  add.enabled = !c.full() && (!s.typing_walk_in || !s.walk_in_name.empty());
  if (ui::big_button(u, t.tr(s.typing_walk_in ? "desk.ws.add" : "desk.ws.walk_in"), add)) {
    if (s.typing_walk_in) {
      submit_walk_in(d, s, c);
    } else {
      s.typing_walk_in = true;
      s.message.clear();
    }
  }
  if (!s.message.empty()) ui::text(u, s.message, ui::TextOpts{ui::FontRole::Body, ui::Tone::Error});
}

// Right: the chosen workshop, the walk-in controls and who registered here.
void chosen_workshop(const DeskContext& d, DeskWorkshopsState& s, const WorkshopCard& c,
                     float width) {
  ui::Ui& u = d.ctx.ui;
  const I18n& t = d.ctx.i18n;
  load_registrations(d.data, d.db, c.workshop.id);
  const std::vector<Registration>& regs = d.data.registrations;
  ui::text(u, c.workshop.title + " · " + workshop_when_words(c.workshop, t),
           ui::TextOpts{ui::FontRole::Heading, ui::Tone::Title, width});
  ui::text(u,
           t.tr("desk.ws.summary", {{"seats", seats_left_words(c.seats_left, t)},
                                    {"capacity", std::to_string(c.workshop.capacity)},
                                    {"here", t.tr_count("desk.ws.registered_here",
                                                        static_cast<long long>(regs.size()))}}),
           ui::TextOpts{ui::FontRole::Body, ui::Tone::Secondary, width});
  ui::space(u, ui::Space::Large);
  walk_in_controls(d, s, c, width);
  ui::space(u, ui::Space::Large);
  if (s.typing_walk_in) return;
  if (regs.empty()) {
    ui::text(u, t.tr("desk.ws.no_one"), ui::TextOpts{ui::FontRole::Body});
    return;
  }
  // Every row as tall as the tallest needs: a row with its chips under its words grows.
  float row_h = 0;
  for (const Registration& r : regs)
    row_h = std::max(row_h, registration_row_height(u, t, r, ui::list_row_width(u, width)));
  ui::ScrollList rows(u, "desk.registrations", ImVec2(width, 0), static_cast<int>(regs.size()),
                      row_h, ui::px(u, 12));
  for (int i = rows.first(); i < rows.last(); ++i) {
    rows.place(i);
    registration_row(d, regs[static_cast<size_t>(i)], ImGui::GetCursorScreenPos(),
                     rows.row_width(), row_h);
  }
}

}  // namespace

void draw_workshops_panel(const DeskContext& d, DeskWorkshopsState& s) {
  ui::Ui& u = d.ctx.ui;
  const std::vector<WorkshopCard>& list = d.data.workshops;
  if (list.empty()) {
    ui::text(u, d.ctx.i18n.tr("desk.ws.empty"), ui::TextOpts{ui::FontRole::Title});
    return;
  }
  auto selected = std::find_if(list.begin(), list.end(),
                               [&](const WorkshopCard& c) { return c.workshop.id == s.selected_id; });
  if (selected == list.end()) {
    selected = list.begin();
    s.selected_id = selected->workshop.id;
  }
  // A copy: an action below reads the list again at the next frame, not under our feet.
  const WorkshopCard chosen = *selected;

  const float left_w = ImGui::GetContentRegionAvail().x * 0.36f;
  const ImVec2 left_pos = ImGui::GetCursorScreenPos();
  // While a walk-in's name is typed, the list ends at the keyboard's top: its cards would be
  // drawn under the keys (in Ukrainian the second card's title was).
  float list_h = ImGui::GetContentRegionAvail().y;
  if (s.typing_walk_in) {
    const float keyboard_top =
        ImGui::GetIO().DisplaySize.y - ui::keyboard_height(u, ui::KeyboardMode::Text);
    list_h = std::max(ui::card_height(u, false),
                      std::min(list_h, keyboard_top - left_pos.y - ui::px(u, 12)));
  }
  workshop_list(d, s, left_w, list_h);

  const float right_x = left_pos.x + left_w + ui::px(u, 40);
  const float right_w = ImGui::GetWindowContentRegionMax().x + ImGui::GetWindowPos().x - right_x;
  ImGui::SetCursorScreenPos(ImVec2(right_x, left_pos.y));
  ImGui::BeginGroup();
  {
    // The walk-in's name field stays above the keyboard (at 1366x768 it fell under the keys).
    std::optional<ui::TypingPage> typing;
    if (s.typing_walk_in) typing.emplace(u, "desk.ws.typing", ui::KeyboardMode::Text, s.typing_h);
    chosen_workshop(d, s, chosen, right_w);
  }
  ImGui::EndGroup();

  if (s.typing_walk_in) {
    ui::KeyboardOpts kb;
    kb.mode = ui::KeyboardMode::Text;
    kb.max_chars = 30;
    if (ui::keyboard(u, s.walk_in_name, kb) == ui::KeyResult::Ok && !s.walk_in_name.empty())
      submit_walk_in(d, s, chosen);
  }
}

}  // namespace eric
