/// @file solutions/04_sgd/sgd.hpp
/// @brief Chapter 04 reference solutions: one step of gradient descent on a mini-batch (example by
/// example, with chapter 03's backprop), and stochastic gradient descent over shuffled epochs.
#pragma once

#include <algorithm>
#include <numeric>
#include <span>
#include <type_traits>
#include <vector>

#include "03_backprop/backprop.hpp"
#include "04_sgd/minibatch.hpp"
#include "course/rng.hpp"

namespace course::ch04 {

/// Exercise `update_mini_batch`: one gradient-descent step on the examples `batch` (indices into
/// `data`, m of them): ∇ = Σ_{i ∈ batch} ∇C_i (chapter 03's `backprop`, one example at a time),
/// then w ← w − (η/m) ∇w and b ← b − (η/m) ∇b for every layer. An empty batch changes nothing.
template <class S, int... Sizes>
void update_mini_batch(BasicNetwork<S, Sizes...>& net, const TrainingSetFor<BasicNetwork<S, Sizes...>>& data,
                       std::span<const std::size_t> batch, std::type_identity_t<S> eta) {
    if (batch.empty()) return;
    BasicNetwork<S, Sizes...> nabla;  // Σ ∇C_i, typed like the parameters; starts at 0
    for (std::size_t i : batch) {
        const BasicNetwork<S, Sizes...> g = ch03::backprop(net, data.x[i], data.y[i]);
        ch02::for_each_parameter(nabla, g, [](auto& sum, const auto& d) { sum += d; });
    }
    const S step = eta / S(batch.size());
    ch02::for_each_parameter(net, nabla, [&](auto& p, const auto& n) { add_scaled(p, -step, n); });
}

/// Exercise `sgd`: `epochs` epochs of mini-batch stochastic gradient descent.
/// Keep one list of indices `order`, 0 … n−1. Each epoch: `rng.shuffle(order)`, then cut it into
/// consecutive mini-batches of `mini_batch_size` (the last one shorter when n is not a multiple)
/// and call `update_mini_batch` on each, in order; then call `on_epoch(e)` with e = 1 … epochs.
template <class S, int... Sizes, class OnEpoch = NoCallback>
void sgd(BasicNetwork<S, Sizes...>& net, const TrainingSetFor<BasicNetwork<S, Sizes...>>& train, int epochs,
         int mini_batch_size, std::type_identity_t<S> eta, Rng& rng, OnEpoch&& on_epoch = {}) {
    if (mini_batch_size <= 0) throw std::invalid_argument("sgd: the mini-batch size must be positive");
    std::vector<std::size_t> order(train.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    const std::span<const std::size_t> all(order);
    for (int e = 1; e <= epochs; ++e) {
        rng.shuffle(order);
        for (std::size_t k = 0; k < order.size(); k += std::size_t(mini_batch_size))
            update_mini_batch(net, train, all.subspan(k, std::min(std::size_t(mini_batch_size), order.size() - k)), eta);
        on_epoch(e);
    }
}

}  // namespace course::ch04
