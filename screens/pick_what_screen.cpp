// The "What" screen of the jobs and immersion paths: 14 family tiles and search as you type.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/app/navigator.h"
#include "kiosk/app/services.h"
#include "kiosk/core/base/text_fold.h"
#include "kiosk/core/storage/search_nearest.h"
#include "kiosk/core/storage/store.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/pictograms.h"
#include "kiosk/ui/widgets.h"
#include "screens/jobs_screens.h"
#include "screens/jobs_support.h"
#include "screens/jobs_ui.h"

namespace eric {

namespace {

constexpr int kSuggestionLimit = 8;
constexpr int kNearestLimit = 4;  // one or two rows, so the way to the families fits too
constexpr int kTileColumns = 5;
constexpr char kFamilies[] = "ABCDEFGHIJKLMN";
constexpr size_t kFamilyCount = sizeof(kFamilies) - 1;

class PickWhatScreen : public Screen {
 public:
  PickWhatScreen(std::string id, std::string path) : id_(std::move(id)), path_(std::move(path)) {}

  std::string_view id() const override { return id_; }
  std::string title(ScreenContext& ctx) override {
    return ctx.i18n.tr(path_ == "immersion" ? "jobs.what.title_immersion" : "jobs.what.title");
  }
  std::string subtitle(ScreenContext& ctx) override {
    const jobs::Place& place = place_.get(ctx.services.db, ctx.session, ctx.services.site);
    return jobs::place_line(ctx.i18n, place, jobs::visitor_radius(ctx.session));
  }

  void draw(ScreenContext& ctx) override {
    ui::Ui& u = ctx.ui;
    // While typing, less space above the field: the suggestions stay in sight above the
    // keyboard on a short screen (1366x768 at A++).
    ui::space(u, typing_ ? ui::Space::Tight : ui::Space::Medium);
    if (typing_) {
      draw_typing(ctx);
    } else {
      draw_families(ctx);
    }
  }

 private:
  // While typing: what was typed, and the way to close the keyboard without searching.
  void draw_search_row(ScreenContext& ctx) {
    ui::FieldOpts fo;
    fo.placeholder = ctx.i18n.tr("jobs.what.search_placeholder");
    const std::string close = ctx.i18n.tr(families_beside_field(ctx) ? "jobs.what.or_family"
                                                                      : "jobs.what.close_keyboard");
    if (ui::field_with_close(ctx.ui, ctx.session.search_words, fo, close)) typing_ = false;
  }

  // Words that match nothing: closing the keyboard leads to the trade families anyway, so the
  // button beside the field says so, when its words leave the field wide enough to read. Under
  // the chips there is no room for a button of its own on a short screen at A++ (the keyboard
  // takes half of 1366x768), and the field must stay in sight above the keyboard.
  bool families_beside_field(ScreenContext& ctx) const {
    if (fold_text(ctx.session.search_words).empty() || !suggestions_.empty()) return false;
    constexpr float kFieldEm = 14.0f;
    return ui::field_width_beside(ctx.ui, ctx.i18n.tr("jobs.what.or_family")) >=
           kFieldEm * ui::em(ctx.ui);
  }

  // The 14 families and, in the fifteenth cell, the way to type instead: 5 x 3 big tiles on a
  // landscape screen, fewer columns where the words would not fit (portrait, larger text).
  void draw_families(ScreenContext& ctx) {
    ui::Ui& u = ctx.ui;
    const float gap = ui::px(u, 24);
    std::vector<ui::TileSpec> cells;
    std::vector<std::string> labels;
    labels.reserve(kFamilyCount + 1);
    for (const char* f = kFamilies; *f; ++f) labels.push_back(jobs::family_label(ctx.i18n, *f));
    labels.push_back(ctx.i18n.tr("jobs.what.search_tile"));
    const float avail_w = ImGui::GetContentRegionAvail().x;
    const int columns = ui::grid_columns(u, labels, avail_w, gap, kTileColumns);
    const float width = std::floor((avail_w - (columns - 1) * gap) / columns);
    float height = 0;
    const ui::FontRole title_font = ui::tile_title_font(u, labels, width);
    for (size_t i = 0; i < labels.size(); ++i) {
      const ui::Picto picto = i < kFamilyCount ? ui::family_picto(kFamilies[i])
                                                          : ui::Picto::Jobs;
      cells.push_back(ui::TileSpec{picto, labels[i], {}, {}});
      cells.back().title_font = title_font;
      // Every tile as tall as the tallest, so the grid stays even.
      height = std::max(height, ui::tile_min_height(u, cells.back(), width));
    }
    height = std::floor(height);
    const int count = static_cast<int>(cells.size());
    const int rows = (count + columns - 1) / columns;
    // Rows of tiles in a list: with larger text, the grid scrolls instead of being cut.
    ui::ScrollList list(u, "jobs.what.families", ImVec2(0, 0), rows, height, gap);
    for (int r = list.first(); r < list.last(); ++r) {
      list.place(r);
      const ImVec2 origin = ImGui::GetCursorScreenPos();
      for (int c = 0; c < columns; ++c) {
        const int i = r * columns + c;
        if (i >= count) break;
        ImGui::SetCursorScreenPos(ImVec2(origin.x + c * (width + gap), origin.y));
        ui::TileSpec spec = cells[static_cast<size_t>(i)];
        spec.size = ImVec2(width, height);
        if (!ui::tile(u, spec)) continue;
        if (i < static_cast<int>(kFamilyCount))
          choose_family(ctx, kFamilies[i]);
        else
          typing_ = true;
      }
    }
  }

  void draw_typing(ScreenContext& ctx) {
    ui::Ui& u = ctx.ui;
    std::string& words = ctx.session.search_words;
    refresh_suggestions(ctx);
    const float keyboard_top =
        ImGui::GetIO().DisplaySize.y - ui::keyboard_height(u, ui::KeyboardMode::Text);
    // What was typed and what it suggests, above the keyboard: a chip that does not fit (a
    // short screen at A++) is clipped at the keyboard's top and scrolls, never drawn over keys.
    std::optional<ui::TypingPage> page;
    page.emplace(u, "pick.what.typing", ui::KeyboardMode::Text, typing_h_);
    if (!fold_text(words).empty() && suggestions_.empty()) {
      // The notice and the nearest spellings stand close under the field: on a short screen
      // at A++ the field, the notice and a row of chips just fit above the keyboard (235 px
      // at 1366x768), and the field may not scroll out of sight.
      ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing,
                          ImVec2(ImGui::GetStyle().ItemSpacing.x,
                                 ui::space_height(u, ui::Space::Tight)));
      draw_search_row(ctx);
      if (typing_) draw_no_match(ctx, keyboard_top);
      ImGui::PopStyleVar();
      page.reset();
      // Searching words that suggest nothing would only find nothing: no such button.
      if (typing_) draw_keyboard(ctx);
      return;
    }
    draw_search_row(ctx);
    ui::space(u, ui::Space::Small);
    if (!typing_) return;  // the keyboard was closed
    if (fold_text(words).empty()) {
      ui::text(u, ctx.i18n.tr("jobs.what.type_hint"), ui::TextOpts{ui::FontRole::Body,
                                                                  ui::Tone::Secondary});
    } else {
      const std::vector<std::string> labels = suggestion_labels(ctx, suggestions_);
      ui::label_before_chips(u, ctx.i18n.tr("jobs.what.suggestions"), labels);
      ui::ChipFlow flow(u);
      for (size_t i = 0; i < suggestions_.size(); ++i) {
        // Chips that would land under the keyboard are left out rather than hidden.
        if (flow.chip(labels[i], false)) {
          choose_suggestion(ctx, suggestions_[i]);
          return;
        }
        if (ImGui::GetItemRectMax().y + ui::target_height(u) > keyboard_top) break;
      }
    }
    if (!fold_text(words).empty() &&
        ImGui::GetCursorScreenPos().y + ui::px(u, 16) + ui::target_height(u) < keyboard_top) {
      ui::space(u, ui::Space::Small);
      if (ui::big_button(u, ctx.i18n.tr("jobs.what.search_words", {{"words", words}})))
        search_words(ctx);
    }
    page.reset();
    draw_keyboard(ctx);
  }

  void draw_keyboard(ScreenContext& ctx) {
    std::string& words = ctx.session.search_words;
    ui::KeyboardOpts ko;
    ko.mode = ui::KeyboardMode::Text;
    ko.max_chars = 40;
    const ui::KeyResult r = ui::keyboard(ctx.ui, words, ko);
    if (r == ui::KeyResult::Ok) {
      if (fold_text(words).empty() || suggestions_.empty())
        typing_ = false;  // nothing to search: back to the families
      else
        search_words(ctx);
    }
  }

  // Words that suggest nothing: the suggestions of the nearest spelling that does, as chips,
  // then the way to the trade families (never a search bound to find nothing).
  void draw_no_match(ScreenContext& ctx, float keyboard_top) {
    ui::Ui& u = ctx.ui;
    const std::string& words = ctx.session.search_words;
    if (nearest_for_ != words) {
      nearest_for_ = words;
      nearest_ = ctx.services.db ? nearest_spelling(*ctx.services.db, words, kNearestLimit)
                                 : NearestSpelling{};
    }
    ui::text(u, ctx.i18n.tr("jobs.what.no_match", {{"words", words}}),
             ui::TextOpts{ui::FontRole::BodyBold});
    if (!nearest_.suggestions.empty()) {
      const std::vector<std::string> labels = suggestion_labels(ctx, nearest_.suggestions);
      ui::label_before_chips(u, ctx.i18n.tr("jobs.what.nearest"), labels);
      ui::ChipFlow flow(u);
      for (size_t i = 0; i < nearest_.suggestions.size(); ++i) {
        if (flow.chip(labels[i], false)) {
          choose_suggestion(ctx, nearest_.suggestions[i]);
          return;
        }
        if (ImGui::GetItemRectMax().y + ui::target_height(u) > keyboard_top) break;
      }
    }
    if (families_beside_field(ctx)) return;  // the button beside the field leads there
    ui::space(u, ui::Space::Small);
    if (ImGui::GetCursorScreenPos().y + ui::target_height(u) >= keyboard_top) return;
    // The 14 families do not fit above the keyboard: one button closes it onto their tiles.
    ui::ButtonOpts bo;
    bo.kind = ui::ButtonKind::Secondary;
    if (ui::big_button(u, ctx.i18n.tr("jobs.what.or_family"), bo)) typing_ = false;
  }

  void refresh_suggestions(ScreenContext& ctx) {
    const std::string& words = ctx.session.search_words;
    if (words == suggested_for_ && suggestions_valid_) return;
    suggested_for_ = words;
    suggestions_valid_ = true;
    suggestions_.clear();
    if (!ctx.services.db || fold_text(words).empty()) return;
    suggestions_ = suggest(*ctx.services.db, words, kSuggestionLimit);
  }

  std::string suggestion_label(ScreenContext& ctx, const Suggestion& s) const {
    if (s.kind == "employer" || s.kind == "job" || s.kind == "training")
      return ctx.i18n.tr("jobs.what.kind." + s.kind, {{"label", s.label}});
    return s.label;
  }

  std::vector<std::string> suggestion_labels(ScreenContext& ctx,
                                             const std::vector<Suggestion>& list) const {
    std::vector<std::string> labels;
    for (const Suggestion& s : list) labels.push_back(suggestion_label(ctx, s));
    return labels;
  }

  // The keyboard stays as it was: back from the results, the visitor finds their words.
  void open_results(ScreenContext& ctx, ScreenArgs args) {
    ctx.nav.open(path_ + ".results", std::move(args));
  }

  void choose_family(ScreenContext& ctx, char letter) {
    ctx.session.trade_family = std::string(1, letter);
    ctx.session.trade_code.clear();
    open_results(ctx, {{"family", std::string(1, letter)}});
  }

  void choose_suggestion(ScreenContext& ctx, const Suggestion& s) {
    if (s.kind == "job_title" || s.kind == "trade") {
      ctx.session.trade_code = s.trade_code;
      ctx.session.trade_family = s.trade_code.substr(0, 1);
      open_results(ctx, {{"trade", s.trade_code}, {"label", s.label}});
    } else if (s.kind == "training" && path_ == "jobs") {
      ctx.session.training_id = s.id;
      ctx.nav.open("training.detail", {{"id", s.id}});
    } else if (s.kind == "training" && !s.trade_code.empty()) {
      ctx.session.trade_code = s.trade_code;
      open_results(ctx, {{"trade", s.trade_code}, {"label", s.label}});
    } else {
      open_results(ctx, {{"words", s.label}});
    }
  }

  void search_words(ScreenContext& ctx) {
    std::string words = ctx.session.search_words;
    // Trailing spaces typed by the keyboard are not part of the search.
    while (!words.empty() && words.back() == ' ') words.pop_back();
    open_results(ctx, {{"words", words}});
  }

  std::string id_;
  std::string path_;
  jobs::PlaceCache place_;
  bool typing_ = false;
  std::string suggested_for_;
  bool suggestions_valid_ = false;
  std::vector<Suggestion> suggestions_;
  std::string nearest_for_;  // the words nearest_ was looked for
  NearestSpelling nearest_;
  float typing_h_ = 0;  // what was typed and its suggestions, as last drawn
};

}  // namespace

std::unique_ptr<Screen> make_pick_what_screen(std::string id, std::string path) {
  return std::make_unique<PickWhatScreen>(std::move(id), std::move(path));
}

}  // namespace eric
