// The registry of every screen: id -> factory, one line each.
#include "screens/screens.h"

#include "screens/closed_screen.h"
#include "screens/feedback_screen.h"
#include "screens/glossary_screen.h"
#include "screens/help_screens.h"
#include "screens/immersion_screens.h"
#include "screens/jobs_screens.h"
#include "screens/manager_enrol_screen.h"
#include "screens/manager_screens.h"
#include "screens/ticket_banner.h"

namespace eric {

void register_all_screens(ScreenRegistry& r) {
  r.add("home", make_home_screen);
  // Outside opening hours the shell draws this one alone (kiosk.conf's hours.*).
  r.add("closed", make_closed_screen);
  r.add("glossary", make_glossary_screen);
  r.add("staff.pin", make_staff_pin_screen);
  // The help path and the animator's desk.
  r.add("help.start", make_help_start_screen);
  r.add("help.ticket", make_help_ticket_screen);
  r.add("workshops", make_workshops_screen);
  r.add("workshop.detail", make_workshop_detail_screen);
  r.add("workshop.register", make_workshop_register_screen);
  r.add("workshop.done", make_workshop_done_screen);
  r.add("desk", make_desk_screen);
  r.add_overlay({draw_called_ticket_banner, called_ticket_banner_deadline_ms,
                 called_ticket_banner_height});
  // The job discovery path; its "What" screen also
  // serves the immersion path as "immersion.trade".
  r.add("jobs.what", [](const ScreenArgs&) { return make_pick_what_screen("jobs.what", "jobs"); });
  r.add("immersion.trade",
        [](const ScreenArgs&) { return make_pick_what_screen("immersion.trade", "immersion"); });
  r.add("pick.where", make_pick_where_screen);
  r.add("jobs.results", make_jobs_results_screen);
  r.add("job.detail", make_job_detail_screen);
  r.add("training.detail", make_training_detail_screen);
  r.add("job.takeaway", make_takeaway_screen);
  // The immersion booking path (its trade and place pickers are the jobs path's screens).
  r.add("immersion.results", make_immersion_results_screen);
  r.add("immersion.employer", make_immersion_employer_screen);
  r.add("immersion.form", make_immersion_form_screen);
  r.add("immersion.done", make_immersion_done_screen);
  // Every visitor path ends on "Did this kiosk help you?".
  r.add("feedback", make_feedback_screen);
  // The manager's space behind the manager PIN.
  r.add("manager", make_manager_screen);
  r.add("manager.outbox", make_manager_outbox_screen);
  r.add("manager.import", make_manager_import_screen);
  r.add("manager.settings", make_manager_settings_screen);
  r.add("manager.enrol", make_manager_enrol_screen);
}

}  // namespace eric
