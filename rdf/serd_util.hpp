// Private to the rdf layer: RAII owners for Serd and Sord objects and node conversions.
#pragma once

#include <serd/serd.h>
#include <sord/sord.h>

#include <memory>
#include <string_view>

#include "diplograph/rdf.hpp"

namespace diplograph::detail {

template <auto Free>
struct Deleter {
  template <class T>
  void operator()(T* p) const noexcept {
    Free(p);
  }
};

using SerdEnvPtr = std::unique_ptr<SerdEnv, Deleter<serd_env_free>>;
using SerdReaderPtr = std::unique_ptr<SerdReader, Deleter<serd_reader_free>>;
using SerdWriterPtr = std::unique_ptr<SerdWriter, Deleter<serd_writer_free>>;
using SordWorldPtr = std::unique_ptr<SordWorld, Deleter<sord_world_free>>;
using SordModelPtr = std::unique_ptr<SordModel, Deleter<sord_free>>;
using SordIterPtr = std::unique_ptr<SordIter, Deleter<sord_iter_free>>;

/// Owns a SordNode: sord_node_free needs the world, so the deleter carries it.
struct SordNodeDeleter {
  SordWorld* world = nullptr;
  void operator()(SordNode* n) const noexcept { sord_node_free(world, n); }
};
using SordNodePtr = std::unique_ptr<SordNode, SordNodeDeleter>;

/// A SerdNode over exactly the bytes of `s` (serd_node_from_substring would stop at a NUL).
/// Only literals need the flags, which choose Turtle's long string form; nothing here reads
/// n_chars, which is left equal to n_bytes.
inline SerdNode serd_view(std::string_view s, SerdType type) {
  SerdNodeFlags flags = 0;
  if (type == SERD_LITERAL) {
    if (s.find_first_of("\n\r") != std::string_view::npos) flags |= SERD_HAS_NEWLINE;
    if (s.find('"') != std::string_view::npos) flags |= SERD_HAS_QUOTE;
  }
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size(), s.size(), flags, type};
}

inline std::string_view view(const SerdNode* n) {
  return n ? std::string_view(reinterpret_cast<const char*>(n->buf), n->n_bytes) : std::string_view();
}

inline std::string_view view(const SordNode* n) {
  if (!n) return {};
  size_t len = 0;
  const uint8_t* s = sord_node_get_string_counted(n, &len);
  return {reinterpret_cast<const char*>(s), len};
}

inline SerdSyntax serd_syntax(Syntax s) {
  switch (s) {
  case Syntax::turtle:
    return SERD_TURTLE;
  case Syntax::ntriples:
    return SERD_NTRIPLES;
  case Syntax::nquads:
    return SERD_NQUADS;
  case Syntax::trig:
    return SERD_TRIG;
  case Syntax::jsonld:  // written by rdf/jsonld.cpp, never by Serd
    break;
  }
  return SERD_TURTLE;
}

/// A borrowed TermRef for a Sord node (valid while the node lives).
TermRef term_of(const SordNode* n);

}  // namespace diplograph::detail
