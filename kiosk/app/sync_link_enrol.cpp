// Enrolment from the manager's screen (see SyncLink::start_enrolment in sync_link.h): the HTTP
// exchange and the store's write on a thread of their own, with their own connection, so the
// screen keeps drawing while the server answers (15 s at most).
#include <unistd.h>

#include "kiosk/app/sync_link.h"
#include "kiosk/core/storage/store.h"

namespace eric {

namespace {

// The terminal's name on the server: the machine's, as eric-kioskctl enroll gives it.
std::string host_name() {
  char host[256] = "terminal";
  gethostname(host, sizeof host - 1);
  host[sizeof host - 1] = '\0';
  return host;
}

}  // namespace

bool SyncLink::start_enrolment(const std::string& url, const std::string& code) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (enrol_.running) return false;
    enrol_ = EnrolLive{};
    enrol_.running = true;
  }
  if (enrol_thread_.joinable()) enrol_thread_.join();  // the previous one has finished
  enrol_thread_ = std::thread([this, url, code] {
    Status status;
    EnrollResult result;
    std::unique_ptr<Database> db = open_store(db_path_, status, kiosk_connection());
    if (db) status = enroll_terminal(*db, url, code, host_name(), "", &result);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      enrol_.running = false;
      enrol_.done = true;
      enrol_.status = status;
      enrol_.site_id = result.site_id;
      ++enrols_finished_;
    }
    notify();
  });
  return true;
}

EnrolLive SyncLink::enrolment_state() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return enrol_;
}

}  // namespace eric
