// The language picker of the home screen's footer: each language named in its own words, so
// a visitor who reads no French still finds theirs.
#include <imgui.h>

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

#include "kiosk/app/kiosk_app.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/ui/ui.h"
#include "kiosk/ui/widgets.h"

namespace eric {

namespace {

// The picker's order: French first (the catalog's language), then by how many visitors of
// the region's spaces read each.
constexpr std::array<std::string_view, 5> kPickerOrder = {"fr", "en", "es", "uk", "ar"};

}  // namespace

void KioskApp::draw_language_picker() {
  const std::vector<std::string> loaded = i18n_.languages();
  std::vector<std::string_view> shown;
  for (std::string_view lang : kPickerOrder)
    if (std::find(loaded.begin(), loaded.end(), lang) != loaded.end()) shown.push_back(lang);
  ui::begin_modal(ui_, "language", 22.0f);
  ui::text(ui_, i18n_.tr("shell.language_title"),
           ui::TextOpts{ui::FontRole::Title, ui::Tone::Title});
  const float width = ImGui::GetContentRegionAvail().x;
  // One language a row; two a row where the rows and "Retour" would not fit the screen's
  // height (a small screen at A++): the buttons keep the visitor's size, "Retour" in sight.
  const float row_h = ui::target_height(ui_) + ImGui::GetStyle().ItemSpacing.y;
  const float needed = ImGui::GetCursorPosY() + static_cast<float>(shown.size() + 1) * row_h +
                       2 * ImGui::GetStyle().WindowPadding.y;
  const int columns = needed > ImGui::GetIO().DisplaySize.y - 2 * ui::em(ui_) ? 2 : 1;
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  for (size_t i = 0; i < shown.size(); ++i) {
    const std::string_view lang = shown[i];
    ui::ButtonOpts o;
    o.kind = lang == i18n_.language() ? ui::ButtonKind::Primary : ui::ButtonKind::Secondary;
    o.width = columns == 1 ? width : (width - gap) / 2;
    if (columns == 2 && i % 2 == 1) ImGui::SameLine(0, gap);
    if (ui::big_button(ui_, i18n_.text_in(lang, "shell.language_name"), o)) {
      i18n_.set_language(lang);
      language_picker_open_ = false;
    }
  }
  ui::ButtonOpts back;
  back.kind = ui::ButtonKind::Secondary;
  if (ui::big_button(ui_, i18n_.tr("ui.back"), back)) language_picker_open_ = false;
  ui::end_modal(ui_);
}

}  // namespace eric
