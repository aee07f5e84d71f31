// Mirroring a drawn frame for right-to-left languages (see mirror.h).
#include "kiosk/ui/mirror.h"

#include <algorithm>
#include <cfloat>

#include <imgui_internal.h>

#include "kiosk/ui/ui.h"

namespace eric::ui {

namespace {

enum class Done : unsigned char { No, Yes };

// Moves vertices [b, e) by dx.
void shift(ImDrawList* dl, int b, int e, float dx) {
  for (int i = b; i < e; ++i) dl->VtxBuffer[i].pos.x += dx;
}

void bounds(const ImDrawList* dl, int b, int e, float& lo, float& hi) {
  lo = FLT_MAX;
  hi = -FLT_MAX;
  for (int i = b; i < e; ++i) {
    lo = std::min(lo, dl->VtxBuffer[i].pos.x);
    hi = std::max(hi, dl->VtxBuffer[i].pos.x);
  }
}

// A text run is glyph quads of 4 vertices in reading order; a quad starting well left of the
// one before (more than its own height: a combining mark only steps back a little) begins a
// new line of wrapped text, which moves on its own.
void mirror_text(ImDrawList* dl, int b, int e, float width, std::vector<Done>& done) {
  int line = b;
  float last_x = -FLT_MAX;
  auto flush = [&](int end) {
    if (end <= line) return;
    float lo = 0, hi = 0;
    bounds(dl, line, end, lo, hi);
    shift(dl, line, end, width - hi - lo);
  };
  for (int q = b; q + 4 <= e; q += 4) {
    const float x = dl->VtxBuffer[q].pos.x;
    const float h = dl->VtxBuffer[q + 2].pos.y - dl->VtxBuffer[q].pos.y;
    if (x < last_x - std::max(1.0f, h)) {
      flush(q);
      line = q;
    }
    last_x = x;
  }
  flush(e);
  std::fill(done.begin() + b, done.begin() + e, Done::Yes);
}

}  // namespace

void add_text(Ui& ui, ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 color,
              std::string_view text, float wrap_width) {
  const int begin = dl->VtxBuffer.Size;
  dl->AddText(font, size, pos, color, text.data(), text.data() + text.size(), wrap_width);
  if (dl->VtxBuffer.Size > begin)
    ui.mirror.runs.push_back({dl, begin, dl->VtxBuffer.Size, false});
}

KeepWhole::KeepWhole(Ui& ui, ImDrawList* dl) : ui_(ui), dl_(dl), begin_(dl->VtxBuffer.Size) {}

KeepWhole::~KeepWhole() {
  if (dl_->VtxBuffer.Size > begin_)
    ui_.mirror.runs.push_back({dl_, begin_, dl_->VtxBuffer.Size, true});
}

void begin_mirror_frame(Ui& ui) { ui.mirror.runs.clear(); }

void mirror_frame(Ui& ui, ImDrawData* data, float width) {
  MirrorState& m = ui.mirror;
  m.width = width;
  m.kept.clear();
  if (!data) return;
  std::vector<Done> done;
  for (int l = 0; l < data->CmdListsCount; ++l) {
    ImDrawList* dl = data->CmdLists[l];
    done.assign(static_cast<size_t>(dl->VtxBuffer.Size), Done::No);
    // Whole blocks first: the text inside a block moves with it.
    for (const MirrorRun& r : m.runs) {
      if (r.list != dl || !r.whole || r.vtx_end > dl->VtxBuffer.Size) continue;
      ImRect box(FLT_MAX, FLT_MAX, -FLT_MAX, -FLT_MAX);
      for (int i = r.vtx_begin; i < r.vtx_end; ++i) box.Add(dl->VtxBuffer[i].pos);
      const float dx = width - box.Max.x - box.Min.x;
      shift(dl, r.vtx_begin, r.vtx_end, dx);
      std::fill(done.begin() + r.vtx_begin, done.begin() + r.vtx_end, Done::Yes);
      m.kept.push_back({ImVec2(box.Min.x + dx, box.Min.y), ImVec2(box.Max.x + dx, box.Max.y), dx});
    }
    for (const MirrorRun& r : m.runs) {
      if (r.list != dl || r.whole || r.vtx_end > dl->VtxBuffer.Size) continue;
      if (done[static_cast<size_t>(r.vtx_begin)] == Done::Yes) continue;
      mirror_text(dl, r.vtx_begin, r.vtx_end, width, done);
    }
    for (int i = 0; i < dl->VtxBuffer.Size; ++i)
      if (done[static_cast<size_t>(i)] == Done::No)
        dl->VtxBuffer[i].pos.x = width - dl->VtxBuffer[i].pos.x;
    for (ImDrawCmd& cmd : dl->CmdBuffer) {
      const float x1 = cmd.ClipRect.x, x2 = cmd.ClipRect.z;
      cmd.ClipRect.x = width - x2;
      cmd.ClipRect.z = width - x1;
    }
  }
}

ImVec2 screen_to_layout(const Ui& ui, ImVec2 p) {
  const MirrorState& m = ui.mirror;
  if (!ui.rtl || m.width <= 0) return p;
  for (const KeptBlock& b : m.kept)
    if (p.x >= b.min.x && p.x < b.max.x && p.y >= b.min.y && p.y < b.max.y)
      return ImVec2(p.x - b.shift, p.y);
  return ImVec2(m.width - p.x, p.y);
}

}  // namespace eric::ui
