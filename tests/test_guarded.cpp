// The command line's one error convention (cli.md): usage 1, bad input 2, our own bugs 70.
#include <gtest/gtest.h>

#include <stdexcept>

#include "cli/common.hpp"

namespace {

using namespace diplograph;

int status_of(const std::function<int()>& body) {
  testing::internal::CaptureStderr();
  const int status = cli::guarded(body);
  (void)testing::internal::GetCapturedStderr();
  return status;
}

TEST(Guarded, EachKindOfFailureHasItsExitCode) {
  EXPECT_EQ(status_of([]() -> int { return 0; }), 0);
  EXPECT_EQ(status_of([]() -> int { throw boost::program_options::error("--x takes a number"); }), 1);
  EXPECT_EQ(status_of([]() -> int { throw UsageError("no actor matches"); }), 1);
  EXPECT_EQ(status_of([]() -> int { throw InputError({{"f.ttl", 3, 4}, "bad"}); }), 2);
  EXPECT_EQ(status_of([]() -> int { throw std::logic_error("an invariant broke"); }), 70);
}

TEST(Guarded, AnInternalErrorSaysItIsOursNotTheInputs) {
  testing::internal::CaptureStderr();
  (void)cli::guarded([]() -> int { throw std::out_of_range("vector::at"); });
  const std::string err = testing::internal::GetCapturedStderr();
  EXPECT_EQ(err,
            "diplograph: internal error: vector::at (a bug in diplograph, not in the input: please report it "
            "with the command that gave it)\n");
  testing::internal::CaptureStderr();
  (void)cli::guarded([]() -> int { throw InputError({{"f.ttl", 3, 4}, "bad"}); });
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "f.ttl:3:4: bad\n");
}

}  // namespace
