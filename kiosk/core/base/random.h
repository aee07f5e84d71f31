// Randomness for identifiers: libsodium's generator, initialised once per process.
#pragma once

#include <string>

namespace eric {

// Initialises libsodium once per process (thread-safe); false if it cannot be used.
bool crypto_ready();
// A random UUID (version 4): the idempotency key of an outbox item.
std::string new_uuid_v4();

}  // namespace eric
