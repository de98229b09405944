// The text checks and transforms every layer shares.
#include "diplograph/text.hpp"

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

bool csv_record_complete(std::string_view record) {
  std::size_t quotes = 0;
  for (char c : record) quotes += c == '"' ? 1 : 0;
  return quotes % 2 == 0;
}

std::string split_csv(std::string_view record, std::vector<std::string>& fields, char delimiter) {
  fields.clear();
  fields.emplace_back();
  std::size_t i = 0;
  while (i <= record.size()) {
    std::string& field = fields.back();
    if (i < record.size() && record[i] == '"') {
      // Quoted field: "" is a quote; the field ends at the closing quote.
      for (++i;; ++i) {
        if (i >= record.size()) return "unbalanced quotes (a quoted field is not closed)";
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
        return "text after a closing quote in field " + std::to_string(fields.size());
      }
    } else {
      const auto comma = record.find(delimiter, i);
      const auto stop = comma == std::string_view::npos ? record.size() : comma;
      const auto text = record.substr(i, stop - i);
      if (text.find('"') != std::string_view::npos) {
        return "a quote inside an unquoted field " + std::to_string(fields.size());
      }
      field.assign(text);
      i = stop;
    }
    if (i >= record.size()) break;
    ++i;  // the delimiter
    fields.emplace_back();
    if (i == record.size()) break;
  }
  return {};
}

}  // namespace diplograph::text
