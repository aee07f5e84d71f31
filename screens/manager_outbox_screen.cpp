// "manager.outbox": what this terminal sends to the regional server: counts per state and the
// latest items (type, state in words, reference or reason). Nothing personal is shown here.
#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "kiosk/app/navigator.h"
#include "kiosk/app/services.h"
#include "kiosk/app/sync_link.h"
#include "kiosk/app/sync_status_text.h"
#include "kiosk/core/storage/store.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/scroll_list.h"
#include "kiosk/ui/widgets.h"
#include "screens/manager_screens.h"

namespace eric {

namespace {

constexpr int kRecentItems = 100;

ui::Tone state_tone(OutboxState s) {
  switch (s) {
    case OutboxState::accepted: return ui::Tone::Success;
    case OutboxState::rejected: return ui::Tone::Error;
    case OutboxState::pending:
    case OutboxState::sending: break;
  }
  return ui::Tone::Normal;
}

class ManagerOutboxScreen : public Screen {
 public:
  std::string_view id() const override { return "manager.outbox"; }
  std::string title(ScreenContext& ctx) override { return ctx.i18n.tr("manager.outbox.title"); }
  std::string subtitle(ScreenContext& ctx) override { return ctx.i18n.tr("manager.outbox.subtitle"); }

  void draw(ScreenContext& ctx) override {
    if (!manager_guard(ctx)) return;
    ui::Ui& u = ctx.ui;
    const I18n& t = ctx.i18n;
    Database& db = *ctx.services.db;
    const SyncLive live = sync_live(ctx);
    // Read again when the screen opens and after each sync (the states change then).
    if (!loaded_ || live.finished != loaded_at_) {
      loaded_ = true;
      loaded_at_ = live.finished;
      counts_ = outbox_counts_by_state(db);
      items_ = outbox_recent(db, kRecentItems);
    }

    ui::space(u, ui::Space::Large);
    const float row_w = draw_counts(u, t);
    // Sending now, from here too: the manager who sees items waiting wants them out. Beside
    // the counts where the line holds both, else under them.
    SyncLink* link = ctx.services.sync;
    const bool enrolled = link && link->facts(db, 0).enrolled;
    if (enrolled) {
      const std::string running = t.tr("manager.status.running");
      ui::ButtonOpts sync;
      sync.width = ui::px(u, 520);
      const float beside_w =
          live.running ? ui::text_size(u, running, ui::FontRole::Heading).x : sync.width;
      const float gap = ui::px(u, 40);
      if (row_w + gap + beside_w <= ImGui::GetContentRegionAvail().x) {
        ImGui::SameLine(0, gap);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ui::px(u, 24));
      } else {
        ui::space(u, ui::Space::Large);
      }
      if (live.running) {
        ui::text(u, running, ui::TextOpts{ui::FontRole::Heading, ui::Tone::Normal, -1});
      } else if (ui::big_button(u, t.tr("manager.sync_now"), sync)) {
        link->request_now(db);
      }
    }
    ui::space(u, ui::Space::Section);
    ui::text(u, t.tr("manager.outbox.recent"), ui::TextOpts{ui::FontRole::Heading, ui::Tone::Title, -1});
    ui::space(u, ui::Space::Large);
    if (items_.empty()) {
      ui::text(u, t.tr("manager.outbox.empty"), ui::TextOpts{ui::FontRole::Body, ui::Tone::Secondary, -1});
      return;
    }
    const float row_h = ui::px(u, 112);
    const int64_t now = ctx.clock.now_s();
    ui::ScrollList list(u, "manager.outbox", ImVec2(0, 0), static_cast<int>(items_.size()), row_h,
                        ui::px(u, 12));
    for (int i = list.first(); i < list.last(); ++i) {
      list.place(i);
      draw_row(u, t, items_[static_cast<size_t>(i)], now, ImGui::GetCursorScreenPos(),
               list.row_width(), row_h);
    }
  }

 private:
  float draw_counts(ui::Ui& u, const I18n& t) {
    std::vector<Figure> figures;
    for (const auto& [n, state] : {std::pair{counts_.pending, OutboxState::pending},
                                   std::pair{counts_.sending, OutboxState::sending},
                                   std::pair{counts_.accepted, OutboxState::accepted},
                                   std::pair{counts_.rejected, OutboxState::rejected}})
      figures.push_back({n, t.tr(std::string("manager.outbox.count.") + outbox_state_name(state)),
                         state_tone(state)});
    return figure_row(u, figures, ui::px(u, 250));
  }

  static void draw_row(ui::Ui& u, const I18n& t, const OutboxItem& item, int64_t now,
                       ImVec2 pos, float w, float h) {
    ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h),
                                              ui::to_u32(u.theme.card),
                                              u.theme.rounding_em * ui::em(u));
    const float pad = ui::px(u, 24);
    const float state_w = ui::px(u, 320);
    const std::string head =
        outbox_type_words(item.type, t) + " · " + moment_words(item.created_at, now, t);
    // The second line: what the server said (reference or reason), or why it still waits.
    std::string detail;
    if (item.state == OutboxState::accepted && !item.server_ref.empty()) {
      detail = t.tr("manager.outbox.ref", {{"ref", item.server_ref}});
    } else if (item.state == OutboxState::rejected) {
      detail = item.reason;
    } else if (!item.last_error.empty()) {
      detail = t.tr_count("manager.outbox.attempts", item.attempts, {{"error", item.last_error}});
    }
    const float text_w = w - state_w - 2 * pad;
    float block_h = ui::text_size(u, head, ui::FontRole::Heading).y;
    if (!detail.empty()) block_h += ui::text_size(u, detail, ui::FontRole::Body, text_w).y;
    ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, pos.y + std::max(0.0f, (h - block_h) * 0.5f)));
    ui::text(u, head, ui::TextOpts{ui::FontRole::Heading, ui::Tone::Normal, -1});
    if (!detail.empty()) {
      ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, ImGui::GetCursorScreenPos().y));
      ui::text(u, detail, ui::TextOpts{ui::FontRole::Body, ui::Tone::Secondary, text_w});
    }
    const std::string state = outbox_state_words(item.state, t);
    const ImVec2 ss = ui::text_size(u, state, ui::FontRole::Heading);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + w - pad - ss.x, pos.y + (h - ss.y) * 0.5f));
    ui::text(u, state, ui::TextOpts{ui::FontRole::Heading, state_tone(item.state), -1});
  }

  bool loaded_ = false;
  uint64_t loaded_at_ = 0;
  OutboxCounts counts_;
  std::vector<OutboxItem> items_;
};

}  // namespace

std::unique_ptr<Screen> make_manager_outbox_screen(const ScreenArgs&) {
  return std::make_unique<ManagerOutboxScreen>();
}

}  // namespace eric
