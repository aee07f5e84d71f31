// The project's one UTF-8 layer (kiosk/core/base/utf8.h): valid text decodes, bad bytes are
// stepped over one at a time, never a crash.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kiosk/core/base/utf8.h"

namespace eric {
namespace {

std::vector<long> code_points(std::string_view text) {
  std::vector<long> out;
  for (size_t pos = 0; pos < text.size();) {
    const auto cp = utf8::next(text, pos);
    out.push_back(cp ? static_cast<long>(*cp) : -1);
  }
  return out;
}

TEST(Utf8, DecodesOneToFourBytes) {
  EXPECT_EQ(code_points("aé€😀"), (std::vector<long>{'a', 0xE9, 0x20AC, 0x1F600}));
}

TEST(Utf8, StepsOverBadBytesOneByOne) {
  // A stray continuation byte, a cut sequence at the end, an overlong "/" and a surrogate.
  EXPECT_EQ(code_points("a\x80z"), (std::vector<long>{'a', -1, 'z'}));
  EXPECT_EQ(code_points("\xE2\x82"), (std::vector<long>{-1, -1}));
  EXPECT_EQ(code_points("\xC0\xAF"), (std::vector<long>{-1, -1}));
  EXPECT_EQ(code_points("\xED\xA0\x80"), (std::vector<long>{-1, -1, -1}));
}

TEST(Utf8, AppendsAndReplacesWhatIsNoCodePoint) {
  std::string out;
  utf8::append(out, U'œ');
  utf8::append(out, 0xD800);    // a surrogate
  utf8::append(out, 0x110000);  // past Unicode
  EXPECT_EQ(out, "œ\uFFFD\uFFFD");
  EXPECT_TRUE(utf8::is_valid(out));
  EXPECT_FALSE(utf8::is_valid("\xFF"));
}

TEST(Utf8, PopBackRemovesOneWholeCharacter) {
  std::string s = "cœur€";
  utf8::pop_back(s);
  EXPECT_EQ(s, "cœur");
  s = "a\x80";  // a stray byte goes alone
  utf8::pop_back(s);
  EXPECT_EQ(s, "a");
  EXPECT_EQ(utf8::length("Zoé€"), 4u);
  EXPECT_EQ(utf8::length("a\xFF"), 2u);
}

}  // namespace
}  // namespace eric
