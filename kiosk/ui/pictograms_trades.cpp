// Pictograms of the 14 ROME trade families, the workshop kinds and the reasons to ask for help.
#include <cmath>
#include <numbers>

#include "kiosk/ui/pictogram_pen.h"
#include "kiosk/ui/pictograms.h"

namespace eric::ui::detail {

namespace {

void document(const Pen& pen) {  // a page with a folded corner, a portrait and lines (CV)
  pen.path({{5, 2}, {15, 2}, {19, 6}, {19, 22}, {5, 22}}, true);
  pen.path({{15, 2}, {15, 6}, {19, 6}}, false);
  pen.circle(9.5f, 8.5f, 2);
  pen.arc(9.5f, 14.5f, 3.2f, 180, 360);
  pen.line(13, 9, 15.5f, 9);
  pen.line(8, 17.5f, 16, 17.5f);
}

void monitor(const Pen& pen) {
  pen.rect(2, 3, 22, 16, 1.5f);
  pen.line(12, 16, 12, 20);
  pen.line(7, 20.5f, 17, 20.5f);
}

void gear(const Pen& pen) {
  constexpr float kRad = std::numbers::pi_v<float> / 180.0f;
  for (int tooth = 0; tooth < 8; ++tooth) {
    const float a = tooth * 45.0f;
    for (float d : {-14.0f, -8.0f, 8.0f, 14.0f}) {
      const float r = (d == -14.0f || d == 14.0f) ? 7.2f : 9.8f;
      pen.to(12 + r * std::cos((a + d) * kRad), 12 + r * std::sin((a + d) * kRad));
    }
  }
  pen.stroke(true);
  pen.circle(12, 12, 3);
}

void star(const Pen& pen) {
  constexpr float kRad = std::numbers::pi_v<float> / 180.0f;
  for (int i = 0; i < 10; ++i) {
    const float a = -90.0f + i * 36.0f;
    const float r = (i % 2 == 0) ? 10.0f : 4.3f;
    pen.to(12 + r * std::cos(a * kRad), 13 + r * std::sin(a * kRad));
  }
  pen.stroke(true);
}

}  // namespace

bool draw_trade_picto(const Pen& pen, int picto) {
  switch (static_cast<Picto>(picto)) {
    case Picto::FamilyA:  // agriculture, nature, animals: a sprout
      pen.line(12, 22, 12, 11);
      pen.to(12, 12);
      pen.bezier_to(6, 12, 3.5f, 8, 3.5f, 4.5f);
      pen.bezier_to(8, 4.5f, 12, 7, 12, 12);
      pen.stroke(true);
      pen.to(12, 15);
      pen.bezier_to(17, 15, 20.5f, 11, 20.5f, 6.5f);
      pen.bezier_to(15.5f, 6.5f, 12, 9.5f, 12, 15);
      pen.stroke(true);
      pen.line(6, 22, 18, 22);
      return true;
    case Picto::FamilyB:  // arts and crafts: a palette
      pen.circle(12, 12, 9.5f);
      pen.circle(15, 16, 2);
      pen.disc(7.5f, 9, 1.5f);
      pen.disc(12, 6.5f, 1.5f);
      pen.disc(16.5f, 9, 1.5f);
      pen.disc(7.5f, 14.5f, 1.5f);
      return true;
    case Picto::FamilyC:  // bank, insurance, real estate: a columned building
      pen.path({{2, 9}, {12, 3}, {22, 9}}, true);
      for (float x : {6.0f, 10.0f, 14.0f, 18.0f}) pen.line(x, 11.5f, x, 18.5f);
      pen.line(3, 21, 21, 21);
      return true;
    case Picto::FamilyD:  // commerce: a shopping cart
      pen.path({{2, 4}, {5, 4}, {7.5f, 15}, {19, 15}, {21, 7}, {6, 7}}, false);
      pen.circle(9, 19, 1.7f);
      pen.circle(17, 19, 1.7f);
      return true;
    case Picto::FamilyE:  // communication, media: a screen with a play sign
      monitor(pen);
      pen.path({{10, 6.5f}, {15.5f, 9.5f}, {10, 12.5f}}, true);
      return true;
    case Picto::FamilyF:  // building trades: a hard hat
      pen.arc(12, 15, 8, 180, 360);
      pen.path({{1.5f, 18}, {22.5f, 18}, {22.5f, 15}, {1.5f, 15}}, true);
      pen.path({{10.2f, 15}, {10.2f, 7.2f}, {13.8f, 7.2f}, {13.8f, 15}}, false);  // the ridge
      return true;
    case Picto::FamilyG:  // hotels, restaurants, tourism: fork and knife
      pen.line(6.5f, 3, 6.5f, 21);
      pen.line(4, 3, 4, 7.5f);
      pen.line(9, 3, 9, 7.5f);
      pen.arc(6.5f, 7.5f, 2.5f, 0, 180);
      pen.to(17, 21);
      pen.to(17, 3);
      pen.bezier_to(20.5f, 5, 20.5f, 11, 17, 13);
      pen.stroke(false);
      return true;
    case Picto::FamilyH:  // industry: a gear
      gear(pen);
      return true;
    case Picto::FamilyI:  // installation and maintenance: a wrench
      pen.path({{3, 19}, {5, 21}, {13.5f, 12.5f}, {11.5f, 10.5f}}, true);
      pen.to(11.5f, 10.5f);
      pen.arc_to(16, 8, 5.5f, 160, 300);
      pen.to(16.5f, 7.5f);
      pen.to(19, 8);
      pen.arc_to(16, 8, 5.5f, 20, 130);
      pen.stroke(false);
      return true;
    case Picto::FamilyJ:  // health: a cross
      pen.path({{9, 3}, {15, 3}, {15, 9}, {21, 9}, {21, 15}, {15, 15}, {15, 21}, {9, 21},
                {9, 15}, {3, 15}, {3, 9}, {9, 9}},
               true);
      return true;
    case Picto::FamilyK:  // services to people: a heart
      pen.to(12, 20.5f);
      pen.bezier_to(4, 14.5f, 1.5f, 10, 3.5f, 6.5f);
      pen.bezier_to(5.5f, 3, 10, 3.5f, 12, 7);
      pen.bezier_to(14, 3.5f, 18.5f, 3, 20.5f, 6.5f);
      pen.bezier_to(22.5f, 10, 20, 14.5f, 12, 20.5f);
      pen.stroke(true);
      return true;
    case Picto::FamilyL:  // performing arts: a star
      star(pen);
      return true;
    case Picto::FamilyM:  // business support: a bar chart
      pen.path({{3, 3}, {3, 21}, {21, 21}}, false);
      pen.rect(6.5f, 13, 9.5f, 18);
      pen.rect(11.5f, 9, 14.5f, 18);
      pen.rect(16.5f, 5, 19.5f, 18);
      return true;
    case Picto::FamilyN:  // transport and logistics: a truck
      pen.rect(1.5f, 6, 14, 17);
      pen.path({{14, 9}, {18.5f, 9}, {22.5f, 13}, {22.5f, 17}, {14, 17}}, false);
      pen.circle(6, 18.5f, 2.2f);
      pen.circle(18, 18.5f, 2.2f);
      return true;
    case Picto::WorkshopCv:
    case Picto::HelpCv:
      document(pen);
      return true;
    case Picto::WorkshopJobSearch:  // a magnifier
      pen.circle(10, 10, 6.5f);
      pen.line(14.8f, 14.8f, 21, 21);
      return true;
    case Picto::WorkshopInterview:  // a video camera (filmed interview)
      pen.rect(2, 7, 15, 17, 2);
      pen.path({{15, 10.5f}, {21.5f, 7}, {21.5f, 17}, {15, 13.5f}}, true);
      return true;
    case Picto::WorkshopTradeDiscovery:  // a compass
      pen.circle(12, 12, 10);
      pen.path({{12, 5}, {14.5f, 12}, {12, 19}, {9.5f, 12}}, true);
      pen.fill({{12, 5}, {14.5f, 12}, {9.5f, 12}});
      return true;
    case Picto::WorkshopDigitalBasics:  // a screen and a pointer
      monitor(pen);
      pen.path({{9, 5.5f}, {9, 13}, {11, 11}, {12.8f, 14.3f}, {14, 13.7f}, {12.3f, 10.5f},
                {15, 10.5f}},
               true);
      return true;
    case Picto::HelpEmailAccount:  // an envelope
      pen.rect(2, 5, 22, 19, 1.5f);
      pen.path({{2.5f, 6}, {12, 13}, {21.5f, 6}}, false);
      return true;
    case Picto::HelpAnswerOffer:  // a paper plane (sending an application)
      pen.path({{2, 11}, {22, 3}, {15, 21}, {11, 13}}, true);
      pen.line(11, 13, 22, 3);
      return true;
    case Picto::HelpOnlineProcedure:  // a screen with a tick
      monitor(pen);
      pen.path({{8, 9.5f}, {11, 12.5f}, {16, 6.5f}}, false);
      return true;
    case Picto::HelpOther:  // a question in a bubble
      pen.path({{2, 3}, {22, 3}, {22, 17}, {11, 17}, {6, 21}, {7, 17}, {2, 17}}, true);
      pen.arc(12, 7.8f, 2.6f, 180, 405);
      pen.line(13.8f, 9.6f, 12, 11.5f);
      pen.line(12, 11.5f, 12, 12.5f);
      pen.disc(12, 14.6f, 1);
      return true;
    default:
      return false;
  }
}

}  // namespace eric::ui::detail
