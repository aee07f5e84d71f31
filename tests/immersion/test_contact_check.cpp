// One rule per field a visitor types about themselves, shared by the workshop and immersion
// forms: the same typed value is accepted or refused by both.
#include <gtest/gtest.h>

#include <string>

#include "kiosk/core/domain/contact_check.h"
#include "kiosk/core/domain/immersion.h"
#include "kiosk/core/domain/workshops.h"

namespace eric {
namespace {

TEST(ContactCheck, FirstNames) {
  EXPECT_EQ(check_first_name(""), FieldCheck::missing);
  EXPECT_EQ(check_first_name("   "), FieldCheck::missing);
  EXPECT_EQ(check_first_name("Samia"), FieldCheck::ok);
  EXPECT_EQ(check_first_name(" Jean-Luc "), FieldCheck::ok);
  EXPECT_EQ(check_first_name("N'Golo"), FieldCheck::ok);
  EXPECT_EQ(check_first_name("Samia2"), FieldCheck::invalid);
  EXPECT_EQ(check_first_name("samia@mail.fr"), FieldCheck::invalid);
  // The limit counts characters, not bytes: 40 accented letters pass, 41 do not.
  std::string forty;
  for (int i = 0; i < 40; ++i) forty += "é";
  EXPECT_EQ(check_first_name(forty), FieldCheck::ok);
  EXPECT_EQ(check_first_name(forty + "e"), FieldCheck::invalid);
}

TEST(ContactCheck, PhonesAndEmails) {
  EXPECT_EQ(check_phone(""), FieldCheck::missing);
  EXPECT_EQ(check_phone("06 12 34 56 78"), FieldCheck::ok);
  EXPECT_EQ(check_phone("+33 6 12 34 56 78"), FieldCheck::ok);
  EXPECT_EQ(check_phone("0612"), FieldCheck::invalid);
  EXPECT_EQ(check_phone("+44 20 7946 0958"), FieldCheck::invalid);
  EXPECT_EQ(check_email(""), FieldCheck::missing);
  EXPECT_EQ(check_email("ines.b@mail.fr"), FieldCheck::ok);
  EXPECT_EQ(check_email("ines@mail"), FieldCheck::invalid);
}

TEST(ContactCheck, OneBoxPhoneOrEmail) {
  EXPECT_TRUE(check_contact("").ok);
  EXPECT_TRUE(check_contact("06 12 34 56 78").ok);
  EXPECT_TRUE(check_contact("ines.b@mail.fr").ok);
  const Status short_phone = check_contact("0612");
  EXPECT_FALSE(short_phone.ok);
  EXPECT_EQ(short_phone.code, "bad_phone");
  const Status loose_email = check_contact("a@b.c");
  EXPECT_FALSE(loose_email.ok);
  EXPECT_EQ(loose_email.code, "bad_email");
}

// The two forms used to disagree (the workshop took 10 to 15 digits and "a@b.c"): every
// value is now judged the same by the workshop's one box and the immersion form's fields.
TEST(ContactCheck, WorkshopAndImmersionAgree) {
  const char* typed[] = {"0612345678",        "06 12 34 56 78",   "+33 6 12 34 56 78",
                         "061234567890123",   "+44 20 7946 0958", "0612",
                         "ines.b@mail.fr",    "a@b.c",            "ines@mail",
                         "06.12.34.56.78"};
  for (const char* value : typed) {
    const bool email = std::string(value).find('@') != std::string::npos;
    ImmersionRequestInput in;
    in.first_name = "Samia";
    in.objective = ImmersionObjective::discover;
    in.consent = true;
    (email ? in.email : in.phone) = value;
    const ImmersionFormCheck immersion = check_immersion_form(in);
    const bool immersion_ok = email ? immersion.email == FieldCheck::ok
                                    : immersion.phone == FieldCheck::ok;
    EXPECT_EQ(check_contact(value).ok, immersion_ok) << value;
  }
}

}  // namespace
}  // namespace eric
