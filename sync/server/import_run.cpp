// The import command's work (see import_run.h).
#include "sync/server/import_run.h"

#include "kiosk/core/base/clock.h"
#include "kiosk/demo/reference_data.h"
#include "sync/server/import_context.h"
#include "sync/server/server_store.h"

namespace eric::server {

const std::vector<std::string>& import_kinds() {
  static const std::vector<std::string> kinds = {"ft-offers", "lheo", "immersion", "rome"};
  return kinds;
}

Status run_import(const ImportOptions& o, ImportReport& report) {
  report = ImportReport{};
  report.kind = o.kind;
  const std::string source = source_of_kind(o.kind);
  if (source.empty()) {
    return Status::error("bad_input", "Genre d'import inconnu : " + o.kind +
                                          " (ft-offers, lheo, immersion ou rome).");
  }
  ReferenceData ref;
  if (Status loaded = load_reference_data(o.reference_dir, ref); !loaded) return loaded;
  const ReferenceIndex reference(std::move(ref.communes), ref.job_titles);
  Status s;
  auto db = open_server_db(o.db_path, s);
  if (!db) return s;
  ImportSink sink(*db, source, report);
  s = sink.open();
  if (!s) return s;
  ImportContext ctx{sink, report, reference, o.today.empty() ? Clock().today() : o.today};
  using Importer = bool (*)(const std::string&, ImportContext&);
  const Importer importer = o.kind == "ft-offers" ? import_ft_offers
                            : o.kind == "lheo"    ? import_lheo
                            : o.kind == "immersion" ? import_immersion
                                                    : import_rome;
  for (const auto& file : o.files) {
    if (importer(file, ctx)) ++report.files_read;
    if (!sink.status()) return sink.status();
  }
  return sink.finish(o.full, o.dry_run);
}

}  // namespace eric::server
