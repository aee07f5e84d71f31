// "manager": a minimal manager's space until the real one (sync tools) replaces this line.
#include <imgui.h>

#include "kiosk/app/navigator.h"
#include "kiosk/app/services.h"
#include "kiosk/core/i18n.h"
#include "kiosk/ui/widgets.h"
#include "screens/help_screens.h"

namespace eric {

namespace {

class ManagerMinimalScreen : public Screen {
 public:
  std::string_view id() const override { return "manager"; }
  std::string title(ScreenContext& ctx) override { return ctx.i18n.tr("manager.min.title"); }
  std::string subtitle(ScreenContext& ctx) override { return ctx.services.site.name; }
  bool show_back() const override { return false; }

  void draw(ScreenContext& ctx) override {
    // Like the desk: nothing here without the PIN.
    if (ctx.shell.mode != Mode::Manager) {
      ctx.nav.home();
      return;
    }
    ui::Ui& u = ctx.ui;
    ImGui::Dummy(ImVec2(0, ui::px(u, 24)));
    ui::text(u, ctx.i18n.tr("manager.min.soon"), ui::TextOpts{ui::FontRole::Title});
    ImGui::Dummy(ImVec2(0, ui::px(u, 24)));
    if (ui::big_button(u, ctx.i18n.tr("manager.min.desk"))) ctx.nav.open("desk");
    ImGui::Dummy(ImVec2(0, ui::px(u, 16)));
    ui::ButtonOpts close;
    close.kind = ui::ButtonKind::Secondary;
    close.icon = ui::Picto::Lock;
    if (ui::big_button(u, ctx.i18n.tr("manager.min.close"), close)) {
      ctx.shell.mode = Mode::Visitor;
      ctx.nav.home();
    }
  }
};

}  // namespace

std::unique_ptr<Screen> make_manager_minimal_screen(const ScreenArgs&) {
  return std::make_unique<ManagerMinimalScreen>();
}

}  // namespace eric
