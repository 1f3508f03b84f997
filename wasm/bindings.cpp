// bindings.cpp — the thin Embind layer over the core: one Engine holding the compiled policy, plain
// structs out, errors returned as values (no C++ exception ever crosses into JavaScript), posts and
// policies in and the policy's description out as UTF-8 bytes in wasm memory (the wrapper encodes and
// decodes them with TextEncoder/TextDecoder), offsets out as UTF-16 code units.
// The JavaScript wrapper (postcheck.js) turns these into the public API.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <malloc.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "default_policy_image.h"
#include "postcheck/checker.h"
#include "postcheck/policy.h"
#include "postcheck/policy_image.h"

namespace postcheck::wasm {

// What check() returns per finding, as four numbers in one Uint32Array.
enum FindingSuggestion : std::uint32_t {
  kNoSuggestion = 0,    // no fix
  kRuleSuggestion = 1,  // the rule's own suggestion, as in the rule table
  kOwnSuggestion = 2,   // a fix made for this finding (a masked word): suggestionText(i)
};

// The outcome of loading a policy: ok, or the errors (one per line, "line:column: code at path: message")
// and the first error's parts.
struct LoadOutcome {
  bool ok = false;
  std::string errors;
  std::string code, path;
  int line = 0, column = 0;
};

namespace {

// Appends `s` to `out` as a JSON string. The runs between characters that need escaping go in whole
// (policy texts have few such characters): this runs once per policy, in V8's baseline code, where a
// call per character would cost milliseconds.
void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  std::size_t run = 0;  // where the current run of plain characters began
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s, run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        static constexpr const char* kHex = "0123456789abcdef";
        const char escaped[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out.append(escaped, sizeof escaped);
      }
    }
  }
  out.append(s, run, s.size() - run);
  out += '"';
}

// Appends `"key":"value"` (the key is one of ours and needs no escaping), after a ',' unless `first`.
void append_field(std::string& out, std::string_view key, std::string_view value, bool first = false) {
  if (!first) out += ',';
  out += '"';
  out += key;
  out += "\":";
  append_json_string(out, value);
}

// Appends `items` to `out` as a JSON list, each written by `write_item(out, item)`.
template <typename Items, typename Write>
void append_json_list(std::string& out, const Items& items, Write write_item) {
  out += '[';
  bool first = true;
  for (const auto& item : items) {
    if (!std::exchange(first, false)) out += ',';
    write_item(out, item);
  }
  out += ']';
}

}  // namespace

class Engine {
 public:
  // Loads JSON policy text, the first `bytes` of the input buffer (UTF-8, written there by the wrapper
  // as for checkInput(): Embind would copy a string in a JavaScript loop over every character); on
  // failure the engine keeps the policy it had.
  LoadOutcome loadInput(std::uint32_t bytes) {
    return install(parse_policy(input(bytes)));
  }

  // The built-in policy, from its compiled image: no JSON to parse or validate at start-up.
  // Its lexicon comes compiled too: no terms to normalise, no trie to build.
  LoadOutcome loadDefault() {
    PolicyImageLoadResult image = read_policy_image(default_policy_image());
    if (!image.checker) return refused(image.errors);
    return install(std::move(*image.checker));
  }

  bool ready() const { return checker_ != nullptr; }

  // A buffer in wasm memory, at least `bytes` long, for the post checkInput() reads or the policy
  // loadInput() reads: a Uint8Array view the wrapper writes the UTF-8 into (TextEncoder.encodeInto,
  // native code, where Embind would copy a string in a JavaScript loop). Valid until the next call
  // into the engine.
  emscripten::val inputBuffer(std::uint32_t bytes) {
    if (input_.size() < bytes) input_.resize(bytes);
    return emscripten::val(emscripten::typed_memory_view(input_.size(), reinterpret_cast<std::uint8_t*>(input_.data())));
  }

  // Findings for the first `bytes` of the input buffer (UTF-8 as TextEncoder writes it: a lone
  // surrogate is already U+FFFD, one UTF-16 unit like the surrogate it replaced, so offsets are the
  // JavaScript string's), in the given context, as a Uint32Array view of wasm memory with four
  // numbers per finding: rule index (into describe()'s rules), start and end in UTF-16 code units,
  // and a FindingSuggestion. The view is valid until the next call into the engine: copy it first.
  emscripten::val checkInput(std::uint32_t bytes, bool charity, bool authorised) {
    packed_.clear();
    own_suggestions_.clear();
    if (checker_) {
      const Context context{charity ? Account::charity : Account::personal, authorised};
      auto findings = checker_->check_spans(input(bytes), context);
      own_suggestions_.resize(findings.size());
      for (std::size_t i = 0; i < findings.size(); ++i) {
        FindingSpan& f = findings[i];
        std::uint32_t suggestion = kNoSuggestion;
        if (f.fix == FindingSpan::Fix::rule) suggestion = kRuleSuggestion;
        if (f.fix == FindingSpan::Fix::own) {
          suggestion = kOwnSuggestion;
          own_suggestions_[i] = std::move(f.own_text);
        }
        packed_.insert(packed_.end(), {f.rule_index, f.u16_start, f.u16_end, suggestion});
      }
    }
    return emscripten::val(emscripten::typed_memory_view(packed_.size(), packed_.data()));
  }

  // The replacement text of finding `i` of the last checkInput() when its suggestion is kOwnSuggestion
  // (always a replace).
  std::string suggestionText(std::uint32_t i) const { return i < own_suggestions_.size() ? own_suggestions_[i] : ""; }

  // Bytes of the wasm heap in use (malloc's view), for the memory-stability tests and the bench.
  double heapUsed() const { return static_cast<double>(mallinfo().uordblks); }

  // describeJson() as UTF-8 in wasm memory, a Uint8Array view the wrapper decodes with TextDecoder
  // (native code: Embind would turn a std::string into a JavaScript string in a JavaScript loop over
  // every byte, twice, which took 1.5-2 ms of the start-up in a fresh process). Valid until the next
  // call into the engine.
  emscripten::val describe() {
    description_ = describe_json();
    return emscripten::val(emscripten::typed_memory_view(description_.size(),
                                                         reinterpret_cast<const std::uint8_t*>(description_.data())));
  }

 private:
  // The policy as one JSON text, made once per policy (one buffer crosses, and JSON.parse is quick):
  // {"name", "version", "contacts": {key: {"role", "email"}}, "charityAccounts": [{"network",
  // "handle", "display_name"}], "organisationNames": [...], "holdSeverities": [...], "rules": [{"id",
  // "category", "severity", "clause", "message", "advice", "suggestion": {"action", "text"} | null}]},
  // rules in order: what checkInput()'s rule indexes refer to. "{}" before any policy is loaded.
  std::string describe_json() const {
    if (!checker_) return "{}";
    const Policy& p = checker_->policy();
    std::string out = "{";
    out.reserve(64 * 1024);
    append_field(out, "name", p.name, true);
    append_field(out, "version", p.version);
    out += ",\"contacts\":{";
    bool first = true;
    for (const auto& [key, contact] : p.contacts) {
      if (!std::exchange(first, false)) out += ',';
      append_json_string(out, key);
      out += ":{";
      append_field(out, "role", contact.role, true);
      append_field(out, "email", contact.email);
      out += '}';
    }
    out += "},\"charityAccounts\":";
    append_json_list(out, p.accounts, [](std::string& o, const CharityAccount& a) {
      o += '{';
      append_field(o, "network", a.network, true);
      append_field(o, "handle", a.handle);
      append_field(o, "display_name", a.display_name);
      o += '}';
    });
    out += ",\"organisationNames\":";
    append_json_list(out, p.organisation_names, [](std::string& o, const std::string& n) { append_json_string(o, n); });
    out += ",\"holdSeverities\":";
    append_json_list(out, p.hold_severities, [](std::string& o, Severity s) { append_json_string(o, severity_name(s)); });
    out += ",\"rules\":";
    append_json_list(out, p.rules, [](std::string& o, const Rule& r) {
      o += '{';
      append_field(o, "id", r.id, true);
      append_field(o, "category", r.category);
      append_field(o, "severity", severity_name(r.severity));
      append_field(o, "clause", r.clause);
      append_field(o, "message", r.message);
      append_field(o, "advice", r.advice);
      if (r.suggestion) {
        o += ",\"suggestion\":{";
        append_field(o, "action", suggestion_action_name(r.suggestion->action), true);
        append_field(o, "text", r.suggestion->text);
        o += "}}";
      } else {
        o += ",\"suggestion\":null}";
      }
    });
    out += '}';
    return out;
  }

  // The first `bytes` of the input buffer.
  std::string_view input(std::uint32_t bytes) const { return std::string_view(input_).substr(0, bytes); }

  // Compiles a loaded policy and puts it in force, or reports why it did not load and keeps the old one.
  LoadOutcome install(PolicyLoadResult result) {
    if (!result.errors.empty()) return refused(result.errors);
    return install(Checker(std::move(*result.policy)));
  }

  // Puts a compiled policy in force.
  LoadOutcome install(Checker checker) {
    checker_ = std::make_unique<Checker>(std::move(checker));
    LoadOutcome out;
    out.ok = true;
    return out;
  }

  // Why a policy did not load (the engine keeps the one it had).
  static LoadOutcome refused(const std::vector<PolicyError>& errors) {
    LoadOutcome out;
    for (const auto& e : errors) out.errors += e.to_string() + "\n";
    const auto& first = errors.front();
    out.code = first.code;
    out.path = first.path;
    out.line = first.line;
    out.column = first.column;
    return out;
  }

  std::unique_ptr<Checker> checker_;
  std::string input_;                         // the post or a policy, as UTF-8 (inputBuffer())
  std::string description_;                   // the last describe()'s JSON
  std::vector<std::uint32_t> packed_;         // the last checkInput()'s findings, four numbers each
  std::vector<std::string> own_suggestions_;  // per finding of the last checkInput(): its own fix, or ""
};

}  // namespace postcheck::wasm

EMSCRIPTEN_BINDINGS(postcheck) {
  using namespace emscripten;
  using namespace postcheck::wasm;
  value_object<LoadOutcome>("LoadOutcome")
      .field("ok", &LoadOutcome::ok)
      .field("errors", &LoadOutcome::errors)
      .field("code", &LoadOutcome::code)
      .field("path", &LoadOutcome::path)
      .field("line", &LoadOutcome::line)
      .field("column", &LoadOutcome::column);
  class_<Engine>("Engine")
      .constructor<>()
      .function("loadInput", &Engine::loadInput)
      .function("loadDefault", &Engine::loadDefault)
      .function("ready", &Engine::ready)
      .function("inputBuffer", &Engine::inputBuffer)
      .function("checkInput", &Engine::checkInput)
      .function("suggestionText", &Engine::suggestionText)
      .function("describe", &Engine::describe)
      .function("heapUsed", &Engine::heapUsed);
}
