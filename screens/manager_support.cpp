// What the manager's screens share (see manager_screens.h).
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "kiosk/app/navigator.h"
#include "kiosk/app/services.h"
#include "kiosk/app/sync_link.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/ui/widgets.h"
#include "screens/manager_screens.h"

namespace eric {

bool manager_guard(ScreenContext& ctx) {
  if (ctx.shell.mode == Mode::Manager && ctx.services.db) return true;
  ctx.nav.home();
  return false;
}

SyncLive sync_live(const ScreenContext& ctx) {
  return ctx.services.sync ? ctx.services.sync->live() : SyncLive{};
}

std::string outbox_state_words(OutboxState state, const I18n& i18n) {
  return i18n.tr(std::string("manager.outbox.state.") + outbox_state_name(state));
}

std::string outbox_type_words(const std::string& type, const I18n& i18n) {
  const std::string key = "manager.outbox.type." + type;
  return i18n.has("fr", key) ? i18n.tr(key) : i18n.tr("manager.outbox.type.other");
}

std::string count_words(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  const size_t len = digits.size();
  for (size_t i = 0; i < len; ++i) {
    if (i > 0 && (len - i) % 3 == 0) out += ' ';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

void figure_tile(ui::Ui& u, int64_t n, std::string_view caption, ui::Tone tone, float w, float h,
                 float caption_wrap) {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h),
                                            ui::to_u32(u.theme.card),
                                            u.theme.rounding_em * ui::em(u));
  ImGui::BeginGroup();
  ImGui::SetCursorScreenPos(ImVec2(pos.x + ui::px(u, 20), pos.y + ui::px(u, 12)));
  ui::text(u, count_words(n), ui::TextOpts{ui::FontRole::Title, tone, -1});
  ImGui::SetCursorScreenPos(ImVec2(pos.x + ui::px(u, 20), ImGui::GetCursorScreenPos().y));
  ui::text(u, caption, ui::TextOpts{ui::FontRole::Small, ui::Tone::Secondary, caption_wrap});
  ImGui::SetCursorScreenPos(pos);
  ImGui::Dummy(ImVec2(w, h));
  ImGui::EndGroup();
}

namespace {

std::string phase_key(SyncPhase p) {
  switch (p) {
    case SyncPhase::catalog_download: return "manager.phase.catalog_download";
    case SyncPhase::catalog_apply: return "manager.phase.catalog_apply";
    case SyncPhase::outbox_push: return "manager.phase.outbox_push";
    case SyncPhase::status_pull: return "manager.phase.status_pull";
  }
  return "manager.phase.catalog_download";
}

// Where each step starts on the bar and how much of it it takes: receiving the catalog is
// most of a first sync, putting it in service most of the rest.
struct PhaseSpan {
  double start, width;
};
PhaseSpan phase_span(SyncPhase p) {
  switch (p) {
    case SyncPhase::catalog_download: return {0.0, 0.6};
    case SyncPhase::catalog_apply: return {0.6, 0.25};
    case SyncPhase::outbox_push: return {0.85, 0.1};
    case SyncPhase::status_pull: return {0.95, 0.05};
  }
  return {0.0, 0.6};
}

}  // namespace

void sync_progress_view(ui::Ui& u, const I18n& i18n, const SyncLive& live, float width) {
  // One bar for the whole sync, each step its share of it. A download does not announce its
  // size, so its share fills more slowly as pages come, never quite full.
  double step = 0;
  std::string line = i18n.tr("manager.progress.start");
  if (live.has_progress) {
    const SyncProgress& p = live.progress;
    const std::string phase = i18n.tr(phase_key(p.phase));
    if (p.total > 0) {
      step = std::clamp(static_cast<double>(p.done) / static_cast<double>(p.total), 0.0, 1.0);
      line = i18n.tr("manager.progress.of", {{"phase", phase},
                                             {"done", count_words(p.done)},
                                             {"total", count_words(p.total)}});
    } else {
      step = 1.0 - std::exp(-static_cast<double>(p.done) / 8000.0);
      line = p.done > 0
                 ? i18n.tr_count("manager.progress.count", p.done, {{"phase", phase}, {"n", count_words(p.done)}})
                 : phase + "…";
    }
    const PhaseSpan span = phase_span(p.phase);
    step = span.start + step * span.width;
  }
  const float h = ui::px(u, 28);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float r = h * 0.5f;
  dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), ui::to_u32(u.theme.card), r);
  dl->AddRect(pos, ImVec2(pos.x + width, pos.y + h), ui::to_u32(u.theme.card_border), r, 0,
              ui::px(u, 2));
  const float filled = std::max(h, static_cast<float>(width * step));
  dl->AddRectFilled(pos, ImVec2(pos.x + filled, pos.y + h), ui::to_u32(u.theme.primary), r);
  ImGui::Dummy(ImVec2(width, h + ui::px(u, 10)));
  ui::text(u, line, ui::TextOpts{ui::FontRole::Body, ui::Tone::Normal, -1});
}

void manager_close_button(ScreenContext& ctx) {
  ui::Ui& u = ctx.ui;
  ui::ButtonOpts close;
  close.kind = ui::ButtonKind::Secondary;
  close.icon = ui::Picto::Lock;
  const std::string label = ctx.i18n.tr("manager.close");
  // At least 520 design pixels, wider when the language's words need it.
  close.width = std::max(ui::px(u, 520), ui::big_button_width(u, label, close));
  ImGui::SameLine(std::max(0.0f, ImGui::GetWindowContentRegionMax().x - close.width));
  if (ui::big_button(u, label, close)) {
    ctx.shell.mode = Mode::Visitor;
    ctx.nav.home();
  }
}

}  // namespace eric
