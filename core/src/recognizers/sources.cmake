# Sources of the recognizers (owned by recognizers work; listed explicitly).
set(POSTCHECK_RECOGNIZER_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/registry.cpp
)
