// Parsing eric-kiosk's command line (see options.h).
#include "kiosk/app/options.h"

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace eric {

namespace {

bool parse_size(const std::string& s, int& w, int& h) {
  int a = 0, b = 0;
  char tail = 0;
  if (std::sscanf(s.c_str(), "%dx%d%c", &a, &b, &tail) != 2) return false;
  if (a < 320 || b < 240 || a > 16384 || b > 16384) return false;
  w = a;
  h = b;
  return true;
}

bool parse_int(const std::string& s, int lo, int hi, int& out) {
  if (s.empty()) return false;
  char* end = nullptr;
  const long v = std::strtol(s.c_str(), &end, 10);
  if (!end || *end != '\0' || v < lo || v > hi) return false;
  out = static_cast<int>(v);
  return true;
}

}  // namespace

bool parse_kiosk_options(int argc, const char* const* argv, KioskOptions& out,
                         std::string& error) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    std::string value;
    bool has_inline = false;
    if (arg.rfind("--", 0) == 0) {
      const size_t eq = arg.find('=');
      if (eq != std::string::npos) {
        value = arg.substr(eq + 1);
        arg = arg.substr(0, eq);
        has_inline = true;
      }
    }
    // Takes the flag's value: "--flag=value" or the next argument.
    auto take = [&](std::string& dst) {
      if (has_inline) {
        dst = value;
      } else if (i + 1 < argc) {
        dst = argv[++i];
      } else {
        error = "l'option " + arg + " attend une valeur";
        return false;
      }
      if (dst.empty()) {
        error = "l'option " + arg + " attend une valeur non vide";
        return false;
      }
      return true;
    };
    auto no_value = [&]() {
      if (has_inline) {
        error = "l'option " + arg + " ne prend pas de valeur";
        return false;
      }
      return true;
    };
    if (arg == "--help" || arg == "-h") {
      if (!no_value()) return false;
      out.help = true;
    } else if (arg == "--version") {
      if (!no_value()) return false;
      out.version = true;
    } else if (arg == "--demo") {
      if (!no_value()) return false;
      out.demo = true;
    } else if (arg == "--print-startup-time") {
      if (!no_value()) return false;
      out.print_startup_time = true;
    } else if (arg == "--software") {
      if (!no_value()) return false;
      out.software_renderer = true;
    } else if (arg == "--data-dir") {
      if (!take(out.data_dir)) return false;
    } else if (arg == "--windowed") {
      std::string size;
      if (!take(size)) return false;
      if (!parse_size(size, out.width, out.height)) {
        error = "--windowed attend une taille LARGEURxHAUTEUR, par exemple 1920x1080 (pas « " +
                size + " »)";
        return false;
      }
      out.windowed = true;
    } else if (arg == "--script") {
      if (!take(out.script)) return false;
    } else if (arg == "--screenshots") {
      if (!take(out.screenshots_dir)) return false;
    } else if (arg == "--reference-data") {
      if (!take(out.reference_data)) return false;
    } else if (arg == "--assets") {
      if (!take(out.assets_dir)) return false;
    } else if (arg == "--clock") {
      if (!take(out.clock)) return false;
    } else if (arg == "--lang") {
      if (!take(out.lang)) return false;
      if (out.lang != "fr" && out.lang != "en") {
        error = "--lang attend fr ou en (pas « " + out.lang + " »)";
        return false;
      }
    } else if (arg == "--idle-timeout") {
      std::string v;
      int seconds = 0;
      if (!take(v)) return false;
      if (!parse_int(v, 5, 86400, seconds)) {
        error = "--idle-timeout attend un nombre de secondes entre 5 et 86400 (pas « " + v + " »)";
        return false;
      }
      out.idle_timeout_s = seconds;
    } else {
      error = "option inconnue « " + arg + " » (voir --help)";
      return false;
    }
  }
  return true;
}

std::string kiosk_usage() {
  return "Usage : eric-kiosk [options]\n"
         "La borne tactile ERIC : plein écran, sans clavier.\n"
         "\n"
         "  --data-dir DIR          dossier de la borne (cache.db), créé en 0700\n"
         "  --demo                  remplit un dossier vide avec le catalogue de démonstration\n"
         "                          (codes animateur 2468 et responsable 1357)\n"
         "  --windowed LxH          fenêtre de cette taille au lieu du plein écran\n"
         "  --script FICHIER        joue un script (tap, type, expect...) puis s'arrête\n"
         "  --screenshots DIR       dossier des captures d'écran des scripts\n"
         "  --reference-data DIR    données de référence (sinon ERIC_DATA_DIR, sinon ../shared/data)\n"
         "  --assets DIR            textes et ressources (sinon ERIC_ASSETS_DIR, sinon assets/)\n"
         "  --clock \"AAAA-MM-JJ HH:MM\"  démarre l'horloge à cette heure (scripts, captures)\n"
         "  --lang fr|en            langue au démarrage\n"
         "  --idle-timeout SECONDES inactivité avant « Vous êtes toujours là ? » (60)\n"
         "  --software              rendu logiciel (images identiques d'une fois à l'autre)\n"
         "  --print-startup-time    affiche le temps jusqu'au premier écran et la mémoire maximale\n"
         "  --help, --version\n";
}

}  // namespace eric
