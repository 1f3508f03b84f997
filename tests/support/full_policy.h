// full_policy.h — a small policy document that has every field of the format at least once (and every
// rule kind, suggestion action and context filter), for the loader's and the policy image's tests.
#pragma once

namespace postcheck::test {

// Every field the format has, at least once: loading it must give no errors.
inline constexpr const char* kFullPolicy = R"json({
  "$schema": "./policy.schema.json",
  "format": 1,
  "name": "Test policy",
  "version": "2026.1.0",
  "description": "Every field once.",
  "organisation": {
    "names": ["Carers in Bedfordshire", "Carers in Beds"],
    "handles": ["@CarersinBeds"],
    "domains": ["carersinbeds.org.uk"],
    "accounts": [{"network": "x", "handle": "@CarersinBeds", "display_name": "Carers in Bedfordshire"}]
  },
  "contacts": {
    "communications_officer": {"role": "Communications Officer", "email": "comms@example.org"}
  },
  "hold_severities": ["block", "warn"],
  "vocabularies": {
    "health": {"terms": ["dementia", "end of life"], "exceptions": ["dementia friends"], "masked": true},
    "stance": {"terms": ["we oppose"]}
  },
  "rules": [
    {"id": "swearing", "kind": "lexicon", "category": "disrepute", "severity": "block", "clause": "5",
     "message": "Swearing.", "advice": "Leave it out.", "suggestion": {"action": "mask"},
     "when": {"account": "any", "authorised": "any"}, "unless": {"terms": ["quote"]},
     "terms": ["damn", "grumbl*"], "vocabularies": ["health"], "exceptions": ["damnation"], "masked": true},
    {"id": "phone", "kind": "recognizer", "category": "personal-data", "severity": "warn", "clause": "4c",
     "message": "A phone number.", "advice": "Remove it.", "suggestion": {"action": "remove"},
     "when": {"account": "personal"}, "unless": {"recognizers": ["url"]},
     "recognizer": "uk-phone", "allow": ["01234 567890"], "require": {"terms": ["call"]},
     "forbid": {"vocabularies": ["stance"]}, "window": 5},
    {"id": "client", "kind": "proximity", "category": "client-confidentiality", "severity": "block", "clause": "4c",
     "message": "A person and a health detail.", "advice": "Leave out one.",
     "suggestion": {"action": "replace", "text": "a carer"}, "when": {"authorised": true},
     "unless": {"terms": ["fictional"]},
     "match": {"terms": ["my client"], "recognizers": ["email"]}, "near": {"vocabularies": ["health"]},
     "window": 12, "same_sentence": false},
    {"id": "stance", "kind": "absence", "category": "speaking-for-charity", "severity": "info", "clause": "4c",
     "message": "A stance without a disclaimer.", "advice": "Say the views are your own.",
     "suggestion": {"action": "append", "text": " (Views my own.)"},
     "when": {"account": "personal", "authorised": false}, "unless": {"vocabularies": ["health"]},
     "match": {"vocabularies": ["stance"]}, "near": {"terms": ["views my own"]}},
    {"id": "unauthorised", "kind": "context", "category": "charity-account-misuse", "severity": "block",
     "clause": "4a", "message": "Not authorised.", "advice": "Ask the Communications Officer.",
     "suggestion": {"action": "append", "text": " (Posted by a volunteer.)"},
     "when": {"account": "charity", "authorised": false}, "unless": {"terms": ["test post"]}}
  ]
})json";

}  // namespace postcheck::test
