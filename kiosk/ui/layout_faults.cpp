// The layout check of a drawn frame (see layout_faults.h).
#include "kiosk/ui/layout_faults.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <set>
#include <unordered_map>
#include <utility>

#include <imgui.h>

namespace eric::ui {

namespace {

constexpr float kUpscaleTolerance = 1.05f;

uint64_t uv_key(float u, float v) {
  uint32_t a = 0, b = 0;
  std::memcpy(&a, &u, sizeof a);
  std::memcpy(&b, &v, sizeof b);
  return (static_cast<uint64_t>(a) << 32) | b;
}

struct GlyphBox {
  float u1 = 0, v1 = 0;  // the bottom-right texture corner
  float width = 0;       // as rasterised, in pixels
  unsigned codepoint = 0;
};

// Top-left texture corner -> the glyph, for every glyph of every font of the atlas.
std::unordered_map<uint64_t, GlyphBox> glyph_boxes(const ImFontAtlas& atlas) {
  std::unordered_map<uint64_t, GlyphBox> boxes;
  for (const ImFont* font : atlas.Fonts) {
    for (const ImFontGlyph& g : font->Glyphs) {
      const float w = g.X1 - g.X0;
      if (!g.Visible || w < 1.0f) continue;
      boxes.emplace(uv_key(g.U0, g.V0), GlyphBox{g.U1, g.V1, w, g.Codepoint});
    }
  }
  return boxes;
}

std::string kind_words(LayoutFaultKind kind) {
  switch (kind) {
    case LayoutFaultKind::CutWord: return "mot coupé";
    case LayoutFaultKind::OffScreen: return "hors de l'écran";
    case LayoutFaultKind::Upscaled: return "texte agrandi (flou)";
    case LayoutFaultKind::Overlap: return "l'un sur l'autre";
    case LayoutFaultKind::UnderKeyboard: return "champ caché pendant la saisie";
  }
  return "défaut";
}

// Two texts over each other, or two targets over each other: one hides the other, or a
// finger on one lands on both. Items inside one another (a text on its card) are not
// compared: only items of the same family.
bool overlapping(const ProbeItem& a, const ProbeItem& b) {
  constexpr float kSlack = 2.0f;  // anti-aliased edges touching are not an overlap
  const float w = std::min(a.x + a.w, b.x + b.w) - std::max(a.x, b.x);
  const float h = std::min(a.y + a.h, b.y + b.h) - std::max(a.y, b.y);
  return w > kSlack && h > kSlack;
}

std::vector<LayoutFault> overlaps(const UiProbe& probe) {
  std::vector<LayoutFault> faults;
  const auto& items = probe.items();
  for (size_t i = 0; i < items.size(); ++i) {
    for (size_t j = i + 1; j < items.size(); ++j) {
      const ProbeItem& a = items[i];
      const ProbeItem& b = items[j];
      if (a.layer != b.layer) continue;  // a toast or a modal over the page is meant to be
      const bool texts = a.kind == ProbeKind::Text && b.kind == ProbeKind::Text;
      const bool targets = a.tappable && b.tappable;
      if ((texts || targets) && overlapping(a, b))
        faults.push_back(LayoutFault{LayoutFaultKind::Overlap, a.text + " / " + b.text, b.x,
                                     b.y, b.w, b.h});
    }
  }
  return faults;
}

// The field the keyboard types into must stay in sight: a visitor who cannot see what they
// type cannot tell a wrong key. Under the keyboard's area, or partly scrolled out of its
// region, it is hidden.
std::vector<LayoutFault> hidden_while_typing(const UiProbe& probe) {
  std::vector<LayoutFault> faults;
  const TypedBox* keyboard = probe.keyboard();
  if (!keyboard) return faults;  // no keyboard open: nothing is being typed
  constexpr float kSlack = 2.0f;
  for (const TypedBox& box : probe.typed()) {
    const bool covered = box.y + box.h > keyboard->y + kSlack &&
                         box.y < keyboard->y + keyboard->h - kSlack &&
                         box.x + box.w > keyboard->x + kSlack &&
                         box.x < keyboard->x + keyboard->w - kSlack;
    if (covered || !box.shown_whole)
      faults.push_back(LayoutFault{LayoutFaultKind::UnderKeyboard, box.label, box.x, box.y,
                                   box.w, box.h});
  }
  return faults;
}

}  // namespace

std::vector<LayoutFault> upscaled_text(const ImDrawData& frame, const ImFontAtlas& atlas) {
  std::vector<LayoutFault> faults;
  const auto boxes = glyph_boxes(atlas);
  for (int l = 0; l < frame.CmdListsCount; ++l) {
    const ImVector<ImDrawVert>& vtx = frame.CmdLists[l]->VtxBuffer;
    // AddText writes each glyph as four vertices: top-left, top-right, bottom-right,
    // bottom-left.
    for (int i = 0; i + 2 < vtx.Size; ++i) {
      const auto it = boxes.find(uv_key(vtx[i].uv.x, vtx[i].uv.y));
      if (it == boxes.end()) continue;
      const GlyphBox& g = it->second;
      if (vtx[i + 2].uv.x != g.u1 || vtx[i + 2].uv.y != g.v1) continue;
      const float drawn = vtx[i + 2].pos.x - vtx[i].pos.x;
      if (drawn > g.width * kUpscaleTolerance) {
        faults.push_back(LayoutFault{LayoutFaultKind::Upscaled,
                                     "U+" + std::to_string(g.codepoint), vtx[i].pos.x,
                                     vtx[i].pos.y, drawn, vtx[i + 2].pos.y - vtx[i].pos.y});
      }
      i += 3;
    }
  }
  return faults;
}

std::vector<LayoutFault> layout_faults(const UiProbe& probe, const ImDrawData* frame,
                                       const ImFontAtlas* atlas) {
  std::vector<LayoutFault> all = probe.faults();
  for (LayoutFault& f : overlaps(probe)) all.push_back(std::move(f));
  for (LayoutFault& f : hidden_while_typing(probe)) all.push_back(std::move(f));
  if (frame && atlas) {
    std::vector<LayoutFault> blurred = upscaled_text(*frame, *atlas);
    // One is enough to tell: a blurred text is blurred in all its letters.
    if (!blurred.empty()) all.push_back(blurred.front());
  }
  std::vector<LayoutFault> distinct;
  std::set<std::pair<int, std::string>> seen;
  for (LayoutFault& f : all) {
    if (seen.emplace(static_cast<int>(f.kind), f.text).second) distinct.push_back(std::move(f));
  }
  return distinct;
}

std::string describe(const LayoutFault& f) {
  const auto n = [](float v) { return std::to_string(static_cast<int>(std::lround(v))); };
  return kind_words(f.kind) + " « " + f.text + " » (" + n(f.x) + ", " + n(f.y) + ", " + n(f.w) +
         " x " + n(f.h) + ")";
}

}  // namespace eric::ui
