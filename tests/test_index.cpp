// The persistent index (`diplograph index`): every question answered from the index file
// exactly as from the Turtle it was built from (samples, the ICEWS sample, GDELT, a synthetic
// world), an appended index equal byte for byte to one built at once, a shuffled N-Triples
// copy of a graph indexed to the same bytes, and every way a file can be broken refused with
// exit 2 and a reason, never read out of bounds.
#include <gtest/gtest.h>

#include <atomic>
#include <cstddef>
#include <cstring>
#include <filesystem>
#include <numeric>
#include <random>
#include <set>
#include <thread>

#include "diplograph/bulk.hpp"
#include "diplograph/index_file.hpp"
#include "diplograph/slot_table.hpp"
#include "indexfile/format.hpp"
#include "tests/asked.hpp"
#include "tests/helpers.hpp"

namespace {

using test::indexed;
using test::questions;
using test::run;
using test::synthetic_world;

// Runs each question on the graph and on its index: the outputs must be equal byte for byte.
void expect_same_answers(const std::string& graph, const std::string& index,
                         const std::vector<std::string>& asks) {
  std::size_t answered = 0;  // with rows: the comparison is of something
  for (const auto& ask : asks) {
    const auto a = run(ask + " " + graph), b = run(ask + " " + index);
    answered += a.status == 0 && std::count(a.out.begin(), a.out.end(), '\n') > 1;
    EXPECT_EQ(a.status, b.status) << ask << "\n" << a.err << "\n" << b.err;
    EXPECT_EQ(a.out, b.out) << ask;
    EXPECT_EQ(a.err, b.err) << ask;  // the notes too: what an answer left out, why it is empty
  }
  // + 3: the representation panel is empty on data that records no representation (ICEWS, GDELT)
  EXPECT_GE(answered + 7, asks.size()) << "most questions should have answers with rows";
}

TEST(Index, SamplesAnswerAsTheTurtleDoes) {
  const std::string graph = test::converted(test::samples() + "/*", "index-samples");
  const std::string index = indexed(graph, "samples");
  auto asks = questions("Amir Khan Muttaqi", "AFG", "PAK");
  asks.push_back("query met --actor Muttaqi --format csv");
  asks.push_back("query path --from Muttaqi --to \"Mohammad Ishaq Dar\" --format csv");
  asks.push_back("query relation --between AFG --and PAK --format json");
  expect_same_answers(graph, index, asks);
  const auto r = run("query met --actor Muttaqi " + index);
  EXPECT_NE(r.out.find("Mohammad Ishaq Dar"), std::string::npos) << r.out;
}

TEST(Index, IcewsSampleAnswersAsTheTurtleDoes) {
  const std::string graph = test::converted(test::shared() + "/icews/events.2018.sample.tab", "index-icews");
  const std::string index = indexed(graph, "icews");
  auto asks = questions("Mike Pompeo", "PRK", "USA");
  asks.push_back("query path --from \"Mike Pompeo\" --to \"Kim Jong-Un\" --format csv");
  asks.push_back("query met --actor Russia --level state --count --format csv");
  asks.push_back("query met --actor \"Mike Pompeio\" --format csv");  // did you mean
  expect_same_answers(graph, index, asks);
}

TEST(Index, GdeltAnswersAsTheTurtleDoes) {
  const std::string graph =
      test::converted(test::shared() + "/gdelt/20191024143000.export.CSV", "index-gdelt");
  const std::string index = indexed(graph, "gdelt");
  expect_same_answers(graph, index, questions("Pakistan government", "PAK", "IND"));
}

TEST(Index, SyntheticWorldAnswersAsTheTurtleDoes) {
  const std::string dir = test::scratch("index-world");
  const std::string graph = test::converted(synthetic_world(dir, 7, 600), "index-world");
  const std::string index = indexed(graph, "world");
  expect_same_answers(graph, index, questions("Official 1 of USA", "USA", "RUS"));
}

TEST(Index, AppendedIsTheIndexOfAllAtOnce) {
  const std::string dir = test::scratch("index-append");
  const std::string a = test::converted(synthetic_world(dir, 11, 300), "index-append-a");
  const std::string b = test::converted(test::samples() + "/*", "index-append-b");
  const std::string c = test::converted(test::shared() + "/icews/events.2018.sample.tab", "index-append-c");
  const auto whole = run("index -q -o " + dir + "/whole.idx " + a + " " + b + " " + c);
  ASSERT_EQ(whole.status, 0) << whole.err;
  ASSERT_EQ(run("index -q -o " + dir + "/step.idx " + a).status, 0);
  ASSERT_EQ(run("index -q --append -o " + dir + "/step.idx " + b).status, 0);
  const auto last = run("index -q --append -o " + dir + "/step.idx " + c);
  ASSERT_EQ(last.status, 0) << last.err;
  EXPECT_TRUE(test::read(dir + "/whole.idx") == test::read(dir + "/step.idx"));
  const auto r = run("query met --actor Muttaqi --format csv " + dir + "/step.idx");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("Mohammad Ishaq Dar"), std::string::npos);
}

// Terms spilled in batches of a few kilobytes and statements sorted 1,024 at a time (runs in
// temporary files, merged), built at once and appended: the same index, byte for byte, as
// built in memory.
TEST(Index, SmallBatchesAndRunsMakeTheSameIndex) {
  const std::string dir = test::scratch("index-batches");
  const std::string a = test::converted(synthetic_world(dir, 11, 300), "index-batches-a");
  const std::string b = test::converted(test::samples() + "/*", "index-batches-b");
  const std::string c = test::converted(test::shared() + "/icews/events.2018.sample.tab", "index-batches-c");
  ASSERT_EQ(run("index -q -o " + dir + "/whole.idx " + a + " " + b + " " + c).status, 0);
  diplograph::IndexOptions small;
  small.batch_bytes = 4096;
  small.run_statements = 1024;
  const auto st = diplograph::build_index(dir + "/small.idx", {a, b, c}, small);
  EXPECT_GT(st.terms, 10'000U);  // so many batches were merged
  EXPECT_TRUE(test::read(dir + "/whole.idx") == test::read(dir + "/small.idx"));
  (void)diplograph::build_index(dir + "/step.idx", {a}, small);
  small.append = true;
  (void)diplograph::build_index(dir + "/step.idx", {b}, small);
  (void)diplograph::build_index(dir + "/step.idx", {c}, small);
  EXPECT_TRUE(test::read(dir + "/whole.idx") == test::read(dir + "/step.idx"));
}

// The same statements in another order and syntax make the same index, byte for byte.
TEST(Index, ShuffledNTriplesMakeTheSameIndex) {
  const std::string dir = test::scratch("index-shuffled");
  const std::string input = test::shared() + "/icews/events.2018.sample.tab";
  const auto nt = run("convert --no-progress -t ntriples " + input + " -o " + dir + "/g.nt");
  ASSERT_EQ(nt.status, 0) << nt.err;
  std::vector<std::string> lines;
  std::istringstream in(test::read(dir + "/g.nt"));
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::shuffle(lines.begin(), lines.end(), std::mt19937(5));
  std::string shuffled;
  for (const auto& l : lines) shuffled += l + "\n";
  test::write(dir + "/shuffled.nt", shuffled);
  const std::string ttl = test::converted(input, "index-shuffled-ttl");
  ASSERT_EQ(run("index -q -o " + dir + "/a.idx " + ttl).status, 0);
  ASSERT_EQ(run("index -q -o " + dir + "/b.idx " + dir + "/shuffled.nt").status, 0);
  EXPECT_TRUE(test::read(dir + "/a.idx") == test::read(dir + "/b.idx"));
}

// Every pattern a QuadSource answers (any of subject, predicate, object bound) gives the same
// statements from the index as from a store of the same graph (and the ontology).
// An index of the samples and the ICEWS sample at dir/terms.idx.
void index_terms_of(const std::string& dir, const std::string& name) {
  const std::string graph =
      test::converted(test::samples() + "/* " + test::shared() + "/icews/events.2018.sample.tab", name);
  ASSERT_EQ(run("index -q -o " + dir + "/terms.idx " + graph).status, 0);
}

TEST(Index, TheGraphInTheIndexMatchesEveryPatternAsTheStoreDoes) {
  using namespace diplograph;
  const std::string graph = test::converted(test::samples() + "/*", "index-patterns");
  const std::string index = indexed(graph, "patterns");
  Store store(index_spo | index_ops | index_pos);
  ReadOptions onto;
  onto.syntax = Syntax::turtle;
  onto.base = std::string(ns::dg);
  test::Errors errors;
  ASSERT_TRUE(store.load_string(ontology_turtle(), "diplomacy.ttl", onto, errors.sink()));
  ASSERT_TRUE(store.load_file(graph, {}, errors.sink()));
  const auto file = IndexFile::open(index);
  const QuadSource& src = file->source();
  const auto lines = [](const QuadSource& q, TermRef s, TermRef p, TermRef o) {
    std::set<std::string> out;
    const NodeId ns = s.empty() ? 0 : q.find(s), np = p.empty() ? 0 : q.find(p),
                 no = o.empty() ? 0 : q.find(o);
    if ((!s.empty() && !ns) || (!p.empty() && !np) || (!o.empty() && !no)) return out;
    q.match(ns, np, no, [&](NodeId a, NodeId b, NodeId c) {
      out.insert(to_ntriples(q.term(a)) + " " + to_ntriples(q.term(b)) + " " + to_ntriples(q.term(c)));
      return true;
    });
    return out;
  };
  std::vector<std::array<Term, 3>> all;
  store.match(0, 0, 0, [&](NodeId a, NodeId b, NodeId c) {
    all.push_back({Term(store.term(a)), Term(store.term(b)), Term(store.term(c))});
    return true;
  });
  EXPECT_EQ(file->stats().statements, all.size());
  EXPECT_EQ(lines(src, {}, {}, {}), lines(store, {}, {}, {}));
  for (std::size_t i = 0; i < all.size(); i += 7) {
    const auto& [s, p, o] = all[i];
    for (int mask = 1; mask < 8; ++mask) {
      const TermRef bs = mask & 1 ? s.ref() : TermRef{}, bp = mask & 2 ? p.ref() : TermRef{},
                    bo = mask & 4 ? o.ref() : TermRef{};
      EXPECT_EQ(lines(src, bs, bp, bo), lines(store, bs, bp, bo)) << to_ntriples(s.ref()) << " mask " << mask;
    }
  }
}

// The terms' front coding: what is written reads back (prefixes shared past one byte of
// varint, languages, datatypes past one byte, empty values), and a block cut anywhere is refused
// by the read, never read past.
TEST(Index, FrontCodedTermsReadBackAndCutOnesAreRefused) {
  using diplograph::TermKind;
  namespace idx = diplograph::idx;
  const std::string long_iri = "https://w3id.org/diplograph/id/event/" + std::string(200, 'x');
  const std::string long_p1 = long_iri + "/p1";  // the entries below are views
  const std::vector<idx::Entry4> terms{
      {TermKind::literal, 0, "", ""},       {TermKind::literal, 0, "en", "Iran"},
      {TermKind::literal, 300, "", "Iran"}, {TermKind::literal, 7, "", "Iranian"},
      {TermKind::iri, 0, "", long_iri},     {TermKind::iri, 0, "", long_p1},
      {TermKind::blank, 0, "", "d2_b1"}};
  std::string block, last;
  for (std::size_t i = 0; i < terms.size(); ++i) {
    const std::size_t shared = i == 0 ? 0 : idx::shared_prefix(last, terms[i].value);
    idx::write_front(block, terms[i], shared);
    last = terms[i].value;
  }
  std::size_t at = 0;
  std::string value;
  for (const auto& t : terms) {
    idx::FrontEntry e;
    ASSERT_TRUE(idx::read_front(block, at, e));
    ASSERT_LE(e.shared, value.size());
    value.resize(e.shared);
    value.append(e.rest);
    EXPECT_EQ(e.kind, t.kind);
    EXPECT_EQ(e.datatype, t.datatype);
    EXPECT_EQ(e.lang, t.lang);
    EXPECT_EQ(value, t.value);
  }
  EXPECT_EQ(at, block.size());
  EXPECT_LT(block.size(), 2 * long_iri.size());  // the second IRI is written as its last three bytes
  for (std::size_t cut = 0; cut < block.size(); ++cut) {
    const std::string_view part(block.data(), cut);
    std::size_t from = 0, read = 0;
    idx::FrontEntry e;
    while (read < terms.size() && idx::read_front(part, from, e)) ++read;
    EXPECT_LT(read, terms.size()) << "cut at " << cut;
    EXPECT_LE(from, cut);
  }
}

// Every term of an index is found again by itself, and a term near one (a byte more or less,
// another language or datatype) is found exactly when the index holds it: the binary search
// over the blocks' first terms and the walk within a block, on the samples and the ICEWS sample
// (languages, datatypes, blank nodes).
TEST(Index, EveryTermIsFoundAgainAndNoOther) {
  using namespace diplograph;
  const std::string dir = test::scratch("index-terms");
  index_terms_of(dir, "index-terms");
  const auto file = IndexFile::open(dir + "/terms.idx");
  const QuadSource& src = file->source();
  const std::size_t n = file->stats().terms;
  ASSERT_GT(n, 1000U);
  std::vector<Term> all;
  std::set<std::string> known;
  for (NodeId i = 1; i <= n; ++i) {
    all.emplace_back(src.term(i));
    known.insert(to_ntriples(all.back().ref()));
  }
  ASSERT_EQ(known.size(), n);  // no term twice
  std::size_t near_found = 0;
  for (NodeId i = 1; i <= n; ++i) {
    const TermRef t = all[i - 1].ref();
    ASSERT_EQ(src.find(t), i) << to_ntriples(t);
    std::vector<Term> near;
    const std::string v(t.value);
    near.emplace_back(Term(TermRef{t.kind, v + "0", t.datatype, t.lang}));
    if (!v.empty()) near.emplace_back(Term(TermRef{t.kind, v.substr(0, v.size() - 1), t.datatype, t.lang}));
    if (t.kind == TermKind::literal) {
      near.emplace_back(Term(TermRef{t.kind, v, {}, t.lang.empty() ? "fr" : ""}));
      near.emplace_back(
          Term(TermRef{t.kind, v, t.datatype.empty() ? "http://www.w3.org/2001/XMLSchema#date" : "", {}}));
    }
    for (const Term& m : near) {
      const NodeId found = src.find(m.ref());
      EXPECT_EQ(found != 0, known.count(to_ntriples(m.ref())) == 1) << to_ntriples(m.ref());
      if (found) {
        EXPECT_EQ(to_ntriples(src.term(found)), to_ntriples(m.ref()));
      }
      near_found += found != 0;
    }
  }
  EXPECT_GT(near_found, 0U);  // some neighbours are terms too: both answers are asked
}

// serve's threads share one index: terms decoded by several threads at once, each in its own
// order, read as one thread reads them (and, under ThreadSanitizer, without a race).
TEST(Index, TermsDecodedByManyThreadsAtOnceAgree) {
  using namespace diplograph;
  const std::string dir = test::scratch("index-threads");
  index_terms_of(dir, "index-threads");
  std::vector<std::string> expected;
  {
    const auto file = IndexFile::open(dir + "/terms.idx");
    for (NodeId i = 1; i <= file->stats().terms; ++i) expected.push_back(to_ntriples(file->source().term(i)));
  }
  const auto file = IndexFile::open(dir + "/terms.idx");
  const QuadSource& src = file->source();
  std::atomic<std::size_t> wrong{0};
  std::vector<std::thread> threads;
  for (unsigned k = 0; k < 4; ++k) {
    threads.emplace_back([&, k] {
      std::vector<NodeId> order(expected.size());
      std::iota(order.begin(), order.end(), NodeId{1});
      std::shuffle(order.begin(), order.end(), std::mt19937(k));
      for (NodeId i : order) wrong += to_ntriples(src.term(i)) != expected[i - 1];
      for (NodeId i : order) wrong += to_ntriples(src.term(i)) != expected[i - 1];  // now kept
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(wrong.load(), 0U);
}

// --------------------------------------------------------------------------- raw inputs

std::string sample_index(const std::string& dir);  // an index of the samples, dir/good.idx

// Every statement of an index, as N-Triples lines, sorted.
std::set<std::string> statements_of(const std::string& index) {
  using namespace diplograph;
  const auto file = IndexFile::open(index);
  const QuadSource& q = file->source();
  std::set<std::string> out;
  q.match(0, 0, 0, [&](NodeId a, NodeId b, NodeId c) {
    out.insert(to_ntriples(q.term(a)) + " " + to_ntriples(q.term(b)) + " " + to_ntriples(q.term(c)));
    return true;
  });
  return out;
}

// The statements of one index and not the other, each way (a few of them shown).
void expect_same_statements(const std::string& a, const std::string& b) {
  const auto x = statements_of(a), y = statements_of(b);
  std::vector<std::string> only_a, only_b;
  std::set_difference(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(only_a));
  std::set_difference(y.begin(), y.end(), x.begin(), x.end(), std::back_inserter(only_b));
  only_a.resize(std::min<std::size_t>(only_a.size(), 5));
  only_b.resize(std::min<std::size_t>(only_b.size(), 5));
  EXPECT_TRUE(only_a.empty() && only_b.empty())
      << "only in " << a << ":\n"
      << testing::PrintToString(only_a) << "\nonly in " << b << ":\n"
      << testing::PrintToString(only_b);
  EXPECT_GT(x.size(), 1000U);
}

// `index -o OUT ARGS`, expected to succeed quietly.
void index_ok(const std::string& out, const std::string& args) {
  const auto r = run("index -q -o " + out + " " + args);
  ASSERT_EQ(r.status, 0) << args << "\n" << r.err;
}

// Records indexed as they are read make the index their Turtle makes, byte for byte: every
// format of the shared data and the samples, one at a time and mixed with a graph.
TEST(RawIndex, EveryFormatIndexesToTheBytesOfItsTurtle) {
  const std::string dir = test::scratch("raw-formats"), data = test::shared();
  const std::vector<std::string> inputs{test::samples() + "/seed.jsonl",
                                        test::samples() + "/meetings.jsonl",
                                        test::samples() + "/inter-korean.csv",
                                        data + "/icews/events.2018.sample.tab",
                                        data + "/gdelt/20150218230000.export.CSV",
                                        data + "/gdelt/20151027220000.export.CSV",
                                        data + "/gdelt/20191024143000.export.CSV",
                                        data + "/polecat/ngecEvents.2024-05-26.sample.txt",
                                        data + "/cow/Diplomatic_Exchange_2006v1.excerpt.csv",
                                        synthetic_world(dir, 3, 400)};
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const std::string n = std::to_string(i), ttl = test::converted(inputs[i], "raw-" + n);
    index_ok(dir + "/t" + n + ".idx", ttl);
    index_ok(dir + "/r" + n + ".idx", inputs[i]);
    EXPECT_TRUE(test::read(dir + "/t" + n + ".idx") == test::read(dir + "/r" + n + ".idx")) << inputs[i];
  }
  // several record files are one conversion (one ledger of events), beside a graph
  const std::string both = inputs[1] + " " + inputs[3];
  const std::string graph = test::converted(inputs[0], "raw-graph"), ttl = test::converted(both, "raw-both");
  index_ok(dir + "/mixed-t.idx", graph + " " + ttl);
  index_ok(dir + "/mixed-r.idx", graph + " " + both);
  expect_same_statements(dir + "/mixed-t.idx", dir + "/mixed-r.idx");
  expect_same_answers(dir + "/mixed-t.idx", dir + "/mixed-r.idx", questions("Mike Pompeo", "PRK", "USA"));
}

// What users do to files: gzip them, zip them, shuffle their rows. A packed file indexes as the
// plain one; shuffled rows cite other lines but answer every count alike.
TEST(RawIndex, PackedAndShuffledInputsIndexAlike) {
  const std::string dir = test::scratch("raw-packed");
  const std::string csv = test::shared() + "/gdelt/20191024143000.export.CSV";
  const std::string name = std::string(diplograph::base_name(csv));
  std::filesystem::create_directories(dir + "/z");
  std::filesystem::copy_file(csv, dir + "/z/" + name);
  ASSERT_EQ(std::system(("cd " + dir + "/z && gzip -k " + name + " && zip -q ../packed.zip " + name).c_str()),
            0);
  index_ok(dir + "/plain.idx", csv);
  index_ok(dir + "/gz.idx", dir + "/z/" + name + ".gz");
  index_ok(dir + "/zip.idx", dir + "/packed.zip");
  const auto shown = run("index --progress -o " + dir + "/progress.idx " + dir + "/packed.zip");
  EXPECT_EQ(shown.status, 0) << shown.err;
  EXPECT_NE(shown.err.find("2111 records"), std::string::npos) << shown.err;  // how far, in which file
  EXPECT_NE(shown.err.find("100% of packed.zip"), std::string::npos) << shown.err;
  const std::string plain = test::read(dir + "/plain.idx");
  EXPECT_TRUE(plain == test::read(dir + "/gz.idx"));
  EXPECT_TRUE(plain == test::read(dir + "/zip.idx"));
  index_ok(dir + "/typed.idx", "--from ' GDELT' " + csv);  // a format named loosely
  EXPECT_TRUE(plain == test::read(dir + "/typed.idx"));
  auto lines = test::lines_of(test::read(csv));
  std::shuffle(lines.begin(), lines.end(), std::mt19937(9));
  std::string shuffled;
  for (const auto& l : lines) shuffled += l + "\n";
  std::filesystem::create_directories(dir + "/s");
  test::write(dir + "/s/" + name, shuffled);
  index_ok(dir + "/shuffled.idx", dir + "/s/" + name);
  for (const std::string ask :
       {"query dyads --by year --level state --format csv", "query dyads --by month --format csv",
        "query events --format csv --columns date,event,type,cameo,quad_class,goldstein"}) {
    const auto a = run(ask + " " + dir + "/plain.idx"), b = run(ask + " " + dir + "/shuffled.idx");
    EXPECT_EQ(a.status, 0) << a.err;
    EXPECT_GT(std::count(a.out.begin(), a.out.end(), '\n'), 10) << ask;
    EXPECT_EQ(a.out, b.out) << ask;
  }
}

// Records appended to an index (a new day of events) make the statements, and the answers, of
// one build of everything.
TEST(RawIndex, AppendedRecordsAnswerAsOneBuild) {
  const std::string dir = test::scratch("raw-append");
  const std::string a = synthetic_world(dir, 11, 300), b = test::samples() + "/meetings.jsonl",
                    c = test::shared() + "/icews/events.2018.sample.tab";
  index_ok(dir + "/whole.idx", a + " " + b + " " + c);
  index_ok(dir + "/step.idx", a);
  index_ok(dir + "/step.idx", "--append " + b);
  index_ok(dir + "/step.idx", "--append " + c);
  expect_same_statements(dir + "/whole.idx", dir + "/step.idx");
  auto asks = questions("Mike Pompeo", "PRK", "USA");
  for (const auto& q : questions("Official 1 of USA", "USA", "RUS")) asks.push_back(q);
  expect_same_answers(dir + "/whole.idx", dir + "/step.idx", asks);
}

// Readers asking while an append runs see the index before it or after it, never a mix: the new
// file is renamed into place whole, and an index opened before keeps answering from the old.
TEST(RawIndex, ReadersDuringAnAppendSeeTheOldOrTheNew) {
  const std::string dir = test::scratch("raw-readers");
  const std::string idx = dir + "/events.idx", ask = "query dyads --by year --level state --format csv ";
  index_ok(idx, test::shared() + "/icews/events.2018.sample.tab");
  const auto before = diplograph::IndexFile::open(idx);
  const std::string old_answer = run(ask + idx).out;
  std::atomic<bool> done{false};
  std::vector<std::string> seen;
  std::thread reader([&] {
    const std::string own = test::scratch("raw-readers-asking");
    do {
      seen.push_back(run(ask + idx, own).out);
    } while (!done);
  });
  const auto appended = run("index -q --append -o " + idx + " " + test::shared() + "/gdelt/*.export.CSV");
  done = true;
  reader.join();
  ASSERT_EQ(appended.status, 0) << appended.err;
  const std::string new_answer = run(ask + idx).out;
  ASSERT_NE(old_answer, new_answer);
  ASSERT_FALSE(seen.empty());
  for (const auto& answer : seen) EXPECT_TRUE(answer == old_answer || answer == new_answer);
  EXPECT_EQ(before->stats().events, 3203U);  // opened before: still the old index, whole
  std::uint64_t statements = 0;
  before->source().match(0, 0, 0, [&](diplograph::NodeId, diplograph::NodeId, diplograph::NodeId) {
    ++statements;
    return true;
  });
  EXPECT_EQ(statements, before->stats().statements);
  EXPECT_GT(diplograph::IndexFile::open(idx)->stats().events, 3203U);
}

// A bad record: named with its file and line, exit 2, the index as it was (built or appended
// to); --keep-going indexes the rest and exits 3; a full disk and a missing file are refused.
// A gzipped graph (what convert -o x.nq.gz and --split write) is read as the plain one is, by
// index and query alike.
TEST(RawIndex, GzippedGraphsReadAsPlainOnes) {
  const std::string dir = test::scratch("gz-graphs");
  const std::string plain = dir + "/samples.nq";
  const auto wrote = run("convert --no-progress -t nquads -o " + plain + ".gz " + test::samples() +
                         "/seed.jsonl " + test::samples() + "/meetings.jsonl");
  ASSERT_EQ(wrote.status, 0) << wrote.err;
  ASSERT_EQ(std::system(("gzip -dk " + plain + ".gz").c_str()), 0);
  ASSERT_EQ(run("index -q -o " + dir + "/plain.idx " + plain).status, 0);
  const auto packed = run("index -q -o " + dir + "/packed.idx " + plain + ".gz");
  ASSERT_EQ(packed.status, 0) << packed.err;
  EXPECT_TRUE(test::read(dir + "/plain.idx") == test::read(dir + "/packed.idx"));
  const auto met = run("query met --format csv " + plain);
  ASSERT_EQ(met.status, 0) << met.err;
  EXPECT_GT(test::lines_of(met.out).size(), 10U);
  EXPECT_EQ(run("query met --format csv " + plain + ".gz").out, met.out);
  EXPECT_EQ(run("query met --format csv " + dir + "/packed.idx").out, met.out);
  // through a pipe, where the first bytes cannot be peeked at and put back
  const std::string piped = dir + "/piped.csv";
  ASSERT_EQ(
      std::system(("cat " + plain +
                   ".gz | " DIPLOGRAPH_EXE " query met --format csv --syntax nquads /dev/stdin > " + piped)
                      .c_str()),
      0);
  EXPECT_EQ(test::read(piped), met.out);
}

TEST(RawIndex, ABadRecordLeavesTheIndexAsItWas) {
  const std::string dir = test::scratch("raw-bad");
  const std::string good = sample_index(dir);
  const auto lines = test::lines_of(test::read(test::samples() + "/meetings.jsonl"));
  ASSERT_GT(lines.size(), 4U);
  std::string bad;
  for (std::size_t i = 0; i < lines.size(); ++i)
    bad += (i == 3 ? std::string("{\"id\": broken") : lines[i]) + "\n";
  test::write(dir + "/bad.jsonl", bad);
  test::expect_error(run("index -o " + dir + "/good.idx " + dir + "/bad.jsonl"), 2, dir + "/bad.jsonl:4:");
  EXPECT_TRUE(test::read(dir + "/good.idx") == good);
  test::expect_error(run("index --append -o " + dir + "/good.idx " + dir + "/bad.jsonl"), 2,
                     "--keep-going skips bad records");
  EXPECT_TRUE(test::read(dir + "/good.idx") == good);
  const auto kept = run("index --keep-going -o " + dir + "/kept.idx " + dir + "/bad.jsonl");
  test::expect_error(kept, 3, dir + "/bad.jsonl:4:");
  EXPECT_NE(kept.err.find(" records read, 1 skipped"), std::string::npos) << kept.err;
  const auto kept_events = run("query events --format csv " + dir + "/kept.idx");
  EXPECT_EQ(kept_events.status, 0) << kept_events.err;
  EXPECT_GT(test::lines_of(kept_events.out).size(), 10U);
  test::expect_error(run("index -o /dev/full " + test::samples() + "/seed.jsonl"), 2,
                     "/dev/full: cannot write the index");
  const auto missing = run("index -o " + dir + "/good.idx " + dir + "/none.csv");
  test::expect_error(missing, 2, dir + "/none.csv");
  EXPECT_EQ(missing.err.find("--keep-going"), std::string::npos) << missing.err;
  test::expect_error(run("index -o " + dir + "/x.idx --from bogus " + dir + "/bad.jsonl"), 1,
                     "--from takes jsonl, csv");
  // an index given as an input: refused, the option that appends named, both indexes as they were
  test::expect_error(run("index -o " + dir + "/again.idx " + dir + "/good.idx"), 1,
                     dir +
                         "/good.idx is an index, not an input: to add inputs to an index, append them to it "
                         "(--append)");
  EXPECT_FALSE(std::filesystem::exists(dir + "/again.idx"));
  test::expect_error(run("index --append -o " + dir + "/good.idx " + dir + "/good.idx"), 1, "(--append)");
  EXPECT_TRUE(test::read(dir + "/good.idx") == good);
  // a NUL byte in a row (no RDF term may hold one): refused where it stands, by index and convert
  auto gdelt = test::read(test::shared() + "/gdelt/20191024143000.export.CSV");
  gdelt.insert(gdelt.find('\t', gdelt.find('\n') + 1) + 1, 1, '\0');  // line 2, the date column
  test::write(dir + "/nul.export.CSV", gdelt);
  test::expect_error(run("index -o " + dir + "/good.idx " + dir + "/nul.export.CSV"), 2,
                     dir + "/nul.export.CSV:2:11: a NUL character");
  test::expect_error(run("convert --no-progress " + dir + "/nul.export.CSV -o " + dir + "/nul.ttl"), 2,
                     dir + "/nul.export.CSV:2:11: a NUL character");
  auto csv = test::read(test::samples() + "/inter-korean.csv");
  csv.insert(csv.find('\n') + 3, 1, '\0');
  test::write(dir + "/nul.csv", csv);
  test::expect_error(run("index -o " + dir + "/good.idx " + dir + "/nul.csv"), 2,
                     dir + "/nul.csv:2: a NUL character");
  // a gzipped graph cut short: a read error naming it, never the statements before taken as all
  const std::string graph = test::converted(test::samples() + "/seed.jsonl", "raw-bad-gz");
  ASSERT_EQ(std::system(("gzip -k " + graph).c_str()), 0);
  const std::string gz = test::read(graph + ".gz");
  test::write(dir + "/cut.ttl.gz", gz.substr(0, gz.size() * 2 / 3));
  test::expect_error(run("index -o " + dir + "/good.idx " + dir + "/cut.ttl.gz"), 2, dir + "/cut.ttl.gz:");
  test::expect_error(run("query met " + dir + "/cut.ttl.gz"), 2, dir + "/cut.ttl.gz:");
  test::write(dir + "/trailer.ttl.gz", gz.substr(0, gz.size() - 8));  // whole Turtle, no gzip trailer
  test::expect_error(
      run("query met " + dir + "/trailer.ttl.gz"), 2,
      dir + "/trailer.ttl.gz: cannot read: Input/output error (a gzipped file cut short or corrupt?)");
  test::expect_error(run("index -o " + dir + "/good.idx " + dir + "/trailer.ttl.gz"), 2,
                     "cut short or corrupt");
  EXPECT_TRUE(test::read(dir + "/good.idx") == good);
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos) << entry.path();
}

// --------------------------------------------------------------------------- broken files

std::string sample_index(const std::string& dir) {
  const std::string graph = test::converted(test::samples() + "/*", "index-broken");
  EXPECT_EQ(run("index -q -o " + dir + "/good.idx " + graph).status, 0);
  return test::read(dir + "/good.idx");
}

void expect_refused(const std::string& path, const std::string& why) {
  for (const std::string ask : {"query met --actor Muttaqi ", "actors ", "index --verify "}) {
    const auto r = run(ask + path);
    test::expect_error(r, 2, path + ": ");
    EXPECT_NE(r.err.find(why), std::string::npos) << ask << ": " << r.err;
  }
}

// The build's big buffers (4 MiB and up) are mappings of their own on 2 MiB boundaries; growing
// through them (each growth a new mapping, the old one unmapped) keeps every value.
// The one flat hash table: every key found again at its place, across growth, when every key
// collides, and after clear() none is.
TEST(Index, TheSlotTableFindsEveryPlaceAcrossGrowthAndCollisions) {
  for (const std::uint64_t spread : {std::uint64_t{2654435761U}, std::uint64_t{0}}) {  // 0: one bucket
    std::vector<std::uint64_t> keys;
    diplograph::SlotTable table;
    const auto hash = [&](std::uint64_t k) { return k * spread; };
    for (std::uint64_t k = 0; k < 5000; k += 1) {
      const auto fresh = static_cast<std::uint32_t>(keys.size());
      const auto at = table.find_or_place(
          hash(k * 7), [&](std::uint32_t p) { return keys[p] == k * 7; }, fresh);
      ASSERT_EQ(at, fresh);
      keys.push_back(k * 7);
      if (table.full(keys.size()))
        table.rehash(table.slots() * 2, static_cast<std::uint32_t>(keys.size()),
                     [&](std::uint32_t p) { return hash(keys[p]); });
    }
    EXPECT_GE(table.slots(), 2 * keys.size());
    for (std::uint32_t p = 0; p < keys.size(); ++p) {
      const auto at = table.find_or_place(
          hash(keys[p]), [&](std::uint32_t q) { return keys[q] == keys[p]; }, UINT32_MAX - 1);
      EXPECT_EQ(at, p);
      if (at != p) break;
    }
    table.clear();
    EXPECT_EQ(table.find_or_place(
                  hash(7), [&](std::uint32_t q) { return keys[q] == 7; }, 42U),
              42U);
  }
}

TEST(Index, BulkBuffersKeepWhatTheyHoldAcrossMappings) {
  diplograph::idx::BulkVector<std::uint32_t> numbers;
  for (std::uint32_t i = 0; i < 3'000'000; ++i) numbers.push_back(i * 7U);  // 12 MB, grown ~22 times
  ASSERT_GE(numbers.capacity() * sizeof(std::uint32_t), std::size_t{4} << 20U);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(numbers.data()) % (std::size_t{2} << 20U), 0U);
  std::uint64_t wrong = 0;
  for (std::uint32_t i = 0; i < numbers.size(); ++i) wrong += numbers[i] != i * 7U;
  EXPECT_EQ(wrong, 0U);
  diplograph::idx::BulkString text;
  for (int i = 0; i < 600'000; ++i) text += "term-" + std::to_string(i) + ";";
  EXPECT_EQ(text.substr(0, 14), "term-0;term-1;");
  EXPECT_EQ(text.substr(text.size() - 12), "term-599999;");
  diplograph::idx::BulkVector<std::uint32_t>().swap(numbers);  // unmapped
  EXPECT_EQ(numbers.capacity(), 0U);
}

TEST(Index, TruncatedFilesAreRefused) {
  const std::string dir = test::scratch("index-truncated");
  const std::string good = sample_index(dir);
  for (std::size_t keep :
       {std::size_t{8}, std::size_t{63}, std::size_t{64}, good.size() / 2, good.size() - 1}) {
    test::write(dir + "/cut.idx", good.substr(0, keep));
    expect_refused(dir + "/cut.idx", "truncated");
  }
}

TEST(Index, EveryFlippedByteIsCaught) {
  const std::string dir = test::scratch("index-flipped");
  const std::string good = sample_index(dir);
  std::mt19937 rng(3);
  for (int i = 0; i < 40; ++i) {
    std::string bad = good;
    const std::size_t at = 8 + rng() % (bad.size() - 8);  // the magic is its own test
    bad[at] = static_cast<char>(bad[at] ^ (1 + rng() % 255));
    test::write(dir + "/bad.idx", bad);
    const auto r = run("query met --actor Muttaqi " + dir + "/bad.idx");
    EXPECT_EQ(r.status, 2) << "byte " << at << ": " << r.err;
    EXPECT_NE(r.err.find(dir + "/bad.idx: "), std::string::npos) << r.err;
  }
}

TEST(Index, OtherVersionsAndOtherFilesAreRefused) {
  const std::string dir = test::scratch("index-version");
  const std::string index = sample_index(dir);
  // version 1 (u32 pairs, a hash table of terms), 2 (terms written whole), a later one
  for (const char version : {'\1', '\2', '\4'}) {
    std::string other = index;
    other[8] = version;  // its header checksum made to match, as that writer would have
    const std::uint64_t sum =
        diplograph::idx::checksum(other.data(), offsetof(diplograph::idx::Header, header_checksum));
    std::memcpy(other.data() + offsetof(diplograph::idx::Header, header_checksum), &sum, sizeof sum);
    test::write(dir + "/other.idx", other);
    test::expect_error(run("query met --actor Muttaqi " + dir + "/other.idx"), 2,
                       "an index of format version " + std::to_string(version) +
                           "; this diplograph reads version 3: build it again");
  }
  test::write(dir + "/empty.idx", "");
  test::expect_error(run("query met --actor Muttaqi " + dir + "/empty.idx"), 2, dir + "/empty.idx");
}

// Without the checksums (what a file over 64 MiB gets at open), a corrupt column is still
// never read out of bounds: it is reported as corrupt, naming the file.
TEST(Index, CorruptColumnsAreCaughtByBoundsWithoutChecksums) {
  const std::string dir = test::scratch("index-bounds");
  const std::string good = sample_index(dir);
  std::mt19937 rng(9);
  int refused = 0;
  for (int i = 0; i < 200; ++i) {
    std::string bad = good;
    for (int k = 0; k < 8; ++k) {
      const std::size_t at = 64 + rng() % (bad.size() - 64);
      bad[at] = static_cast<char>(rng());
    }
    test::write(dir + "/bad.idx", bad);
    try {
      const auto f = diplograph::IndexFile::open(dir + "/bad.idx", diplograph::IndexCheck::structure);
      const auto q = f->questions();
      diplograph::MetOptions m;
      (void)q->met_counts(m);
      diplograph::DyadsOptions d;
      (void)q->dyads(d);
      (void)q->actors("Muttaqi");
    } catch (const diplograph::InputError& e) {
      ++refused;
      EXPECT_NE(e.diagnostic().str().find("bad.idx"), std::string::npos);
    } catch (const diplograph::UsageError&) {
    }
  }
  EXPECT_GT(refused, 0);
}

TEST(Index, AFailedBuildLeavesTheIndexAsItWas) {
  const std::string dir = test::scratch("index-atomic");
  const std::string good = sample_index(dir);
  test::write(dir + "/broken.ttl",
              "<http://a> <http://b> <http://c> .\n<http://a> <http://b> \"unterminated .\n");
  const auto r = run("index -o " + dir + "/good.idx " + dir + "/broken.ttl");
  test::expect_error(r, 2, dir + "/broken.ttl:2:");
  EXPECT_TRUE(test::read(dir + "/good.idx") == good);
  const auto append = run("index --append -o " + dir + "/good.idx " + dir + "/broken.ttl");
  test::expect_error(append, 2, dir + "/broken.ttl:2:");
  EXPECT_TRUE(test::read(dir + "/good.idx") == good);
  // a full disk: the write error named, exit 2
  test::expect_error(run("index -o /dev/full " + dir + "/broken.ttl"), 2, "broken.ttl:2:");
  const std::string graph = test::converted(test::samples() + "/seed.jsonl", "index-full");
  test::expect_error(run("index -o /dev/full " + graph), 2, "/dev/full: cannot write the index");
  test::expect_error(run("index --verify " + dir), 2, "not a file");
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos) << entry.path();
}

TEST(Index, UsageErrorsSayWhatToDo) {
  const std::string dir = test::scratch("index-usage");
  sample_index(dir);
  test::expect_error(run("index " + dir + "/good.idx"), 1, "-o FILE is required");
  test::expect_error(run("index -o " + dir + "/x.idx " + dir + "/good.idx"), 1, "--append");
  const std::string graph = test::converted(test::samples() + "/seed.jsonl", "index-usage");
  test::expect_error(run("query met " + dir + "/good.idx " + graph), 1, "opened alone");
  test::expect_error(run("validate " + dir + "/good.idx"), 2, "give it the graphs the index was built from");
  test::expect_error(run("index -q --append -o " + dir + "/none.idx " + graph), 2, "no index to append to");
  // a pipe is read as RDF, its first bytes not taken to look for an index
  const std::string piped = dir + "/piped.csv";
  ASSERT_EQ(std::system(("cat " + graph + " | " + DIPLOGRAPH_EXE +
                         " query met --actor Muttaqi --format csv --syntax turtle " + "/dev/stdin >" + piped)
                            .c_str()),
            0);
  EXPECT_NE(test::read(piped).find("Mohammad Ishaq Dar"), std::string::npos);
  const auto ok = run("index --verify " + dir + "/good.idx");
  EXPECT_EQ(ok.status, 0) << ok.err;
  EXPECT_NE(ok.out.find("a good index"), std::string::npos);
}

}  // namespace
