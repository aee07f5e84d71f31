# Tests of the clock, the translation layer and the words (the lead's part of kiosk/core).
add_executable(test_core_words test_clock.cpp test_i18n.cpp)
target_link_libraries(test_core_words PRIVATE eric_core GTest::gtest_main)
target_compile_definitions(test_core_words PRIVATE ERIC_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
eric_warnings(test_core_words)
gtest_discover_tests(test_core_words TEST_PREFIX "core.words." PROPERTIES ENVIRONMENT "TZ=Europe/Paris")
