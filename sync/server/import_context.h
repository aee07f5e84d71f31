// What every importer shares: the reference data it places and names records with, the sink
// it writes to, the report it fills, and the checked readers of JSON fields.
#pragma once

#include <simdjson.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kiosk/core/storage/catalog.h"
#include "sync/server/import_fields.h"
#include "sync/server/import_report.h"
#include "sync/server/import_sink.h"

namespace eric::server {

// The reference communes and ROME job titles, indexed for the importers.
class ReferenceIndex {
 public:
  ReferenceIndex(std::vector<Commune> communes, const std::vector<JobTitle>& titles);
  const Commune* commune_by_insee(std::string_view insee) const;
  // The most populous commune served by the postal code (a code may serve several).
  const Commune* commune_by_postal_code(std::string_view code) const;
  // The OGR code of a ROME job title, by its label (accents and case ignored); 0 if unknown.
  int64_t ogr_by_label(std::string_view label) const;

 private:
  std::vector<Commune> communes_;
  std::unordered_map<std::string, std::size_t> by_insee_;
  std::unordered_map<std::string, std::size_t> by_postal_;
  std::unordered_map<std::string, int64_t> ogr_by_folded_label_;
};

struct ImportContext {
  ImportSink& sink;
  ImportReport& report;
  const ReferenceIndex& reference;
  std::string today;  // "YYYY-MM-DD": sessions that ended before are over
};

// A place found for a record: coordinates checked, else those of its commune.
struct FoundPlace {
  std::string insee;
  std::string commune_name;
  double lat = 0, lon = 0;
  bool found = false;
};
// Coordinates when given and in France (a problem is reported when they are not), the commune
// by INSEE code else by postal code for the commune and for missing coordinates.
FoundPlace find_place(const ImportContext& ctx, const std::string& where,
                      std::optional<double> lat, std::optional<double> lon,
                      std::string_view insee, std::string_view postal_code);

// Checked readers of a JSON object's fields (simdjson's DOM: the France Travail files are
// large, and a tree of std::map per offer cost more than everything else of the import).
// Absent or null gives nothing; a value of another JSON type, control characters or invalid
// text are reported at `where`.
using JsonValue = simdjson::dom::element;

class JsonFields {
 public:
  JsonFields(JsonValue object, std::string where, ImportReport& report)
      : j_(object), where_(std::move(where)), report_(report) {}
  std::string text(const char* name, bool keep_lines = false) const;
  std::optional<double> number(const char* name) const;  // also a number written as text
  std::optional<int64_t> whole(const char* name) const;
  bool flag(const char* name) const;                      // true, or "true"/"1"/"O"
  std::optional<JsonValue> object(const char* name) const;
  std::optional<simdjson::dom::array> array(const char* name) const;
  const std::string& where() const { return where_; }
  void problem(const std::string& sentence) const { report_.problem(where_, sentence); }

 private:
  std::optional<JsonValue> present(const char* name) const;
  JsonValue j_;
  std::string where_;
  ImportReport& report_;
};

// The importers: each reads one file into the context's sink. false when nothing could be read
// from it (missing, unreadable, or not a file of that kind), with the reason in the report.
bool import_ft_offers(const std::string& path, ImportContext& ctx);
bool import_lheo(const std::string& path, ImportContext& ctx);
bool import_immersion(const std::string& path, ImportContext& ctx);
bool import_rome(const std::string& path, ImportContext& ctx);

// The source name a kind's records keep ("ft", "lheo", "immersion", "rome"); empty if unknown.
std::string source_of_kind(std::string_view kind);

}  // namespace eric::server

namespace eric::server {

// Calls `record` for each JSON object of a file that is a list of them, an answer object
// holding the list under `list_key` ("resultats"), or JSON lines (read a line at a time, so a
// large export is never held whole). `where` names the file and line, or the item's rank.
// A line or item that cannot be read is reported and counted as rejected under
// `record_type`; false when the file is none of these forms.
using JsonRecordFn = std::function<void(JsonValue item, const std::string& where)>;
bool for_each_json_record(const std::string& path, const char* list_key, const char* noun,
                          const char* record_type, ImportContext& ctx, const JsonRecordFn& record);

}  // namespace eric::server
