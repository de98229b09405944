# Fails when a C++ source is not formatted per .clang-format.
file(GLOB_RECURSE sources RELATIVE ${ROOT}
     ${ROOT}/model/*.[ch]pp ${ROOT}/rdf/*.[ch]pp ${ROOT}/converters/*.[ch]pp ${ROOT}/query/*.[ch]pp
     ${ROOT}/cli/*.[ch]pp ${ROOT}/tests/*.[ch]pp ${ROOT}/bench/*.cpp ${ROOT}/fuzz/*.cpp)
execute_process(COMMAND ${CLANG_FORMAT} --dry-run --Werror ${sources}
                WORKING_DIRECTORY ${ROOT} RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "not clang-formatted:\n${err}")
endif()
message(STATUS "${CMAKE_CURRENT_LIST_FILE}: all sources formatted")
