// Mistake: adding the output layer's bias (10) to the hidden layer's weighted inputs Z (30, 10).
#include "04_sgd/matrix_sgd.hpp"
// expect: M = Mat<30, 10, float>&; V = Mat<10, 1, float>
// expect: v must be a column vector with as many rows as m
int main() {
    using Net = course::ch04::Network<784, 30, 10>;
    Net net;
    course::ch04::MatrixWorkspace<Net, 10> ws;
#ifndef COURSE_FIXED
    course::add_to_each_column(ws.z<0>(), net.layer<1>().b);
#else
    course::add_to_each_column(ws.z<0>(), net.layer<0>().b);
#endif
    return int(ws.z<0>()(0, 0));
}
