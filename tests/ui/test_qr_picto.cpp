// QR codes (size, quiet zone, probe) and pictograms (every one draws something).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "headless.h"
#include "kiosk/ui/pictograms.h"
#include "kiosk/ui/qr_view.h"

namespace eric::ui {
namespace {

using test::Headless;

TEST(Qr, MatrixSizeFollowsTheVersion) {
  QrMatrix qr;
  ASSERT_TRUE(make_qr("ERIC-4F7K", qr));
  EXPECT_EQ(qr.size, 21) << "a short code fits version 1";
  EXPECT_EQ(qr.dark.size(), 21u * 21u);
  EXPECT_EQ((qr.size - 17) % 4, 0);
  // The three finder patterns: dark corners.
  EXPECT_TRUE(qr.at(0, 0));
  EXPECT_TRUE(qr.at(qr.size - 1, 0));
  EXPECT_TRUE(qr.at(0, qr.size - 1));
  EXPECT_FALSE(qr.at(7, 7)) << "the white separator inside a finder corner";

  QrMatrix longer;
  const std::string url =
      "https://eric.maregionsud.fr/immersion/demande/6f1c2a9e-1b7d-4c33-9a57-2f4d8e0c1b22"
      "?metier=Ma%C3%A7on";
  ASSERT_TRUE(make_qr(url, longer));
  EXPECT_GT(longer.size, 21);
  EXPECT_EQ((longer.size - 17) % 4, 0);
}

TEST(Qr, Utf8TextEncodes) {
  QrMatrix qr;
  ASSERT_TRUE(make_qr("Maçon – Œnologue à L’Isle-sur-la-Sorgue", qr));
  EXPECT_EQ(qr.text, "Maçon – Œnologue à L’Isle-sur-la-Sorgue");
  QrMatrix untouched;
  EXPECT_FALSE(make_qr("", untouched));
  EXPECT_EQ(untouched.size, 0);
}

// Writes the matrix as a greyscale image (quiet zone included) and reads it back with
// zbarimg from zbar-tools: what a phone would read.
TEST(Qr, RoundTripThroughAScanner) {
  if (!std::filesystem::exists("/usr/bin/zbarimg")) GTEST_SKIP() << "zbar-tools not installed";
  const std::string payload = "https://eric.example/d/4F7K-9QXA?m=Ma%C3%A7on";
  QrMatrix qr;
  ASSERT_TRUE(make_qr(payload, qr));
  const int module = 6;
  const int side = (qr.size + 2 * kQrQuietModules) * module;
  const auto dir = std::filesystem::temp_directory_path() /
                   ("eric_ui_qr_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "code.pgm").string();
  {
    std::ofstream out(path, std::ios::binary);
    out << "P5 " << side << " " << side << " 255\n";
    for (int y = 0; y < side; ++y)
      for (int x = 0; x < side; ++x) {
        const int mx = x / module - kQrQuietModules, my = y / module - kQrQuietModules;
        const bool dark = mx >= 0 && my >= 0 && mx < qr.size && my < qr.size && qr.at(mx, my);
        out.put(static_cast<char>(dark ? 0 : 255));
      }
  }
  std::string read;
  if (FILE* pipe = popen(("/usr/bin/zbarimg --raw -q " + path).c_str(), "r")) {
    char buf[256];
    while (fgets(buf, sizeof buf, pipe)) read += buf;
    pclose(pipe);
  }
  std::filesystem::remove_all(dir);
  while (!read.empty() && (read.back() == '\n' || read.back() == '\r')) read.pop_back();
  EXPECT_EQ(read, payload);
}

TEST(Qr, DrawnWithQuietZoneAndBigEnough) {
  Headless h;
  QrMatrix qr;
  ASSERT_TRUE(make_qr("ERIC-4F7K", qr));
  const float module = qr_module_px(h.ui);
  EXPECT_GE(module, 8.0f);
  auto draw = [&] {
    ImGui::SetCursorScreenPos(ImVec2(500, 300));
    draw_qr(h.ui, qr, module);
  };
  h.frame(draw);
  const ProbeItem* item = h.find("[QR] ERIC-4F7K");
  ASSERT_NE(item, nullptr);
  EXPECT_FLOAT_EQ(item->w, (21 + 2 * kQrQuietModules) * module);
  EXPECT_FLOAT_EQ(item->w, qr_side_px(qr, module));
}

TEST(Pictograms, LookupsCoverEveryFamilyWorkshopAndReason) {
  for (char c = 'A'; c <= 'N'; ++c) EXPECT_NE(family_picto(c), Picto::None) << c;
  EXPECT_EQ(family_picto('c'), Picto::FamilyC);
  EXPECT_EQ(family_picto('O'), Picto::None);
  for (const char* k :
       {"cv", "job_search", "interview_simulation", "trade_discovery", "digital_basics"})
    EXPECT_NE(workshop_picto(k), Picto::None) << k;
  for (const char* r : {"cv", "email_account", "answer_offer", "online_procedure", "other"})
    EXPECT_NE(help_reason_picto(r), Picto::None) << r;
  EXPECT_EQ(help_reason_picto("nope"), Picto::None);
}

TEST(Pictograms, EveryPictogramDrawsInsideItsBox) {
  Headless h;
  const float size = 96;
  const ImVec2 origin(300, 300);
  for (int p = static_cast<int>(Picto::Jobs); p <= static_cast<int>(Picto::HelpOther); ++p) {
    int vertices = 0;
    ImVec2 lo(FLT_MAX, FLT_MAX), hi(-FLT_MAX, -FLT_MAX);
    h.frame([&] {
      ImDrawList* dl = ImGui::GetWindowDrawList();
      const int before = dl->VtxBuffer.Size;
      draw_picto(dl, static_cast<Picto>(p), origin, size, IM_COL32(0, 0, 145, 255));
      vertices = dl->VtxBuffer.Size - before;
      for (int i = before; i < dl->VtxBuffer.Size; ++i) {
        const ImVec2 v = dl->VtxBuffer[i].pos;
        lo = ImVec2(std::min(lo.x, v.x), std::min(lo.y, v.y));
        hi = ImVec2(std::max(hi.x, v.x), std::max(hi.y, v.y));
      }
    });
    EXPECT_GT(vertices, 0) << "pictogram " << p << " draws nothing";
    EXPECT_GT(std::max(hi.x - lo.x, hi.y - lo.y), size * 0.5f) << "pictogram " << p << " is tiny";
    const float slack = size / 12;  // strokes are centred on the path: half a stroke outside
    EXPECT_GE(lo.x, origin.x - slack) << p;
    EXPECT_GE(lo.y, origin.y - slack) << p;
    EXPECT_LE(hi.x, origin.x + size + slack) << p;
    EXPECT_LE(hi.y, origin.y + size + slack) << p;
  }
}

}  // namespace
}  // namespace eric::ui
