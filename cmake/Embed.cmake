# diplograph_embed(OUT FILE...): compiles data files into OUT as
#   std::string_view diplograph::embedded::file(std::string_view name)
function(diplograph_embed out)
  set(script ${PROJECT_SOURCE_DIR}/cmake/EmbedScript.cmake)
  set(inputs)
  foreach(f ${ARGN})
    list(APPEND inputs ${PROJECT_SOURCE_DIR}/${f})
  endforeach()
  add_custom_command(OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${CMAKE_CURRENT_BINARY_DIR}/${out} "-DINPUTS=${inputs}" -P ${script}
    DEPENDS ${inputs} ${script} VERBATIM)
endfunction()
