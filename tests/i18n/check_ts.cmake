# Every text marked for translation has a Dutch translation, and the .ts holds
# no text the code no longer uses: lupdate is run over the same sources as
# `update_translations` into a copy of core/i18n/vgscan_nl.ts; the copy must
# come out unchanged, without an unfinished entry.
#   cmake -DLUPDATE=... -DTS=... -DSOURCES_FILE=... -DWORK=... -P check_ts.cmake
file(MAKE_DIRECTORY ${WORK})
set(copy ${WORK}/vgscan_nl.ts)
configure_file(${TS} ${copy} COPYONLY)
file(STRINGS ${SOURCES_FILE} sources)
execute_process(COMMAND ${LUPDATE} -no-obsolete -locations none
                        -tr-function-alias translate+=tx,translate+=qtx,translate+=inDutch ${sources} -ts ${copy}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "lupdate failed (${rc}): ${out} ${err}")
endif()
file(READ ${copy} after)
# Counted by the attribute: the texts themselves hold ';' (&apos;), CMake's list separator.
string(REGEX MATCHALL "type=\"unfinished\"" unfinished "${after}")
list(LENGTH unfinished n)
if(n GREATER 0)
  message(FATAL_ERROR "${n} text(s) without a Dutch translation in ${TS} (run `ninja update_translations`, "
                      "then translate the entries marked type=\"unfinished\")")
endif()
file(READ ${TS} before)
if(NOT before STREQUAL after)
  message(FATAL_ERROR "${TS} is out of date with the sources (texts changed or no longer used): "
                      "run `ninja update_translations` and check the diff")
endif()
message(STATUS "${out}")
