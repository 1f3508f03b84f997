# embed_file.cmake — writes a C++ source that returns a file's bytes as a std::string_view.
# Usage: cmake -DINPUT=file.json -DOUTPUT=out.cpp -DHEADER=postcheck/default_policy.h -DFUNCTION=name -P embed_file.cmake
file(READ "${INPUT}" content HEX)
string(LENGTH "${content}" hex_length)
# Hex pairs become "\xNN" escapes inside string literals of bounded length (some compilers cap literal size).
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" escaped "${content}")
set(chunks "")
string(LENGTH "${escaped}" total)
set(pos 0)
while(pos LESS total)
  string(SUBSTRING "${escaped}" ${pos} 4000 piece)
  string(APPEND chunks "    \"${piece}\"\n")
  math(EXPR pos "${pos} + 4000")
endwhile()
math(EXPR byte_count "${hex_length} / 2")
file(WRITE "${OUTPUT}" "// Generated from ${INPUT} by tools/embed_file.cmake. Do not edit.\n#include \"${HEADER}\"\n\nnamespace postcheck {\n\nstd::string_view ${FUNCTION}() {\n  static constexpr char kBytes[] =\n${chunks}  ;\n  return std::string_view(kBytes, ${byte_count});\n}\n\n}  // namespace postcheck\n")
