// The visitor's answer to "did this kiosk help you?": fixed chips, checks, one outbox item.
#include "kiosk/core/domain/feedback.h"

#include <algorithm>
#include <array>

#include "kiosk/core/domain/requests.h"
#include "kiosk/core/storage/store.h"
#include <nlohmann/json.hpp>

namespace eric {

namespace {

constexpr std::array<std::string_view, 4> kPaths = {"jobs", "immersion", "help", "workshop"};

// What helped: said after "Oui".
constexpr std::array<std::string_view, 5> kGoodReasons = {"clear", "found", "near", "quick",
                                                          "ideas"};
// What went wrong or was missing: said after "Non" and "Un peu".
constexpr std::array<std::string_view, 5> kBadReasons = {"too_hard", "not_found", "nothing_near",
                                                         "too_slow", "hard_to_read"};

// Position of code in the rating's chips, or -1.
int reason_index(int rating, std::string_view code) {
  const auto chips = feedback_reasons(rating);
  const auto it = std::find(chips.begin(), chips.end(), code);
  return it == chips.end() ? -1 : static_cast<int>(it - chips.begin());
}

}  // namespace

std::span<const std::string_view> feedback_paths() { return kPaths; }

bool is_feedback_path(std::string_view path) {
  return std::find(kPaths.begin(), kPaths.end(), path) != kPaths.end();
}

std::span<const std::string_view> feedback_reasons(int rating) {
  switch (rating) {
    case kFeedbackNo:
    case kFeedbackALittle:
      return kBadReasons;
    case kFeedbackYes:
      return kGoodReasons;
    default:
      return {};
  }
}

bool is_feedback_reason(std::string_view code) {
  return std::find(kGoodReasons.begin(), kGoodReasons.end(), code) != kGoodReasons.end() ||
         std::find(kBadReasons.begin(), kBadReasons.end(), code) != kBadReasons.end();
}

Status feedback_check(int rating, const std::vector<std::string>& reasons, std::string_view path) {
  if (rating < kFeedbackNo || rating > kFeedbackYes) {
    return Status::error("bad_input", "La réponse doit être 1, 2 ou 3.");
  }
  if (!is_feedback_path(path)) {
    return Status::error("bad_input", "Ce parcours n'existe pas sur la borne.");
  }
  std::vector<bool> seen(feedback_reasons(rating).size(), false);
  for (const std::string& code : reasons) {
    const int i = reason_index(rating, code);
    if (i < 0) {
      return Status::error("bad_input", "Cette raison ne va pas avec la réponse choisie.");
    }
    if (seen[static_cast<size_t>(i)]) {
      return Status::error("bad_input", "Une raison est donnée deux fois.");
    }
    seen[static_cast<size_t>(i)] = true;
  }
  return Status::success();
}

std::string feedback_payload(int rating, const std::vector<std::string>& reasons,
                             std::string_view path) {
  // The chips' order, not the order of the taps: the same answer always reads the same.
  FeedbackPayload payload;
  payload.rating = rating;
  for (std::string_view code : feedback_reasons(rating)) {
    if (std::find(reasons.begin(), reasons.end(), code) != reasons.end()) {
      payload.reasons.emplace_back(code);
    }
  }
  payload.path = std::string(path);
  return request_payload_json(payload);
}

Result<std::string> feedback_add(Database& db, int rating, const std::vector<std::string>& reasons,
                                 std::string_view path, int64_t now_s) {
  if (Status st = feedback_check(rating, reasons, path); !st) return {{}, std::move(st)};
  // purge_after 0: the answer holds nothing personal, so nothing is ever purged.
  return outbox_add(db, kFeedbackType, feedback_payload(rating, reasons, path), now_s, 0);
}

}  // namespace eric
