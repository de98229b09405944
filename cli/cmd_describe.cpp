// diplograph describe: a VoID and DCAT description of the graphs, as a publisher ships it beside them.
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "cli/commands.hpp"
#include "diplograph/convert.hpp"
#include "diplograph/query.hpp"
#include "diplograph/text.hpp"

namespace diplograph::cli {

namespace {

struct Options {
  std::vector<std::string> graphs;
  std::string output = "-", to = "turtle", syntax, base;
  std::string iri, title, description, license, publisher, issued, download_base;
  std::string uri_space{ns::default_base};
};

std::string today() {
  const std::chrono::year_month_day d(
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buf;
}

void check_iri(const std::string& iri, const char* option) {
  if (iri.empty()) return;
  if (const auto why = absolute_iri_problem(iri); !why.empty())
    throw po::error(std::string("--") + option + " \"" + iri + "\": " + why);
}

// Each GRAPH file as a distribution: downloaded from --download-base followed by its name, or
// from its own file: URI.
std::vector<Distribution> distributions(const Options& o) {
  std::vector<Distribution> out;
  for (const auto& g : o.graphs) {
    const std::filesystem::path path = std::filesystem::absolute(g);
    const auto syntax = o.syntax.empty() ? syntax_of_input(g) : syntax_from_name(o.syntax);
    const std::string name = path.filename().string();
    Distribution d;
    d.iri = o.iri + "/distribution/" + name;
    d.download = o.download_base.empty() ? "file://" + path.string() : o.download_base + name;
    d.media_type = syntax ? std::string(syntax_info(*syntax).media_type) : "text/turtle";
    if (text::ascii_lower(name).ends_with(".gz"))
      d.compress_format = "application/gzip";  // read as the plain one
    std::error_code ec;
    d.bytes = std::filesystem::file_size(path, ec);
    out.push_back(std::move(d));
  }
  return out;
}

DescribeOptions describe_options(Options& o) {
  if (o.graphs.empty()) throw po::error("no GRAPH files");
  const std::string stem = std::filesystem::path(o.graphs.front()).stem().string();
  if (o.iri.empty()) o.iri = std::string(ns::default_base) + "dataset/" + stem;
  for (const auto& [iri, option] :
       {std::pair{&o.iri, "iri"}, {&o.license, "license"}, {&o.publisher, "publisher"}})
    check_iri(*iri, option);
  if (!o.issued.empty() && date_datatype(o.issued) != "date")
    throw po::error("--issued takes YYYY-MM-DD, not \"" + o.issued + "\"");
  DescribeOptions d;
  d.iri = o.iri;
  d.title = o.title.empty() ? "Diplomatic events: " + stem : o.title;
  d.description =
      o.description.empty()
          ? "Diplomatic events as RDF under the diplograph diplomacy ontology, made with diplograph."
          : o.description;
  d.license = o.license;
  d.publisher = o.publisher;
  d.issued = o.issued.empty() ? today() : o.issued;
  d.modified = d.issued;
  d.uri_space = o.uri_space;
  d.distributions = distributions(o);
  return d;
}

int describe_graphs(Options& o) {
  const auto syntax = syntax_from_name(o.to);
  if (!syntax) throw po::error("unknown output syntax \"" + o.to + "\" (" + syntax_names(false) + ")");
  const DescribeOptions d = describe_options(o);
  Store store(index_spo);
  if (!load_files(store, o.graphs, o.syntax, o.base)) return bad_input;
  AtomicOutput out(o.output);
  std::vector<Prefix> prefixes = vocabulary_prefixes();
  prefixes.push_back({"void", std::string(ns::void_)});
  prefixes.push_back({"dcat", std::string(ns::dcat)});
  prefixes.push_back({"foaf", std::string(ns::foaf)});
  auto writer = Writer::create(*syntax, out.file(), prefixes);
  describe(store, d, *writer);
  if (!writer->finish()) throw InputError({{o.output, 0, 0}, writer->failure()});
  out.commit();
  return ok;
}

}  // namespace

int run_describe(const std::vector<std::string>& args) {
  return guarded([&]() -> int {
    Options o;
    po::options_description opts("describe options");
    // clang-format off
    opts.add_options()
      ("output,o", po::value(&o.output), "output file (written atomically); standard output if absent")
      ("to,t", po::value(&o.to)->default_value(o.to), "turtle, ntriples, nquads, trig, jsonld")
      ("iri", po::value(&o.iri), "the dataset's IRI (default: https://w3id.org/diplograph/id/dataset/{first GRAPH's stem})")
      ("title", po::value(&o.title), "dcterms:title (English)")
      ("description", po::value(&o.description), "dcterms:description (English)")
      ("license", po::value(&o.license), "dcterms:license: the licence's IRI (e.g. https://creativecommons.org/licenses/by/4.0/)")
      ("publisher", po::value(&o.publisher), "dcterms:publisher: the publisher's IRI")
      ("issued", po::value(&o.issued), "dcterms:issued, YYYY-MM-DD (default: today)")
      ("download-base", po::value(&o.download_base), "where the GRAPH files are published: URL their names follow (default: their file: URIs)")
      ("uri-space", po::value(&o.uri_space)->default_value(o.uri_space), "void:uriSpace: where the dataset's IRIs are minted")
      ("syntax", po::value(&o.syntax), "RDF syntax of every GRAPH (default: by extension)")
      ("base", po::value(&o.base), "base IRI for relative IRIs")
      ("graph", po::value(&o.graphs), "RDF files to describe (gzipped too)");
    // clang-format on
    po::variables_map vm;
    if (!parse(args, "diplograph describe [-o FILE] [--license IRI] [--publisher IRI] GRAPH...", opts,
               "graph", vm))
      return ok;
    return describe_graphs(o);
  });
}

}  // namespace diplograph::cli
