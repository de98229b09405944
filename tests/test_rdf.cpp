// The RDF layer: syntaxes, reading with positions, blank nodes per document, writing, the store.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <thread>

#include "diplograph/rdf.hpp"
#include "rdf/pipeline.hpp"
#include "tests/helpers.hpp"

using namespace diplograph;

namespace {

ReadOptions opts(Syntax s) {
  ReadOptions o;
  o.syntax = s;
  return o;
}

test::Collect parse(std::string_view text, Syntax syntax, test::Errors* errors = nullptr,
                    std::string base = "http://example.org/doc") {
  test::Collect c;
  ReadOptions o;
  o.syntax = syntax;
  o.base = std::move(base);
  test::Errors local;
  read_rdf_string(text, "doc", o, c, (errors ? errors : &local)->sink());
  return c;
}

}  // namespace

TEST(Syntax, ClosedSetWithExtensionsAndMediaTypes) {
  EXPECT_EQ(syntax_from_path("a/b.TTL"), Syntax::turtle);
  EXPECT_EQ(syntax_from_path("x.nq"), Syntax::nquads);
  EXPECT_EQ(syntax_from_path("x.trig"), Syntax::trig);
  EXPECT_EQ(syntax_from_path("x.json"), std::nullopt);
  EXPECT_EQ(syntax_from_name("ntriples"), Syntax::ntriples);
  EXPECT_EQ(syntax_info(Syntax::trig).media_type, "application/trig");
  EXPECT_TRUE(syntax_info(Syntax::nquads).has_graphs);
  EXPECT_FALSE(syntax_info(Syntax::turtle).has_graphs);
}

TEST(Reader, ExpandsPrefixesAndResolvesRelativeIris) {
  auto c = parse("@prefix ex: <http://example.org/ns#> . <a> ex:p <../b/./c> .", Syntax::turtle, nullptr,
                 "http://example.org/x/y");
  ASSERT_EQ(c.lines.size(), 1U);
  EXPECT_EQ(*c.lines.begin(), "<http://example.org/x/a> <http://example.org/ns#p> <http://example.org/b/c>");
}

TEST(Reader, KeepsOnlyThePredicatesAndTypesAQuestionReads) {
  const std::string doc =
      "@prefix : <http://ex.org/> .\n"
      ":e a :Meeting ; :participant :a , :b ; :comment \"x\" ; :part [ a :Participation ; :agent :a ] .\n"
      ":t a :Participation .  :u :type :Participation .\n";
  const std::vector<std::string> predicates{"http://ex.org/participant",
                                            "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"};
  const std::vector<std::string> skip{"http://ex.org/Participation", "http://ex.org/Place"};
  ReadOptions o;
  o.syntax = Syntax::turtle;
  o.predicates = &predicates;
  o.skip_types = &skip;
  test::Collect c;
  test::Errors errors;
  ASSERT_TRUE(read_rdf_string(doc, "doc", o, c, errors.sink()));
  EXPECT_EQ(c.lines,
            (std::set<std::string>{
                "<http://ex.org/e> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://ex.org/Meeting>",
                "<http://ex.org/e> <http://ex.org/participant> <http://ex.org/a>",
                "<http://ex.org/e> <http://ex.org/participant> <http://ex.org/b>"}));
}

TEST(Reader, ReportsSyntaxErrorWithLineAndColumn) {
  test::Errors errors;
  parse("<a> <b> <c> .\n<a> <b> \"unterminated .\n", Syntax::turtle, &errors);
  ASSERT_EQ(errors.all.size(), 1U);
  EXPECT_TRUE(errors.all[0].starts_with("doc:2:")) << errors.all[0];
}

TEST(Reader, RefusesLoneSurrogateEscape) {
  test::Errors errors;
  parse("<http://a> <http://b> \"x\\uD800y\" .\n", Syntax::ntriples, &errors);
  ASSERT_EQ(errors.all.size(), 1U);
  EXPECT_TRUE(errors.all[0].starts_with("doc:1:")) << errors.all[0];
  EXPECT_NE(errors.all[0].find("surrogate"), std::string::npos);
}

TEST(Reader, UndefinedPrefixIsAnError) {
  test::Errors errors;
  parse("<a> nope:p <c> .", Syntax::turtle, &errors);
  EXPECT_EQ(errors.all.size(), 1U);
}

TEST(Reader, FileErrorsNameTheFile) {
  const auto dir = test::scratch("reader-file");
  test::write(dir + "/bad.ttl", "@prefix ex: <http://e/> .\n\nex:a ex:b ex:c ;\n  ex:d .\n");
  test::Collect c;
  test::Errors errors;
  EXPECT_FALSE(read_rdf_file(dir + "/bad.ttl", {}, c, errors.sink()));
  ASSERT_EQ(errors.all.size(), 1U);
  EXPECT_TRUE(errors.all[0].starts_with(dir + "/bad.ttl:4:")) << errors.all[0];
  EXPECT_FALSE(read_rdf_file(dir + "/missing.ttl", {}, c, errors.sink()));
  EXPECT_NE(errors.all.back().find("cannot open"), std::string::npos);
}

TEST(Reader, FilePathsAreNotUris) {
  // A name with a percent sign and a space: opened as a path, never percent-decoded.
  const auto dir = test::scratch("reader-path");
  test::write(dir + "/a%20b c.nt", "<http://a> <http://b> <http://c> .\n");
  test::Collect c;
  test::Errors errors;
  EXPECT_TRUE(read_rdf_file(dir + "/a%20b c.nt", {}, c, errors.sink()));
  EXPECT_EQ(c.lines.size(), 1U);
}

TEST(Store, KeepsBlankNodesOfEachDocumentApart) {
  Store store;
  test::Errors errors;
  ASSERT_TRUE(store.load_string("_:b1 <http://p> \"one\" .", "a.nt", opts(Syntax::ntriples), errors.sink()));
  ASSERT_TRUE(store.load_string("_:b1 <http://p> \"two\" .", "b.nt", opts(Syntax::ntriples), errors.sink()));
  test::Collect c;
  store.write(c);
  ASSERT_EQ(c.lines.size(), 2U);
  std::set<std::string> subjects;
  for (const auto& l : c.lines) subjects.insert(l.substr(0, l.find(' ')));
  EXPECT_EQ(subjects.size(), 2U);
}

TEST(Store, RefusesLanguageTagsSordWouldTruncate) {
  Store store;
  test::Errors errors;
  EXPECT_FALSE(store.load_string("<http://a> <http://b> \"x\"@en-GB-oxendict-abcdef .\n", "t.nt",
                                 opts(Syntax::ntriples), errors.sink()));
  ASSERT_EQ(errors.all.size(), 1U);
  EXPECT_TRUE(errors.all[0].starts_with("t.nt:1:")) << errors.all[0];
  EXPECT_TRUE(store.load_string("<http://a> <http://b> \"x\"@en-GB .\n", "u.nt", opts(Syntax::ntriples),
                                errors.sink()));
}

TEST(Store, MatchesPatternsThroughQuadSource) {
  Store store;
  test::Errors errors;
  ASSERT_TRUE(store.load_string(
      "<http://s> <http://p> <http://o1>, <http://o2> . <http://t> <http://p> <http://o1> .", "m.ttl",
      opts(Syntax::turtle), errors.sink()));
  const QuadSource& src = store;
  EXPECT_EQ(src.objects(src.iri("http://s"), src.iri("http://p")).size(), 2U);
  EXPECT_EQ(src.subjects(src.iri("http://p"), src.iri("http://o1")).size(), 2U);
  EXPECT_EQ(src.subjects(src.iri("http://p"), src.iri("http://none")).size(), 0U);
}

class WriterRoundTrip : public ::testing::TestWithParam<Syntax> {};

TEST_P(WriterRoundTrip, SameTriplesInEverySyntax) {
  const std::string text =
      "@prefix ex: <http://example.org/> .\n"
      "ex:a ex:p \"x\\\"y\\nz\" , \"2018-06-12\"^^<http://www.w3.org/2001/XMLSchema#date> , \"hi\"@en ;\n"
      "  ex:q _:n1 , ex:b . _:n1 ex:r \"caf\xC3\xA9\" .\n";
  auto original = parse(text, Syntax::turtle);
  const auto dir = test::scratch("roundtrip");
  const std::string path = dir + "/out" + std::string(syntax_info(GetParam()).extension);
  {
    AtomicOutput out(path);
    auto w = Writer::create(GetParam(), out.file(), {{"ex", "http://example.org/"}});
    ReadOptions o;
    o.syntax = Syntax::turtle;
    test::Errors errors;
    ASSERT_TRUE(read_rdf_string(text, "doc", o, *w, errors.sink()));
    ASSERT_TRUE(w->finish());
    out.commit();
  }
  test::Collect back;
  test::Errors errors;
  ASSERT_TRUE(read_rdf_file(path, {}, back, errors.sink())) << (errors.all.empty() ? "" : errors.all[0]);
  EXPECT_EQ(back.lines, original.lines);
}

INSTANTIATE_TEST_SUITE_P(AllSyntaxes, WriterRoundTrip,
                         ::testing::Values(Syntax::turtle, Syntax::ntriples, Syntax::nquads, Syntax::trig));

TEST(AtomicOutput, UncommittedLeavesExistingFileUntouched) {
  const auto dir = test::scratch("atomic");
  const std::string path = dir + "/keep.ttl";
  test::write(path, "original");
  {
    AtomicOutput out(path);
    std::fputs("partial", out.file());
  }
  EXPECT_EQ(test::read(path), "original");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), {}), 1);  // no temporary left
  {
    AtomicOutput out(path);
    std::fputs("complete", out.file());
    out.commit();
  }
  EXPECT_EQ(test::read(path), "complete");
}

// `-o /dev/null` once replaced the device with a file (renamed over it): devices and pipes are
// written in place. Tested on a FIFO, so that a regression cannot break the machine's /dev/null.
TEST(AtomicOutput, DevicesAndPipesAreWrittenInPlaceNotReplaced) {
  const auto dir = test::scratch("atomic-fifo");
  const std::string fifo = dir + "/pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string received;
  std::thread reader([&] { received = test::read(fifo); });
  {
    AtomicOutput out(fifo);
    std::fputs("through the pipe", out.file());
    out.commit();
  }
  reader.join();
  EXPECT_EQ(received, "through the pipe");
  EXPECT_TRUE(std::filesystem::is_fifo(fifo));
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), {}), 1);  // no temporary left
}

TEST(AtomicOutput, ASymbolicLinkStillPointsWhereItDid) {
  const auto dir = test::scratch("atomic-link");
  test::write(dir + "/real.ttl", "old");
  std::filesystem::create_symlink(dir + "/real.ttl", dir + "/link.ttl");
  {
    AtomicOutput out(dir + "/link.ttl");
    std::fputs("new", out.file());
    out.commit();
  }
  EXPECT_TRUE(std::filesystem::is_symlink(dir + "/link.ttl"));
  EXPECT_EQ(test::read(dir + "/real.ttl"), "new");
}

TEST(AtomicOutput, UnwritableDirectoryIsAnInputError) {
  EXPECT_THROW(AtomicOutput("/nonexistent-dir/x.ttl"), InputError);
}

TEST(Store, RefusesNulWhichSordCannotHoldButWritersKeepIt) {
  const std::string text = "<http://a> <http://b> \"x\\u0000y\" .\n";
  Store store;
  test::Errors errors;
  EXPECT_FALSE(store.load_string(text, "n.nt", opts(Syntax::ntriples), errors.sink()));
  ASSERT_EQ(errors.all.size(), 1U);
  EXPECT_TRUE(errors.all[0].starts_with("n.nt:1:25: ")) << errors.all[0];
  // Streaming, the NUL survives a round trip through the writer.
  const auto dir = test::scratch("nul");
  {
    AtomicOutput out(dir + "/n.nt");
    auto w = Writer::create(Syntax::ntriples, out.file());
    ASSERT_TRUE(read_rdf_string(text, "n.nt", opts(Syntax::ntriples), *w, errors.sink()));
    ASSERT_TRUE(w->finish());
    out.commit();
  }
  test::Collect back;
  ASSERT_TRUE(read_rdf_file(dir + "/n.nt", {}, back, errors.sink()));
  ASSERT_EQ(back.lines.size(), 1U);
  EXPECT_EQ(*back.lines.begin(), "<http://a> <http://b> \"x\\u0000y\"");
}

TEST(Store, StringsOfReadersNeedNotBeTerminated) {
  // Found by fuzz_rdf: Sord read past blank node labels that were not NUL-terminated.
  const std::string trig = "{ _:o <http://p> _:o2 . _:s <http://p> _:o . [ <http://p> ( _:o ) ] . }\n";
  Store store(index_spo | index_ops, true);
  test::Errors errors;
  ASSERT_TRUE(store.load_string(trig, "t.trig", opts(Syntax::trig), errors.sink()));
  EXPECT_EQ(store.size(), 5U);  // three statements, and the list's rdf:first and rdf:rest
}

// ------------------------------------------------------------------------- the loading pipeline

namespace {

struct Counting : QuadSink {
  std::vector<std::string> subjects;
  void quad(TermRef s, TermRef, TermRef o, TermRef) override {
    subjects.emplace_back(s.value);
    EXPECT_EQ(o.datatype, "http://www.w3.org/2001/XMLSchema#integer");
  }
};

// Writes `n` statements with numbered subjects (enough to fill many batches).
bool numbered(QuadSink& out, int n) {
  for (int i = 0; i < n; ++i) {
    const std::string s = "http://ex.org/s" + std::to_string(i);
    out.quad(TermRef::iri(s), TermRef::iri("http://ex.org/p"),
             TermRef::literal(std::to_string(i), "http://www.w3.org/2001/XMLSchema#integer"), {});
  }
  return true;
}

}  // namespace

TEST(Pipeline, EveryQuadArrivesInOrder) {
  Counting sink;
  test::Errors errors;
  const bool ok = detail::pipelined([](QuadSink& out, const ErrorSink&) { return numbered(out, 50000); },
                                    sink, errors.sink());
  EXPECT_TRUE(ok);
  ASSERT_EQ(sink.subjects.size(), 50000U);
  EXPECT_EQ(sink.subjects.front(), "http://ex.org/s0");
  EXPECT_EQ(sink.subjects[31337], "http://ex.org/s31337");
  EXPECT_TRUE(errors.all.empty());
}

TEST(Pipeline, DiagnosticsAndFailureReachTheCaller) {
  Counting sink;
  test::Errors errors;
  const bool ok = detail::pipelined(
      [](QuadSink& out, const ErrorSink& report) {
        numbered(out, 10);
        report({{"f.ttl", 3, 7}, "bad thing"});
        return false;
      },
      sink, errors.sink());
  EXPECT_FALSE(ok);
  EXPECT_EQ(sink.subjects.size(), 10U);  // what was read before the error is delivered
  ASSERT_EQ(errors.all.size(), 1U);
  EXPECT_EQ(errors.all[0], "f.ttl:3:7: bad thing");
}

TEST(Pipeline, ExceptionsOnEitherSideEndTheLoadWithoutHanging) {
  Counting sink;
  test::Errors errors;
  auto reader_throws = [](QuadSink& out, const ErrorSink& report) -> bool {
    numbered(out, 20000);
    report({{"f.nt", 9, 1}, "seen before the failure"});
    throw std::runtime_error("reader failed");
  };
  EXPECT_THROW(detail::pipelined(reader_throws, sink, errors.sink()), std::runtime_error);
  EXPECT_EQ(errors.all, std::vector<std::string>{"f.nt:9:1: seen before the failure"});

  struct Throwing : QuadSink {
    void quad(TermRef, TermRef, TermRef, TermRef) override { throw std::runtime_error("store failed"); }
  } refusing;
  // The reader goes on writing far more than the queue holds: it must not wait for room forever.
  EXPECT_THROW(detail::pipelined([](QuadSink& out, const ErrorSink&) { return numbered(out, 200000); },
                                 refusing, errors.sink()),
               std::runtime_error);
}

// An empty error sink is allowed everywhere (read_rdf_file took one, Store::load_file threw
// std::bad_function_call on it): the load still says whether it worked.
TEST(Store, LoadFileTakesAnEmptyErrorSink) {
  const auto dir = test::scratch("empty-sink");
  test::write(dir + "/bad.ttl", "<http://ex.org/a> <http://ex.org/b> .\n");
  test::write(dir + "/good.ttl", "<http://ex.org/a> <http://ex.org/b> <http://ex.org/c> .\n");
  Store store;
  ReadOptions o;
  o.syntax = Syntax::turtle;
  EXPECT_FALSE(store.load_file(dir + "/bad.ttl", o, ErrorSink{}));
  EXPECT_TRUE(store.load_file(dir + "/good.ttl", o, ErrorSink{}));
  EXPECT_EQ(store.size(), 1U);
}
