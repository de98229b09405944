#include <algorithm>
#include <array>
#include <string>

#include "diplograph/rdf.hpp"
#include "diplograph/text.hpp"
#include "diplograph/vocab.hpp"

namespace diplograph {

namespace {
constexpr std::array<SyntaxInfo, 5> kSyntaxes{{
    {Syntax::turtle, "turtle", ".ttl", "text/turtle", false, true},
    {Syntax::ntriples, "ntriples", ".nt", "application/n-triples", false, true},
    {Syntax::nquads, "nquads", ".nq", "application/n-quads", true, true},
    {Syntax::trig, "trig", ".trig", "application/trig", true, true},
    {Syntax::jsonld, "jsonld", ".jsonld", "application/ld+json", false, false},
}};
}  // namespace

const SyntaxInfo& syntax_info(Syntax s) {
  return kSyntaxes.at(static_cast<std::size_t>(s));
}

std::string syntax_names(bool read) {
  std::string out;
  for (const auto& info : kSyntaxes) {
    if (read && !info.readable) continue;
    out += (out.empty() ? "" : ", ") + std::string(info.name);
  }
  return out;
}

std::optional<Syntax> syntax_from_name(std::string_view name) {
  for (const auto& info : kSyntaxes) {
    if (info.name == name || info.extension.substr(1) == name) return info.syntax;
  }
  return std::nullopt;
}

std::optional<Syntax> syntax_from_path(std::string_view path) {
  auto dot = path.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string ext(path.substr(dot));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto& info : kSyntaxes) {
    if (info.extension == ext) return info.syntax;
  }
  return std::nullopt;
}

std::optional<Syntax> syntax_of_input(std::string_view path) {
  const auto dot = path.rfind('.');
  if (dot != std::string_view::npos && text::ascii_lower(path.substr(dot)) == ".gz")
    return syntax_from_path(path.substr(0, dot));
  return syntax_from_path(path);
}

std::vector<Prefix> vocabulary_prefixes() {
  return {
      {"dg", std::string(ns::dg)},   {"rdf", std::string(ns::rdf)},         {"rdfs", std::string(ns::rdfs)},
      {"xsd", std::string(ns::xsd)}, {"owl", std::string(ns::owl)},         {"skos", std::string(ns::skos)},
      {"geo", std::string(ns::geo)}, {"dcterms", std::string(ns::dcterms)}, {"wd", std::string(ns::wd)}};
}

std::vector<Prefix> minted_prefixes(std::string_view base) {
  auto out = vocabulary_prefixes();
  for (const char* space :
       {"event", "observation", "person", "org", "actor", "region", "state", "mission", "place", "graph"})
    out.push_back({space, std::string(base) + space + "/"});
  return out;
}

}  // namespace diplograph
