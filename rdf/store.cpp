// The in-memory store: a Sord model in its own world, read into through the common reader.
#include <algorithm>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "rdf/pipeline.hpp"
#include "rdf/reader.hpp"
#include "rdf/serd_util.hpp"

namespace diplograph {

// Sord keeps at most 15 bytes of a language tag: longer ones are refused, never truncated.
constexpr std::size_t kSordLanguageTag = 15;

struct Store::Impl {
  detail::SordWorldPtr world{sord_world_new()};
  detail::SordModelPtr model;
  // Nodes handed out by find() stay alive (one reference each) until the store goes.
  std::unordered_map<const SordNode*, detail::SordNodePtr> pinned;
  // find() is const but interns a node in the world and pins it: readers sharing one store from
  // several threads (`diplograph serve`) take turns there; match() and term() only read.
  mutable std::mutex finding;
  unsigned documents = 0;
  ReadOptions for_store(ReadOptions opts);
  std::string world_error;

  // Sord compares node strings with strcmp and copies one byte past them: every string it is
  // given must be NUL-terminated, which views from a reader need not be. Hence the copies.
  mutable std::string text, datatype, lang;

  SordNode* node(TermRef t) const {
    if (t.empty()) return nullptr;
    text.assign(t.value);
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.c_str());
    if (t.kind == TermKind::iri) return sord_new_uri(world.get(), bytes);  // as given: never resolved
    if (t.kind == TermKind::blank) return sord_new_blank(world.get(), bytes);
    return literal(bytes, t);
  }

  // A literal, its datatype taken as given: Sord would resolve a relative one against a base it
  // does not have (a crash, found by fuzz_sparql with a store's answer).
  SordNode* literal(const uint8_t* bytes, TermRef t) const {
    datatype.assign(t.datatype);
    lang.assign(t.lang);
    SordNode* dt = datatype.empty()
                       ? nullptr
                       : sord_new_uri(world.get(), reinterpret_cast<const uint8_t*>(datatype.c_str()));
    SordNode* lit = sord_new_literal(world.get(), dt, bytes, lang.empty() ? nullptr : lang.c_str());
    if (dt) sord_node_free(world.get(), dt);
    return lit;
  }

  void add(TermRef s, TermRef p, TermRef o, TermRef g) {
    detail::SordNodeDeleter del{world.get()};
    detail::SordNodePtr sn(node(s), del), pn(node(p), del), on(node(o), del), gn(node(g), del);
    const SordQuad quad{sn.get(), pn.get(), on.get(), gn.get()};
    sord_add(model.get(), quad);
  }
};

namespace {

// Collects Sord's own errors so they are reported as ours.
SerdStatus on_world_error(void* handle, const SerdError* e) {
  auto* impl = static_cast<Store::Impl*>(handle);
  impl->world_error = e->fmt ? e->fmt : "store error";
  return SERD_SUCCESS;
}

unsigned sord_indices(unsigned ours) {
  unsigned out = 0;
  if (ours & index_spo) out |= SORD_SPO;
  if (ours & index_ops) out |= SORD_OPS;
  if (ours & index_pos) out |= SORD_POS;
  if (ours & index_pso) out |= SORD_PSO;
  return out ? out : static_cast<unsigned>(SORD_SPO);
}

class Inserter : public QuadSink {
 public:
  explicit Inserter(Store::Impl& impl) : impl_(impl) {}
  void quad(TermRef s, TermRef p, TermRef o, TermRef g) override { impl_.add(s, p, o, g); }

 private:
  Store::Impl& impl_;
};

}  // namespace

Store::Store(unsigned indices, bool graphs) : impl_(std::make_unique<Impl>()) {
  sord_world_set_error_sink(impl_->world.get(), on_world_error, impl_.get());
  impl_->model.reset(sord_new(impl_->world.get(), sord_indices(indices), graphs));
}

Store::~Store() {
  // Nodes and the model go before the world.
  impl_->pinned.clear();
  impl_->model.reset();
}

// What every document read into the store needs: its own blank nodes, and refusals of what
// Sord cannot hold.
ReadOptions Store::Impl::for_store(ReadOptions opts) {
  if (opts.blank_prefix.empty()) opts.blank_prefix = "d" + std::to_string(++documents) + "_";
  opts.max_language_tag = kSordLanguageTag;
  opts.refuse_nul = true;
  return opts;
}

bool Store::load_file(const std::string& path, ReadOptions opts, const ErrorSink& errors) {
  Inserter ins(*impl_);
  const ReadOptions o = impl_->for_store(std::move(opts));
  // Parsing on a second thread while this one inserts: each is about half of a load.
  return detail::pipelined([&](QuadSink& out, const ErrorSink& e) { return read_rdf_file(path, o, out, e); },
                           ins, errors);
}

bool Store::load_string(std::string_view text, std::string_view name, ReadOptions opts,
                        const ErrorSink& errors) {
  Inserter ins(*impl_);
  return read_rdf_string(text, name, impl_->for_store(std::move(opts)), ins, errors);
}

void Store::add(TermRef s, TermRef p, TermRef o, TermRef graph) {
  impl_->add(s, p, o, graph);
}

std::size_t Store::size() const {
  return sord_num_quads(impl_->model.get());
}

void Store::write(QuadSink& sink) const {
  detail::SordIterPtr it(sord_begin(impl_->model.get()));
  for (; it && !sord_iter_end(it.get()); sord_iter_next(it.get())) {
    SordQuad q;
    sord_iter_get(it.get(), q);
    sink.quad(detail::term_of(q[0]), detail::term_of(q[1]), detail::term_of(q[2]), detail::term_of(q[3]));
  }
}

NodeId Store::find(TermRef term) const {
  const std::lock_guard lock(impl_->finding);
  SordNode* n = impl_->node(term);
  if (!n) return 0;
  detail::SordNodePtr owned(n, detail::SordNodeDeleter{impl_->world.get()});
  impl_->pinned.try_emplace(n, std::move(owned));  // a node pinned before: this reference goes
  return reinterpret_cast<NodeId>(n);
}

TermRef Store::term(NodeId node) const {
  return detail::term_of(reinterpret_cast<const SordNode*>(node));
}

std::string_view Store::text(NodeId node) const {
  return detail::view(reinterpret_cast<const SordNode*>(node));
}

void Store::match(NodeId s, NodeId p, NodeId o, const std::function<bool(NodeId, NodeId, NodeId)>& fn) const {
  auto* sn = reinterpret_cast<SordNode*>(s);
  auto* pn = reinterpret_cast<SordNode*>(p);
  auto* on = reinterpret_cast<SordNode*>(o);
  const SordQuad pat{sn, pn, on, nullptr};
  detail::SordIterPtr it(sord_find(impl_->model.get(), pat));
  for (; it && !sord_iter_end(it.get()); sord_iter_next(it.get())) {
    SordQuad q;
    sord_iter_get(it.get(), q);
    if (!fn(reinterpret_cast<NodeId>(q[0]), reinterpret_cast<NodeId>(q[1]), reinterpret_cast<NodeId>(q[2]))) {
      return;
    }
  }
}

void Store::scan(const std::vector<NodeId>& predicates,
                 const std::function<void(NodeId, NodeId, NodeId)>& fn) const {
  // One pass over the subject-first index, filtering here rather than through match().
  detail::SordIterPtr it(sord_begin(impl_->model.get()));
  SordQuad q;
  for (; it && !sord_iter_end(it.get()); sord_iter_next(it.get())) {
    sord_iter_get(it.get(), q);
    const auto p = reinterpret_cast<NodeId>(q[1]);
    if (std::find(predicates.begin(), predicates.end(), p) == predicates.end()) continue;
    fn(reinterpret_cast<NodeId>(q[0]), p, reinterpret_cast<NodeId>(q[2]));
  }
}

}  // namespace diplograph
