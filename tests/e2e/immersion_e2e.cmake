# Immersion scripts whose wrapper (immersion_check.sh) also checks the outbox, the QR code of a
# screenshot and the kiosk's output. Included from tests/e2e/CMakeLists.txt.
#   immersion_e2e(NAME SCRIPT ITEMS [QR_PNG QR_TEXT])
function(immersion_e2e NAME SCRIPT ITEMS)
  add_test(NAME e2e.${NAME}
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/immersion_check.sh $<TARGET_FILE:eric-kiosk>
                   ${CMAKE_CURRENT_BINARY_DIR}/data-${NAME}
                   ${CMAKE_CURRENT_SOURCE_DIR}/${SCRIPT}
                   ${CMAKE_BINARY_DIR}/screenshots ${ITEMS} ${ARGN})
  set_tests_properties(e2e.${NAME} PROPERTIES
                       ENVIRONMENT "TZ=Europe/Paris;ERIC_DATA_DIR=${ERIC_SHARED_DATA}"
                       TIMEOUT 120)
endfunction()

immersion_e2e(immersion_request immersion_request.kiosk 1
              immersion_done.png "Entreprise Martin et Fils · Maçonnerie")
immersion_e2e(immersion_wrong_phone immersion_wrong_phone.kiosk 0)
immersion_e2e(immersion_no_consent immersion_no_consent.kiosk 0)
immersion_e2e(immersion_double_tap immersion_double_tap.kiosk 1)
immersion_e2e(immersion_timeout immersion_timeout.kiosk 0)
immersion_e2e(immersion_last_seat immersion_last_seat.kiosk 1)
immersion_e2e(immersion_eight_taps immersion_eight_taps.kiosk 1)
