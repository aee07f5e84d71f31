// "manager.settings": the terminal's settings (idle time-out, text size, language and theme at
// start, retention of personal data, sync frequency), each with big - and + buttons, saved at
// once.
#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "kiosk/app/navigator.h"
#include "kiosk/app/services.h"
#include "kiosk/core/base/clock.h"
#include "kiosk/core/domain/kiosk_config.h"
#include "kiosk/core/storage/store.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/widgets.h"
#include "screens/manager_screens.h"

namespace eric {

namespace {

// The values offered, in order: a finger steps through a short list rather than a number.
const std::vector<int> kIdleSeconds = {30, 45, 60, 90, 120, 180, 300};
const std::vector<int> kTextSizes = {0, 1, 2};
const std::vector<int> kLanguages = {0, 1};  // fr, en
const std::vector<int> kThemes = {0, 1};     // standard, high contrast
const std::vector<int> kRetentionDays = {1, 7, 14, 30, 60, 90};
const std::vector<int> kSyncMinutes = {1, 5, 10, 15, 30, 60};

// The index of the offered value nearest to v.
size_t nearest(const std::vector<int>& values, int v) {
  size_t best = 0;
  for (size_t i = 1; i < values.size(); ++i) {
    if (std::abs(values[i] - v) < std::abs(values[best] - v)) best = i;
  }
  return best;
}

std::string seconds_words(int s, const I18n& t) {
  if (s < 60) return t.tr_count("manager.settings.seconds", s);
  if (s % 60 == 0) return t.tr("manager.settings.minutes", {{"n", std::to_string(s / 60)}});
  return t.tr("manager.settings.minutes_seconds",
              {{"m", std::to_string(s / 60)}, {"s", std::to_string(s % 60)}});
}

class ManagerSettingsScreen : public Screen {
 public:
  std::string_view id() const override { return "manager.settings"; }
  std::string title(ScreenContext& ctx) override { return ctx.i18n.tr("manager.settings.title"); }
  std::string subtitle(ScreenContext& ctx) override { return ctx.i18n.tr("manager.settings.subtitle"); }

  void draw(ScreenContext& ctx) override {
    if (!manager_guard(ctx)) return;
    ui::Ui& u = ctx.ui;
    const I18n& t = ctx.i18n;
    Database& db = *ctx.services.db;
    KioskSettings& s = ctx.services.settings;
    if (!loaded_) {
      loaded_ = true;
      retention_days_ = std::atoi(setting_get_or(db, "retention_days", "30").c_str());
      if (retention_days_ <= 0) retention_days_ = 30;
    }
    ui::space(u, ui::Space::Large);

    // Each row: what it is, its value in words, "-" and "+".
    int idle = s.idle_timeout_s;
    if (row(ctx, 0, t.tr("manager.settings.idle"), seconds_words(idle, t), kIdleSeconds, idle)) {
      if (save(ctx, "idle_timeout", std::to_string(idle))) s.idle_timeout_s = idle;
    }
    int size = s.default_text_size;
    if (row(ctx, 1, t.tr("manager.settings.text_size"),
            t.tr("manager.settings.size." + std::to_string(std::clamp(size, 0, 2))), kTextSizes, size)) {
      if (save(ctx, "text_size", std::to_string(size))) s.default_text_size = size;
    }
    int lang = s.default_language == "en" ? 1 : 0;
    if (row(ctx, 2, t.tr("manager.settings.language"),
            t.tr(lang == 1 ? "manager.settings.lang.en" : "manager.settings.lang.fr"), kLanguages, lang)) {
      const std::string code = lang == 1 ? "en" : "fr";
      if (save(ctx, "language", code)) s.default_language = code;
    }
    int hc = s.default_high_contrast ? 1 : 0;
    const std::string theme(theme_name(hc == 1));
    if (row(ctx, 5, t.tr("manager.settings.theme"), t.tr("manager.settings.theme." + theme),
            kThemes, hc)) {
      if (save(ctx, "theme", std::string(theme_name(hc == 1)))) s.default_high_contrast = hc == 1;
    }
    int days = retention_days_;
    if (row(ctx, 3, t.tr("manager.settings.retention"),
            t.tr_count("manager.settings.days", days), kRetentionDays, days)) {
      if (save(ctx, "retention_days", std::to_string(days))) retention_days_ = days;
    }
    int minutes = std::max(1, s.sync_interval_s / 60);
    if (row(ctx, 4, t.tr("manager.settings.sync_interval"),
            t.tr("manager.settings.minutes", {{"n", std::to_string(minutes)}}), kSyncMinutes, minutes)) {
      if (save(ctx, "sync_interval", std::to_string(minutes * 60))) {
        s.sync_interval_s = minutes * 60;
        interval_changed_ = true;
      }
    }
    if (interval_changed_) {
      ui::text(u, t.tr("manager.settings.sync_next"), ui::TextOpts{ui::FontRole::Body, ui::Tone::Secondary, 0});
    }
  }

 private:
  // One setting's row; true when the value moved (value then holds the new one).
  bool row(ScreenContext& ctx, int index, const std::string& label, const std::string& value_words,
           const std::vector<int>& values, int& value) {
    ui::Ui& u = ctx.ui;
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = ui::px(u, 120);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h),
                                              ui::to_u32(u.theme.card),
                                              u.theme.rounding_em * ui::em(u));
    const float pad = ui::px(u, 28);
    const float button_w = ui::px(u, 120);
    const float value_w = ui::px(u, 380);
    const float label_w = w - 2 * pad - 2 * button_w - value_w - ui::px(u, 40);
    const ImVec2 ls = ui::text_size(u, label, ui::FontRole::Heading, label_w);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, pos.y + (h - ls.y) * 0.5f));
    ui::text(u, label, ui::TextOpts{ui::FontRole::Heading, ui::Tone::Normal, label_w});

    size_t i = nearest(values, value);
    bool changed = false;
    const float by = pos.y + (h - ui::target_height(u)) * 0.5f;
    const float x_minus = pos.x + w - pad - 2 * button_w - value_w - ui::px(u, 20);
    ImGui::PushID(index);
    ImGui::SetCursorScreenPos(ImVec2(x_minus, by));
    ui::ButtonOpts less;
    less.kind = ui::ButtonKind::Secondary;
    less.width = button_w;
    less.enabled = i > 0;
    if (ui::big_button(u, ctx.i18n.tr("manager.settings.less"), less) && i > 0) {
      --i;
      changed = true;
    }
    const ImVec2 vs = ui::text_size(u, value_words, ui::FontRole::Title);
    ImGui::SetCursorScreenPos(ImVec2(x_minus + button_w + ui::px(u, 10) + (value_w - vs.x) * 0.5f,
                                     pos.y + (h - vs.y) * 0.5f));
    ui::text(u, value_words, ui::TextOpts{ui::FontRole::Title, ui::Tone::Title, -1});
    ImGui::SetCursorScreenPos(ImVec2(x_minus + button_w + value_w + ui::px(u, 20), by));
    ui::ButtonOpts more;
    more.kind = ui::ButtonKind::Secondary;
    more.width = button_w;
    more.enabled = i + 1 < values.size();
    if (ui::big_button(u, ctx.i18n.tr("manager.settings.more"), more) && i + 1 < values.size()) {
      ++i;
      changed = true;
    }
    ImGui::PopID();
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + h + ui::px(u, 16)));
    ImGui::Dummy(ImVec2(0, 0));
    if (changed) value = values[i];
    return changed;
  }

  bool save(ScreenContext& ctx, const char* key, const std::string& value) {
    const Status st = setting_set(*ctx.services.db, key, value);
    ctx.ui.toasts.show(ctx.i18n.tr(st ? "manager.settings.saved" : "manager.settings.not_saved"),
                       ctx.clock.now_ms());
    return st.ok;
  }

  bool loaded_ = false;
  bool interval_changed_ = false;
  int retention_days_ = 30;
};

}  // namespace

std::unique_ptr<Screen> make_manager_settings_screen(const ScreenArgs&) {
  return std::make_unique<ManagerSettingsScreen>();
}

}  // namespace eric
