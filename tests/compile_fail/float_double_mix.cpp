// Mistake: adding a double-precision gradient to float weights.
#include "course/tensor.hpp"
// expect: scalar_types_match<float, double>
int main() {
    course::Mat<10, 30> w;
#ifndef COURSE_FIXED
    course::Mat<10, 30, double> grad;
#else
    course::Mat<10, 30, float> grad;
#endif
    w -= grad;
    return int(w(0, 0));
}
