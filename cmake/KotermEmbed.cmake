# koterm_embed(TARGET NAME FILE): compiles FILE into TARGET as
#   std::string_view koterm::embedded::NAME();
# so data tables (patterns, abbreviations, particles, name tables) ship inside the binary
# and nothing is looked up on disk at run time. The file is re-embedded when it changes.
function(koterm_embed target name file)
  get_filename_component(abs "${file}" ABSOLUTE)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/embedded_${name}.cc")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DIN=${abs} -DOUT=${out} -DNAME=${name}
            -P ${PROJECT_SOURCE_DIR}/cmake/KotermEmbedFile.cmake
    DEPENDS "${abs}" ${PROJECT_SOURCE_DIR}/cmake/KotermEmbedFile.cmake
    COMMENT "Embedding ${file}")
  target_sources(${target} PRIVATE "${out}")
endfunction()
