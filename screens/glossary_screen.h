// "glossary": the words visitors stumble on (CDD, intérim, alternance, immersion, formation
// financée), each explained in plain words (FALC: short sentences, one idea each).
#pragma once

#include <memory>

#include "kiosk/app/screen.h"

namespace eric {

std::unique_ptr<Screen> make_glossary_screen(const ScreenArgs& args);

}  // namespace eric
