// The end of every visitor path: "Did this kiosk help you?" (screen "feedback" {"path"}).
#pragma once

#include <memory>
#include <string_view>

#include "kiosk/app/screen.h"

namespace eric {

std::unique_ptr<Screen> make_feedback_screen(const ScreenArgs& args);

// Ends a visitor path ("jobs", "immersion", "help", "workshop"): forgets at once what the
// visitor typed (not at the time-out), then asks the feedback question. The visit itself goes
// on until the answer, so the shell does not count a second one.
void end_visitor_path(ScreenContext& ctx, std::string_view path);

}  // namespace eric
