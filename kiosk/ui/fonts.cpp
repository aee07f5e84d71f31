// Font discovery and atlas building (FreeType), glyph coverage helpers.
#include "kiosk/ui/fonts.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <imgui_freetype.h>
#include <optional>

#include "kiosk/core/base/utf8.h"
#include "kiosk/ui/text_shaping.h"

namespace eric::ui {

namespace {

constexpr const char* kInterDir = "/usr/share/fonts/opentype/inter/";
constexpr const char* kNotoDir = "/usr/share/fonts/truetype/noto/";
constexpr const char* kDejaVuSans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

bool exists(const std::string& path) {
  std::error_code ec;
  return !path.empty() && std::filesystem::is_regular_file(path, ec);
}

// Glyphs of the UI and the catalog; the atlas keeps the pointer, hence static storage.
constexpr ImWchar kRanges[] = {
    0x0020, 0x00FF,  // Basic Latin + Latin-1 (é, à, ç, «, », no-break space)
    0x0100, 0x017F,  // Latin Extended-A (œ, Œ, and names from neighbouring languages)
    0x0400, 0x04FF,  // Cyrillic (Ukrainian)
    0x2000, 0x206F,  // general punctuation: ’ – — … • and U+202F narrow no-break space
    0x20AC, 0x20AC,  // €
    0x2190, 0x2193,  // ← ↑ → ↓
    0x2212, 0x2212,  // − (minus sign of the +/− controls)
    0x25A1, 0x25A1,  // □, drawn for a character no font of the kiosk has
    0x2713, 0x2713,  // ✓
    0,
};

// Only the symbols Noto Sans lacks; merged from DejaVu Sans when present.
constexpr ImWchar kSymbolRanges[] = {0x2190, 0x2193, 0x25A1, 0x25A1, 0x2713, 0x2713, 0};

}  // namespace

const ImWchar* kiosk_glyph_ranges() { return kRanges; }

Status find_font_files(const FontConfig& cfg, FontFiles& out) {
  out = FontFiles{};
  if (!cfg.regular.empty()) {
    if (!exists(cfg.regular)) {
      return Status::error("fonts", "Le fichier de police " + cfg.regular + " est introuvable.");
    }
    out.regular = cfg.regular;
    out.semibold = exists(cfg.semibold) ? cfg.semibold : cfg.regular;
    out.bold = exists(cfg.bold) ? cfg.bold : out.semibold;
  } else if (exists(std::string(kInterDir) + "Inter-Regular.otf")) {
    const std::string d = kInterDir;
    out.regular = d + "Inter-Regular.otf";
    out.semibold = exists(d + "Inter-SemiBold.otf") ? d + "Inter-SemiBold.otf" : out.regular;
    out.bold = exists(d + "Inter-Bold.otf") ? d + "Inter-Bold.otf" : out.semibold;
  } else if (exists(std::string(kNotoDir) + "NotoSans-Regular.ttf")) {
    const std::string d = kNotoDir;
    out.regular = d + "NotoSans-Regular.ttf";
    out.bold = exists(d + "NotoSans-Bold.ttf") ? d + "NotoSans-Bold.ttf" : out.regular;
    out.semibold = exists(d + "NotoSans-SemiBold.ttf") ? d + "NotoSans-SemiBold.ttf" : out.bold;
  } else {
    return Status::error(
        "fonts", "Aucune police n'est installée. Installez le paquet fonts-inter (ou fonts-noto-core).");
  }
  if (exists(cfg.symbols))
    out.symbols = cfg.symbols;
  else if (exists(kDejaVuSans))
    out.symbols = kDejaVuSans;
  const std::string arabic = std::string(kNotoDir) + "NotoSansArabic-Regular.ttf";
  const std::string arabic_bold = std::string(kNotoDir) + "NotoSansArabic-Bold.ttf";
  if (exists(arabic)) {
    out.arabic = arabic;
    out.arabic_bold = exists(arabic_bold) ? arabic_bold : arabic;
  }
  return Status::success();
}

Status Fonts::build(ImGuiIO& io, const FontConfig& cfg) {
  FontFiles found;
  if (Status s = find_font_files(cfg, found); !s) return s;
  ImFontAtlas* atlas = io.Fonts;
  atlas->Clear();
  atlas->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  atlas->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
  scale = cfg.scale > 0 ? cfg.scale : 1.0f;
  // Only the Arabic forms the texts use: all of Arabic's presentation forms in six sizes
  // would not fit a 4096-pixel atlas at A++.
  extra_ranges.clear();
  if (!cfg.extra_glyphs.empty() && !found.arabic.empty()) {
    ImFontGlyphRangesBuilder builder;
    for (unsigned cp : cfg.extra_glyphs)
      if (cp <= IM_UNICODE_CODEPOINT_MAX) builder.AddChar(static_cast<ImWchar>(cp));
    ImVector<ImWchar> built;
    builder.BuildRanges(&built);
    extra_ranges.assign(built.begin(), built.end());
  }

  // Dear ImGui 1.86's FreeType builder renders each glyph into 256 KiB chunks and writes past
  // the chunk for a glyph above 256 x 256 pixels (heap corruption, seen with valgrind at 4K
  // and A++: the ticket number at 394 px). No font is rasterised larger than this.
  constexpr float kLargestGlyphPx = 256.0f;
  const auto px_of = [&](float design_px) { return std::min(kLargestGlyphPx, std::round(design_px * scale)); };
  // Digits and capitals: what a ticket number holds ("A001").
  static const ImWchar kNumberRanges[] = {0x0030, 0x0039, 0x0041, 0x005A, 0};
  auto add = [&](const std::string& file, float px, bool bold) -> ImFont* {
    ImFontConfig fc;
    fc.OversampleH = 1;  // FreeType renders at the real size; oversampling only costs memory
    fc.OversampleV = 1;
    fc.PixelSnapH = true;
    ImFont* font = atlas->AddFontFromFileTTF(file.c_str(), px_of(px), &fc, kRanges);
    if (font && !found.symbols.empty()) {
      ImFontConfig merge;
      merge.MergeMode = true;
      merge.OversampleH = 1;
      merge.OversampleV = 1;
      atlas->AddFontFromFileTTF(found.symbols.c_str(), px_of(px), &merge,
                                kSymbolRanges);
    }
    if (font && !extra_ranges.empty()) {
      // Arabic letters look a size smaller than Latin ones at the same pixel height: drawn
      // 30 % larger (the FreeType builder puts every merged glyph on the main font's baseline).
      ImFontConfig merge;
      merge.MergeMode = true;
      merge.OversampleH = 1;
      merge.OversampleV = 1;
      const float arabic_px = std::min(kLargestGlyphPx, std::round(px * scale * 1.3f));
      atlas->AddFontFromFileTTF((bold ? found.arabic_bold : found.arabic).c_str(), arabic_px,
                                &merge, extra_ranges.data());
    }
    return font;
  };
  body = add(found.regular, kBodyPx, false);  // first font = ImGui's default font
  small = add(found.regular, kSmallPx, false);
  body_bold = add(found.semibold, kBodyPx, true);
  heading = add(found.semibold, kHeadingPx, true);
  title = add(found.bold, kTitlePx, true);
  display = add(found.bold, kDisplayPx, true);
  {
    ImFontConfig fc;
    fc.OversampleH = 1;
    fc.OversampleV = 1;
    fc.PixelSnapH = true;
    number = atlas->AddFontFromFileTTF(found.bold.c_str(), px_of(kNumberPx), &fc,
                                       kNumberRanges);
  }
  if (!body || !small || !body_bold || !heading || !title || !display || !number ||
      !atlas->Build()) {
    atlas->Clear();
    *this = Fonts{};
    return Status::error("fonts", "Les polices " + found.regular + " n'ont pas pu être chargées.");
  }
  files = found;
  builtin = false;
  return Status::success();
}

void Fonts::build_builtin(ImGuiIO& io, float s) {
  ImFontAtlas* atlas = io.Fonts;
  atlas->Clear();
  scale = s;
  auto add = [&](float px) {
    ImFontConfig fc;
    fc.SizePixels = std::round(px * s);
    return atlas->AddFontDefault(&fc);
  };
  body = add(kBodyPx);
  small = add(kSmallPx);
  body_bold = add(kBodyPx);
  heading = add(kHeadingPx);
  title = add(kTitlePx);
  display = add(kDisplayPx);
  number = add(kNumberPx);
  atlas->Build();
  files = FontFiles{};
  builtin = true;
}

ImFont* Fonts::get(FontRole role) const {
  switch (role) {
    case FontRole::Small: return small;
    case FontRole::Body: return body;
    case FontRole::BodyBold: return body_bold;
    case FontRole::Heading: return heading;
    case FontRole::Title: return title;
    case FontRole::Display: return display;
    case FontRole::Number: return number;
  }
  return body;
}

float Fonts::size(FontRole role) const {
  const ImFont* f = get(role);
  if (f) return f->FontSize;
  switch (role) {
    case FontRole::Small: return kSmallPx * scale;
    case FontRole::Heading: return kHeadingPx * scale;
    case FontRole::Title: return kTitlePx * scale;
    case FontRole::Display: return kDisplayPx * scale;
    case FontRole::Number: return kNumberPx * scale;
    default: return kBodyPx * scale;
  }
}

std::vector<unsigned> utf8_codepoints(std::string_view text) {
  std::vector<unsigned> out;
  for (size_t i = 0; i < text.size();) {
    const std::optional<char32_t> cp = utf8::next(text, i);
    out.push_back(cp ? static_cast<unsigned>(*cp) : 0xFFFD);
  }
  return out;
}

bool font_has_glyph(const ImFont* font, unsigned codepoint) {
  if (!font || codepoint > IM_UNICODE_CODEPOINT_MAX) return false;
  return font->FindGlyphNoFallback(static_cast<ImWchar>(codepoint)) != nullptr;
}

// Why "[…]" and not the letters themselves: Debian's CJK fonts (fonts-noto-cjk) install 91 MB
// (apt-cache: Installed-Size 91003 kB) for a terminal whose other fonts take 42 MB, and an
// ideograph merged at the six sizes costs 31² + 39² + 39² + 50² + 62² + 90² = 18,447 atlas
// pixels at A++ on 1080 p, 74 kB once uploaded as RGBA32: a long Chinese or Japanese name of
// 40 distinct characters would add 3 MB to an atlas of 4 MB, and names arriving with a sync
// would rebuild it. These names are rare on a PACA terminal (the employers' names come from
// SIRENE, in Latin letters); the visitor sees that something is there, not what.
std::string replacement_for(const ImFont* font) {
  if (font_has_glyph(font, 0x2026) && font_has_glyph(font, '[')) return "[\xE2\x80\xA6]";
  if (font_has_glyph(font, 0x00B7)) return "\xC2\xB7";  // ·
  return " ";
}

bool is_decoration(unsigned cp) {
  return (cp >= 0x1F000 && cp <= 0x1FAFF) ||  // emoji, pictographs, regional indicators
         (cp >= 0x2600 && cp <= 0x27BF) ||    // symbols and dingbats (☕ ✂)
         (cp >= 0xFE00 && cp <= 0xFE0F) ||    // variation selectors (emoji presentation)
         cp == 0x200D || cp == 0x20E3 ||      // emoji joiner, keycap
         (cp >= 0xE0020 && cp <= 0xE007F);    // tag letters (subdivision flags)
}

std::string displayable(const ImFont* font, std::string_view s) {
  return with_drawable_glyphs(font, clean_display_text(s));
}

std::string with_drawable_glyphs(const ImFont* font, std::string clean) {
  bool all_drawable = true;
  for (unsigned cp : utf8_codepoints(clean))
    if (cp != '\n' && !font_has_glyph(font, cp)) {
      all_drawable = false;
      break;
    }
  if (all_drawable) return clean;
  std::string out;
  out.reserve(clean.size());
  const std::string replacement = replacement_for(font);
  bool in_missing_run = false;
  for (unsigned cp : utf8_codepoints(clean)) {
    if (cp == '\n' || font_has_glyph(font, cp)) {
      // A space after a dropped emoji would double the one before it.
      if (cp == ' ' && (out.empty() || out.back() == ' ')) continue;
      append_utf8(out, cp);
      in_missing_run = false;
    } else if (!is_decoration(cp) && !in_missing_run) {
      out += replacement;
      in_missing_run = true;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<unsigned> missing_glyphs(const ImFont* font, std::string_view text) {
  std::vector<unsigned> missing;
  for (unsigned cp : utf8_codepoints(text)) {
    if (cp == '\n' || cp == '\t') continue;  // layout characters, never drawn as glyphs
    if (!font_has_glyph(font, cp) && std::find(missing.begin(), missing.end(), cp) == missing.end())
      missing.push_back(cp);
  }
  return missing;
}

}  // namespace eric::ui
