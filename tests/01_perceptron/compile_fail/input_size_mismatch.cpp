// Mistake: asking a 2-input perceptron about a 3-feature example.
#include "01_perceptron/perceptron.hpp"
// expect: no matching function for call to ‘predict(course::ch01::Perceptron<2>&, course::Vec<3>&)’
// expect: deduced conflicting values for non-type parameter ‘N’ (‘2’ and ‘3’)
int main() {
    course::ch01::Perceptron<2> p;
#ifndef COURSE_FIXED
    course::Vec<3> x{1, 0, 1};
#else
    course::Vec<2> x{1, 0};
#endif
    return course::ch01::predict(p, x);
}
