// What the offer and training pages share: the action bar, the page frame, the session cards.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "kiosk/app/screen.h"
#include "kiosk/core/storage/store.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/ui.h"

namespace eric {
class I18n;
}

namespace eric::jobs {

// The actions under an offer or a training: try the trade, talk to an animator, take it away.
enum class DetailAction { None, TryTrade, Help, Takeaway };
float action_bar_height(const ui::Ui& ui, const I18n& i18n, float width);
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
// Session cards shown at first, and added by each "Voir plus".
inline constexpr int kSessionsStep = 3;
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

}  // namespace eric::jobs
