// Line pictograms drawn with ImDrawList: the kiosk's own icons, in one colour and one stroke.
#pragma once

#include <string_view>

#include <imgui.h>

namespace eric::ui {

enum class Picto {
  None,
  // home paths and tools
  Jobs,       // briefcase + magnifier
  Immersion,  // handshake
  Help,       // person + speech bubble
  Lock,
  Speaker,    // read aloud
  Info,       // "i" in a circle: the glossary
  Contrast,   // a circle half filled: the high-contrast theme
  Check,
  ArrowLeft,
  ArrowRight,  // "back" in a right-to-left language
  Location,   // map pin
  Calendar,
  FaceHappy, FaceNeutral, FaceSad,
  // the 14 ROME trade families
  FamilyA, FamilyB, FamilyC, FamilyD, FamilyE, FamilyF, FamilyG,
  FamilyH, FamilyI, FamilyJ, FamilyK, FamilyL, FamilyM, FamilyN,
  // workshop kinds
  WorkshopCv, WorkshopJobSearch, WorkshopInterview, WorkshopTradeDiscovery,
  WorkshopDigitalBasics,
  // reasons to ask for help
  HelpCv, HelpEmailAccount, HelpAnswerOffer, HelpOnlineProcedure, HelpOther,
};

// 'A'..'N' (either case); None otherwise.
Picto family_picto(char letter);
// "cv", "job_search", "interview_simulation", "trade_discovery", "digital_basics".
Picto workshop_picto(std::string_view kind);
// "cv", "email_account", "answer_offer", "online_procedure", "other".
Picto help_reason_picto(std::string_view reason);

// Draws p in the square [pos, pos + size]; the stroke is size / 16 (at least 2 px).
void draw_picto(ImDrawList* dl, Picto p, ImVec2 pos, float size, ImU32 color);

}  // namespace eric::ui
