// Mistake: hooking a layer that reads 20 inputs after one that writes 30.
#include "course/chain.hpp"
template <int In, int Out>
struct Dense {
    static constexpr int in_dim = In, out_dim = Out;
    course::Mat<Out, In> w;
    course::Vec<Out> b;
};
// expect: layer_input_matches<30, 20>
// expect: layer B must read what layer A writes
int main() {
#ifndef COURSE_FIXED
    course::Chain<Dense<784, 30>, Dense<20, 10>> net;
#else
    course::Chain<Dense<784, 30>, Dense<30, 10>> net;
#endif
    return int(std::get<1>(net.layers).b[0]);
}
