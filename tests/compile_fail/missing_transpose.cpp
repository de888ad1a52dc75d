// Mistake: the backward pass of z = w a needs ∂C/∂a = wᵀ δ; forgetting the transpose
// multiplies (30, 784) by (30, 1).
#include "course/tensor.hpp"
// expect: product_inner_dims_match<course::Shape<30, 784>, course::Shape<30, 1> >
int main() {
    course::Mat<30, 784> w;
    course::Vec<30> delta;
#ifndef COURSE_FIXED
    course::Vec<784> grad_a = w * delta;
#else
    course::Vec<784> grad_a = w.T() * delta;
#endif
    return int(grad_a[0]);
}
