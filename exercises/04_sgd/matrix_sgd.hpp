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

}  // namespace course::ch04
