// Shared words and session keys of the immersion screens (no SQL here: kiosk/core/domain/immersion.h).
#pragma once

#include <string>
#include <string_view>

#include "kiosk/core/domain/immersion.h"
#include "kiosk/core/storage/catalog.h"

namespace eric {

class I18n;
struct Session;
namespace ui {
struct Ui;
}

namespace immersion {

// What the form keeps in Session::values. The first name, the phone, the email and the
// consent use the Session's own fields; they and the "form." values are forgotten when the
// form and its confirmation have left the stack (Session::forget_personal).
// Form tokens are kept per period ("immersion.form_token.<slot id>"), so that going to another
// period and coming back still finds the request already made for the first one.
inline constexpr const char* kFormTokenPrefix = "immersion.form_token.";
inline constexpr const char* kFormSlot = "immersion.form_slot";    // the period last opened
inline constexpr const char* kObjective = "form.immersion.objective";  // discover|confirm|recruit
inline constexpr const char* kMessage = "form.immersion.message";  // as the visitor left it
inline constexpr const char* kMessageEdited = "form.immersion.message_edited";  // "1": keep it

// Values of the session map, "" when absent (reading never inserts).
std::string value(const Session& s, std::string_view key);

// "du 7 au 11 décembre"
std::string slot_dates(const I18n& i18n, const ImmersionSlot& slot);
// "5 jours de présence"
std::string days_words(const I18n& i18n, int days);
// "Par téléphone", "Par e-mail", "En venant sur place": how the employer likes contact.
std::string contact_mode_words(const I18n& i18n, std::string_view mode);
// The i18n key of an objective's label ("immersion.objective.discover").
std::string objective_key(ImmersionObjective o);

// The message to the employer, written for the visitor from their choices.
std::string prewritten_message(const I18n& i18n, ImmersionObjective objective,
                               std::string_view trade_label, std::string_view employer,
                               const ImmersionSlot& slot, std::string_view first_name);

// The message to the employer in a white box, wrapped at width (the keyboard edits it when
// focused); `empty` in grey when there is none.
void message_box(ui::Ui& u, const std::string& message, const std::string& empty, float width,
                 bool focused);

}  // namespace immersion
}  // namespace eric
