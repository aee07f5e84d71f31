// The glossary screen (see glossary_screen.h). Each word keeps its French name beside the
// visitor's language: it is the word they will meet in the offers, which stay in French.
#include "screens/glossary_screen.h"

#include <imgui.h>

#include <array>
#include <string>
#include <string_view>

#include "kiosk/core/words/i18n.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/ui.h"
#include "kiosk/ui/widgets.h"

namespace eric {

namespace {

constexpr std::array<std::string_view, 6> kWords = {"cdi", "cdd", "interim", "alternance",
                                                    "immersion", "funded"};

class GlossaryScreen : public Screen {
 public:
  std::string_view id() const override { return "glossary"; }
  std::string title(ScreenContext& ctx) override { return ctx.i18n.tr("glossary.title"); }

  void draw(ScreenContext& ctx) override {
    ui::Ui& u = ctx.ui;
    const I18n& t = ctx.i18n;
    // Six words and their sentences: on a small screen at A++ the last ones are a drag away.
    ui::ScrollPage page(u, "glossary.page", ImVec2(0, 0), page_h_);
    ui::text(u, t.tr("glossary.intro"), ui::TextOpts{ui::FontRole::Body, ui::Tone::Secondary});
    ui::space(u, ui::Space::Large);
    for (std::string_view word : kWords) {
      const std::string key = "glossary." + std::string(word);
      std::string term = t.tr(key + ".term");
      // The French word as printed in the offers, when the visitor reads another language.
      const std::string& french = t.text_in("fr", key + ".term");
      if (t.language() != "fr" && french != term) term += " (" + french + ")";
      ui::text(u, term, ui::TextOpts{ui::FontRole::BodyBold, ui::Tone::Title});
      ui::text(u, t.tr(key + ".text"));
      ui::space(u, ui::Space::Large);
    }
  }

 private:
  float page_h_ = 0;  // the page's height as last drawn
};

}  // namespace

std::unique_ptr<Screen> make_glossary_screen(const ScreenArgs&) {
  return std::make_unique<GlossaryScreen>();
}

}  // namespace eric
