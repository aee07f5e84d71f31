// The three panels of the animator's desk (queue, workshops, immersion requests), drawn by desk_screen.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/app/screen.h"
#include "kiosk/core/domain/help_desk.h"
#include "kiosk/core/domain/immersion.h"
#include "kiosk/core/domain/workshops.h"

namespace eric {

// What a panel needs: the frame's context, the store, the time, who acts.
// What the desk shows, read from the store when the desk opens, after each desk action and
// every 30 s (a sync may bring answers meanwhile): never at every frame.
struct DeskData {
  std::vector<HelpTicket> queue;
  HelpDayCounts counts;
  std::vector<ImmersionRequestRow> requests;
  std::vector<WorkshopCard> workshops;
  std::string registrations_of;  // the workshop whose registrations are loaded
  std::vector<Registration> registrations;
  int64_t loaded_at_s = 0;
  bool stale = true;
};
// Reads everything again when it is stale or 30 s old.
void refresh_desk_data(DeskData& data, Database& db, std::string_view site_id, int64_t now_s);
// The registrations made here for a workshop, unless they are the ones already loaded.
void load_registrations(DeskData& data, Database& db, std::string_view workshop_id);

struct DeskContext {
  ScreenContext& ctx;
  Database& db;
  int64_t now_s;
  std::string role;  // "animator" or "manager", for the desk log
  DeskData& data;
};

// The workshops panel's state between frames: which workshop, the walk-in being typed.
struct DeskWorkshopsState {
  std::string selected_id;
  bool typing_walk_in = false;
  std::string walk_in_name;  // a first name: wiped when the desk closes
  std::string message;       // the last refusal, in words
  float typing_h = 0;        // the chosen workshop's page above the keyboard, as last drawn
  DeskWorkshopsState() = default;
  DeskWorkshopsState(const DeskWorkshopsState&) = delete;
  DeskWorkshopsState& operator=(const DeskWorkshopsState&) = delete;
  ~DeskWorkshopsState() {
    walk_in_name.assign(walk_in_name.size(), '\0');
    walk_in_name.clear();
  }
};

// After a desk action: what the desk shows is read again at the next frame, and an action the
// file refused (busy with a sync for too long) shows why in a toast; the staff member can tap
// again, nothing was half-written.
void after_desk_action(const DeskContext& desk, const Status& status);

void draw_queue_panel(const DeskContext& desk, const std::vector<HelpTicket>& queue);
void draw_workshops_panel(const DeskContext& desk, DeskWorkshopsState& state);
void draw_immersion_panel(const DeskContext& desk, const std::vector<ImmersionRequestRow>& rows);

}  // namespace eric
