// Physical screen size to drawing scale (see screen_scale.h).
#include "kiosk/ui/screen_scale.h"

#include <algorithm>
#include <cmath>

namespace eric::ui {

namespace {

constexpr float kMmPerInch = 25.4f;

float pixel_pitch_mm(float diagonal_in, float width_px, float height_px) {
  return diagonal_in * kMmPerInch / std::hypot(width_px, height_px);
}

}  // namespace

float design_scale(const ScreenGeometry& g) {
  const float w = std::max(1.0f, g.width_px);
  const float h = std::max(1.0f, g.height_px);
  const float short_side = std::min(w, h);
  float scale = std::max(1.0f, short_side / kReferenceHeightPx);
  if (g.diagonal_in > 0) {
    const float reference =
        pixel_pitch_mm(kReferenceDiagonalIn, kReferenceWidthPx, kReferenceHeightPx);
    const float distance =
        g.viewing_distance_cm > 0 ? g.viewing_distance_cm : kReferenceDistanceCm;
    scale = reference / pixel_pitch_mm(g.diagonal_in, w, h) * (distance / kReferenceDistanceCm);
  }
  // A tiny or very dense screen: keep room for a form and its keyboard rather than push
  // them off the edge. And never below half size, whatever a file says.
  scale = std::min(scale, short_side / kMinShortSideDesignPx);
  return std::max(scale, 0.5f);
}

float diagonal_from_dpi(float width_px, float height_px, float hdpi, float vdpi) {
  if (!(hdpi > 0) || !(vdpi > 0) || width_px <= 0 || height_px <= 0) return 0.0f;
  const float ratio = hdpi / vdpi;
  if (ratio < 0.8f || ratio > 1.25f) return 0.0f;
  const float diagonal = std::hypot(width_px / hdpi, height_px / vdpi);
  if (diagonal < 7.0f || diagonal > 110.0f) return 0.0f;
  return diagonal;
}

}  // namespace eric::ui
