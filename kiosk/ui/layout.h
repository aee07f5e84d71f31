// Layout helpers every screen shares: the one vertical spacing scale, chips that wrap, a page
// that scrolls by dragging, and a "label: value" line.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/qr_view.h"
#include "kiosk/ui/scroll_list.h"
#include "kiosk/ui/ui.h"
#include "kiosk/ui/widgets.h"

namespace eric::ui {

// Vertical space between blocks, in body font heights, so it grows with the text size (A++):
// Tight 0.25 em, Small 0.5, Medium 0.75, Large 1, Section 1.5, Wide 2 (7 to 56 px at A, 1080 p).
enum class Space { Tight, Small, Medium, Large, Section, Wide };
float space_height(const Ui& ui, Space s);
// Moves the cursor down by the space. It adds no item, so ImGui's item spacing is not added
// on top (an ImGui::Dummy would add it).
void space(const Ui& ui, Space s);

// Chips laid out left to right, going to a new line when the next one would not fit.
class ChipFlow {
 public:
  // width <= 0: the available width at the cursor.
  explicit ChipFlow(Ui& ui, float width = 0);
  ~ChipFlow();  // leaves the cursor under the last line
  ChipFlow(const ChipFlow&) = delete;
  ChipFlow& operator=(const ChipFlow&) = delete;

  bool chip(std::string_view label, bool active);
  // Lines started so far (1 after the first chip).
  int lines() const { return lines_; }

 private:
  Ui& ui_;
  ImVec2 origin_;
  float right_ = 0;
  float x_ = 0, y_ = 0;  // where the next chip goes
  float line_h_ = 0;
  int lines_ = 0;
};

// The bold label of the chips that follow ("Touchez votre commune :"), level with their first
// row where the widest of them fits beside it, else above them: a short screen (1366x768 at
// A++, a keyboard open) keeps a whole row of chips in sight. Leaves the cursor where the
// ChipFlow is to start.
void label_before_chips(Ui& ui, std::string_view label, const std::vector<std::string>& chips);

// A column of content of any height that scrolls by dragging (a one-row ScrollList whose row
// is as tall as what was drawn in it last frame). Draw between construction and destruction.
class ScrollPage {
 public:
  // content_h keeps the measured height between frames (a member of the screen).
  ScrollPage(Ui& ui, std::string_view id, ImVec2 size, float& content_h);
  ~ScrollPage();
  ScrollPage(const ScrollPage&) = delete;
  ScrollPage& operator=(const ScrollPage&) = delete;

 private:
  float& content_h_;
  float top_ = 0;
  std::unique_ptr<ScrollList> list_;
};

// A receipt to take away: its details on a page that scrolls, its buttons under the page and
// always in view, and a QR code with its caption beside the page, or at the page's end where
// the screen is too narrow for both (a portrait screen). Beside, the code's modules shrink
// (down to 4 px, still read by a phone) to fit the height of a short screen. qr: nullptr when
// there is no code. page_h keeps the page's measured height between frames (a member of the
// screen). The details and the buttons are drawn by the screen, at the cursor.
void receipt_with_code(Ui& ui, std::string_view id, const QrMatrix* qr, std::string_view caption,
                       float& page_h, const std::function<void()>& details,
                       const std::function<void()>& buttons);

// What a page shows above the on-screen keyboard while it is open: a ScrollPage down to the
// keyboard's top that keeps the field being typed in view (text_field with focused, or
// typing_box): when that field would fall under the keyboard (a small screen, A++), the page
// is scrolled just enough, from the next frame, and what is above it can be dragged back.
class TypingPage {
 public:
  TypingPage(Ui& ui, std::string_view id, KeyboardMode mode, float& content_h);
  ~TypingPage();
  TypingPage(const TypingPage&) = delete;
  TypingPage& operator=(const TypingPage&) = delete;

 private:
  Ui& ui_;
  std::string id_;
  float top_ = 0, bottom_ = 0;
  size_t typed_before_ = 0;  // the probe's typed boxes recorded before this page
  std::unique_ptr<ScrollPage> page_;
};

// A short text after the last item (a hint beside a button): on its line when it fits,
// else under it, never past the edge.
void text_after(Ui& ui, std::string_view s, const TextOpts& opts);

// A label in bold and its value after it ("Contrat : CDI"), the value wrapped within `width`
// from the cursor (0: the available width); nothing when the value is empty.
void fact(Ui& ui, std::string_view label, std::string_view value, float width = 0);

}  // namespace eric::ui
