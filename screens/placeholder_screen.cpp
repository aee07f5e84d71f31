// A path whose screens are not built yet: it says so in plain words and offers the way back.
#include <imgui.h>

#include "kiosk/app/navigator.h"
#include "kiosk/core/i18n.h"
#include "kiosk/ui/widgets.h"
#include "screens/screens.h"

namespace eric {

namespace {

class PlaceholderScreen : public Screen {
 public:
  PlaceholderScreen(std::string id, std::string title_key)
      : id_(std::move(id)), title_key_(std::move(title_key)) {}

  std::string_view id() const override { return id_; }
  std::string title(ScreenContext& ctx) override { return ctx.i18n.tr(title_key_); }

  void draw(ScreenContext& ctx) override {
    ui::Ui& u = ctx.ui;
    ImGui::Dummy(ImVec2(0, ui::px(u, 24)));
    ui::text(u, ctx.i18n.tr("placeholder.soon"), ui::TextOpts{ui::FontRole::Title});
    ui::text(u, ctx.i18n.tr("placeholder.ask_animator"));
    ImGui::Dummy(ImVec2(0, ui::px(u, 24)));
    if (ui::big_button(u, ctx.i18n.tr("placeholder.home"))) ctx.nav.home();
  }

 private:
  std::string id_;
  std::string title_key_;
};

}  // namespace

std::unique_ptr<Screen> make_placeholder_screen(std::string id, std::string title_key) {
  return std::make_unique<PlaceholderScreen>(std::move(id), std::move(title_key));
}

}  // namespace eric
