#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

#include "rdf/text.hpp"

namespace diplograph::detail {

namespace {

std::pair<unsigned, unsigned> position(std::string_view text, std::size_t at) {
  unsigned line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return {line, static_cast<unsigned>(at - line_start + 1)};
}

bool surrogate_escape(std::string_view text, std::size_t i) {
  if (text[i] != '\\' || i + 1 >= text.size()) return false;
  const std::size_t digits = text[i + 1] == 'u' ? 4 : text[i + 1] == 'U' ? 8 : 0;
  if (!digits || i + 2 + digits > text.size()) return false;
  const std::string hex(text.substr(i + 2, digits));
  if (hex.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) return false;
  const unsigned long v = std::stoul(hex, nullptr, 16);
  return v >= 0xD800 && v <= 0xDFFF;
}

}  // namespace

std::pair<unsigned, unsigned> locate_in_text(std::string_view text, std::string_view needle) {
  const auto at = text.find(needle);
  if (needle.empty() || at == std::string_view::npos) return {0, 0};
  return position(text, at);
}

std::pair<unsigned, unsigned> locate_bad_unicode(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (surrogate_escape(text, i)) return position(text, i);
    if (static_cast<unsigned char>(text[i]) >= 0x80U) {
      const std::size_t n = sequence_length(text, i);
      if (n == 0) return position(text, i);
      i += n - 1;
    }
  }
  return {0, 0};
}

}  // namespace diplograph::detail
