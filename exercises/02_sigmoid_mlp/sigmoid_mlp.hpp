/// @file exercises/02_sigmoid_mlp/sigmoid_mlp.hpp
/// @brief Chapter 02 exercises: σ and σ′, one layer's forward pass, initialisation, feedforward
/// through a whole network, and evaluation.
///
/// Read chapters/02_sigmoid_mlp/README.md first. Each function below is one exercise (or part of
/// one); replace the `course::todo(...)` line with your code, then run `./course` to see the
/// tests' verdict. The network type (Layer, BasicNetwork, static_for, …) is in
/// chapters/02_sigmoid_mlp/network.hpp.
#pragma once

#include <cmath>
#include <concepts>
#include <stdexcept>
#include <string>
#include <vector>

#include "02_sigmoid_mlp/network.hpp"
#include "course/rng.hpp"
#include "course/todo.hpp"

namespace course::ch02 {

/// Exercise `sigmoid`: σ(z) = 1 / (1 + e^{−z}).
/// It must stay exact and finite for large |z|: σ(1000) = 1 and σ(−1000) = 0, never NaN.
/// (e^{1000} overflows to infinity, and ∞/∞ is NaN: only ever take e to a non-positive power.)
template <std::floating_point S>
S sigmoid(S z) {
    // TODO: return 1 / (1 + e^{−z}) for z ≥ 0, and the equal e^{z} / (1 + e^{z}) for z < 0.
    course::todo("02_sigmoid_mlp", "sigmoid");
}

/// Exercise `sigmoid` (second part): σ applied to every entry of m, same shape (R, C).
template <auto R, auto C, class S>
Mat<R, C, S> sigmoid(const Mat<R, C, S>& m) {
    // TODO: apply the scalar sigmoid to every entry (course::map(m, f) does that).
    course::todo("02_sigmoid_mlp", "sigmoid");
}

/// Exercise `sigmoid_prime`: σ′(z) = dσ/dz = σ(z) (1 − σ(z)); finite for every z (σ′(±1000) = 0).
template <std::floating_point S>
S sigmoid_prime(S z) {
    // TODO: compute σ(z) once, then return σ(z) (1 − σ(z)).
    course::todo("02_sigmoid_mlp", "sigmoid_prime");
}

/// Exercise `sigmoid_prime` (second part): σ′ applied to every entry of m, same shape (R, C).
template <auto R, auto C, class S>
Mat<R, C, S> sigmoid_prime(const Mat<R, C, S>& m) {
    // TODO: apply the scalar sigmoid_prime to every entry.
    course::todo("02_sigmoid_mlp", "sigmoid_prime");
}

/// Exercise `layer_forward`: the weighted input of a layer, z = w a + b:
/// (Out, In) x (In) + (Out) -> (Out), i.e. z_j = Σ_k w_jk a_k + b_j.
template <int In, int Out, class S>
Vec<Out, S> weighted_input(const Layer<In, Out, S>& layer, const Vec<In, S>& a) {
    // TODO: return layer.w * a + layer.b.
    course::todo("02_sigmoid_mlp", "layer_forward");
}

/// Exercise `layer_forward` (second part): the layer's activation, σ(w a + b) (Out).
template <int In, int Out, class S>
Vec<Out, S> layer_forward(const Layer<In, Out, S>& layer, const Vec<In, S>& a) {
    // TODO: σ of the weighted input.
    course::todo("02_sigmoid_mlp", "layer_forward");
}

/// Exercise `init_normal`: every weight and every bias drawn from N(0, 1), as in the book.
/// Draw in this order, so that a seed gives everyone the same network: layer by layer from the
/// input, and in each layer first w (`rng.fill_normal(w)`), then b (`rng.fill_normal(b)`).
template <class S, int... Sizes>
void init_normal(BasicNetwork<S, Sizes...>& net, Rng& rng) {
    // TODO: for each layer l (static_for<num_layers>), fill layer<l>().w, then layer<l>().b.
    course::todo("02_sigmoid_mlp", "init_normal");
}

/// Exercise `feedforward`: the network's output a^L for the input x: a^0 = x, then
/// a^l = σ(w^l a^{l−1} + b^l) for l = 1 … L; x is (Sizes[0]), the result (Sizes[L]).
/// Each a^l has its own type (its length is in it), so no single variable can hold them all:
/// recurse over the layer index (a helper template `<std::size_t l>` with `if constexpr`), or
/// fold over `net.layers` with std::apply.
template <class S, int... Sizes>
Vec<BasicNetwork<S, Sizes...>::out_dim, S> feedforward(const BasicNetwork<S, Sizes...>& net,
                                                        const Vec<BasicNetwork<S, Sizes...>::in_dim, S>& x) {
    // TODO: apply layer_forward with layer<0>(), layer<1>(), … in turn, starting from x.
    course::todo("02_sigmoid_mlp", "feedforward");
}

/// Exercise `evaluate`: how many of the inputs x[i] the network classifies as y[i], i.e. for how
/// many i the largest entry of feedforward(net, x[i]) is at index y[i] (course::argmax).
/// Throws std::invalid_argument when x and y do not have the same number of entries.
template <class S, int... Sizes>
int evaluate(const BasicNetwork<S, Sizes...>& net, const std::vector<Vec<BasicNetwork<S, Sizes...>::in_dim, S>>& x,
             const std::vector<int>& y) {
    // TODO: check the sizes match, then count the i with argmax(feedforward(net, x[i])) == y[i].
    course::todo("02_sigmoid_mlp", "evaluate");
}

/// Going further, exercise `feedforward_batch`: the outputs for B inputs at once, one input per
/// column of X (In, B): A^0 = X, A^l = σ(W^l A^{l−1} + b^l 1ᵀ) (Sizes[l], B), i.e. the bias added
/// to every column. Column j of the result is feedforward(net, column j of X), but each layer is
/// one matrix product (Out, In) x (In, B) instead of B matrix-vector products.
template <int B, class S, int... Sizes>
Mat<BasicNetwork<S, Sizes...>::out_dim, B, S> feedforward_batch(const BasicNetwork<S, Sizes...>& net,
                                                                 const Mat<BasicNetwork<S, Sizes...>::in_dim, B, S>& x) {
    // TODO: as feedforward, with matmul(z, w, a) and add_to_each_column(z, b) for each layer.
    course::todo("02_sigmoid_mlp", "feedforward_batch");
}

}  // namespace course::ch02
