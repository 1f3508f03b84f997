// json_locator.cpp — re-reads JSON text to find where a pointer's value (or key) is; see json_locator.h.
// The walk descends only into members that some request lies under and skips everything else with a
// flat bracket scan, so many requests still cost one pass.
#include "json_locator.h"

#include <algorithm>
#include <cstdint>

#include "utf8_encode.h"

namespace postcheck::json_locator {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A read position in the text. Every method checks bounds: the text may be anything.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // a UTF-8 byte order mark, as nlohmann allows
  }

  std::size_t pos() const { return pos_; }
  void skip_space() {
    while (pos_ < text_.size() && is_space(text_[pos_])) ++pos_;
  }
  bool at(char c) const { return pos_ < text_.size() && text_[pos_] == c; }
  bool consume(char c) {
    skip_space();
    if (!at(c)) return false;
    ++pos_;
    return true;
  }

  // At '"': moves past the closing quote.
  bool skip_string() {
    ++pos_;
    while (pos_ < text_.size()) {
      const char c = text_[pos_++];
      if (c == '\\') {
        ++pos_;
      } else if (c == '"') {
        return true;
      }
    }
    return false;
  }

  // At '"': decodes the string (escapes included) into `out`, as nlohmann would.
  bool read_string(std::string& out) {
    out.clear();
    ++pos_;
    while (pos_ < text_.size()) {
      const char c = text_[pos_++];
      if (c == '"') return true;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= text_.size()) return false;
      const char e = text_[pos_++];
      switch (e) {
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          std::uint32_t cp = 0;
          if (!read_hex4(cp)) return false;
          if (cp >= 0xD800 && cp < 0xDC00 && text_.substr(pos_, 2) == "\\u") {
            pos_ += 2;
            std::uint32_t low = 0;
            if (!read_hex4(low)) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          append_utf8(out, cp);
          break;
        }
        default: out += e; break;  // '"', '\\', '/'
      }
    }
    return false;
  }

  // Skips one value of any type; containers by a flat bracket count outside strings.
  bool skip_value() {
    skip_space();
    if (pos_ >= text_.size()) return false;
    const char first = text_[pos_];
    if (first == '"') return skip_string();
    if (first == '{' || first == '[') {
      std::size_t depth = 0;
      while (pos_ < text_.size()) {
        const char c = text_[pos_];
        if (c == '"') {
          if (!skip_string()) return false;
          continue;
        }
        ++pos_;
        if (c == '{' || c == '[') {
          ++depth;
        } else if ((c == '}' || c == ']') && --depth == 0) {
          return true;
        }
      }
      return false;
    }
    const std::size_t start = pos_;
    while (pos_ < text_.size() && !is_space(text_[pos_]) && text_[pos_] != ',' && text_[pos_] != '}' &&
           text_[pos_] != ']') {
      ++pos_;
    }
    return pos_ > start;
  }

 private:
  bool read_hex4(std::uint32_t& value) {
    if (pos_ + 4 > text_.size()) return false;
    value = 0;
    for (int i = 0; i < 4; ++i) {
      const char h = text_[pos_++];
      value <<= 4;
      if (h >= '0' && h <= '9') {
        value |= static_cast<std::uint32_t>(h - '0');
      } else if (h >= 'a' && h <= 'f') {
        value |= static_cast<std::uint32_t>(h - 'a' + 10);
      } else if (h >= 'A' && h <= 'F') {
        value |= static_cast<std::uint32_t>(h - 'A' + 10);
      } else {
        return false;
      }
    }
    return true;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

class Walk {
 public:
  Walk(std::string_view text, const std::vector<Request>& requests)
      : cursor_(text), requests_(requests), results_(requests.size()) {}

  std::vector<std::optional<std::size_t>> run() {
    std::vector<std::size_t> all(requests_.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    std::sort(all.begin(), all.end(),
              [&](std::size_t a, std::size_t b) { return requests_[a].pointer < requests_[b].pointer; });
    visit(std::string(), std::nullopt, all);
    return std::move(results_);
  }

 private:
  // The requests of `sorted` (sorted by pointer) at `child` or under it.
  std::vector<std::size_t> under(const std::vector<std::size_t>& sorted, const std::string& child) const {
    std::vector<std::size_t> out;
    auto it = std::lower_bound(sorted.begin(), sorted.end(), child, [&](std::size_t i, const std::string& p) {
      return requests_[i].pointer < p;
    });
    for (; it != sorted.end(); ++it) {
      const std::string& p = requests_[*it].pointer;
      if (p.compare(0, child.size(), child) != 0) break;
      if (p.size() == child.size() || p[child.size()] == '/') out.push_back(*it);
    }
    return out;
  }

  // The cursor is at (or before whitespace before) the value at `path`. Returns false when the text
  // cannot be followed any further.
  bool visit(const std::string& path, std::optional<std::size_t> key_offset, const std::vector<std::size_t>& wanted) {
    cursor_.skip_space();
    const std::size_t value_offset = cursor_.pos();
    bool deeper = false;
    for (std::size_t i : wanted) {
      const Request& r = requests_[i];
      if (r.pointer.size() == path.size()) {
        results_[i] = (r.anchor == Anchor::key && key_offset) ? *key_offset : value_offset;
      } else {
        deeper = true;
      }
    }
    if (!deeper) return cursor_.skip_value();
    if (cursor_.at('{')) return visit_object(path, wanted);
    if (cursor_.at('[')) return visit_array(path, wanted);
    return cursor_.skip_value();
  }

  bool visit_object(const std::string& path, const std::vector<std::size_t>& wanted) {
    cursor_.consume('{');
    if (cursor_.consume('}')) return true;
    std::string key;
    for (;;) {
      cursor_.skip_space();
      const std::size_t key_offset = cursor_.pos();
      if (!cursor_.at('"') || !cursor_.read_string(key) || !cursor_.consume(':')) return false;
      if (!visit_child(append_token(path, key), key_offset, wanted)) return false;
      if (cursor_.consume(',')) continue;
      return cursor_.consume('}');
    }
  }

  bool visit_array(const std::string& path, const std::vector<std::size_t>& wanted) {
    cursor_.consume('[');
    if (cursor_.consume(']')) return true;
    for (std::size_t index = 0;; ++index) {
      cursor_.skip_space();
      if (!visit_child(append_index(path, index), std::nullopt, wanted)) return false;
      if (cursor_.consume(',')) continue;
      return cursor_.consume(']');
    }
  }

  bool visit_child(const std::string& child, std::optional<std::size_t> key_offset,
                   const std::vector<std::size_t>& wanted) {
    const std::vector<std::size_t> sub = under(wanted, child);
    if (sub.empty()) return cursor_.skip_value();
    return visit(child, key_offset, sub);
  }

  Cursor cursor_;
  const std::vector<Request>& requests_;
  std::vector<std::optional<std::size_t>> results_;
};

}  // namespace

std::string append_token(std::string_view pointer, std::string_view key) {
  std::string out(pointer);
  out += '/';
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string append_index(std::string_view pointer, std::size_t index) {
  std::string out(pointer);
  out += '/';
  out += std::to_string(index);
  return out;
}

std::vector<std::optional<std::size_t>> locate_all(std::string_view json, const std::vector<Request>& requests) {
  return Walk(json, requests).run();
}

std::optional<std::size_t> locate(std::string_view json, std::string_view pointer, Anchor anchor) {
  return locate_all(json, {Request{std::string(pointer), anchor}}).front();
}

LineIndex::LineIndex(std::string_view text) : size_(text.size()) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_starts_.push_back(i + 1);
  }
}

LineColumn LineIndex::at(std::size_t offset) const {
  offset = std::min(offset, size_);
  const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line = static_cast<std::size_t>(next - line_starts_.begin());  // >= 1: line_starts_[0] == 0
  return LineColumn{static_cast<int>(line), static_cast<int>(offset - line_starts_[line - 1] + 1)};
}

LineColumn line_column_at(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  LineColumn lc;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++lc.line;
      line_start = i + 1;
    }
  }
  lc.column = static_cast<int>(offset - line_start + 1);
  return lc;
}

}  // namespace postcheck::json_locator
