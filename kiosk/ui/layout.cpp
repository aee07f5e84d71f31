// Layout helpers every screen shares (see layout.h).
#include "kiosk/ui/layout.h"

#include <algorithm>
#include <cmath>

#include "kiosk/ui/widgets.h"

namespace eric::ui {

float space_height(const Ui& ui, Space s) {
  switch (s) {
    case Space::Tight: return 0.25f * em(ui);
    case Space::Small: return 0.5f * em(ui);
    case Space::Medium: return 0.75f * em(ui);
    case Space::Large: return em(ui);
    case Space::Section: return 1.5f * em(ui);
    case Space::Wide: return 2.0f * em(ui);
  }
  return em(ui);
}

void space(const Ui& ui, Space s) {
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + space_height(ui, s));
}

ChipFlow::ChipFlow(Ui& ui, float width) : ui_(ui) {
  origin_ = ImGui::GetCursorScreenPos();
  right_ = origin_.x + (width > 0 ? width : ImGui::GetContentRegionAvail().x);
  x_ = origin_.x;
  y_ = origin_.y;
}

bool ChipFlow::chip(std::string_view label, bool active) {
  const float e = em(ui_);
  const float gap_x = 0.5f * e;
  const float w = chip_width(ui_, label);
  const float h = target_height(ui_);
  if (lines_ == 0) {
    lines_ = 1;
  } else if (x_ + w > right_) {
    x_ = origin_.x;
    y_ += line_h_ + 0.5f * e;
    ++lines_;
  }
  line_h_ = h;
  ImGui::SetCursorScreenPos(ImVec2(x_, y_));
  const bool tapped = ui::chip(ui_, label, active);
  x_ = std::max(x_ + w, ImGui::GetItemRectMax().x) + gap_x;
  return tapped;
}

ChipFlow::~ChipFlow() {
  ImGui::SetCursorScreenPos(ImVec2(origin_.x, y_ + (lines_ > 0 ? line_h_ : 0.0f)));
  ImGui::Dummy(ImVec2(0, 0));
}

void label_before_chips(Ui& ui, std::string_view label, const std::vector<std::string>& chips) {
  const ImVec2 row = ImGui::GetCursorScreenPos();
  const ImVec2 size = text_size(ui, label, FontRole::BodyBold);
  const float room = ImGui::GetContentRegionAvail().x - size.x - em(ui);
  float widest = 0;
  for (const std::string& c : chips) widest = std::max(widest, chip_width(ui, c));
  if (room < widest) {
    text(ui, label, TextOpts{FontRole::BodyBold});
    space(ui, Space::Tight);
    return;
  }
  ImGui::SetCursorScreenPos(ImVec2(row.x, std::round(row.y + (target_height(ui) - size.y) * 0.5f)));
  text(ui, label, TextOpts{FontRole::BodyBold, Tone::Normal, -1});
  ImGui::SetCursorScreenPos(ImVec2(row.x + size.x + em(ui), row.y));
}

ScrollPage::ScrollPage(Ui& ui, std::string_view id, ImVec2 size, float& content_h)
    : content_h_(content_h) {
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (size.x <= 0) size.x = avail.x;
  if (size.y <= 0) size.y = avail.y;
  if (content_h_ <= 0) content_h_ = size.y;
  // Its lines end before the rail's strip whether it scrolls or not: their height decides it.
  list_ = std::make_unique<ScrollList>(ui, id, size, 1, content_h_, 0.0f, RailRoom::Always);
  list_->place(0);
  top_ = ImGui::GetCursorScreenPos().y;
}

ScrollPage::~ScrollPage() {
  // What was drawn this frame sets the scroll extent of the next one.
  const float bottom = ImGui::GetCursorScreenPos().y;
  content_h_ = std::max(1.0f, bottom - top_);
  list_.reset();
}

TypingPage::TypingPage(Ui& ui, std::string_view id, KeyboardMode mode, float& content_h)
    : ui_(ui), id_(id), typed_before_(ui.probe.typed().size()) {
  top_ = ImGui::GetCursorScreenPos().y;
  bottom_ = ImGui::GetIO().DisplaySize.y - keyboard_height(ui, mode);
  const float room = std::max(target_height(ui), bottom_ - top_);
  bottom_ = top_ + room;
  page_ = std::make_unique<ScrollPage>(ui, id, ImVec2(0, room), content_h);
}

TypingPage::~TypingPage() {
  page_.reset();
  const auto& typed = ui_.probe.typed();
  if (typed.size() <= typed_before_) return;
  const TypedBox& box = typed.back();
  // Just enough: the box's bottom to the keyboard's top, or its top back into view.
  float shift = 0;
  if (box.y + box.h > bottom_) shift = box.y + box.h - bottom_;
  if (box.y - shift < top_) shift = box.y - top_;
  if (shift == 0) return;
  ScrollState& s = ui_.scroll[id_];
  s.offset = std::max(0.0f, s.offset + shift);
  s.velocity = 0;
}

void text_after(Ui& ui, std::string_view s, const TextOpts& opts) {
  const float gap = px(ui, 24);
  if (ImGui::GetContentRegionAvail().x - ImGui::GetItemRectSize().x - gap >=
      text_size(ui, s, opts.font).x)
    ImGui::SameLine(0, gap);
  text(ui, s, opts);
}

void fact(Ui& ui, std::string_view label, std::string_view value, float width) {
  if (value.empty()) return;
  const float left = ImGui::GetCursorScreenPos().x;
  if (width <= 0) width = ImGui::GetContentRegionAvail().x;
  text(ui, label, TextOpts{FontRole::BodyBold, Tone::Normal, -1});
  ImGui::SameLine(0, 0.4f * em(ui));
  // The value wraps inside the column it belongs to, never into the next one.
  const float room = left + width - ImGui::GetCursorScreenPos().x;
  text(ui, value, TextOpts{FontRole::Body, Tone::Normal, std::max(1.0f, room)});
}

namespace {

// The code centred in a column `width` wide, and its caption under it.
void code_for_phone(Ui& ui, const QrMatrix& qr, float module, float width,
                    std::string_view caption) {
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() +
                       std::floor((width - qr_side_px(qr, module)) * 0.5f));
  draw_qr(ui, qr, module);
  space(ui, Space::Small);
  text(ui, caption, TextOpts{FontRole::Body, Tone::Secondary, width});
}

}  // namespace

void receipt_with_code(Ui& ui, std::string_view id, const QrMatrix* qr, std::string_view caption,
                       float& page_h, const std::function<void()>& details,
                       const std::function<void()>& buttons) {
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float gap = px(ui, 64);
  // The caption as wrapped in the narrowest column, with the spacing around it.
  const float caption_h = text_size(ui, caption, FontRole::Body, px(ui, 440)).y +
                          space_height(ui, Space::Small) + 2 * ImGui::GetStyle().ItemSpacing.y;
  const float fit = qr ? std::floor((avail.y - caption_h) / qr_side_px(*qr, 1)) : 0;
  const float module = std::max(4.0f, std::min(qr_module_px(ui), fit));
  const float code_w = qr ? std::max(qr_side_px(*qr, module), px(ui, 440)) : 0;
  const bool stacked = qr && avail.x - code_w - gap < 20 * em(ui);
  const float page_w = qr && !stacked ? avail.x - code_w - gap : avail.x;
  constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoScrollbar |
                                      ImGuiWindowFlags_NoScrollWithMouse |
                                      ImGuiWindowFlags_NoBackground;
  const std::string name(id);
  ImGui::BeginChild((name + "##receipt").c_str(), ImVec2(page_w, avail.y), false, kFlags);
  {
    // The buttons stay in view under the page: their height, the gap and the spacing.
    const float buttons_h = target_height(ui) + px(ui, 16) + 3 * ImGui::GetStyle().ItemSpacing.y;
    {
      ScrollPage page(ui, name, ImVec2(0, avail.y - buttons_h), page_h);
      details();
      if (stacked) {
        space(ui, Space::Section);
        code_for_phone(ui, *qr, qr_module_px(ui), page_w, caption);
      }
    }
    space(ui, Space::Small);
    buttons();
  }
  ImGui::EndChild();
  if (!qr || stacked) return;
  ImGui::SameLine(0, gap);
  ImGui::BeginChild((name + "##code").c_str(), ImVec2(code_w, avail.y), false, kFlags);
  code_for_phone(ui, *qr, module, code_w, caption);
  ImGui::EndChild();
}

}  // namespace eric::ui
