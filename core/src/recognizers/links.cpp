// links.cpp — links, and the two kinds that matter for security told apart by their host:
// shared-document links (SharePoint, OneDrive, Google Docs/Drive, Dropbox, Box — with or without a
// scheme) and internal links (*.local / *.internal / *.lan / *.corp, intranet hosts, localhost,
// private IPv4, single-label hosts, file:// and \\server\share paths).
// A link is http(s)://…, www.…, or host.tld followed by a path or port; a bare "gov.uk" is a name,
// not a link, unless its host is internal. Every link holds '.', ':' or '\', so the scan jumps from
// one of those (the trigger pass lists them) to the run of URL characters around it, never looks at
// a run twice, and parses each link once for all three kinds.
#include <algorithm>
#include <array>

#include "recognizers/families.h"

namespace postcheck::recognizers {
namespace {

using namespace scan;

constexpr std::array<bool, 128> kUrlChars = [] {
  std::array<bool, 128> t{};
  for (char32_t c = 0x21; c < 0x7F; ++c) t[c] = true;
  for (char32_t c : {U'"', U'<', U'>', U'`', U'{', U'}', U'|', U'^'}) t[c] = false;
  return t;
}();
bool is_url_char(char32_t c) { return c < 128 && kUrlChars[c]; }
bool is_host_char(char32_t c) { return is_ascii_alnum(c) || c == U'-' || c == U'.'; }

struct Link {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string host;      // lower case
  std::string scheme;    // lower case, "" when written without one
  bool unc = false;      // \\server\share
  bool has_path = false; // something after the host besides "/"
};

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
// host is `domain` or a subdomain of it.
bool host_in(std::string_view host, std::string_view domain) {
  return host == domain || (ends_with(host, domain) && host[host.size() - domain.size() - 1] == '.');
}

bool is_shared_document_host(std::string_view host) {
  constexpr std::array<std::string_view, 10> kHosts = {
      "sharepoint.com", "1drv.ms", "onedrive.live.com", "onedrive.com", "docs.google.com",
      "drive.google.com", "dropbox.com", "dropboxusercontent.com", "db.tt", "box.com"};
  for (std::string_view h : kHosts)
    if (host_in(host, h)) return true;
  return false;
}

// Dotted-quad IPv4 in a private, loopback or link-local range.
bool is_private_ipv4(std::string_view host) {
  std::array<int, 4> part{};
  std::size_t n = 0;
  int value = -1;
  for (std::size_t i = 0; i <= host.size(); ++i) {
    if (i == host.size() || host[i] == '.') {
      if (value < 0 || value > 255 || n == 4) return false;
      part[n++] = value;
      value = -1;
    } else if (host[i] >= '0' && host[i] <= '9') {
      value = (value < 0 ? 0 : value * 10) + (host[i] - '0');
      if (value > 999) return false;
    } else {
      return false;
    }
  }
  if (n != 4) return false;
  return part[0] == 10 || part[0] == 127 || (part[0] == 172 && part[1] >= 16 && part[1] <= 31) ||
         (part[0] == 192 && part[1] == 168) || (part[0] == 169 && part[1] == 254);
}

bool is_internal_host(std::string_view host) {
  if (host == "localhost" || is_private_ipv4(host)) return true;
  for (std::string_view tld : {".local", ".internal", ".lan", ".corp", ".intranet", ".localdomain"})
    if (ends_with(host, tld)) return true;
  // A label "intranet" anywhere: intranet.carersinbeds.org.uk, hr.intranet.example.com.
  for (std::size_t i = host.find("intranet"); i != std::string_view::npos; i = host.find("intranet", i + 1)) {
    const bool starts = i == 0 || host[i - 1] == '.';
    const bool ends = i + 8 == host.size() || host[i + 8] == '.';
    if (starts && ends) return true;
  }
  return false;
}

bool is_internal(const Link& link) {
  if (link.unc || link.scheme == "file") return true;
  if (!link.scheme.empty() && !link.host.empty() && link.host.find('.') == std::string::npos) return true;
  return is_internal_host(link.host);
}

// The host [b, e): dot-separated labels of letters, digits and dashes, ending in a 2+ letter TLD
// or being a dotted quad (or a single label when `single_ok`).
bool valid_host(Chars s, std::size_t b, std::size_t e, bool single_ok) {
  if (b == e) return false;
  std::size_t dots = 0;
  std::size_t label = b;
  for (std::size_t i = b; i <= e; ++i) {
    if (i == e || s[i] == U'.') {
      if (i == label || s[label] == U'-' || s[i - 1] == U'-') return false;
      if (i < e) ++dots;
      label = i + 1;
    }
  }
  if (dots == 0) return single_ok;
  std::size_t tld = e;
  while (s[tld - 1] != U'.') --tld;
  bool alpha = e - tld >= 2;
  for (std::size_t i = tld; i < e && alpha; ++i) alpha = is_ascii_alpha(s[i]);
  if (alpha) return true;
  bool numeric = dots == 3;
  for (std::size_t i = b; i < e && numeric; ++i) numeric = is_digit(s[i]) || s[i] == U'.';
  return numeric;
}

// Trailing punctuation belongs to the sentence, not the link; a ')' only closes one opened inside.
std::size_t trim_end(Chars s, std::size_t begin, std::size_t end) {
  while (end > begin) {
    const char32_t c = s[end - 1];
    if (c == U'.' || c == U',' || c == U';' || c == U':' || c == U'!' || c == U'?' || c == U'\'' || c == U'*') {
      --end;
    } else if (c == U')' || c == U']') {
      const char32_t open = c == U')' ? U'(' : U'[';
      const auto opens = std::count(s.begin() + std::ptrdiff_t(begin), s.begin() + std::ptrdiff_t(end), open);
      const auto closes = std::count(s.begin() + std::ptrdiff_t(begin), s.begin() + std::ptrdiff_t(end), c);
      if (closes <= opens) break;
      --end;
    } else {
      break;
    }
  }
  return end;
}

constexpr std::array<std::string_view, 7> kSchemes = {"http", "https", "ftp", "ftps", "sftp", "file", "smb"};

// The link inside the run of URL characters [rs, re), if there is one.
std::optional<Link> parse_link(Chars s, std::size_t rs, std::size_t re) {
  Link link;
  // With a scheme: "…https://host/path".
  for (std::size_t k = rs; k + 3 <= re; ++k) {
    if (s[k] != U':' || s[k + 1] != U'/' || s[k + 2] != U'/') continue;
    std::size_t b = k;
    while (b > rs && is_ascii_alpha(s[b - 1])) --b;
    const std::string scheme = to_utf8_lower(s, b, k);
    if (std::find(kSchemes.begin(), kSchemes.end(), scheme) == kSchemes.end()) return std::nullopt;
    std::size_t host_b = k + 3;
    std::size_t p = host_b;
    while (p < re && s[p] != U'/' && s[p] != U'?' && s[p] != U'#') ++p;
    for (std::size_t q = host_b; q < p; ++q)
      if (s[q] == U'@') host_b = q + 1;  // user:password@host
    std::size_t host_e = host_b;
    while (host_e < p && is_host_char(s[host_e])) ++host_e;
    if (scheme != "file" && !valid_host(s, host_b, host_e, true)) return std::nullopt;
    link.begin = b;
    link.end = trim_end(s, b, re);
    link.scheme = scheme;
    link.host = to_utf8_lower(s, host_b, host_e);
    link.has_path = link.end > host_e + 1 || (link.end == host_e + 1 && s[host_e] != U'/');
    if (scheme == "file") link.has_path = true;
    return link;
  }
  std::size_t b = rs;
  while (b < re && !is_ascii_alnum(s[b]) && s[b] != U'\\') ++b;
  if (b + 2 < re && s[b] == U'\\' && s[b + 1] == U'\\' && is_ascii_alnum(s[b + 2])) {  // \\server\share
    std::size_t host_e = b + 2;
    while (host_e < re && is_host_char(s[host_e])) ++host_e;
    link.begin = b;
    link.end = trim_end(s, b, re);
    link.host = to_utf8_lower(s, b + 2, host_e);
    link.unc = true;
    link.has_path = link.end > host_e;
    return link;
  }
  // Without a scheme: host, optional :port, optional path. Emails and @handles are not links.
  std::size_t host_e = b;
  while (host_e < re && is_host_char(s[host_e])) ++host_e;
  while (host_e > b && (s[host_e - 1] == U'.' || s[host_e - 1] == U'-')) --host_e;
  if (at(s, host_e) == U'@' || (b > 0 && s[b - 1] == U'@') || !valid_host(s, b, host_e, false)) return std::nullopt;
  std::size_t p = host_e;
  bool port = false;
  if (p < re && s[p] == U':' && is_digit(at(s, p + 1))) {
    p = digits_end(s, p + 1);
    port = true;
  }
  const std::size_t end = trim_end(s, b, re);
  const bool path = p < end && (s[p] == U'/' || s[p] == U'?' || s[p] == U'#');
  if (p < end && !path) return std::nullopt;  // "host.tld" glued to something else
  link.begin = b;
  link.end = std::max(end, host_e);
  link.host = to_utf8_lower(s, b, host_e);
  link.has_path = path && end > p + 1;
  if (!(starts_with_ci(s, b, "www.") || path || port || is_internal_host(link.host))) return std::nullopt;
  return link;
}

}  // namespace

std::string canonical_url(Chars s, std::size_t begin, std::size_t end) {
  std::size_t b = begin;
  for (std::size_t k = begin; k + 3 <= end && k < begin + 8; ++k)
    if (s[k] == U':' && s[k + 1] == U'/' && s[k + 2] == U'/') {
      b = k + 3;
      break;
    }
  if (starts_with_ci(s, b, "www.")) b += 4;
  while (end > b && s[end - 1] == U'/') --end;
  return to_utf8_lower(s, b, end);
}

void find_links(Chars s, const Triggers& t, Matches* urls, Matches* shared_documents, Matches* internal) {
  std::size_t floor = 0;  // links never overlap: the next one starts after the last run
  for (const std::size_t mark : t.link_marks) {  // '.', ':', '\': all URL characters
    // A mark at or past `floor` is the first of its run of URL characters (earlier ones took the
    // whole run). Ending the run too ("end.", "Reminder:"), it is the run's only mark: no dot in a
    // host, no "://", no "\\" - not a link. Most marks are full stops like that.
    if (mark < floor || !is_url_char(at(s, mark + 1))) continue;
    std::size_t rs = mark;
    while (rs > floor && is_url_char(s[rs - 1])) --rs;
    std::size_t re = mark;
    while (re < s.size() && is_url_char(s[re])) ++re;
    floor = re;
    const auto link = parse_link(s, rs, re);
    if (!link) continue;
    const bool is_url = !link->unc;
    const bool is_shared = !link->unc && link->has_path && is_shared_document_host(link->host);
    const bool is_internal_link = is_internal(*link);
    if (!(urls && is_url) && !(shared_documents && is_shared) && !(internal && is_internal_link)) continue;
    const std::string value = canonical_url(s, link->begin, link->end);
    if (urls && is_url) emit(*urls, RecognizerKind::url, link->begin, link->end, value);
    if (shared_documents && is_shared)
      emit(*shared_documents, RecognizerKind::shared_document_link, link->begin, link->end, value);
    if (internal && is_internal_link) emit(*internal, RecognizerKind::internal_link, link->begin, link->end, value);
  }
}

}  // namespace postcheck::recognizers
