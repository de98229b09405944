# diplograph_embed(OUT [NAMESPACE NS] FILE...): compiles data files into OUT as
#   std::string_view NS::file(std::string_view name)     (NS: diplograph::embedded by default)
# FILE is relative to the source tree, or absolute (a file a Debian package installed).
function(diplograph_embed out)
  cmake_parse_arguments(E "" "NAMESPACE" "" ${ARGN})
  if(NOT E_NAMESPACE)
    set(E_NAMESPACE diplograph::embedded)
  endif()
  set(script ${PROJECT_SOURCE_DIR}/cmake/EmbedScript.cmake)
  set(inputs)
  foreach(f ${E_UNPARSED_ARGUMENTS})
    if(IS_ABSOLUTE ${f})
      list(APPEND inputs ${f})
    else()
      list(APPEND inputs ${PROJECT_SOURCE_DIR}/${f})
    endif()
  endforeach()
  add_custom_command(OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${CMAKE_CURRENT_BINARY_DIR}/${out} "-DINPUTS=${inputs}"
            -DNAMESPACE=${E_NAMESPACE} -P ${script}
    DEPENDS ${inputs} ${script} VERBATIM)
endfunction()
