// Mistake: BP3 written as a^{l−1} (δ^l)ᵀ instead of δ^l (a^{l−1})ᵀ: a (3, 4) matrix where the
// gradient of w^1 of a <3, 4, 2> network is (4, 3), like w^1 itself.
#include "03_backprop/backprop.hpp"
// expect: shapes_match<course::Shape<4, 3>, course::Shape<3, 4> >
// expect: the right-hand side must have the shape of the left-hand side
int main() {
    course::ch02::BasicNetwork<double, 3, 4, 2> grad;
    course::Vec<4, double> delta;   // δ^1 (4)
    course::Vec<3, double> a_prev;  // a^0 = x (3)
#ifndef COURSE_FIXED
    grad.layer<0>().w = a_prev * delta.T();
#else
    grad.layer<0>().w = delta * a_prev.T();
#endif
    return int(grad.layer<0>().w(0, 0));
}
