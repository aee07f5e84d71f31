// Field rules of catalog records (see record_rules.h). The kind of each field follows from its
// name, the same in every record type, so a field added to a list gets a rule without a
// second table to keep in step; the few names whose meaning depends on the type are below.
#include "sync/record_rules.h"

#include <cstdio>
#include <string_view>
#include <type_traits>

#include "kiosk/core/base/field_rules.h"
#include "sync/protocol_fields.h"

namespace eric {
namespace {

using namespace protocol_detail;

constexpr std::size_t kCodeBytes = 64;
constexpr std::size_t kLineBytes = 300;
constexpr std::size_t kParagraphBytes = 8000;
constexpr std::size_t kUrlBytes = 2000;

bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    if (n == name) return true;
  }
  return false;
}

// Whole-number fields: the range a real record stays in.
struct Range {
  int64_t lo, hi;
};
Range count_range(std::string_view name) {
  if (name == "population") return {0, 100'000'000};
  if (name == "ogr") return {1, 99'999'999};
  if (name == "job_title_ogr") return {0, 99'999'999};
  if (name == "contract_duration_months") return {0, 600};
  if (name == "hours_total") return {0, 20'000};
  if (name == "days") return {0, 3660};
  return {0, 100'000};  // posts, seats, capacity, taken, max_requests_per_month
}

// Text a visitor reads: a label that must not be empty once cleaned.
bool is_required_text(RecordType type, std::string_view name) {
  if (name == "title") return true;  // job, training, workshop
  if (name == "label") return type == RecordType::trade || type == RecordType::job_title;
  if (name == "name") return type == RecordType::commune || type == RecordType::site;
  return false;
}

bool is_code(std::string_view name) {
  return is_one_of(name, {"trade_code", "commune", "department", "region", "naf", "siret",
                          "rncp", "certifinfo", "organisation_siret", "employer_id",
                          "training_id", "offer_id", "site_id", "contract_type", "source",
                          "kind", "contact_mode"});
}

bool is_paragraphs(std::string_view name) {
  return is_one_of(name, {"description", "plain_description", "what_you_will_do"});
}

std::string field_reason(const char* name, const std::string& what) {
  return std::string("champ « ") + name + " » " + what;
}

class RecordChecker {
 public:
  explicit RecordChecker(RecordType type) : type_(type) {}
  const std::string& reason() const { return reason_; }

  void operator()(const char* name, std::string& value, FieldKind kind) {
    if (!reason_.empty()) return;
    const std::string_view n = name;
    if (kind == kKey || is_code(n)) {
      if (!valid_code(value, kCodeBytes, kind != kKey)) set(name, "n'est pas un code valable");
    } else if (n == "start" || n == "end" || n == "created_at" || n == "expires_at") {
      // Workshops are at a time of day; every other date is a day.
      const bool timed = type_ == RecordType::workshop;
      if (!value.empty() && !(timed ? valid_date_time(value) : valid_date(value))) {
        set(name, "n'est pas une date valable");
      }
    } else if (n == "origin_url") {
      if (!valid_web_address(value, kUrlBytes)) set(name, "n'est pas une adresse web valable");
    } else {
      value = clean_text(value, is_paragraphs(n) ? TextShape::paragraphs : TextShape::line,
                         is_paragraphs(n) ? kParagraphBytes : kLineBytes);
      if (value.empty() && is_required_text(type_, n)) set(name, "vide");
    }
  }
  void operator()(const char* name, std::vector<std::string>& values, FieldKind) {
    if (!reason_.empty()) return;
    for (const std::string& v : values) {
      if (!valid_code(v, kCodeBytes, false)) return set(name, "contient un code non valable");
    }
  }
  void operator()(const char* name, double& value, FieldKind) {
    if (!reason_.empty()) return;
    const bool is_lat = std::string_view(name) == "lat";
    if (!valid_coordinate(is_lat ? value : 0, is_lat ? 0 : value)) {
      char text[64];
      std::snprintf(text, sizeof text, "hors limites (%g)", value);
      set(name, text);
    }
  }
  void operator()(const char*, bool&, FieldKind) {}
  template <class Int>
  std::enable_if_t<std::is_integral_v<Int> && !std::is_same_v<Int, bool>> operator()(
      const char* name, Int& value, FieldKind) {
    if (!reason_.empty()) return;
    const Range r = count_range(name);
    const auto v = static_cast<int64_t>(value);
    if (!valid_count(v, r.lo, r.hi)) set(name, "hors limites (" + std::to_string(v) + ")");
  }

 private:
  void set(const char* name, const std::string& what) { reason_ = field_reason(name, what); }

  RecordType type_;
  std::string reason_;
};

}  // namespace

std::string check_record(Record& record) {
  RecordChecker checker(record_type(record));
  std::visit([&](auto& r) { visit_fields(r, checker); }, record);
  return checker.reason();
}

}  // namespace eric
