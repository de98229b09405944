// Long work run from Python: on a thread of its own with the GIL released, the caller waiting in
// slices so that Ctrl-C is seen. An interrupted caller gets KeyboardInterrupt at once and sets
// the work's Cancel, which work that can stop (a conversion, an index build) checks and throws
// at; work that cannot (a question) ends on its thread, and what it holds stays alive until then.
#pragma once

#include <pybind11/pybind11.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "diplograph/error.hpp"

namespace diplograph::python {

/// Set when the caller was interrupted; `check` throws Cancelled then.
class Cancel {
 public:
  void set() { flag_ = true; }
  void check() const {
    if (flag_) throw Cancelled();
  }

 private:
  std::atomic<bool> flag_{false};
};

template <class Result>
struct Job {
  std::mutex mutex;
  std::condition_variable ended;
  bool done = false;
  std::optional<Result> result;
  std::exception_ptr failure;
  Cancel cancel;
};

/// `work(cancel)`'s result, or its exception rethrown here; py::error_already_set
/// (KeyboardInterrupt) when Ctrl-C came first. `work` must own what it uses (capture by value).
/// `stoppable` work (which checks its Cancel) is waited for after Ctrl-C, so that what it was
/// writing is removed before KeyboardInterrupt is seen.
template <class Result, class Work>
Result interruptible(Work work, bool stoppable = false) {
  auto job = std::make_shared<Job<Result>>();
  std::thread([job, work = std::move(work)]() mutable {
    try {
      job->result.emplace(work(job->cancel));
    } catch (...) {
      job->failure = std::current_exception();
    }
    const std::lock_guard lock(job->mutex);
    job->done = true;
    job->ended.notify_all();
  }).detach();
  for (;;) {
    {
      const pybind11::gil_scoped_release release;
      std::unique_lock lock(job->mutex);
      if (job->ended.wait_for(lock, std::chrono::milliseconds(50), [&] { return job->done; })) break;
    }
    if (PyErr_CheckSignals() != 0) {
      job->cancel.set();
      if (stoppable) {
        const pybind11::gil_scoped_release release;
        std::unique_lock lock(job->mutex);
        job->ended.wait(lock, [&] { return job->done; });
      }
      throw pybind11::error_already_set();
    }
  }
  if (job->failure) std::rethrow_exception(job->failure);
  return std::move(*job->result);
}

}  // namespace diplograph::python
