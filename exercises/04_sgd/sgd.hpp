/// @file exercises/04_sgd/sgd.hpp
/// @brief Chapter 04 exercises: one step of gradient descent on a mini-batch (example by
/// example, with chapter 03's backprop), and stochastic gradient descent over shuffled epochs.
///
/// Read chapters/04_sgd/README.md first. Replace each `course::todo(...)` line with your code,
/// then run `./course` to see the tests' verdict.
#pragma once

#include <algorithm>
#include <numeric>
#include <span>
#include <type_traits>
#include <vector>

#include "03_backprop/backprop.hpp"
#include "04_sgd/minibatch.hpp"
#include "course/rng.hpp"
#include "course/todo.hpp"

namespace course::ch04 {

/// Exercise `update_mini_batch`: one gradient-descent step on the examples `batch` (indices into
/// `data`, m of them): ∇ = Σ_{i ∈ batch} ∇C_i (chapter 03's `backprop`, one example at a time),
/// then w ← w − (η/m) ∇w and b ← b − (η/m) ∇b for every layer. An empty batch changes nothing.
template <class S, int... Sizes>
void update_mini_batch(BasicNetwork<S, Sizes...>& net, const TrainingSetFor<BasicNetwork<S, Sizes...>>& data,
                       std::span<const std::size_t> batch, std::type_identity_t<S> eta) {
    // TODO: sum ch03::backprop(net, data.x[i], data.y[i]) over i in batch into a zero network
    //       (ch02::for_each_parameter(sum, g, ...) walks matching parameters), then move every
    //       parameter by −(η/m) times its summed gradient (course::add_scaled).
    course::todo("04_sgd", "update_mini_batch");
}

/// Exercise `sgd`: `epochs` epochs of mini-batch stochastic gradient descent.
/// Keep one list of indices `order`, 0 … n−1. Each epoch: `rng.shuffle(order)`, then cut it into
/// consecutive mini-batches of `mini_batch_size` (the last one shorter when n is not a multiple)
/// and call `update_mini_batch` on each, in order; then call `on_epoch(e)` with e = 1 … epochs.
template <class S, int... Sizes, class OnEpoch = NoCallback>
void sgd(BasicNetwork<S, Sizes...>& net, const TrainingSetFor<BasicNetwork<S, Sizes...>>& train, int epochs,
         int mini_batch_size, std::type_identity_t<S> eta, Rng& rng, OnEpoch&& on_epoch = {}) {
    // TODO: order = 0 … n−1; each epoch rng.shuffle(order), update_mini_batch on consecutive
    //       slices of mini_batch_size (std::span(order).subspan(k, count)), then on_epoch(e).
    course::todo("04_sgd", "sgd");
}

}  // namespace course::ch04
