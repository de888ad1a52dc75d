// Chapter 04 test support: random training sets for small networks.
#pragma once

#include <cstddef>

#include "04_sgd/minibatch.hpp"
#include "course/rng.hpp"

namespace course::test {

/// n random examples for a network with In inputs and Out outputs: inputs in [0, 1), targets in
/// (0, 1), or one-hot when `one_hot_targets`.
template <int In, int Out, class S = double>
ch04::TrainingSet<In, Out, S> random_examples(std::size_t n, Rng& rng, bool one_hot_targets = false) {
    ch04::TrainingSet<In, Out, S> d;
    for (std::size_t i = 0; i < n; ++i) {
        Vec<In, S> x;
        Vec<Out, S> y;
        rng.fill_uniform(x, 0.0, 1.0);
        if (one_hot_targets) y = ch04::one_hot<Out, S>(int(rng.below(Out)));
        else rng.fill_uniform(y, 0.05, 0.95);
        d.x.push_back(x);
        d.y.push_back(y);
    }
    return d;
}

}  // namespace course::test
