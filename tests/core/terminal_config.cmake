# The terminal's configuration file and opening hours (kiosk/core, pure: no store, no display).
add_executable(eric_terminal_config_tests
  ${CMAKE_CURRENT_LIST_DIR}/test_opening_hours.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_kiosk_config.cpp
)
target_link_libraries(eric_terminal_config_tests PRIVATE eric_core GTest::gtest GTest::gtest_main)
target_compile_definitions(eric_terminal_config_tests PRIVATE ERIC_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
eric_warnings(eric_terminal_config_tests)
gtest_discover_tests(eric_terminal_config_tests TEST_PREFIX "core." DISCOVERY_TIMEOUT 60)
