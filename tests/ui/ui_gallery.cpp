// Developer tool: draws the widget kit on the real SDL software renderer and saves PNGs to look at.
// Usage: SDL_VIDEODRIVER=dummy ui_gallery OUT_DIR [--high-contrast]
#include <SDL.h>

#include <cstdio>
#include <string>

#include <imgui.h>

#include "kiosk/ui/platform.h"
#include "kiosk/ui/qr_view.h"
#include "kiosk/ui/widgets.h"

using namespace eric::ui;

namespace {

void page(Ui& ui, int scene) {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::Begin("page", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBringToFrontOnFocus |
                   ImGuiWindowFlags_NoSavedSettings);
  const float m = page_margin(ui);
  if (scene == 0) {
    header_band(ui, {"Cyber-base de Martigues", "Espace Régional Internet Citoyen", "14 h 05",
                     "lundi 23 novembre"});
    ImGui::SetCursorScreenPos(ImVec2(m, header_height(ui) + m * 0.8f));
    text(ui, "Bonjour ! Que voulez-vous faire ?", {FontRole::Display, Tone::Normal});
    const float gap = 0.9f * em(ui);
    const float w = (io.DisplaySize.x - 2 * m - 2 * gap) / 3;
    const float y = ImGui::GetCursorScreenPos().y;
    const TileSpec tiles[3] = {
        {Picto::Jobs, "Trouver un métier ou un emploi",
         "Des offres près de chez vous, et les formations payées par la Région pour y arriver.",
         "Commencer", ImVec2(w, 560)},
        {Picto::Immersion, "Essayer un métier en entreprise",
         "Quelques jours chez un employeur, pour voir si le métier vous plaît.", "Commencer",
         ImVec2(w, 560)},
        {Picto::Help, "Être aidé ou m'inscrire à un atelier",
         "Un animateur vous aide (CV, e-mail, démarches), ou une place dans un atelier.",
         "Commencer", ImVec2(w, 560)}};
    for (int i = 0; i < 3; ++i) {
      ImGui::SetCursorScreenPos(ImVec2(m + i * (w + gap), y));
      tile(ui, tiles[i]);
    }
    footer(ui, {"Offres à jour : aujourd'hui à 13 h 40", true, 0, "Français · English"});
  } else if (scene == 1) {
    title_band(ui, "Cuisinier / Cuisinière", "Près de Martigues · 20 km autour", true);
    ImGui::SetCursorScreenPos(ImVec2(m * 0.5f, ImGui::GetCursorScreenPos().y));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.5f * em(ui), 0.5f * em(ui)));
    const char* chips[] = {"Tous les contrats", "CDI", "CDD", "Intérim", "Alternance",
                           "Avec une formation financée"};
    for (int i = 0; i < 6; ++i) {
      if (i) ImGui::SameLine();
      chip(ui, chips[i], i == 0 || i == 5);
    }
    ImGui::SetCursorScreenPos(ImVec2(m * 0.5f, ImGui::GetCursorScreenPos().y));
    text(ui, "23 offres trouvées, les plus proches d'abord", {FontRole::Body, Tone::Secondary});
    ImGui::SetCursorScreenPos(ImVec2(m * 0.5f, ImGui::GetCursorScreenPos().y));
    ImGui::PopStyleVar();
    const float rh = card_height(ui, true);
    ScrollList list(ui, "jobs", ImVec2(io.DisplaySize.x - m, 0), 23, rh, 0.6f * em(ui));
    for (int i = list.first(); i < list.last(); ++i) {
      list.place(i);
      const std::string km = std::to_string(2 + 3 * i) + " km";
      card(ui, {i % 2 ? "Commis de cuisine" : "Cuisinier / Cuisinière",
                "Restaurant Le Miroir aux Oiseaux · CDI · 35 h par semaine", km,
                i % 3 ? "Martigues" : "Sausset-les-Pins",
                i % 4 == 3 ? "" : "Formation financée par la Région", 0, rh});
    }
  } else if (scene == 2) {
    title_band(ui, "Vos coordonnées", "Pour que l'employeur vous réponde", true);
    ImGui::SetCursorScreenPos(ImVec2(m, ImGui::GetCursorScreenPos().y + em(ui)));
    text_field(ui, "Votre prénom", "Zoé", {true, "", "", 800});
    ImGui::SetCursorScreenPos(ImVec2(m, ImGui::GetCursorScreenPos().y));
    text_field(ui, "Votre téléphone", "06 12", {false, "Ce numéro est trop court.", "", 800});
    ImGui::SetCursorScreenPos(ImVec2(m, ImGui::GetCursorScreenPos().y));
    bool consent = true;
    toggle(ui, "J'accepte que l'employeur reçoive mon prénom et mon téléphone.", consent);
    std::string typed = "Zoé";
    keyboard(ui, typed, {KeyboardMode::Text, 40});
  } else if (scene == 3) {
    ImGui::SetCursorScreenPos(ImVec2(m, m));
    const float s = 96, step = 150;
    int n = 0;
    for (int p = static_cast<int>(Picto::Jobs); p <= static_cast<int>(Picto::HelpOther); ++p) {
      const ImVec2 pos(m + (n % 11) * step, m + (n / 11) * 200);
      draw_picto(ImGui::GetWindowDrawList(), static_cast<Picto>(p), pos, s,
                 to_u32(ui.theme.title));
      ++n;
    }
    QrMatrix qr;
    make_qr("https://eric.maregionsud.fr/d/4F7K-9QXA", qr);
    ImGui::SetCursorScreenPos(ImVec2(m, 700));
    draw_qr(ui, qr, qr_module_px(ui));
    ImGui::SetCursorScreenPos(ImVec2(700, 700));
    std::string pin = "12";
    pin_pad(ui, pin, 4);
    ImGui::SetCursorScreenPos(ImVec2(1300, 700));
    big_button(ui, "Valider");
    ImGui::SetCursorScreenPos(ImVec2(1300, 800));
    big_button(ui, "Modifier", {ButtonKind::Secondary});
    ImGui::SetCursorScreenPos(ImVec2(1300, 900));
    badge(ui, "Formation financée par la Région");
    ui.toasts.show("Votre demande est enregistrée.", 0, 1000);
    draw_toasts(ui, 10);
  } else if (scene == 4) {
    header_band(ui, {"Cyber-base de Martigues", "Espace Régional Internet Citoyen", "14 h 05",
                     "lundi 23 novembre"});
    begin_modal(ui, "idle");
    text(ui, "Vous êtes toujours là ?", {FontRole::Title, Tone::Title});
    text(ui, "Sans réponse, tout sera effacé dans 15 secondes.");
    big_button(ui, "Oui, je continue");
    end_modal(ui);
  }
  ImGui::End();
}

int run(const std::string& out, bool hc);

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: ui_gallery OUT_DIR [--high-contrast]\n");
    return 2;
  }
  const std::string out = argv[1];
  const bool hc = argc > 2 && std::string(argv[2]) == "--high-contrast";
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  int status = run(out, hc);
  ImGui::DestroyContext();  // after the platform (its backend shuts down with the context)
  return status;
}

namespace {
int run(const std::string& out, bool hc) {
  Platform platform;
  PlatformOptions opts;
  opts.fullscreen = false;
  opts.software = true;
  if (const eric::Status opened = platform.open(opts); !opened) {
    std::fprintf(stderr, "%s\n", opened.message_fr.c_str());
    return 1;
  }
  Ui ui;
  eric::I18n i18n;
  if (i18n.load_dir(std::string(ERIC_ASSETS_DIR) + "/i18n").ok) ui.i18n = &i18n;
  ui.theme = make_theme(hc ? ThemeKind::HighContrast : ThemeKind::Standard);
  set_display(ui, platform.geometry());
  FontConfig fc;
  fc.scale = ui.scale;
  if (const eric::Status built = ui.fonts.build(ImGui::GetIO(), fc); !built) {
    std::fprintf(stderr, "%s\n", built.message_fr.c_str());
    return 1;
  }
  platform.rebuild_font_texture();
  const char* names[] = {"home", "results", "form", "sheet", "modal"};
  for (int scene = 0; scene < 5; ++scene) {
    for (int f = 0; f < 3; ++f) {  // a few frames: auto-sized windows settle
      platform.new_frame();
      ImGui::NewFrame();
      begin_frame(ui);
      page(ui, scene);
      end_frame(ui);
      ImGui::Render();
      platform.render(ImGui::GetDrawData());
    }
    Image img;
    eric::Status saved = platform.read_pixels(img);
    if (saved) saved = write_png(out + "/" + names[scene] + (hc ? "_hc" : "") + ".png", img);
    if (!saved) {
      std::fprintf(stderr, "%s\n", saved.message_fr.c_str());
      return 1;
    }
    platform.present();
  }
  return 0;
}
}  // namespace
