// Chapter 04 test support: training sets for small networks, and references built from chapter 03.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>
#include <span>
#include <vector>

#include "03_backprop/backprop.hpp"
#include "04_sgd/minibatch.hpp"
#include "course/rng.hpp"

namespace course::test {

using ch04::BasicNetwork;
using ch04::TrainingSet;
using ch04::TrainingSetFor;

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

/// The largest |p| over every parameter.
template <class S, int... Sizes>
double max_param_abs(const BasicNetwork<S, Sizes...>& a) {
    double worst = 0;
    ch02::for_each_parameter(a, [&](const auto& p) { worst = std::max(worst, double(p.eigen().cwiseAbs().maxCoeff())); });
    return worst;
}

/// Σ_i ∇C_i by chapter 03's per-example backprop: the reference for the matrix-based batch.
template <class S, int... Sizes>
BasicNetwork<S, Sizes...> summed_backprop(const BasicNetwork<S, Sizes...>& net,
                                          const TrainingSetFor<BasicNetwork<S, Sizes...>>& d,
                                          std::span<const std::size_t> batch) {
    BasicNetwork<S, Sizes...> sum;
    for (std::size_t i : batch) {
        const auto g = ch03::backprop(net, d.x[i], d.y[i]);
        ch02::for_each_parameter(sum, g, [](auto& s, const auto& q) { s += q; });
    }
    return sum;
}

/// The quadratic cost Σ_i ½‖a(x_i) − y_i‖² over the examples `batch`.
template <class S, int... Sizes>
double batch_cost(const BasicNetwork<S, Sizes...>& net, const TrainingSetFor<BasicNetwork<S, Sizes...>>& d,
                  std::span<const std::size_t> batch) {
    double c = 0;
    for (std::size_t i : batch) {
        const auto a = ch02::feedforward(net, d.x[i]);
        for (int k = 0; k < BasicNetwork<S, Sizes...>::out_dim; ++k) c += 0.5 * std::pow(double(a[k] - d.y[i][k]), 2);
    }
    return c;
}

inline std::vector<std::size_t> iota_indices(std::size_t n) {
    std::vector<std::size_t> v(n);
    std::iota(v.begin(), v.end(), std::size_t(0));
    return v;
}

/// Points in the unit square, class 1 above the line x₁ + x₂ = 1 and class 0 below (one-hot, 2).
inline ch04::TrainingSet<2, 2, float> two_halves(std::size_t n, Rng& rng, std::vector<int>* labels = nullptr) {
    TrainingSet<2, 2, float> d;
    while (d.size() < n) {
        const float a = float(rng.uniform01()), b = float(rng.uniform01());
        if (std::abs(a + b - 1.0f) < 0.05f) continue;  // a margin around the line
        const int label = a + b > 1.0f;
        d.x.push_back(Vec<2>{a, b});
        d.y.push_back(ch04::one_hot<2>(label));
        if (labels) labels->push_back(label);
    }
    return d;
}

}  // namespace course::test
