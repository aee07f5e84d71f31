// Drawing helper for the pictograms: strokes on a 24 x 24 grid scaled to the requested size.
#pragma once

#include <algorithm>
#include <cmath>
#include <initializer_list>

#include <imgui.h>
#include <numbers>

namespace eric::ui::detail {

struct Pen {
  ImDrawList* dl;
  ImVec2 origin;
  float k;      // pixels per grid unit
  ImU32 color;
  float width;  // stroke in pixels

  ImVec2 p(float x, float y) const { return ImVec2(origin.x + x * k, origin.y + y * k); }
  void line(float x0, float y0, float x1, float y1) const {
    dl->AddLine(p(x0, y0), p(x1, y1), color, width);
  }
  void path(std::initializer_list<ImVec2> pts, bool closed) const {
    for (const ImVec2& q : pts) dl->PathLineTo(p(q.x, q.y));
    dl->PathStroke(color, closed ? ImDrawFlags_Closed : ImDrawFlags_None, width);
  }
  void fill(std::initializer_list<ImVec2> pts) const {  // convex polygons only
    for (const ImVec2& q : pts) dl->PathLineTo(p(q.x, q.y));
    dl->PathFillConvex(color);
  }
  void rect(float x0, float y0, float x1, float y1, float r = 0) const {
    dl->AddRect(p(x0, y0), p(x1, y1), color, r * k, 0, width);
  }
  void fill_rect(float x0, float y0, float x1, float y1, float r = 0) const {
    dl->AddRectFilled(p(x0, y0), p(x1, y1), color, r * k);
  }
  void circle(float cx, float cy, float r) const {
    dl->AddCircle(p(cx, cy), r * k, color, 0, width);
  }
  void disc(float cx, float cy, float r) const { dl->AddCircleFilled(p(cx, cy), r * k, color, 0); }
  // Angles in degrees, clockwise on screen from +x (y grows downwards).
  void arc(float cx, float cy, float r, float deg0, float deg1) const {
    arc_to(cx, cy, r, deg0, deg1);
    dl->PathStroke(color, ImDrawFlags_None, width);
  }
  // Starts a free path: then to(), arc_to(), bezier_to(), and stroke().
  void to(float x, float y) const { dl->PathLineTo(p(x, y)); }
  // An explicit segment count (one per ~4 px of arc): ImGui's automatic one leaves a spike
  // at the end of partial arcs drawn large (a 200 px smile).
  void arc_to(float cx, float cy, float r, float deg0, float deg1) const {
    constexpr float kRad = std::numbers::pi_v<float> / 180.0f;
    const float length = std::fabs(deg1 - deg0) * kRad * r * k;
    const int segments = std::clamp(static_cast<int>(length / 4.0f), 6, 96);
    dl->PathArcTo(p(cx, cy), r * k, deg0 * kRad, deg1 * kRad, segments);
  }
  void bezier_to(float x1, float y1, float x2, float y2, float x3, float y3) const {
    dl->PathBezierCubicCurveTo(p(x1, y1), p(x2, y2), p(x3, y3), 0);
  }
  void stroke(bool closed) const {
    dl->PathStroke(color, closed ? ImDrawFlags_Closed : ImDrawFlags_None, width);
  }
};

// The trade, workshop and help-reason pictograms (pictograms_trades.cpp); false if p is not one.
bool draw_trade_picto(const Pen& pen, int picto);

}  // namespace eric::ui::detail
