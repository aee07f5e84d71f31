// "manager": the manager's space behind the manager PIN: the sync status in words, "Synchroniser
// maintenant" with its progress, the catalog's counts, and the ways to the other tools.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "kiosk/app/navigator.h"
#include "kiosk/app/services.h"
#include "kiosk/app/sync_link.h"
#include "kiosk/core/storage/store.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/widgets.h"
#include "screens/manager_screens.h"

namespace eric {

namespace {

class ManagerScreen : public Screen {
 public:
  std::string_view id() const override { return "manager"; }
  std::string title(ScreenContext& ctx) override { return ctx.i18n.tr("manager.title"); }
  std::string subtitle(ScreenContext& ctx) override { return ctx.services.site.name; }
  // Only its own button leaves, and it leaves the manager mode with it.
  bool show_back() const override { return false; }

  void draw(ScreenContext& ctx) override {
    if (!manager_guard(ctx)) return;
    ui::Ui& u = ctx.ui;
    const I18n& t = ctx.i18n;
    Database& db = *ctx.services.db;
    const SyncLive live = sync_live(ctx);
    SyncLink* link = ctx.services.sync;
    refresh_counts(ctx, live);

    SyncStatusFacts facts;
    if (link) {
      facts = link->facts(db, ctx.services.catalog_updated_ms);
    } else {
      facts.catalog_updated_ms = ctx.services.catalog_updated_ms;
    }
    const SyncStatusText status = sync_status_text(facts, ctx.clock.now_s(), t);

    // One page that scrolls: on a 1366x768 screen the four tools fall below it.
    ui::ScrollPage page(u, "manager.page", ImVec2(0, ImGui::GetContentRegionAvail().y), page_h_);
    // The status, with the way out on the right of its first line.
    ui::space(u, ui::Space::Large);
    const float col_w = ImGui::GetContentRegionAvail().x - ui::px(u, 560);
    ui::text(u, status.main, ui::TextOpts{ui::FontRole::Title, ui::Tone::Title, col_w});
    manager_close_button(ctx);
    if (!status.problem.empty()) {
      ui::text(u, status.problem,
               ui::TextOpts{ui::FontRole::Heading, status.failed ? ui::Tone::Error : ui::Tone::Normal,
                            col_w});
    }
    if (!status.rejected.empty()) {
      ui::text(u, status.rejected, ui::TextOpts{ui::FontRole::Body, ui::Tone::Normal, col_w});
    }
    ui::space(u, ui::Space::Section);

    if (!facts.enrolled) {
      draw_not_enrolled(ctx, col_w);
    } else if (live.running) {
      sync_progress_view(u, t, live, std::min(col_w, ui::px(u, 1000)));
    } else {
      draw_sync_tools(ctx, live, col_w);
    }

    ui::space(u, ui::Space::Section);
    draw_counts(ctx);
    ui::space(u, ui::Space::Section);
    draw_tools(ctx);
  }

 private:
  // Not enrolled yet: enrol from the screen (the code on the keyboard), or from a shell.
  void draw_not_enrolled(ScreenContext& ctx, float col_w) {
    ui::Ui& u = ctx.ui;
    const I18n& t = ctx.i18n;
    // From the screen with the code on the keyboard, or from a shell for scripts.
    // Side by side, so the tools below keep their place on the screen.
    ui::ButtonOpts enrol;
    enrol.width = ui::px(u, 560);
    const std::string how = t.tr("manager.enrol.how");
    const std::string command = t.tr("manager.enrol.command");
    const float texts_w = std::max(ui::text_size(u, how, ui::FontRole::Body).x,
                                   ui::text_size(u, command, ui::FontRole::BodyBold).x);
    const float avail_w = ImGui::GetContentRegionAvail().x;
    if (ui::big_button(u, t.tr("manager.open.enrol"), enrol)) ctx.nav.open("manager.enrol");
    // Beside the button when both fit (a landscape screen), else under it.
    if (enrol.width + ui::px(u, 32) + texts_w <= avail_w)
      ImGui::SameLine(0, ui::px(u, 32));
    else
      ui::space(u, ui::Space::Medium);
    ImGui::BeginGroup();
    ui::text(u, how, ui::TextOpts{ui::FontRole::Body, ui::Tone::Normal});
    // The command is one word for the shell: never wrapped, so never cut either when it fits.
    ui::text(u, command, ui::TextOpts{ui::FontRole::BodyBold, ui::Tone::Normal, -1});
    ImGui::EndGroup();
    ui::space(u, ui::Space::Large);
    ui::text(u, t.tr("manager.enrol.offline"),
             ui::TextOpts{ui::FontRole::Body, ui::Tone::Secondary, col_w});
  }

  // Enrolled and idle: sync now, enrol again, and what the last sync did.
  void draw_sync_tools(ScreenContext& ctx, const SyncLive& live, float col_w) {
    ui::Ui& u = ctx.ui;
    const I18n& t = ctx.i18n;
    Database& db = *ctx.services.db;
    SyncLink* link = ctx.services.sync;
    ui::ButtonOpts sync;
    sync.width = ui::px(u, 560);
    if (ui::big_button(u, t.tr("manager.sync_now"), sync) && link) link->request_now(db);
    // Re-enrolling (a new server, a terminal moved to another site) from the screen too,
    // beside the sync: the tools below keep their place on the screen.
    ImGui::SameLine(0, ui::px(u, 24));
    ui::ButtonOpts again;
    again.kind = ui::ButtonKind::Secondary;
    if (ui::big_button(u, t.tr("manager.open.enrol"), again)) ctx.nav.open("manager.enrol");
    ui::space(u, ui::Space::Large);
    if (live.has_result && live.last.status.ok) {
      const SyncResult& r = live.last;
      const std::string line =
          r.changes_applied == 0 && r.outbox_sent == 0
              ? t.tr("manager.last.nothing_new")
              : t.tr("manager.last.summary",
                     {{"changes", t.tr_count("manager.last.changes", r.changes_applied,
                                             {{"n", count_words(r.changes_applied)}})},
                      {"sent", t.tr_count("manager.last.sent", r.outbox_sent,
                                          {{"n", count_words(r.outbox_sent)}})}});
      ui::text(u, line, ui::TextOpts{ui::FontRole::Body, ui::Tone::Secondary, col_w});
    }
    ui::text(u, t.tr("manager.enrol.server", {{"url", link ? link->overview(db).server_url : ""}}),
             ui::TextOpts{ui::FontRole::Small, ui::Tone::Secondary, col_w});
  }

  // Counting a large catalog takes a few milliseconds: only when the screen opens and after
  // each sync or import.
  void refresh_counts(ScreenContext& ctx, const SyncLive& live) {
    const ImportLive imp = ctx.services.sync ? ctx.services.sync->import_state() : ImportLive{};
    const uint64_t stamp = live.finished * 1000 + (imp.done ? 1 : 0) + imp.records;
    if (counted_ && stamp == counted_stamp_) return;
    counted_ = true;
    counted_stamp_ = stamp;
    counts_ = catalog_counts(*ctx.services.db);
    outbox_ = outbox_counts_by_state(*ctx.services.db);
  }

  void draw_counts(ScreenContext& ctx) {
    ui::Ui& u = ctx.ui;
    const I18n& t = ctx.i18n;
    ui::text(u, t.tr("manager.counts.title"), ui::TextOpts{ui::FontRole::Heading, ui::Tone::Title, -1});
    ui::space(u, ui::Space::Large);
    figure_row(u,
               {{counts_.jobs, t.tr("manager.counts.jobs")},
                {counts_.employers, t.tr("manager.counts.employers")},
                {counts_.trainings, t.tr("manager.counts.trainings")},
                {counts_.training_sessions, t.tr("manager.counts.sessions")},
                {counts_.immersion_slots, t.tr("manager.counts.slots")},
                {counts_.workshops, t.tr("manager.counts.workshops")}},
               ImGui::GetContentRegionAvail().x);
  }

  void draw_tools(ScreenContext& ctx) {
    ui::Ui& u = ctx.ui;
    const I18n& t = ctx.i18n;
    const std::string outbox_sentence =
        t.tr("manager.open.outbox_sentence",
             {{"pending", t.tr_count("manager.open.pending_count", outbox_.pending + outbox_.sending,
                                     {{"n", count_words(outbox_.pending + outbox_.sending)}})},
              {"rejected", t.tr_count("manager.open.rejected_count", outbox_.rejected,
                                      {{"n", count_words(outbox_.rejected)}})}});
    const std::string titles[] = {t.tr("manager.open.outbox"), t.tr("manager.open.import"),
                                  t.tr("manager.open.settings"), t.tr("manager.open.desk")};
    const std::string sentences[] = {outbox_sentence, t.tr("manager.open.import_sentence"),
                                     t.tr("manager.open.settings_sentence"),
                                     t.tr("manager.open.desk_sentence")};
    const char* targets[] = {"manager.outbox", "manager.import", "manager.settings", "desk"};
    // Plain tiles, no pictogram: four tools side by side under the status on a landscape
    // screen; two by two on a portrait one, where four across break every title in three.
    const float gap = ui::px(u, 24);
    const float avail = ImGui::GetContentRegionAvail().x;
    const ImVec2 screen = ImGui::GetIO().DisplaySize;
    const int per_line = screen.x >= screen.y ? 4 : 2;
    const float w = (avail - static_cast<float>(per_line - 1) * gap) / static_cast<float>(per_line);
    float h = 0;
    for (int i = 0; i < 4; ++i) {
      const ui::TileSpec spec{ui::Picto::None, titles[i], sentences[i], {}, {}};
      h = std::max(h, ui::tile_min_height(u, spec, w));
    }
    for (int i = 0; i < 4; ++i) {
      if (i % per_line != 0) ImGui::SameLine(0, gap);
      else if (i > 0) ui::space(u, ui::Space::Small);
      ImGui::PushID(i);
      if (ui::tile(u, ui::TileSpec{ui::Picto::None, titles[i], sentences[i], {}, ImVec2(w, h)}))
        ctx.nav.open(targets[i]);
      ImGui::PopID();
    }
  }

  bool counted_ = false;
  uint64_t counted_stamp_ = 0;
  CatalogCounts counts_;
  OutboxCounts outbox_;
  float page_h_ = 0;  // the page as last drawn
};

}  // namespace

std::unique_ptr<Screen> make_manager_screen(const ScreenArgs&) {
  return std::make_unique<ManagerScreen>();
}

}  // namespace eric
