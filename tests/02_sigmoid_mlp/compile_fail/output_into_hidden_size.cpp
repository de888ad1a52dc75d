// Mistake: keeping the output of a <784, 30, 10> network in a 30-vector (the hidden layer's size)
// instead of a 10-vector, one entry per digit.
#include "02_sigmoid_mlp/sigmoid_mlp.hpp"
// expect: shapes_match<course::Shape<30, 1>, course::Shape<10, 1> >
int main() {
    course::ch02::Network<784, 30, 10> net;
    course::Vec<784> x;
#ifndef COURSE_FIXED
    const course::Vec<30> out = course::ch02::feedforward(net, x);
#else
    const course::Vec<10> out = course::ch02::feedforward(net, x);
#endif
    return int(out[0]);
}
