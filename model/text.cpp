// The text checks and transforms every layer shares.
#include "diplograph/text.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>

namespace diplograph::text {

std::size_t sequence_length(std::string_view s, std::size_t i) {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  auto cont = [&](std::size_t k) { return i + k < s.size() && (b(k) & 0xC0U) == 0x80U; };
  const unsigned c = b(0);
  if (c < 0x80U) return 1;
  if (c >= 0xC2U && c <= 0xDFU) return cont(1) ? 2 : 0;
  if (c >= 0xE0U && c <= 0xEFU) {
    if (!cont(1) || !cont(2)) return 0;
    if (c == 0xE0U && b(1) < 0xA0U) return 0;   // overlong
    if (c == 0xEDU && b(1) >= 0xA0U) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0U && c <= 0xF4U) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0U && b(1) < 0x90U) return 0;   // overlong
    if (c == 0xF4U && b(1) >= 0x90U) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

bool valid_unicode(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    // Eight ASCII bytes at a time: most text is ASCII.
    std::uint64_t word = 0;
    if (i + 8 <= s.size() && (std::memcpy(&word, s.data() + i, 8), (word & 0x8080808080808080ULL) == 0)) {
      i += 8;
      continue;
    }
    if (static_cast<unsigned char>(s[i]) < 0x80U) {
      ++i;
      continue;
    }
    const std::size_t n = sequence_length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

bool has_scheme(std::string_view s) {
  if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s.substr(1)) {
    if (c == ':') return true;
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
  }
  return false;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string percent_encode(std::string_view s, std::string_view keep) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    if (std::isalnum(c) || keep.find(static_cast<char>(c)) != std::string_view::npos) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4U];
      out += hex[c & 15U];
    }
  }
  return out;
}

char32_t code_point(std::string_view s, std::size_t i, std::size_t n) {
  const auto b = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k])); };
  if (n == 1) return b(0);
  if (n == 2) return (b(0) & 0x1FU) << 6U | (b(1) & 0x3FU);
  if (n == 3) return (b(0) & 0x0FU) << 12U | (b(1) & 0x3FU) << 6U | (b(2) & 0x3FU);
  return (b(0) & 0x07U) << 18U | (b(1) & 0x3FU) << 12U | (b(2) & 0x3FU) << 6U | (b(3) & 0x3FU);
}

void append_utf8(std::string& out, char32_t c) {
  const auto byte = [&](char32_t b) { out += static_cast<char>(b); };
  if (c < 0x80) return byte(c);
  if (c < 0x800) return byte(0xC0U | c >> 6U), byte(0x80U | (c & 0x3FU));
  if (c < 0x10000) return byte(0xE0U | c >> 12U), byte(0x80U | (c >> 6U & 0x3FU)), byte(0x80U | (c & 0x3FU));
  byte(0xF0U | c >> 18U);
  byte(0x80U | (c >> 12U & 0x3FU));
  byte(0x80U | (c >> 6U & 0x3FU));
  byte(0x80U | (c & 0x3FU));
}

namespace {

// RFC 3987 ucschar: the non-ASCII characters an IRI may hold as they are.
bool ucschar(char32_t c) {
  if ((c & 0xFFFFU) >= 0xFFFEU) return false;  // the last two of every plane
  return (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFEF) ||
         (c >= 0x10000 && c <= 0xEFFFD && (c < 0xE0000 || c >= 0xE1000));
}

// Turtle's PN_CHARS_BASE (letters of every script), and the further PN_CHARS a name may continue with.
bool name_start_char(char32_t c) {
  return (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF) ||
         (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D) ||
         (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF) ||
         (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
}

bool name_char(char32_t c) {
  return name_start_char(c) || c == 0xB7 || (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
}

void put_percent(std::string& out, unsigned char c) {
  static constexpr char hex[] = "0123456789ABCDEF";
  out += '%';
  out += hex[c >> 4U];
  out += hex[c & 15U];
}

bool hex_digit(char c) {
  return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}

}  // namespace

std::string iri_segment(std::string_view s, std::string_view keep) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80U ? 1 : sequence_length(s, i);
    if (c < 0x80U && (std::isalnum(c) || keep.find(static_cast<char>(c)) != std::string_view::npos)) {
      out += static_cast<char>(c);
    } else if (n > 1 && ucschar(code_point(s, i, n))) {
      out.append(s.substr(i, n));
    } else {
      for (std::size_t k = 0; k < std::max<std::size_t>(n, 1); ++k)
        put_percent(out, static_cast<unsigned char>(s[i + k]));
    }
    i += std::max<std::size_t>(n, 1);
  }
  return out;
}

namespace {

bool ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// Reads `local` as a Turtle local name, writing its escaped form to `out` when given; false when
// it cannot be one.
bool scan_local_name(std::string_view local, std::string* out) {
  static constexpr std::string_view kEscapable = "_~.-!$&'()*+,;=/?#@%";
  const auto put = [&](std::string_view piece) {
    if (out) out->append(piece);
  };
  for (std::size_t i = 0; i < local.size();) {
    const auto c = static_cast<unsigned char>(local[i]);
    const bool first = i == 0, last = i + 1 == local.size();
    std::size_t n = 1;
    if (c >= 0x80U) {
      n = sequence_length(local, i);
      if (n == 0 || !(first ? name_start_char(code_point(local, i, n)) : name_char(code_point(local, i, n))))
        return false;
      put(local.substr(i, n));
    } else if (ascii_alnum(c) || c == '_' || c == ':' || (c == '-' && !first) ||
               (c == '.' && !first && !last)) {
      put(local.substr(i, 1));
    } else if (c == '%' && i + 2 < local.size() && hex_digit(local[i + 1]) && hex_digit(local[i + 2])) {
      n = 3;  // a percent-encoded byte stands as it is
      put(local.substr(i, 3));
    } else if (kEscapable.find(static_cast<char>(c)) != std::string_view::npos) {
      put("\\");
      put(local.substr(i, 1));
    } else {
      return false;
    }
    i += n;
  }
  return true;
}

}  // namespace

std::optional<std::string> turtle_local_name(std::string_view local) {
  std::string out;
  out.reserve(local.size() + 8);
  if (!scan_local_name(local, &out)) return std::nullopt;
  return out;
}

bool is_turtle_local_name(std::string_view local) {
  return scan_local_name(local, nullptr);
}

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

bool csv_record_complete(std::string_view record) {
  std::size_t quotes = 0;
  for (char c : record) quotes += c == '"' ? 1 : 0;
  return quotes % 2 == 0;
}

std::string CsvProblem::message() const {
  switch (kind) {
  case Kind::unclosed_quote:
    return "unbalanced quotes (a quoted field is not closed)";
  case Kind::text_after_quote:
    return "text after a closing quote in field " + std::to_string(field);
  case Kind::quote_in_field:
    break;
  }
  return "a quote inside an unquoted field " + std::to_string(field);
}

std::optional<CsvProblem> split_csv(std::string_view record, std::vector<std::string>& fields,
                                    char delimiter) {
  fields.clear();
  fields.emplace_back();
  std::size_t i = 0;
  while (i <= record.size()) {
    std::string& field = fields.back();
    if (i < record.size() && record[i] == '"') {
      // Quoted field: "" is a quote; the field ends at the closing quote.
      for (++i;; ++i) {
        if (i >= record.size()) return CsvProblem{CsvProblem::Kind::unclosed_quote, fields.size()};
        if (record[i] != '"') {
          field += record[i];
        } else if (i + 1 < record.size() && record[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          ++i;
          break;
        }
      }
      if (i < record.size() && record[i] != delimiter) {
        return CsvProblem{CsvProblem::Kind::text_after_quote, fields.size()};
      }
    } else {
      const auto comma = record.find(delimiter, i);
      const auto stop = comma == std::string_view::npos ? record.size() : comma;
      const auto text = record.substr(i, stop - i);
      if (text.find('"') != std::string_view::npos) {
        return CsvProblem{CsvProblem::Kind::quote_in_field, fields.size()};
      }
      field.assign(text);
      i = stop;
    }
    if (i >= record.size()) break;
    ++i;  // the delimiter
    fields.emplace_back();
    if (i == record.size()) break;
  }
  return std::nullopt;
}

std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace diplograph::text
