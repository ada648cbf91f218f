# ctest driver: install a configured and built tierplan tree into a scratch prefix,
# build tests/consumer against that prefix with find_package(tierplan), run it.
# Inputs: BUILD_DIR, SOURCE_DIR, WORK_DIR; optional CONFIG, GENERATOR, MAKE_PROGRAM,
# CXX_COMPILER, NLOHMANN_JSON_DIR (so the consumer uses the same toolchain and deps).
cmake_minimum_required(VERSION 3.20)
foreach(_required BUILD_DIR SOURCE_DIR WORK_DIR)
  if(NOT DEFINED ${_required})
    message(FATAL_ERROR "run_consumer_test.cmake needs -D${_required}=...")
  endif()
endforeach()

function(run_step what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE _result OUTPUT_VARIABLE _out
                  ERROR_VARIABLE _out)
  if(NOT _result EQUAL 0)
    message(FATAL_ERROR "${what} failed (${_result}):\n${_out}")
  endif()
  set(step_output "${_out}" PARENT_SCOPE)
endfunction()

set(_prefix "${WORK_DIR}/prefix")
set(_build "${WORK_DIR}/build")
file(REMOVE_RECURSE "${WORK_DIR}")

set(_config_args)
if(CONFIG)
  set(_config_args --config "${CONFIG}")
endif()
run_step("cmake --install" "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${_prefix}"
         ${_config_args})

set(_configure "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${_build}"
    "-DCMAKE_PREFIX_PATH=${_prefix}" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
if(GENERATOR)
  list(APPEND _configure -G "${GENERATOR}")
endif()
if(MAKE_PROGRAM)
  list(APPEND _configure "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}")
endif()
if(CXX_COMPILER)
  list(APPEND _configure "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}")
endif()
if(CONFIG)
  list(APPEND _configure "-DCMAKE_BUILD_TYPE=${CONFIG}")
endif()
if(NLOHMANN_JSON_DIR)
  list(APPEND _configure "-Dnlohmann_json_DIR=${NLOHMANN_JSON_DIR}")
endif()
run_step("configuring the consumer project" ${_configure})

# The package must come from the scratch prefix, not from anything installed elsewhere.
file(REAL_PATH "${_prefix}" _real_prefix)
string(REGEX MATCH "tierplan [^ ]* from ([^\n]*)" _found "${step_output}")
if(NOT _found)
  message(FATAL_ERROR "the consumer did not report where it found tierplan:\n${step_output}")
endif()
file(REAL_PATH "${CMAKE_MATCH_1}" _real_found)
string(FIND "${_real_found}" "${_real_prefix}/" _at)
if(NOT _at EQUAL 0)
  message(FATAL_ERROR "found tierplan in ${_real_found}, not under ${_real_prefix}")
endif()

run_step("building the consumer project" "${CMAKE_COMMAND}" --build "${_build}" ${_config_args})

find_program(_app NAMES app PATHS "${_build}" "${_build}/${CONFIG}" NO_DEFAULT_PATH REQUIRED)
run_step("running the consumer app" "${_app}")
message(STATUS "${step_output}")
if(NOT step_output MATCHES "builtin scenario: dify-enterprise, ([0-9]+) components")
  message(FATAL_ERROR "unexpected output from the consumer app:\n${step_output}")
endif()
if(CMAKE_MATCH_1 LESS 1)
  message(FATAL_ERROR "the built-in scenario has no components")
endif()
if(NOT step_output MATCHES "installed data: [^\n]* parses and equals the built-in")
  message(FATAL_ERROR "the installed data file was not checked:\n${step_output}")
endif()
