// Writing RDF through Serd: a streaming writer for the four syntaxes, with prefixes.
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
  w.buffer.clear();
  return ok;
}

size_t buffered_sink(const void* buf, size_t len, void* stream) {
  auto& w = *static_cast<Writer::Impl*>(stream);
  w.buffer.append(static_cast<const char*>(buf), len);
  if (w.buffer.size() >= kBlock && !flush(w)) w.failed = true;
  return len;
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
  SerdNode base_node = serd_view(base, SERD_URI);
  impl->env.reset(serd_env_new(base.empty() ? nullptr : &base_node));
  const bool pretty = syntax == Syntax::turtle || syntax == Syntax::trig;
  const auto style = static_cast<SerdStyle>(pretty ? SERD_STYLE_ABBREVIATED | SERD_STYLE_CURIED : 0);
  impl->buffer.reserve(kBlock + 4096);
  impl->writer.reset(serd_writer_new(detail::serd_syntax(syntax), style, impl->env.get(), nullptr,
                                     buffered_sink, impl.get()));
  serd_writer_set_error_sink(impl->writer.get(), on_write_error, &impl->failed);
  for (const auto& p : prefixes) {
    SerdNode name = serd_view(p.name, SERD_LITERAL);
    SerdNode iri = serd_view(p.iri, SERD_URI);
    if (pretty) {
      serd_writer_set_prefix(impl->writer.get(), &name, &iri);
    } else {
      serd_env_set_prefix(impl->env.get(), &name, &iri);
    }
  }
  return std::unique_ptr<Writer>(new Writer(std::move(impl)));
}

void Writer::quad(TermRef s, TermRef p, TermRef o, TermRef graph) {
  SerdNode sn = node_of(s);
  SerdNode pn = node_of(p);
  SerdNode on = node_of(o);
  SerdNode dt = serd_view(o.datatype, SERD_URI);
  SerdNode lang = serd_view(o.lang, SERD_LITERAL);
  const bool quads = syntax_info(impl_->syntax).has_graphs && !graph.empty();
  SerdNode gn = quads ? node_of(graph) : SERD_NODE_NULL;
  const bool typed = o.kind == TermKind::literal && !o.datatype.empty();
  const bool tagged = o.kind == TermKind::literal && !o.lang.empty();
  if (serd_writer_write_statement(impl_->writer.get(), 0, quads ? &gn : nullptr, &sn, &pn, &on,
                                  typed ? &dt : nullptr, tagged ? &lang : nullptr) != SERD_SUCCESS) {
    impl_->failed = true;
  }
  ++impl_->count;
}

bool Writer::finish() {
  serd_writer_finish(impl_->writer.get());
  if (!flush(*impl_)) impl_->failed = true;
  if (std::fflush(impl_->out) != 0 || std::ferror(impl_->out)) impl_->failed = true;
  return !impl_->failed;
}

std::uint64_t Writer::count() const {
  return impl_->count;
}

}  // namespace diplograph
