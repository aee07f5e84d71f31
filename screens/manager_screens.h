// Factories of the manager's screens (behind the manager PIN), registered in screens.cpp, and
// what they share: the mode guard, states and types in words, the sync progress bar.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/app/screen.h"
#include "kiosk/core/storage/store.h"
#include "kiosk/ui/widgets.h"

namespace eric {

struct SyncLive;

std::unique_ptr<Screen> make_manager_screen(const ScreenArgs& args);           // "manager"
std::unique_ptr<Screen> make_manager_outbox_screen(const ScreenArgs& args);    // "manager.outbox"
std::unique_ptr<Screen> make_manager_import_screen(const ScreenArgs& args);    // "manager.import"
std::unique_ptr<Screen> make_manager_settings_screen(const ScreenArgs& args);  // "manager.settings"

// Nothing of the manager's space without the PIN: false (and back home) in any other mode.
bool manager_guard(ScreenContext& ctx);
// The sync as it runs now (all empty on a terminal without a sync link).
SyncLive sync_live(const ScreenContext& ctx);

// "En attente", "Accepté"...; "Demande d'immersion", "Inscription à un atelier"...
std::string outbox_state_words(OutboxState state, const I18n& i18n);
std::string outbox_type_words(const std::string& type, const I18n& i18n);
// "12 345": thousands apart, the French way.
std::string count_words(int64_t n);

// One count on a card: the number large in its tone, what it counts under it.
struct Figure {
  int64_t n = 0;
  std::string caption;
  ui::Tone tone = ui::Tone::Normal;
};

// The figures at the cursor as cards side by side (the status page's and the outbox's look
// alike), each at most max_w wide, as many to a line as the width holds without cutting a
// word of a caption (a portrait screen takes them on two lines), all as tall as the tallest
// caption needs. Returns the width of its widest line.
float figure_row(ui::Ui& u, const std::vector<Figure>& figures, float max_w);

// The sync's progress as one bar over its four steps, with the step in words under it.
void sync_progress_view(ui::Ui& u, const I18n& i18n, const SyncLive& live, float width);

// The secondary "Fermer l'espace responsable" button on the right of the current line:
// leaves the manager mode and goes home when tapped.
void manager_close_button(ScreenContext& ctx);

}  // namespace eric
