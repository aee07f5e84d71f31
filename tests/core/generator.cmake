# Tests of the reference data loader and the demo catalog generator (real ../shared/data).
add_executable(test_core_generator test_reference_data.cpp test_demo_catalog.cpp)
target_link_libraries(test_core_generator PRIVATE eric_core GTest::gtest_main)
target_compile_definitions(test_core_generator PRIVATE ERIC_TEST_DATA_DIR="${ERIC_SHARED_DATA}")
eric_warnings(test_core_generator)
gtest_discover_tests(test_core_generator TEST_PREFIX "core.generator." DISCOVERY_TIMEOUT 60
                     PROPERTIES TIMEOUT 120 ENVIRONMENT "TZ=Europe/Paris")
