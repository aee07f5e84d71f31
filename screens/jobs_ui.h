// Layout helpers of the job discovery screens: chips that wrap, a page that scrolls by dragging.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "kiosk/app/screen.h"
#include "kiosk/core/store.h"
#include "kiosk/ui/scroll_list.h"
#include "kiosk/ui/ui.h"

namespace eric {
class I18n;
}

namespace eric::jobs {

// Chips laid out left to right, going to a new line when the next one would not fit.
class ChipFlow {
 public:
  // width <= 0: the available width at the cursor.
  explicit ChipFlow(ui::Ui& ui, float width = 0);
  ~ChipFlow();  // leaves the cursor under the last line
  ChipFlow(const ChipFlow&) = delete;
  ChipFlow& operator=(const ChipFlow&) = delete;

  bool chip(std::string_view label, bool active);
  // Lines started so far (1 after the first chip).
  int lines() const { return lines_; }

 private:
  ui::Ui& ui_;
  ImVec2 origin_;
  float right_ = 0;
  float x_ = 0, y_ = 0;  // where the next chip goes
  float line_h_ = 0;
  int lines_ = 0;
};

// A column of content of any height that scrolls by dragging (a one-row ScrollList whose row
// is as tall as what was drawn in it last frame). Draw between construction and destruction.
class ScrollPage {
 public:
  // content_h keeps the measured height between frames (a member of the screen).
  ScrollPage(ui::Ui& ui, std::string_view id, ImVec2 size, float& content_h);
  ~ScrollPage();
  ScrollPage(const ScrollPage&) = delete;
  ScrollPage& operator=(const ScrollPage&) = delete;

 private:
  float& content_h_;
  float top_ = 0;
  std::unique_ptr<ui::ScrollList> list_;
};

// The actions under an offer or a training: try the trade, talk to an animator, take it away.
enum class DetailAction { None, TryTrade, Help, Takeaway };
float action_bar_height(const ui::Ui& ui);
// Drawn at the cursor, left to right; "Essayer ce métier" is the one primary action.
DetailAction action_bar(ui::Ui& ui, const I18n& i18n);

// Where the actions of an offer or a training lead.
struct DetailTarget {
  std::string trade_code;    // the trade to try in immersion
  std::string trade_label;
  std::string help_context;  // what the animator sees beside the ticket
  ScreenArgs takeaway;       // the args of "job.takeaway"
};

// The frame the offer and the training share: a page that scrolls by dragging, filled by
// draw_body, above the action bar that stays at the bottom; a tapped action opens its screen.
void detail_page(ScreenContext& ctx, std::string_view page_id, float& content_h,
                 const std::function<void()>& draw_body,
                 const std::function<DetailTarget()>& target);
// When the record left the catalog since the list was drawn: say so, and offer the way back.
void detail_gone(ScreenContext& ctx, std::string_view message_key);
// The two lines of a session card that an offer and a training word differently.
struct SessionLines {
  std::string title;
  std::string secondary;
};
// What was tapped in a list of session cards this frame.
struct SessionListTap {
  int card = -1;      // the index of the tapped card; -1: none
  bool more = false;  // "Voir plus"
};
// The training sessions under an offer or a training, shared so both pages look the same: a
// heading, a sentence when there is none, else a card for each of the first `shown` (its lines
// from `lines`, the distance and commune on the right), then "Voir plus" when more are loaded.
SessionListTap session_cards(ScreenContext& ctx, std::string_view title_key,
                             std::string_view empty_key, const std::vector<SessionCard>& sessions,
                             int shown,
                             const std::function<SessionLines(const SessionCard&)>& lines);

// A heading and its paragraph (a description); nothing when the text is empty.
void titled_text(ScreenContext& ctx, std::string_view title_key, std::string_view text);

// A label in bold and its value after it, on one line ("Contrat : CDI"); nothing when the
// value is empty.
void fact(ui::Ui& ui, std::string_view label, std::string_view value);

// Vertical space of v pixels at 1080 p, on top of the usual spacing between items.
void gap(ui::Ui& ui, float px_at_1080);

}  // namespace eric::jobs
