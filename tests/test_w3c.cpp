// The W3C RDF 1.1 syntax test suites (Turtle, N-Triples, N-Quads, TriG), run from their
// manifests through diplograph's own loading layer. Positive and eval tests must load, eval
// tests with exactly the expected statements (blank node labels aside); negative tests must be
// refused with a FILE:LINE:COL diagnostic.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <regex>

#include "diplograph/rdf.hpp"
#include "tests/helpers.hpp"

using namespace diplograph;

namespace {

constexpr std::string_view kMf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr std::string_view kRdft = "http://www.w3.org/ns/rdftest#";

std::string s(std::string_view a, std::string_view b) {
  return std::string(a) + std::string(b);
}

struct Case {
  std::string name, type, action, result;
};

// The manifest's entries, in order (an rdf:List walked from mf:entries).
std::vector<Case> entries(const std::string& dir, std::string& base) {
  MemorySource m;
  test::Errors errors;
  ReadOptions o;
  o.base = "file://" + dir + "/manifest.ttl";
  EXPECT_TRUE(read_rdf_file(dir + "/manifest.ttl", o, m, errors.sink()));
  const NodeId first = m.iri(s(kRdf, "first")), rest = m.iri(s(kRdf, "rest")), nil = m.iri(s(kRdf, "nil"));
  const NodeId manifest = m.subjects(m.iri(s(kRdf, "type")), m.iri(s(kMf, "Manifest"))).at(0);
  base = std::string(m.value(manifest, m.iri(s(kMf, "assumedTestBase"))));
  std::vector<Case> out;
  for (NodeId l = m.object(manifest, m.iri(s(kMf, "entries"))); l && l != nil; l = m.object(l, rest)) {
    const NodeId e = m.object(l, first);
    Case c;
    c.name = std::string(m.value(e, m.iri(s(kMf, "name"))));
    c.type = std::string(m.value(e, m.iri(s(kRdf, "type"))));
    c.type = c.type.substr(c.type.find('#') + 1);
    auto file = [&](std::string_view prop) {
      const std::string uri(m.value(e, m.iri(s(kMf, prop))));
      return uri.empty() ? uri : uri.substr(uri.find_last_of('/') + 1);
    };
    c.action = file("action");
    c.result = file("result");
    out.push_back(std::move(c));
  }
  return out;
}

// Statements as N-Triples/N-Quads lines with blank node labels blanked, sorted: equal multisets
// mean the same statements up to the naming of blank nodes (enough for these suites).
std::vector<std::string> canonical(const test::Collect& c) {
  static const std::regex blank("_:[^ ]+");
  std::vector<std::string> out;
  for (const auto& l : c.lines) out.push_back(std::regex_replace(l, blank, "_:"));
  std::sort(out.begin(), out.end());
  return out;
}

// Runs one case; returns what went wrong, or empty when it passed.
std::string run(const std::string& dir, const std::string& base, const Case& c) {
  const std::string path = dir + "/" + c.action;
  test::Collect got;
  test::Errors errors;
  ReadOptions o;
  o.base = base + c.action;
  o.blank_prefix = "a";
  const bool ok = read_rdf_file(path, o, got, errors.sink());
  if (c.type.find("Negative") != std::string::npos) {
    if (ok) return "accepted a negative test";
    static const std::regex positioned(".+:[0-9]+:[0-9]+: .+");
    if (!std::regex_match(errors.all.at(0), positioned))
      return "refused without FILE:LINE:COL: " + errors.all[0];
    return {};
  }
  if (!ok) return "refused: " + errors.all.at(0);
  if (c.type.find("Eval") == std::string::npos) return {};
  test::Collect want;
  ReadOptions r;
  r.base = base + c.result;
  r.blank_prefix = "b";
  if (!read_rdf_file(dir + "/" + c.result, r, want, errors.sink())) return "expected result unreadable";
  return canonical(got) == canonical(want) ? std::string() : "statements differ from " + c.result;
}

class W3c : public ::testing::TestWithParam<const char*> {};

std::size_t total_passed = 0;
std::size_t total_run = 0;

// Prints the count over every suite run by this process.
class Report : public ::testing::Environment {
 public:
  void TearDown() override {
    std::printf("W3C RDF 1.1 syntax tests (Turtle, N-Triples, N-Quads, TriG): %zu/%zu passed\n", total_passed,
                total_run);
  }
};

const auto* const report = ::testing::AddGlobalTestEnvironment(new Report);

}  // namespace

TEST_P(W3c, EveryTestOfTheSuitePasses) {
  const std::string dir = test::shared() + "/w3c-rdf-tests/" + GetParam();
  std::string base;
  const auto cases = entries(dir, base);
  ASSERT_FALSE(cases.empty());
  std::size_t passed = 0;
  for (const auto& c : cases) {
    const std::string problem = run(dir, base, c);
    if (problem.empty())
      ++passed;
    else
      ADD_FAILURE() << GetParam() << " " << c.name << " (" << c.type << "): " << problem;
  }
  std::printf("%s: %zu/%zu W3C tests passed\n", GetParam(), passed, cases.size());
  total_passed += passed;
  total_run += cases.size();
  EXPECT_EQ(passed, cases.size());
}

INSTANTIATE_TEST_SUITE_P(Rdf11, W3c,
                         ::testing::Values("rdf-turtle", "rdf-n-triples", "rdf-n-quads", "rdf-trig"),
                         [](const auto& param_info) {
                           std::string n = param_info.param;
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });
