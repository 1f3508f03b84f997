// bindings.cpp — the thin Embind layer over the core: one Engine holding the compiled policy, plain
// structs out, errors returned as values (no C++ exception ever crosses into JavaScript), strings in
// as UTF-16 (JavaScript's own units, lone surrogates included) and offsets out as UTF-16 code units.
// The JavaScript wrapper (postcheck.js) turns these into the public API.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <malloc.h>

#include <memory>
#include <string>

#include "default_policy_image.h"
#include "postcheck/checker.h"
#include "postcheck/policy.h"
#include "postcheck/policy_image.h"

namespace postcheck::wasm {

// One finding as JavaScript sees it (the wrapper adds `excerpt` from its own string and folds
// suggestionAction/suggestionText into `suggestion`).
struct FindingOut {
  std::string rule, category, severity, clause, message, advice;
  std::uint32_t start = 0, end = 0;  // UTF-16 code units
  std::string suggestionAction;      // "" when the rule offers no fix
  std::string suggestionText;
};

// The outcome of loading a policy: ok, or the errors (one per line, "line:column: code at path: message")
// and the first error's parts.
struct LoadOutcome {
  bool ok = false;
  std::string errors;
  std::string code, path;
  int line = 0, column = 0;
};

// What the wrapper exposes as checker.policy (contacts and accounts as JSON, parsed once in JS).
struct PolicyInfo {
  std::string name, version;
  std::uint32_t ruleCount = 0;
  std::string contactsJson, accountsJson, organisationNamesJson, holdSeveritiesJson;
};

namespace {

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          static const char* hex = "0123456789abcdef";
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

}  // namespace

class Engine {
 public:
  // Loads JSON policy text; on failure the engine keeps the policy it had.
  LoadOutcome load(const std::string& json_text) { return install(parse_policy(json_text)); }

  // The built-in policy, from its compiled image: no JSON to parse or validate at start-up.
  LoadOutcome loadDefault() { return install(read_policy_image(default_policy_image())); }

  bool ready() const { return checker_ != nullptr; }

  // Findings for `text` in the given context, as a plain JavaScript array of FindingOut objects.
  emscripten::val check(const std::u16string& text, bool charity, bool authorised) const {
    emscripten::val out = emscripten::val::array();
    if (!checker_) return out;
    Context context{charity ? Account::charity : Account::personal, authorised};
    const auto findings = checker_->check(std::u16string_view(text), context);
    for (const auto& f : findings) {
      FindingOut o;
      o.rule = f.rule;
      o.category = f.category;
      o.severity = std::string(severity_name(f.severity));
      o.clause = f.clause;
      o.message = f.message;
      o.advice = f.advice;
      o.start = f.u16_start;
      o.end = f.u16_end;
      if (f.suggestion) {
        o.suggestionAction = std::string(suggestion_action_name(f.suggestion->action));
        o.suggestionText = f.suggestion->text;
      }
      out.call<void>("push", o);
    }
    return out;
  }

  // Bytes of the wasm heap in use (malloc's view), for the memory-stability tests and the bench.
  double heapUsed() const { return static_cast<double>(mallinfo().uordblks); }

  PolicyInfo policyInfo() const {
    PolicyInfo info;
    if (!checker_) return info;
    const Policy& p = checker_->policy();
    info.name = p.name;
    info.version = p.version;
    info.ruleCount = static_cast<std::uint32_t>(p.rules.size());
    std::string contacts = "{";
    for (const auto& [key, contact] : p.contacts) {
      if (contacts.size() > 1) contacts += ",";
      contacts += json_string(key) + ":{\"role\":" + json_string(contact.role) + ",\"email\":" +
                  json_string(contact.email) + "}";
    }
    info.contactsJson = contacts + "}";
    std::string accounts = "[";
    for (const auto& a : p.accounts) {
      if (accounts.size() > 1) accounts += ",";
      accounts += "{\"network\":" + json_string(a.network) + ",\"handle\":" + json_string(a.handle) +
                  ",\"display_name\":" + json_string(a.display_name) + "}";
    }
    info.accountsJson = accounts + "]";
    std::string names = "[";
    for (const auto& n : p.organisation_names) {
      if (names.size() > 1) names += ",";
      names += json_string(n);
    }
    info.organisationNamesJson = names + "]";
    std::string holds = "[";
    for (Severity s : p.hold_severities) {
      if (holds.size() > 1) holds += ",";
      holds += json_string(severity_name(s));
    }
    info.holdSeveritiesJson = holds + "]";
    return info;
  }

  // Compiles a loaded policy and puts it in force, or reports why it did not load and keeps the old one.
  LoadOutcome install(PolicyLoadResult result) {
    LoadOutcome out;
    if (!result.errors.empty()) {
      for (const auto& e : result.errors) out.errors += e.to_string() + "\n";
      const auto& first = result.errors.front();
      out.code = first.code;
      out.path = first.path;
      out.line = first.line;
      out.column = first.column;
      return out;
    }
    checker_ = std::make_unique<Checker>(std::move(*result.policy));
    out.ok = true;
    return out;
  }

 private:
  std::unique_ptr<Checker> checker_;
};

}  // namespace postcheck::wasm

EMSCRIPTEN_BINDINGS(postcheck) {
  using namespace emscripten;
  using namespace postcheck::wasm;
  value_object<FindingOut>("FindingOut")
      .field("rule", &FindingOut::rule)
      .field("category", &FindingOut::category)
      .field("severity", &FindingOut::severity)
      .field("clause", &FindingOut::clause)
      .field("message", &FindingOut::message)
      .field("advice", &FindingOut::advice)
      .field("start", &FindingOut::start)
      .field("end", &FindingOut::end)
      .field("suggestionAction", &FindingOut::suggestionAction)
      .field("suggestionText", &FindingOut::suggestionText);
  value_object<LoadOutcome>("LoadOutcome")
      .field("ok", &LoadOutcome::ok)
      .field("errors", &LoadOutcome::errors)
      .field("code", &LoadOutcome::code)
      .field("path", &LoadOutcome::path)
      .field("line", &LoadOutcome::line)
      .field("column", &LoadOutcome::column);
  value_object<PolicyInfo>("PolicyInfo")
      .field("name", &PolicyInfo::name)
      .field("version", &PolicyInfo::version)
      .field("ruleCount", &PolicyInfo::ruleCount)
      .field("contactsJson", &PolicyInfo::contactsJson)
      .field("accountsJson", &PolicyInfo::accountsJson)
      .field("organisationNamesJson", &PolicyInfo::organisationNamesJson)
      .field("holdSeveritiesJson", &PolicyInfo::holdSeveritiesJson);
  class_<Engine>("Engine")
      .constructor<>()
      .function("load", &Engine::load)
      .function("loadDefault", &Engine::loadDefault)
      .function("ready", &Engine::ready)
      .function("check", &Engine::check)
      .function("policyInfo", &Engine::policyInfo)
      .function("heapUsed", &Engine::heapUsed);
}
