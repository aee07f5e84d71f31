// The kiosk shell's frame: chrome, current screen, idle overlay, toasts (see kiosk_app.h).
#include "kiosk/app/kiosk_app.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "kiosk/app/read_aloud.h"
#include "kiosk/app/script.h"
#include "kiosk/app/shell_text.h"
#include "kiosk/app/sync_link.h"
#include "kiosk/core/base/clock.h"
#include "kiosk/core/domain/housekeeping.h"
#include "kiosk/core/domain/kiosk_config.h"
#include "kiosk/core/domain/opening_hours.h"
#include "kiosk/core/words/french.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/speech/speaker.h"
#include "kiosk/ui/probe.h"
#include "kiosk/ui/text_shaping.h"
#include "kiosk/ui/ui.h"
#include "kiosk/ui/widgets.h"

namespace eric {

void configure_imgui_io(ImGuiIO& io) {
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
  io.MouseDoubleClickTime = 0.0f;  // no double tap on a public terminal
}

KioskApp::KioskApp(ui::Ui& ui, I18n& i18n, Clock& clock, Services& services,
                   const ScreenRegistry& registry)
    : ui_(ui), i18n_(i18n), clock_(clock), services_(services), registry_(registry), nav_(registry) {
  ui_.i18n = &i18n_;
}

namespace {

ui::ThemeKind theme_chosen(const ShellState& shell) {
  return shell.high_contrast ? ui::ThemeKind::HighContrast : ui::ThemeKind::Standard;
}

IdleConfig idle_config_from(const KioskSettings& s) {
  IdleConfig cfg;
  cfg.visitor_timeout_s = std::max(5, s.idle_timeout_s);
  cfg.countdown_s = std::max(1, s.idle_countdown_s);
  cfg.staff_timeout_s = std::max(5, s.staff_idle_timeout_s);
  return cfg;
}

}  // namespace

Status KioskApp::start() {
  idle_.set_config(idle_config_from(services_.settings));
  idle_.touch(clock_.now_ms());
  shell_.text_size = std::clamp(services_.settings.default_text_size, 0, 2);
  shell_.high_contrast = services_.settings.default_high_contrast;  // drawn from the first frame
  closed_screen_ = registry_.create("closed");
  if (!nav_.reset_to("home")) {
    return Status::error("start", "L'écran d'accueil n'est pas enregistré.");
  }
  return Status::success();
}

void KioskApp::set_screen(const ui::ScreenGeometry& screen) {
  screen_ = screen;
  if (services_.settings.screen_inches > 0) screen_.diagonal_in = services_.settings.screen_inches;
  if (services_.settings.viewing_distance_cm > 0)
    screen_.viewing_distance_cm = static_cast<float>(services_.settings.viewing_distance_cm);
}

int KioskApp::drawn_text_size() const {
  return shell_.mode == Mode::Visitor ? std::clamp(shell_.text_size, 0, 2) : 0;
}

Status KioskApp::build_fonts() {
  ui::set_display(ui_, screen_);
  fonts_text_size_ = drawn_text_size();
  ui_.text_scale = ui::kTextScales[fonts_text_size_];
  ui::FontConfig cfg;
  cfg.scale = ui_.scale * ui_.text_scale;
  fonts_rtl_ = language_is_rtl(i18n_.language());
  std::vector<std::string> texts;
  // The language picker writes each language in its own name, whatever language is shown:
  // without these forms, Arabic's name was "[…]" on a French screen.
  for (const std::string& lang : i18n_.languages()) {
    if (language_is_rtl(lang)) texts.push_back(i18n_.text_in(lang, "shell.language_name"));
  }
  if (fonts_rtl_) {
    // The shaped forms this language's texts use (catalog text stays French).
    for (const std::string& key : i18n_.keys(i18n_.language()))
      texts.push_back(i18n_.text_in(i18n_.language(), key));
  }
  cfg.extra_glyphs = ui::shaped_code_points(texts);
  ImGuiIO& io = ImGui::GetIO();
  Status built = ui_.fonts.build(io, cfg);
  if (!built) ui_.fonts.build_builtin(io, cfg.scale);
  return built;
}

ui::PointerEvent KioskApp::from_screen(ui::PointerEvent e) const {
  const ImVec2 p = ui::screen_to_layout(ui_, ImVec2(e.x, e.y));
  e.x = p.x;
  e.y = p.y;
  return e;
}

void KioskApp::mirror_if_rtl() {
  if (ui_.rtl) ui::mirror_frame(ui_, ImGui::GetDrawData(), ImGui::GetIO().DisplaySize.x);
}

void KioskApp::pointer(const ui::PointerEvent& e) {
  touch_.push(e);
  if (e.action != ui::PointerAction::Down) return;
  idle_.touch(clock_.now_ms());
  // A touch on the dark closed screen lights it for a minute (the staff's button shows then).
  if (showing_closed()) shell_.closed_lit_until_ms = clock_.now_ms() + 60 * 1000;
}

bool KioskApp::showing_closed() {
  if (!closed_screen_ || is_open(services_.hours, clock_.local())) return false;
  // The staff's PIN pad, opened from the lit closed screen, and the staff's modes draw as
  // usual; a visitor sees only the closed screen.
  return shell_.mode == Mode::Visitor && nav_.at_home();
}

ScreenContext KioskApp::context() {
  return ScreenContext{ui_, i18n_, clock_, session_, nav_, services_, shell_};
}

const ui::UiProbe& KioskApp::probe() const { return ui_.probe; }

bool KioskApp::worth_asking() const {
  return !nav_.at_home() || !session_.empty() ||
         i18n_.language() != services_.settings.default_language ||
         shell_.text_size != services_.settings.default_text_size ||
         shell_.high_contrast != services_.settings.default_high_contrast;
}

void KioskApp::back_to_site_defaults() {
  i18n_.set_language(services_.settings.default_language);
  if (shell_.text_size != services_.settings.default_text_size)
    shell_.requested_text_size = services_.settings.default_text_size;
  shell_.high_contrast = services_.settings.default_high_contrast;
}

void KioskApp::apply_theme_choice() {
  if (ui_.theme.kind != theme_chosen(shell_)) ui::set_theme(ui_, theme_chosen(shell_));
}

std::string_view KioskApp::theme_name() const {
  return eric::theme_name(ui_.theme.kind == ui::ThemeKind::HighContrast);
}

bool KioskApp::set_site_theme(std::string_view name) {
  const std::optional<bool> hc = high_contrast_from_theme_name(name);
  if (!hc) return false;
  services_.settings.default_high_contrast = *hc;
  shell_.high_contrast = *hc;
  return true;
}

std::string_view KioskApp::site_text_size() const {
  return ui::text_size_label(services_.settings.default_text_size);
}

void KioskApp::reset_for_next_visitor() {
  nav_.home();
  session_.wipe();
  back_to_site_defaults();
  shell_.mode = Mode::Visitor;
  ui_.reading = {};
  language_picker_open_ = false;
  if (services_.speaker) services_.speaker->stop();
  ui_.keyboard = {};
  ui_.scroll.clear();
  ui_.toasts.clear();
}

void KioskApp::frame(float dt) {
  ImGuiIO& io = ImGui::GetIO();
  io.DeltaTime = std::clamp(dt, 0.001f, 0.1f);
  ui_time_ms_ += std::max(0.0f, dt) * 1000.0;
  touch_.apply(io, static_cast<int64_t>(ui_time_ms_));
  const unsigned generation_before = nav_.generation();
  // The manager's settings screen may change the time-out: it applies from the next frame.
  idle_.set_config(idle_config_from(services_.settings));
  const int64_t now = clock_.now_ms();
  switch (idle_.update(now, shell_.mode, worth_asking())) {
    case IdleEvent::Expired:
      // Where visitors give up is worth knowing: the screen they left, never what they typed.
      services_.usage.add(clock_.today(), "visit.timeout", nav_.top() ? nav_.top()->id() : "");
      reset_for_next_visitor();
      break;
    case IdleEvent::StaffExpired:
      shell_.mode = Mode::Visitor;
      nav_.home();
      break;
    case IdleEvent::AskStarted:
    case IdleEvent::None:
      break;
  }

  // At closing time the visitor's path ends as after a time-out: nothing of it stays. Back on
  // the closed screen (after the staff's PIN pad), nothing is left to ask about either.
  const bool closed = !is_open(services_.hours, clock_.local());
  if (closed && shell_.mode == Mode::Visitor &&
      (!was_closed_ || (nav_.at_home() && worth_asking()))) {
    reset_for_next_visitor();
    idle_.touch(now);
  }
  was_closed_ = closed;

  const unsigned drawn_generation = nav_.generation();
  ui_.rtl = language_is_rtl(i18n_.language());
  apply_theme_choice();
  ImGui::NewFrame();
  ui::begin_frame(ui_);
  ScreenContext ctx = context();
  if (showing_closed()) {
    draw_closed(ctx);
    ui::end_frame(ui_);
    ImGui::Render();
    mirror_if_rtl();
    nav_.collect();
    if (services_.sync) services_.sync->after_frame(services_, nav_.generation());
    write_between_visitors();
    return;
  }
  draw_chrome_and_screen(ctx);
  for (const Overlay& overlay : registry_.overlays())
    if (overlay.draw) overlay.draw(ctx);
  if (language_picker_open_ && nav_.at_home()) draw_language_picker();
  if (idle_.asking()) draw_idle_overlay();
  ui::draw_toasts(ui_, now);
  ui::end_frame(ui_);
  ImGui::Render();
  mirror_if_rtl();
  read_aloud_after_frame(drawn_generation);
  after_screen_changes(generation_before);
  nav_.collect();
  if (services_.sync) services_.sync->after_frame(services_, nav_.generation());
  // A visit starts when the visitor leaves the home screen; from then on, even back on the
  // home screen, inactivity wipes what they did.
  if (session_.started_ms == 0 && !nav_.at_home()) {
    session_.started_ms = now;
    services_.usage.add(clock_.today(), "visit.start", nav_.top() ? nav_.top()->id() : "");
  }
  write_between_visitors();
}

namespace {

// What the finger would touch at (x, y): the topmost tappable item there (the keyboard and a
// modal are drawn after the page). "" for none.
std::string tappable_at(const ui::UiProbe& probe, float x, float y) {
  const ui::ProbeItem* top = nullptr;
  for (const ui::ProbeItem& item : probe.items())
    if (item.tappable && x >= item.x && x < item.x + item.w && y >= item.y && y < item.y + item.h)
      top = &item;
  if (!top) return {};
  // A key is told by its place and what it types, in any case (shift changes its label, not
  // the key). Anything else by its label: a chip that grows a tick when chosen is the same.
  if (top->kind != ui::ProbeKind::Key)
    return std::to_string(static_cast<int>(top->kind)) + '|' + top->text;
  return "key|" + fold_case(top->key) + '|' + std::to_string(std::lround(top->x)) + ',' +
         std::to_string(std::lround(top->y)) + ',' + std::to_string(std::lround(top->w)) + ',' +
         std::to_string(std::lround(top->h));
}

}  // namespace

// Between two frames: what the frame's taps changed decides what the next visitor finds and
// what the finger's next press may do.
void KioskApp::after_screen_changes(unsigned generation_before) {
  hold_taps_after_change(generation_before);
  // The last form of the way has left the stack: what it asked goes with it.
  const bool holds = nav_.holds_personal_data();
  if (held_personal_data_ && !holds) session_.forget_personal();
  held_personal_data_ = holds;
  // Home, reached by any way, starts a new visitor: nothing of the last one, the site's
  // language, text size and theme. (Staff modes keep their own time-out.)
  const bool home = nav_.at_home();
  if (home && !was_at_home_) {
    session_.wipe();
    back_to_site_defaults();
    ui_.keyboard = {};
    ui_.scroll.clear();
  }
  was_at_home_ = home;
}

void KioskApp::hold_taps_after_change(unsigned generation_before) {
  if (touch_.tap_ended()) {
    frames_since_tap_ = 0;
    tap_x_ = touch_.last_x();
    tap_y_ = touch_.last_y();
    under_tap_ = tappable_at(ui_.probe, tap_x_, tap_y_);
  } else if (frames_since_tap_ < 1000) {
    ++frames_since_tap_;
  }
  // A new screen, or a tap that put something else under the finger (the next step of a
  // form, another keyboard): the finger's next press, this soon, was meant for what was
  // there before. A letter typed, a chip or a toggle changes nothing under the finger.
  const bool new_screen = nav_.generation() != generation_before;
  const bool new_under_finger = frames_since_tap_ >= 1 && frames_since_tap_ <= 2 &&
                                tappable_at(ui_.probe, tap_x_, tap_y_) != under_tap_;
  if (new_screen || new_under_finger)
    touch_.hold_presses_until(static_cast<int64_t>(ui_time_ms_) + kTapHoldMs);
}

void KioskApp::write_between_visitors() {
  if (!services_.db) return;
  UsageTally& tally = services_.usage;
  const bool at_home = nav_.at_home();
  const int64_t now = clock_.now_ms();
  // Counters between visitors, or when many are held; the day's housekeeping looked at once
  // a minute at most, at home, even on a terminal that never syncs.
  const bool counters_due = !tally.empty() && (at_home || tally.size() >= 64);
  const bool housekeeping_due = at_home && now >= next_housekeeping_look_ms_;
  if (!counters_due && !housekeeping_due) return;
  // Never while a sync holds the write lock: the writes would only find the file busy.
  if (services_.sync && services_.sync->live().running) return;
  // A busy file keeps the counters in memory for a later frame: nothing to do with the status.
  if (counters_due) (void)tally.flush(*services_.db);
  if (housekeeping_due) {
    next_housekeeping_look_ms_ = now + 60 * 1000;
    const std::string today = clock_.today();
    if (today != housekeeping_day_ && run_housekeeping(*services_.db, now / 1000).ok()) {
      housekeeping_day_ = today;
    }
  }
}

void KioskApp::draw_chrome_and_screen(ScreenContext& ctx) {
  const ImGuiIO& io = ImGui::GetIO();
  // The bands the overlays take at the top (the called ticket): the page goes under them.
  float top = 0;
  for (const Overlay& overlay : registry_.overlays())
    if (overlay.top_band_height) top += overlay.top_band_height(ctx);
  ImGui::SetNextWindowPos(ImVec2(0, top));
  ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, io.DisplaySize.y - top));
  constexpr ImGuiWindowFlags kPageFlags =
      ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
      ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse |
      ImGuiWindowFlags_NoNavFocus;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
  ImGui::Begin("##page", nullptr, kPageFlags);
  ImGui::PopStyleVar(3);

  // Home: the header band with the site, the time and the date in words. Inner screens: the
  // title band instead (back button, title, subtitle), as in the mockups.
  Screen* screen = nav_.top();
  const bool home = nav_.at_home();
  const float margin = ui::px(ui_, 64);
  const std::string freshness = freshness_words(services_.catalog_updated_ms, clock_.now_ms(), i18n_);
  const std::string language = i18n_.tr("shell.language_switch");
  const ui::FooterSpec footer_spec = footer_spec_now(freshness, language);
  const float footer_h = home ? ui::footer_height(ui_, footer_spec, io.DisplaySize.x) : 0.0f;
  if (home || !screen) {
    drawn_title_.clear();
    const CivilTime t = clock_.local();
    const std::string site = site_display_name(services_.site.name);
    const std::string subtitle = i18n_.tr("shell.site_subtitle");
    const std::string time_text = time_words(t.hour, t.minute, i18n_);
    const std::string date_text = date_words(Clock::format_date(t), i18n_, true, false);
    const std::string glossary = i18n_.tr("ui.glossary");
    if (ui::header_band(ui_, ui::HeaderSpec{site, subtitle, time_text, date_text, glossary}))
      nav_.open("glossary");
  } else {
    const std::string title = screen->title(ctx);
    const std::string subtitle = screen->subtitle(ctx);
    drawn_title_ = title;
    const std::string glossary = screen->shows_hard_words() ? i18n_.tr("ui.glossary") : "";
    const ui::BandTap tap = ui::title_band(ui_, title, subtitle, screen->show_back(), glossary);
    if (tap == ui::BandTap::Back && !screen->back_one_step(ctx)) nav_.back();
    if (tap == ui::BandTap::Glossary) nav_.open("glossary");
  }
  // The screen's content area: between the header (or title band) and the footer.
  const ImVec2 cursor = ImGui::GetCursorScreenPos();
  const float content_h = std::max(1.0f, io.DisplaySize.y - cursor.y - footer_h);
  content_top_ = cursor.y;
  content_bottom_ = cursor.y + content_h;
  ImGui::SetCursorScreenPos(ImVec2(margin, cursor.y));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::BeginChild("##content", ImVec2(io.DisplaySize.x - 2 * margin, content_h), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                        ImGuiWindowFlags_NoBackground);
  ImGui::PopStyleVar();
  // The id stack is keyed by the stack depth and screen id, so two screens never share state.
  ImGui::PushID(static_cast<int>(nav_.depth()));
  // Under "Vous êtes toujours là ?" the page is not drawn at all: a passer-by must not read
  // the name or phone of a visitor who walked away (the dimmed page would still show them).
  if (screen && !(idle_.asking() && !home)) screen->draw(ctx);
  ImGui::PopID();
  ImGui::EndChild();

  if (home) handle_footer(ctx, footer_spec);
  ImGui::End();
}

void KioskApp::draw_closed(ScreenContext& ctx) {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
  ImGui::Begin("##closed", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse |
                   ImGuiWindowFlags_NoBackground);
  ImGui::PopStyleVar(2);
  closed_screen_->draw(ctx);
  ImGui::End();
}

ui::FooterSpec KioskApp::footer_spec_now(const std::string& freshness,
                                         const std::string& language) const {
  ui::FooterSpec spec;
  spec.freshness = freshness;
  spec.fresh = catalog_is_fresh(services_.catalog_updated_ms, clock_.now_ms());
  spec.text_size = shell_.text_size;
  spec.high_contrast = shell_.high_contrast;
  spec.language_label = language;
  spec.reading_on = ui_.reading.on;
  if (services_.speaker) spec.volume = services_.speaker->volume();
  return spec;
}

void KioskApp::handle_footer(ScreenContext& ctx, const ui::FooterSpec& spec) {
  const ui::FooterResult r = ui::footer(ui_, spec);
  switch (r.tap) {
    case ui::FooterTap::ReadAloud:
      toggle_reading();
      break;
    case ui::FooterTap::VolumeDown:
    case ui::FooterTap::VolumeUp:
      if (services_.speaker) {
        const int step = r.tap == ui::FooterTap::VolumeUp ? 20 : -20;
        services_.speaker->set_volume(services_.speaker->volume() + step);
        say(i18n_.tr("shell.volume_sample"));  // the new loudness, heard at once
      }
      break;
    case ui::FooterTap::TextSize:
      if (r.text_size != shell_.text_size) shell_.requested_text_size = r.text_size;
      break;
    case ui::FooterTap::Contrast:
      shell_.high_contrast = !shell_.high_contrast;
      break;
    case ui::FooterTap::Language:
      language_picker_open_ = true;
      break;
    case ui::FooterTap::Staff:
      ctx.nav.open("staff.pin");
      break;
    case ui::FooterTap::None:
      break;
  }
}

void KioskApp::draw_idle_overlay() {
  const int64_t now = clock_.now_ms();
  ui::begin_modal(ui_, "##idle");
  ui::text(ui_, i18n_.tr("shell.idle.title"), ui::TextOpts{ui::FontRole::Title, ui::Tone::Title});
  ui::text(ui_, i18n_.tr("shell.idle.countdown", {{"n", std::to_string(idle_.seconds_left(now))}}));
  ImGui::Dummy(ImVec2(0, ui::px(ui_, 8)));
  if (ui::big_button(ui_, i18n_.tr("shell.idle.continue"))) idle_.resume(now);
  ui::end_modal(ui_);
}

bool KioskApp::apply_requests() {
  if (shell_.requested_text_size) {
    shell_.text_size = std::clamp(*shell_.requested_text_size, 0, 2);
    shell_.requested_text_size.reset();
  }
  // A new text size, a staff space entered or left, a script the atlas lacks the letters of.
  if (fonts_text_size_ == drawn_text_size() && fonts_rtl_ == language_is_rtl(i18n_.language()))
    return false;
  // Without the font packages the kiosk goes on with ImGui's own font (build_fonts falls back).
  (void)build_fonts();
  return true;
}

bool KioskApp::wants_frames() const {
  return touch_.pending() || ui::ui_animating(ui_) || shell_.requested_text_size.has_value() ||
         ui_.theme.kind != theme_chosen(shell_) || fonts_rtl_ != language_is_rtl(i18n_.language()) ||
         fonts_text_size_ != drawn_text_size();
}

int64_t KioskApp::next_deadline_ms() {
  const int64_t now = clock_.now_ms();
  int64_t next = (now / 60000 + 1) * 60000;  // the header's minute
  next = std::min(next, idle_.next_deadline_ms(now, shell_.mode, worth_asking()));
  next = std::min(next, ui_.toasts.next_deadline_ms(now));
  // The lit closed screen goes dark again on time (opening and closing fall on a minute).
  if (shell_.closed_lit_until_ms > now) next = std::min(next, shell_.closed_lit_until_ms);
  ScreenContext ctx = context();
  for (const Overlay& overlay : registry_.overlays()) {
    if (!overlay.deadline_ms) continue;
    if (const int64_t until = overlay.deadline_ms(ctx); until > 0) next = std::min(next, until);
  }
  return next;
}

}  // namespace eric
