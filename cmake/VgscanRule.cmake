# vgscan_add_rule(<id> SOURCES ... [LIBS ...])
#
# Builds one rule plugin (a Qt plugin, MODULE library) into the plugin folder
# next to vgscan, and, when the folder has tests/*.cpp, a Catch2 test program
# for it. Called from plugins/<id>/CMakeLists.txt; the core never names a rule.
function(vgscan_add_rule id)
  cmake_parse_arguments(R "" "" "SOURCES;LIBS" ${ARGN})
  set(target vgscan_rule_${id})
  add_library(${target} MODULE ${R_SOURCES})
  target_link_libraries(${target} PRIVATE vgscan_core Qt6::Core ${R_LIBS})
  set_target_properties(${target} PROPERTIES
    AUTOMOC ON
    PREFIX ""
    LIBRARY_OUTPUT_DIRECTORY ${VGSCAN_PLUGIN_DIR}
    BUILD_RPATH "$ORIGIN/../../lib"
    INSTALL_RPATH "$ORIGIN/../..")
  if(VGSCAN_SANITIZE AND "CGAL::CGAL" IN_LIST R_LIBS)
    # UBSan's vptr check gives known false reports on CGAL's arrangement
    # code (the DCEL downcasts its records to the derived halfedge and face
    # types): off for the targets that compile CGAL, and only that check;
    # ASan and every other UBSan check stay on for them.
    target_compile_options(${target} PRIVATE -fno-sanitize=vptr)
  endif()
  install(TARGETS ${target} LIBRARY DESTINATION lib/vgscan/plugins)
  set_property(GLOBAL APPEND PROPERTY VGSCAN_RULE_TARGETS ${target})

  file(GLOB test_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/tests/*.cpp)
  if(test_sources AND TARGET vgscan_testkit)
    add_executable(test_rule_${id} ${test_sources})
    target_link_libraries(test_rule_${id} PRIVATE vgscan_testkit Catch2::Catch2WithMain ${R_LIBS})
    target_compile_definitions(test_rule_${id} PRIVATE
      VGSCAN_RULE_SOURCE_DIR="${CMAKE_CURRENT_SOURCE_DIR}")
    add_dependencies(test_rule_${id} ${target})
    if(VGSCAN_SANITIZE AND "CGAL::CGAL" IN_LIST R_LIBS)
      target_compile_options(test_rule_${id} PRIVATE -fno-sanitize=vptr)
    endif()
    catch_discover_tests(test_rule_${id} TEST_PREFIX "${id}: ")
  endif()
endfunction()
