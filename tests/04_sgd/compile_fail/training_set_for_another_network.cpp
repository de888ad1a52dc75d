// Mistake: training a [784, 30, 10] network on targets of 2 classes: the training set's type
// says what the network must output.
#include "04_sgd/sgd.hpp"
// expect: TrainingSet<784, 2>
// expect: TrainingSet<784, 10, float>
int main() {
    course::ch04::Network<784, 30, 10> net;
#ifndef COURSE_FIXED
    course::ch04::TrainingSet<784, 2> data;
#else
    course::ch04::TrainingSet<784, 10> data;
#endif
    course::Rng rng(1);
    course::ch04::sgd(net, data, 1, 10, 3.0f, rng);
    return 0;
}
