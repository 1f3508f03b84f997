// recognizers_test.cpp — every recognizer with valid, invalid and near-miss examples: checksums,
// formats, digit runs that are not phones, words that look like postcodes, names that are places,
// abbreviations that look like initials, spans in code points after emoji, the posts of the brief;
// and recognize_all() (one shared trigger pass) agreeing with each recognizer run alone.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "postcheck/recognizers.h"
#include "postcheck/text.h"

using namespace postcheck;

namespace {

struct Found {
  std::string excerpt;  // the original text of the span
  std::string value;
  std::uint32_t begin;
  std::uint32_t end;
};

std::vector<Found> find(RecognizerKind kind, std::string_view utf8) {
  const Text text = Text::from_utf8(utf8);
  std::vector<RecognizerMatch> matches;
  recognize(kind, text, matches);
  std::vector<Found> found;
  for (const RecognizerMatch& m : matches) {
    CHECK(m.kind == kind);
    CHECK(m.begin < m.end);
    CHECK(m.end <= text.size());
    found.push_back({std::string(text.slice(m.begin, m.end)), m.value, m.begin, m.end});
  }
  return found;
}

// The excerpts only.
std::vector<std::string> excerpts(RecognizerKind kind, std::string_view utf8) {
  std::vector<std::string> out;
  for (const Found& f : find(kind, utf8)) out.push_back(f.excerpt);
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_SUITE("recognizer names") {
  TEST_CASE("every kind has its policy-file name and back") {
    const Strings names = {"email", "uk-phone", "uk-postcode", "nhs-number", "ni-number", "payment-card",
                           "bank-account", "iban", "date-of-birth", "street-address", "url",
                           "shared-document-link", "internal-link", "credential", "api-key", "person-name",
                           "initials"};
    REQUIRE(names.size() == kRecognizerCount);
    for (std::size_t i = 0; i < names.size(); ++i) {
      const auto kind = static_cast<RecognizerKind>(i);
      CHECK(recognizer_name(kind) == names[i]);
      REQUIRE(recognizer_from_name(names[i]).has_value());
      CHECK(*recognizer_from_name(names[i]) == kind);
    }
    CHECK_FALSE(recognizer_from_name("phone").has_value());
    CHECK_FALSE(recognizer_from_name("UK-PHONE").has_value());
    CHECK_FALSE(recognizer_from_name("").has_value());
  }
}

TEST_SUITE("email") {
  TEST_CASE("addresses, lower-cased values, sentence punctuation left out") {
    const auto f = find(RecognizerKind::email, "Email Bill.Carraway@Example.com. Or a.nowak@example.org!");
    REQUIRE(f.size() == 2);
    CHECK(f[0].excerpt == "Bill.Carraway@Example.com");
    CHECK(f[0].value == "bill.carraway@example.com");
    CHECK(f[1].excerpt == "a.nowak@example.org");
    CHECK(excerpts(RecognizerKind::email, "info@carersinbeds.org.uk") == Strings{"info@carersinbeds.org.uk"});
    CHECK(excerpts(RecognizerKind::email, "x+tag_1@mail.co.uk, y@z.io") == Strings{"x+tag_1@mail.co.uk", "y@z.io"});
  }
  TEST_CASE("not emails") {
    CHECK(find(RecognizerKind::email, "@CarersinBeds thanks!").empty());
    CHECK(find(RecognizerKind::email, "meet @ 10am").empty());
    CHECK(find(RecognizerKind::email, "bob@localhost").empty());      // no dot in the domain
    CHECK(find(RecognizerKind::email, "bob@example.c0m").empty());    // numeric TLD
    CHECK(find(RecognizerKind::email, "bob.@example.com").empty());   // local part ends with a dot
    CHECK(find(RecognizerKind::email, "a@-bad.com").empty());
    CHECK(find(RecognizerKind::email, "").empty());
  }
  TEST_CASE("spans are code points after emoji") {
    const auto f = find(RecognizerKind::email, "🤬🤬 ✉️ jo@ex.org");
    REQUIRE(f.size() == 1);
    CHECK(f[0].begin == 6);  // 🤬 🤬 space ✉ U+FE0F space
    CHECK(f[0].end == 15);
    CHECK(f[0].excerpt == "jo@ex.org");
  }
}

TEST_SUITE("uk-phone") {
  TEST_CASE("every numbering-plan shape") {
    const Strings shapes = {"07700 900283",      "07700900283",        "07700-900-283",   "07700 900 283",
                            "+44 7700 900283",   "+447700900283",      "+44 7700 900 283", "0044 7700 900283",
                            "+44 (0) 7700 900283", "+44(0)7700900283", "(01632) 960 245", "(01632) 960245",
                            "01632 960718",      "020 7946 0958",      "020.7946.0958",    "0300 123 4567",
                            "0800 123 456",      "0800 123 4567",      "0808 800 4000",    "0845 600 0000",
                            "0900 123 4567",     "01234 567890",       "016977 4567",      "+44 20 7946 0958"};
    for (const std::string& shape : shapes) {
      CAPTURE(shape);
      CHECK(excerpts(RecognizerKind::uk_phone, "Ring " + shape + " today") == Strings{shape});
    }
  }
  TEST_CASE("a number wholly in brackets is the number inside them") {
    CHECK(excerpts(RecognizerKind::uk_phone, "gave her my own number (07700 900773) so she can text") ==
          Strings{"07700 900773"});
    CHECK(excerpts(RecognizerKind::uk_phone, "(01632 960245)") == Strings{"01632 960245"});
    // The bracketed area code keeps its brackets, and a bracket around a non-number is still none.
    CHECK(excerpts(RecognizerKind::uk_phone, "ring (01525) 409177 now") == Strings{"(01525) 409177"});
    CHECK(find(RecognizerKind::uk_phone, "(0123 order 4)").empty());
  }
  TEST_CASE("value is the national digits, so allowlist spellings compare equal") {
    CHECK(find(RecognizerKind::uk_phone, "+44 7700 900 283")[0].value == "07700900283");
    CHECK(find(RecognizerKind::uk_phone, "+44 (0) 1234 567890")[0].value == "01234567890");
    CHECK(find(RecognizerKind::uk_phone, "(01632) 960 245")[0].value == "01632960245");
    CHECK(canonical_value(RecognizerKind::uk_phone, "01234 567890") == "01234567890");
    CHECK(canonical_value(RecognizerKind::uk_phone, "01234 567 890") == "01234567890");
    CHECK(canonical_value(RecognizerKind::uk_phone, "+44 1234 567890") == "01234567890");
    CHECK(canonical_value(RecognizerKind::uk_phone, "0044 (0)1234-567-890") == "01234567890");
  }
  TEST_CASE("the brief's posts") {
    CHECK(excerpts(RecognizerKind::uk_phone, "Text Priya on +44 7700 900 283, she’s doing the rota") ==
          Strings{"+44 7700 900 283"});
    CHECK(excerpts(RecognizerKind::uk_phone, "Ring Maureen on (01632) 960 245 📞") == Strings{"(01632) 960 245"});
    CHECK(excerpts(RecognizerKind::uk_phone, "her personal mobile is 07700-900-527 or email") ==
          Strings{"07700-900-527"});
    CHECK(excerpts(RecognizerKind::uk_phone, "Our helpline 01234 567890 is open 27–31 Dec, 10am–2pm.") ==
          Strings{"01234 567890"});
  }
  TEST_CASE("digit runs that are not phones") {
    for (std::string_view text : {"Order #40213377812 still hasn’t turned up", "Ticket numbers 0771–0790 have won",
                             "Registered charity no. 1098976", "call NHS 111, or 999 in an emergency",
                             "ref 07700900283X", "ref AB07700900283", "id 12-07700 900283", "#07700900283",
                             "04700 900283", "06700 900283", "07700 90028", "07700 9002833",
                             "0207 946 09581", "021 7946 0958", "0700 900 2834 5", "00 44",
                             "4000 0050 3491 0654", "£07700900283", "07700900283/2", "0123 4567 8901 2345"}) {
      const std::string shown(text);
      CAPTURE(shown);
      CHECK(find(RecognizerKind::uk_phone, text).empty());
    }
  }
  TEST_CASE("two numbers in a row are two matches") {
    CHECK(excerpts(RecognizerKind::uk_phone, "01234 567890 07700 900283") == Strings{"01234 567890", "07700 900283"});
    CHECK(excerpts(RecognizerKind::uk_phone, "01234 567890 or 07700 900283.") ==
          Strings{"01234 567890", "07700 900283"});
  }
  TEST_CASE("spans in code points after astral emoji") {
    const auto f = find(RecognizerKind::uk_phone, "🚨🚨🚨 07700 900312 x");
    REQUIRE(f.size() == 1);
    CHECK(f[0].begin == 4);
    CHECK(f[0].end == 16);
  }
  TEST_CASE("plausibility follows the numbering plan, drama ranges included") {
    CHECK(uk_phone_plausible("07700900283"));
    CHECK(uk_phone_plausible("01632960245"));
    CHECK(uk_phone_plausible("02079460958"));
    CHECK(uk_phone_plausible("03001234567"));
    CHECK(uk_phone_plausible("0800123456"));
    CHECK(uk_phone_plausible("08001234567"));
    CHECK(uk_phone_plausible("0169774567"));
    CHECK_FALSE(uk_phone_plausible("0808123456"));   // only 0800 has ten digits
    CHECK_FALSE(uk_phone_plausible("0770090028"));   // mobiles have eleven
    CHECK_FALSE(uk_phone_plausible("04123456789"));
    CHECK_FALSE(uk_phone_plausible("06123456789"));
    CHECK_FALSE(uk_phone_plausible("00441234567"));
    CHECK_FALSE(uk_phone_plausible("02179460958"));
    CHECK_FALSE(uk_phone_plausible("17700900283"));
    CHECK_FALSE(uk_phone_plausible("0770090028a"));
    CHECK_FALSE(uk_phone_plausible(""));
  }
}

TEST_SUITE("uk-postcode") {
  TEST_CASE("every outward shape, with and without the space, upper or lower case") {
    const Strings valid = {"SG18 0AW", "LU1 2NG", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "W1A 0AX",
                           "EC1A 1BB", "GIR 0AA", "SG180AW", "lu1 2ng", "ec1a1bb"};
    for (const std::string& pc : valid) {
      CAPTURE(pc);
      CHECK(excerpts(RecognizerKind::uk_postcode, "at " + pc + ", please") == Strings{pc});
    }
    CHECK(find(RecognizerKind::uk_postcode, "lu1 2ng")[0].value == "LU1 2NG");
    CHECK(find(RecognizerKind::uk_postcode, "SG180AW")[0].value == "SG18 0AW");
    CHECK(canonical_value(RecognizerKind::uk_postcode, " sg18 0aw ") == "SG18 0AW");
    CHECK(canonical_value(RecognizerKind::uk_postcode, "SG180AW") == "SG18 0AW");
  }
  TEST_CASE("format rules") {
    CHECK(uk_postcode_valid("SG180AW"));
    CHECK(uk_postcode_valid("GIR0AA"));
    CHECK_FALSE(uk_postcode_valid("QA1 1AA"));    // Q never first
    CHECK_FALSE(uk_postcode_valid("VA11AA"));     // V never first
    CHECK_FALSE(uk_postcode_valid("AI11AA"));     // I never second
    CHECK_FALSE(uk_postcode_valid("AZ11AA"));     // Z never second
    CHECK_FALSE(uk_postcode_valid("A1I1AA"));     // A9A third letter from ABCDEFGHJKPSTUW only
    CHECK_FALSE(uk_postcode_valid("AA1C1AA"));    // AA9A fourth letter from ABEHMNPRVWXY only
    CHECK_FALSE(uk_postcode_valid("SG181CA"));    // inward letters never C I K M O V
    CHECK_FALSE(uk_postcode_valid("SG181AV"));
    CHECK_FALSE(uk_postcode_valid("SG18AAW"));    // inward starts with a digit
    CHECK_FALSE(uk_postcode_valid("SGA0AW"));     // outward needs a digit
    CHECK_FALSE(uk_postcode_valid("SG1800AW"));   // too long
    CHECK_FALSE(uk_postcode_valid("sg180aw"));    // the validator takes upper case
  }
  TEST_CASE("words and codes that look like postcodes") {
    for (std::string_view text : {"Sg18 0aw", "SG18 0aw", "at 10am", "COVID19", "the A421 in rush hour", "MP3 player",
                             "Luton 0-4 at home", "XSG18 0AW", "SG18 0AWX", "@sg180aw", "B2B sales", "A1 road",
                             "8.10am tomorrow", "QA1 1AA", "CO2 EMISSIONS"}) {
      const std::string shown(text);
      CAPTURE(shown);
      CHECK(find(RecognizerKind::uk_postcode, text).empty());
    }
  }
  TEST_CASE("the brief's posts, spans after emoji") {
    CHECK(excerpts(RecognizerKind::uk_postcode, "4 Mill Lane, Biggleswade SG18 0AW — Janet") == Strings{"SG18 0AW"});
    CHECK(excerpts(RecognizerKind::uk_postcode, "St George’s Square, LU1 2NG, 10am–2pm.") == Strings{"LU1 2NG"});
    const auto f = find(RecognizerKind::uk_postcode, "🏡🏡 MK45 2DE");
    REQUIRE(f.size() == 1);
    CHECK(f[0].begin == 3);
    CHECK(f[0].end == 11);
  }
}

TEST_SUITE("nhs-number") {
  TEST_CASE("modulus 11") {
    CHECK(nhs_number_valid("9434765919"));
    CHECK(nhs_number_valid("9999542557"));
    CHECK(nhs_number_valid("9990344663"));
    CHECK_FALSE(nhs_number_valid("9434765918"));  // wrong check digit
    CHECK_FALSE(nhs_number_valid("9993795630"));
    CHECK_FALSE(nhs_number_valid("943476591"));
    CHECK_FALSE(nhs_number_valid("943476591x"));
    // Check digit 11 -> 0: all zeros sum to 0.
    CHECK(nhs_number_valid("0000000000"));
    // Check digit 10 is never valid: a 6 at weight 2 sums to 12, 12 mod 11 = 1, 11 - 1 = 10.
    for (char last = '0'; last <= '9'; ++last) CHECK_FALSE(nhs_number_valid(std::string("00000000") + "6" + last));
  }
  TEST_CASE("groupings") {
    CHECK(excerpts(RecognizerKind::nhs_number, "NHS number 999 954 2557)") == Strings{"999 954 2557"});
    CHECK(excerpts(RecognizerKind::nhs_number, "his NHS no. is 9990344663, please") == Strings{"9990344663"});
    CHECK(excerpts(RecognizerKind::nhs_number, "943-476-5919") == Strings{"943-476-5919"});
    CHECK(find(RecognizerKind::nhs_number, "943 476 5919")[0].value == "9434765919");
  }
  TEST_CASE("near misses") {
    for (std::string_view text : {"Booking ref 999 379 5630 for the cottage", "943 476 5918", "943-476 5919",
                             "9434 765 919", "19434765919", "943476591", "X9434765919", "943 476 59190",
                             "943 476 5919-2"}) {
      const std::string shown(text);
      CAPTURE(shown);
      CHECK(find(RecognizerKind::nhs_number, text).empty());
    }
  }
}

TEST_SUITE("ni-number") {
  TEST_CASE("prefix and suffix rules") {
    CHECK(ni_number_valid("XJ912103C"));
    CHECK(ni_number_valid("AB123456D"));
    for (std::string_view bad : {"DA123456A", "FA123456A", "IA123456A", "QA123456A", "UA123456A", "VA123456A",
                            "AD123456A", "AO123456A", "BG123456A", "GB123456A", "NK123456A", "KN123456A",
                            "NT123456A", "TN123456A", "ZZ123456A", "AB123456E", "AB12345CA", "AB1234567"}) {
      const std::string shown(bad);
      CAPTURE(shown);
      CHECK_FALSE(ni_number_valid(bad));
    }
  }
  TEST_CASE("written compact, spaced in pairs, or with the suffix apart") {
    CHECK(excerpts(RecognizerKind::ni_number, "His NI number is XJ 91 21 03 C if anyone") == Strings{"XJ 91 21 03 C"});
    CHECK(excerpts(RecognizerKind::ni_number, "NI: XJ912103C.") == Strings{"XJ912103C"});
    CHECK(excerpts(RecognizerKind::ni_number, "NI: XJ 912103 C") == Strings{"XJ 912103 C"});
    CHECK(excerpts(RecognizerKind::ni_number, "ni: xj912103c") == Strings{"xj912103c"});
    CHECK(find(RecognizerKind::ni_number, "XJ 91 21 03 C")[0].value == "XJ912103C");
    CHECK(canonical_value(RecognizerKind::ni_number, "xj 91 21 03 c") == "XJ912103C");
  }
  TEST_CASE("near misses") {
    for (std::string_view text : {"QQ123456C", "XJ912103E", "XJ91210C", "XJ 91 2103 C", "Xj912103C", "AXJ912103C",
                             "XJ912103CD", "GB123456A"}) {
      const std::string shown(text);
      CAPTURE(shown);
      CHECK(find(RecognizerKind::ni_number, text).empty());
    }
  }
}

TEST_SUITE("payment-card") {
  TEST_CASE("Luhn") {
    CHECK(luhn_valid("4000005034910654"));
    CHECK(luhn_valid("4111111111111111"));
    CHECK(luhn_valid("378282246310005"));
    CHECK_FALSE(luhn_valid("4945463382606058"));
    CHECK_FALSE(luhn_valid("4111111111111112"));
    CHECK_FALSE(luhn_valid(""));
    CHECK_FALSE(luhn_valid("41111x1111111111"));
  }
  TEST_CASE("shapes") {
    CHECK(excerpts(RecognizerKind::payment_card, "use this: 4000 0050 3491 0654 exp 08/27") ==
          Strings{"4000 0050 3491 0654"});
    CHECK(excerpts(RecognizerKind::payment_card, "4111111111111111") == Strings{"4111111111111111"});
    CHECK(excerpts(RecognizerKind::payment_card, "4111-1111-1111-1111") == Strings{"4111-1111-1111-1111"});
    CHECK(excerpts(RecognizerKind::payment_card, "Amex 3782 822463 10005.") == Strings{"3782 822463 10005"});
    CHECK(find(RecognizerKind::payment_card, "4000 0050 3491 0654")[0].value == "4000005034910654");
  }
  TEST_CASE("near misses") {
    for (std::string_view text : {"Ticket barcode 4945 4633 8260 6058", "4111 1111 1111 1112", "4111-1111 1111-1111",
                             "41111 1111 1111 111", "9111111111111111", "#4111111111111111", "4111111111111111X",
                             "411111111111", "1234 4111 1111 1111 1111"}) {
      const std::string shown(text);
      CAPTURE(shown);
      CHECK(find(RecognizerKind::payment_card, text).empty());
    }
  }
}

TEST_SUITE("bank-account") {
  TEST_CASE("sort code and account number; the span covers both") {
    const auto f = find(RecognizerKind::bank_account,
                        "pay my mate Kev by bank transfer, sort code 20-45-77 account 41028833 👍");
    REQUIRE(f.size() == 1);
    CHECK(f[0].excerpt == "sort code 20-45-77 account 41028833");
    CHECK(f[0].value == "20457741028833");
    CHECK(excerpts(RecognizerKind::bank_account, "acc 41028833, s/c 20-45-77") == Strings{"41028833, s/c 20-45-77"});
    CHECK(excerpts(RecognizerKind::bank_account, "sort code: 20 45 77, acc no 41028833") ==
          Strings{"sort code: 20 45 77, acc no 41028833"});
    CHECK(excerpts(RecognizerKind::bank_account, "20-45-77 41028833") == Strings{"20-45-77 41028833"});
  }
  TEST_CASE("not bank accounts") {
    for (std::string_view text : {"sort code 20-45-77 and that is all", "account 41028833", "20 45 77 41028833",
                             "open 20-45-77 every day of the week in the summer 41028833",
                             "sort code 20-45-77 account 4102883", "sort code 20-45-777 account 41028833"}) {
      const std::string shown(text);
      CAPTURE(shown);
      CHECK(find(RecognizerKind::bank_account, text).empty());
    }
  }
}

TEST_SUITE("iban") {
  TEST_CASE("mod 97 and the country's length") {
    CHECK(iban_valid("GB82WEST12345698765432"));
    CHECK(iban_valid("DE89370400440532013000"));
    CHECK_FALSE(iban_valid("GB82WEST12345698765433"));
    CHECK_FALSE(iban_valid("GB82WEST1234569876543"));   // GB is 22 long
    CHECK_FALSE(iban_valid("gb82west12345698765432"));
    CHECK_FALSE(iban_valid("GB82 WEST 1234 5698 7654 32"));
  }
  TEST_CASE("compact or in groups of four") {
    CHECK(excerpts(RecognizerKind::iban, "IBAN GB82 WEST 1234 5698 7654 32 please") ==
          Strings{"GB82 WEST 1234 5698 7654 32"});
    CHECK(excerpts(RecognizerKind::iban, "IBAN: GB82WEST12345698765432.") == Strings{"GB82WEST12345698765432"});
    CHECK(find(RecognizerKind::iban, "GB82 WEST 1234 5698 7654 32")[0].value == "GB82WEST12345698765432");
    CHECK(find(RecognizerKind::iban, "GB82 WEST 1234 5698 7654 33").empty());
    CHECK(find(RecognizerKind::iban, "XGB82WEST12345698765432").empty());
  }
}

TEST_SUITE("date-of-birth") {
  TEST_CASE("dates with birth context before them; the span starts at the context") {
    CHECK(excerpts(RecognizerKind::date_of_birth, "Mr Ahmed Rafiq (DOB 22/07/1961) get his") == Strings{"DOB 22/07/1961"});
    CHECK(excerpts(RecognizerKind::date_of_birth, "Grandad Len! Born 3rd May 1944 in Potton") ==
          Strings{"Born 3rd May 1944"});
    CHECK(excerpts(RecognizerKind::date_of_birth, "the password to open it is his DOB, 22071961") ==
          Strings{"DOB, 22071961"});
    CHECK(excerpts(RecognizerKind::date_of_birth, "date of birth: 22.07.1961") == Strings{"date of birth: 22.07.1961"});
    CHECK(excerpts(RecognizerKind::date_of_birth, "D.O.B. 22-07-61") == Strings{"D.O.B. 22-07-61"});
    CHECK(excerpts(RecognizerKind::date_of_birth, "she was born on May 3, 1944.") == Strings{"born on May 3, 1944"});
    CHECK(excerpts(RecognizerKind::date_of_birth, "aged 64, born 22 July 1961") == Strings{"born 22 July 1961"});
    CHECK(excerpts(RecognizerKind::date_of_birth, "Len Smith (b. 3 May 1944)") == Strings{"b. 3 May 1944"});
    CHECK(excerpts(RecognizerKind::date_of_birth, "his birthday is the 3rd of May 1944") ==
          Strings{"birthday is the 3rd of May 1944"});
    CHECK(excerpts(RecognizerKind::date_of_birth, "Date of Birth 1961-07-22") == Strings{"Date of Birth 1961-07-22"});
    CHECK(find(RecognizerKind::date_of_birth, "DOB 22/07/1961")[0].value == "1961-07-22");
    CHECK(find(RecognizerKind::date_of_birth, "DOB 22/07/61")[0].value == "61-07-22");
    CHECK(canonical_value(RecognizerKind::date_of_birth, "22 July 1961") == "1961-07-22");
  }
  TEST_CASE("not dates of birth") {
    for (std::string_view text : {"Carers Week: 9–15 June. Born to care? No — most of us never expected it",
                             "Closing date 30/06/2025.", "Apply by 5 July 👉", "born in 1944",
                             "DOB 31/02/1961", "DOB 22/13/1961", "born 22071961", "DOB in the file, 22071961",
                             "Born in Luton. Moved on 3 May 2020", "born and raised, we met on 3 May 2020 at the fair",
                             "DOB 22/07/1961/4", "born 29/02/1961", "3 May 1944 born"}) {
      const std::string shown(text);
      CAPTURE(shown);
      CHECK(find(RecognizerKind::date_of_birth, text).empty());
    }
    CHECK(excerpts(RecognizerKind::date_of_birth, "born 29/02/1960") == Strings{"born 29/02/1960"});  // leap year
  }
  TEST_CASE("spans after emoji") {
    const auto f = find(RecognizerKind::date_of_birth, "🎂🎂 Born 3rd May 1944");
    REQUIRE(f.size() == 1);
    CHECK(f[0].begin == 3);
    CHECK(f[0].end == 20);
  }
}

TEST_SUITE("street-address") {
  TEST_CASE("house number, capitalised words and a street word; town and postcode join the span") {
    CHECK(excerpts(RecognizerKind::street_address,
                   "Janet Fairweather, 4 Mill Lane, Biggleswade SG18 0AW — Janet, message me!") ==
          Strings{"4 Mill Lane, Biggleswade SG18 0AW"});
    CHECK(excerpts(RecognizerKind::street_address, "at 12a Church Street today") == Strings{"12a Church Street"});
    CHECK(excerpts(RecognizerKind::street_address, "Flat 2, 14 St Peter’s Close, Leighton Buzzard.") ==
          Strings{"Flat 2, 14 St Peter’s Close, Leighton Buzzard"});
    CHECK(excerpts(RecognizerKind::street_address, "at 10 Downing Street, SW1A 2AA") ==
          Strings{"10 Downing Street, SW1A 2AA"});
    CHECK(excerpts(RecognizerKind::street_address, "4 Mill Lane, Janet said") == Strings{"4 Mill Lane"});
    CHECK(find(RecognizerKind::street_address, "4  Mill Lane").empty());
    CHECK(find(RecognizerKind::street_address, "4 Mill Lane")[0].value == "4 mill lane");
  }
  TEST_CASE("not addresses") {
    for (std::string_view text : {"so 40 lengths at Flitwick leisure centre today", "we ran 14 events in 9 towns",
                             "every 2nd Wednesday at 2pm, St Andrew’s Church Hall", "Top 5 Tips For Carers",
                             "4 Lane", "£4 Mill Lane", "12345 Mill Lane", "3 Wrest Park concerts", "4 mill lane",
                             "4 Mill Lanes"}) {
      const std::string shown(text);
      CAPTURE(shown);
      CHECK(find(RecognizerKind::street_address, text).empty());
    }
  }
  TEST_CASE("spans after emoji") {
    const auto f = find(RecognizerKind::street_address, "🏠 7 Park Road");
    REQUIRE(f.size() == 1);
    CHECK(f[0].begin == 2);
    CHECK(f[0].end == 13);
  }
}

TEST_SUITE("links") {
  TEST_CASE("urls: schemes, www., host with a path; trailing punctuation left out") {
    CHECK(excerpts(RecognizerKind::url, "Apply 👉 https://www.carersinbeds.org.uk/jobs") ==
          Strings{"https://www.carersinbeds.org.uk/jobs"});
    CHECK(excerpts(RecognizerKind::url, "see www.example.com.") == Strings{"www.example.com"});
    CHECK(excerpts(RecognizerKind::url, "(see carers.org/help)") == Strings{"carers.org/help"});
    CHECK(excerpts(RecognizerKind::url, "https://en.wikipedia.org/wiki/Carer_(role)!") ==
          Strings{"https://en.wikipedia.org/wiki/Carer_(role)"});
    CHECK(find(RecognizerKind::url, "https://www.carersinbeds.org.uk/jobs/")[0].value == "carersinbeds.org.uk/jobs");
    CHECK(canonical_value(RecognizerKind::url, "HTTPS://WWW.CarersinBeds.org.uk/") == "carersinbeds.org.uk");
  }
  TEST_CASE("not urls") {
    for (std::string_view text : {"a decent explainer on the gov.uk website.", "e.g. this", "i.e. that", "8.10am",
                             "£81.90 a week", "danny.b.2000", "M.H. from Dunstable", "a.nowak@example.org",
                             "and/or", "hrs/wk", "24/7", "v1.2.3", "Mon–Fri 9–5.", "javascript:alert(1)"}) {
      const std::string shown(text);
      CAPTURE(shown);
      CHECK(find(RecognizerKind::url, text).empty());
    }
  }
  TEST_CASE("shared-document links, with or without a scheme") {
    const Strings shared = {"https://1drv.ms/f/s!AkT9xQ2bYp7gh1234",
                            "https://carersinbeds.sharepoint.com/:x:/s/Volunteers/EaB3kLmN0pQrStUvWxYz",
                            "https://drive.google.com/drive/folders/1aBcD3fGhIjKlMnOpQrStUvWxYz01",
                            "docs.google.com/document/d/1xYz/edit", "https://www.dropbox.com/s/abc/rota.xlsx?dl=0",
                            "db.tt/AbCd", "https://app.box.com/s/xyz", "onedrive.live.com/?id=ABC"};
    for (const std::string& link : shared) {
      CAPTURE(link);
      CHECK(excerpts(RecognizerKind::shared_document_link, "here: " + link + " thanks") == Strings{link});
      CHECK(excerpts(RecognizerKind::url, "here: " + link + " thanks") == Strings{link});
      CHECK(find(RecognizerKind::internal_link, "here: " + link + " thanks").empty());
    }
    for (std::string_view text : {"https://www.carersinbeds.org.uk/jobs", "https://inbox.com/x", "dropbox.com",
                             "https://docs.google.com", "https://notsharepoint.com/x"}) {
      const std::string shown(text);
      CAPTURE(shown);
      CHECK(find(RecognizerKind::shared_document_link, text).empty());
    }
  }
  TEST_CASE("internal links") {
    const Strings internal = {"http://intranet.carersinbeds.local/hr/policies", "intranet.carersinbeds.org.uk",
                              "https://hr.corp/payroll", "http://intranet/hr", "http://192.168.1.20:8080/admin",
                              "10.0.0.5/share", "server.lan", "http://localhost:3000/", "file:///C:/Users/jo/notes.txt",
                              "\\\\fileserver\\Shared\\Rota.xlsx", "https://wiki.internal/page"};
    for (const std::string& link : internal) {
      CAPTURE(link);
      CHECK(excerpts(RecognizerKind::internal_link, "see " + link + " now") == Strings{link});
    }
    CHECK(excerpts(RecognizerKind::internal_link,
                   "Is the intranet down? http://intranet.carersinbeds.local/hr/policies won’t load") ==
          Strings{"http://intranet.carersinbeds.local/hr/policies"});
    for (std::string_view text : {"the intranet is down", "https://www.carersinbeds.org.uk/jobs", "8.8.8.8/dns",
                             "https://intranets.example.com/x", "192.169.1.1/x"}) {
      const std::string shown(text);
      CAPTURE(shown);
      CHECK(find(RecognizerKind::internal_link, text).empty());
    }
  }
  TEST_CASE("spans after emoji") {
    const auto f = find(RecognizerKind::url, "👉👉 https://x.org/a");
    REQUIRE(f.size() == 1);
    CHECK(f[0].begin == 3);
    CHECK(f[0].end == 18);
  }
}

TEST_SUITE("credential") {
  TEST_CASE("the brief's credentials; the span runs from the keyword through the value") {
    CHECK(excerpts(RecognizerKind::credential, "case sensitive? My password is Summer2024 and it says invalid") ==
          Strings{"password is Summer2024"});
    CHECK(excerpts(RecognizerKind::credential, "Wifi password at the Kempston office is CarersRule!2025 if anyone") ==
          Strings{"password at the Kempston office is CarersRule!2025"});
    CHECK(excerpts(RecognizerKind::credential, "login for the charity Instagram: carersinbeds / Bluebell2024!") ==
          Strings{"login for the charity Instagram: carersinbeds / Bluebell2024!"});
    CHECK(excerpts(RecognizerKind::credential,
                   "Here’s the login for the charity Instagram so the new volunteers can post: carersinbeds / "
                   "Bluebell2024!") ==
          Strings{"login for the charity Instagram so the new volunteers can post: carersinbeds / Bluebell2024!"});
    CHECK(excerpts(RecognizerKind::credential, "use the admin login: admin@carersinbeds.org.uk / Pa55word!") ==
          Strings{"login: admin@carersinbeds.org.uk / Pa55word!"});
    CHECK(excerpts(RecognizerKind::credential, "keep asking for a 2FA code? Mine’s 481 203 and it still") ==
          Strings{"2FA code? Mine’s 481 203"});
    CHECK(excerpts(RecognizerKind::credential, "Verification code for the Facebook page is 672910 — Jo") ==
          Strings{"Verification code for the Facebook page is 672910"});
    CHECK(excerpts(RecognizerKind::credential, "the password to open it is his DOB, 22071961") ==
          Strings{"password to open it is his DOB, 22071961"});
    CHECK(find(RecognizerKind::credential, "My password is Summer2024.")[0].value == "Summer2024");
  }
  TEST_CASE("other shapes") {
    CHECK(excerpts(RecognizerKind::credential, "PIN: 4821") == Strings{"PIN: 4821"});
    CHECK(excerpts(RecognizerKind::credential, "pwd=Tr0ub4dor") == Strings{"pwd=Tr0ub4dor"});
    CHECK(excerpts(RecognizerKind::credential, "the key safe code is 1945") == Strings{"key safe code is 1945"});
    CHECK(excerpts(RecognizerKind::credential, "one-time code - 48 12 03") == Strings{"one-time code - 48 12 03"});
    CHECK(excerpts(RecognizerKind::credential, "passcode is just 7731") == Strings{"passcode is just 7731"});
    CHECK(excerpts(RecognizerKind::credential, "my login is k.walsh and pw is Sunflower!88 - can someone") ==
          Strings{"pw is Sunflower!88"});
    CHECK(excerpts(RecognizerKind::credential, "used the shared login (comms@carersinbeds / Summer2024) to post") ==
          Strings{"login (comms@carersinbeds / Summer2024"});
    CHECK(find(RecognizerKind::credential, "the pw reset email never came").empty());
    CHECK(excerpts(RecognizerKind::credential, "locked out of the CRM again, tried user jwalker pass Sunflower7 three times") ==
          Strings{"pass Sunflower7"});
    for (std::string_view text : {"my bus pass is 2024 edition", "pass it on to Jo4", "pass: 3 of 5 today",
                                  "free pass to the Luton hub, code is at reception"}) {
      CAPTURE(std::string(text));
      CHECK(find(RecognizerKind::credential, text).empty());
    }
    CHECK(excerpts(RecognizerKind::credential, "the code it texted me was 583902 and it still wont let me in") ==
          Strings{"code it texted me was 583902"});
    // Per week, day passes, discount codes, phone numbers, years and brackets are not secrets.
    for (std::string_view text : {"Carer's Allowance is £83.30 pw (from April 2025)", "20 hrs pw - £11.44/hr",
                                  "Day pass 24hrs", "Enter the code they emailed us: CARERS20 for 20% off",
                                  "Key safe fitting: 01234 567890", "Keypad entry problems? Ring the office - 01582 123456",
                                  "Password guidance has been updated to 2025 standards",
                                  "Reset your password (takes 2mins) from the login page"}) {
      CAPTURE(std::string(text));
      CHECK(find(RecognizerKind::credential, text).empty());
    }
  }
  TEST_CASE("a key safe or keypad guards a code") {
    CHECK(excerpts(RecognizerKind::credential, "Key safe at the Sandy office is 1 9 8 3 – leaving this here") ==
          Strings{"Key safe at the Sandy office is 1 9 8 3"});
    CHECK(excerpts(RecognizerKind::credential, "The keypad on the Kempston hub back door is 4719# btw") ==
          Strings{"keypad on the Kempston hub back door is 4719"});
    CHECK(excerpts(RecognizerKind::credential, "the key safe code is 1945") == Strings{"key safe code is 1945"});
    // A meeting host's key is a code; a key that is not one is not.
    CHECK(excerpts(RecognizerKind::credential, "Zoom host key for tonight's carers' webinar is 552019, keep it in") ==
          Strings{"host key for tonight's carers' webinar is 552019"});
    CHECK(find(RecognizerKind::credential, "The host key holder for the hall is 2 doors down").empty());
    // A code's keyword waits up to 14 words for its "is" / "it's".
    CHECK(excerpts(RecognizerKind::credential,
                   "who has the keysafe code for the Flitwick flat?? nvm found it in the group chat, it's 4417") ==
          Strings{"keysafe code for the Flitwick flat?? nvm found it in the group chat, it's 4417"});
    CHECK(find(RecognizerKind::credential,
               "the keysafe code for the flat is with the team leader and you can always ask them on the day, "
               "it's 2024 policy")
              .empty());
    for (std::string_view text : {"The key safe is by the front door", "a keypad is being fitted on 12 May",
                                  "Key safe installations: 3 this week"}) {
      CAPTURE(std::string(text));
      CHECK(find(RecognizerKind::credential, text).empty());
    }
  }
  TEST_CASE("a change is a delimiter: 'has changed to', 'reset to'") {
    CHECK(excerpts(RecognizerKind::credential, "Door code for the Kempston office has changed to 4471# btw") ==
          Strings{"Door code for the Kempston office has changed to 4471"});
    CHECK(excerpts(RecognizerKind::credential, "The alarm code was reset to 1966 after the break-in") ==
          Strings{"alarm code was reset to 1966"});
    for (std::string_view text : {"the door code is going to change to something harder",
                                  "my password needs to change every 90 days", "PIN changed to protect you"}) {
      CAPTURE(std::string(text));
      CHECK(find(RecognizerKind::credential, text).empty());
    }
  }
  TEST_CASE("a code's keyword waits longer for its 'is'; where a code came from; a network key") {
    CHECK(excerpts(RecognizerKind::credential, "The door code for the back entrance at the Kempston office is 2580# x") ==
          Strings{"door code for the back entrance at the Kempston office is 2580"});
    CHECK(excerpts(RecognizerKind::credential, "the code from the text is 228 471, can you") ==
          Strings{"code from the text is 228 471"});
    CHECK(excerpts(RecognizerKind::credential, "The code in my email: 553901") == Strings{"code in my email: 553901"});
    CHECK(excerpts(RecognizerKind::credential, "Wifi key Bedfordshire2025! if anyone needs it") ==
          Strings{"Wifi key Bedfordshire2025!"});
    CHECK(excerpts(RecognizerKind::credential, "the wi-fi key is Sunflower77") == Strings{"wi-fi key is Sunflower77"});
    for (std::string_view text : {"the code from the text never arrived", "Key dates for your diary: 12 March 2025",
                                  "the key is 2 hours of respite", "Key workers: 4 of us today", "a key code",
                                  "the door code for the back entrance changed on Monday, we are told"}) {
      CAPTURE(std::string(text));
      CHECK(find(RecognizerKind::credential, text).empty());
    }
  }
  TEST_CASE("talk about passwords is not a credential") {
    for (std::string_view text : {"If you still use the same password everywhere, change it today.",
                             "Reminder: we will NEVER ask for your password or bank details by phone or text.",
                             "Password managers are a game changer", "My password is secret", "Log in: 10am",
                             "login: carersinbeds", "the verification code is on its way", "PIN: 12",
                             "My password is Summer2024", "password. Is 1234 enough?", "code is ABC123"}) {
      const std::string shown(text);
      CAPTURE(shown);
      const auto found = find(RecognizerKind::credential, text);
      if (text == "My password is Summer2024") {
        CHECK(found.size() == 1);  // the control: the same sentence with a secret
      } else {
        CHECK(found.empty());
      }
    }
  }
  TEST_CASE("spans after emoji") {
    const auto f = find(RecognizerKind::credential, "🔑🔑 PIN 1234?");
    CHECK(f.empty());  // no delimiter
    const auto g = find(RecognizerKind::credential, "🔑🔑 PIN is 1234?");
    REQUIRE(g.size() == 1);
    CHECK(g[0].begin == 3);
    CHECK(g[0].end == 14);
  }
}

TEST_SUITE("api-key") {
  TEST_CASE("known key shapes") {
    CHECK(excerpts(RecognizerKind::api_key,
                   "AWS key for the new website build: AKIAIOSFODNN7EXAMPLE, secret "
                   "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY") ==
          Strings{"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"});
    CHECK(excerpts(RecognizerKind::api_key, "API key for the comms team is 9f8e7d6c5b4a39281706f5e4d3c2b1a0-us21 — please") ==
          Strings{"9f8e7d6c5b4a39281706f5e4d3c2b1a0-us21"});
    const Strings keys = {"sk_live_4eC39HqLyjWDarjtT1zdp7dc", "pk_test_TYooMQauvdEDq54NiTphI7jx",
                          "ghp_1234567890abcdefghijABCDEFGHIJ123456", "github_pat_11ABCDEFG0123456789_abcdefghijklmnop",
                          "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
                          "AIzaSyA1234567890abcdefghijklmnopqrstuv",
                          "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N",
                          "Xk9vQ2mR7tL4pW8sN3bY6cJ1"};
    for (const std::string& key : keys) {
      CAPTURE(key);
      CHECK(excerpts(RecognizerKind::api_key, "token " + key + ".") == Strings{key});
    }
  }
  TEST_CASE("not keys") {
    for (std::string_view text : {"https://drive.google.com/drive/folders/1aBcD3fGhIjKlMnOpQrStUvWxYz01",
                             "#CarersWeek2025IsHereAndWeAreReady", "CarersInBedfordshireVolunteer2024Awards",
                             "AKIAIOSFODNN7EXAMPL", "9f8e7d6c5b4a39281706f5e4d3c2b1a0", "@Xk9vQ2mR7tL4pW8sN3bY6cJ1",
                             "0123456789012345678901234567", "sk_live_short1"}) {
      const std::string shown(text);
      CAPTURE(shown);
      CHECK(find(RecognizerKind::api_key, text).empty());
    }
  }
}

TEST_SUITE("recognizers over awkward input") {
  TEST_CASE("empty, invalid UTF-8, lone digits and long runs never crash and stay in bounds") {
    const std::string inputs[] = {"", "0", "+", "+4", "+44", "(", "(0", "@", "\\\\", "://", "\xff\xfe 07700 900283",
                                  std::string(5000, '7'), std::string(3000, '.'), "07700 900283\xc3"};
    for (const std::string& in : inputs) {
      for (std::size_t k = 0; k < kRecognizerCount; ++k) {
        CAPTURE(k);
        const Text text = Text::from_utf8(in);
        std::vector<RecognizerMatch> out;
        recognize(static_cast<RecognizerKind>(k), text, out);
        for (const RecognizerMatch& m : out) CHECK(m.end <= text.size());
      }
    }
    CHECK(excerpts(RecognizerKind::uk_phone, "\xff\xfe 07700 900283") == Strings{"07700 900283"});
  }
}

TEST_SUITE("person-name") {
  TEST_CASE("a title and a name; the span runs from the title through the name") {
    CHECK(excerpts(RecognizerKind::person_name, "Mrs Okonkwo rang the office 14 times today about her son’s PIP claim.") ==
          Strings{"Mrs Okonkwo"});
    CHECK(excerpts(RecognizerKind::person_name, "Can anyone help Mr Ahmed Rafiq (DOB 22/07/1961) get his Blue Badge?") ==
          Strings{"Mr Ahmed Rafiq"});
    CHECK(excerpts(RecognizerKind::person_name, "Thanks to Cllr Jan Whitby for visiting") == Strings{"Cllr Jan Whitby"});
    CHECK(excerpts(RecognizerKind::person_name, "Dr. Patel says the scan is clear") == Strings{"Dr. Patel"});
    CHECK(excerpts(RecognizerKind::person_name, "Forwarding Mr Rafiq’s referral form") == Strings{"Mr Rafiq"});
    CHECK(excerpts(RecognizerKind::person_name, "Mrs Green and Mr O’Brien-Smith came") ==
          Strings{"Mrs Green", "Mr O’Brien-Smith"});  // a surname that is also a word, and a double-barrelled one
    const auto f = find(RecognizerKind::person_name, "Can anyone help Mr Ahmed Rafiq today");
    REQUIRE(f.size() == 1);
    CHECK(f[0].value == "ahmed rafiq");  // the title is not part of the value, so allowlists need not spell it
  }
  TEST_CASE("two capitalised words inside a sentence") {
    CHECK(excerpts(RecognizerKind::person_name,
                   "Please keep Doreen Blackwell from our Biggleswade group in your thoughts") ==
          Strings{"Doreen Blackwell"});
    CHECK(excerpts(RecognizerKind::person_name,
                   "Congratulations to Stan Whitlock from Marston Moretaine, who has finally been awarded it") ==
          Strings{"Stan Whitlock"});  // "Marston Moretaine" is a place
    CHECK(excerpts(RecognizerKind::person_name, "Thanks Doreen Blackwell for the cake") == Strings{"Doreen Blackwell"});
    CHECK(find(RecognizerKind::person_name, "Thanks Doreen Blackwell")[0].value == "doreen blackwell");
  }
  TEST_CASE("a name with an age") {
    CHECK(excerpts(RecognizerKind::person_name, "the young carer I met in Luton today. Kofi is 11 and does all his mum’s injections") ==
          Strings{"Kofi is 11"});
    CHECK(excerpts(RecognizerKind::person_name, "Margaret is 79 and still drives") == Strings{"Margaret is 79"});
    CHECK(excerpts(RecognizerKind::person_name, "Amara is now 8.") == Strings{"Amara is now 8"});
    CHECK(find(RecognizerKind::person_name, "Kofi is 11")[0].value == "kofi");
  }
  TEST_CASE("places, organisations, events and headings are not people") {
    for (std::string_view text :
         {"We met at Bedford Hospital today", "Happy Carers Week everyone", "Come on you Luton Town!",
          "our Young Carers group", "a walk round Wrest Park", "Doreen Blackwell has dementia",  // starts the sentence
          "Please Keep Doreen Blackwell In Your Thoughts",  // a title-case heading
          "with Central Bedfordshire Council", "It is 10 past", "Entry is 5 pounds", "Parking is 2",
          "Bedford is 11 miles away", "Lunch is 12:30", "Registration is 10", "Training Session today",
          "I Miss You", "Dr Who is on", "see #CarersWeek and @Doreen Blackwell", "4 Church Dr Bedford",
          "NHS England", "a Carer’s Allowance claim", "in Houghton Regis last week",
          "Mr", "Mrs okonkwo", "Mr.", "MRS OKONKWO"}) {
      const std::string shown(text);
      CAPTURE(shown);
      CHECK(find(RecognizerKind::person_name, text).empty());
    }
  }
  TEST_CASE("spans after emoji and canonical allowlist values") {
    const auto f = find(RecognizerKind::person_name, "🎉🎉 shout out to Doreen Blackwell!");
    REQUIRE(f.size() == 1);
    CHECK(f[0].begin == 16);  // each emoji is one code point
    CHECK(f[0].end == 32);
    CHECK(canonical_value(RecognizerKind::person_name, " Mr.  Ahmed   Rafiq’s ") == "ahmed rafiq");
    CHECK(canonical_value(RecognizerKind::person_name, "Doreen Blackwell") == "doreen blackwell");
  }
}

TEST_SUITE("initials") {
  TEST_CASE("two or three capitals with dots, the last dot optional") {
    CHECK(excerpts(RecognizerKind::initials, "well done to M.H. for finally accepting respite") == Strings{"M.H."});
    CHECK(excerpts(RecognizerKind::initials, "J.B. and M.H rang") == Strings{"J.B.", "M.H"});
    CHECK(excerpts(RecognizerKind::initials, "J.R.R. Tolkien") == Strings{"J.R.R."});
    CHECK(find(RecognizerKind::initials, "thanks M.H.")[0].value == "MH");
  }
  TEST_CASE("a town after the initials joins the span") {
    CHECK(excerpts(RecognizerKind::initials, "Shout out to M.H. from Dunstable who finally accepted respite") ==
          Strings{"M.H. from Dunstable"});
    CHECK(excerpts(RecognizerKind::initials, "J.B. in Houghton Regis, aged 80") == Strings{"J.B. in Houghton Regis"});
    CHECK(find(RecognizerKind::initials, "M.H. from Dunstable")[0].value == "MH");
    CHECK(canonical_value(RecognizerKind::initials, "m.h. from Dunstable") == "MH");
  }
  TEST_CASE("abbreviations, single letters and longer runs are not initials") {
    for (std::string_view text : {"the U.K. government", "the N.H.S. is", "at 10 A.M. sharp", "P.M. only",
                                  "D.O.B. 22/07/1961", "R.S.V.P. by Friday", "plan B.", "e.g. this", "MH from Luton",
                                  "J.B.Priestley", "@M.H.", "a.m.", "M.H.S.T.", "Q.", "U.S.A. trip"}) {
      const std::string shown(text);
      CAPTURE(shown);
      CHECK(find(RecognizerKind::initials, text).empty());
    }
  }
  TEST_CASE("spans after emoji") {
    const auto f = find(RecognizerKind::initials, "💜 M.H.");
    REQUIRE(f.size() == 1);
    CHECK(f[0].begin == 2);
    CHECK(f[0].end == 6);
  }
}

TEST_SUITE("recognize_all") {
  // Every recognizer alone, then all together: the shared trigger pass must find the same matches.
  void check_all_agree(std::string_view utf8) {
    const Text text = Text::from_utf8(utf8);
    std::vector<std::vector<RecognizerMatch>> together;
    recognize_all(RecognizerSet::all(), text, together);
    REQUIRE(together.size() == kRecognizerCount);
    for (std::size_t k = 0; k < kRecognizerCount; ++k) {
      std::vector<RecognizerMatch> alone;
      recognize(static_cast<RecognizerKind>(k), text, alone);
      CAPTURE(k);
      REQUIRE(together[k].size() == alone.size());
      for (std::size_t m = 0; m < alone.size(); ++m) {
        CHECK(together[k][m].begin == alone[m].begin);
        CHECK(together[k][m].end == alone[m].end);
        CHECK(together[k][m].value == alone[m].value);
      }
    }
  }

  TEST_CASE("runs only the wanted kinds, into their own lists") {
    const Text text = Text::from_utf8("Call 07700 900283 or email bill@example.com, password is Summer2024");
    RecognizerSet wanted;
    wanted.insert(RecognizerKind::email);
    wanted.insert(RecognizerKind::credential);
    CHECK(wanted.contains(RecognizerKind::email));
    CHECK_FALSE(wanted.contains(RecognizerKind::uk_phone));
    std::vector<std::vector<RecognizerMatch>> out;
    recognize_all(wanted, text, out);
    REQUIRE(out.size() == kRecognizerCount);
    CHECK(out[static_cast<std::size_t>(RecognizerKind::uk_phone)].empty());
    REQUIRE(out[static_cast<std::size_t>(RecognizerKind::email)].size() == 1);
    CHECK(out[static_cast<std::size_t>(RecognizerKind::email)][0].value == "bill@example.com");
    REQUIRE(out[static_cast<std::size_t>(RecognizerKind::credential)].size() == 1);
    for (std::size_t k = 0; k < kRecognizerCount; ++k)
      for (const RecognizerMatch& m : out[k]) CHECK(static_cast<std::size_t>(m.kind) == k);
    std::vector<std::vector<RecognizerMatch>> none;
    recognize_all(RecognizerSet{}, text, none);
    CHECK(none.size() == kRecognizerCount);
    for (const auto& list : none) CHECK(list.empty());
  }

  TEST_CASE("agrees with each recognizer alone on the brief's posts") {
    for (std::string_view text :
         {"Call Mrs Okonkwo on 07700 900283 or email bill.carraway@example.com — she lives at 4 Mill Lane, "
          "Biggleswade SG18 0AW. NHS number 943 476 5919, NI QQ123456C, DOB 22/07/1961.",
          "login: admin / Pa55word! and the doc is https://carersinbeds.sharepoint.com/sites/team/x.docx, "
          "intranet http://intranet.local/hr, key AKIAIOSFODNN7EXAMPLE, sort code 20-45-77 account 41028833, "
          "card 4111 1111 1111 1111, IBAN GB82 WEST 1234 5698 7654 32. Shout out to M.H. from Dunstable; "
          "Kofi is 11."}) {
      const std::string shown(text);
      CAPTURE(shown);
      check_all_agree(text);
    }
  }

  TEST_CASE("triggers on either side of every 16-character block boundary") {
    // The trigger pass reads 16 code points at a time: put each shape at every offset around the
    // boundaries, after ASCII, after a non-ASCII letter and after an emoji, and compare with the
    // expected single match.
    struct Shape {
      RecognizerKind kind;
      std::string_view text;
    };
    const Shape shapes[] = {{RecognizerKind::uk_phone, "07700 900283"},
                            {RecognizerKind::email, "jo@example.org"},
                            {RecognizerKind::url, "www.example.com/x"},
                            {RecognizerKind::credential, "password: Summer2024"},
                            {RecognizerKind::credential, "PIN is 4821"},
                            {RecognizerKind::person_name, "Mrs Okonkwo"},
                            {RecognizerKind::initials, "M.H."}};
    for (const Shape& shape : shapes) {
      for (std::string_view lead : {"", "é", "👍"}) {
        for (std::size_t pad = 0; pad < 40; ++pad) {
          std::string text(pad, 'x');
          text += lead;
          text += ' ';
          text += shape.text;
          text += " and more text after it, long enough for another block";
          CAPTURE(text);
          const auto found = excerpts(shape.kind, text);
          REQUIRE(found.size() == 1);
          CHECK(found[0] == shape.text);
          check_all_agree(text);
        }
      }
    }
  }

  TEST_CASE("a keyword glued to a word, an apostrophe or a non-ASCII letter does not start a word") {
    CHECK(find(RecognizerKind::credential, "repassword: Summer2024").empty());
    CHECK(find(RecognizerKind::credential, "épassword: Summer2024").empty());
    CHECK(excerpts(RecognizerKind::credential, "’password: Summer2024") == Strings{"password: Summer2024"});
    CHECK(find(RecognizerKind::credential, "it’password: Summer2024").empty());  // inside "it’password"
    CHECK(excerpts(RecognizerKind::credential, "4’password: Summer2024") == Strings{"password: Summer2024"});
  }
}

TEST_CASE("credential: a possessive keyword, and a strong value with no delimiter") {
  using V = std::vector<std::string>;
  CHECK(excerpts(RecognizerKind::credential, "The password's CarersBeds2025 now") == V{"password's CarersBeds2025"});
  CHECK(excerpts(RecognizerKind::credential, "password Sunflower!88 for the office") == V{"password Sunflower!88"});
  // Without a delimiter the value must mix letters with digits or symbols: words and bare numbers are talk.
  CHECK(excerpts(RecognizerKind::credential, "Change your password today").empty());
  CHECK(excerpts(RecognizerKind::credential, "password reset link is in your inbox").empty());
  CHECK(excerpts(RecognizerKind::credential, "the password 2024 changes are live").empty());
  CHECK(excerpts(RecognizerKind::credential, "Password managers are a game changer").empty());
}
