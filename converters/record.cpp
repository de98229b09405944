// Small facts of the record model: slugs, the kinds a record names.
#include <array>
#include <cctype>
#include <utility>

#include "converters/readers.hpp"
#include "diplograph/convert.hpp"

namespace diplograph {

std::string slug(std::string_view text) {
  std::string out;
  bool dash = false;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c >= 0x80U) {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += static_cast<char>(c >= 0x80U ? c : std::tolower(c));
    } else {
      dash = true;
    }
  }
  return out.empty() ? std::string("_") : out;
}

std::optional<ActorKind> record_kind(std::string_view text) {
  const auto kind = kind_named(text);
  if (kind == ActorKind::person || kind == ActorKind::state || kind == ActorKind::organization) return kind;
  return std::nullopt;
}

}  // namespace diplograph
