// The import report in words (see import_report.h).
#include "sync/server/import_report.h"

namespace eric::server {

int64_t ImportReport::records_read() const {
  int64_t n = 0;
  for (const auto& [type, c] : by_type) n += c.read;
  return n;
}

int64_t ImportReport::changes() const {
  int64_t n = 0;
  for (const auto& [type, c] : by_type) n += c.added + c.updated + c.deleted;
  return n;
}

std::string format_report(const ImportReport& r, std::size_t max_problems) {
  std::string out = "Import " + r.kind + (r.dry_run ? " (essai : rien n'est écrit)" : "") + "\n";
  for (const auto& [type, c] : r.by_type) {
    out += "  " + type + " : " + std::to_string(c.read + c.rejected) + " lus, " + std::to_string(c.added) +
           " ajoutés, " + std::to_string(c.updated) + " modifiés, " +
           std::to_string(c.unchanged) + " inchangés, " + std::to_string(c.deleted) +
           " supprimés, " + std::to_string(c.rejected) + " écartés\n";
  }
  for (const auto& [what, n] : r.notes) out += "  " + what + " : " + std::to_string(n) + "\n";
  if (r.full_refused) {
    out += "  --full ignoré : aucun enregistrement lu, rien n'a été supprimé.\n";
  }
  if (r.dry_run) {
    out += "  " + std::to_string(r.changes()) + " changement(s) prévu(s), aucun écrit (curseur " +
           std::to_string(r.cursor_before) + ")\n";
  } else if (r.cursor_after != r.cursor_before) {
    out += "  curseur " + std::to_string(r.cursor_before) + " -> " +
           std::to_string(r.cursor_after) + "\n";
  } else {
    out += "  aucun changement pour les bornes (curseur " + std::to_string(r.cursor_after) + ")\n";
  }
  out += std::to_string(r.problems.size()) + " problème(s)\n";
  std::size_t shown = 0;
  for (const auto& p : r.problems) {
    if (shown++ == max_problems) {
      out += "  ... et " + std::to_string(r.problems.size() - max_problems) + " autres\n";
      break;
    }
    out += "  " + p.place + " : " + p.sentence + "\n";
  }
  return out;
}

}  // namespace eric::server
