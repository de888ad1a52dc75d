/// @file exercises/04_sgd/going_further.hpp
/// @brief Chapter 04 going further, exercises: Nielsen's improvements of chapter 3 of his
/// book, one example at a time — the 1/√n_in initialisation, the step with L2 regularisation (for any
/// cost: quadratic, cross-entropy, log-likelihood), and a softmax output layer with its backprop.
///
/// Shapes as in the chapter: layer k maps a^k (n_k) to a^{k+1} (n_{k+1}); w^{k+1} is (n_{k+1}, n_k).
/// `demo_04_sgd --init scaled --l2 0.8 --cost cross-entropy` (or `--output softmax`) trains with them.
///
/// Read the "Going further" section of chapters/04_sgd/README.md first. Replace each
/// `course::todo(...)` line with your code, then run `./course` to see the tests' verdict.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <span>
#include <stdexcept>
#include <type_traits>

#include "03_backprop/backprop.hpp"
#include "04_sgd/minibatch.hpp"
#include "course/rng.hpp"
#include "course/todo.hpp"

namespace course::ch04 {

/// Going further, exercise `init_scaled`: Nielsen's better initialisation. Every weight of a layer
/// with n_in inputs from N(0, 1/n_in) (standard deviation 1/√n_in), every bias from N(0, 1); layer
/// by layer, w then b, in the order of ch02::init_normal — so that one seed draws the same numbers
/// and each weight is init_normal's divided by √n_in. Then z = w x + b starts with a standard
/// deviation near 1, where σ is steep, instead of √(Σ_k x_k² + 1) (about 9 for an MNIST digit),
/// where σ is flat and the hidden neurons learn slowly.
template <class S, int... Sizes>
void init_scaled(BasicNetwork<S, Sizes...>& net, Rng& rng) {
    // TODO: ch02::static_for over the layers; for layer k, rng.fill_normal(w, 0.0, 1/√n_in) with
    //       n_in its number of inputs, then rng.fill_normal(b) — in this order.
    course::todo("04_sgd", "init_scaled");
}

/// Going further, exercise `update_mini_batch_l2`: one gradient-descent step on the examples `batch`
/// (m indices into `data`) for the regularised cost C = (1/n) Σ_x C_x + (λ/2n) Σ_w w², where n is the
/// size of the whole training set (not m):
///
///   w ← (1 − ηλ/n) w − (η/m) Σ_{i ∈ batch} ∂C_i/∂w,    b ← b − (η/m) Σ_{i ∈ batch} ∂C_i/∂b.
///
/// The weights decay, the biases do not. `gradient(net, x, y)` returns one example's ∇C_i typed like
/// the network, for the cost of your choice: QuadraticGradient (ch03::backprop), CrossEntropyGradient
/// (ch03::backprop_cross_entropy) or SoftmaxGradient (backprop_softmax), in chapters/04_sgd/cost_gradients.hpp.
/// λ = 0 gives chapter 04's step with that cost. An empty batch changes nothing; n must be positive.
template <class S, int... Sizes, class Gradient>
void update_mini_batch_l2(BasicNetwork<S, Sizes...>& net, const TrainingSetFor<BasicNetwork<S, Sizes...>>& data,
                          std::span<const std::size_t> batch, std::type_identity_t<S> eta,
                          std::type_identity_t<S> lambda, std::size_t n, Gradient&& gradient) {
    // TODO: as update_mini_batch, summing gradient(net, data.x[i], data.y[i]); then for every layer
    //       scale w by (1 − ηλ/n) and move w and b by −(η/m) times their summed gradients.
    course::todo("04_sgd", "update_mini_batch_l2");
}

/// Going further, exercise `softmax`: a_j = e^{z_j} / Σ_k e^{z_k}, computed as
/// e^{z_j − max z} / Σ_k e^{z_k − max z}: the same numbers (the factor e^{−max z} cancels), but no
/// e^{…} overflows (every exponent is ≤ 0) and the sum is at least 1 (its largest term is e^0).
/// The outputs are positive and sum to 1: a probability for each class.
template <int N, class S>
Vec<N, S> softmax(const Vec<N, S>& z) {
    // TODO: the largest z_j first; then e^{z_j − max} for every j (course::map), divided by their sum.
    course::todo("04_sgd", "softmax");
}

/// Going further, exercise `feedforward_softmax`: the output for x of the network whose output layer
/// is softmax: a^l = σ(z^l) for the hidden layers l < L, as in ch02::feedforward, then
/// a^L = softmax(z^L). Softmax and σ are both increasing, so its largest entry is at the same index as
/// ch02::feedforward's: accuracy is measured with ch02::evaluate unchanged.
template <class S, int... Sizes>
Vec<BasicNetwork<S, Sizes...>::out_dim, S> feedforward_softmax(const BasicNetwork<S, Sizes...>& net,
                                                                const Vec<BasicNetwork<S, Sizes...>::in_dim, S>& x) {
    // TODO: the hidden layers as in ch02::feedforward (or ch03::forward_pass, which keeps z^L),
    //       then softmax of the output layer's weighted input z^L instead of σ.
    course::todo("04_sgd", "feedforward_softmax");
}

/// Going further, exercise `backprop_softmax`: ∇C for one example (x, y) with a softmax output layer
/// and the log-likelihood cost C = −Σ_j y_j ln a^L_j, y summing to 1 (one-hot, for a digit). Its BP1
/// is δ^L = a^L − y, as for cross-entropy; BP2–BP4 do not change (the hidden layers stay sigmoid).
/// Returned typed like the parameters, as ch03::backprop.
template <class S, int... Sizes>
BasicNetwork<S, Sizes...> backprop_softmax(const BasicNetwork<S, Sizes...>& net,
                                           const Vec<BasicNetwork<S, Sizes...>::in_dim, S>& x,
                                           const Vec<BasicNetwork<S, Sizes...>::out_dim, S>& y) {
    // TODO: as ch03::backprop_cross_entropy, with a^L = softmax(z^L) in δ^L = a^L − y.
    course::todo("04_sgd", "backprop_softmax");
}

}  // namespace course::ch04
