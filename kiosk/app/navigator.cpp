// The navigation stack and the screen registry (see navigator.h, screen.h).
#include "kiosk/app/navigator.h"

namespace eric {

void ScreenRegistry::add(std::string id, ScreenFactory factory) {
  factories_[std::move(id)] = std::move(factory);
}

bool ScreenRegistry::has(std::string_view id) const { return factories_.find(id) != factories_.end(); }

std::unique_ptr<Screen> ScreenRegistry::create(std::string_view id, const ScreenArgs& args) const {
  auto it = factories_.find(id);
  if (it == factories_.end() || !it->second) return nullptr;
  return it->second(args);
}

std::vector<std::string> ScreenRegistry::ids() const {
  std::vector<std::string> out;
  out.reserve(factories_.size());
  for (const auto& [id, factory] : factories_) out.push_back(id);
  return out;
}

bool Navigator::reset_to(std::string_view root_id) {
  auto root = registry_.create(root_id);
  if (!root) return false;
  for (auto& s : stack_) retired_.push_back(std::move(s));
  stack_.clear();
  stack_.push_back(std::move(root));
  ++generation_;
  return true;
}

void Navigator::push(std::unique_ptr<Screen> screen) {
  if (!screen) return;
  stack_.push_back(std::move(screen));
  ++generation_;
}

bool Navigator::open(std::string_view id, ScreenArgs args) {
  auto screen = registry_.create(id, args);
  if (!screen) return false;
  push(std::move(screen));
  return true;
}

void Navigator::back() {
  if (stack_.size() <= 1) return;
  retired_.push_back(std::move(stack_.back()));
  stack_.pop_back();
  ++generation_;
}

void Navigator::home() {
  if (stack_.size() <= 1) return;
  while (stack_.size() > 1) {
    retired_.push_back(std::move(stack_.back()));
    stack_.pop_back();
  }
  ++generation_;
}

std::vector<std::string_view> Navigator::ids() const {
  std::vector<std::string_view> out;
  for (const auto& s : stack_) out.push_back(s->id());
  return out;
}

bool Navigator::holds_personal_data() const {
  for (const auto& s : stack_)
    if (s->holds_personal_data()) return true;
  return false;
}

}  // namespace eric
