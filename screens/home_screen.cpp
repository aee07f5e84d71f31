// The home screen: one question and the three visitor paths as big tiles.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "kiosk/app/navigator.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/widgets.h"
#include "screens/screens.h"

namespace eric {

namespace {

struct PathTile {
  ui::Picto picto;
  const char* title_key;
  const char* sentence_key;
  const char* screen_id;  // the path's first screen
};

// A tile narrower than this many body heights would cut its title's words.
constexpr float kMinTileEm = 11.0f;
// Pictures shrink down to this before a tile gives up its sentence (larger text keeps them).
constexpr float kSmallestPictoEm = 2.4f;

constexpr PathTile kPaths[] = {
    {ui::Picto::Jobs, "home.jobs.title", "home.jobs.sentence", "jobs.what"},
    {ui::Picto::Immersion, "home.immersion.title", "home.immersion.sentence", "immersion.trade"},
    {ui::Picto::Help, "home.help.title", "home.help.sentence", "help.start"},
};

class HomeScreen : public Screen {
 public:
  std::string_view id() const override { return "home"; }
  bool show_back() const override { return false; }

 private:
  float page_h_ = 0;  // the page's height last frame (it scrolls when taller than the screen)

 public:

  void draw(ScreenContext& ctx) override {
    ui::Ui& u = ctx.ui;
    // The whole page scrolls when even the plainest tiles do not fit (a small screen at A++);
    // the room is measured before the page, whose inside grows with what it holds.
    const ImVec2 area = ImGui::GetContentRegionAvail();
    ui::ScrollPage page(u, "home", ImVec2(0, 0), page_h_);
    const float top = ImGui::GetCursorScreenPos().y;
    // Spacing as in the mockup: the question close under the header, the tiles under it.
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ui::px(u, 12));
    ui::text(u, ctx.i18n.tr("home.question"), ui::TextOpts{ui::FontRole::Display});
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ui::px(u, 8));

    const ImVec2 avail(area.x, area.y - (ImGui::GetCursorScreenPos().y - top) - ui::px(u, 8));
    // Three tiles side by side when each keeps room for its words (a landscape screen); on a
    // narrow one (a portrait totem) the paths are stacked, each as wide as the screen.
    const bool stacked = avail.x < 3 * kMinTileEm * ui::em(u) || avail.x < avail.y;
    const float gap = ui::px(u, stacked ? 24 : 40);
    const int n = static_cast<int>(std::size(kPaths));
    // Whole pixels, so the three tiles and their outlines land on the same pixel grid.
    const float width = stacked ? avail.x : std::floor((avail.x - (n - 1) * gap) / n);
    const std::string action = ctx.i18n.tr("home.start");
    // The richest tile that fits: with larger text the "Commencer" pill goes first (the whole
    // tile is the target anyway), then the picture gets smaller, then the sentence goes; the
    // titles always stay.
    const float room = stacked ? std::floor((avail.y - ui::px(u, 32) - (n - 1) * gap) / n)
                               : avail.y - ui::px(u, 32);
    bool with_action = true, with_sentence = true;
    float picto_em = 3.6f;
    auto spec_of = [&](const PathTile& p) {
      ui::TileSpec spec{p.picto, ctx.i18n.tr(p.title_key),
                        with_sentence ? std::string_view(ctx.i18n.tr(p.sentence_key))
                                      : std::string_view(),
                        with_action ? std::string_view(action) : std::string_view()};
      spec.picto_em = picto_em;
      return spec;
    };
    auto tallest = [&]() {
      float h = 0;
      for (const PathTile& p : kPaths) h = std::max(h, ui::tile_min_height(u, spec_of(p), width));
      return h;
    };
    float content = tallest();
    if (content > room) {
      with_action = false;
      content = tallest();
    }
    while (content > room && picto_em > kSmallestPictoEm) {
      picto_em = std::max(kSmallestPictoEm, picto_em - 0.4f);
      content = tallest();
    }
    if (content > room) {
      with_sentence = false;
      content = tallest();
    }
    // A tall screen: half the spare height goes to bigger pictures (up to 1.7 times their size),
    // the rest is shared above and below the content, so no tile holds an empty middle.
    if (content < room) {
      picto_em = std::min(6.0f, picto_em + 0.5f * (room - content) / ui::em(u));
      content = tallest();
    }
    const float height = std::floor(std::max(content, room));
    for (int i = 0; i < n; ++i) {
      const PathTile& p = kPaths[i];
      if (i > 0 && !stacked) ImGui::SameLine(0, gap);
      if (i > 0 && stacked) ImGui::SetCursorPosY(ImGui::GetCursorPosY() + gap - ImGui::GetStyle().ItemSpacing.y);
      ImGui::PushID(i);
      ui::TileSpec spec = spec_of(p);
      spec.size = ImVec2(width, height);
      spec.content_height = content;
      if (ui::tile(u, spec)) {
        // The farewell ("Merci de votre visite") was for the visitor who left: whoever starts
        // a path now must not find it over their first screens (it hid a QR code's corner).
        ctx.ui.toasts.clear();
        ctx.nav.open(p.screen_id);
      }
      ImGui::PopID();
    }
  }
};

}  // namespace

std::unique_ptr<Screen> make_home_screen(const ScreenArgs&) {
  return std::make_unique<HomeScreen>();
}

}  // namespace eric
