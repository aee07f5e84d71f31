// A touch list: drag to scroll with inertia, virtualized (only visible rows are drawn).
#pragma once

#include <string>
#include <string_view>

#include <imgui.h>

namespace eric::ui {

struct Ui;

// Per-list state kept in Ui::scroll between frames (keyed by the list id).
struct ScrollState {
  float offset = 0;     // pixels scrolled from the top
  float velocity = 0;   // pixels per second, after a release (inertia)
  bool pressed = false;  // a finger went down inside the list and is still down
  bool dragging = false;  // it moved beyond the tap threshold: this gesture scrolls
  float max_offset = 0;  // content height - view height, from the last frame
};

// True while a list moves by itself or under a finger: the loop keeps drawing then.
bool scroll_animating(const ScrollState& s);
bool any_scroll_animating(const Ui& ui);
void reset_scroll(Ui& ui, std::string_view id);  // back to the top (new results)
// The strip at a list's outer edge that its scroll rail takes: what is drawn in a list that
// scrolls ends before it (the available width and row_width are narrowed while the list is
// drawn), so the rail covers no card's edge.
float scroll_rail_room(const Ui& ui);
// When a list keeps the rail's strip free: while it scrolls, or always (a page whose height
// follows its width: a width that changed with the scrolling would change what decides it).
enum class RailRoom { WhenScrolling, Always };
// The width to measure a list's rows at before the list is drawn (their height follows it):
// list_width less the rail's strip, the narrower of the two widths a row may get.
float list_row_width(const Ui& ui, float list_width);

// Usage, rows of a fixed height:
//   { ScrollList list(ui, "jobs", size, count, row_height, gap);
//     for (int i = list.first(); i < list.last(); ++i) { list.place(i); card(ui, ...); } }
// place(i) puts the cursor on row i and pushes i as ImGui id (rows may share labels).
// The region is clipped; a drag anywhere in it scrolls and never clicks a row.
class ScrollList {
 public:
  // size.x or size.y <= 0: the available width / height.
  ScrollList(Ui& ui, std::string_view id, ImVec2 size, int count, float row_height,
             float gap = 0, RailRoom room = RailRoom::WhenScrolling);
  ~ScrollList();
  ScrollList(const ScrollList&) = delete;
  ScrollList& operator=(const ScrollList&) = delete;

  int first() const { return first_; }
  int last() const { return last_; }
  void place(int index);
  float row_width() const { return right_ - rect_min_.x; }  // less the rail's strip
  bool animating() const;
  const ScrollState& state() const { return *state_; }

 private:
  Ui& ui_;
  ScrollState* state_;
  ImVec2 rect_min_, rect_max_;
  float right_ = 0;  // where the rows end: rect_max_.x, or before the rail's strip
  float work_right_ = 0, content_right_ = 0;  // the window's, given back when the list ends
  float row_height_, gap_;
  int first_ = 0, last_ = 0;
  bool id_pushed_ = false;
};

}  // namespace eric::ui
