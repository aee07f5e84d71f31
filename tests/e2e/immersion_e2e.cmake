# Immersion scripts whose wrapper (immersion_check.sh) also checks the outbox, the QR code of a
# screenshot and the kiosk's output; in each language (eric_e2e_keyed), Ukrainian in CI.
# Included from tests/e2e/CMakeLists.txt.
#   immersion_e2e(NAME SCRIPT ITEMS [QR_PNG QR_TEXT])
function(immersion_e2e NAME SCRIPT ITEMS)
  # Ukrainian in CI for the full request; the others in French there (all: run_matrix.sh).
  set(SLICE fr)
  if(NAME STREQUAL "immersion_request")
    set(SLICE uk)
  endif()
  eric_e2e_keyed(${NAME} immersion_check.sh ${SCRIPT} ${SLICE} ${ITEMS} ${ARGN})
endfunction()

immersion_e2e(immersion_request immersion_request.kiosk 1
              immersion_done.png "Entreprise Martin et Fils · Maçonnerie")
immersion_e2e(immersion_wrong_phone immersion_wrong_phone.kiosk 0)
immersion_e2e(immersion_no_consent immersion_no_consent.kiosk 0)
immersion_e2e(immersion_double_tap immersion_double_tap.kiosk 1)
immersion_e2e(immersion_timeout immersion_timeout.kiosk 0)
immersion_e2e(immersion_last_seat immersion_last_seat.kiosk 1)
immersion_e2e(immersion_eight_taps immersion_eight_taps.kiosk 1)
