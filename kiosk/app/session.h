// The visitor session: everything a visitor typed or chose, and the wipe that forgets it.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace eric {

// Who is at the terminal. Animator and manager sit behind PINs and leave after 2 minutes
// without a touch; the visitor mode is the default.
enum class Mode { Visitor, Animator, Manager };

// Plain fields that every path shares, and a generic map for what one path alone needs
// (keys prefixed by the path: "immersion.slot"). Nothing here outlives wipe().
struct Session {
  // Where: empty commune means "near this site".
  std::string place_commune;  // INSEE code
  std::string place_label;    // "Martigues (13500)"
  int radius_km = 0;          // 0: the path's default
  // What.
  std::string search_words;
  std::string trade_family;   // ROME family letter, as text
  std::string trade_code;     // "M1607"
  std::string job_id;
  std::string training_id;
  std::string immersion_slot_id;
  std::string workshop_id;
  // Who (the least possible personal data: a first name and one contact).
  std::string first_name;
  std::string phone;
  std::string email;
  bool consent = false;
  // Help with an animator.
  std::string help_reason;
  bool urgent_today = false;
  // Anything else a path keeps while the visitor moves through it. Keys that start with
  // kFormPrefix hold what a form asked ("form.immersion.message" names the visitor): they
  // go with the personal fields in forget_personal().
  std::map<std::string, std::string> values;
  static constexpr const char* kFormPrefix = "form.";
  // When the visitor first touched something (0 = nothing yet), for usage counters.
  int64_t started_ms = 0;

  bool operator==(const Session&) const = default;
  // True when nothing was typed or chosen.
  bool empty() const { return *this == Session{}; }
  // Overwrites every text in memory with zeros, then resets every field to its default.
  void wipe();
  // The same for what a form asked alone (first name, phone, e-mail, consent, "form."
  // values): the visitor left the form, the rest of their way (place, trade) stays.
  void forget_personal();
};

}  // namespace eric
