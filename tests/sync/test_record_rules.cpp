// What the terminal accepts from the feed: one bad record is set aside by the page reader and
// the rest of the page is read; every field of every record type mistyped, missing and out of
// range (cases generated from the field lists); the field validators on their own.
#include <gtest/gtest.h>

#include <limits>
#include <string_view>

#include "kiosk/core/base/field_rules.h"
#include "sync/record_rules.h"
#include "tests/sync/field_faults.h"

namespace eric::test {
namespace {

using nlohmann::json;

bool has_control_or_bidi(std::string_view s, bool newlines_allowed) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 && !(newlines_allowed && c == '\n')) return true;
    if (s.substr(i, 3) == "\xE2\x80\xAE") return true;  // U+202E
  }
  return false;
}

// A change as the server writes it, its type first (the reader decodes the data as it comes),
// or its data first (the reader keeps the data until it knows the type).
std::string change_text(const FieldFault& f, bool type_first) {
  const std::string head = "\"type\":" + json(record_type_name(f.type)).dump() +
                           ",\"op\":\"upsert\",\"id\":" + json(f.id).dump();
  const std::string data = "\"data\":" + f.data.dump();
  return "{" + (type_first ? head + "," + data : data + "," + head) + "}";
}

// A page with a good commune, the record under test, a good trade.
std::string page_around(const std::string& change) {
  const std::vector<Record> good = one_good_record_per_type();
  CatalogChange commune{RecordType::commune, false, record_id(good[0]), good[0]};
  CatalogChange trade{RecordType::trade, false, record_id(good[1]), good[1]};
  return R"({"cursor":"7","full":false,"has_more":false,"changes":[)" +
         change_to_json(commune).dump() + "," + change + "," + change_to_json(trade).dump() + "]}";
}

bool is_required_label(RecordType type, const std::string& field) {
  if (field == "title") return true;
  if (field == "label") return type == RecordType::trade || type == RecordType::job_title;
  if (field == "name") return type == RecordType::commune || type == RecordType::site;
  return false;
}

bool is_free_text(const std::string& field) {
  for (const char* f : {"title", "label", "name", "description", "plain_description",
                        "what_you_will_do", "address", "place_label", "schedule_label"}) {
    if (field == f) return true;
  }
  return false;
}

void expect_set_aside_or_cleaned(const FieldFault& f, bool type_first) {
  SCOPED_TRACE(type_first ? "type first" : "data first");
  CatalogPage page;
  Status s = parse_catalog_page(page_around(change_text(f, type_first)), page);
  ASSERT_TRUE(s.ok) << s.message_fr;
  EXPECT_EQ(page.cursor, "7");
  // The records around it are always read.
  ASSERT_GE(page.changes.size(), 2u);
  EXPECT_EQ(page.changes.front().type, RecordType::commune);
  EXPECT_EQ(page.changes.back().type, RecordType::trade);

  bool must_reject = f.fault == Fault::mistyped || f.is_key;
  if (f.fault == Fault::missing && is_required_label(f.type, f.field)) must_reject = true;
  if (f.fault == Fault::out_of_range && !f.is_text) must_reject = true;  // -5, 999, a bad code
  const bool must_keep = (f.fault == Fault::missing && !must_reject) ||
                         (f.fault == Fault::out_of_range && f.is_text && is_free_text(f.field));

  const bool rejected = page.changes.size() == 2;
  if (rejected) {
    ASSERT_EQ(page.rejected.size(), 1u);
    const RejectedChange& r = page.rejected[0];
    EXPECT_EQ(r.type, record_type_name(f.type));
    EXPECT_EQ(r.id, f.id);
    EXPECT_EQ(r.position, 1u);  // after the commune, before the trade
    EXPECT_NE(r.reason.find(f.field), std::string::npos) << r.reason;
    EXPECT_FALSE(must_keep) << "set aside: " << r.reason;
    return;
  }
  EXPECT_FALSE(must_reject) << "kept";
  ASSERT_EQ(page.changes.size(), 3u);
  EXPECT_TRUE(page.rejected.empty());
  const Record& kept = page.changes[1].record;
  EXPECT_EQ(record_id(kept), f.id);
  if (f.fault == Fault::out_of_range && f.is_text) {
    std::visit([&](const auto& rec) {
      protocol_detail::visit_fields(rec, [&](const char* name, const auto& value, auto) {
        if constexpr (std::is_same_v<std::decay_t<decltype(value)>, std::string>) {
          if (f.field != name) return;
          EXPECT_FALSE(has_control_or_bidi(value, true)) << name;
          EXPECT_LE(value.size(), 8000u) << name;
          EXPECT_EQ(value.rfind("evil name", 0), 0u) << value.substr(0, 40);
          EXPECT_EQ(value.substr(value.size() - 3), "\xE2\x80\xA6") << name;  // cut: …
        }
      });
    }, kept);
  }
}

class EveryFieldFault : public ::testing::TestWithParam<FieldFault> {};

TEST_P(EveryFieldFault, IsSetAsideOrCleanedAndNeverStopsThePage) {
  expect_set_aside_or_cleaned(GetParam(), true);
  expect_set_aside_or_cleaned(GetParam(), false);
}

std::string case_name(const ::testing::TestParamInfo<FieldFault>& info) {
  return std::string(record_type_name(info.param.type)) + "_" + info.param.field + "_" +
         fault_name(info.param.fault);
}

INSTANTIATE_TEST_SUITE_P(FieldLists, EveryFieldFault, ::testing::ValuesIn(all_field_faults()),
                         case_name);

// Dates: every date field of every type refuses a string that is no date, a day that does not
// exist and a year no offer has; an empty date means "not given".
TEST(RecordRules, EveryDateFieldRefusesWhatIsNoDate) {
  int checked = 0;
  for (const Record& base : one_good_record_per_type()) {
    std::visit([&](const auto& rec) {
      protocol_detail::visit_fields(rec, [&](const char* name, const auto& value, auto) {
        const std::string_view n = name;
        if (n != "start" && n != "end" && n != "created_at" && n != "expires_at") return;
        if constexpr (std::is_same_v<std::decay_t<decltype(value)>, std::string>) {
          for (const char* bad : {"not-a-date", "2999-01-01", "2026-02-30", "2026-13-01", "1850-01-01"}) {
            Record r = base;
            std::visit([&](auto& mut) {
              protocol_detail::visit_fields(mut, [&](const char* m, auto& v, auto) {
                if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::string>) {
                  if (n == m) v = record_type(base) == RecordType::workshop
                                      ? std::string(bad) + " 10:00" : std::string(bad);
                }
              });
            }, r);
            const std::string reason = check_record(r);
            EXPECT_NE(reason.find(name), std::string::npos)
                << record_type_name(record_type(base)) << "." << name << " = " << bad;
          }
          ++checked;
        }
      });
    }, base);
  }
  EXPECT_EQ(checked, 8);  // job 2, training session 2, immersion slot 2, workshop 2
}

TEST(RecordRules, TheSampleAndDemoRecordsAllPass) {
  for_each_record(sample_catalog(), [](Record&& r) {
    const std::string id = record_id(r);
    EXPECT_EQ(check_record(r), "") << record_type_name(record_type(r)) << " " << id;
  });
}

TEST(RecordRules, OutOfRangeNumbersAndAnEmptyTitleAreNamed) {
  Job job = sample_catalog().jobs[0];
  Record r = job;
  std::get<Job>(r).posts = -5;
  EXPECT_EQ(check_record(r), "champ « posts » hors limites (-5)");
  r = job;
  std::get<Job>(r).lat = 999;
  EXPECT_EQ(check_record(r), "champ « lat » hors limites (999)");
  r = job;
  std::get<Job>(r).title = " \t\xE2\x80\xAE ";
  EXPECT_EQ(check_record(r), "champ « title » vide");
  r = job;
  std::get<Job>(r).origin_url = "javascript:alert(1)";
  EXPECT_EQ(check_record(r), "champ « origin_url » n'est pas une adresse web valable");
}

TEST(FieldRules, CleanTextRemovesControlsFoldsBlanksAndCutsAtAWord) {
  EXPECT_EQ(clean_text(std::string("a\0b", 3), TextShape::line, 100), "ab");
  EXPECT_EQ(clean_text("\xE2\x80\xAEtxt.exe\xE2\x80\xAC", TextShape::line, 100), "txt.exe");
  EXPECT_EQ(clean_text("  Maçon \t\n  (H/F)\xC2\xA0 ", TextShape::line, 100), "Maçon (H/F)");
  EXPECT_EQ(clean_text("un\n\n\n\ndeux\r\ntrois", TextShape::paragraphs, 100), "un\n\ndeux\ntrois");
  EXPECT_EQ(clean_text("bad \xFF\xC3 utf8", TextShape::line, 100), "bad utf8");
  EXPECT_EQ(clean_text("Cuisinier de collectivité", TextShape::line, 20), "Cuisinier de…");
  // One word longer than the room is cut where the room ends, never inside a letter.
  const std::string cut = clean_text(std::string(50, 'a') + "é", TextShape::line, 20);
  EXPECT_EQ(cut, std::string(17, 'a') + "…");
  EXPECT_EQ(clean_text("ééééééééé", TextShape::line, 10), "ééé…");
  EXPECT_EQ(clean_text("😀 ok", TextShape::line, 100), "😀 ok");  // emoji are text
  // Stored text loses what the screen would drop too (one list for both): the Arabic letter
  // mark, a word joiner, an emoji's variation selector.
  EXPECT_EQ(clean_text("a\xD8\x9C\xE2\x81\xA0" "b\xE2\x9D\xA4\xEF\xB8\x8F", TextShape::line, 100),
            "ab\xE2\x9D\xA4");
  EXPECT_TRUE(is_invisible_control(0x200F));
  EXPECT_FALSE(is_invisible_control(0x202F));  // the narrow no-break space of "14 h 05" is text
}

TEST(FieldRules, DatesCodesCoordinatesAndAddresses) {
  EXPECT_TRUE(valid_date("2028-02-29"));
  EXPECT_FALSE(valid_date("2027-02-29"));
  EXPECT_FALSE(valid_date("2026-1-01"));
  EXPECT_TRUE(valid_date_time("2026-11-23 09:30"));
  EXPECT_FALSE(valid_date_time("2026-11-23 24:00"));
  EXPECT_TRUE(valid_code("56.10A", 64, false));
  EXPECT_FALSE(valid_code("", 64, false));
  EXPECT_TRUE(valid_code("", 64, true));
  EXPECT_FALSE(valid_code("a b", 64, true));
  EXPECT_FALSE(valid_code("é", 64, true));
  EXPECT_TRUE(valid_coordinate(43.4, 5.05));
  EXPECT_FALSE(valid_coordinate(999, 5));
  EXPECT_FALSE(valid_coordinate(43, std::numeric_limits<double>::quiet_NaN()));
  EXPECT_TRUE(valid_web_address("https://example.org/a?b=c", 2000));
  EXPECT_FALSE(valid_web_address("https://", 2000));
  EXPECT_FALSE(valid_web_address("https://a b", 2000));
}

// Structure that cannot be read at all still fails the page: there is no cursor to move to.
TEST(RecordRules, APageThatIsNoPageStillFails) {
  CatalogPage page;
  EXPECT_FALSE(parse_catalog_page(R"({"changes":[]})", page).ok);
  EXPECT_FALSE(parse_catalog_page(R"({"cursor":"1","changes":{}})", page).ok);
  EXPECT_FALSE(parse_catalog_page("[1,2]", page).ok);
  // Changes that are no objects are set aside one by one.
  ASSERT_TRUE(parse_catalog_page(R"({"cursor":"1","changes":[3,[1],{"type":{}}]})", page).ok);
  EXPECT_EQ(page.rejected.size(), 3u);
  EXPECT_TRUE(page.changes.empty());
}

// Half a surrogate pair in a text (a server's encoder cut an emoji in two): that text reads
// U+FFFD, the page and its other changes are read. Whole pairs and escaped backslashes stay.
TEST(RecordRules, ALoneSurrogateDoesNotStopThePage) {
  const auto trade = [](const std::string& code, const std::string& label) {
    return R"({"type":"trade","op":"upsert","id":")" + code + R"(","data":{"code":")" + code +
           R"(","label":")" + label + R"("}})";
  };
  CatalogPage page;
  const Status read = parse_catalog_page(
      R"({"cursor":"1","changes":[)" + trade("A1101", R"(Ma\ud800on)") + "," +
          trade("A1102", R"(\udc00Cuisine \ud83d\ude00 \\ud800)") + "," +
          trade("A1103", "Vente") + "]}",
      page);
  ASSERT_TRUE(read.ok) << read.message_fr;
  ASSERT_EQ(page.changes.size(), 3u);
  EXPECT_EQ(std::get<Trade>(page.changes[0].record).label, "Ma\xEF\xBF\xBDon");
  EXPECT_EQ(std::get<Trade>(page.changes[1].record).label,
            "\xEF\xBF\xBD" "Cuisine \xF0\x9F\x98\x80 \\ud800");
  EXPECT_EQ(std::get<Trade>(page.changes[2].record).label, "Vente");
}

}  // namespace
}  // namespace eric::test
