// Mistake: training a 2-input perceptron on examples with 3 features each.
#include "01_perceptron/perceptron.hpp"
// expect: no matching function for call to ‘train(course::ch01::Perceptron<2>&, course::ch01::Dataset<4, 3>&, int, float)’
// expect: deduced conflicting values for non-type parameter ‘N’ (‘2’ and ‘3’)
int main() {
    course::ch01::Perceptron<2> p;
#ifndef COURSE_FIXED
    course::ch01::Dataset<4, 3> data;
#else
    course::ch01::Dataset<4, 2> data;
#endif
    return course::ch01::train(p, data, 10, 1.0f).epochs;
}
