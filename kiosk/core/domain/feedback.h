// "Did this kiosk help you?": the answer a visitor gives at the end of a path, checked and queued.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/storage/db.h"

namespace eric {

// The three faces. Nothing else is ever asked: no free text, nothing that names a person.
inline constexpr int kFeedbackNo = 1;
inline constexpr int kFeedbackALittle = 2;
inline constexpr int kFeedbackYes = 3;

// The paths whose end asks the question ("jobs", "immersion", "help", "workshop").
std::span<const std::string_view> feedback_paths();
bool is_feedback_path(std::string_view path);

// The reason chips offered after a rating, in the order they are shown: what helped after
// "Oui", what went wrong after "Non" and "Un peu" (a little means something was missing).
// Empty for a rating outside 1..3. Their labels are i18n keys "feedback.reason.<code>".
std::span<const std::string_view> feedback_reasons(int rating);
// Every reason code of every rating.
bool is_feedback_reason(std::string_view code);

// Checks an answer: rating 1..3, known path, each reason offered for that rating and given
// once. Code "bad_input" otherwise.
Status feedback_check(int rating, const std::vector<std::string>& reasons, std::string_view path);

// The outbox payload of a checked answer: {"rating": 2, "reasons": ["too_hard"], "path": "jobs"},
// reasons in the order feedback_reasons() shows them.
std::string feedback_payload(int rating, const std::vector<std::string>& reasons,
                             std::string_view path);

// Queues one "feedback" outbox item (nothing personal: never purged). Refuses a bad answer
// with code "bad_input" and writes nothing. Returns the item's id.
Result<std::string> feedback_add(Database& db, int rating, const std::vector<std::string>& reasons,
                                 std::string_view path, int64_t now_s);

}  // namespace eric
