# Script mode: writes OUT, a C++ file defining koterm::embedded::NAME() over IN's bytes.
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" hex_len)
math(EXPR byte_count "${hex_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," body "${hex}")
string(REGEX REPLACE "(('\\\\x[0-9a-f][0-9a-f]',){32})" "\\1\n" body "${body}")
file(WRITE "${OUT}" "// Generated from ${IN}; do not edit.\n#include <string_view>\nnamespace koterm::embedded {\nnamespace {\nconstexpr char k_data[] = {\n${body}'\\0'};\n}\nstd::string_view ${NAME}() { return {k_data, ${byte_count}}; }\n}  // namespace koterm::embedded\n")
