// "manager.import": a catalog bundle from a USB key (the files found under /media and /mnt,
// or a path typed on the keyboard), imported off the UI thread, the result in words.
#include <imgui.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "kiosk/app/navigator.h"
#include "kiosk/app/services.h"
#include "kiosk/app/sync_link.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/scroll_list.h"
#include "kiosk/ui/widgets.h"
#include "screens/manager_screens.h"

namespace eric {

namespace {

constexpr int kSearchDepth = 4;
constexpr size_t kMaxFiles = 50;

struct FoundFile {
  std::string path;
  std::string name;
  std::string size;  // "12 Ko", "3 Mo"
};

std::string size_words(uintmax_t bytes, const I18n& t) {
  if (bytes < 1024 * 1024) {
    return t.tr("manager.import.size_kb", {{"n", count_words(static_cast<int64_t>((bytes + 1023) / 1024))}});
  }
  return t.tr("manager.import.size_mb",
              {{"n", count_words(static_cast<int64_t>((bytes + 512 * 1024) / (1024 * 1024)))}});
}

class ManagerImportScreen : public Screen {
 public:
  std::string_view id() const override { return "manager.import"; }
  std::string title(ScreenContext& ctx) override { return ctx.i18n.tr("manager.import.title"); }
  std::string subtitle(ScreenContext& ctx) override { return ctx.i18n.tr("manager.import.subtitle"); }

  void draw(ScreenContext& ctx) override {
    if (!manager_guard(ctx)) return;
    ui::Ui& u = ctx.ui;
    const I18n& t = ctx.i18n;
    if (!scanned_) scan(t);
    SyncLink* link = ctx.services.sync;
    const ImportLive imp = link ? link->import_state() : ImportLive{};

    ui::space(u, ui::Space::Large);
    draw_result(u, t, imp);
    const float avail_w = ImGui::GetContentRegionAvail().x;

    // The typed path: a field, then "Importer ce fichier", and while typing "/" (the keyboard
    // has no slash) and "Tout effacer".
    ui::FieldOpts f;
    f.focused = typing_;
    f.width = std::min(avail_w, ui::px(u, 1400));
    f.placeholder = t.tr("manager.import.path_placeholder");
    if (ui::text_field(u, t.tr("manager.import.path_label"), path_, f)) typing_ = true;
    ui::space(u, ui::Space::Large);
    ui::ButtonOpts go;
    go.width = ui::px(u, 420);
    go.enabled = !imp.running && !path_.empty();
    if (ui::big_button(u, t.tr("manager.import.button"), go)) {
      typing_ = false;
      start(ctx, path_);
    }
    if (typing_) {
      ImGui::SameLine(0, ui::px(u, 24));
      ui::ButtonOpts slash;
      slash.kind = ui::ButtonKind::Secondary;
      slash.width = ui::px(u, 120);
      if (ui::big_button(u, t.tr("manager.import.slash"), slash)) path_ += '/';
      ImGui::SameLine(0, ui::px(u, 24));
      ui::ButtonOpts erase;
      erase.kind = ui::ButtonKind::Secondary;
      if (ui::big_button(u, t.tr("manager.import.erase"), erase)) path_.clear();
      ui::KeyboardOpts kb;
      kb.mode = ui::KeyboardMode::Email;  // letters, digits, - _ . : what file names hold
      kb.max_chars = 200;
      if (ui::keyboard(u, path_, kb) == ui::KeyResult::Ok) {
        typing_ = false;
        if (!path_.empty() && !imp.running) start(ctx, path_);
      }
      return;
    }
    ui::space(u, ui::Space::Section);
    draw_files(ctx, imp);
  }

 private:
  // The files found on the keys, one tap each.
  void draw_files(ScreenContext& ctx, const ImportLive& imp) {
    ui::Ui& u = ctx.ui;
    const I18n& t = ctx.i18n;
    ui::text(u, t.tr("manager.import.found"), ui::TextOpts{ui::FontRole::Heading, ui::Tone::Title, -1});
    ImGui::SameLine(0, ui::px(u, 32));
    ui::ButtonOpts rescan;
    rescan.kind = ui::ButtonKind::Secondary;
    if (ui::big_button(u, t.tr("manager.import.rescan"), rescan)) scan(t);
    ui::space(u, ui::Space::Large);
    if (files_.empty()) {
      const float width = ImGui::GetContentRegionAvail().x * 0.8f;
      ui::text(u, t.tr("manager.import.none_found"),
               ui::TextOpts{ui::FontRole::Body, ui::Tone::Secondary, width});
      return;
    }
    auto card_of = [](const FoundFile& file) {
      ui::CardSpec card;
      card.title = file.name;
      card.secondary = file.path;
      card.figure = file.size;
      return card;
    };
    // Every row as tall as the tallest card: a card whose words need more lines grows.
    float row_h = ui::card_height(u, false);
    const float row_w = ui::list_row_width(u, ImGui::GetContentRegionAvail().x);
    for (const FoundFile& file : files_)
      row_h = std::max(row_h, ui::card_height_for(u, card_of(file), row_w));
    ui::ScrollList list(u, "manager.import", ImVec2(0, 0), static_cast<int>(files_.size()), row_h,
                        ui::px(u, 12));
    for (int i = list.first(); i < list.last(); ++i) {
      list.place(i);
      const FoundFile& file = files_[static_cast<size_t>(i)];
      ui::CardSpec card = card_of(file);
      card.height = row_h;
      if (ui::card(u, card) && !imp.running) start(ctx, file.path);
    }
  }

  void scan(const I18n& t) {
    scanned_ = true;
    files_.clear();
    for (const std::string& path : find_bundle_files(bundle_search_roots(), kSearchDepth, kMaxFiles)) {
      std::error_code ec;
      const uintmax_t bytes = std::filesystem::file_size(path, ec);
      files_.push_back({path, std::filesystem::path(path).filename().string(),
                        ec ? std::string() : size_words(bytes, t)});
    }
  }

  void start(ScreenContext& ctx, const std::string& path) {
    if (!ctx.services.sync) return;
    ctx.services.sync->start_import(path);
  }

  static void draw_result(ui::Ui& u, const I18n& t, const ImportLive& imp) {
    std::string line;
    ui::Tone tone = ui::Tone::Normal;
    if (imp.running) {
      line = t.tr("manager.import.running", {{"path", imp.path}});
    } else if (imp.done && imp.status.ok) {
      line = t.tr_count("manager.import.ok", imp.records, {{"n", count_words(imp.records)}});
      tone = ui::Tone::Success;
    } else if (imp.done) {
      line = t.tr("manager.import.failed", {{"cause", imp.status.message_fr}});
      tone = ui::Tone::Error;
    }
    if (line.empty()) return;
    ui::text(u, line, ui::TextOpts{ui::FontRole::Heading, tone, 0});
    ui::space(u, ui::Space::Section);
  }

  bool scanned_ = false;
  bool typing_ = false;
  std::string path_;
  std::vector<FoundFile> files_;
};

}  // namespace

std::unique_ptr<Screen> make_manager_import_screen(const ScreenArgs&) {
  return std::make_unique<ManagerImportScreen>();
}

}  // namespace eric
