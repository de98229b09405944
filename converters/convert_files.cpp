// A conversion job (convert_files): inputs through one mapper into files written atomically.
#include <algorithm>
#include <cctype>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "diplograph/convert.hpp"

namespace diplograph {

namespace {

// The output: one file, or numbered files of at most `split` statements each (out.nq ->
// out.0001.nq, out.0002.nq, ...). Every file stays a temporary one until commit(), so a failed
// conversion leaves none behind.
class Outputs : public QuadSink {
 public:
  Outputs(OutputOptions options, std::vector<Prefix> prefixes)
      : options_(std::move(options)), prefixes_(std::move(prefixes)) {
    open();
  }
  void quad(TermRef s, TermRef p, TermRef o, TermRef g) override {
    if (options_.split && in_part_ == options_.split) {
      finish();
      open();
    }
    writer_->quad(s, p, o, g);
    ++in_part_;
  }
  void commit() {
    finish();
    for (auto& f : files_) f->commit();
  }
  [[nodiscard]] std::uint64_t count() const { return count_ + (writer_ ? writer_->count() : 0); }
  [[nodiscard]] std::size_t files() const { return files_.size(); }

 private:
  [[nodiscard]] std::string part_name(std::size_t k) const {
    if (!options_.split) return options_.path;
    std::string stem = options_.path, gz;
    if (stem.ends_with(".gz")) stem.resize(stem.size() - 3), gz = ".gz";
    const auto dot = stem.find_last_of("./");
    std::string ext = dot != std::string::npos && stem[dot] == '.' ? stem.substr(dot) : "";
    stem.resize(stem.size() - ext.size());
    std::string n = std::to_string(k);
    if (n.size() < 4) n.insert(0, 4 - n.size(), '0');
    return stem + "." + n + ext + gz;
  }
  void open() {
    const std::string name = part_name(files_.size() + 1);
    files_.push_back(std::make_unique<AtomicOutput>(name, name.ends_with(".gz")));
    writer_ = Writer::create(options_.syntax, files_.back()->file(), prefixes_);
    in_part_ = 0;
  }
  void finish() {
    if (!writer_->finish()) throw InputError({{part_name(files_.size()), 0, 0}, writer_->failure()});
    count_ += writer_->count();
    writer_.reset();
  }
  OutputOptions options_;
  std::vector<Prefix> prefixes_;
  std::vector<std::unique_ptr<AtomicOutput>> files_;
  std::unique_ptr<Writer> writer_;
  std::uint64_t in_part_ = 0, count_ = 0;
};

}  // namespace

void check_map_options(const MapOptions& map) {
  if (const std::string why = absolute_iri_problem(map.base); !why.empty())
    throw OptionError(option_ref("base") + " \"" + map.base + "\": " + why);
  if (!map.base.ends_with('/') && !map.base.ends_with('#'))
    throw OptionError(option_ref("base") + " \"" + map.base + "\" must end in '/' or '#' (try \"" + map.base +
                      "/\")");
  const std::string& name = map.dataset;
  const bool ok = std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
  if (!ok || name == "." || name == ".." || name.starts_with('.'))
    throw OptionError(option_ref("dataset") + " \"" + name +
                      "\": use letters, digits, '-', '_' and '.' (e.g. \"summits-2019\")");
}

namespace {

// Counts what passes to the sink behind it.
class Counted : public QuadSink {
 public:
  explicit Counted(QuadSink& out) : out_(out) {}
  void quad(TermRef s, TermRef p, TermRef o, TermRef g) override {
    out_.quad(s, p, o, g);
    ++count_;
  }
  [[nodiscard]] std::uint64_t count() const { return count_; }

 private:
  QuadSink& out_;
  std::uint64_t count_ = 0;
};

// Every input through one mapper (and one ledger of the events written) into `out`.
bool convert_all(const std::vector<std::string>& inputs, ConvertOptions& opts, Mapper& mapper,
                 const ErrorSink& errors, const std::function<void(const std::string&)>& starting,
                 ConvertStats& stats) {
  EventLedger ledger;
  if (!opts.ledger) opts.ledger = &ledger;
  for (const auto& input : inputs) {
    if (starting) starting(input);
    if (!convert_file(input, opts, mapper, errors, stats)) return false;
  }
  return true;
}

}  // namespace

ConvertResult convert_files(const std::vector<std::string>& inputs, ConvertOptions opts,
                            const MapOptions& map, const OutputOptions& output, const ErrorSink& errors,
                            const std::function<void(const std::string&)>& starting) {
  opts.named_graphs = syntax_info(output.syntax).has_graphs;
  Outputs out(output, Mapper::prefixes(map));
  Mapper mapper(out, map);
  ConvertResult result;
  if (!convert_all(inputs, opts, mapper, errors, starting, result.stats)) return result;
  out.commit();
  result.triples = out.count();
  result.files = out.files();
  result.written = true;
  return result;
}

ConvertResult convert_into(const std::vector<std::string>& inputs, ConvertOptions opts, const MapOptions& map,
                           QuadSink& sink, const ErrorSink& errors,
                           const std::function<void(const std::string&)>& starting) {
  Counted out(sink);
  Mapper mapper(out, map);
  ConvertResult result;
  result.written = convert_all(inputs, opts, mapper, errors, starting, result.stats);
  result.triples = out.count();
  return result;
}

}  // namespace diplograph
