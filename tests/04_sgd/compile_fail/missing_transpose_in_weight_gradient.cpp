// Mistake: ∇W = Δ Xᵀ written as Δ X. Δ (30, 10) times X (784, 10) cannot make the weight
// gradient (30, 784): the compiler names the (30, 784) buffer and the (30, 10) it was offered.
#include "04_sgd/matrix_sgd.hpp"
// expect: shapes_match<course::Shape<30, 784>, course::Shape<30, 10> >
// expect: matmul(out, a, b): out must have a's rows and b's columns
int main() {
    using Net = course::ch04::Network<784, 30, 10>;
    course::ch04::MatrixWorkspace<Net, 10> ws;
#ifndef COURSE_FIXED
    course::matmul(ws.grad.layer<0>().w, ws.delta<0>(), ws.input<0>());
#else
    course::matmul(ws.grad.layer<0>().w, ws.delta<0>(), ws.input<0>().T());
#endif
    return int(ws.grad.layer<0>().w(0, 0));
}
