// diplograph serve: the JSON API through HTTP on loopback, against the command line's answers,
// with bad parameters, unknown and ambiguous names, a store that is down and 50 requests at once.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include "diplograph/index_file.hpp"
#include "diplograph/serve.hpp"
#include "diplograph/sparql.hpp"
#include "tests/asked.hpp"

namespace {

using namespace diplograph;
using test::indexed;
using test::run;

// The ontology and `graph` loaded into `store`, as the command line loads them.
void load_with_ontology(Store& store, const std::string& graph) {
  ReadOptions onto;
  onto.syntax = Syntax::turtle;
  onto.base = std::string(ns::dg);
  test::Errors errors;
  EXPECT_TRUE(store.load_string(ontology_turtle(), "diplomacy.ttl", onto, errors.sink()));
  EXPECT_TRUE(store.load_file(graph, {}, errors.sink())) << (errors.all.empty() ? "" : errors.all.front());
}

// The questions of a graph (in memory) or of an index file, served on a free loopback port.
class Served {
 public:
  explicit Served(const std::string& path, unsigned threads = 8) : Served(path, with_threads(threads)) {}
  Served(const std::string& path, ServeOptions o) {
    o.port = 0;
    if (is_index_file(path)) {
      index_ = IndexFile::open(path);
      questions_ = index_->questions();
    } else {
      load(path);
      questions_ = questions_in_memory(store_);
    }
    start(o);
  }
  explicit Served(std::unique_ptr<Questions> q, ServeOptions o = {}) : questions_(std::move(q)) {
    o.port = 0;
    start(o);
  }
  ~Served() {
    server_->stop();
    thread_.join();
  }
  Served(const Served&) = delete;
  Served& operator=(const Served&) = delete;

  [[nodiscard]] unsigned port() const { return server_->port(); }
  [[nodiscard]] httplib::Client client() const {
    httplib::Client c("127.0.0.1", static_cast<int>(server_->port()));
    c.set_read_timeout(60);
    return c;
  }
  // GET `target`: status and body (status -1 when no answer came).
  [[nodiscard]] std::pair<int, std::string> get(const std::string& target) const {
    auto c = client();
    const auto r = c.Get(target);
    if (!r) return {-1, httplib::to_string(r.error())};
    return {r->status, r->body};
  }

 private:
  void load(const std::string& graph) { load_with_ontology(store_, graph); }
  static ServeOptions with_threads(unsigned threads) {
    ServeOptions o;
    o.threads = threads;
    return o;
  }
  void start(const ServeOptions& o) {
    server_ = Server::create(*questions_, o);
    thread_ = std::thread([this] { server_->run(); });
  }

  Store store_{index_spo};
  std::unique_ptr<IndexFile> index_;
  std::unique_ptr<Questions> questions_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
};

// Words of a command line, quotes removed.
std::vector<std::string> words(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false, any = false;
  for (char c : line) {
    if (c == '"') {
      quoted = !quoted;
      any = true;
    } else if (c == ' ' && !quoted) {
      if (any) out.push_back(cur);
      cur.clear();
      any = false;
    } else {
      cur += c;
      any = true;
    }
  }
  if (any) out.push_back(cur);
  return out;
}

// A command line question as the API's URL: `query met --actor X --count --format csv` is
// /api/met?actor=X&count=1&format=csv; "" for a network format, which the API does not write.
std::string url_of(const std::string& line) {
  const auto w = words(line);
  std::size_t i = w[0] == "query" ? 2 : 1;
  std::string url = "/api/" + (w[0] == "query" ? w[1] : w[0]);
  Params params;
  for (; i < w.size(); ++i) {
    if (!w[i].starts_with("--")) {
      params.emplace_back("q", w[i]);  // actors SEARCH
      continue;
    }
    const std::string name = w[i].substr(2);
    const bool value = i + 1 < w.size() && !w[i + 1].starts_with("--");
    params.emplace_back(name, value ? w[++i] : "1");
  }
  for (std::size_t k = 0; k < params.size(); ++k) {
    if (params[k].first == "format" && params[k].second != "csv" && params[k].second != "json") return "";
    url += (k ? "&" : "?") + params[k].first + "=" + httplib::detail::encode_query_param(params[k].second);
  }
  return url;
}

// Every question asked through the API answers what the command line answers on `graph`: the
// same CSV, byte for byte, or an error (400, or 404 for a name nothing matches) where the
// command line exits 1.
void expect_answers_of_the_command_line(const Served& served, const std::string& graph,
                                        const std::vector<std::string>& asks) {
  for (const auto& ask : asks) {
    const std::string url = url_of(ask);
    if (url.empty()) continue;
    const auto cli = run(ask + " " + graph);
    const auto [status, body] = served.get(url);
    if (cli.status == 0) {
      EXPECT_EQ(status, 200) << url << "\n" << body;
      if (url.find("format=json") == std::string::npos) {
        EXPECT_EQ(body, cli.out) << url;
      } else {  // the command line's JSON rows, in the envelope
        const std::string route = url.substr(5, url.find('?') - 5);
        EXPECT_TRUE(body.starts_with("{\"question\": \"" + route + "\", \"rows\": " + cli.out + ", "))
            << url << "\n"
            << body;
      }
    } else {
      EXPECT_EQ(cli.status, 1) << ask << cli.err;
      EXPECT_TRUE(status == 400 || status == 404) << url << " " << status;
      EXPECT_NE(body.find("\"error\": "), std::string::npos) << body;
    }
  }
}

std::vector<std::string> sample_questions() {
  auto asks = test::questions("Amir Khan Muttaqi", "AFG", "PAK");
  asks.push_back("query met --actor Muttaqi --format csv");
  asks.push_back("query met --actor Korea --format csv");
  asks.push_back("query path --from Muttaqi --to \"Mohammad Ishaq Dar\" --format csv");
  asks.push_back("query path --from \"Kim Jong Un\" --to \"Moon Jae-in\" --via person --format csv");
  asks.push_back("query relation --between AFG --and PAK --format json");
  asks.push_back("query met --actor Muttaqi --format json");
  asks.push_back("actors Mutt --limit 1 --format json");
  // dyads are streamed row by row by the command line, and made a table by the API
  asks.push_back("query dyads --by year --level state --format json");
  asks.push_back("query dyads --by month --columns goldstein_mean,period,actor_code,events --format csv");
  asks.push_back("query dyads --level state --columns period,nope --format csv");
  asks.push_back("query dyads --actor Korea --format csv");
  asks.push_back("query met --actor \"?\" --format csv");  // no letters: fuzz_api found a crash
  return asks;
}

std::string samples_graph() {
  static const std::string graph = test::converted(test::samples() + "/*", "serve-samples");
  return graph;
}

TEST(Serve, EveryQuestionAnswersAsTheCommandLineOnTheSamples) {
  const Served served(samples_graph());
  expect_answers_of_the_command_line(served, samples_graph(), sample_questions());
}

TEST(Serve, AnIndexFileAnswersAsTheCommandLine) {
  const std::string graph = test::converted(test::shared() + "/icews/events.2018.sample.tab", "serve-icews");
  const std::string index = indexed(graph, "icews");
  const Served served(index);
  auto asks = test::questions("Mike Pompeo", "PRK", "USA");
  asks.push_back("query path --from \"Mike Pompeo\" --to \"Kim Jong-Un\" --format csv");
  asks.push_back("query met --actor \"Mike Pompeio\" --format csv");
  expect_answers_of_the_command_line(served, index, asks);
}

TEST(Serve, TheRepresentationPanelAndObservedHistoriesAnswerAsTheCommandLine) {
  const std::string graph = test::converted(
      test::shared() + "/cow/Diplomatic_Exchange_2006v1.excerpt.csv " + test::samples() + "/*", "serve-cow");
  const Served served(graph);
  expect_answers_of_the_command_line(
      served, graph,
      {"query representation --codes cow --format csv",
       "query representation --between AFG --and PAK --format json",
       "query representation --between Narnia --format csv", "query representation --since 19x0 --format csv",
       "query relation --between AFG --and PAK --at 2010-06-01 --format csv"});
  const auto [status, body] = served.get("/api/representation?between=AFG&and=PAK&since=2005&until=2005");
  EXPECT_EQ(status, 200);
  EXPECT_NE(body.find("\"level_at_1\": \"ambassador\""), std::string::npos) << body;
}

TEST(Serve, JsonCarriesTheRowsNotesAndTheRelationsSections) {
  const Served served(samples_graph());
  const auto cli = run("query met --actor Muttaqi --format json " + samples_graph());
  const auto [status, body] = served.get("/api/met?actor=Muttaqi");
  EXPECT_EQ(status, 200);
  EXPECT_EQ(body, "{\"question\": \"met\", \"rows\": " + cli.out + ", \"notes\": []}\n");
  EXPECT_NE(body.find("Mohammad Ishaq Dar"), std::string::npos);

  const auto [rs, rel] = served.get("/api/relation?between=AFG&and=PAK");
  EXPECT_EQ(rs, 200);
  const auto pending = rel.find("\"pending\": ");
  ASSERT_NE(pending, std::string::npos) << rel;
  EXPECT_NE(rel.find("\"status\": \"proposed\"", pending), std::string::npos) << rel;
  EXPECT_NE(rel.find("\"level\": \"ambassador\"", pending), std::string::npos) << rel;
  EXPECT_NE(rel.find("\"interactions\": [\n {\"type\": \"PhoneCall\""), std::string::npos) << rel;
  EXPECT_NE(rel.find("\"topics\": "), std::string::npos) << rel;

  // A note the command line prints on stderr travels in "notes".
  const auto [ts, timeline] = served.get("/api/met?actor=Muttaqi&since=2030");
  EXPECT_EQ(ts, 200);
  EXPECT_NE(timeline.find("\"rows\": []"), std::string::npos) << timeline;
  const auto notes = run("query met --actor Muttaqi --since 2030 " + samples_graph()).err;
  if (!notes.empty()) {
    EXPECT_EQ(timeline.find("\"notes\": []"), std::string::npos) << timeline;
  }
}

TEST(Serve, BadParametersAre400NamingWhatTheyTake) {
  const Served served(samples_graph());
  const std::pair<const char*, const char*> bad[] = {
      {"/api/met?level=country", "level takes person or state, not \\\"country\\\""},
      {"/api/met?bogus=1", "unknown parameter \\\"bogus\\\" (/api/met takes actor, with"},
      {"/api/met?actor=Muttaqi&actor=Dar", "actor is given 2 times"},
      {"/api/met?since=2019-13", "since \\\"2019-13\\\" is not a date: there is no month 13"},
      {"/api/met?since=2019-1", "since takes YYYY-MM-DD, YYYY-MM or YYYY, not \\\"2019-1\\\""},
      {"/api/met?count=maybe", "count takes 1 or 0"},
      {"/api/met?type=Banquet", "unknown event class \\\"Banquet\\\""},
      {"/api/met?format=xml", "format takes json or csv"},
      {"/api/met?columns=date,nope", "no column \\\"nope\\\""},
      {"/api/relation?between=AFG", "and is required (/api/relation takes between, and, at"},
      {"/api/relation?between=AFG&and=PAK&at=yesterday", "at takes YYYY-MM-DD"},
      {"/api/path?from=Muttaqi&to=Dar&max-hops=-1",
       "max-hops takes a whole number from 0 to 100, not \\\"-1\\\""},
      {"/api/path?from=Muttaqi&to=Dar&via=boat", "via takes any or person"},
      {"/api/timeline", "actor is required"},
      {"/api/events?quad-class=5", "quad-class takes 1 (verbal cooperation)"},
      {"/api/events?goldstein=5:x", "goldstein takes MIN:MAX"},
      {"/api/events?cameo=0x", "cameo takes the digits"},
      {"/api/dyads?by=week", "by takes all, year, month or day, not \\\"week\\\""},
      {"/api/dyads?codes=iso2", "codes takes iso3, cow"},
      {"/api/actors?limit=0", "limit takes a whole number from 1"},
      {"/api/met?actor=a%00b", "actor holds a NUL byte (%00)"},
  };
  for (const auto& [url, message] : bad) {
    const auto [status, body] = served.get(url);
    EXPECT_EQ(status, 400) << url << "\n" << body;
    EXPECT_NE(body.find(message), std::string::npos) << url << "\n" << body;
    EXPECT_NE(body.find("\"status\": 400"), std::string::npos) << body;
  }
}

TEST(Serve, AnUnknownActorIs404WithWhatItMightMeanAndAnAmbiguousOne400WithTheCandidates) {
  const Served served(samples_graph());
  const auto [us, unknown] = served.get("/api/met?actor=Muttaki");
  EXPECT_EQ(us, 404) << unknown;
  EXPECT_NE(unknown.find("no actor matches \\\"Muttaki\\\""), std::string::npos) << unknown;
  EXPECT_NE(unknown.find("/api/actors?q=NAME lists the names"), std::string::npos) << unknown;
  EXPECT_NE(unknown.find("{\"iri\": \"https://w3id.org/diplograph/id/person/AFG/amir-khan-muttaqi\", "
                         "\"label\": \"Amir Khan Muttaqi\"}"),
            std::string::npos)
      << unknown;
  const auto [is, iri] = served.get("/api/timeline?actor=https://example.org/nobody");
  EXPECT_EQ(is, 404) << iri;
  EXPECT_NE(iri.find("(/api/actors lists them)"), std::string::npos) << iri;

  const auto [as, ambiguous] = served.get("/api/met?actor=Korea");
  EXPECT_EQ(as, 400) << ambiguous;
  EXPECT_NE(ambiguous.find("\\\"Korea\\\" is ambiguous"), std::string::npos) << ambiguous;
  EXPECT_NE(ambiguous.find("\"label\": \"South Korea\""), std::string::npos) << ambiguous;
  EXPECT_NE(ambiguous.find("\"label\": \"North Korea\""), std::string::npos) << ambiguous;
}

// The query layer names options by name; the API spells them as a URL does, in errors and notes.
TEST(Serve, MessagesAndNotesNameParametersAsAUrlDoes) {
  const Served served(samples_graph());
  const auto [ps, path] = served.get("/api/path?from=Muttaqi&to=Amir%20Khan%20Muttaqi");
  EXPECT_EQ(ps, 200) << path;
  EXPECT_NE(path.find("\"notes\": [\"from and to name the same actor"), std::string::npos) << path;
  const auto [ms, met] = served.get("/api/met?actor=AFG");
  EXPECT_EQ(ms, 200) << met;
  EXPECT_NE(met.find("actor names the state Afghanistan itself"), std::string::npos) << met;
  EXPECT_NE(met.find("(add level=state for every actor that represents it)"), std::string::npos) << met;
  EXPECT_EQ(met.find("--"), std::string::npos) << met;
}

TEST(Serve, WhatIsNotARouteIsAnsweredInJson) {
  const Served served(samples_graph());
  const auto [ns, nope] = served.get("/api/nope");
  EXPECT_EQ(ns, 404);
  EXPECT_NE(nope.find("no route /api/nope (the routes: /api/met, /api/relation"), std::string::npos) << nope;
  EXPECT_EQ(served.get("/nothing/here").first, 404);
  const auto [ls, list] = served.get("/api/");
  EXPECT_EQ(ls, 200);
  EXPECT_NE(list.find("\"route\": \"/api/dyads\""), std::string::npos) << list;

  auto c = served.client();
  const auto post = c.Post("/api/met", "actor=Muttaqi", "application/x-www-form-urlencoded");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_EQ(post->get_header_value("Allow"), "GET, HEAD");
  const auto big = c.Post("/api/met", std::string(200 * 1024, 'x'), "text/plain");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
  const auto [ts, too_long] = served.get("/api/actors?q=" + std::string(9000, 'a'));
  EXPECT_EQ(ts, 414) << too_long;
  EXPECT_NE(too_long.find("the URL is too long"), std::string::npos) << too_long;
  // Still answering after all that.
  EXPECT_EQ(served.get("/api/met?actor=Muttaqi").first, 200);
}

TEST(Serve, ThePageAndItsScriptsAreServedFromTheBinary) {
  const Served served(samples_graph());
  auto c = served.client();
  const auto page = c.Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(page->body.find("<script src=\"d3.min.js\"></script>"), std::string::npos);
  const auto d3 = c.Get("/d3.min.js");
  ASSERT_TRUE(d3);
  EXPECT_EQ(d3->status, 200);
  EXPECT_EQ(d3->body, test::read(DIPLOGRAPH_D3_FILE));  // Debian's libjs-d3, as installed
  const auto js = c.Get("/explorer.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->body, test::read(std::string(SOURCE_DIR) + "/serve/assets/explorer.js"));
}

// 50 requests at once, over 8 workers sharing one graph, answer what each answers alone.
void expect_concurrent_answers(const Served& served) {
  const std::vector<std::string> urls{"/api/met?actor=Muttaqi",
                                      "/api/met?level=state&count=1",
                                      "/api/relation?between=AFG&and=PAK",
                                      "/api/path?from=Muttaqi&to=Mohammad%20Ishaq%20Dar",
                                      "/api/timeline?actor=Kim%20Jong%20Un",
                                      "/api/actors?q=kim",
                                      "/api/events?level=state",
                                      "/api/dyads?by=year&level=state",
                                      "/api/met?actor=Korea",
                                      "/api/met?actor=Muttaki"};
  std::vector<std::pair<int, std::string>> alone;
  for (const auto& u : urls) alone.push_back(served.get(u));
  std::vector<std::future<std::pair<int, std::string>>> at_once;
  for (std::size_t i = 0; i < 50; ++i)
    at_once.push_back(std::async(std::launch::async, [&, i] { return served.get(urls[i % urls.size()]); }));
  for (std::size_t i = 0; i < 50; ++i)
    EXPECT_EQ(at_once[i].get(), alone[i % urls.size()]) << urls[i % urls.size()];
}

TEST(Serve, FiftyRequestsAtOnceAnswerAsOneAtATime) {
  expect_concurrent_answers(Served(samples_graph()));
}

TEST(Serve, FiftyRequestsAtOnceOnAnIndexFile) {
  expect_concurrent_answers(Served(indexed(samples_graph(), "samples")));
}

TEST(Serve, AStoreThatIsDownIs502SayingSo) {
  Endpoint e;
  e.url = "http://127.0.0.1:9/sparql";  // the discard port: nothing listens
  const Served served(questions_at(e));
  const auto [status, body] = served.get("/api/met?actor=Muttaqi");
  EXPECT_EQ(status, 502) << body;
  EXPECT_NE(body.find("http://127.0.0.1:9/sparql"), std::string::npos) << body;
  EXPECT_EQ(served.get("/api/actors").first, 502);
  const auto [linked, why] = served.get("/id/state/AFG");  // a store describes its own resources
  EXPECT_EQ(linked, 501) << why;
  EXPECT_NE(why.find("DESCRIBE"), std::string::npos) << why;
}

// Over the throwaway Virtuoso scripts/test.sh starts (skipped without one): the samples loaded
// into it answer through the API as the command line answers from the Turtle, 50 at once too.
TEST(Serve, AStoreAnswersAsTheTurtleDoes) {
  const char* endpoint = std::getenv("DIPLOGRAPH_TEST_ENDPOINT");
  const char* store = std::getenv("DIPLOGRAPH_TEST_STORE");
  const char* user = std::getenv("DIPLOGRAPH_TEST_USER");
  if (!endpoint || !store || !user) GTEST_SKIP() << "no Virtuoso: scripts/test.sh starts one";
  const std::string iri = "urn:diplograph:test:serve:" + std::to_string(::getpid());
  const auto loaded = run("load --store " + std::string(store) + " --user " + user + " --graph " + iri + " " +
                          samples_graph());
  ASSERT_EQ(loaded.status, 0) << loaded.err;
  Endpoint e;
  e.url = endpoint;
  e.graph = iri;
  const Served served(questions_at(e));
  expect_answers_of_the_command_line(served, samples_graph(), sample_questions());
  expect_concurrent_answers(served);
}

// `diplograph serve` started as a user starts it, its stdout and stderr in files.
pid_t spawn_serve(const std::string& args, const std::string& dir) {
  const pid_t pid = fork();
  if (pid == 0) {
    const std::string cmd =
        "exec " + std::string(DIPLOGRAPH_EXE) + " serve " + args + " >" + dir + "/out 2>" + dir + "/err";
    execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

int exit_status(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(Serve, TheCommandServesUntilSigtermThenExitsZero) {
  const std::string dir = test::scratch("serve-cli");
  const pid_t pid = spawn_serve("--port 0 " + samples_graph(), dir);
  std::string said;
  for (int i = 0; i < 400 && said.find("(the API at /api/") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    said = test::read(dir + "/out");
  }
  const auto colon = said.find("127.0.0.1:");
  ASSERT_NE(colon, std::string::npos) << said << test::read(dir + "/err");
  const int port = std::stoi(said.substr(colon + 10));
  httplib::Client c("127.0.0.1", port);
  const auto r = c.Get("/api/met?actor=Muttaqi&format=csv");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, run("query met --actor Muttaqi --format csv " + samples_graph()).out);
  kill(pid, SIGTERM);
  EXPECT_EQ(exit_status(pid), 0) << test::read(dir + "/err");
}

TEST(Serve, TheCommandRefusesWhatItCannotServe) {
  const std::string dir = test::scratch("serve-bad");
  test::expect_error(run("serve --port 70000 " + samples_graph()), 1,
                     "--port takes a whole number from 0 to 65535, not \"70000\"");
  test::expect_error(run("serve --port 0"), 1, "no GRAPH files (or --endpoint URL: a SPARQL store)");
  test::expect_error(run("serve --port 0 " + dir + "/missing.ttl"), 2, dir + "/missing.ttl");
  test::write(dir + "/broken.ttl", "@prefix dg: <https://w3id.org/diplograph/ontology#> .\n<a> dg:x <b> ;\n");
  test::expect_error(run("serve --port 0 " + dir + "/broken.ttl"), 2, dir + "/broken.ttl:3:");
  const Served busy(samples_graph());
  const std::string port = std::to_string(busy.port());
  test::expect_error(run("serve --port " + port + " " + samples_graph()), 1,
                     "cannot listen on 127.0.0.1:" + port + " (is another server on that port? --port 0");
}

// `diplograph serve` hands over to diplograph-serve beside it; a diplograph copied without it
// says what is missing rather than failing silently.
TEST(Serve, WithoutItsProgramBesideItTheCommandSaysWhatIsMissing) {
  const std::string dir = test::scratch("serve-alone");
  std::filesystem::copy_file(DIPLOGRAPH_EXE, dir + "/diplograph",
                             std::filesystem::copy_options::overwrite_existing);
  const std::string cmd =
      dir + "/diplograph serve --port 0 " + samples_graph() + " > " + dir + "/out 2> " + dir + "/err";
  const int rc = std::system(cmd.c_str());
  EXPECT_EQ(WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, 70);
  EXPECT_NE(test::read(dir + "/err")
                .find("cannot start " + dir + "/diplograph-serve, which answers `diplograph serve`"),
            std::string::npos)
      << test::read(dir + "/err");
}

// Its help lists what it takes, and only that: a server asks many questions, so no --print-sparql.
TEST(Serve, ItsHelpListsWhatItTakes) {
  const auto help = run("serve --help");
  ASSERT_EQ(help.status, 0) << help.err;
  EXPECT_NE(
      help.out.find(
          "diplograph serve [--host ADDRESS] [--port N] [--threads N] (GRAPH... | INDEX | --endpoint URL)"),
      std::string::npos)
      << help.out;
  for (const std::string option : {"--host", "--port", "--threads", "--endpoint", "--graph", "--user"})
    EXPECT_NE(help.out.find(option), std::string::npos) << option << "\n" << help.out;
  EXPECT_EQ(help.out.find("--print-sparql"), std::string::npos) << help.out;
  test::expect_error(run("serve --print-sparql --endpoint http://127.0.0.1:9/sparql"), 1, "print-sparql");
}

}  // namespace

// ------------------------------------------------------------------------- hostile clients

namespace {

// A raw connection to the server: what a browser would not send.
class Raw {
 public:
  explicit Raw(unsigned port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  }
  ~Raw() { ::close(fd_); }
  Raw(const Raw&) = delete;
  Raw& operator=(const Raw&) = delete;
  [[nodiscard]] bool connected() const { return connected_; }
  bool send(const std::string& s) const {
    return ::send(fd_, s.data(), s.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(s.size());
  }
  // What comes until the server closes or `seconds` pass.
  [[nodiscard]] std::string receive(double seconds) const {
    std::string out;
    const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < until) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      char buf[4096];
      const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) break;
      out.append(buf, static_cast<std::size_t>(n));
    }
    return out;
  }

 private:
  int fd_;
  bool connected_ = false;
};

double seconds_for(const std::function<void()>& fn) {
  const auto t0 = std::chrono::steady_clock::now();
  fn();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

TEST(Serve, SixtyFourSlowClientsLeaveEveryOtherRequestAnswered) {
  ServeOptions o;
  o.head_timeout_ms = 1500;  // 5 s by default: shorter here, to see them ended
  const Served served(samples_graph(), o);
  std::vector<std::unique_ptr<Raw>> stalled, trickling;
  for (int i = 0; i < 32; ++i) {
    stalled.push_back(std::make_unique<Raw>(served.port()));
    ASSERT_TRUE(stalled.back()->send("GET /api/met?actor=Muttaqi HTTP/1.1\r\nHost: x\r\n"));  // half a head
    trickling.push_back(std::make_unique<Raw>(served.port()));
    ASSERT_TRUE(trickling.back()->send("GET /api/actors HTTP/1.1\r\n"));
  }
  std::atomic<bool> done{false};
  std::thread trickle([&] {  // one header line every 0.3 s from each, as a slowloris does
    for (int k = 0; k < 20 && !done; ++k) {
      for (auto& t : trickling) (void)t->send("X-Slow-" + std::to_string(k) + ": 1\r\n");
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
    }
  });
  const auto [status, body] = served.get("/api/met?actor=Muttaqi");
  EXPECT_EQ(status, 200) << body;
  for (int k = 0; k < 5; ++k) {
    double took = seconds_for([&] { EXPECT_EQ(served.get("/api/relation?between=AFG&and=PAK").first, 200); });
    EXPECT_LT(took, 1.0) << "a normal request waited behind the slow clients";
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  // Past the head's time, each slow client is told 408 and let go.
  const std::string told = stalled.front()->receive(4.0);
  EXPECT_TRUE(told.starts_with("HTTP/1.1 408 ")) << told;
  EXPECT_NE(told.find("\"status\": 408"), std::string::npos) << told;
  EXPECT_TRUE(trickling.front()->receive(4.0).starts_with("HTTP/1.1 408 "));
  done = true;
  trickle.join();
  EXPECT_EQ(served.get("/api/met?actor=Muttaqi").first, 200);
}

namespace {

// The questions of a graph, each asked slowly: a worker stays busy for `delay`.
class Slow : public Questions {
 public:
  Slow(const std::string& graph, std::chrono::milliseconds delay) : delay_(delay) {
    load_with_ontology(store_, graph);
    q_ = questions_in_memory(store_);
  }
  Answer<MetRow> met(const MetOptions& o) const override { return wait(), q_->met(o); }
  Answer<MetCount> met_counts(const MetOptions& o) const override { return wait(), q_->met_counts(o); }
  RelationReport relation(const RelationOptions& o) const override { return wait(), q_->relation(o); }
  Answer<PathHop> path(const PathOptions& o) const override { return wait(), q_->path(o); }
  Answer<TimelineRow> timeline(const TimelineOptions& o) const override { return wait(), q_->timeline(o); }
  Answer<ActorRow> actors(std::string_view s) const override { return wait(), q_->actors(s); }
  Answer<EventRow> events(const EventsOptions& o) const override { return wait(), q_->events(o); }
  Answer<DyadRow> dyads(const DyadsOptions& o) const override { return wait(), q_->dyads(o); }
  Answer<RepresentationRow> representation(const RepresentationOptions& o) const override {
    return wait(), q_->representation(o);
  }

 private:
  void wait() const { std::this_thread::sleep_for(delay_); }
  Store store_{index_spo};
  std::unique_ptr<Questions> q_;
  std::chrono::milliseconds delay_;
};

}  // namespace

TEST(Serve, AFullQueueIsAnswered503AtOnceNeverLeftHanging) {
  ServeOptions o;
  o.threads = 1;
  o.max_queued = 2;
  const Served served(std::make_unique<Slow>(samples_graph(), std::chrono::milliseconds(600)), o);
  std::vector<std::future<std::pair<int, double>>> asked;
  for (int i = 0; i < 6; ++i) {
    asked.push_back(std::async(std::launch::async, [&] {
      int status = 0;
      const double took = seconds_for([&] { status = served.get("/api/met?actor=Muttaqi").first; });
      return std::pair{status, took};
    }));
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  int ok = 0, busy = 0;
  for (auto& a : asked) {
    const auto [status, took] = a.get();
    if (status == 503) {
      ++busy;
      EXPECT_LT(took, 0.5) << "503 is said at once";
    } else {
      EXPECT_EQ(status, 200);
      ++ok;
    }
  }
  EXPECT_EQ(ok, 3);  // one answering, two queued
  EXPECT_EQ(busy, 3);
  Raw raw(served.port());  // a 503 says when to come back
  std::vector<std::unique_ptr<Raw>> fill;
  for (int i = 0; i < 3; ++i) {  // one answering, two queued: the queue is full
    fill.push_back(std::make_unique<Raw>(served.port()));
    (void)fill.back()->send("GET /api/actors HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  (void)raw.send("GET /api/actors HTTP/1.1\r\nHost: x\r\n\r\n");
  const std::string refused = raw.receive(1.0);
  EXPECT_TRUE(refused.starts_with("HTTP/1.1 503 ")) << refused;
  for (auto& f : fill) EXPECT_TRUE(f->receive(3.0).starts_with("HTTP/1.1 200 "));
  EXPECT_NE(refused.find("Retry-After: 1"), std::string::npos) << refused;
}

TEST(Serve, EveryMethodButGetAndHeadIs405WithOrWithoutABody) {
  const Served served(samples_graph());
  for (const std::string method : {"POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "BREW"}) {
    for (const std::string body : {"", "Content-Length: 0\r\n", "Content-Length: 3\r\n\r\nabc"}) {
      Raw raw(served.port());
      ASSERT_TRUE(raw.connected());
      const std::string head = method + " /api/met HTTP/1.1\r\nHost: x\r\nConnection: close\r\n";
      (void)raw.send(body.ends_with("abc") ? head + body : head + body + "\r\n");
      const std::string reply = raw.receive(2.0);
      EXPECT_TRUE(reply.starts_with("HTTP/1.1 405 ")) << method << " " << body << ":\n" << reply;
      EXPECT_NE(reply.find("Allow: GET, HEAD"), std::string::npos) << reply;
    }
  }
  Raw head(served.port());
  (void)head.send("HEAD /api/met?actor=Muttaqi HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  const std::string reply = head.receive(2.0);
  EXPECT_TRUE(reply.starts_with("HTTP/1.1 200 ")) << reply;
  EXPECT_TRUE(reply.ends_with("\r\n\r\n")) << "HEAD answers no body: " << reply;
}

TEST(Serve, MalformedRequestsAre400OrTheirOwnStatusAndTheServerGoesOn) {
  const Served served(samples_graph());
  const std::vector<std::pair<std::string, std::string>> cases{
      {"GET\r\n\r\n", "400"},
      {"GET /api/met HTTP/2.0\r\n\r\n", "400"},
      {"GET api/met HTTP/1.1\r\n\r\n", "400"},
      {"GET /api/met HTTP/1.1\r\nNo colon here\r\n\r\n", "400"},
      {"GET /api/met HTTP/1.1\r\n folded: x\r\n\r\n", "400"},
      {"GET /api/met HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", "400"},
      {"GET /api/met HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n", "400"},
      {"GET /api/met HTTP/1.1\r\nContent-Length: 999999999\r\n\r\n", "413"},
      {"GET /" + std::string(9000, 'a') + " HTTP/1.1\r\n\r\n", "414"},
  };
  for (const auto& [request, status] : cases) {
    Raw raw(served.port());
    (void)raw.send(request);
    const std::string reply = raw.receive(2.0);
    EXPECT_TRUE(reply.starts_with("HTTP/1.1 " + status + " ")) << request.substr(0, 80) << ":\n" << reply;
    EXPECT_NE(reply.find("\"status\": " + status), std::string::npos) << reply;
  }
  std::string many = "GET /api/met HTTP/1.1\r\n";
  for (int i = 0; i < 150; ++i) many += "X-" + std::to_string(i) + ": 1\r\n";
  Raw raw(served.port());
  (void)raw.send(many + "\r\n");
  EXPECT_TRUE(raw.receive(2.0).starts_with("HTTP/1.1 431 "));
  EXPECT_EQ(served.get("/api/met?actor=Muttaqi").first, 200);
}

TEST(Serve, AShortenedNameAndAPairWithNothingRecordedAnswerAsTheCommandLineDoes) {
  const Served served(samples_graph());
  const auto [status, body] = served.get("/api/met?actor=Amir%20Muttaqi&format=csv");
  EXPECT_EQ(status, 200) << body;
  EXPECT_NE(body.find("Mohammad Ishaq Dar"), std::string::npos) << body;
  const auto [rs, relation] = served.get("/api/relation?between=USA&and=PRK");
  EXPECT_EQ(rs, 200) << relation;
  EXPECT_NE(relation.find("no change of representation between USA and PRK is recorded"), std::string::npos)
      << relation;
  const auto [ds, date] = served.get("/api/met?actor=Muttaqi&until=2018-02-30");
  EXPECT_EQ(ds, 400);
  EXPECT_NE(date.find("is not a date: 2018-02 has 28 days"), std::string::npos) << date;
}

// ------------------------------------------------------------------------- minted IRIs resolve

namespace {

struct Got {
  int status = -1;
  std::string type, body, vary, etag;
};

Got get_as(const Served& served, const std::string& path, const std::string& accept,
           const std::string& etag = "") {
  auto c = served.client();
  httplib::Headers h;
  if (!accept.empty()) h.emplace("Accept", accept);
  if (!etag.empty()) h.emplace("If-None-Match", etag);
  const auto r = c.Get(path, h);
  if (!r) return {};
  return {r->status, r->get_header_value("Content-Type"), r->body, r->get_header_value("Vary"),
          r->get_header_value("ETag")};
}

}  // namespace

TEST(Serve, MintedIrisResolveInTheSyntaxTheClientAsksFor) {
  const std::string index = indexed(samples_graph(), "linked");
  const Served served(index);
  const std::string dir = test::scratch("serve-linked");
  const std::string root = "https://w3id.org/diplograph/";
  for (const std::string path :
       {"/id/person/AFG/amir-khan-muttaqi", "/id/state/AFG", "/id/event/seed/afg-pak-2025-05-call",
        "/id/place/PRK/pyongyang", "/ontology", "/id/dataset/data"}) {
    std::string files;
    for (const auto& [accept, ext] :
         {std::pair{"text/turtle", "ttl"}, std::pair{"application/n-triples", "nt"},
          std::pair{"application/ld+json", "jsonld"}}) {
      const Got g = get_as(served, path, accept);
      ASSERT_EQ(g.status, 200) << path << " " << accept << ": " << g.body;
      EXPECT_EQ(g.type, accept);
      EXPECT_EQ(g.vary, "Accept");
      EXPECT_FALSE(g.etag.empty());
      const std::string file = dir + "/" + std::string(ext) + std::to_string(files.size()) + "." + ext;
      test::write(file, g.body);
      files += " " + file;
    }
    const int rdflib =
        std::system(("/usr/bin/python3 " + std::string(SOURCE_DIR) + "/tests/scripts/check_resource.py " +
                     root + path.substr(1) + files + " > " + dir + "/check 2>&1")
                        .c_str());
    EXPECT_EQ(rdflib, 0) << path << ": " << test::read(dir + "/check");
    const Got page = get_as(served, path, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    EXPECT_EQ(page.type, "text/html; charset=utf-8");
    if (path == "/ontology") continue;  // the ontology's page, as docs/ontology.html
    EXPECT_NE(
        page.body.find("<link rel=\"alternate\" type=\"text/turtle\" href=\"" + path + "?format=ttl\">"),
        std::string::npos);
  }
  const Got person = get_as(served, "/id/person/AFG/amir-khan-muttaqi", "text/html");
  EXPECT_NE(person.body.find("<title>Amir Khan Muttaqi</title>"), std::string::npos);
  EXPECT_NE(person.body.find("<a href=\"/id/state/AFG\">Afghanistan</a>"), std::string::npos) << person.body;
  EXPECT_NE(person.body.find("<a href=\"/id/event/seed/afg-pak-2025-05-call\">"),
            std::string::npos);  // naming it
  EXPECT_NE(person.body.find("/api/timeline?actor="), std::string::npos);
  EXPECT_NE(get_as(served, "/ontology", "text/turtle").body.find("dg:Meeting"), std::string::npos);
  EXPECT_NE(get_as(served, "/ontology", "text/html").body.find("id=\"Meeting\""), std::string::npos);
  EXPECT_EQ(get_as(served, "/shapes", "text/turtle").body,
            test::read(std::string(SOURCE_DIR) + "/ontology/shapes.ttl"));
  const Got context = get_as(served, "/context.jsonld", "");
  EXPECT_EQ(context.body, test::read(std::string(SOURCE_DIR) + "/ontology/context.jsonld"));
  const Got void_ = get_as(served, "/id/dataset/data", "text/turtle");  // what it serves, described
  EXPECT_EQ(void_.status, 200);
  EXPECT_NE(void_.body.find("void:triples"), std::string::npos) << void_.body;
  EXPECT_NE(void_.body.find("dcat:Dataset"), std::string::npos);
  EXPECT_NE(void_.body.find("void:uriSpace \"https://w3id.org/diplograph/id/\""), std::string::npos);
  test::write(dir + "/void.ttl", void_.body);
  EXPECT_EQ(std::system(("rapper -q -i turtle -o ntriples " + dir + "/void.ttl > /dev/null").c_str()), 0);
  const Served memory(samples_graph());  // the graphs in memory describe as the index does
  for (const std::string path : {"/id/person/AFG/amir-khan-muttaqi", "/id/state/PAK"})
    EXPECT_EQ(get_as(memory, path, "application/n-triples").body,
              get_as(served, path, "application/n-triples").body);
}

TEST(Serve, ContentNegotiationHonoursQValuesAndSaysWhatItCannotServe) {
  const Served served(indexed(samples_graph(), "conneg"));
  const std::string state = "/id/state/AFG";
  EXPECT_EQ(get_as(served, state, "").type, "text/turtle");
  EXPECT_EQ(get_as(served, state, "*/*").type, "text/turtle");
  EXPECT_EQ(get_as(served, state, "text/html;q=0.5, application/ld+json;q=0.9").type, "application/ld+json");
  EXPECT_EQ(get_as(served, state, "application/*").type, "application/n-triples");
  EXPECT_EQ(get_as(served, state, "text/*;q=0.3, text/html").type, "text/html; charset=utf-8");
  EXPECT_EQ(get_as(served, state + "?format=jsonld", "text/turtle").type, "application/ld+json");
  EXPECT_EQ(get_as(served, state, "image/png").status, 406);
  EXPECT_EQ(get_as(served, state, "text/turtle;q=0").status, 406);
  const Got first = get_as(served, state, "text/turtle");
  EXPECT_EQ(get_as(served, state, "text/turtle", first.etag).status, 304);
  EXPECT_EQ(get_as(served, state, "application/n-triples", first.etag).status,
            200);  // another body, another tag
  EXPECT_EQ(get_as(served, "/id/state/XXX", "text/turtle").status, 404);
  EXPECT_EQ(get_as(served, "/id/person/a%20b", "text/turtle").status, 404);
  Raw raw(served.port());
  ASSERT_TRUE(raw.send("GET /id/../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
  EXPECT_TRUE(raw.receive(5).starts_with("HTTP/1.1 404")) << "no path outside the minted ones";
  Raw head(served.port());
  ASSERT_TRUE(head.send(
      "HEAD /id/state/AFG HTTP/1.1\r\nHost: x\r\nAccept: text/turtle\r\nConnection: close\r\n\r\n"));
  const std::string answer = head.receive(5);
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 200")) << answer;
  EXPECT_NE(answer.find("Vary: Accept"), std::string::npos);
  EXPECT_TRUE(answer.ends_with("\r\n\r\n")) << "HEAD carries no body";
}
