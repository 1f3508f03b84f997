// validator_verdicts.cpp — the stdnum oracle's view of our validators: reads lines
// "<check>\t<candidate>" on stdin (check: nhs, luhn or iban) and prints one verdict per line,
// 1 (valid) or 0, so stdnum_oracle_test.py can compare them with python-stdnum in one process call.
#include <iostream>
#include <string>
#include <string_view>

#include "postcheck/recognizers.h"

int main() {
  std::ios::sync_with_stdio(false);
  std::string line;
  std::string out;
  while (std::getline(std::cin, line)) {
    const std::size_t tab = line.find('\t');
    if (tab == std::string::npos) {
      std::cerr << "validator_verdicts: expected <check>\\t<candidate>, got: " << line << '\n';
      return 2;
    }
    const std::string_view check = std::string_view(line).substr(0, tab);
    const std::string_view candidate = std::string_view(line).substr(tab + 1);
    bool valid = false;
    if (check == "nhs") valid = postcheck::nhs_number_valid(candidate);
    else if (check == "luhn") valid = postcheck::luhn_valid(candidate);
    else if (check == "iban") valid = postcheck::iban_valid(candidate);
    else {
      std::cerr << "validator_verdicts: unknown check: " << check << '\n';
      return 2;
    }
    out += valid ? "1\n" : "0\n";
  }
  std::cout << out;
  return 0;
}
