// Mistake: multiplying a 30×784 weight matrix by a 10-vector (the inner dimensions differ).
#include "course/tensor.hpp"
// expect: product_inner_dims_match<course::Shape<30, 784>, course::Shape<10, 1> >
// expect: the columns of a must be the rows of b
int main() {
    course::Mat<30, 784> w;
#ifndef COURSE_FIXED
    course::Vec<10> a;
#else
    course::Vec<784> a;
#endif
    course::Vec<30> z = w * a;
    return int(z[0]);
}
