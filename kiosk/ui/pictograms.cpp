// The kiosk's own line pictograms: home paths, tools, faces; lookup by family, workshop, reason.
#include "kiosk/ui/pictograms.h"

#include <algorithm>

#include "kiosk/ui/pictogram_pen.h"

namespace eric::ui {

Picto family_picto(char letter) {
  if (letter >= 'a' && letter <= 'n') letter = static_cast<char>(letter - 'a' + 'A');
  if (letter < 'A' || letter > 'N') return Picto::None;
  return static_cast<Picto>(static_cast<int>(Picto::FamilyA) + (letter - 'A'));
}

Picto workshop_picto(std::string_view kind) {
  if (kind == "cv") return Picto::WorkshopCv;
  if (kind == "job_search") return Picto::WorkshopJobSearch;
  if (kind == "interview_simulation") return Picto::WorkshopInterview;
  if (kind == "trade_discovery") return Picto::WorkshopTradeDiscovery;
  if (kind == "digital_basics") return Picto::WorkshopDigitalBasics;
  return Picto::None;
}

Picto help_reason_picto(std::string_view reason) {
  if (reason == "cv") return Picto::HelpCv;
  if (reason == "email_account") return Picto::HelpEmailAccount;
  if (reason == "answer_offer") return Picto::HelpAnswerOffer;
  if (reason == "online_procedure") return Picto::HelpOnlineProcedure;
  if (reason == "other") return Picto::HelpOther;
  return Picto::None;
}

namespace {

using detail::Pen;

void face(const Pen& pen, int mood) {
  pen.circle(12, 12, 10);
  pen.disc(8.5f, 9.5f, 1.3f);
  pen.disc(15.5f, 9.5f, 1.3f);
  if (mood > 0)
    pen.arc(12, 12, 5.5f, 30, 150);
  else if (mood == 0)
    pen.line(8, 16, 16, 16);
  else
    pen.arc(12, 20.5f, 5.5f, 215, 325);
}

}  // namespace

void draw_picto(ImDrawList* dl, Picto picto, ImVec2 pos, float size, ImU32 color) {
  if (!dl || picto == Picto::None || size <= 0) return;
  const Pen pen{dl, pos, size / 24.0f, color, std::max(2.0f, size / 16.0f)};
  switch (picto) {
    case Picto::Jobs:  // briefcase, a magnifier over its corner
      pen.rect(1.5f, 7, 17, 18.5f, 1.5f);
      pen.path({{6.5f, 7}, {6.5f, 4}, {12, 4}, {12, 7}}, false);
      pen.line(1.5f, 11.5f, 12, 11.5f);
      pen.circle(17, 16, 3.8f);
      pen.line(19.8f, 18.8f, 22.5f, 21.5f);
      break;
    case Picto::Immersion:  // handshake: two sleeves, clasped hands
      pen.path({{1, 9}, {4, 7}, {6.5f, 11}, {3.5f, 13}}, true);
      pen.path({{23, 9}, {20, 7}, {17.5f, 11}, {20.5f, 13}}, true);
      pen.path({{5, 8.5f}, {9, 6.5f}, {12, 8}, {15, 6.5f}, {19, 8.5f}}, false);
      pen.path({{12, 8}, {9, 10.5f}, {10.5f, 11.5f}, {13.5f, 10}}, false);
      pen.path({{6, 12}, {10.5f, 16.5f}, {12.5f, 17}, {14.5f, 16}, {18, 12}}, false);
      pen.line(9.5f, 13.5f, 11, 12);
      pen.line(11.5f, 15, 13, 13.5f);
      break;
    case Picto::Help:  // a person and a speech bubble
      pen.circle(7, 8.5f, 3);
      pen.arc(7, 21, 5.5f, 180, 360);
      pen.path({{12, 2.5f}, {22, 2.5f}, {22, 10}, {17, 10}, {14, 13}, {14, 10}, {12, 10}}, true);
      break;
    case Picto::Lock:
      pen.rect(5, 11, 19, 21, 2);
      pen.to(8, 11);
      pen.to(8, 7.5f);
      pen.arc_to(12, 7.5f, 4, 180, 360);
      pen.to(16, 11);
      pen.stroke(false);
      pen.disc(12, 15.2f, 1.4f);
      pen.line(12, 15.5f, 12, 18);
      break;
    case Picto::Speaker:
      pen.path({{3, 9}, {7, 9}, {12, 4.5f}, {12, 19.5f}, {7, 15}, {3, 15}}, true);
      pen.arc(13, 12, 4, -45, 45);
      pen.arc(13, 12, 7.5f, -50, 50);
      break;
    case Picto::Info: {
      pen.circle(12, 12, 9);
      const Pen bold{dl, pos, pen.k, color, std::max(2.0f, size / 9.0f)};
      bold.line(12, 10.5f, 12, 17);
      bold.line(12, 7, 12, 7.6f);
      break;
    }
    case Picto::Contrast:  // the right half solid, the left half open: dark and light
      pen.circle(12, 12, 9);
      pen.arc_to(12, 12, 9, -90, 90);
      dl->PathFillConvex(color);
      break;
    case Picto::Check: {
      const Pen bold{dl, pos, pen.k, color, std::max(2.0f, size / 8.0f)};
      bold.path({{4, 12.5f}, {9.5f, 18}, {20, 6.5f}}, false);
      break;
    }
    case Picto::ArrowLeft: {
      const Pen bold{dl, pos, pen.k, color, std::max(2.0f, size / 10.0f)};
      bold.line(21, 12, 4, 12);
      bold.path({{10.5f, 5.5f}, {4, 12}, {10.5f, 18.5f}}, false);
      break;
    }
    case Picto::ArrowRight: {
      const Pen bold{dl, pos, pen.k, color, std::max(2.0f, size / 10.0f)};
      bold.line(3, 12, 20, 12);
      bold.path({{13.5f, 5.5f}, {20, 12}, {13.5f, 18.5f}}, false);
      break;
    }
    case Picto::Location:
      pen.to(12, 22);
      pen.arc_to(12, 9.5f, 7, 150, 390);
      pen.stroke(true);
      pen.circle(12, 9.5f, 2.6f);
      break;
    case Picto::Calendar:
      pen.rect(3, 5, 21, 21, 2);
      pen.line(3, 10, 21, 10);
      pen.line(8, 3, 8, 7);
      pen.line(16, 3, 16, 7);
      for (float y : {14.0f, 17.5f})
        for (float x : {8.0f, 12.0f, 16.0f}) pen.disc(x, y, 1.1f);
      break;
    case Picto::FaceHappy: face(pen, 1); break;
    case Picto::FaceNeutral: face(pen, 0); break;
    case Picto::FaceSad: face(pen, -1); break;
    default:
      detail::draw_trade_picto(pen, static_cast<int>(picto));
      break;
  }
}

}  // namespace eric::ui
