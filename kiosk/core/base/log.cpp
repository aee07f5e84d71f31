// Log lines on standard error (see log.h).
#include "kiosk/core/base/log.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>

namespace eric {

namespace {

std::string& program() {
  static std::string name = "eric";
  return name;
}

// systemd sets JOURNAL_STREAM to "DEVICE:INODE" of the stream it gave us; the prefix is only
// worth writing when standard error is still that stream (not redirected by a test).
bool stderr_is_journal() {
  static const bool journal = [] {
    const char* env = std::getenv("JOURNAL_STREAM");
    if (env == nullptr || *env == '\0') return false;
    struct stat st {};
    if (fstat(STDERR_FILENO, &st) != 0) return false;
    unsigned long long dev = 0, ino = 0;
    if (std::sscanf(env, "%llu:%llu", &dev, &ino) != 2) return false;
    return dev == static_cast<unsigned long long>(st.st_dev) &&
           ino == static_cast<unsigned long long>(st.st_ino);
  }();
  return journal;
}

void write_line(int priority, std::string_view message) {
  // Two threads (the loop, the sync) may log at once: whole lines, never interleaved.
  static std::mutex mutex;
  std::lock_guard<std::mutex> lock(mutex);
  if (stderr_is_journal()) std::fprintf(stderr, "<%d>", priority);
  std::fprintf(stderr, "%s: %.*s\n", program().c_str(), static_cast<int>(message.size()),
               message.data());
  std::fflush(stderr);
}

}  // namespace

void log_set_program(std::string_view name) { program() = std::string(name); }
// Priorities of syslog(3), the numbers behind sd-daemon's SD_ERR, SD_WARNING and SD_INFO.
void log_error(std::string_view message) { write_line(3, message); }
void log_warning(std::string_view message) { write_line(4, message); }
void log_info(std::string_view message) { write_line(6, message); }

}  // namespace eric
