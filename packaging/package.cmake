# Install rules and the two Debian packages, built by CPack from one build folder:
#   cmake --build BUILD && (cd BUILD && cpack -G DEB)
# gives eric-kiosk_<version>_<arch>.deb and eric-regional-server_<version>_<arch>.deb.
# The version is the project's (CMakeLists.txt); ERIC_DEB_REVISION adds a Debian revision
# ("-2"), which the packaging test uses to build "a newer build" of the same sources.
include(GNUInstallDirs)
set(ERIC_DEB_REVISION "" CACHE STRING "Debian revision of the packages (empty: none)")
set(ERIC_PKG_DIR ${CMAKE_CURRENT_LIST_DIR})
set(ERIC_DEB_DIR ${CMAKE_CURRENT_LIST_DIR}/deb)
set(ERIC_DEB_VERSION ${PROJECT_VERSION})
if(ERIC_DEB_REVISION)
  string(APPEND ERIC_DEB_VERSION "-${ERIC_DEB_REVISION}")
endif()

# Debian's layout for a system service: units under /lib/systemd/system (Debian 12 has not
# moved them to /usr yet), the session script under /usr/lib/<package>.
set(ERIC_UNIT_DIR /lib/systemd/system)
set(ERIC_DATA_FILES communes-fr.csv rome-fiches.csv rome-appellations.csv SOURCES.md)
set(ERIC_PRF_DIR ${ERIC_SHARED_DATA}/prf-grand-est-2019)

# Per package: the compressed changelog (lintian wants one) and the man pages, generated
# from each program's --help by help2man (not under the sanitizers: the programs would be
# the instrumented ones, and the packages are not built from that build).
find_program(GZIP_PROGRAM gzip REQUIRED)
find_program(HELP2MAN_PROGRAM help2man)
set(ERIC_GEN_DIR ${CMAKE_BINARY_DIR}/package-files)
set(ERIC_MAN_PAGES)
function(eric_changelog pkg)
  file(READ ${ERIC_DEB_DIR}/changelog.in text)
  string(REPLACE "@PKG@" "${pkg}" text "${text}")
  string(REPLACE "@VERSION@" "${ERIC_DEB_VERSION}" text "${text}")
  file(WRITE ${ERIC_GEN_DIR}/${pkg}/changelog "${text}")
  add_custom_command(OUTPUT ${ERIC_GEN_DIR}/${pkg}/changelog.gz
                     COMMAND ${GZIP_PROGRAM} -9nkf ${ERIC_GEN_DIR}/${pkg}/changelog
                     DEPENDS ${ERIC_DEB_DIR}/changelog.in VERBATIM)
endfunction()
eric_changelog(eric-kiosk)
eric_changelog(eric-regional-server)

function(eric_man_page target section summary)
  set(out ${ERIC_GEN_DIR}/man/${target}.${section}.gz)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${HELP2MAN_PROGRAM} --no-info --no-discard-stderr --section=${section}
            --version-string=${PROJECT_VERSION} --name=${summary}
            --output=${ERIC_GEN_DIR}/man/${target}.${section} $<TARGET_FILE:${target}>
    COMMAND ${GZIP_PROGRAM} -9nf ${ERIC_GEN_DIR}/man/${target}.${section}
    DEPENDS ${target} VERBATIM)
  set(ERIC_MAN_PAGES ${ERIC_MAN_PAGES} ${out} PARENT_SCOPE)
endfunction()
set(ERIC_WITH_MAN OFF)
if(HELP2MAN_PROGRAM AND NOT ERIC_SANITIZE)
  set(ERIC_WITH_MAN ON)
  file(MAKE_DIRECTORY ${ERIC_GEN_DIR}/man)
  eric_man_page(eric-kiosk 1 "the ERIC touch terminal")
  eric_man_page(eric-kioskctl 8 "the ERIC terminal's site manager command line")
  eric_man_page(eric-regional-server 8 "the ERIC regional server")
endif()
add_custom_target(eric_package_files ALL
                  DEPENDS ${ERIC_GEN_DIR}/eric-kiosk/changelog.gz
                          ${ERIC_GEN_DIR}/eric-regional-server/changelog.gz ${ERIC_MAN_PAGES})

# --- eric-kiosk -----------------------------------------------------------------------------
install(TARGETS eric-kiosk eric-kioskctl RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT kiosk)
install(PROGRAMS ${ERIC_PKG_DIR}/eric-kiosk-session ${ERIC_PKG_DIR}/eric-kiosk-touch
        DESTINATION lib/eric-kiosk COMPONENT kiosk)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/assets/ DESTINATION ${CMAKE_INSTALL_DATADIR}/eric-kiosk/assets
        COMPONENT kiosk)
foreach(file ${ERIC_DATA_FILES})
  install(FILES ${ERIC_SHARED_DATA}/${file} DESTINATION ${CMAKE_INSTALL_DATADIR}/eric-kiosk/data
          COMPONENT kiosk)
  install(FILES ${ERIC_SHARED_DATA}/${file}
          DESTINATION ${CMAKE_INSTALL_DATADIR}/eric-regional-server/data COMPONENT server)
endforeach()
install(DIRECTORY ${ERIC_PRF_DIR} DESTINATION ${CMAKE_INSTALL_DATADIR}/eric-kiosk/data COMPONENT kiosk)
install(DIRECTORY ${ERIC_PRF_DIR} DESTINATION ${CMAKE_INSTALL_DATADIR}/eric-regional-server/data
        COMPONENT server)
install(FILES ${ERIC_PKG_DIR}/kiosk.conf DESTINATION /etc/eric-kiosk COMPONENT kiosk)
install(FILES ${ERIC_PKG_DIR}/eric-kiosk.pam DESTINATION /etc/pam.d RENAME eric-kiosk COMPONENT kiosk)
install(FILES ${ERIC_PKG_DIR}/eric-kiosk.service DESTINATION ${ERIC_UNIT_DIR} COMPONENT kiosk)
install(FILES ${ERIC_DEB_DIR}/copyright ${ERIC_GEN_DIR}/eric-kiosk/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/eric-kiosk COMPONENT kiosk)

# --- eric-regional-server --------------------------------------------------------------------
install(TARGETS eric-regional-server RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT server)
install(FILES ${ERIC_PKG_DIR}/server.conf DESTINATION /etc/eric-regional-server COMPONENT server)
install(FILES ${ERIC_PKG_DIR}/eric-regional-server.service DESTINATION ${ERIC_UNIT_DIR}
        COMPONENT server)
# The nightly France Travail fetch: installed, enabled by the administrator once the API's
# credentials are in place (README, "Install the regional server").
install(FILES ${ERIC_PKG_DIR}/systemd/eric-regional-fetch.service
              ${ERIC_PKG_DIR}/systemd/eric-regional-fetch.timer
        DESTINATION ${ERIC_UNIT_DIR} COMPONENT server)
install(FILES ${ERIC_PKG_DIR}/systemd/fetch-ft.example.json
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/eric-regional-server/examples COMPONENT server)
install(FILES ${ERIC_DEB_DIR}/copyright ${ERIC_GEN_DIR}/eric-regional-server/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/eric-regional-server COMPONENT server)
if(ERIC_WITH_MAN)
  install(FILES ${ERIC_GEN_DIR}/man/eric-kiosk.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT kiosk)
  install(FILES ${ERIC_GEN_DIR}/man/eric-kioskctl.8.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man8 COMPONENT kiosk)
  install(FILES ${ERIC_GEN_DIR}/man/eric-regional-server.8.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man8
          COMPONENT server)
endif()

# --- CPack DEB ----------------------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "ERIC kiosk project")
set(CPACK_PACKAGE_CONTACT "ERIC kiosk project <eric-kiosk@example.org>")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL kiosk server)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_RELEASE ${ERIC_DEB_REVISION})
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://example.org/eric-kiosk")

set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME eric-kiosk)
set(CPACK_DEBIAN_KIOSK_FILE_NAME eric-kiosk_${ERIC_DEB_VERSION}_amd64.deb)
# The first line is the synopsis; CPack indents the others (lintian: lines under 80).
set(CPACK_COMPONENT_KIOSK_DESCRIPTION "ERIC touch kiosk for job seekers
Full-screen touch terminal of the ERIC spaces and job centres of
Provence-Alpes-Cote d'Azur: jobs near home with the region-funded trainings
that lead to them, immersion requests, help tickets and workshop seats,
offline with a synced catalog. Runs under cage on tty1 as the eric-kiosk
user, watched by systemd; eric-kioskctl enrols and syncs it.")
# The session: cage (which also needs Xwayland to start), logind's PAM module, udev (the touch
# panel reaches libinput through it; its package makes the input group), Mesa for GL, the
# fonts the kiosk draws with; adduser for the postinst.
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS
    "cage, xwayland, libpam-systemd, udev, libgl1-mesa-dri, fonts-inter, fonts-noto-core, adduser")
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_EXTRA
    "${ERIC_DEB_DIR}/kiosk/conffiles;${ERIC_DEB_DIR}/kiosk/postinst;${ERIC_DEB_DIR}/kiosk/prerm;${ERIC_DEB_DIR}/kiosk/postrm")
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME eric-regional-server)
set(CPACK_DEBIAN_SERVER_FILE_NAME eric-regional-server_${ERIC_DEB_VERSION}_amd64.deb)
set(CPACK_COMPONENT_SERVER_DESCRIPTION "ERIC regional server for the kiosk terminals
Holds a region's catalog (jobs, trainings, immersion offers, workshops),
serves it to the ERIC terminals over HTTP(S), takes their requests and
enforces capacity. Runs as its own user under systemd, with its database
under /var/lib/eric-regional-server.")
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "adduser")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    "${ERIC_DEB_DIR}/server/conffiles;${ERIC_DEB_DIR}/server/postinst;${ERIC_DEB_DIR}/server/prerm;${ERIC_DEB_DIR}/server/postrm")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
