// Opening what a user named: graph files in memory, an index file in place, a store over HTTP.
#include "diplograph/backends.hpp"

#include <algorithm>
#include <fstream>

#include "diplograph/index_file.hpp"
#include "diplograph/tables.hpp"
#include "diplograph/text.hpp"
#include "diplograph/vocab.hpp"

namespace diplograph {

namespace {

class InMemory : public Backend {
 public:
  [[nodiscard]] const Questions& questions() const override { return *questions_; }
  bool load(const Sources& s, Question q, const ErrorSink& errors) {
    if (!load_graphs(store_, s.graphs, s.syntax, s.base, q, errors)) return false;
    questions_ = questions_in_memory(store_);
    return true;
  }

 private:
  Store store_{index_spo};  // the questions look up through the EventIndex, not by object
  std::unique_ptr<Questions> questions_;
};

class Indexed : public Backend {
 public:
  explicit Indexed(const std::string& path)
      : index_(IndexFile::open(path)), questions_(index_->questions()) {}
  [[nodiscard]] const Questions& questions() const override { return *questions_; }

 private:
  std::unique_ptr<IndexFile> index_;
  std::unique_ptr<Questions> questions_;
};

class AtStore : public Backend {
 public:
  AtStore(const Endpoint& e, bool record)
      : questions_(record ? questions_recorded(e, recorded_) : questions_at(e)) {}
  [[nodiscard]] const Questions& questions() const override { return *questions_; }
  [[nodiscard]] const std::vector<std::string>& recorded() const override { return recorded_; }

 private:
  std::vector<std::string> recorded_;  // before questions_, which records into it
  std::unique_ptr<Questions> questions_;
};

// Why a file named without an RDF extension is not read; a file named .idx is not an index.
std::string unknown_syntax(const std::string& f) {
  std::string rdf = "unknown RDF syntax (extension .ttl, .nt, .nq or .trig, or " + option_ref("syntax") + ")";
  if (!text::ascii_lower(f).ends_with(".idx")) return rdf;
  std::ifstream in(f, std::ios::binary);
  std::string head(64, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  const std::string build = "`diplograph index -o FILE GRAPH...` builds one";
  if (!in.good() && head.empty()) return "an empty file, not a diplograph index (" + build + ")";
  const auto start = head.find_first_not_of(" \t\r\n");
  const bool rdf_text = start != std::string::npos &&
                        (head.compare(start, 7, "@prefix") == 0 || head.compare(start, 5, "@base") == 0 ||
                         head[start] == '<' || head[start] == '#');
  if (rdf_text)
    return "not a diplograph index but RDF text: name it .ttl or .nt, or give " + option_ref("syntax");
  return "not a diplograph index (an index file starts with its own signature; " + build + ")";
}

std::unique_ptr<Backend> open_store(const Sources& s) {
  if (!s.graphs.empty())
    throw UsageError("give GRAPH files or " + option_ref("endpoint", "URL") +
                     ", not both (load the files into the store with `diplograph load --store URL FILE...`)");
  return std::make_unique<AtStore>(*s.store, s.record);
}

}  // namespace

const std::vector<std::string>& Backend::recorded() const {
  static const std::vector<std::string> none;
  return none;
}

std::unique_ptr<Backend> open_backend(const Sources& s, Question q, const ErrorSink& errors) {
  if (s.store) return open_store(s);
  if (s.record)
    throw UsageError(option_ref("print-sparql") + " prints the SPARQL sent to a store: it needs " +
                     option_ref("endpoint", "URL") + " (GRAPH files are answered here, with no SPARQL)");
  if (s.graphs.empty())
    throw UsageError("no GRAPH files (or " + option_ref("endpoint", "URL") + ": a SPARQL store)");
  const auto index =
      std::find_if(s.graphs.begin(), s.graphs.end(), [](const auto& g) { return is_index_file(g); });
  if (index == s.graphs.end()) {
    auto memory = std::make_unique<InMemory>();
    if (!memory->load(s, q, errors)) return nullptr;
    return memory;
  }
  if (s.graphs.size() > 1)
    throw UsageError(
        *index + " is an index, which is opened alone: to add graphs to it, `diplograph index --append -o " +
        *index + " GRAPH...`");
  return std::make_unique<Indexed>(*index);
}

bool load_graphs(Store& store, const std::vector<std::string>& files, const std::optional<Syntax>& syntax,
                 const std::string& base, Question q, const ErrorSink& errors, std::size_t* ontology_size) {
  ReadOptions onto;
  onto.syntax = Syntax::turtle;
  onto.base = std::string(ns::dg);
  if (!store.load_string(ontology_turtle(), "diplomacy.ttl", onto, errors)) return false;
  if (ontology_size) *ontology_size = store.size();
  return load_files(store, files, syntax, base, q, errors);
}

bool load_files(Store& store, const std::vector<std::string>& files, const std::optional<Syntax>& syntax,
                const std::string& base, Question q, const ErrorSink& errors, std::string_view for_index) {
  for (const auto& f : files) {
    ReadOptions opts;
    if (!graph_file(f, syntax, base, for_index, opts, errors)) return false;
    keep_only_what(q, opts);
    if (!store.load_file(f, opts, errors)) return false;
  }
  return true;
}

bool graph_file(const std::string& f, const std::optional<Syntax>& syntax, const std::string& base,
                std::string_view for_index, ReadOptions& opts, const ErrorSink& errors) {
  if (is_index_file(f)) {
    errors({{f, 0, 0}, "an index file: " + std::string(for_index)});
    return false;
  }
  opts.syntax = syntax ? syntax : syntax_of_input(f);
  if (!opts.syntax) {
    errors({{f, 0, 0}, unknown_syntax(f)});
    return false;
  }
  opts.base = base;
  return true;
}

bool is_graph_input(const std::string& input, const std::optional<Syntax>& syntax) {
  return syntax.has_value() || syntax_of_input(input).has_value();
}

namespace {

struct RecordsStopped {};  // a bad record ended the conversion: reported already, the build abandoned

}  // namespace

IndexResult index_inputs(const std::string& path, const std::vector<std::string>& inputs, IndexJob job,
                         const ErrorSink& errors) {
  std::vector<std::string> graphs, records;
  for (const auto& input : inputs) {
    if (is_index_file(input))
      throw UsageError(input + " is an index, not an input: to add inputs to an index, append them to it (" +
                       option_ref("append") + ")");
    (is_graph_input(input, job.index.syntax) ? graphs : records).push_back(input);
  }
  if (job.map.base.empty()) job.map.base = ns::default_base;
  if (!records.empty()) check_map_options(job.map);
  IndexResult result;
  if (!records.empty()) {
    job.index.records = [&](QuadSink& sink) {
      const ConvertResult r = convert_into(records, job.convert, job.map, sink, errors, job.starting);
      result.records = r.stats;
      if (!r.written) throw RecordsStopped{};
    };
  }
  try {
    result.index = build_index(path, graphs, job.index);
  } catch (const RecordsStopped&) {
    return result;
  }
  result.written = true;
  return result;
}

}  // namespace diplograph
