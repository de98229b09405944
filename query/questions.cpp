// The in-memory backend of the Questions interface: one EventIndex, every question.
#include "diplograph/query.hpp"

namespace diplograph {

namespace {

// Every question of one EventIndex: one line each (a new question adds one here).
class MemoryQuestions : public Questions {
 public:
  explicit MemoryQuestions(std::unique_ptr<EventIndex> index) : owned_(std::move(index)), index_(*owned_) {}
  MemoryQuestions(const EventIndex& index, CorruptionReport corrupt)
      : index_(index), corrupt_(std::move(corrupt)) {}
  Answer<MetRow> met(const MetOptions& o) const override {
    return guard([&] { return query_met(index_, o); });
  }
  Answer<MetCount> met_counts(const MetOptions& o) const override {
    return guard([&] { return query_met_counts(index_, o); });
  }
  RelationReport relation(const RelationOptions& o) const override {
    return guard([&] { return query_relation(index_, o); });
  }
  Answer<PathHop> path(const PathOptions& o) const override {
    return guard([&] { return query_path(index_, o.from, o.to, o.max_hops, o.people_only); });
  }
  Answer<TimelineRow> timeline(const TimelineOptions& o) const override {
    return guard([&] { return query_timeline(index_, o); });
  }
  Answer<ActorRow> actors(std::string_view search) const override {
    return guard([&] { return query_actors(index_, search); });
  }
  Answer<EventRow> events(const EventsOptions& o) const override {
    return guard([&] { return query_events(index_, o); });
  }
  Answer<DyadRow> dyads(const DyadsOptions& o) const override {
    return guard([&] { return query_dyads(index_, o); });
  }
  std::vector<std::string> each_dyad(const DyadsOptions& o,
                                     const std::function<void(const DyadRow&)>& fn) const override {
    return guard([&] { return diplograph::each_dyad(index_, o, fn); });
  }
  Answer<RepresentationRow> representation(const RepresentationOptions& o) const override {
    return guard([&] { return query_representation(index_, o); });
  }
  ResourceView resource(std::string_view iri, std::size_t limit) const override {
    return guard([&] { return view_resource(index_, iri, limit); });
  }
  ResourceView dataset(const DescribeOptions& o) const override {
    return guard([&] { return view_dataset(index_, o); });
  }

 private:
  // The answer, or what the owner of a mapped index makes of a corrupt part of it.
  template <class F>
  auto guard(const F& f) const -> decltype(f()) {
    if (!corrupt_) return f();
    try {
      return f();
    } catch (const CorruptIndex& e) {
      corrupt_(e);
      throw;  // a report that did not throw: the corruption as it was
    }
  }

  std::unique_ptr<EventIndex> owned_;
  const EventIndex& index_;
  CorruptionReport corrupt_;
};

}  // namespace

std::vector<std::string> Questions::each_dyad(const DyadsOptions& opts,
                                              const std::function<void(const DyadRow&)>& fn) const {
  auto answer = dyads(opts);
  for (const auto& r : answer.rows) fn(r);
  return std::move(answer.notes);
}

ResourceView Questions::resource(std::string_view, std::size_t) const {
  throw BackendError("this backend does not describe resources (a SPARQL store answers DESCRIBE itself)");
}

ResourceView Questions::dataset(const DescribeOptions&) const {
  throw BackendError(
      "this backend does not describe its data (a SPARQL store has its own service description)");
}

std::unique_ptr<Questions> questions_in_memory(const QuadSource& src) {
  return std::make_unique<MemoryQuestions>(std::make_unique<EventIndex>(src));
}

std::unique_ptr<Questions> questions_over(const EventIndex& index, CorruptionReport corrupt) {
  return std::make_unique<MemoryQuestions>(index, std::move(corrupt));
}

}  // namespace diplograph
