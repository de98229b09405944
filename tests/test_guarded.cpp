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

std::string said_by_cli(const std::function<int()>& body) {
  testing::internal::CaptureStderr();
  (void)cli::guarded(body);
  return testing::internal::GetCapturedStderr();
}

// The library names options by their catalogue names; each front end spells them its own way,
// and nothing else in a message is touched.
TEST(Guarded, TheLibrarysMessagesNameOptionsAsTheCommandLineSpellsThem) {
  EXPECT_EQ(said_by_cli([]() -> int {
              throw UsageError("with " + option_ref("level", "state") + ", " + option_ref("actor") +
                               " must name a state ({{actors}})");
            }),
            "diplograph: with --level state, --actor must name a state (diplograph actors lists them)\n");
  EXPECT_EQ(said_by_cli([]() -> int {
              throw InputError({{"x.csv", 2, 0}, "too long ({{max-line}})"});
            }),
            "x.csv:2: too long (--max-line)\n");
}

TEST(Guarded, BracesThatAreNoReferenceStayAsTheyAre) {
  const Spelling shout{[](std::string_view name, std::string_view value) {
                         return "<" + std::string(name) + ":" + std::string(value) + ">";
                       },
                       [](bool search) { return std::string(search ? "SEARCH" : "LIST"); }};
  EXPECT_EQ(spelled_out("a label {{Not An Option}} and {{}} and {{x", shout),
            "a label {{Not An Option}} and {{}} and {{x");
  EXPECT_EQ(spelled_out("{{level=state}} {{from}} {{actors-search}}{{actors}}", shout),
            "<level:state> <from:> SEARCHLIST");
  EXPECT_EQ(spelled_out("no reference at all", shout), "no reference at all");
}

}  // namespace
