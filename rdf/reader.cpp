// Reading RDF through Serd: strict mode, files opened here (never as URIs), one error sink
// with positions, blank nodes kept apart per document, CURIEs expanded, relative IRIs
// resolved by RFC 3986 (uriparser), and every term checked for valid Unicode.
#include <algorithm>
#include <cerrno>
#include <cstdarg>
#include <cstring>
#include <memory>
#include <tuple>

#include "diplograph/vocab.hpp"
#include "rdf/reader.hpp"
#include "rdf/serd_util.hpp"
#include "rdf/text.hpp"

namespace diplograph::detail {

namespace {

constexpr std::string_view kRdfType = vocab::rdf_type;

struct State {
  State(const ReadOptions& options, QuadSink& to, const ErrorSink& sink_errors, const std::string& doc_name,
        Source& source)
      : opts(options), sink(to), errors(sink_errors), name(doc_name), src(source) {}
  const ReadOptions& opts;
  QuadSink& sink;
  const ErrorSink& errors;
  const std::string& name;
  Source& src;
  SerdEnvPtr env{serd_env_new(nullptr)};
  std::string base;
  bool failed = false;
  // Expanded values for the statement being delivered.
  std::string s, p, o, g, dt;

  void report(unsigned line, unsigned col, std::string message) {
    if (failed) return;
    failed = true;
    if (errors) errors(Diagnostic{{name, line, col}, std::move(message)});
  }

  // Reports a problem Serd did not see, positioned by finding `needle` in the document.
  void report_at(std::string_view needle, std::string message) {
    auto [line, col] = src.file ? locate_in_file(name, needle) : locate_in_text(src.text, needle);
    report(line, col, std::move(message));
  }
};

std::size_t read_bytes(void* buf, std::size_t size, std::size_t nmemb, void* stream) {
  auto* src = static_cast<Source*>(stream);
  if (src->file) return std::fread(buf, size, nmemb, src->file);
  const std::size_t n = std::min(size * nmemb, src->text.size() - src->offset);
  std::memcpy(buf, src->text.data() + src->offset, n);
  src->offset += n;
  return size ? n / size : 0;
}

int read_error(void* stream) {
  auto* src = static_cast<Source*>(stream);
  return src->file ? std::ferror(src->file) : 0;
}

SerdStatus on_error(void* handle, const SerdError* e) {
  auto* st = static_cast<State*>(handle);
  char buf[1024];
  va_list args;
  va_copy(args, *e->args);
  // NOLINTNEXTLINE(clang-analyzer-valist.Uninitialized): va_copy set it (the analyzer loses it)
  std::vsnprintf(buf, sizeof buf, e->fmt, args);
  va_end(args);
  std::string msg(buf);
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  // Serd's column is 0 when the cursor has just passed a newline: that is column 1 of the line.
  st->report(e->line, e->col ? e->col : 1, msg);
  return SERD_SUCCESS;
}

// Serd decodes \uD800-style escapes into invalid UTF-8; the document is scanned again for a
// position only when that happens.
bool check_unicode(State& st, std::string_view text) {
  if (valid_unicode(text)) return true;
  const auto [line, col] = locate_bad_unicode(st.src.file ? std::string_view(slurp(st.name)) : st.src.text);
  st.report(line, col, "text that is not a Unicode scalar value (a surrogate escape or invalid UTF-8)");
  return false;
}

// Resolves a URI reference against the document's base; false when it cannot be.
bool absolute(State& st, std::string_view ref, std::string& out) {
  if (has_scheme(ref) || st.base.empty()) {  // absolute IRIs are used as written
    out.assign(ref);
    return true;
  }
  auto r = resolve_iri(st.base, ref);
  if (!r) return false;
  out = std::move(*r);
  return true;
}

// Expands a relative IRI or a CURIE into `out`. (Absolute IRIs need no expansion: term() uses
// Serd's own text for them.)
bool expand(State& st, const SerdNode* n, std::string& out) {
  if (!check_unicode(st, view(n))) return false;  // before resolving, which would hide it
  if (n->type == SERD_URI) {
    if (absolute(st, view(n), out)) return true;
    st.report_at(view(n), "cannot resolve IRI <" + std::string(view(n)) + ">");
    return false;
  }
  SerdChunk prefix{};
  SerdChunk suffix{};
  if (serd_env_expand(st.env.get(), n, &prefix, &suffix) != SERD_SUCCESS) {
    st.report_at(view(n), "undefined prefix in \"" + std::string(view(n)) + "\"");
    return false;
  }
  out.assign(reinterpret_cast<const char*>(prefix.buf), prefix.len);
  out.append(reinterpret_cast<const char*>(suffix.buf), suffix.len);
  return true;
}

// The term for a Serd node, its text expanded into `buf` where needed.
bool term(State& st, const SerdNode* n, std::string& buf, TermRef& out) {
  if (!n) {
    out = {};
    return true;
  }
  switch (n->type) {
  case SERD_URI:
    if (has_scheme(view(n))) {  // absolute: used as written, no copy
      out = TermRef::iri(view(n));
      return true;
    }
    [[fallthrough]];
  case SERD_CURIE:
    if (!expand(st, n, buf)) return false;
    out = TermRef::iri(buf);
    return true;
  case SERD_BLANK:
    out = TermRef::blank(view(n));
    return true;
  case SERD_LITERAL:
    out = TermRef::literal(view(n));
    return true;
  case SERD_NOTHING:
    break;
  }
  out = {};
  return true;
}

// A literal's datatype and language tag, refused when the tag is longer than the store keeps.
bool literal_parts(State& st, TermRef& o, TermRef dt, const SerdNode* lang) {
  o.datatype = dt.value;
  o.lang = view(lang);
  if (!st.opts.max_language_tag || o.lang.size() <= st.opts.max_language_tag) return true;
  st.report_at("@" + std::string(o.lang), "language tag \"" + std::string(o.lang) + "\" is longer than " +
                                              std::to_string(st.opts.max_language_tag) + " characters");
  return false;
}

// Every term holds Unicode scalar values only, and no U+0000 where the store cannot take it.
bool terms_loadable(State& st, std::initializer_list<TermRef> terms) {
  for (TermRef t : terms) {
    if (!check_unicode(st, t.value) || !check_unicode(st, t.datatype)) return false;
    if (st.opts.refuse_nul && t.value.find('\0') != std::string_view::npos) {
      const std::string text = st.src.file ? slurp(st.name) : std::string(st.src.text);
      auto [line, col] = locate_in_text(text, "\\u0000");
      if (!line) std::tie(line, col) = locate_in_text(text, std::string_view("\0", 1));
      st.report(line, col, "a term holding U+0000 cannot be loaded into the store");
      return false;
    }
  }
  return true;
}

bool wanted_predicate(const State& st, TermRef p) {
  const auto* only = st.opts.predicates;
  return !only || std::binary_search(only->begin(), only->end(), p.value, std::less<>());
}

bool skipped_type(const State& st, TermRef p, TermRef o) {
  const auto* skip = st.opts.skip_types;
  return skip && o.kind == TermKind::iri && p.value == kRdfType &&
         std::binary_search(skip->begin(), skip->end(), o.value, std::less<>());
}

SerdStatus on_statement(void* handle, SerdStatementFlags /*flags*/, const SerdNode* graph,
                        const SerdNode* subject, const SerdNode* predicate, const SerdNode* object,
                        const SerdNode* datatype, const SerdNode* lang) {
  auto* st = static_cast<State*>(handle);
  if (st->failed) return SERD_ERR_BAD_SYNTAX;
  TermRef s, p, o, g, dt;
  if (!term(*st, predicate, st->p, p)) return SERD_ERR_BAD_SYNTAX;
  if (!wanted_predicate(*st, p)) return SERD_SUCCESS;  // skipped before any more work
  if (!term(*st, subject, st->s, s) || !term(*st, object, st->o, o) || !term(*st, graph, st->g, g) ||
      !term(*st, datatype, st->dt, dt)) {
    return SERD_ERR_BAD_SYNTAX;
  }
  if (skipped_type(*st, p, o)) return SERD_SUCCESS;
  if (o.kind == TermKind::literal && !literal_parts(*st, o, dt, lang)) return SERD_ERR_BAD_SYNTAX;
  if (!terms_loadable(*st, {s, p, o, g})) return SERD_ERR_BAD_SYNTAX;
  if (g.empty() && !st->opts.graph.empty()) g = TermRef::iri(st->opts.graph);
  st->sink.quad(s, p, o, g);
  return SERD_SUCCESS;
}

SerdStatus on_base(void* handle, const SerdNode* uri) {
  auto* st = static_cast<State*>(handle);
  std::string resolved;
  if (!absolute(*st, view(uri), resolved)) {
    st->report_at(view(uri), "cannot resolve base IRI <" + std::string(view(uri)) + ">");
    return SERD_ERR_BAD_SYNTAX;
  }
  st->base = resolved;
  SerdNode node = serd_view(st->base, SERD_URI);
  return serd_env_set_base_uri(st->env.get(), &node);
}

SerdStatus on_prefix(void* handle, const SerdNode* name, const SerdNode* uri) {
  auto* st = static_cast<State*>(handle);
  std::string resolved;
  if (!absolute(*st, view(uri), resolved)) {
    st->report_at(view(uri), "cannot resolve prefix IRI <" + std::string(view(uri)) + ">");
    return SERD_ERR_BAD_SYNTAX;
  }
  SerdNode node = serd_view(resolved, SERD_URI);
  return serd_env_set_prefix(st->env.get(), name, &node);
}

}  // namespace

bool read_document(Source& src, const std::string& name, const ReadOptions& opts, QuadSink& sink,
                   const ErrorSink& errors) {
  const Syntax syntax = opts.syntax.value_or(syntax_of_input(name).value_or(Syntax::turtle));
  if (!syntax_info(syntax).readable) {
    errors({{name, 0, 0},
            std::string(syntax_info(syntax).name) + " is written, not read: give the graph as " +
                syntax_names(true)});
    return false;
  }
  State st{opts, sink, errors, name, src};
  st.base = opts.base.empty() && src.file ? file_uri(name) : opts.base;
  if (!st.base.empty()) {
    SerdNode node = serd_view(st.base, SERD_URI);
    serd_env_set_base_uri(st.env.get(), &node);
  }
  SerdReaderPtr reader(
      serd_reader_new(serd_syntax(syntax), &st, nullptr, on_base, on_prefix, on_statement, nullptr));
  serd_reader_set_strict(reader.get(), true);
  serd_reader_set_error_sink(reader.get(), on_error, &st);
  if (!opts.blank_prefix.empty()) {
    serd_reader_add_blank_prefix(reader.get(), reinterpret_cast<const uint8_t*>(opts.blank_prefix.c_str()));
  }
  const SerdStatus status = serd_reader_read_source(reader.get(), read_bytes, read_error, &src,
                                                    reinterpret_cast<const uint8_t*>(name.c_str()), 4096);
  // SERD_FAILURE is Serd's "nothing more to read" (an empty document is a valid one).
  if (src.file && std::ferror(src.file) && !st.failed) {
    st.report(0, 0,
              std::string("cannot read: ") + std::strerror(EIO) + " (a gzipped file cut short or corrupt?)");
  } else if (status > SERD_FAILURE && !st.failed) {
    st.report(0, 0, std::string("cannot read: ") + reinterpret_cast<const char*>(serd_strerror(status)));
  }
  return !st.failed;
}

}  // namespace diplograph::detail

namespace diplograph {

bool read_rdf_file(const std::string& path, const ReadOptions& opts, QuadSink& sink,
                   const ErrorSink& errors) {
  const bool is_stdin = path == "-";
  detail::FilePtr f =
      is_stdin ? detail::FilePtr(stdin, [](std::FILE*) { return 0; }) : detail::open_graph_file(path);
  if (!f) {
    std::string message = "cannot open: ";
    message += std::strerror(errno);
    if (errors) errors(Diagnostic{{path, 0, 0}, message});
    return false;
  }
  detail::Source src{f.get(), {}, 0};
  return detail::read_document(src, path, opts, sink, errors);
}

bool read_rdf_string(std::string_view text, std::string_view name, const ReadOptions& opts, QuadSink& sink,
                     const ErrorSink& errors) {
  detail::Source src{nullptr, text, 0};
  return detail::read_document(src, std::string(name), opts, sink, errors);
}

}  // namespace diplograph
