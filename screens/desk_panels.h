// The three panels of the animator's desk (queue, workshops, immersion requests), drawn by desk_screen.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/app/screen.h"
#include "kiosk/core/domain/help_desk.h"
#include "kiosk/core/domain/immersion.h"
#include "kiosk/core/domain/workshops.h"

namespace eric {

// What a panel needs: the frame's context, the store, the time, who acts.
struct DeskContext {
  ScreenContext& ctx;
  Database& db;
  int64_t now_s;
  std::string role;  // "animator" or "manager", for the desk log
};

// The workshops panel's state between frames: which workshop, the walk-in being typed.
struct DeskWorkshopsState {
  std::string selected_id;
  bool typing_walk_in = false;
  std::string walk_in_name;  // a first name: wiped when the desk closes
  std::string message;       // the last refusal, in words
  DeskWorkshopsState() = default;
  DeskWorkshopsState(const DeskWorkshopsState&) = delete;
  DeskWorkshopsState& operator=(const DeskWorkshopsState&) = delete;
  ~DeskWorkshopsState() {
    walk_in_name.assign(walk_in_name.size(), '\0');
    walk_in_name.clear();
  }
};

// A desk action the file refused (busy with a sync for too long): the staff member reads why
// in a toast and can tap again; nothing was half-written.
void report_desk_failure(const DeskContext& desk, const Status& status);

void draw_queue_panel(const DeskContext& desk, const std::vector<HelpTicket>& queue);
void draw_workshops_panel(const DeskContext& desk, DeskWorkshopsState& state);
void draw_immersion_panel(const DeskContext& desk, const std::vector<ImmersionRequestRow>& rows);

}  // namespace eric
