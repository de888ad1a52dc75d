// Mistake: feeding a <784, 30, 10> network a 30-vector (a hidden activation) instead of a
// 784-pixel image.
#include "02_sigmoid_mlp/sigmoid_mlp.hpp"
// expect: shapes_match<course::Shape<784, 1>, course::Shape<30, 1> >
// expect: the right-hand side must have the shape of the left-hand side
int main() {
    course::ch02::Network<784, 30, 10> net;
#ifndef COURSE_FIXED
    course::Vec<30> x;
#else
    course::Vec<784> x;
#endif
    const course::Vec<10> out = course::ch02::feedforward(net, x);
    return int(out[0]);
}
