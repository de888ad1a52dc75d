// Mistake: keeping the gradient of a <3, 4, 2> network in a variable typed for <3, 5, 2>: a
// gradient is typed exactly like the parameters it belongs to.
#include "03_backprop/backprop.hpp"
// expect: network_sizes_match<course::ch02::LayerSizes<3, 5, 2>, course::ch02::LayerSizes<3, 4, 2> >
// expect: these two lists differ
int main() {
    course::ch02::BasicNetwork<double, 3, 4, 2> net;
    const course::Vec<3, double> x{1, 2, 3};
    const course::Vec<2, double> y{0, 1};
#ifndef COURSE_FIXED
    const course::ch02::BasicNetwork<double, 3, 5, 2> grad = course::ch03::backprop(net, x, y);
#else
    const course::ch02::BasicNetwork<double, 3, 4, 2> grad = course::ch03::backprop(net, x, y);
#endif
    return int(grad.layer<0>().b[0]);
}
