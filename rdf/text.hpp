// Private to the rdf layer: text checks the loading layer adds on top of Serd.
#pragma once

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "diplograph/text.hpp"

namespace diplograph::detail {

using text::ascii_lower;
using text::has_scheme;
using text::percent_encode;
using text::sequence_length;
using text::valid_unicode;

/// Resolves `ref` against the absolute IRI `base` per RFC 3986 section 5 (uriparser).
/// Returns nullopt when either cannot be parsed.
std::optional<std::string> resolve_iri(std::string_view base, std::string_view ref);

/// The file: URI of a local path (made absolute), percent-encoding what must be.
std::string file_uri(std::string_view path);

/// 1-based line and column of the first occurrence of `needle` in the file at `path`
/// (0, 0 when not found or unreadable): positions for problems found after Serd parsed.
std::pair<unsigned, unsigned> locate_in_file(const std::string& path, std::string_view needle);
std::pair<unsigned, unsigned> locate_in_text(std::string_view text, std::string_view needle);

/// Line and column of the first \uXXXX or \UXXXXXXXX escape of a surrogate (U+D800 to U+DFFF),
/// or of the first byte that is not valid UTF-8, in `text` (0, 0 when there is none).
std::pair<unsigned, unsigned> locate_bad_unicode(std::string_view text);

/// The whole content of a file, through gzip where it is gzipped (empty when unreadable): for
/// positioning errors after the fact.
std::string slurp(const std::string& path);

using FilePtr = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;
/// A graph file opened for reading: through gzip when its first bytes say it is gzipped, so that
/// every reader takes `x.nq.gz` as it takes `x.nq`. Null (errno set) when it cannot be opened.
/// A gzip stream cut short or corrupt is a read error (ferror), never a quiet end.
FilePtr open_graph_file(const std::string& path);

}  // namespace diplograph::detail
