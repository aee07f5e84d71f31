// What every widget needs, in one struct passed by reference: probe, theme, fonts, states.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "kiosk/core/words/i18n.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/mirror.h"
#include "kiosk/ui/probe.h"
#include "kiosk/ui/screen_scale.h"
#include "kiosk/ui/scroll_list.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/toasts.h"

namespace eric::ui {

// Modal bookkeeping of the frame: under a modal, nothing else is tappable (only readable).
struct ModalFrame {
  bool open_last_frame = false;
  bool open_this_frame = false;
  bool inside = false;  // between begin_modal and end_modal
};

// Reading mode (EN 301 549's way for self-service terminals): while it is on, the first tap
// on a widget only asks for its label to be read aloud; a second tap on the same widget acts.
struct ReadingMode {
  bool on = false;
  bool bypass = false;     // the "Écouter" button itself acts at once
  unsigned armed_id = 0;   // ImGuiID of the widget read last: the next tap on it acts
  bool read_requested = false;
  float x = 0, y = 0, w = 0, h = 0;  // the widget to read: the shell finds its label in the probe
};

struct Ui {
  UiProbe probe;
  ReadingMode reading;
  bool rtl = false;  // the visitor's language reads right to left: the frame is mirrored
  MirrorState mirror;
  Theme theme = standard_theme();
  Fonts fonts;
  Toasts toasts;
  std::map<std::string, ScrollState, std::less<>> scroll;  // by list id
  KeyboardState keyboard;
  float scale = 1.0f;       // device pixels per design pixel (screen_scale.h)
  float text_scale = 1.0f;  // A, A+, A++ = 1.0, 1.2, 1.4 (fonts are rebuilt with it)
  const I18n* i18n = nullptr;
  ModalFrame modal;
};

// Call right after ImGui::NewFrame(): clears the probe, rolls the modal state over.
void begin_frame(Ui& ui);
// Call before ImGui::Render().
void end_frame(Ui& ui);

// Sets scale from the screen (its pixels, physical size and viewing distance) and applies
// the theme to ImGui's style.
void set_display(Ui& ui, const ScreenGeometry& screen);
void set_theme(Ui& ui, ThemeKind kind);

// Translated text of key; "[key]" when no I18n is attached, as I18n does for missing keys.
std::string tr(const Ui& ui, std::string_view key);

// Sizes: em = body font height; px(v) = v pixels at 1080 p. Touch targets use
// target_height() = the larger of 64 px at 1080 p and 2.3 em.
float em(const Ui& ui);
float px(const Ui& ui, float px_at_1080);
float target_height(const Ui& ui);
float tap_slop(const Ui& ui);  // finger movement (px) beyond which a press is a drag

// Whether widgets drawn now may take taps (false under a modal).
bool input_allowed(const Ui& ui);

// True when something moves by itself (list inertia): the loop must keep drawing.
bool ui_animating(const Ui& ui);

}  // namespace eric::ui
