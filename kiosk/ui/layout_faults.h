// The layout check of a drawn frame: what the widgets noted while drawing (probe.h
// LayoutFault: words cut, widgets off the screen) and what only the finished frame shows,
// text drawn larger than its glyphs were rasterised. The script runner fails a step on them,
// so every e2e script checks every screen it passes through at the size it runs at.
#pragma once

#include <string>
#include <vector>

#include "kiosk/ui/probe.h"

struct ImDrawData;
struct ImFontAtlas;

namespace eric::ui {

// Every glyph quad of the frame whose width exceeds the glyph's own (in the atlas) by more
// than 5 %: ImGui stretches the bitmap and the text blurs. Glyphs are found by their exact
// texture coordinates, so shapes and images never count.
std::vector<LayoutFault> upscaled_text(const ImDrawData& frame, const ImFontAtlas& atlas);

// The probe's faults, texts or targets drawn over each other, a field being typed into that
// the keyboard covers (or that its region does not show whole), and the upscaled text of the
// frame, one per kind and text.
std::vector<LayoutFault> layout_faults(const UiProbe& probe, const ImDrawData* frame,
                                       const ImFontAtlas* atlas);

// "mot coupé « Banque, assurance » (412, 300, 180 x 40)", for a failed step.
std::string describe(const LayoutFault& fault);

}  // namespace eric::ui
