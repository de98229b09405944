// The filters `query events` and `query dyads` share: who took part, dates, classes, CAMEO
// codes, quad classes and Goldstein scores, applied to the events of an EventIndex.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "query/index.hpp"

namespace diplograph {

class EventFilter {
 public:
  EventFilter(const EventIndex& index, const EventsOptions& opts);

  /// The event's quad class (1-4): its own (GDELT's QuadClass), else its CAMEO code's, else its
  /// class's dg:cameoRoot in the ontology; 0 for none (worked out when the index was built).
  [[nodiscard]] int quad(Id e) const;
  /// Whether the event passes every filter, given its quad class.
  [[nodiscard]] bool wanted(Id e, int quad) const;
  /// The actors --actor and --with name (their states at state level), or no_id.
  [[nodiscard]] Id actor() const { return actor_; }
  [[nodiscard]] Id with() const { return with_; }

 private:
  [[nodiscard]] bool of_class(Id e) const;
  [[nodiscard]] bool coded(Id e, int quad) const;

  const EventIndex::Impl& x_;
  const EventsOptions& opts_;
  Id actor_ = no_id, with_ = no_id;
  std::vector<NodeId> classes_;
};

}  // namespace diplograph
