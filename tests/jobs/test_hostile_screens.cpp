// Hostile text from the regional server, through the real page reader, the real store and the
// real screens: an employer's name and a job's title carrying bidi overrides and isolates,
// zero-width characters, a 10,000-letter word, stacked combining marks and an unpaired
// surrogate escape. The screens show them without crashing, inside their cards, and no
// invisible control reaches what a visitor sees.
#include <gtest/gtest.h>

#include <string>
#include <variant>

#include "kiosk/core/base/utf8.h"
#include "kiosk/core/storage/catalog.h"
#include "kiosk/ui/probe.h"
#include "sync/protocol.h"
#include "tests/jobs/jobs_fixture.h"

namespace eric::jobs_test {
namespace {

// JSON string contents (escapes as a server would send them).
const std::string kBidi = R"(\u202eEntreprise\u202c \u2066Sud\u2069 \u200fBTP\u200e)";
const std::string kZeroWidth = R"(Ma\u200bçon\u200d\ufeff de\u2060 chantier)";
const std::string kSurrogate = R"(Coffreur \ud800 bancheur)";
std::string combining_stack() {
  std::string s = "Zalgo ";
  for (int i = 0; i < 30; ++i) s += R"(\u0301\u0316)";  // 60 marks on one letter
  return s + " carreleur";
}

// The code points no visitor may meet: bidi embeddings, overrides, isolates and marks,
// zero-width characters and the word joiner, the byte-order mark, NUL.
bool invisible_control(unsigned cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2069) || cp == 0x200E ||
         cp == 0x200F || (cp >= 0x200B && cp <= 0x200D) || cp == 0xFEFF || cp == 0;
}

bool has_invisible_control(std::string_view s) {
  for (size_t i = 0; i < s.size();)
    if (invisible_control(utf8::next(s, i).value_or(0xFFFD))) return true;
  return false;
}

std::string change(std::string_view type, std::string_view id, const std::string& data) {
  return R"({"type":")" + std::string(type) + R"(","op":"upsert","id":")" + std::string(id) +
         R"(","data":)" + data + "}";
}

// A page as the server sends it: the employer and four jobs of the sample's mason trade.
std::string hostile_page() {
  const std::string long_word(10000, 'W');
  auto job = [&long_word](const std::string& id, const std::string& title) {
    return change("job", id,
                  R"({"id":")" + id + R"(","title":")" + title +
                      R"(","trade_code":"F1703","contract_type":"CDD","commune":"13056",)"
                      R"("lat":43.4046,"lon":5.0477,"employer_id":"hx","created_at":"2026-11-01",)"
                      R"("expires_at":"2027-02-01","description":"Un mot : )" + long_word + R"("})");
  };
  return R"({"cursor":"9","full":false,"has_more":false,"changes":[)" +
         change("employer", "hx",
                R"({"id":"hx","name":")" + kBidi + " " + kZeroWidth +
                    R"(","commune":"13056","lat":43.4046,"lon":5.0477})") +
         "," + job("h1", "Ma\u00e7on " + long_word) + "," + job("h2", kZeroWidth) + "," +
         job("h3", combining_stack()) + "," + job("h4", kSurrogate) + "]}";
}

class HostileScreens : public HeadlessJobs {
 protected:
  void SetUp() override {
    CatalogPage page;
    const Status read = parse_catalog_page(hostile_page(), page);
    ASSERT_TRUE(read.ok) << read.message_fr;
    Catalog c = sample_catalog();
    for (const CatalogChange& ch : page.changes) {
      if (const Job* j = std::get_if<Job>(&ch.record)) c.jobs.push_back(*j);
      if (const Employer* e = std::get_if<Employer>(&ch.record)) c.employers.push_back(*e);
    }
    for (const CatalogChange& ch : page.changes) read_jobs += ch.type == RecordType::job;
    rejected = page.rejected.size();
    std::unique_ptr<Database> store = test::fresh_store(dir);
    ASSERT_TRUE(store);
    ASSERT_TRUE(replace_catalog(*store, c, "2026-11-23 09:40").ok);
    ASSERT_NO_FATAL_FAILURE(start_on(std::move(store)));
  }

  // Every text of the frame: free of invisible controls, inside the screen, and each text
  // drawn within a card inside that card.
  void expect_contained() {
    const auto& items = ui.probe.items();
    for (const ui::ProbeItem& item : items) {
      EXPECT_FALSE(has_invisible_control(item.text)) << item.text.substr(0, 80);
      EXPECT_GE(item.x, -0.5f) << item.text.substr(0, 80);
      EXPECT_LE(item.x + item.w, 1920.5f) << item.text.substr(0, 80);
      if (item.kind != ui::ProbeKind::Card) continue;
      for (const ui::ProbeItem& inner : items) {
        if (inner.kind != ui::ProbeKind::Text || inner.y < item.y || inner.y >= item.y + item.h)
          continue;
        if (inner.x < item.x || inner.x >= item.x + item.w) continue;  // another column
        EXPECT_LE(inner.x + inner.w, item.x + item.w + 0.5f)
            << "« " << inner.text.substr(0, 80) << " » overflows its card";
      }
    }
  }

  size_t read_jobs = 0;
  size_t rejected = 0;
};

TEST_F(HostileScreens, ResultsAndDetailShowHostileTextInsideTheirCards) {
  // All four read: the lone surrogate's half-pair replaced, not the page refused.
  EXPECT_EQ(read_jobs, 4u);
  EXPECT_EQ(rejected, 0u);
  play("tap \"@home.jobs.title\"\n"
       "tap \"@jobs.family.F\"\n"
       "expect \"Entreprise Sud BTP Ma\xC3\xA7on de chantier\"\n");  // controls dropped
  expect_contained();
  // The 10,000-letter word does not fit a title (300 bytes): cut before it, marked "…".
  play("expect \"Coffreur\"\n"   // the lone surrogate's job, its half-pair replaced
       "tap \"Ma\xC3\xA7on\xE2\x80\xA6\"\n"
       "expect \"@jobs.detail.trainings_title\"\n");
  expect_contained();
  play("tap \"@ui.back\"\n");
  if (top_id() != "jobs.results") play("tap \"@jobs.family.F\"\n");
  play("tap \"Zalgo\"\n"
       "expect \"@jobs.detail.trainings_title\"\n");
  expect_contained();
}

}  // namespace
}  // namespace eric::jobs_test
