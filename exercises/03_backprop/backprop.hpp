/// @file exercises/03_backprop/backprop.hpp
/// @brief Chapter 03 exercises: the quadratic cost, the forward pass that keeps z^l and a^l, the
/// four equations of backpropagation BP1–BP4, and the gradient of one example.
///
/// Read chapters/03_backprop/README.md first. Each function below is one exercise (or part of
/// one); replace the `course::todo(...)` line with your code, then run `./course` to see the
/// tests' verdict. Layers are numbered l = 1 … L as in the lesson: `net.layer<l - 1>()` holds
/// w^l (Sizes[l], Sizes[l−1]) and b^l (Sizes[l]); ForwardCache (chapters/03_backprop/forward_cache.hpp)
/// holds a^0 … a^L and z^1 … z^L.
#pragma once

#include <cmath>

#include "02_sigmoid_mlp/sigmoid_mlp.hpp"
#include "03_backprop/forward_cache.hpp"
#include "course/todo.hpp"

namespace course::ch03 {

using ch02::sigmoid;
using ch02::sigmoid_prime;

/// Exercise `cost_derivative` (first part): the quadratic cost of one example,
/// C = ½ ‖a − y‖² = ½ Σ_j (a_j − y_j)², for the output a (N) and the target y (N).
template <int N, class S>
S quadratic_cost(const Vec<N, S>& a, const Vec<N, S>& y) {
    // TODO: half the squared length of a − y (course::dot of a vector with itself is its squared length).
    course::todo("03_backprop", "cost_derivative");
}

/// Exercise `cost_derivative`: ∇_a C, the vector of ∂C/∂a_j, for the quadratic cost (N).
template <int N, class S>
Vec<N, S> cost_derivative(const Vec<N, S>& a, const Vec<N, S>& y) {
    // TODO: differentiate ½ Σ_j (a_j − y_j)² with respect to a_j.
    course::todo("03_backprop", "cost_derivative");
}

/// Exercise `forward_pass`: feedforward that keeps what the backward pass needs:
/// a^0 = x, and for l = 1 … L, z^l = w^l a^{l−1} + b^l and a^l = σ(z^l).
/// Store them with `cache.template a<l>()` and `cache.template z<l>()`.
template <class S, int... Sizes>
ForwardCache<S, Sizes...> forward_pass(const BasicNetwork<S, Sizes...>& net,
                                       const Vec<BasicNetwork<S, Sizes...>::in_dim, S>& x) {
    // TODO: set a<0>; then ch02::static_for<L>([&](auto k) { ... }) with l = k + 1 fills z<l>, a<l>
    //       (ch02::weighted_input(layer, a) gives w a + b).
    course::todo("03_backprop", "forward_pass");
}

/// Exercise `output_error` (BP1): the error of the output layer, δ^L = ∇_a C ⊙ σ′(z^L),
/// from grad_a = ∇_a C (N) and z = z^L (N). ⊙ is the element-wise product.
template <int N, class S>
Vec<N, S> output_error(const Vec<N, S>& grad_a, const Vec<N, S>& z) {
    // TODO: element-wise product (course::hadamard) of ∇_a C and σ′(z^L).
    course::todo("03_backprop", "output_error");
}

/// Exercise `backpropagate_error` (BP2): the error of layer l from that of layer l + 1,
/// δ^l = ((w^{l+1})ᵀ δ^{l+1}) ⊙ σ′(z^l).
/// `next` is layer l + 1 (its w is (Out, In)), delta_next is δ^{l+1} (Out), z is z^l (In);
/// the result is δ^l (In).
template <int In, int Out, class S>
Vec<In, S> backpropagate_error(const Layer<In, Out, S>& next, const Vec<Out, S>& delta_next, const Vec<In, S>& z) {
    // TODO: carry δ^{l+1} back through the weights, then multiply element-wise by σ′(z^l).
    course::todo("03_backprop", "backpropagate_error");
}

/// Exercise `layer_gradient` (BP3 and BP4): the gradient of layer l's parameters,
/// ∂C/∂w^l = δ^l (a^{l−1})ᵀ (Out, In) and ∂C/∂b^l = δ^l (Out), from delta = δ^l (Out) and
/// a_prev = a^{l−1} (In). It is returned as a Layer: a gradient has the parameters' shapes.
template <int In, int Out, class S>
Layer<In, Out, S> layer_gradient(const Vec<Out, S>& delta, const Vec<In, S>& a_prev) {
    // TODO: ∂C/∂w_jk = δ_j a_k, an outer product; ∂C/∂b_j = δ_j.
    course::todo("03_backprop", "layer_gradient");
}

/// Exercise `backprop`: ∇C for one example (x, y) with the quadratic cost, typed exactly like
/// the parameters: grad.layer<l - 1>().w is ∂C/∂w^l and grad.layer<l - 1>().b is ∂C/∂b^l.
/// forward_pass; BP1 for δ^L; then for l = L − 1 down to 1, BP2 for δ^l; BP3 and BP4 for every layer.
template <class S, int... Sizes>
BasicNetwork<S, Sizes...> backprop(const BasicNetwork<S, Sizes...>& net, const Vec<BasicNetwork<S, Sizes...>::in_dim, S>& x,
                                   const Vec<BasicNetwork<S, Sizes...>::out_dim, S>& y) {
    // TODO: BP4 says ∂C/∂b^l = δ^l, so grad.layer<l - 1>().b is a place to keep δ^l on the way back
    //       (ch02::static_for_reverse<L> walks k = L − 1 … 0).
    course::todo("03_backprop", "backprop");
}

/// Going further, exercise `cross_entropy` (first part): the cross-entropy cost
/// C = −Σ_j [y_j ln a_j + (1 − y_j) ln(1 − a_j)], for outputs a_j in (0, 1) and targets y_j in [0, 1].
/// A term whose factor y_j (or 1 − y_j) is 0 counts as 0, even where its logarithm is −∞.
template <int N, class S>
S cross_entropy_cost(const Vec<N, S>& a, const Vec<N, S>& y) {
    // TODO: sum the two terms over j; skip a term whose factor is exactly 0.
    course::todo("03_backprop", "cross_entropy");
}

/// Going further, exercise `cross_entropy`: ∇C for one example with the cross-entropy cost.
/// Work out ∇_a C and BP1 on paper first: σ′(z^L) cancels. BP2–BP4 do not change.
template <class S, int... Sizes>
BasicNetwork<S, Sizes...> backprop_cross_entropy(const BasicNetwork<S, Sizes...>& net,
                                                 const Vec<BasicNetwork<S, Sizes...>::in_dim, S>& x,
                                                 const Vec<BasicNetwork<S, Sizes...>::out_dim, S>& y) {
    // TODO: as backprop, with the cross-entropy's δ^L.
    course::todo("03_backprop", "cross_entropy");
}

}  // namespace course::ch03
