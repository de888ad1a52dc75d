/// @file exercises/04_sgd/matrix_sgd.hpp
/// @brief Chapter 04 exercises, the fast path: a whole mini-batch as one matrix X
/// (n_0, M), forward and backward as matrix products into buffers allocated once.
///
/// Shapes (M the batch size, n_k = Sizes[k]; layer k maps n_k -> n_{k+1}):
/// Z (n_{k+1}, M) = W (n_{k+1}, n_k) x A_in (n_k, M) + b 1ᵀ;  Δ (n_{k+1}, M);
/// ∇W (n_{k+1}, n_k) = Δ (n_{k+1}, M) x A_inᵀ (M, n_k);  ∇b (n_{k+1}) = Δ 1 (row sums).
#pragma once

#include <algorithm>
#include <numeric>
#include <span>
#include <type_traits>
#include <vector>

#include "04_sgd/minibatch.hpp"
#include "04_sgd/sgd.hpp"
#include "course/rng.hpp"
#include "course/todo.hpp"

namespace course::ch04 {

/// Exercise `forward_matrix`: the forward pass of the batch in ws.xt (X = ws.xt.T()), for every layer k in order:
/// Z = W A_in + b 1ᵀ into `ws.z<k>()` (matmul, then add_to_each_column), A = σ(Z) into `ws.a<k>()`
/// (sigmoid_into). A_in is `ws.input<k>()`. Nothing is allocated.
template <class S, int M, int... Sizes>
void forward_matrix(MatrixWorkspace<BasicNetwork<S, Sizes...>, M>& ws, const BasicNetwork<S, Sizes...>& net) {
    // TODO: ch02::static_for<number of layers>([&](auto k) { ... }) and, for layer k:
    //       matmul(ws.template z<k>(), W, ws.template input<k>()); add_to_each_column(z, b);
    //       sigmoid_into(ws.template a<k>(), z).
    course::todo("04_sgd", "forward_matrix");
}

/// Exercise `backprop_matrix`: ∇C summed over the M examples of the batch (X = ws.xt.T(), ws.y) into
/// ws.grad, with every example's backprop done at once as matrix products:
/// forward_matrix; Δ^L = (A^L − Y) ⊙ σ′(Z^L); for k = L−1 … 0: if k < L−1,
/// Δ_k = (W_{k+1}ᵀ Δ_{k+1}) ⊙ σ′(Z_k); then ∇W_k = Δ_k A_inᵀ and ∇b_k = row sums of Δ_k.
/// σ′(Z) = A ⊙ (1 − A) (times_sigmoid_prime). No per-example loop, nothing allocated.
template <class S, int M, int... Sizes>
void backprop_matrix(MatrixWorkspace<BasicNetwork<S, Sizes...>, M>& ws, const BasicNetwork<S, Sizes...>& net) {
    // TODO: forward_matrix; the output layer's Δ = (A − Y) then times_sigmoid_prime(Δ, A);
    //       ch02::static_for_reverse over the layers: Δ_k from Δ_{k+1} (matmul with W_{k+1}.T()),
    //       then matmul(ws.grad's w, Δ_k, ws.template input<k>().T()) and row_sums(grad's b, Δ_k).
    course::todo("04_sgd", "backprop_matrix");
}

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
