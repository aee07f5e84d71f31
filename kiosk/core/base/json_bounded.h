// JSON from outside, read with a bound on its nesting: nlohmann's DOM is written and compared
// recursively (dump, ==), so an array nested 100,000 deep would overflow the stack. Every
// reader of outside JSON (the server's request bodies, the terminal's readers of server
// answers) checks the depth first, without recursion, and refuses what is deeper.
#pragma once

#include <nlohmann/json.hpp>

#include <string_view>

namespace eric {

// Deeper than any message of the protocol (an outbox item's consent is 5 levels down), and
// far below what would strain a thread's stack.
inline constexpr int kMaxJsonDepth = 32;

// True when no array or object of `text` is nested deeper than `max_depth` (the top level
// counts 1). Brackets inside strings do not count. Reads the text once, in a loop; says
// nothing about whether the text is valid JSON.
bool json_depth_within(std::string_view text, int max_depth = kMaxJsonDepth);

// Parses `text` without exceptions. A text nested deeper than `max_depth` or not JSON gives
// a discarded value (is_discarded()), which the caller refuses as malformed.
nlohmann::json parse_bounded_json(std::string_view text, int max_depth = kMaxJsonDepth);

}  // namespace eric
