# Feedback scripts whose wrapper (feedback_check.sh) also checks the outbox and the usage
# counters, in each language (eric_e2e_keyed), English in CI. Included from
# tests/e2e/CMakeLists.txt.
#   feedback_e2e(NAME SCRIPT ITEMS PATH [PAYLOAD])
function(feedback_e2e NAME SCRIPT ITEMS PATH)
  # English in CI for the first feedback script; the others in French there.
  set(SLICE fr)
  if(NAME STREQUAL "feedback")
    set(SLICE en)
  endif()
  eric_e2e_keyed(${NAME} feedback_check.sh ${SCRIPT} ${SLICE} ${ITEMS} ${PATH} ${ARGN})
endfunction()

feedback_e2e(feedback feedback.kiosk 1 help
             [[{"path":"help","rating":1,"reasons":["too_hard"]}]])
feedback_e2e(feedback_double_tap feedback_double_tap.kiosk 1 jobs)
feedback_e2e(feedback_skip feedback_skip.kiosk 0 immersion)
feedback_e2e(tap_once_feedback tap_once_feedback.kiosk 0 jobs)
