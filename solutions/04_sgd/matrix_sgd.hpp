/// @file solutions/04_sgd/matrix_sgd.hpp
/// @brief Chapter 04 reference solutions, the fast path: a whole mini-batch as one matrix X
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

namespace course::ch04 {

/// Exercise `forward_matrix`: the forward pass of the batch in ws.xt (X = ws.xt.T()), for every layer k in order:
/// Z = W A_in + b 1ᵀ into `ws.z<k>()` (matmul, then add_to_each_column), A = σ(Z) into `ws.a<k>()`
/// (sigmoid_into). A_in is `ws.input<k>()`. Nothing is allocated.
template <class S, int M, int... Sizes>
void forward_matrix(MatrixWorkspace<BasicNetwork<S, Sizes...>, M>& ws, const BasicNetwork<S, Sizes...>& net) {
    ch02::static_for<sizeof...(Sizes) - 1>([&](auto k) {
        const auto& layer = net.template layer<k>();
        auto& z = ws.template z<k>();
        matmul(z, layer.w, ws.template input<k>());  // (n_{k+1}, n_k) x (n_k, M) -> (n_{k+1}, M)
        add_to_each_column(z, layer.b);              // + b for every example
        sigmoid_into(ws.template a<k>(), z);         // A = σ(Z)  (n_{k+1}, M)
    });
}

/// Exercise `backprop_matrix`: ∇C summed over the M examples of the batch (X = ws.xt.T(), ws.y) into
/// ws.grad, with every example's backprop done at once as matrix products:
/// forward_matrix; Δ^L = (A^L − Y) ⊙ σ′(Z^L); for k = L−1 … 0: if k < L−1,
/// Δ_k = (W_{k+1}ᵀ Δ_{k+1}) ⊙ σ′(Z_k); then ∇W_k = Δ_k A_inᵀ and ∇b_k = row sums of Δ_k.
/// σ′(Z) = A ⊙ (1 − A) (times_sigmoid_prime). No per-example loop, nothing allocated.
template <class S, int M, int... Sizes>
void backprop_matrix(MatrixWorkspace<BasicNetwork<S, Sizes...>, M>& ws, const BasicNetwork<S, Sizes...>& net) {
    constexpr std::size_t L = sizeof...(Sizes) - 1;
    forward_matrix(ws, net);
    auto& out_delta = ws.template delta<L - 1>();
    out_delta = ws.template a<L - 1>();                     // A^L          (n_L, M)
    out_delta -= ws.y;                                      // A^L − Y: ∂C/∂A^L of the quadratic cost
    times_sigmoid_prime(out_delta, ws.template a<L - 1>()); // BP1: ⊙ σ′(Z^L)
    ch02::static_for_reverse<L>([&](auto k) {
        constexpr std::size_t K = k;
        auto& delta = ws.template delta<K>();
        if constexpr (K + 1 < L) {                          // BP2
            matmul(delta, net.template layer<K + 1>().w.T(), ws.template delta<K + 1>());  // (n_{k+1}, n_{k+2}) x (n_{k+2}, M)
            times_sigmoid_prime(delta, ws.template a<K>());
        }
        auto& g = ws.grad.template layer<K>();
        matmul(g.w, delta, ws.template input<K>().T());  // BP4: (n_{k+1}, M) x (M, n_k) -> (n_{k+1}, n_k)
        row_sums(g.b, delta);                          // BP3: Σ over the batch (n_{k+1})
    });
}

}  // namespace course::ch04
