// diplograph/text.hpp: the text checks and transforms every layer shares: Unicode validity,
// case, percent-encoding, IRI schemes, RFC 4180 fields.
#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace diplograph::text {

/// Whether `s` is well-formed UTF-8 holding only Unicode scalar values (no surrogates,
/// no overlong forms, nothing above U+10FFFF).
[[nodiscard]] bool valid_unicode(std::string_view s);

/// The length of the UTF-8 sequence at s[i] when it encodes a Unicode scalar value, else 0.
[[nodiscard]] std::size_t sequence_length(std::string_view s, std::size_t i);

/// Appends code point `c` (a Unicode scalar value) to `out` as UTF-8.
void append_utf8(std::string& out, char32_t c);

/// ASCII lower case (names and codes are compared without case).
[[nodiscard]] std::string ascii_lower(std::string_view s);

/// `s` with every byte percent-encoded except ASCII letters, digits and the bytes in `keep`.
[[nodiscard]] std::string percent_encode(std::string_view s, std::string_view keep);

/// The code point of the well-formed UTF-8 sequence at s[i] of length `n` (sequence_length).
[[nodiscard]] char32_t code_point(std::string_view s, std::size_t i, std::size_t n);

/// `s` as an IRI path segment (RFC 3987): ASCII letters and digits, the bytes in `keep`, and
/// every non-ASCII character an IRI allows (ucschar) stay as they are; everything else is
/// percent-encoded. "Erdoğan" stays readable where percent_encode made it "Erdo%C4%9Fan".
[[nodiscard]] std::string iri_segment(std::string_view s, std::string_view keep);

/// `utf8` in Unicode Normalization Form C; as it is when it is not valid UTF-8.
[[nodiscard]] std::string nfc(std::string_view utf8);

/// `local` written as a Turtle/TriG local name (PN_LOCAL), with the reserved characters escaped
/// (`seed\/afg-pak`), or nullopt when it cannot be one (a space, a quote, ...).
[[nodiscard]] std::optional<std::string> turtle_local_name(std::string_view local);
/// Whether turtle_local_name would give one (without making it).
[[nodiscard]] bool is_turtle_local_name(std::string_view local);

/// `s` for XML and HTML text and attribute values: `&`, `<`, `>` and `"` as entities.
[[nodiscard]] std::string xml_escape(std::string_view s);

/// Whether `s` starts with an RFC 3986 scheme followed by ':'.
[[nodiscard]] bool has_scheme(std::string_view s);

/// Whether a CSV record's quotes are balanced (an odd count means it continues on the next line).
[[nodiscard]] bool csv_record_complete(std::string_view record);

/// `s` without the blanks (spaces and tabs) around it.
[[nodiscard]] std::string_view trim_blanks(std::string_view s);

/// All of `s` as a number (a whole one for an integral T): nullopt for empty text, anything
/// before or after it, or a value out of T's range.
template <class T>
[[nodiscard]] std::optional<T> number_of(std::string_view s) {
  T v{};
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

/// What breaks an RFC 4180 record, and in which field (1-based).
struct CsvProblem {
  enum class Kind : std::uint8_t { unclosed_quote, text_after_quote, quote_in_field };
  Kind kind;
  std::size_t field;
  /// "unbalanced quotes (a quoted field is not closed)", "a quote inside an unquoted field 3", ...
  [[nodiscard]] std::string message() const;
};

/// Splits one RFC 4180 record into fields; what breaks it, when something does.
[[nodiscard]] std::optional<CsvProblem> split_csv(std::string_view record, std::vector<std::string>& fields,
                                                  char delimiter = ',');

}  // namespace diplograph::text
