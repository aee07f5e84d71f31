// Switching from root to the owner of the kiosk's folder (see run_as_owner.h).
#include "kiosk/ctl/run_as_owner.h"

#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace eric {

Status become_owner_of(const std::string& data_dir) {
  if (geteuid() != 0) return Status::success();
  struct stat st {};
  if (stat(data_dir.c_str(), &st) != 0 || st.st_uid == 0) return Status::success();
  const std::string refuse = "lancé en root, eric-kioskctl travaille comme le propriétaire de " +
                             data_dir + " (uid " + std::to_string(st.st_uid) + ")";
  // getpwuid_r: the buffer is ours, nothing static is shared.
  std::vector<char> buffer(16384);
  passwd pw{};
  passwd* found = nullptr;
  if (getpwuid_r(st.st_uid, &pw, buffer.data(), buffer.size(), &found) != 0 || !found) {
    return Status::error("no_user", refuse + ", mais cet utilisateur n'existe pas. Refusé.");
  }
  if (initgroups(pw.pw_name, pw.pw_gid) != 0 || setgid(pw.pw_gid) != 0 ||
      setuid(pw.pw_uid) != 0) {
    return Status::error("no_switch", refuse + " (" + pw.pw_name + "), mais le changement " +
                                          "d'utilisateur a échoué : " + std::strerror(errno) +
                                          ". Refusé.");
  }
  // setuid from root drops the saved uid too; a way back would mean the switch failed.
  if (setuid(0) == 0) {
    return Status::error("no_switch", refuse + " : retour à root possible. Refusé.");
  }
  return Status::success();
}

}  // namespace eric
