// Mistake: checking w^1 against the gradient of w^2: the gradient must have the parameter's shape.
#include "03_backprop/backprop.hpp"
#include "course/gradcheck.hpp"
// expect: shapes_match<course::Shape<4, 3>, course::Shape<2, 4> >
// expect: the gradient must have the parameter's shape
int main() {
    course::ch02::BasicNetwork<double, 3, 4, 2> net;
    const course::Vec<3, double> x{1, 2, 3};
    const course::Vec<2, double> y{0, 1};
    const auto grad = course::ch03::backprop(net, x, y);
    auto cost = [&] { return course::ch03::quadratic_cost(course::ch02::feedforward(net, x), y); };
#ifndef COURSE_FIXED
    const double err = course::gradient_check(net.layer<0>().w, grad.layer<1>().w, cost);
#else
    const double err = course::gradient_check(net.layer<0>().w, grad.layer<0>().w, cost);
#endif
    return err < 1e-6 ? 0 : 1;
}
