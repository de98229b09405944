// Writing RDF through Serd: a streaming writer for the four syntaxes. Turtle and TriG name IRIs
// by prefix wherever a local name can be written (escaping `/` and the like, which Serd's own
// abbreviation does not), and declare a prefix only when it is first used.
#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <optional>

#include "diplograph/text.hpp"
#include "diplograph/vocab.hpp"
#include "rdf/jsonld.hpp"
#include "rdf/serd_util.hpp"

namespace diplograph {

using detail::serd_view;

struct Writer::Impl {
  Syntax syntax;
  std::FILE* out;
  // Serd writes many small pieces: they are gathered here and written in large blocks.
  std::string buffer;
  detail::SerdEnvPtr env;
  detail::SerdWriterPtr writer;
  std::uint64_t count = 0;
  bool failed = false;
  int error = 0;  ///< errno of the first failed write
  bool pretty = false;
  std::vector<Prefix> prefixes;  ///< the candidates, longest IRI first
  std::vector<bool> declared;
  std::array<std::string, 5> curies;  ///< this statement's prefixed names, alive until Serd has them
  /// The first kHead statements, held back so that the prefixes they use head the output.
  std::vector<std::array<Term, 4>> pending;
  bool head_done = false;
  bool began = false;                            ///< a statement has been written
  std::unique_ptr<detail::JsonLdWriter> jsonld;  ///< JSON-LD's own writer (Serd writes the others)
};

namespace {

SerdNode node_of(TermRef t) {
  switch (t.kind) {
  case TermKind::iri:
    return serd_view(t.value, SERD_URI);
  case TermKind::blank:
    return serd_view(t.value, SERD_BLANK);
  case TermKind::literal:
    return serd_view(t.value, SERD_LITERAL);
  case TermKind::none:
    break;
  }
  return SERD_NODE_NULL;
}

constexpr std::size_t kBlock = 1U << 16U;

bool flush(Writer::Impl& w) {
  const bool ok = std::fwrite(w.buffer.data(), 1, w.buffer.size(), w.out) == w.buffer.size();
  if (!ok && w.error == 0) w.error = errno;
  w.buffer.clear();
  return ok;
}

size_t buffered_sink(const void* buf, size_t len, void* stream) {
  auto& w = *static_cast<Writer::Impl*>(stream);
  w.buffer.append(static_cast<const char*>(buf), len);
  if (w.buffer.size() >= kBlock && !flush(w)) w.failed = true;
  return len;
}

// Declares the prefix the first time a statement uses it.
void declare(Writer::Impl& w, std::size_t i) {
  if (w.declared[i]) return;
  w.declared[i] = true;
  SerdNode name = serd_view(w.prefixes[i].name, SERD_LITERAL);
  SerdNode iri = serd_view(w.prefixes[i].iri, SERD_URI);
  serd_writer_set_prefix(w.writer.get(), &name, &iri);
}

// The prefix (a place in w.prefixes) an IRI can be written with, if any: one that covers it
// and leaves a local name. Serd escapes `/`, `~`, `,` and the like in a prefixed name, but not a
// `.` or `-` where a local name may not start or end with one: such IRIs are written whole.
std::optional<std::size_t> prefix_for(const Writer::Impl& w, std::string_view iri) {
  if (iri == vocab::rdf_type) return std::nullopt;  // Serd writes it "a" when it is given whole
  for (std::size_t i = 0; w.pretty && i < w.prefixes.size(); ++i) {
    const std::string_view space = w.prefixes[i].iri;  // the last byte differs most often: test it first
    if (iri.size() < space.size() || iri[space.size() - 1] != space.back() || !iri.starts_with(space))
      continue;
    const std::string_view rest = iri.substr(w.prefixes[i].iri.size());
    if (!rest.empty() && (rest.front() == '.' || rest.front() == '-' || rest.back() == '.')) continue;
    if (text::is_turtle_local_name(rest)) return i;
  }
  return std::nullopt;
}

// An IRI as a prefixed name, else as it is. A prefix first needed after the head is declared
// here, the open statement (and TriG graph) closed first: a directive may not stand inside one.
SerdNode qualified(Writer::Impl& w, std::string_view iri, std::string& buffer) {
  const auto i = prefix_for(w, iri);
  if (!i) return serd_view(iri, SERD_URI);
  if (!w.declared[*i]) {
    if (w.began) serd_writer_finish(w.writer.get());
    declare(w, *i);
  }
  buffer.assign(w.prefixes[*i].name);
  buffer += ':';
  buffer.append(iri.substr(w.prefixes[*i].iri.size()));
  return serd_view(buffer, SERD_CURIE);
}

SerdNode term_node(Writer::Impl& w, TermRef t, std::string& buffer) {
  return t.kind == TermKind::iri ? qualified(w, t.value, buffer) : node_of(t);
}

SerdStatus on_write_error(void* handle, const SerdError* /*error*/) {
  *static_cast<bool*>(handle) = true;
  return SERD_SUCCESS;
}

}  // namespace

Writer::Writer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Writer::~Writer() = default;

std::unique_ptr<Writer> Writer::create(Syntax syntax, std::FILE* out, const std::vector<Prefix>& prefixes,
                                       std::string_view base) {
  auto impl = std::make_unique<Impl>();
  impl->syntax = syntax;
  impl->out = out;
  impl->buffer.reserve(kBlock + 4096);
  if (syntax == Syntax::jsonld) {
    impl->jsonld = std::make_unique<detail::JsonLdWriter>(
        prefixes, [w = impl.get()](std::string_view text) { buffered_sink(text.data(), text.size(), w); });
    return std::unique_ptr<Writer>(new Writer(std::move(impl)));
  }
  SerdNode base_node = serd_view(base, SERD_URI);
  impl->env.reset(serd_env_new(base.empty() ? nullptr : &base_node));
  const bool pretty = syntax == Syntax::turtle || syntax == Syntax::trig;
  const auto style = static_cast<SerdStyle>(pretty ? SERD_STYLE_ABBREVIATED | SERD_STYLE_CURIED : 0);
  impl->writer.reset(serd_writer_new(detail::serd_syntax(syntax), style, impl->env.get(), nullptr,
                                     buffered_sink, impl.get()));
  serd_writer_set_error_sink(impl->writer.get(), on_write_error, &impl->failed);
  impl->pretty = pretty;
  impl->prefixes = prefixes;
  std::stable_sort(impl->prefixes.begin(), impl->prefixes.end(),
                   [](const Prefix& a, const Prefix& b) { return a.iri.size() > b.iri.size(); });
  impl->declared.assign(impl->prefixes.size(), false);
  return std::unique_ptr<Writer>(new Writer(std::move(impl)));
}

namespace {

constexpr std::size_t kHead = 4096;

void write_now(Writer::Impl& w, TermRef s, TermRef p, TermRef o, TermRef graph) {
  const bool quads = syntax_info(w.syntax).has_graphs && !graph.empty();
  SerdNode gn = quads ? term_node(w, graph, w.curies[0]) : SERD_NODE_NULL;
  SerdNode sn = term_node(w, s, w.curies[1]);
  SerdNode pn = term_node(w, p, w.curies[2]);
  SerdNode on = term_node(w, o, w.curies[3]);
  SerdNode dt = o.datatype.empty() ? SERD_NODE_NULL : qualified(w, o.datatype, w.curies[4]);
  SerdNode lang = serd_view(o.lang, SERD_LITERAL);
  const bool typed = o.kind == TermKind::literal && !o.datatype.empty();
  const bool tagged = o.kind == TermKind::literal && !o.lang.empty();
  if (serd_writer_write_statement(w.writer.get(), 0, quads ? &gn : nullptr, &sn, &pn, &on,
                                  typed ? &dt : nullptr, tagged ? &lang : nullptr) != SERD_SUCCESS) {
    w.failed = true;
  }
  w.began = true;
}

// Declares every prefix the held statements use, then writes them.
void flush_pending(Writer::Impl& w) {
  std::string unused;
  for (const auto& q : w.pending) {
    for (const Term& t : q) {
      if (t.kind == TermKind::iri) qualified(w, t.value, unused);
    }
    if (!q[2].datatype.empty()) qualified(w, q[2].datatype, unused);
  }
  for (const auto& q : w.pending) write_now(w, q[0].ref(), q[1].ref(), q[2].ref(), q[3].ref());
  w.pending.clear();
  w.pending.shrink_to_fit();
}

}  // namespace

void Writer::quad(TermRef s, TermRef p, TermRef o, TermRef graph) {
  auto& w = *impl_;
  ++w.count;
  if (w.jsonld) return w.jsonld->statement(s, p, o);
  if (!w.pretty || w.head_done) return write_now(w, s, p, o, graph);
  w.pending.push_back({Term(s), Term(p), Term(o), Term(graph)});
  if (w.pending.size() < kHead) return;
  flush_pending(w);
  w.head_done = true;
}

bool Writer::finish() {
  if (impl_->jsonld) {
    impl_->jsonld->finish();
  } else {
    flush_pending(*impl_);
    serd_writer_finish(impl_->writer.get());
  }
  if (!flush(*impl_)) impl_->failed = true;
  if (std::fflush(impl_->out) != 0 || std::ferror(impl_->out)) {
    if (impl_->error == 0) impl_->error = errno;
    impl_->failed = true;
  }
  return !impl_->failed;
}

std::string Writer::failure() const {
  return "cannot write: " + std::string(impl_->error ? std::strerror(impl_->error) : "write error");
}

std::uint64_t Writer::count() const {
  return impl_->count;
}

}  // namespace diplograph
