// Reading on one thread while the caller stores on another: a parser and Sord's inserts each
// take about half of a load, so overlapping them nearly halves it on two cores.
#pragma once

#include <functional>
#include <vector>

#include "diplograph/error.hpp"
#include "diplograph/rdf.hpp"

namespace diplograph::detail {

/// Runs `read` on a second thread, handing what it writes to its sink on to `sink` on this
/// thread, in batches and in order. `read` reports to the ErrorSink it is given; those
/// diagnostics reach `errors` on this thread once it is done. An exception thrown by `read` is
/// rethrown here, after those diagnostics. Returns what `read` returned.
bool pipelined(const std::function<bool(QuadSink&, const ErrorSink&)>& read, QuadSink& sink,
               const ErrorSink& errors);

}  // namespace diplograph::detail
