// The shape every ERIC program's command line shares, on CLI11: the same --help layout, the
// same --version line ("PROGRAM VERSION"), the same error form (the error, then a pointer to
// --help, exit status 2).
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace eric::cli {

// An App with the project's --version and error form. `description` is the first line of
// --help.
void setup(CLI::App& app, const std::string& program, const std::string& description);

// Parses argv. nullopt: go on. A code: stop now and return it (0 after --help or --version,
// which printed to stdout; 2 after an error, printed to stderr). CLI11's exceptions stop here.
[[nodiscard]] std::optional<int> parse(CLI::App& app, int argc, const char* const* argv);

// A check that refuses an empty value ("--data-dir=").
CLI::Validator non_empty();

}  // namespace eric::cli
