// A bounded queue of batches between a reading thread and the storing one.
#include "rdf/pipeline.hpp"

#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace diplograph::detail {

namespace {

// Quads packed into one string: per term its kind and the lengths of its three parts.
class Batch {
 public:
  static constexpr std::size_t max_quads = 8192;

  void add(TermRef t) {
    terms_.push_back({t.kind, t.value.size(), t.datatype.size(), t.lang.size()});
    text_.append(t.value).append(t.datatype).append(t.lang);
  }
  [[nodiscard]] bool full() const { return terms_.size() >= 4 * max_quads || text_.size() >= (4U << 20); }
  [[nodiscard]] bool empty() const { return terms_.empty(); }
  void clear() {
    terms_.clear();
    text_.clear();
  }

  void replay(QuadSink& sink) const {
    std::size_t at = 0;
    auto next = [&](const Packed& p) {
      TermRef t{p.kind, std::string_view(text_).substr(at, p.value), {}, {}};
      t.datatype = std::string_view(text_).substr(at + p.value, p.datatype);
      t.lang = std::string_view(text_).substr(at + p.value + p.datatype, p.lang);
      at += p.value + p.datatype + p.lang;
      return t;
    };
    for (std::size_t i = 0; i + 3 < terms_.size(); i += 4) {
      const TermRef s = next(terms_[i]), p = next(terms_[i + 1]), o = next(terms_[i + 2]),
                    g = next(terms_[i + 3]);
      sink.quad(s, p, o, g);
    }
  }

 private:
  struct Packed {
    TermKind kind;
    std::size_t value, datatype, lang;
  };
  std::vector<Packed> terms_;
  std::string text_;
};

// Full batches travel one way, emptied ones come back; at most `depth` wait to be stored.
class Channel {
 public:
  static constexpr std::size_t depth = 4;

  std::unique_ptr<Batch> fresh() {
    std::lock_guard lock(m_);
    if (spare_.empty()) return std::make_unique<Batch>();
    auto b = std::move(spare_.back());
    spare_.pop_back();
    return b;
  }
  void push(std::unique_ptr<Batch> b) {
    std::unique_lock lock(m_);
    room_.wait(lock, [&] { return full_.size() < depth || cancelled_; });
    if (cancelled_) return;  // nobody stores any more: the reader runs to its end, unheard
    full_.push_back(std::move(b));
    ready_.notify_one();
  }
  // The storing side gave up (it threw): the reader must not wait for room.
  void cancel() {
    std::lock_guard lock(m_);
    cancelled_ = true;
    room_.notify_one();
  }
  void close() {
    std::lock_guard lock(m_);
    closed_ = true;
    ready_.notify_one();
  }
  // The next full batch, or null once the reader has closed and all are taken.
  std::unique_ptr<Batch> pop() {
    std::unique_lock lock(m_);
    ready_.wait(lock, [&] { return !full_.empty() || closed_; });
    if (full_.empty()) return nullptr;
    auto b = std::move(full_.front());
    full_.pop_front();
    room_.notify_one();
    return b;
  }
  void give_back(std::unique_ptr<Batch> b) {
    b->clear();
    std::lock_guard lock(m_);
    spare_.push_back(std::move(b));
  }

 private:
  std::mutex m_;
  std::condition_variable ready_, room_;
  std::deque<std::unique_ptr<Batch>> full_;
  std::vector<std::unique_ptr<Batch>> spare_;
  bool closed_ = false;
  bool cancelled_ = false;
};

// The reading thread's sink: fills batches and sends them.
class Sender : public QuadSink {
 public:
  explicit Sender(Channel& ch) : ch_(ch), batch_(ch.fresh()) {}
  void quad(TermRef s, TermRef p, TermRef o, TermRef g) override {
    for (TermRef t : {s, p, o, g}) batch_->add(t);
    if (batch_->full()) flush();
  }
  void flush() {
    if (batch_->empty()) return;
    ch_.push(std::move(batch_));
    batch_ = ch_.fresh();
  }

 private:
  Channel& ch_;
  std::unique_ptr<Batch> batch_;
};

}  // namespace

bool pipelined(const std::function<bool(QuadSink&, const ErrorSink&)>& read, QuadSink& sink,
               const ErrorSink& errors) {
  Channel ch;
  std::vector<Diagnostic> reported;
  std::exception_ptr failure;
  bool ok = false;
  std::thread reader([&] {
    try {
      Sender out(ch);
      ok = read(out, [&](const Diagnostic& d) { reported.push_back(d); });
      out.flush();
    } catch (...) {
      failure = std::current_exception();
    }
    ch.close();
  });
  try {
    while (auto b = ch.pop()) {
      b->replay(sink);
      ch.give_back(std::move(b));
    }
  } catch (...) {
    ch.cancel();
    reader.join();
    throw;
  }
  reader.join();
  for (const auto& d : reported) {  // what was reported before a failure is kept too
    if (errors) errors(d);          // an empty sink drops them, as read_rdf_file's does
  }
  if (failure) std::rethrow_exception(failure);
  return ok;
}

}  // namespace diplograph::detail

namespace diplograph {

bool read_rdf_file_pipelined(const std::string& path, const ReadOptions& opts, QuadSink& sink,
                             const ErrorSink& errors) {
  return detail::pipelined(
      [&](QuadSink& out, const ErrorSink& e) { return read_rdf_file(path, opts, out, e); }, sink, errors);
}

}  // namespace diplograph
