// The visitor's fields: French phone numbers, plausible emails, the whole form, request codes.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "kiosk/core/domain/immersion.h"

namespace eric {
namespace {

struct PhoneCase {
  const char* typed;
  const char* national;  // nullptr: refused
};

TEST(ImmersionFields, FrenchPhones) {
  const PhoneCase cases[] = {
      {"06 12 34 56 78", "06 12 34 56 78"},
      {"0612345678", "06 12 34 56 78"},
      {"07 98 76 54 32", "07 98 76 54 32"},
      {"01 23 45 67 89", "01 23 45 67 89"},  // landline, Paris
      {"04 42 12 34 56", "04 42 12 34 56"},  // landline, Martigues
      {"09 51 23 45 67", "09 51 23 45 67"},
      {"+33 6 12 34 56 78", "06 12 34 56 78"},
      {"+33612345678", "06 12 34 56 78"},
      {"+33 4 42 12 34 56", "04 42 12 34 56"},
      {"0033 6 12 34 56 78", "06 12 34 56 78"},
      {"06.12.34.56.78", "06 12 34 56 78"},
      {"06-12-34-56-78", "06 12 34 56 78"},
      {"  06 12 34 56 78  ", "06 12 34 56 78"},
      {"", nullptr},
      {"06 12 34 56 7", nullptr},        // 9 digits
      {"06 12 34 56 789", nullptr},      // 11 digits
      {"00 12 34 56 78", nullptr},       // 0 is not a first digit
      {"6 12 34 56 78", nullptr},        // no leading 0
      {"+33 06 12 34 56 78", nullptr},   // the 0 after +33
      {"+44 6 12 34 56 78", nullptr},    // another country
      {"+33 0 12 34 56 78", nullptr},
      {"06 12 34 56 7a", nullptr},
      {"06  12 34 56 78", nullptr},      // two separators in a row
      {"06 12 34 56 78 ", "06 12 34 56 78"},
      {"06+12345678", nullptr},
      {"612345678", nullptr},
  };
  for (const PhoneCase& c : cases) {
    std::string national;
    const bool ok = normalize_french_phone(c.typed, national);
    EXPECT_EQ(ok, c.national != nullptr) << "typed: \"" << c.typed << "\"";
    if (ok && c.national) {
      EXPECT_EQ(national, c.national) << "typed: \"" << c.typed << "\"";
    }
  }
}

TEST(ImmersionFields, PlausibleEmails) {
  const std::pair<const char*, bool> cases[] = {
      {"samia.b@gmail.com", true},
      {"jean-luc_93@orange.fr", true},
      {"a.b+kiosk@mail.example.org", true},
      {" lea@free.fr ", true},
      {"", false},
      {"samia", false},
      {"samia@", false},
      {"@gmail.com", false},
      {"samia@gmail", false},        // no dot in the domain
      {"samia@gmail.c", false},      // one-letter last label
      {"samia@gmail.c0m", false},
      {"sa mia@gmail.com", false},
      {"samia@@gmail.com", false},
      {"sa@mia@gmail.com", false},
      {"samia..b@gmail.com", false},
      {".samia@gmail.com", false},
      {"samia@-gmail.com", false},
      {"samia@gmail..com", false},
      {"samïa@gmail.com", false},
  };
  for (const auto& [typed, ok] : cases) EXPECT_EQ(plausible_email(typed), ok) << typed;
}

ImmersionRequestInput valid_input() {
  ImmersionRequestInput in;
  in.slot_id = "s1";
  in.objective = ImmersionObjective::discover;
  in.first_name = "Samia";
  in.phone = "06 12 34 56 78";
  in.consent = true;
  return in;
}

TEST(ImmersionFields, FormNeedsNameContactObjectiveConsent) {
  EXPECT_TRUE(check_immersion_form(valid_input()).ok());

  ImmersionRequestInput in = valid_input();
  in.first_name = "   ";
  EXPECT_EQ(check_immersion_form(in).first_name, FieldCheck::missing);
  in.first_name = "Sam1a";
  EXPECT_EQ(check_immersion_form(in).first_name, FieldCheck::invalid);

  in = valid_input();
  in.phone.clear();
  EXPECT_TRUE(check_immersion_form(in).contact_missing);
  EXPECT_FALSE(check_immersion_form(in).ok());
  in.email = "samia@gmail.com";  // an email alone is enough
  EXPECT_TRUE(check_immersion_form(in).ok());
  in.email = "samia@gmail";
  EXPECT_EQ(check_immersion_form(in).email, FieldCheck::invalid);

  in = valid_input();
  in.phone = "06 12 34";
  EXPECT_EQ(check_immersion_form(in).phone, FieldCheck::invalid);
  EXPECT_FALSE(check_immersion_form(in).ok());
  in.email = "samia@gmail.com";  // a good email does not excuse a wrong phone
  EXPECT_FALSE(check_immersion_form(in).ok());

  in = valid_input();
  in.objective = ImmersionObjective::none;
  EXPECT_TRUE(check_immersion_form(in).objective_missing);

  in = valid_input();
  in.consent = false;
  EXPECT_TRUE(check_immersion_form(in).consent_missing);
  EXPECT_FALSE(check_immersion_form(in).ok());
}

TEST(ImmersionFields, Objectives) {
  ImmersionObjective o = ImmersionObjective::none;
  EXPECT_TRUE(parse_immersion_objective("confirm", o));
  EXPECT_EQ(o, ImmersionObjective::confirm);
  EXPECT_FALSE(parse_immersion_objective("", o));
  EXPECT_FALSE(parse_immersion_objective("hire", o));
  EXPECT_STREQ(immersion_objective_name(ImmersionObjective::recruit), "recruit");
}

TEST(ImmersionFields, RequestCodesAreUnambiguous) {
  std::set<std::string> seen;
  for (int i = 0; i < 500; ++i) {
    const std::string code = make_request_code();
    ASSERT_TRUE(is_request_code(code)) << code;
    for (char c : {'0', 'O', '1', 'I', 'L'})
      EXPECT_EQ(code.find(c, 4), std::string::npos) << code;
    seen.insert(code);
  }
  EXPECT_GT(seen.size(), 450u);  // 31^4 codes: repeats among 500 are rare
  EXPECT_FALSE(is_request_code("IMM-0K3Q"));
  EXPECT_FALSE(is_request_code("IMM-7K3"));
  EXPECT_FALSE(is_request_code("ABC-7K3Q"));
  EXPECT_TRUE(is_request_code("IMM-7K3Q"));
}

}  // namespace
}  // namespace eric
