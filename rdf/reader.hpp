// Private to the rdf layer: one Serd reader set up the way diplograph reads every document.
#pragma once

#include <cstdio>
#include <string>

#include "diplograph/rdf.hpp"

namespace diplograph::detail {

/// Where a document's bytes come from: a FILE* or memory.
struct Source {
  std::FILE* file = nullptr;
  std::string_view text;
  std::size_t offset = 0;
};

/// Reads one document from `src` into `sink`. `name` is used in diagnostics; `locate_path`
/// (a file, or empty for text in `src.text`) is rescanned to position problems found after
/// parsing (invalid Unicode, unsupported language tags).
bool read_document(Source& src, const std::string& name, const ReadOptions& opts, QuadSink& sink,
                   const ErrorSink& errors);

}  // namespace diplograph::detail
