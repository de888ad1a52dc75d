/// @file matrix_training.hpp
/// @brief Chapter 04's given code on top of the matrix-based exercises: one mini-batch step with
/// the fast backprop, and SGD that runs on it.
#pragma once

#include <numeric>
#include <span>
#include <type_traits>
#include <vector>

#include "04_sgd/matrix_sgd.hpp"
#include "04_sgd/sgd.hpp"
#include "course/rng.hpp"

namespace course::ch04 {

/// One gradient-descent step on the batch already in ws.xt / ws.y: backprop_matrix, then
/// w ← w − (η/M) ∇w, b ← b − (η/M) ∇b. (Given: it is `update_mini_batch` with the fast backprop.)
template <class S, int M, int... Sizes>
void update_mini_batch_matrix(BasicNetwork<S, Sizes...>& net, MatrixWorkspace<BasicNetwork<S, Sizes...>, M>& ws,
                              std::type_identity_t<S> eta) {
    backprop_matrix(ws, net);
    const S step = eta / S(M);
    ch02::for_each_parameter(net, ws.grad, [&](auto& p, const auto& g) { add_scaled(p, -step, g); });
}

/// `sgd` with the matrix-based mini-batch (batch size M, a compile-time constant): the same shuffle
/// and the same batches as `sgd(net, train, epochs, M, eta, rng, on_epoch)`, so the two agree up to
/// rounding. A last batch shorter than M goes through the per-example `update_mini_batch`.
/// (Given.) The workspace is allocated once, here.
template <int M, class S, int... Sizes, class OnEpoch = NoCallback>
void sgd_matrix(BasicNetwork<S, Sizes...>& net, const TrainingSetFor<BasicNetwork<S, Sizes...>>& train, int epochs,
                std::type_identity_t<S> eta, Rng& rng, OnEpoch&& on_epoch = {}) {
    MatrixWorkspace<BasicNetwork<S, Sizes...>, M> ws;
    std::vector<std::size_t> order(train.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    const std::span<const std::size_t> all(order);
    const std::size_t full = order.size() / M * M;
    for (int e = 1; e <= epochs; ++e) {
        rng.shuffle(order);
        for (std::size_t k = 0; k < full; k += M) {
            load_batch(ws, train, all.subspan(k, M));
            update_mini_batch_matrix(net, ws, eta);
        }
        if (full < order.size()) update_mini_batch(net, train, all.subspan(full), eta);
        on_epoch(e);
    }
}

}  // namespace course::ch04
