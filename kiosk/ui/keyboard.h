// The on-screen keyboards: AZERTY with French accents, numeric and phone pads, the PIN pad.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace eric::ui {

struct Ui;

enum class KeyboardMode {
  Text,     // AZERTY + accented letters + space
  Email,    // AZERTY + digits + @ . - _ (no accents, no space)
  Url,      // AZERTY + digits + : / . - _ and "https://" (a server's address)
  Numeric,  // 0-9 (postal codes)
  Phone,    // 0-9, + and space
};

// Lives in Ui, so shift survives between frames; the caller owns the edited text.
struct KeyboardState {
  bool shift = false;  // one-shot: the next letter is a capital, then it goes back
};

struct KeyboardOpts {
  KeyboardMode mode = KeyboardMode::Text;
  size_t max_chars = 60;  // in characters (codepoints), not bytes
};

enum class KeyResult { None, Edited, Ok };

// Height the keyboard takes at the bottom of the display; the screen lays out above it.
float keyboard_height(const Ui& ui, KeyboardMode mode);
// Draws the keyboard in its own window along the bottom of the display and edits text.
// Each key is recorded in the probe as ProbeKind::Key, key = what it types.
KeyResult keyboard(Ui& ui, std::string& text, const KeyboardOpts& opts);

// PIN entry drawn in the current window at the cursor: a row of dots (never the digits) and a
// 3 x 4 pad (1-9, Effacer, 0, Valider). Ok is returned only when pin is not empty.
KeyResult pin_pad(Ui& ui, std::string& pin, size_t max_digits);


// Capital of a keyboard letter ("é" -> "É", "œ" -> "Œ"); other keys unchanged.
std::string key_upper(std::string_view key);

}  // namespace eric::ui
