// Mistake: adding a bias of the wrong length to z = w a (10 entries instead of 30).
#include "course/tensor.hpp"
// expect: shapes_match<course::Shape<30, 1>, course::Shape<10, 1> >
// expect: both operands must have the same shape
int main() {
    course::Mat<30, 784> w;
    course::Vec<784> a;
#ifndef COURSE_FIXED
    course::Vec<10> b;
#else
    course::Vec<30> b;
#endif
    course::Vec<30> z = w * a + b;
    return int(z[0]);
}
