// The SPARQL text of each question: the patterns that select what a question is about, and the
// queries that return those statements or the store's own counts. Pure text, no I/O: the tests
// read it, --print-sparql prints it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diplograph/query.hpp"

namespace diplograph::sparql {

/// A SELECT query and the variables its rows are read by.
struct Query {
  std::string text;
  std::vector<std::string> vars;
};

/// A string as a SPARQL literal ("..." with escapes), and an IRI as <...>.
[[nodiscard]] std::string literal(std::string_view text);
[[nodiscard]] std::string iri(std::string_view text);

/// The subjects a question reads besides its events.
struct Roles {
  bool participants = true;     ///< the events' participants, and the states they represent
  bool systems = false;         ///< the states' memberships of state systems (COW, G-W codes by year)
  bool participations = false;  ///< the events' participation records (roles: directed dyads)
};

/// What selects a question's events (each field optional): the pattern binds ?e.
struct Selection {
  std::vector<std::string> classes;  ///< one of these classes (IRIs; subclasses listed already)
  std::string actor, with;           ///< took part (IRIs); at state level, or one of its officials
  bool state_level = false;
  std::string since, until;           ///< the date rule of date_in_range, exactly
  std::vector<std::string> frontier;  ///< took part: any of these actors (paths, hop by hop)
};

/// The pattern binding ?e to the events `sel` selects.
[[nodiscard]] std::string events_pattern(const Selection& sel);

/// The statements (?s ?p ?o) with one of `predicates` (empty: any) of the events `pattern` binds
/// (?e), and of their participants and the states those represent, as `roles` say.
[[nodiscard]] Query statements(const std::string& graph, const std::string& pattern, const Roles& roles,
                               const std::vector<std::string>& predicates);

/// The events `pattern` binds (?e) with what rows of people read of them, in rows of two kinds:
/// the event's values (?e ?type ?when ?until ?source, and ?title, its label, when `titles`), one
/// row per combination; and its participants (?e ?who ?name), one row per participant and label,
/// leaving out `known` (an actor every selected event has, whose statements the caller holds).
/// The same statements as statements() brings, read as a join, which a store answers several
/// times faster than it lists each subject's statements.
[[nodiscard]] Query joined(const std::string& graph, const std::string& pattern, bool titles,
                           const std::string& known);

/// The pattern binding ?e to an event with the smallest date and one with the greatest (a note
/// says where the data's events lie when none lies in the dates asked).
[[nodiscard]] std::string extremes_pattern(const std::vector<std::string>& event_classes);

/// The class tree (every rdfs:subClassOf statement) and every statement of the actors `names`
/// could name by lookup: IRIs, state codes (ISO alpha-3), exact labels; and of the states those
/// represent.
[[nodiscard]] Query names(const std::string& graph, const std::vector<std::string>& names);

/// The labels (rdfs:label statements, ?s ?p ?o) of `iris`.
[[nodiscard]] Query labels(const std::string& graph, const std::vector<std::string>& iris);

/// What `actors` and loosely typed names need of every actor: types, labels, codes, sectors,
/// what each represents, who took part in what.
[[nodiscard]] Query catalogue(const std::string& graph, const std::vector<std::string>& actor_classes);

/// Who met whom counted by the store: ?a ?b ?n ?first ?last per pair of participants (their
/// states at state level) of the events `sel` selects; ?a < ?b as the store orders strings.
[[nodiscard]] Query met_pairs(const std::string& graph, const Selection& sel,
                              const std::vector<std::string>& interactions, bool state_level,
                              const std::vector<std::string>& state_classes);

/// What the representation panel reads, as three selections of ?e: the evidence (observations
/// and changes: a sending and a receiving state and a level; of A, or of A and B, when given),
/// the states it names, and their memberships of the state systems.
[[nodiscard]] std::vector<std::string> representation_patterns(const std::string& a, const std::string& b);

/// The pattern binding ?e to what the relation between states `a` and `b` reads: the changes of
/// representation each way, the events reporting them, and the interactions between their actors.
[[nodiscard]] std::string relation_pattern(const std::string& a, const std::string& b,
                                           const std::vector<std::string>& interactions);

}  // namespace diplograph::sparql
