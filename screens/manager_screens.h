// Factories of the manager's screens (behind the manager PIN), registered in screens.cpp, and
// what they share: the mode guard, states and types in words, the sync progress bar.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

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

// One count on a card of w x h at the cursor (the status page's and the outbox's figures
// look alike): the number large in `tone`, what it counts under it, wrapped at caption_wrap
// (< 0: one line).
void figure_tile(ui::Ui& u, int64_t n, std::string_view caption, ui::Tone tone, float w, float h,
                 float caption_wrap);

// The sync's progress as one bar over its four steps, with the step in words under it.
void sync_progress_view(ui::Ui& u, const I18n& i18n, const SyncLive& live, float width);

// The secondary "Fermer l'espace responsable" button on the right of the current line:
// leaves the manager mode and goes home when tapped.
void manager_close_button(ScreenContext& ctx);

}  // namespace eric
