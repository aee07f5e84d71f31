// Factories of the job discovery path's screens, registered in screens.cpp.
#pragma once

#include <memory>

#include "kiosk/app/screen.h"

namespace eric {

// "jobs.what" (path "jobs") and "immersion.trade" (path "immersion"): 14 family tiles and a
// search box. A choice opens "<path>.results" with {"family": "F"}, {"trade": code,
// "label": text} or {"words": text}.
std::unique_ptr<Screen> make_pick_what_screen(std::string id, std::string path);
// "pick.where", args {"path"}: near this site, or a commune, and a radius (into the Session).
std::unique_ptr<Screen> make_pick_where_screen(const ScreenArgs& args);
// "jobs.results", args as above: offers nearest first, filters, paging, no dead end.
std::unique_ptr<Screen> make_jobs_results_screen(const ScreenArgs& args);
// The results' scrolling list, by its id in Ui::scroll (the frame benchmarks scroll it).
inline constexpr const char* kJobsResultsListId = "jobs.results.list";
// "job.detail", args {"id"}: the offer and the funded trainings that lead to it.
std::unique_ptr<Screen> make_job_detail_screen(const ScreenArgs& args);
// "training.detail", args {"id"}: a training, its sessions, the same actions.
std::unique_ptr<Screen> make_training_detail_screen(const ScreenArgs& args);
// "job.takeaway", args {"id"} (a job) or {"training"} (a training): a QR code to scan.
std::unique_ptr<Screen> make_takeaway_screen(const ScreenArgs& args);

}  // namespace eric
