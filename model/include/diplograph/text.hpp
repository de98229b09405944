// diplograph/text.hpp: the text checks and transforms every layer shares: Unicode validity,
// case, percent-encoding, IRI schemes, RFC 4180 fields.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace diplograph::text {

/// Whether `s` is well-formed UTF-8 holding only Unicode scalar values (no surrogates,
/// no overlong forms, nothing above U+10FFFF).
[[nodiscard]] bool valid_unicode(std::string_view s);

/// The length of the UTF-8 sequence at s[i] when it encodes a Unicode scalar value, else 0.
[[nodiscard]] std::size_t sequence_length(std::string_view s, std::size_t i);

/// ASCII lower case (names and codes are compared without case).
[[nodiscard]] std::string ascii_lower(std::string_view s);

/// `s` with every byte percent-encoded except ASCII letters, digits and the bytes in `keep`.
[[nodiscard]] std::string percent_encode(std::string_view s, std::string_view keep);

/// Whether `s` starts with an RFC 3986 scheme followed by ':'.
[[nodiscard]] bool has_scheme(std::string_view s);

/// Whether a CSV record's quotes are balanced (an odd count means it continues on the next line).
[[nodiscard]] bool csv_record_complete(std::string_view record);

/// Splits one RFC 4180 record into fields. Returns an empty string on success, else what is
/// wrong (e.g. a stray quote).
std::string split_csv(std::string_view record, std::vector<std::string>& fields, char delimiter = ',');

}  // namespace diplograph::text
