#include <algorithm>
#include <array>

#include "diplograph/rdf.hpp"

namespace diplograph {

namespace {
constexpr std::array<SyntaxInfo, 4> kSyntaxes{{
    {Syntax::turtle, "turtle", ".ttl", "text/turtle", false},
    {Syntax::ntriples, "ntriples", ".nt", "application/n-triples", false},
    {Syntax::nquads, "nquads", ".nq", "application/n-quads", true},
    {Syntax::trig, "trig", ".trig", "application/trig", true},
}};
}  // namespace

const SyntaxInfo& syntax_info(Syntax s) {
  return kSyntaxes.at(static_cast<std::size_t>(s));
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

}  // namespace diplograph
