// The SDL window, renderer and ImGui renderer backend (see platform.h).
#include "kiosk/ui/platform.h"

#include <cmath>

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>

namespace eric::ui {

void SdlWindowDeleter::operator()(SDL_Window* w) const { SDL_DestroyWindow(w); }
void SdlRendererDeleter::operator()(SDL_Renderer* r) const { SDL_DestroyRenderer(r); }

Platform::~Platform() {
  if (backend_started_) ImGui_ImplSDLRenderer_Shutdown();
  renderer_.reset();
  window_.reset();
  if (sdl_started_) SDL_Quit();
}

Status Platform::open(const PlatformOptions& options) {
  // Closing the window must not turn into SDL_QUIT: in full screen that is how Alt+F4 would
  // leave. Signals still send SDL_QUIT so a service manager can stop the kiosk.
  SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
  SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
  SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    return Status::error("display", std::string("L'écran n'a pas pu démarrer (SDL : ") + SDL_GetError() + ").");
  }
  sdl_started_ = true;
  fullscreen_ = options.fullscreen;
  wake_event_ = SDL_RegisterEvents(1);

  Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
  int width = options.width, height = options.height;
  if (fullscreen_) {
    flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
    // Under a Wayland kiosk compositor (cage) the window keeps the size it asked for: ask for
    // the screen's, or a 1280x720 screen would show the top-left of a 1920x1080 page.
    SDL_DisplayMode mode{};
    if (SDL_GetDesktopDisplayMode(0, &mode) == 0 && mode.w > 0 && mode.h > 0) {
      width = mode.w;
      height = mode.h;
    }
  }
  window_.reset(SDL_CreateWindow(options.title.c_str(), SDL_WINDOWPOS_CENTERED,
                                 SDL_WINDOWPOS_CENTERED, width, height, flags));
  if (!window_) {
    return Status::error("display", std::string("La fenêtre n'a pas pu s'ouvrir (SDL : ") + SDL_GetError() + ").");
  }
  SDL_StopTextInput();  // no input method: the kiosk's keyboard is on screen
  if (fullscreen_) {
    SDL_SetWindowKeyboardGrab(window_.get(), SDL_TRUE);
    SDL_ShowCursor(SDL_DISABLE);  // a touch screen shows no pointer
  }
  software_ = options.software;
  if (!software_) {
    renderer_.reset(SDL_CreateRenderer(window_.get(), -1, SDL_RENDERER_ACCELERATED));
    if (!renderer_) software_ = true;  // no GPU: the software renderer is enough for us
  }
  if (software_) renderer_.reset(SDL_CreateRenderer(window_.get(), -1, SDL_RENDERER_SOFTWARE));
  if (!renderer_) {
    return Status::error("display", std::string("Le rendu n'a pas pu démarrer (SDL : ") + SDL_GetError() + ").");
  }
  if (!ImGui_ImplSDLRenderer_Init(renderer_.get())) {
    return Status::error("display", "Le rendu de l'interface n'a pas pu démarrer.");
  }
  backend_started_ = true;
  refresh_sizes();
  return Status::success();
}

void Platform::refresh_sizes() {
  int ww = 0, wh = 0, ow = 0, oh = 0;
  SDL_GetWindowSize(window_.get(), &ww, &wh);
  SDL_GetRendererOutputSize(renderer_.get(), &ow, &oh);
  out_w_ = static_cast<float>(ow);
  out_h_ = static_cast<float>(oh);
  scale_x_ = ww > 0 ? out_w_ / static_cast<float>(ww) : 1.0f;
  scale_y_ = wh > 0 ? out_h_ / static_cast<float>(wh) : 1.0f;
  // The panel's own pixels and dots per inch (EDID through X11 or Wayland), whatever the
  // window's size: a windowed kiosk on a desk screen is sized like that screen's pixels.
  diagonal_in_ = 0;
  const int display = SDL_GetWindowDisplayIndex(window_.get());
  SDL_DisplayMode mode;
  float ddpi = 0, hdpi = 0, vdpi = 0;
  if (display >= 0 && SDL_GetDesktopDisplayMode(display, &mode) == 0 &&
      SDL_GetDisplayDPI(display, &ddpi, &hdpi, &vdpi) == 0) {
    diagonal_in_ = diagonal_from_dpi(static_cast<float>(mode.w), static_cast<float>(mode.h),
                                     hdpi, vdpi);
    // The same pitch, over the drawable's pixels.
    if (diagonal_in_ > 0)
      diagonal_in_ *= std::hypot(out_w_, out_h_) /
                      std::hypot(static_cast<float>(mode.w), static_cast<float>(mode.h));
  }
}

ScreenGeometry Platform::geometry() const {
  ScreenGeometry g;
  g.width_px = out_w_;
  g.height_px = out_h_;
  g.diagonal_in = diagonal_in_;
  return g;
}

bool Platform::wait_event(SDL_Event& e, int timeout_ms) {
  if (timeout_ms <= 0) return SDL_PollEvent(&e) != 0;
  return SDL_WaitEventTimeout(&e, timeout_ms) != 0;
}

bool Platform::poll_event(SDL_Event& e) { return SDL_PollEvent(&e) != 0; }

bool Platform::is_quit_request(const SDL_Event& e) const {
  if (e.type == SDL_QUIT) return true;
  if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_CLOSE) return !fullscreen_;
  return false;
}

void Platform::new_frame() {
  ImGui_ImplSDLRenderer_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(out_w_, out_h_);
  io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
}

void Platform::render(ImDrawData* data) {
  // The page colour of the theme (#f6f6f6): what shows where no window draws.
  SDL_SetRenderDrawColor(renderer_.get(), 0xf6, 0xf6, 0xf6, 0xff);
  SDL_RenderClear(renderer_.get());
  if (data) ImGui_ImplSDLRenderer_RenderDrawData(data);
}

Status Platform::read_pixels(Image& out) {
  int w = 0, h = 0;
  SDL_GetRendererOutputSize(renderer_.get(), &w, &h);
  out.width = w;
  out.height = h;
  out.rgba.assign(static_cast<size_t>(w) * static_cast<size_t>(h) * 4, 0);
  if (SDL_RenderReadPixels(renderer_.get(), nullptr, SDL_PIXELFORMAT_RGBA32, out.rgba.data(),
                           w * 4) != 0) {
    return Status::error("screenshot", std::string("L'image de l'écran n'a pas pu être lue (SDL : ") + SDL_GetError() +
               ").");
  }
  // The window surface has no meaningful alpha: a screenshot is opaque.
  for (size_t i = 3; i < out.rgba.size(); i += 4) out.rgba[i] = 0xff;
  return Status::success();
}

void Platform::present() { SDL_RenderPresent(renderer_.get()); }

void Platform::rebuild_font_texture() {
  ImGui_ImplSDLRenderer_DestroyFontsTexture();
  ImGui_ImplSDLRenderer_CreateFontsTexture();
}

void push_wake_event(uint32_t type) {
  SDL_Event e{};
  e.type = type;
  SDL_PushEvent(&e);
}

}  // namespace eric::ui
