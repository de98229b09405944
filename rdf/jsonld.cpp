// JSON-LD written as a stream (rdf/jsonld.hpp).
#include "rdf/jsonld.hpp"

#include <algorithm>
#include <iterator>

#include "diplograph/vocab.hpp"
#include "rdf/escape.hpp"

namespace diplograph::detail {

namespace {

constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
constexpr std::string_view kLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
constexpr std::string_view kXsdString = "http://www.w3.org/2001/XMLSchema#string";

// `v` as a JSON string: N-Triples' escapes are JSON's.
std::string json(std::string_view v) {
  return quoted(v);
}

}  // namespace

JsonLdWriter::JsonLdWriter(const std::vector<Prefix>& prefixes, std::function<void(std::string_view)> write)
    : write_(std::move(write)) {
  for (const auto& p : prefixes) {
    if (!p.name.empty() && p.name != "_" && p.name.find(':') == std::string::npos) prefixes_.push_back(p);
  }
  std::stable_sort(prefixes_.begin(), prefixes_.end(),
                   [](const Prefix& a, const Prefix& b) { return a.iri.size() > b.iri.size(); });
}

void JsonLdWriter::begin() {
  begun_ = true;
  std::vector<Prefix> by_name = prefixes_;
  std::sort(by_name.begin(), by_name.end(), [](const Prefix& a, const Prefix& b) { return a.name < b.name; });
  std::string head = "{\n  \"@context\": {";
  for (std::size_t i = 0; i < by_name.size(); ++i)
    head += (i ? ",\n    " : "\n    ") + json(by_name[i].name) + ": " + json(by_name[i].iri);
  head += by_name.empty() ? "},\n  \"@graph\": [" : "\n  },\n  \"@graph\": [";
  write_(head);
}

std::string JsonLdWriter::compact(std::string_view iri) const {
  for (const auto& p : prefixes_) {
    if (iri.size() <= p.iri.size() || !iri.starts_with(p.iri)) continue;
    const std::string_view rest = iri.substr(p.iri.size());
    if (rest.starts_with("//")) continue;
    return p.name + ":" + std::string(rest);
  }
  return std::string(iri);
}

std::string JsonLdWriter::value(TermRef o) const {
  if (o.kind == TermKind::iri) return "{\"@id\": " + json(compact(o.value)) + "}";
  if (o.kind == TermKind::blank) return "{\"@id\": " + json("_:" + std::string(o.value)) + "}";
  if (!o.lang.empty()) return "{\"@value\": " + json(o.value) + ", \"@language\": " + json(o.lang) + "}";
  if (o.datatype.empty() || o.datatype == kXsdString) return json(o.value);
  if (o.datatype == kLangString) return json(o.value);
  return "{\"@value\": " + json(o.value) + ", \"@type\": " + json(compact(o.datatype)) + "}";
}

void JsonLdWriter::statement(TermRef s, TermRef p, TermRef o) {
  if (!begun_) begin();
  if (s.kind != subject_.kind || s.value != subject_.value) {
    flush_node();
    subject_ = Term(s);
  }
  if (p.value == kRdfType && o.kind == TermKind::iri) {
    std::string t = json(compact(o.value));
    if (std::find(types_.begin(), types_.end(), t) == types_.end()) types_.push_back(std::move(t));
    return;
  }
  std::string key = json(compact(p.value));
  auto it =
      std::find_if(properties_.begin(), properties_.end(), [&](const auto& kv) { return kv.first == key; });
  if (it == properties_.end()) {
    properties_.emplace_back(std::move(key), std::vector<std::string>{});
    it = std::prev(properties_.end());
  }
  it->second.push_back(value(o));
}

void JsonLdWriter::flush_node() {
  if (subject_.kind == TermKind::none) return;
  const std::string id = subject_.kind == TermKind::blank ? "_:" + subject_.value : compact(subject_.value);
  std::string node = std::string(any_node_ ? ",\n    " : "\n    ") + "{\"@id\": " + json(id);
  if (!types_.empty()) {
    node += ", \"@type\": ";
    node += types_.size() == 1 ? types_[0] : "[";
    for (std::size_t i = 0; types_.size() > 1 && i < types_.size(); ++i) node += (i ? ", " : "") + types_[i];
    if (types_.size() > 1) node += "]";
  }
  for (const auto& [key, values] : properties_) {
    node += ", " + key + ": ";
    if (values.size() == 1) {
      node += values[0];
      continue;
    }
    node += "[";
    for (std::size_t i = 0; i < values.size(); ++i) node += (i ? ", " : "") + values[i];
    node += "]";
  }
  node += "}";
  write_(node);
  any_node_ = true;
  subject_ = Term();
  types_.clear();
  properties_.clear();
}

void JsonLdWriter::finish() {
  if (!begun_) begin();
  flush_node();
  write_(any_node_ ? "\n  ]\n}\n" : "]\n}\n");
}

}  // namespace diplograph::detail
