// "feedback" {"path"}: "Cette borne vous a-t-elle aidé ?" with three faces, optional reason chips,
// "Envoyer" and "Passer". Anonymous: one outbox item on "Envoyer", nothing typed, ever.
#include "screens/feedback_screen.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cfloat>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/app/navigator.h"
#include "kiosk/app/services.h"
#include "kiosk/core/base/clock.h"
#include "kiosk/core/domain/feedback.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/pictograms.h"
#include "kiosk/ui/text_shaping.h"
#include "kiosk/ui/widgets.h"

namespace eric {

namespace {

// Left to right as read: no, a little, yes.
constexpr std::array<int, 3> kRatings = {kFeedbackNo, kFeedbackALittle, kFeedbackYes};

// A face drawn at its own size (the kit's pictograms are line icons for small sizes): a ring,
// two eyes and a mouth with round ends; the mouth says the answer without a word.
void draw_face(ImDrawList* dl, int rating, ImVec2 c, float r, ImU32 color) {
  constexpr float kRad = 3.14159265f / 180.0f;
  const float stroke = std::max(2.0f, std::round(r * 0.12f));
  dl->AddCircle(c, r - stroke * 0.5f, color, 64, stroke);
  for (float side : {-1.0f, 1.0f})
    dl->AddCircleFilled(ImVec2(c.x + side * 0.33f * r, c.y - 0.2f * r), 0.12f * r, color, 24);
  ImVec2 from, to;
  if (rating == kFeedbackALittle) {
    from = ImVec2(c.x - 0.38f * r, c.y + 0.38f * r);
    to = ImVec2(c.x + 0.38f * r, c.y + 0.38f * r);
    dl->AddLine(from, to, color, stroke);
  } else {
    // A smile is the lower part of a circle under the eyes; a frown the upper part of one
    // further down. Explicit segments: ImGui's automatic arc leaves a spike at the end.
    const bool yes = rating == kFeedbackYes;
    const ImVec2 mc(c.x, c.y + (yes ? 0.02f : 0.8f) * r);
    const float mr = (yes ? 0.5f : 0.45f) * r;
    const float a0 = (yes ? 25.0f : 205.0f) * kRad;
    const float a1 = (yes ? 155.0f : 335.0f) * kRad;
    dl->PathArcTo(mc, mr, a0, a1, 24);
    dl->PathStroke(color, ImDrawFlags_None, stroke);
    from = ImVec2(mc.x + mr * std::cos(a0), mc.y + mr * std::sin(a0));
    to = ImVec2(mc.x + mr * std::cos(a1), mc.y + mr * std::sin(a1));
  }
  dl->AddCircleFilled(from, stroke * 0.5f, color, 12);
  dl->AddCircleFilled(to, stroke * 0.5f, color, 12);
}

// The chips' lines, each line a list of indexes into labels, filled left to right.
std::vector<std::vector<size_t>> chip_lines(const ui::Ui& u, const std::vector<std::string>& labels,
                                            float width, float gap) {
  std::vector<std::vector<size_t>> lines;
  float x = 0;
  for (size_t i = 0; i < labels.size(); ++i) {
    const float w = ui::chip_width(u, labels[i]);
    if (lines.empty() || x + gap + w > width) {
      lines.emplace_back();
      x = w;
    } else {
      x += gap + w;
    }
    lines.back().push_back(i);
  }
  return lines;
}

// One line of text at y, centred in [x, x + width] (wrapped and left-aligned when too long).
void centered_text(ui::Ui& u, std::string_view s, float x, float y, float width,
                   ui::FontRole font, ui::Tone tone) {
  const float w = ui::text_size(u, s, font).x;
  ImGui::SetCursorScreenPos(ImVec2(std::round(x + std::max(0.0f, (width - w) * 0.5f)), y));
  ui::text(u, s, ui::TextOpts{font, tone, w > width ? width : -1});
}

class FeedbackScreen : public Screen {
 public:
  explicit FeedbackScreen(std::string path) : path_(std::move(path)) {}

  std::string_view id() const override { return "feedback"; }
  std::string title(ScreenContext& ctx) override { return ctx.i18n.tr("feedback.title"); }
  // The path is over and what was typed is gone: the way out is "Passer", not back.
  bool show_back() const override { return false; }

  void draw(ScreenContext& ctx) override {
    if (finished_) return;  // a second tap before the shell leaves finds nothing to press
    if (!counted_) {
      counted_ = true;
      if (is_feedback_path(path_)) ctx.services.usage.add(ctx.clock.today(), "path.done", path_);
    }
    ui::Ui& u = ctx.ui;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const Measures m = measure(ctx, avail.x);
    // Where the question, the smallest faces, the longest reasons and the buttons do not all
    // fit (a small screen at A++), the page scrolls rather than draw the buttons over the
    // reasons: nothing shrinks below the size the visitor chose.
    const bool fits = avail.y >= m.rest + m.min_card_h;
    std::optional<ui::ScrollPage> page;
    if (!fits) page.emplace(u, "feedback.page", ImVec2(0, 0), page_h_);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float height = fits ? avail.y : m.rest + m.min_card_h;
    draw_page(ctx, m, origin, ImVec2(avail.x, height));
    if (finished_) return;
    // The page's bottom, so a scrolling page measures all of it.
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height));
    ImGui::Dummy(ImVec2(0, 0));
  }

 private:
  // The heights of what lies around the faces, measured first so the faces take the height
  // that is left.
  struct Measures {
    std::string question, anonymous;
    float question_h = 0, anonymous_h = 0, heading_h = 0, buttons_h = 0, word_h = 0;
    float small_gap = 0, gap = 0, chip_gap = 0;
    float rest = 0;        // everything but the faces
    float min_card_h = 0;  // the smallest face card: its word and a face still readable
  };

  Measures measure(ScreenContext& ctx, float width) const {
    ui::Ui& u = ctx.ui;
    const I18n& t = ctx.i18n;
    Measures m;
    m.small_gap = ui::px(u, 12);
    m.gap = ui::px(u, 36);
    m.chip_gap = ui::px(u, 20);
    m.question = t.tr("feedback.question");
    m.anonymous = t.tr("feedback.anonymous");
    m.question_h = ui::text_size(u, m.question, ui::FontRole::Display, width).y;
    m.anonymous_h = ui::text_size(u, m.anonymous, ui::FontRole::Body, width).y;
    float chips_h = 0;  // room for the longest set of chips, so nothing moves when they appear
    for (int rating : kRatings) {
      const auto lines = chip_lines(u, reason_labels(t, rating), width, m.chip_gap);
      const float n = static_cast<float>(lines.size());
      chips_h = std::max(chips_h, n * ui::target_height(u) + (n - 1) * m.chip_gap);
    }
    m.heading_h = ui::text_size(u, "Ag", ui::FontRole::Heading).y;
    const float reasons_h = m.heading_h + m.small_gap + chips_h;
    m.buttons_h = ui::target_height(u);
    m.word_h = ui::text_size(u, "Ag", ui::FontRole::Title).y;
    m.rest = m.question_h + m.small_gap + m.anonymous_h + 3 * m.gap + reasons_h + m.buttons_h +
             ui::px(u, 32);
    m.min_card_h = m.word_h + ui::px(u, 120);
    return m;
  }

  // The question, the faces, the reasons and the buttons in a page of `size` from origin.
  void draw_page(ScreenContext& ctx, const Measures& m, ImVec2 origin, ImVec2 size) {
    ui::Ui& u = ctx.ui;
    const I18n& t = ctx.i18n;
    const float card_h = std::clamp(size.y - m.rest, m.min_card_h, ui::px(u, 340));
    // Every block at a computed height (not the flow's spacing), so what was measured is what
    // is drawn; height left over (small text) spreads between the blocks.
    const float extra = std::max(0.0f, size.y - m.rest - card_h) / 4;
    float y = origin.y + ui::px(u, 8) + extra;
    centered_text(u, m.question, origin.x, y, size.x, ui::FontRole::Display, ui::Tone::Title);
    y += m.question_h + m.small_gap;
    centered_text(u, m.anonymous, origin.x, y, size.x, ui::FontRole::Body, ui::Tone::Secondary);
    y += m.anonymous_h + m.gap + extra;
    draw_faces(ctx, origin.x, y, size.x, card_h, m.word_h);
    y += card_h + m.gap + extra;
    if (rating_ != 0) {
      centered_text(u, t.tr(rating_ == kFeedbackYes ? "feedback.reasons_good"
                                                    : "feedback.reasons_bad"),
                    origin.x, y, size.x, ui::FontRole::Heading, ui::Tone::Normal);
      draw_chips(ctx, origin.x, y + m.heading_h + m.small_gap, size.x, m.chip_gap);
    } else {
      centered_text(u, t.tr("feedback.touch_a_face"), origin.x, y, size.x,
                    ui::FontRole::Heading, ui::Tone::Secondary);
    }
    draw_buttons(ctx, origin.x, origin.y + size.y - m.buttons_h - ui::px(u, 24), size.x);
  }

  // The buttons at the page's bottom: "Passer" never moves, "Envoyer" comes with a face.
  void draw_buttons(ScreenContext& ctx, float x, float y, float width) {
    ui::Ui& u = ctx.ui;
    const I18n& t = ctx.i18n;
    ui::ButtonOpts send;
    send.width = ui::px(u, 480);
    ui::ButtonOpts skip;
    skip.kind = ui::ButtonKind::Secondary;
    skip.width = ui::px(u, 320);
    if (rating_ != 0) {
      // Centred, or on the left when the centre would reach "Passer" (a narrow screen).
      const float centred = std::round(x + (width - send.width) * 0.5f);
      const float limit = x + width - skip.width - ui::em(u) - send.width;
      ImGui::SetCursorScreenPos(ImVec2(std::max(x, std::min(centred, limit)), y));
      if (ui::big_button(u, t.tr("feedback.send"), send)) {
        finish(ctx, true);
        return;
      }
    }
    ImGui::SetCursorScreenPos(ImVec2(x + width - skip.width, y));
    if (ui::big_button(u, t.tr("feedback.skip"), skip)) finish(ctx, false);
  }

  static std::vector<std::string> reason_labels(const I18n& t, int rating) {
    std::vector<std::string> labels;
    for (std::string_view code : feedback_reasons(rating))
      labels.push_back(t.tr("feedback.reason." + std::string(code)));
    return labels;
  }

  void draw_faces(ScreenContext& ctx, float x, float y, float width, float card_h, float word_h) {
    ui::Ui& u = ctx.ui;
    // Three cards side by side whatever the width: on a narrow screen they get narrower
    // (a face in a card taller than wide), never pushed past the edges.
    const float gap = std::min(ui::px(u, 72), width * 0.04f);
    const float card_w = std::floor(std::min(card_h * 1.15f, (width - 2 * gap) / 3));
    const float row_w = 3 * card_w + 2 * gap;
    float cx = std::round(x + (width - row_w) * 0.5f);
    for (int rating : kRatings) {
      ImGui::SetCursorScreenPos(ImVec2(cx, y));
      const std::string word = ctx.i18n.tr("feedback.rating." + std::to_string(rating));
      if (face_button(u, rating, word, ImVec2(card_w, card_h), word_h)) choose(rating);
      cx += card_w + gap;
    }
  }

  // A big card holding a face and its word; the whole card is the target. Drawn here, not in
  // the widget kit, because only this screen has it; it follows the kit's touch rules (a tap
  // is a release on it without a drag, nothing under a modal) and records itself as a Tile.
  bool face_button(ui::Ui& u, int rating, const std::string& word, ImVec2 size, float word_h) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool allowed = ui::input_allowed(u);
    ImGui::PushID(rating);
    if (!allowed) ImGui::BeginDisabled();
    const bool released = ImGui::InvisibleButton("face", size);
    const bool held = ImGui::IsItemActive();
    if (!allowed) ImGui::EndDisabled();
    ImGui::PopID();
    const float slop = ui::tap_slop(u);
    const bool dragged = ImGui::GetIO().MouseDragMaxDistanceSqr[0] > slop * slop;

    const ui::Theme& th = u.theme;
    const bool chosen = rating_ == rating;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 end(pos.x + size.x, pos.y + size.y);
    const float rounding = th.rounding_em * ui::em(u);
    const ui::Color fill =
        chosen ? th.chip_active_bg : (held && !dragged ? th.pressed_bg : th.card);
    dl->AddRectFilled(pos, end, ui::to_u32(fill), rounding);
    // The chosen face: a thick frame and a check mark, not only a colour.
    const float stroke = chosen ? ui::px(u, 6) : std::max(1.0f, th.border_px * u.scale);
    dl->AddRect(pos, end, ui::to_u32(chosen ? th.primary : th.card_border), rounding, 0, stroke);
    const float pad = ui::px(u, 20);
    const float picto = std::max(1.0f, size.y - word_h - 2.5f * pad);
    // Another face chosen: this one steps back a little, still easy to tap instead.
    const ui::Color ink = rating_ != 0 && !chosen ? th.text_secondary : th.title;
    const ImVec2 centre(std::round(pos.x + size.x * 0.5f), std::round(pos.y + pad + picto * 0.5f));
    draw_face(dl, rating, centre, picto * 0.5f, ui::to_u32(ink));
    ImFont* font = u.fonts.get(ui::FontRole::Title);
    if (font) {
      const float fs = u.fonts.size(ui::FontRole::Title);
      // Shaped and in visual order: an Arabic word drawn raw shows as "???".
      const std::string clean = ui::clean_display_text(word);
      const std::string shown = ui::with_drawable_glyphs(
          font, ui::has_rtl(clean) ? ui::visual_line(clean, true) : clean);
      const ImVec2 ts = font->CalcTextSizeA(fs, FLT_MAX, 0.0f, shown.c_str());
      ui::add_text(u, dl, font, fs,
                   ImVec2(std::round(pos.x + (size.x - ts.x) * 0.5f),
                          std::round(end.y - pad - word_h + (word_h - ts.y) * 0.5f)),
                   ui::to_u32(chosen ? th.chip_active_text : th.text), shown);
    }
    if (chosen) {
      const float c = ui::px(u, 56);
      const ImVec2 cp(end.x - c - ui::px(u, 14), pos.y + ui::px(u, 14));
      dl->AddCircleFilled(ImVec2(cp.x + c * 0.5f, cp.y + c * 0.5f), c * 0.5f,
                          ui::to_u32(th.primary), 32);
      {
        const ui::KeepWhole unmirrored(u, dl);  // a check mark is never mirrored
        ui::draw_picto(dl, ui::Picto::Check, ImVec2(cp.x + c * 0.2f, cp.y + c * 0.2f), c * 0.6f,
                       ui::to_u32(th.on_primary));
      }
    }
    if (!allowed) return false;
    u.probe.record(ui::ProbeItem{ui::ProbeKind::Tile, word, chosen ? "active" : "", pos.x, pos.y,
                                 size.x, size.y, true});
    return released && !dragged;
  }

  // The reasons of the chosen face, several allowed, centred line by line from y down.
  void draw_chips(ScreenContext& ctx, float x, float y, float width, float chip_gap) {
    ui::Ui& u = ctx.ui;
    const auto codes = feedback_reasons(rating_);
    const std::vector<std::string> labels = reason_labels(ctx.i18n, rating_);
    for (const auto& line : chip_lines(u, labels, width, chip_gap)) {
      float line_w = 0;
      for (size_t i : line) line_w += ui::chip_width(u, labels[i]) + (line_w > 0 ? chip_gap : 0);
      float cx = std::round(x + (width - line_w) * 0.5f);
      for (size_t i : line) {
        ImGui::SetCursorScreenPos(ImVec2(cx, y));
        const std::string code(codes[i]);
        const auto it = std::find(reasons_.begin(), reasons_.end(), code);
        if (ui::chip(u, labels[i], it != reasons_.end())) {
          if (it == reasons_.end()) {
            reasons_.push_back(code);
          } else {
            reasons_.erase(it);
          }
        }
        cx += ui::chip_width(u, labels[i]) + chip_gap;
      }
      y += ui::target_height(u) + chip_gap;
    }
  }

  // Changing the face keeps only the reasons the new face also offers.
  void choose(int rating) {
    rating_ = rating;
    std::erase_if(reasons_, [&](const std::string& code) {
      const auto offered = feedback_reasons(rating);
      return std::find(offered.begin(), offered.end(), code) == offered.end();
    });
  }

  // "Envoyer" counts the answer once; "Passer" counts nothing. Either way the next visitor
  // finds the home screen and nothing of this one.
  void finish(ScreenContext& ctx, bool send) {
    finished_ = true;
    // An answer the file refuses (busy for too long) is lost: the visitor is thanked all the
    // same, there is nothing they could do about it.
    if (send && ctx.services.db)
      (void)feedback_add(*ctx.services.db, rating_, reasons_, path_, ctx.clock.now_s());
    ctx.ui.toasts.show(ctx.i18n.tr(send ? "feedback.thanks" : "feedback.bye"),
                       ctx.clock.now_ms(), ui::Toasts::kDefaultMs, ui::ToastKind::Success);
    ctx.session.wipe();
    ctx.nav.home();
  }

  std::string path_;
  int rating_ = 0;  // 0: no face chosen yet
  std::vector<std::string> reasons_;
  bool counted_ = false;
  bool finished_ = false;
  float page_h_ = 0;  // the page's height as last drawn, when it scrolls
};

}  // namespace

std::unique_ptr<Screen> make_feedback_screen(const ScreenArgs& args) {
  auto it = args.find("path");
  return std::make_unique<FeedbackScreen>(it == args.end() ? std::string() : it->second);
}

void end_visitor_path(ScreenContext& ctx, std::string_view path) {
  const int64_t started_ms = ctx.session.started_ms;
  ctx.session.wipe();
  ctx.session.started_ms = started_ms;
  if (!ctx.nav.open("feedback", {{"path", std::string(path)}})) ctx.nav.home();
}

}  // namespace eric
