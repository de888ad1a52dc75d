// Mistake: a mini-batch of 20 columns fed into the buffers of a batch of 10: Z = W X needs
// Z (30, 10) but W X is (30, 20).
#include "04_sgd/matrix_sgd.hpp"
// expect: shapes_match<course::Shape<30, 10>, course::Shape<30, 20> >
// expect: matmul(out, a, b): out must have a's rows and b's columns
int main() {
    using Net = course::ch04::Network<784, 30, 10>;
    Net net;
    course::ch04::MatrixWorkspace<Net, 10> ws;
#ifndef COURSE_FIXED
    course::Mat<784, 20> x;
#else
    course::Mat<784, 10> x;
#endif
    course::matmul(ws.z<0>(), net.layer<0>().w, x);
    return int(ws.z<0>()(0, 0));
}
