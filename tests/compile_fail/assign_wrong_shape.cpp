// Mistake: storing a (10, 30) product where a (30, 10) matrix is expected.
#include "course/tensor.hpp"
// expect: shapes_match<course::Shape<30, 10>, course::Shape<10, 30> >
// expect: the right-hand side must have the shape of the left-hand side
int main() {
    course::Vec<10> delta;
    course::Vec<30> a;
#ifndef COURSE_FIXED
    course::Mat<30, 10> grad_w = delta * a.T();
#else
    course::Mat<10, 30> grad_w = delta * a.T();
#endif
    return int(grad_w(0, 0));
}
