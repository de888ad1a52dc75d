// Self-check of tools/compile_fail.py: the "mistake" below compiles (a Vec<3> plus a Vec<3>), so
// the checker must report that the shape check did not catch it: ctest runs it with WILL_FAIL.
#include "course/tensor.hpp"
// expect: shapes_match
int main() {
    course::Vec<3> a{1, 2, 3};
#ifndef COURSE_FIXED
    course::Vec<3> b{1, 2, 3};
#else
    course::Vec<3> b{3, 2, 1};
#endif
    return int((a + b)[0]);
}
