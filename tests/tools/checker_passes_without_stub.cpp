// Self-check of tools/expect_todo.py: this binary has one test case that fails as "not implemented
// yet" and one that passes without reaching a stub (it tests nothing of an exercise). The checker
// must reject it: ctest runs it with WILL_FAIL.
#include <boost/test/unit_test.hpp>

#include "course/todo.hpp"

BOOST_AUTO_TEST_CASE(reaches_a_stub) { course::todo("00_selfcheck", "stub"); }

BOOST_AUTO_TEST_CASE(passes_without_a_stub) { BOOST_TEST(1 + 1 == 2); }
