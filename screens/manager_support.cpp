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

namespace {

// The widest word of a caption: a card narrower than it (with its padding) would cut it.
float widest_word(const ui::Ui& u, std::string_view caption) {
  float widest = 0;
  size_t from = 0;
  while (from < caption.size()) {
    size_t to = caption.find(' ', from);
    if (to == std::string_view::npos) to = caption.size();
    if (to > from) {
      const std::string_view word = caption.substr(from, to - from);
      widest = std::max(widest, ui::text_size(u, word, ui::FontRole::Small).x);
    }
    from = to + 1;
  }
  return widest;
}

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

float figure_row(ui::Ui& u, const std::vector<Figure>& figures, float max_w) {
  if (figures.empty()) return 0;
  const float gap = ui::px(u, 16), pad_x = ui::px(u, 20), pad_top = ui::px(u, 12);
  const float avail = ImGui::GetContentRegionAvail().x;
  std::vector<std::string> numbers;
  float min_w = 0, number_h = 0;
  for (const Figure& f : figures) {
    numbers.push_back(count_words(f.n));
    const ImVec2 number = ui::text_size(u, numbers.back(), ui::FontRole::Title);
    number_h = std::max(number_h, number.y);
    min_w = std::max({min_w, widest_word(u, f.caption) + 2 * pad_x, number.x + 2 * pad_x});
  }
  // As many to a line as fit at their narrowest; then as wide as the line allows, up to max_w.
  size_t per_line = figures.size();
  auto width_for = [&](size_t k) {
    return (avail - static_cast<float>(k - 1) * gap) / static_cast<float>(k);
  };
  while (per_line > 1 && width_for(per_line) < min_w) --per_line;
  // Lines as even as they can be: six on two lines are three and three, not five and one.
  const size_t lines = (figures.size() + per_line - 1) / per_line;
  per_line = (figures.size() + lines - 1) / lines;
  const float w = std::min(max_w, width_for(per_line));
  const float caption_w = w - 2 * pad_x;
  float h = 0;
  for (const Figure& f : figures)
    h = std::max(h, pad_top + number_h + ImGui::GetStyle().ItemSpacing.y +
                        ui::text_size(u, f.caption, ui::FontRole::Small, caption_w).y + pad_x);
  const float rounding = u.theme.rounding_em * ui::em(u);
  for (size_t i = 0; i < figures.size(); ++i) {
    if (i % per_line != 0) ImGui::SameLine(0, gap);
    const Figure& f = figures[i];
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h),
                                              ui::to_u32(u.theme.card), rounding);
    ImGui::BeginGroup();
    ImGui::SetCursorScreenPos(ImVec2(pos.x + pad_x, pos.y + pad_top));
    ui::text(u, numbers[i], ui::TextOpts{ui::FontRole::Title, f.tone, -1});
    ImGui::SetCursorScreenPos(ImVec2(pos.x + pad_x, ImGui::GetCursorScreenPos().y));
    ui::text(u, f.caption, ui::TextOpts{ui::FontRole::Small, ui::Tone::Secondary, caption_w});
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(ImVec2(w, h));
    ImGui::EndGroup();
  }
  return static_cast<float>(per_line) * w + static_cast<float>(per_line - 1) * gap;
}

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
