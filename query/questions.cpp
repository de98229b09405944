// The in-memory backend of the Questions interface: one EventIndex, every question.
#include "diplograph/query.hpp"

namespace diplograph {

namespace {

class MemoryQuestions : public Questions {
 public:
  explicit MemoryQuestions(std::unique_ptr<EventIndex> index) : owned_(std::move(index)), index_(*owned_) {}
  explicit MemoryQuestions(const EventIndex& index) : index_(index) {}
  Answer<MetRow> met(const MetOptions& o) const override { return query_met(index_, o); }
  Answer<MetCount> met_counts(const MetOptions& o) const override { return query_met_counts(index_, o); }
  RelationReport relation(const RelationOptions& o) const override { return query_relation(index_, o); }
  Answer<PathHop> path(const PathOptions& o) const override {
    return query_path(index_, o.from, o.to, o.max_hops, o.people_only);
  }
  Answer<TimelineRow> timeline(const TimelineOptions& o) const override { return query_timeline(index_, o); }
  Answer<ActorRow> actors(std::string_view search) const override { return query_actors(index_, search); }
  Answer<EventRow> events(const EventsOptions& o) const override { return query_events(index_, o); }
  Answer<DyadRow> dyads(const DyadsOptions& o) const override { return query_dyads(index_, o); }
  std::vector<std::string> each_dyad(const DyadsOptions& o,
                                     const std::function<void(const DyadRow&)>& fn) const override {
    return diplograph::each_dyad(index_, o, fn);
  }

 private:
  std::unique_ptr<EventIndex> owned_;
  const EventIndex& index_;
};

}  // namespace

std::vector<std::string> Questions::each_dyad(const DyadsOptions& opts,
                                              const std::function<void(const DyadRow&)>& fn) const {
  auto answer = dyads(opts);
  for (const auto& r : answer.rows) fn(r);
  return std::move(answer.notes);
}

std::unique_ptr<Questions> questions_in_memory(const QuadSource& src) {
  return std::make_unique<MemoryQuestions>(std::make_unique<EventIndex>(src));
}

std::unique_ptr<Questions> questions_over(const EventIndex& index) {
  return std::make_unique<MemoryQuestions>(index);
}

}  // namespace diplograph
