# Feedback scripts whose wrapper (feedback_check.sh) also checks the outbox and the usage
# counters. Included from tests/e2e/CMakeLists.txt.
#   feedback_e2e(NAME SCRIPT ITEMS PATH [PAYLOAD])
function(feedback_e2e NAME SCRIPT ITEMS PATH)
  add_test(NAME e2e.${NAME}
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/feedback_check.sh $<TARGET_FILE:eric-kiosk>
                   ${CMAKE_CURRENT_BINARY_DIR}/data-${NAME}
                   ${CMAKE_CURRENT_SOURCE_DIR}/${SCRIPT}
                   ${CMAKE_BINARY_DIR}/screenshots ${ITEMS} ${PATH} ${ARGN})
  set_tests_properties(e2e.${NAME} PROPERTIES
                       ENVIRONMENT "TZ=Europe/Paris;ERIC_DATA_DIR=${ERIC_SHARED_DATA}"
                       TIMEOUT 120)
endfunction()

feedback_e2e(feedback feedback.kiosk 1 help
             [[{"path":"help","rating":1,"reasons":["too_hard"]}]])
feedback_e2e(feedback_double_tap feedback_double_tap.kiosk 1 jobs)
feedback_e2e(feedback_skip feedback_skip.kiosk 0 immersion)
feedback_e2e(tap_once_feedback tap_once_feedback.kiosk 0 jobs)
