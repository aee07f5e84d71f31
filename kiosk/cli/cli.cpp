// The shared command-line shape (see cli.h).
#include "kiosk/cli/cli.h"

#include <iostream>

#ifndef ERIC_VERSION
#error "ERIC_VERSION comes from the top-level CMakeLists.txt (the project's version)"
#endif

namespace eric::cli {

void setup(CLI::App& app, const std::string& program, const std::string& description) {
  app.name(program);
  app.description(description);
  app.set_version_flag("--version", program + " " + ERIC_VERSION, "print the version and exit");
  app.option_defaults()->always_capture_default();
  // One line for the error and one for where to look: what a technician needs on a console.
  app.failure_message([program](const CLI::App*, const CLI::Error& e) {
    return program + ": " + std::string(e.what()) + "\nRun with --help for more information.\n";
  });
}

std::optional<int> parse(CLI::App& app, int argc, const char* const* argv) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 numbers each kind of error; a script only needs "used wrongly": 2, as before.
    return app.exit(e) == 0 ? 0 : 2;
  }
  return std::nullopt;
}

CLI::Validator non_empty() {
  return CLI::Validator(
      [](std::string& value) { return value.empty() ? std::string("an empty value") : std::string(); },
      "NON_EMPTY");
}

}  // namespace eric::cli
