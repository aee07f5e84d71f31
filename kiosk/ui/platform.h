// The SDL side of the kiosk: one window, one SDL_Renderer, Dear ImGui's renderer backend.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "kiosk/core/base/status.h"
#include "kiosk/ui/screen_scale.h"
#include "kiosk/ui/screenshot.h"

union SDL_Event;
struct SDL_Window;
struct SDL_Renderer;
struct ImDrawData;

namespace eric::ui {

struct PlatformOptions {
  std::string title = "ERIC";
  bool fullscreen = true;        // SDL_WINDOW_FULLSCREEN_DESKTOP, locked down
  int width = 1920, height = 1080;  // windowed size
  // The software renderer draws the same pixels run after run: used for scripts and
  // screenshots, and as the fallback when no accelerated renderer exists.
  bool software = false;
};

struct SdlWindowDeleter {
  void operator()(SDL_Window* w) const;
};
struct SdlRendererDeleter {
  void operator()(SDL_Renderer* r) const;
};

// Owns SDL (video), the window, the renderer and the ImGui renderer backend, in that order.
// The ImGui context itself belongs to the caller and must exist before open().
class Platform {
 public:
  Platform() = default;
  ~Platform();
  Platform(const Platform&) = delete;
  Platform& operator=(const Platform&) = delete;

  Status open(const PlatformOptions& options);

  // Blocks until an event comes or timeout_ms passes (0 polls). False on time-out.
  bool wait_event(SDL_Event& e, int timeout_ms);
  bool poll_event(SDL_Event& e);

  // What an event means for the loop: windowed mode closes on the window's close button;
  // full screen ignores it (no way out by Alt+F4). SDL_QUIT comes only from signals
  // (SIGINT, SIGTERM: a service stop) because closing the last window sends none.
  bool is_quit_request(const SDL_Event& e) const;

  // The drawable size in pixels (ImGui's DisplaySize) and the window-to-pixel scale.
  float output_width() const { return out_w_; }
  float output_height() const { return out_h_; }
  float scale_x() const { return scale_x_; }
  float scale_y() const { return scale_y_; }
  // The drawable size with the physical diagonal the display reports (0 when it reports
  // nothing believable): what the kiosk sizes its text from.
  ScreenGeometry geometry() const;
  // Re-reads the window and drawable sizes (after a resize event).
  void refresh_sizes();

  void new_frame();                 // renderer backend + display size
  void render(ImDrawData* data);    // clears to the page colour and draws
  Status read_pixels(Image& out);  // after render(), before present()
  void present();
  // After the font atlas changed (text size): uploads the new texture.
  void rebuild_font_texture();

  // The event type other threads push (SDL_PushEvent) to wake the loop (sync finished).
  uint32_t wake_event_type() const { return wake_event_; }
  bool is_software() const { return software_; }

 private:
  bool sdl_started_ = false;
  bool backend_started_ = false;
  bool fullscreen_ = true;
  bool software_ = false;
  uint32_t wake_event_ = 0;
  float out_w_ = 0, out_h_ = 0, scale_x_ = 1, scale_y_ = 1;
  float diagonal_in_ = 0;
  std::unique_ptr<SDL_Window, SdlWindowDeleter> window_;
  std::unique_ptr<SDL_Renderer, SdlRendererDeleter> renderer_;
};

// Sends the wake event from any thread (thread-safe in SDL).
void push_wake_event(uint32_t type);

}  // namespace eric::ui
