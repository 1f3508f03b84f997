# Sources of the recognizers (owned by recognizers work; listed explicitly).
set(POSTCHECK_RECOGNIZER_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/registry.cpp
  ${CMAKE_CURRENT_LIST_DIR}/triggers.cpp
  ${CMAKE_CURRENT_LIST_DIR}/email.cpp
  ${CMAKE_CURRENT_LIST_DIR}/uk_phone.cpp
  ${CMAKE_CURRENT_LIST_DIR}/uk_postcode.cpp
  ${CMAKE_CURRENT_LIST_DIR}/health_and_tax_ids.cpp
  ${CMAKE_CURRENT_LIST_DIR}/payment.cpp
  ${CMAKE_CURRENT_LIST_DIR}/date_of_birth.cpp
  ${CMAKE_CURRENT_LIST_DIR}/street_address.cpp
  ${CMAKE_CURRENT_LIST_DIR}/links.cpp
  ${CMAKE_CURRENT_LIST_DIR}/secrets.cpp
  ${CMAKE_CURRENT_LIST_DIR}/person_name.cpp
  ${CMAKE_CURRENT_LIST_DIR}/initials.cpp
)
