// Faulty records made from the field lists of sync/protocol_fields.h: for every field of every
// record type, the field mistyped, missing, or out of range. Shared by the page reader's tests
// and the sync tests against the real server.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "sync/protocol.h"
#include "sync/protocol_fields.h"
#include "tests/support/test_util.h"

namespace eric::test {

enum class Fault { mistyped, missing, out_of_range };

inline const char* fault_name(Fault f) {
  switch (f) {
    case Fault::mistyped: return "mistyped";
    case Fault::missing: return "missing";
    case Fault::out_of_range: return "out_of_range";
  }
  return "";
}

// One faulty record: `data` is what the feed carries, `id` the change's id.
struct FieldFault {
  RecordType type = RecordType::job;
  std::string field;
  Fault fault = Fault::mistyped;
  bool is_key = false;
  bool is_text = false;  // a string field
  std::string id;
  nlohmann::json data;
};

// A valid record of each type (the sample catalog's first), by type index.
inline std::vector<Record> one_good_record_per_type() {
  std::vector<Record> out(kRecordTypeCount);
  std::vector<bool> seen(kRecordTypeCount, false);
  for_each_record(sample_catalog(), [&](Record&& r) {
    const auto i = static_cast<std::size_t>(r.index());
    if (!seen[i]) out[i] = std::move(r), seen[i] = true;
  });
  return out;
}

// A string no label should keep as is: control characters, a bidi override, runs of blanks,
// and one 100,000-letter word.
inline std::string dirty_text() {
  return std::string("  \xE2\x80\xAE" "evil\t\tname ") + std::string(1, '\0') + "\x07 " +
         std::string(100000, 'a');
}

// A value of the wrong JSON type, and one of the right type but out of what a record holds.
template <class T> nlohmann::json mistyped_value(const T&) {
  if constexpr (std::is_same_v<T, std::string>) return 12345;
  else if constexpr (std::is_same_v<T, bool>) return "yes";
  else if constexpr (std::is_arithmetic_v<T>) return "many";
  else return "13500";  // a list of strings sent as one string
}
template <class T> nlohmann::json out_of_range_value(const T&) {
  if constexpr (std::is_same_v<T, std::string>) return dirty_text();
  else if constexpr (std::is_same_v<T, double>) return 999.0;
  else if constexpr (std::is_arithmetic_v<T>) return -5;
  else return nlohmann::json::array({"not a code"});
}

// Every fault of every field of every type; ids are unique ("bad-job-posts-1"; job titles,
// whose key is a number, get numbers from 900000).
inline std::vector<FieldFault> all_field_faults() {
  std::vector<FieldFault> out;
  const std::vector<Record> good = one_good_record_per_type();
  int n = 0;
  for (const Record& base : good) {
    const RecordType type = record_type(base);
    std::visit([&](const auto& rec) {
      protocol_detail::visit_fields(rec, [&](const char* name, const auto& value,
                                             protocol_detail::FieldKind kind) {
        using T = std::decay_t<decltype(value)>;
        for (Fault f : {Fault::mistyped, Fault::missing, Fault::out_of_range}) {
          if (f == Fault::out_of_range && std::is_same_v<T, bool>) continue;  // no range
          FieldFault ff;
          ff.type = type;
          ff.field = name;
          ff.fault = f;
          ff.is_key = kind == protocol_detail::kKey;
          ff.is_text = std::is_same_v<T, std::string>;
          ++n;
          ff.id = type == RecordType::job_title ? std::to_string(900000 + n)
                                                : "bad-" + std::string(record_type_name(type)) + "-" +
                                                      name + "-" + std::to_string(n);
          nlohmann::json data = record_to_json(base);
          // The record's own key, as the id says (a job title's is a number).
          protocol_detail::visit_fields(rec, [&](const char* key, const auto&,
                                                 protocol_detail::FieldKind k) {
            if (k != protocol_detail::kKey) return;
            if (type == RecordType::job_title) data[key] = 900000 + n;
            else data[key] = ff.id;
          });
          if (f == Fault::mistyped) data[name] = mistyped_value(value);
          else if (f == Fault::missing) data.erase(name);
          else data[name] = out_of_range_value(value);
          ff.data = std::move(data);
          out.push_back(std::move(ff));
        }
      });
    }, base);
  }
  return out;
}

inline nlohmann::json upsert_json(RecordType type, const std::string& id, const nlohmann::json& data) {
  return {{"type", record_type_name(type)}, {"op", "upsert"}, {"id", id}, {"data", data}};
}

}  // namespace eric::test
