// The "Where" screen: near this site, or a commune by postal code or name, and a radius.
#include <imgui.h>

#include <string>
#include <vector>

#include "kiosk/app/navigator.h"
#include "kiosk/app/services.h"
#include "kiosk/core/base/text_fold.h"
#include "kiosk/core/storage/store.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/widgets.h"
#include "screens/jobs_screens.h"
#include "screens/jobs_support.h"
#include "screens/jobs_ui.h"

namespace eric {

namespace {

constexpr int kMatchLimit = 6;
// What the visitor is typing lives in the session, so the idle wipe forgets it too.
constexpr const char* kTypedKey = "pick.where.typed";

enum class Typing { None, PostalCode, Name };

class PickWhereScreen : public Screen {
 public:
  explicit PickWhereScreen(std::string path) : path_(std::move(path)) {}

  std::string_view id() const override { return "pick.where"; }
  std::string title(ScreenContext& ctx) override { return ctx.i18n.tr("jobs.where.title"); }
  std::string subtitle(ScreenContext& ctx) override {
    const jobs::Place& place = place_.get(ctx.services.db, ctx.session, ctx.services.site);
    return jobs::place_line(ctx.i18n, place, jobs::visitor_radius(ctx.session));
  }

  void draw(ScreenContext& ctx) override {
    // While typing, less space above the field: the first communes found stay in sight
    // above the keyboard on a short screen (1366x768 at A++).
    ui::space(ctx.ui, typing_ == Typing::None ? ui::Space::Medium : ui::Space::Tight);
    if (typing_ == Typing::None)
      draw_choices(ctx);
    else
      draw_typing(ctx);
  }

 private:
  void draw_choices(ScreenContext& ctx) {
    ui::Ui& u = ctx.ui;
    Session& s = ctx.session;
    // The radius and "Voir les offres" come last: the page scrolls to them where they do not
    // fit (a small screen at A++).
    ui::ScrollPage page(u, "pick.where.choices", ImVec2(0, 0), choices_h_);
    ui::text(u, ctx.i18n.tr("jobs.where.around"), ui::TextOpts{ui::FontRole::Heading});
    ui::space(u, ui::Space::Small);
    {
      ui::ChipFlow flow(u);
      std::string near = site_name(ctx);
      near = near.empty() ? ctx.i18n.tr("jobs.where.near_site")
                          : ctx.i18n.tr("jobs.where.near_site_named", {{"place", near}});
      if (flow.chip(near, s.place_commune.empty())) {
        s.place_commune.clear();
        s.place_label.clear();
      }
      if (!s.place_commune.empty() && !s.place_label.empty()) flow.chip(s.place_label, true);
    }
    ui::space(u, ui::Space::Small);
    ui::text(u, ctx.i18n.tr("jobs.where.other"), ui::TextOpts{ui::FontRole::Body,
                                                             ui::Tone::Secondary});
    ui::space(u, ui::Space::Tight);
    ui::ButtonOpts bo;
    bo.kind = ui::ButtonKind::Secondary;
    const std::string by_code = ctx.i18n.tr("jobs.where.by_postal_code");
    const std::string by_name = ctx.i18n.tr("jobs.where.by_name");
    if (ui::big_button(u, by_code, bo)) start_typing(ctx, Typing::PostalCode);
    // Side by side when both fit, else one under the other.
    if (ui::big_button_width(u, by_code, bo) + ui::em(u) + ui::big_button_width(u, by_name, bo) <=
        ImGui::GetContentRegionAvail().x)
      ImGui::SameLine(0, ui::em(u));
    if (ui::big_button(u, by_name, bo)) start_typing(ctx, Typing::Name);

    ui::space(u, ui::Space::Section);
    ui::text(u, ctx.i18n.tr("jobs.where.radius"), ui::TextOpts{ui::FontRole::Heading});
    ui::space(u, ui::Space::Small);
    {
      ui::ChipFlow flow(u);
      const int radius = jobs::visitor_radius(s);
      for (int km : jobs::kRadiusChoices) {
        if (flow.chip(ctx.i18n.tr("jobs.where.km", {{"km", std::to_string(km)}}), radius == km))
          s.radius_km = km;
      }
    }
    ui::space(u, ui::Space::Section);
    if (ui::big_button(u, ctx.i18n.tr(path_ == "jobs" ? "jobs.where.done_jobs"
                                                       : "jobs.where.done")))
      ctx.nav.back();
  }

  void draw_typing(ScreenContext& ctx) {
    ui::Ui& u = ctx.ui;
    std::string& typed = ctx.session.values[kTypedKey];
    const bool digits = typing_ == Typing::PostalCode;
    refresh_matches(ctx, typed);
    ui::KeyboardOpts ko;
    ko.mode = digits ? ui::KeyboardMode::Numeric : ui::KeyboardMode::Text;
    ko.max_chars = digits ? 5 : 40;
    if (!draw_field_and_matches(ctx, typed, digits, ko.mode)) return;
    if (ui::keyboard(u, typed, ko) == ui::KeyResult::Ok) {
      if (!matches_.empty())
        pick(ctx, matches_.front());
      else if (fold_text(typed).empty())
        stop_typing(ctx);
    }
  }

  // The field and the communes found, above the keyboard: where more are found than fit (a
  // small screen at A++) they scroll, never under the keys. False when the typing ended (a
  // commune picked, the keyboard closed).
  bool draw_field_and_matches(ScreenContext& ctx, std::string& typed, bool digits,
                              ui::KeyboardMode mode) {
    ui::Ui& u = ctx.ui;
    ui::TypingPage page(u, "pick.where.typing", mode, typing_h_);
    ui::FieldOpts fo;
    fo.placeholder = ctx.i18n.tr(digits ? "jobs.where.postal_placeholder"
                                        : "jobs.where.name_placeholder");
    if (ui::field_with_close(u, typed, fo, ctx.i18n.tr("jobs.what.close_keyboard"))) {
      stop_typing(ctx);
      return false;
    }
    ui::space(u, ui::Space::Small);
    if (!fold_text(typed).empty()) {
      if (matches_.empty()) {
        ui::text(u, ctx.i18n.tr(digits ? "jobs.where.no_postal" : "jobs.where.no_name"));
      } else {
        std::vector<std::string> labels;
        for (const CommuneHit& hit : matches_) labels.push_back(commune_label(hit));
        ui::label_before_chips(u, ctx.i18n.tr("jobs.where.touch_commune"), labels);
        ui::ChipFlow flow(u);
        for (const CommuneHit& hit : matches_) {
          if (flow.chip(commune_label(hit), false)) {
            pick(ctx, hit);
            return false;
          }
        }
      }
    }
    return true;
  }

  const std::string& site_name(ScreenContext& ctx) {
    if (!site_name_known_) {
      site_name_ = jobs::visitor_place(ctx.services.db, Session{}, ctx.services.site).name;
      site_name_known_ = true;
    }
    return site_name_;
  }

  void refresh_matches(ScreenContext& ctx, const std::string& typed) {
    if (matched_valid_ && typed == matched_for_) return;
    matched_for_ = typed;
    matched_valid_ = true;
    matches_.clear();
    if (!ctx.services.db || fold_text(typed).empty()) return;
    matches_ = find_communes(*ctx.services.db, typed, kMatchLimit);
  }

  static std::string commune_label(const CommuneHit& hit) {
    return hit.postal_code.empty() ? hit.name : hit.name + " (" + hit.postal_code + ")";
  }

  void start_typing(ScreenContext& ctx, Typing mode) {
    typing_ = mode;
    ctx.session.values[kTypedKey].clear();
    matched_valid_ = false;
  }

  void stop_typing(ScreenContext& ctx) {
    typing_ = Typing::None;
    ctx.session.values.erase(kTypedKey);
    matches_.clear();
    matched_valid_ = false;
  }

  void pick(ScreenContext& ctx, const CommuneHit& hit) {
    ctx.session.place_commune = hit.insee;
    ctx.session.place_label = commune_label(hit);
    stop_typing(ctx);
  }

  std::string path_;
  jobs::PlaceCache place_;
  Typing typing_ = Typing::None;
  std::string site_name_;
  bool site_name_known_ = false;
  std::string matched_for_;
  bool matched_valid_ = false;
  std::vector<CommuneHit> matches_;
  float choices_h_ = 0;  // the choices page, as last drawn
  float typing_h_ = 0;   // the field and the communes above the keyboard, as last drawn
};

}  // namespace

std::unique_ptr<Screen> make_pick_where_screen(const ScreenArgs& args) {
  auto it = args.find("path");
  return std::make_unique<PickWhereScreen>(it == args.end() ? "jobs" : it->second);
}

}  // namespace eric
