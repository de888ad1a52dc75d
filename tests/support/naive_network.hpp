// Test support shared by the chapters' tests: references written with plain loops in double,
// independent of the code under test, and random networks and inputs.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <type_traits>
#include <utility>
#include <vector>

#include "02_sigmoid_mlp/network.hpp"
#include "course/rng.hpp"

namespace course::test {

/// σ(z) in double, without overflow for large |z|.
inline double ref_sigmoid(double z) {
    return z >= 0 ? 1.0 / (1.0 + std::exp(-z)) : std::exp(z) / (1.0 + std::exp(z));
}

/// Feedforward by explicit loops, a_j ← σ(Σ_k w_jk a_k + b_j), layer after layer, in double.
template <class S, int... Sizes>
std::vector<double> naive_feedforward(const ch02::BasicNetwork<S, Sizes...>& net,
                                      const Vec<ch02::BasicNetwork<S, Sizes...>::in_dim, S>& x) {
    std::vector<double> a(x.data(), x.data() + x.size);
    ch02::static_for<sizeof...(Sizes) - 1>([&](auto l) {
        const auto& layer = net.template layer<l>();
        using L = std::remove_cvref_t<decltype(layer)>;
        std::vector<double> next(L::out_dim);
        for (int j = 0; j < L::out_dim; ++j) {
            double z = layer.b[j];
            for (int k = 0; k < L::in_dim; ++k) z += double(layer.w(j, k)) * a[k];
            next[j] = ref_sigmoid(z);
        }
        a = std::move(next);
    });
    return a;
}

/// A network with every weight and bias drawn from N(0, stddev²).
template <class Net>
Net random_network(std::uint64_t seed, double stddev = 1.0) {
    Net net;
    Rng rng(seed);
    ch02::for_each_parameter(net, [&](auto& p) { rng.fill_normal(p, 0.0, stddev); });
    return net;
}

/// A vector with entries uniform in [lo, hi).
template <auto N, class S>
Vec<N, S> random_vector(Rng& rng, double lo = 0.0, double hi = 1.0) {
    Vec<N, S> v;
    rng.fill_uniform(v, lo, hi);
    return v;
}

/// The largest |p − q| over every parameter of two networks of the same type.
template <class S, int... Sizes>
double max_param_diff(const ch02::BasicNetwork<S, Sizes...>& a, const ch02::BasicNetwork<S, Sizes...>& b) {
    double worst = 0;
    ch02::for_each_parameter(a, b, [&](const auto& p, const auto& q) { worst = std::max(worst, double(max_abs_diff(p, q))); });
    return worst;
}

}  // namespace course::test
