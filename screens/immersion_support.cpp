// Shared words of the immersion screens (see immersion_support.h).
#include "screens/immersion_support.h"

#include <imgui.h>

#include <algorithm>

#include "kiosk/app/session.h"
#include "kiosk/core/words/french.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/ui/widgets.h"

namespace eric::immersion {

std::string value(const Session& s, std::string_view key) {
  auto it = s.values.find(std::string(key));
  return it == s.values.end() ? std::string() : it->second;
}

std::string slot_dates(const I18n& i18n, const ImmersionSlot& slot) {
  if (slot.end.empty() || slot.end == slot.start)
    return i18n.tr("immersion.one_day", {{"date", date_words(slot.start, i18n, true, false)}});
  return date_range_words(slot.start, slot.end, i18n);
}

std::string days_words(const I18n& i18n, int days) {
  return i18n.tr_count("immersion.days", std::max(days, 1));
}

std::string contact_mode_words(const I18n& i18n, std::string_view mode) {
  if (mode == "email") return i18n.tr("immersion.contact_mode.email");
  if (mode == "phone") return i18n.tr("immersion.contact_mode.phone");
  if (mode == "in_person") return i18n.tr("immersion.contact_mode.in_person");
  return i18n.tr("immersion.contact_mode.any");
}

std::string objective_key(ImmersionObjective o) {
  return std::string("immersion.objective.") + immersion_objective_name(o);
}

std::string prewritten_message(const I18n& i18n, ImmersionObjective objective,
                               std::string_view trade_label, std::string_view employer,
                               const ImmersionSlot& slot, std::string_view first_name) {
  if (objective == ImmersionObjective::none) return {};
  const std::string body =
      i18n.tr(std::string("immersion.message.") + immersion_objective_name(objective),
              {{"trade", std::string(trade_label)},
               {"employer", std::string(employer)},
               {"dates", slot_dates(i18n, slot)}});
  const std::string name(first_name);
  return body + (name.empty() ? i18n.tr("immersion.message.closing_anonymous")
                              : i18n.tr("immersion.message.closing", {{"name", name}}));
}

void message_box(ui::Ui& u, const std::string& message, const std::string& empty, float width,
                 bool focused) {
  const float pad = ui::px(u, 20);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float wrap = width - 2 * pad;
  const std::string& shown = message.empty() ? empty : message;
  const ImVec2 size = ui::text_size(u, shown, ui::FontRole::Body, wrap);
  const float h = size.y + 2 * pad;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float rounding = u.theme.rounding_em * ui::em(u) * 0.5f;
  dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), ui::to_u32(u.theme.card), rounding);
  if (focused) {
    ui::focus_ring(u, pos, ImVec2(pos.x + width, pos.y + h), rounding, true);
    ui::typing_box(u, shown, pos, ImVec2(pos.x + width, pos.y + h));
  }
  dl->AddRect(pos, ImVec2(pos.x + width, pos.y + h),
              ui::to_u32(focused ? u.theme.primary : u.theme.card_border), rounding, 0,
              std::max(1.0f, u.theme.border_px * u.scale * (focused ? 2 : 1)));
  ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, pos.y + pad));
  ui::text(u, shown,
           ui::TextOpts{ui::FontRole::Body, message.empty() ? ui::Tone::Secondary : ui::Tone::Normal,
                        wrap});
  ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + h));
  ImGui::Dummy(ImVec2(width, 0));
}

}  // namespace eric::immersion
