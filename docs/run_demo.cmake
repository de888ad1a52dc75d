# Runs one chapter demo for the docs target, so that its figures are fresh in FIGURES:
#   cmake -DDEMO=<demo executable> -DFIGURES=<dir> -DOUTPUT=<transcript file> -P run_demo.cmake
# The demo's output goes to OUTPUT (not into the build log); a failing demo fails the docs build.
foreach(var DEMO FIGURES OUTPUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_demo.cmake: -D${var}=... is required")
  endif()
endforeach()
set(ENV{COURSE_FIGURES_DIR} "${FIGURES}")
execute_process(COMMAND "${DEMO}" OUTPUT_FILE "${OUTPUT}.tmp" ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  file(READ "${OUTPUT}.tmp" out)
  message(FATAL_ERROR "docs: ${DEMO} failed (${rc}):\n${out}${err}")
endif()
if(err MATCHES "warning")
  message(WARNING "docs: ${DEMO}: ${err}")
endif()
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
