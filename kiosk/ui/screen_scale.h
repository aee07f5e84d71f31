// How large the kiosk draws on the screen it is on: one "design pixel" (the unit of the
// mockups and of px(), drawn for a 23.8-inch 1920x1080 screen read from 60 cm) turned into
// device pixels from the physical size of the screen and the viewing distance, so a letter
// or a key has the same size for the eye on a 1366x768 terminal, a 4K panel or a portrait
// totem. No SDL here: the platform reads the physical size and hands it over.
#pragma once

namespace eric::ui {

// The screen the design was drawn for: 1920x1080 on 23.8 inches (0.274 mm a pixel) at 60 cm.
inline constexpr float kReferenceDiagonalIn = 23.8f;
inline constexpr float kReferenceWidthPx = 1920.0f;
inline constexpr float kReferenceHeightPx = 1080.0f;
inline constexpr float kReferenceDistanceCm = 60.0f;
// Below this many design pixels on its short side a layout cannot hold a form and its
// keyboard: on a very small or very dense screen the scale gives way (text gets smaller
// rather than off the screen).
inline constexpr float kMinShortSideDesignPx = 640.0f;

struct ScreenGeometry {
  float width_px = kReferenceWidthPx;    // drawable size in device pixels
  float height_px = kReferenceHeightPx;
  float diagonal_in = 0.0f;              // physical diagonal; 0 = unknown
  float viewing_distance_cm = 0.0f;      // 0 = the reference 60 cm
};

// Device pixels per design pixel. With a known diagonal: the reference pixel pitch over this
// screen's pitch, times distance / 60 cm (twice as far, twice as large). Unknown diagonal:
// 1 up to a short side of 1080 (a 1366x768 panel is not physically smaller than a 1080p one:
// its pixels are larger), the short side over 1080 beyond (QHD and 4K panels have denser
// pixels); a portrait 1080x1920 scales like a landscape 1920x1080.
float design_scale(const ScreenGeometry& g);

// The physical diagonal from the dots per inch the display reports (SDL_GetDisplayDPI), or 0
// when the figures cannot be a real screen (no EDID, a projector's "unknown" size, a
// virtual display): between 7 and 110 inches, square pixels within 25 %.
float diagonal_from_dpi(float width_px, float height_px, float hdpi, float vdpi);

}  // namespace eric::ui
