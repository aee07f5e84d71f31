// How every operation of the project says it failed: a Status, or a Result<T> holding a value
// or the Status of why there is none. Both are [[nodiscard]]: a dropped failure does not compile
// under -Werror.
#pragma once

#include <string>
#include <utility>

namespace eric {

// The outcome of an operation: a machine code for logs and tests, a French sentence for people.
struct [[nodiscard]] Status {
  bool ok = true;
  std::string code;        // "" when ok; "sqlite_busy", "not_found", "bad_input", ...
  std::string message_fr;  // shown to the site manager, never to a visitor as is

  static Status success() { return {}; }
  static Status error(std::string code, std::string message_fr) {
    return Status{false, std::move(code), std::move(message_fr)};
  }
  explicit operator bool() const { return ok; }
};

// A value or the reason there is none.
template <class T>
struct [[nodiscard]] Result {
  T value{};
  Status status;
  bool ok() const { return status.ok; }
};

}  // namespace eric
