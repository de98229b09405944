// The query engine on a tiny in-memory dataset (MemorySource), independent of Sord.
#include <gtest/gtest.h>

#include <functional>

#include "diplograph/convert.hpp"
#include "diplograph/present.hpp"
#include "diplograph/query.hpp"
#include "tests/helpers.hpp"

using namespace diplograph;

namespace {

const std::string kData = R"(
@prefix dg: <https://w3id.org/diplograph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix : <http://ex.org/> .
:AFG a dg:State ; rdfs:label "Afghanistan" ; skos:notation "AFG" .
:PAK a dg:State ; rdfs:label "Pakistan" ; skos:notation "PAK" .
:CHN a dg:State ; rdfs:label "China" ; skos:notation "CHN" .
:muttaqi a dg:Person ; rdfs:label "Amir Khan Muttaqi" ; dg:represents :AFG .
:dar a dg:Person ; rdfs:label "Mohammad Ishaq Dar" ; dg:represents :PAK .
:sharif a dg:Person ; rdfs:label "Shehbaz Sharif" ; dg:represents :PAK .
:wang a dg:Person ; rdfs:label "Wang Yi" ; dg:represents :CHN .
:call a dg:PhoneCall ; dg:date "2025-05"^^xsd:gYearMonth ; dg:participant :muttaqi , :dar ;
  dcterms:source <http://news/1> ; dg:topic "trade" , "security" .
:visit a dg:Visit ; dg:date "2025-04-19"^^xsd:date ; dg:participant :muttaqi , :dar , :sharif ; dg:topic "trade" .
:tri a dg:Meeting ; dg:date "2025-05-21"^^xsd:date ; dg:participant :muttaqi , :dar , :wang .
:stmt a dg:Statement ; dg:date "2025-05-22"^^xsd:date ; dg:participant :muttaqi , :dar .
:up1 a dg:RelationChange ; dg:date "2021-08"^^xsd:gYearMonth ; dg:sendingState :AFG ; dg:receivingState :PAK ;
  dg:level dg:ChargeDAffaires ; dg:status dg:Effective .
:up2 a dg:RelationChange ; dg:date "2025-05-30"^^xsd:date ; dg:sendingState :AFG ; dg:receivingState :PAK ;
  dg:level dg:Ambassador ; dg:previousLevel dg:ChargeDAffaires ; dg:status dg:Effective .
:up3 a dg:RelationChange ; dg:date "2025-05"^^xsd:gYearMonth ; dg:sendingState :PAK ; dg:receivingState :AFG ;
  dg:level dg:Ambassador ; dg:status dg:Proposed .
:call dg:relationChange :up3 .
)";

struct Fixture : ::testing::Test {
  MemorySource src;
  void SetUp() override { load(kData); }
  void load(const std::string& text) {
    test::Errors errors;
    ReadOptions o;
    o.syntax = Syntax::turtle;
    o.base = "http://ex.org/";
    ASSERT_TRUE(read_rdf_string(ontology_turtle(), "onto", o, src, errors.sink()));
    ASSERT_TRUE(read_rdf_string(text, "data", o, src, errors.sink())) << errors.all[0];
  }
  static std::string cell(const std::string& s) { return s; }
  static std::string cell(const Date& d) { return d.text(); }
  template <class Row, class Field>
  std::vector<std::string> column(const Answer<Row>& a, Field Row::*field) {
    std::vector<std::string> out;
    for (const auto& r : a.rows) out.push_back(cell(r.*field));
    return out;
  }
};

using Met = Fixture;
using Relation = Fixture;

}  // namespace

TEST_F(Met, OneRowPerMeetingAndOtherParticipantSortedByDate) {
  MetOptions o;
  o.actor = "Muttaqi";
  const auto t = query_met(src, o);
  EXPECT_EQ(column(t, &MetRow::date),
            (std::vector<std::string>{"2025-04-19", "2025-04-19", "2025-05", "2025-05-21", "2025-05-21"}));
  EXPECT_EQ(column(t, &MetRow::type),
            (std::vector<std::string>{"Visit", "Visit", "PhoneCall", "Meeting", "Meeting"}));
  for (const auto& r : t.rows) EXPECT_EQ(r.actor, "http://ex.org/muttaqi");  // the statement is no meeting
  EXPECT_EQ(t.rows[2].source, "http://news/1");
  EXPECT_EQ(to_table(t).columns, (std::vector<std::string>{"date", "event", "type", "actor", "actor_label",
                                                           "other", "other_label", "source"}));
}

TEST_F(Met, WithSinceUntilAndTypeFilters) {
  MetOptions o;
  o.actor = "Amir Khan Muttaqi";
  o.with = "Wang";
  EXPECT_EQ(query_met(src, o).rows.size(), 1U);
  o.with.clear();
  o.since = "2025-05-21";
  o.until = "2025-05-21";
  // The month-precision call may have been on that day: it overlaps and is kept.
  EXPECT_EQ(column(query_met(src, o), &MetRow::event),
            (std::vector<std::string>{"http://ex.org/call", "http://ex.org/tri", "http://ex.org/tri"}));
  o.since = "2025-05-10";  // a month-precision event overlaps
  o.until.clear();
  EXPECT_EQ(query_met(src, o).rows.size(), 3U);
  o.since.clear();
  o.types = {"PhoneCall"};
  EXPECT_EQ(query_met(src, o).rows.size(), 1U);
  o.types = {"Statement"};
  EXPECT_EQ(query_met(src, o).rows.size(), 0U);
  o.types = {"NoSuchClass"};
  EXPECT_THROW((void)query_met(src, o), UsageError);
}

TEST_F(Met, WithoutActorEachUnorderedPairOnce) {
  const auto t = query_met(src, {});
  // call: 1 pair, visit: 3, tri: 3
  EXPECT_EQ(t.rows.size(), 7U);
  for (const auto& r : t.rows) EXPECT_LT(r.actor, r.other);
}

TEST_F(Met, StateLevelOneRowPerEventAndPairOfStates) {
  MetOptions o;
  o.state_level = true;
  const auto t = query_met(src, o);
  // call AFG-PAK; visit AFG-PAK once though two Pakistanis took part; tri AFG-PAK, AFG-CHN, CHN-PAK
  EXPECT_EQ(t.rows.size(), 5U);
  const auto c = query_met_counts(src, o);
  ASSERT_FALSE(c.rows.empty());
  EXPECT_EQ(c.rows[0], (MetCount{"http://ex.org/AFG", "Afghanistan", "http://ex.org/PAK", "Pakistan", 3,
                                 Date("2025-04-19"), Date("2025-05-21")}));
  EXPECT_EQ(to_table(c).rows[0][4], "3");
}

TEST_F(Met, AmbiguousAndUnknownNamesAreUsageErrors) {
  MetOptions o;
  o.actor = "Muttaqui";  // misspelt: the closest label is suggested
  try {
    (void)query_met(src, o);
    FAIL() << "expected no match";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("did you mean \"Amir Khan Muttaqi\"?"), std::string::npos)
        << e.what();
  }
  o.actor = "a";  // a part of a word is no whole-word part: no match
  EXPECT_THROW((void)query_met(src, o), UsageError);
  o.actor = "Nobody";
  EXPECT_THROW((void)query_met(src, o), UsageError);
  o.actor = "PAK";                               // alpha-3
  EXPECT_EQ(query_met(src, o).rows.size(), 0U);  // the state itself took part in nothing
}

TEST_F(Met, AnAddedInteractionSubclassCountsWithoutCodeChanges) {
  load(
      R"(@prefix dg: <https://w3id.org/diplograph/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
          @prefix : <http://ex.org/> .
          :VideoSummit rdfs:subClassOf dg:Meeting .
          :v a :VideoSummit ; dg:date "2025-06-01" ; dg:participant :muttaqi , :wang .)");
  MetOptions o;
  o.actor = "Muttaqi";
  o.since = "2025-06";
  const auto t = query_met(src, o);
  ASSERT_EQ(t.rows.size(), 1U);
  EXPECT_EQ(t.rows[0].type, "VideoSummit");
}

TEST(DateRange, ReducedPrecisionOverlaps) {
  EXPECT_TRUE(date_in_range("2025-05", "", "2025-05-31", ""));
  EXPECT_FALSE(date_in_range("2025-05", "", "2025-06-01", ""));
  EXPECT_TRUE(date_in_range("2025", "", "", "2025-01-01"));
  EXPECT_TRUE(date_in_range("2019-02-27", "2019-02-28", "2019-02-28", "2019-02-28"));
  EXPECT_FALSE(date_in_range("2019-02-27", "", "", "2019-02-26"));
}

TEST_F(Relation, HistoryPerDirectionOldestFirst) {
  const auto r = query_relation(src, {"AFG", "Pakistan", ""});
  ASSERT_EQ(r.history.rows.size(), 3U);
  EXPECT_EQ(r.history.rows[0].date, Date("2021-08"));
  EXPECT_EQ(r.history.rows[0].level, Level::charge_d_affaires);
  EXPECT_EQ(r.history.rows[1].sending, "PAK");
  EXPECT_EQ(r.history.rows[1].status, Status::proposed);
  EXPECT_EQ(r.history.rows[1].event, "http://ex.org/call");  // the event that recorded the change
  ASSERT_EQ(r.pending.rows.size(), 1U);
}

TEST_F(Relation, LevelInForceMovesOnlyWithEffectiveChanges) {
  auto at = [&](const std::string& date) { return query_relation(src, {"AFG", "PAK", date}).history.rows; };
  auto before = at("2021-07-31");
  ASSERT_EQ(before.size(), 2U);
  EXPECT_EQ(before[0].level, Level::unknown);
  EXPECT_EQ(before[0].event, "");
  auto mid = at("2025-05-29");
  EXPECT_EQ(mid[0].level, Level::charge_d_affaires);
  EXPECT_EQ(mid[0].status, Status::effective);
  EXPECT_EQ(mid[1].level, Level::unknown);  // PAK->AFG has only a proposal
  auto after = at("2025-05-30");
  EXPECT_EQ(after[0].level, Level::ambassador);
  EXPECT_EQ(after[0].sending, "AFG");
  EXPECT_EQ(after[1].sending, "PAK");
}

TEST_F(Relation, InteractionsByTypeAndTopics) {
  const auto r = query_relation(src, {"AFG", "PAK", ""});
  ASSERT_EQ(r.interactions.rows.size(), 3U);  // Meeting, PhoneCall, Visit
  EXPECT_EQ(r.interactions.rows[1].type, "PhoneCall");
  ASSERT_EQ(r.topics.rows.size(), 2U);
  EXPECT_EQ(r.topics.rows[1], (TopicCount{"trade", 2}));
}

TEST(TableFormats, CsvQuotesAndJsonEscapes) {
  Table t{{"a", "events"}, {{"x,\"y\"", "3"}, {"line\nbreak", "1"}}, {}};
  std::ostringstream csv, json;
  write_table(csv, t, TableFormat::csv);
  write_table(json, t, TableFormat::json);
  EXPECT_EQ(csv.str(), "a,events\r\n\"x,\"\"y\"\"\",3\r\n\"line\nbreak\",1\r\n");
  EXPECT_EQ(json.str(),
            "[\n {\"a\": \"x,\\\"y\\\"\", \"events\": 3},\n {\"a\": \"line\\nbreak\", \"events\": 1}\n]\n");
}

using Paths = Fixture;

TEST_F(Paths, TwoHopsWhereTwoNeverMetButShareACounterpart) {
  // Sharif met Muttaqi (the visit); Wang met Muttaqi and Dar (the trilateral); Sharif never met Wang.
  MetOptions o;
  o.actor = "Sharif";
  o.with = "Wang";
  ASSERT_TRUE(query_met(src, o).rows.empty());
  const auto t = query_path(src, "Sharif", "Wang Yi", 6);
  ASSERT_EQ(t.rows.size(), 2U);
  EXPECT_EQ(t.rows[0].hop, 1U);
  EXPECT_EQ(t.rows[0].actor, "http://ex.org/sharif");
  EXPECT_EQ(t.rows[0].other, t.rows[1].actor);  // the chain is connected
  EXPECT_EQ(t.rows[1].other, "http://ex.org/wang");
  EXPECT_EQ(t.rows[1].event, "http://ex.org/tri");
  EXPECT_EQ(t.rows[0].event, "http://ex.org/visit");  // Sharif's only meeting
  EXPECT_TRUE(query_path(src, "Sharif", "Wang Yi", 1).rows.empty());
}

TEST_F(Paths, ADirectMeetingIsOneHopAndStatementsAreNoLinks) {
  const auto t = query_path(src, "Muttaqi", "Dar", 6);
  ASSERT_EQ(t.rows.size(), 1U);
  EXPECT_EQ(t.rows[0].date, Date("2025-04-19"));  // the earliest meeting of the two
}

TEST_F(Paths, TimelineHasEveryEventByDate) {
  const auto t = query_timeline(src, "Muttaqi", "", "");
  ASSERT_EQ(t.rows.size(), 4U);  // visit, call, trilateral and the statement
  EXPECT_EQ(t.rows[0].type, "Visit");
  EXPECT_EQ(t.rows[3].type, "Statement");
  EXPECT_EQ(t.rows[2].participants,
            (std::vector<std::string>{"Amir Khan Muttaqi", "Mohammad Ishaq Dar", "Wang Yi"}));
  EXPECT_EQ(to_table(t).rows[2][4], "Amir Khan Muttaqi; Mohammad Ishaq Dar; Wang Yi");
  // The statement, and the call known only to May 2025, which may fall on or after the 22nd.
  EXPECT_EQ(query_timeline(src, "Muttaqi", "2025-05-22", "").rows.size(), 2U);
  EXPECT_EQ(query_timeline(src, "Muttaqi", "2025-06", "").rows.size(), 0U);
}

// A source of quads that holds every statement in two graphs and so gives each twice (Sord and
// MemorySource keep one copy of a triple; another store of quads need not).
class Twice : public QuadSource {
 public:
  explicit Twice(const QuadSource& src) : src_(src) {}
  [[nodiscard]] NodeId find(TermRef t) const override { return src_.find(t); }
  [[nodiscard]] TermRef term(NodeId n) const override { return src_.term(n); }
  void match(NodeId s, NodeId p, NodeId o,
             const std::function<bool(NodeId, NodeId, NodeId)>& fn) const override {
    src_.match(s, p, o, [&](NodeId a, NodeId b, NodeId c) { return fn(a, b, c) && fn(a, b, c); });
  }

 private:
  const QuadSource& src_;
};

TEST_F(Paths, StatementsRepeatedInSeveralGraphsCountOnce) {
  const Twice twice(src);
  const EventIndex index(twice);
  MetOptions met;
  met.actor = "Muttaqi";
  EXPECT_EQ(query_met(index, met).rows, query_met(src, met).rows);  // 5 rows, as from one copy
  const auto t = query_timeline(index, "Muttaqi", "", "");
  ASSERT_EQ(t.rows.size(), 4U);
  EXPECT_EQ(t.rows[2].participants,
            (std::vector<std::string>{"Amir Khan Muttaqi", "Mohammad Ishaq Dar", "Wang Yi"}));
  EXPECT_EQ(to_table(t).rows[2][4], "Amir Khan Muttaqi; Mohammad Ishaq Dar; Wang Yi");
  met.actor.clear();
  met.state_level = true;
  const auto counts = query_met_counts(index, met);
  ASSERT_FALSE(counts.rows.empty());
  EXPECT_EQ(counts.rows[0].events, 3U);  // AFG-PAK: the call, the visit, the trilateral
  EXPECT_EQ(query_relation(index, {"AFG", "PAK", ""}).history.rows.size(), 3U);
}

// The same questions over two different sources of the same statements (the in-memory vector
// and a Sord store, with other node numbers and another scan order) give the same rows, and one
// index asked many times answers as it did the first time.
TEST_F(Paths, OneIndexAnswersManyQuestionsAsASordStoreDoes) {
  const EventIndex index(src);
  EXPECT_EQ(index.events(), 7U);  // 4 interactions and statements, 3 relation changes
  Store store;
  ReadOptions o;
  o.syntax = Syntax::turtle;
  o.base = "http://ex.org/";
  test::Errors errors;
  ASSERT_TRUE(store.load_string(ontology_turtle(), "onto", o, errors.sink()));
  ASSERT_TRUE(store.load_string(kData, "data", o, errors.sink()));
  const EventIndex sord(store);
  MetOptions met;
  met.actor = "Dar";
  const auto dar = query_met(sord, met).rows;
  ASSERT_EQ(dar.size(),
            5U);  // the call (Muttaqi), the visit (Muttaqi, Sharif), the trilateral (Muttaqi, Wang)
  EXPECT_EQ(query_timeline(sord, "Wang", "", "").rows.size(), 1U);  // the trilateral
  EXPECT_EQ(query_path(sord, "Sharif", "Wang", 6).rows.size(), 2U);
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(query_met(index, met).rows, dar);
    EXPECT_EQ(query_timeline(index, "Wang", "", "").rows, query_timeline(sord, "Wang", "", "").rows);
    EXPECT_EQ(query_path(index, "Sharif", "Wang", 6).rows, query_path(sord, "Sharif", "Wang", 6).rows);
    EXPECT_EQ(query_relation(index, {"AFG", "PAK", "2025-06"}).history.rows,
              query_relation(sord, {"AFG", "PAK", "2025-06"}).history.rows);
  }
  EXPECT_EQ(query_relation(index, {"AFG", "PAK", "2025-06"}).history.rows.at(0).level, Level::ambassador);
}

// ------------------------------------------------------------------------- validate, stats, dot

using Units = Fixture;

TEST_F(Units, ValidateNamesEachProblemOnce) {
  // The fixture's relation changes stand alone, with no participant: the only problems it has.
  const auto before = validate(src);
  EXPECT_EQ(before, (std::vector<std::string>{"http://ex.org/up1: event without dg:participant",
                                              "http://ex.org/up2: event without dg:participant",
                                              "http://ex.org/up3: event without dg:participant"}));
  load(
      R"(@prefix dg: <https://w3id.org/diplograph/ontology#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
          <http://ex.org/undated> a dg:Meeting ; dg:participant <http://ex.org/nameless> .
          <http://ex.org/nameless> a dg:Person .
          <http://ex.org/odd> a dg:Meeting ; dg:date "2025-02-30"^^xsd:date ; dg:participant <http://ex.org/wang> ;
              dg:frobnicates "x" .)");
  std::vector<std::string> added;
  for (const auto& p : validate(src)) {
    if (std::find(before.begin(), before.end(), p) == before.end()) added.push_back(p);
  }
  EXPECT_EQ(added,
            (std::vector<std::string>{
                "http://ex.org/nameless: actor without rdfs:label",
                "http://ex.org/odd: \"2025-02-30\" is not a valid http://www.w3.org/2001/XMLSchema#date",
                "http://ex.org/undated: event without dg:date",
                "https://w3id.org/diplograph/ontology#frobnicates: not declared in the ontology"}));
}

TEST_F(Units, StatsCountEventsByClassAndActorsByKind) {
  const auto t = query_stats(src, 123);
  const auto value = [&](const std::string& measure, const std::string& key) {
    for (const auto& r : t.rows) {
      if (r.measure == measure && r.key == key) return r.value;
    }
    return std::string("(none)");
  };
  EXPECT_EQ(value("triples", ""), "123");
  EXPECT_EQ(value("events by class", "PhoneCall"), "1");
  EXPECT_EQ(value("events by class", "Statement"), "1");
  EXPECT_EQ(value("actors by kind", "Person"), "4");
  EXPECT_EQ(value("actors by kind", "State"), "3");
}

TEST_F(Units, DotHasOneNodePerActorAndEdgesWeightedByMeetings) {
  std::ostringstream dot;
  write_dot(dot, query_met_counts(src, {}).rows);
  const std::string g = dot.str();
  EXPECT_TRUE(g.starts_with("graph met {"));
  EXPECT_NE(g.find("[label=\"Amir Khan Muttaqi\"]"), std::string::npos) << g;
  // Muttaqi and Dar met three times: the call, the visit, the trilateral.
  EXPECT_NE(g.find("\"http://ex.org/dar\" -- \"http://ex.org/muttaqi\" [label=\"3\""), std::string::npos)
      << g;
  EXPECT_EQ(std::count(g.begin(), g.end(), '\n'), 4 + 4 + 5);  // header 3 lines + close, 4 nodes, 5 pairs
  std::ostringstream rows;  // from the rows, one per meeting and pair: the same weights
  write_dot(rows, query_met(src, {}).rows);
  EXPECT_EQ(rows.str(), g);
}

// The Questions interface every backend implements: the in-memory one answers as the functions
// over an EventIndex do. (An index file and a SPARQL store will run this same comparison.)
TEST_F(Units, TheInMemoryBackendAnswersEveryQuestion) {
  const auto q = questions_in_memory(src);
  const EventIndex index(src);
  MetOptions met;
  met.actor = "Dar";
  EXPECT_EQ(q->met(met).rows, query_met(index, met).rows);
  EXPECT_EQ(q->met(met).rows.size(), 5U);
  met.state_level = true;
  EXPECT_EQ(q->met_counts(met).rows, query_met_counts(index, met).rows);
  EXPECT_EQ(q->relation({"AFG", "PAK", ""}).history.rows.size(), 3U);
  EXPECT_EQ(q->path({"Sharif", "Wang", 6, false}).rows, query_path(index, "Sharif", "Wang", 6).rows);
  EXPECT_EQ(q->timeline({"Muttaqi", "Wang", "", "", false}).rows.size(), 1U);  // only the trilateral
  const auto actors = q->actors("Dar").rows;
  ASSERT_FALSE(actors.empty());
  EXPECT_EQ(actors[0], (ActorRow{"http://ex.org/dar", "Mohammad Ishaq Dar", ActorKind::person, "PAK", 4}));
}
