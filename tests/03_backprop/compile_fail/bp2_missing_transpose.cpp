// Mistake: BP2 without the transpose, w^{l+1} δ^{l+1} instead of (w^{l+1})ᵀ δ^{l+1}: in a
// <784, 30, 10> network w^2 is (10, 30) and δ^2 is (10).
#include "03_backprop/backprop.hpp"
// expect: product_inner_dims_match<course::Shape<10, 30>, course::Shape<10, 1> >
// expect: the columns of a must be the rows of b
int main() {
    course::ch02::Network<784, 30, 10> net;
    course::Vec<10> delta2;  // δ^2 (10)
#ifndef COURSE_FIXED
    const course::Vec<30> back = net.layer<1>().w * delta2;
#else
    const course::Vec<30> back = net.layer<1>().w.T() * delta2;
#endif
    return int(back[0]);
}
