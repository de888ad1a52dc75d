/// @file solutions/02_sigmoid_mlp/sigmoid_mlp.hpp
/// @brief Chapter 02 reference solutions: σ and σ′, one layer's forward pass, initialisation,
/// feedforward through a whole network, and evaluation.
#pragma once

#include <cmath>
#include <concepts>
#include <stdexcept>
#include <string>
#include <vector>

#include "02_sigmoid_mlp/network.hpp"
#include "course/rng.hpp"

namespace course::ch02 {

/// Exercise `sigmoid`: σ(z) = 1 / (1 + e^{−z}), written so that e^{...} never overflows: for z < 0 it uses
/// e^{z} / (1 + e^{z}), which is the same number.
template <std::floating_point S>
S sigmoid(S z) {
    if (z >= 0) return S(1) / (S(1) + std::exp(-z));
    const S e = std::exp(z);  // in (0, 1): no overflow
    return e / (S(1) + e);
}

/// Exercise `sigmoid` (second part): σ applied to every entry of m.
template <auto R, auto C, class S>
Mat<R, C, S> sigmoid(const Mat<R, C, S>& m) {
    return map(m, [](S z) { return sigmoid(z); });
}

/// Exercise `sigmoid_prime`: σ′(z) = σ(z) (1 − σ(z)).
template <std::floating_point S>
S sigmoid_prime(S z) {
    const S s = sigmoid(z);
    return s * (S(1) - s);
}

/// Exercise `sigmoid_prime` (second part): σ′ applied to every entry of m.
template <auto R, auto C, class S>
Mat<R, C, S> sigmoid_prime(const Mat<R, C, S>& m) {
    return map(m, [](S z) { return sigmoid_prime(z); });
}

/// Exercise `layer_forward`: the weighted input of a layer: z = w a + b.
template <int In, int Out, class S>
Vec<Out, S> weighted_input(const Layer<In, Out, S>& layer, const Vec<In, S>& a) {
    Vec<Out, S> z = layer.b;    // (Out)
    matmul_add(z, layer.w, a);  // (Out) += (Out, In) x (In) -> (Out)
    return z;
}

/// Exercise `layer_forward` (second part): the layer's activation: a' = σ(w a + b).
template <int In, int Out, class S>
Vec<Out, S> layer_forward(const Layer<In, Out, S>& layer, const Vec<In, S>& a) {
    return sigmoid(weighted_input(layer, a));  // (Out)
}

/// Exercise `init_normal`: every weight and bias drawn from N(0, 1), layer by layer, w then b, with rng.fill_normal.
template <class S, int... Sizes>
void init_normal(BasicNetwork<S, Sizes...>& net, Rng& rng) {
    static_for<sizeof...(Sizes) - 1>([&](auto l) {
        rng.fill_normal(net.template layer<l>().w);  // (Sizes[l+1], Sizes[l])
        rng.fill_normal(net.template layer<l>().b);  // (Sizes[l+1])
    });
}

namespace detail {
/// a^L from a^l: the layers from `L` on, applied one after the other.
template <std::size_t L, class S, int... Sizes, class A>
auto feedforward_from(const BasicNetwork<S, Sizes...>& net, const A& a) {
    if constexpr (L == sizeof...(Sizes) - 1) return a;
    else return feedforward_from<L + 1>(net, layer_forward(net.template layer<L>(), a));
}
}  // namespace detail

/// Exercise `feedforward`: the network's output a^L for input x: a^0 = x, a^l = σ(w^l a^{l−1} + b^l).
template <class S, int... Sizes>
Vec<BasicNetwork<S, Sizes...>::out_dim, S> feedforward(const BasicNetwork<S, Sizes...>& net,
                                                        const Vec<BasicNetwork<S, Sizes...>::in_dim, S>& x) {
    return detail::feedforward_from<0>(net, x);
}

/// Exercise `evaluate`: the number of inputs x[i] whose output's largest entry is at index y[i].
template <class S, int... Sizes>
int evaluate(const BasicNetwork<S, Sizes...>& net, const std::vector<Vec<BasicNetwork<S, Sizes...>::in_dim, S>>& x,
             const std::vector<int>& y) {
    if (x.size() != y.size())
        throw std::invalid_argument("evaluate: " + std::to_string(x.size()) + " inputs but " +
                                    std::to_string(y.size()) + " labels");
    int correct = 0;
    for (std::size_t i = 0; i < x.size(); ++i) correct += argmax(feedforward(net, x[i])) == y[i];
    return correct;
}

namespace detail {
/// A^L from A^l for a batch of columns: the layers from `L` on.
template <std::size_t L, class S, int... Sizes, class A>
auto feedforward_batch_from(const BasicNetwork<S, Sizes...>& net, const A& a) {
    if constexpr (L == sizeof...(Sizes) - 1) {
        return a;
    } else {
        const auto& layer = net.template layer<L>();
        constexpr int out = BasicNetwork<S, Sizes...>::sizes[L + 1];
        Mat<out, A::col_dim, S> z;       // (Out, B)
        matmul(z, layer.w, a);           // (Out, In) x (In, B) -> (Out, B)
        add_to_each_column(z, layer.b);  // + b in every column
        return feedforward_batch_from<L + 1>(net, sigmoid(z));
    }
}
}  // namespace detail

/// Going further, exercise `feedforward_batch`: the outputs for B inputs at once, one per column: A^0 = X (In, B),
/// A^l = σ(W^l A^{l−1} + b^l 1ᵀ) (Sizes[l], B). Column j of the result is feedforward(net, column j of X).
template <int B, class S, int... Sizes>
Mat<BasicNetwork<S, Sizes...>::out_dim, B, S> feedforward_batch(const BasicNetwork<S, Sizes...>& net,
                                                                 const Mat<BasicNetwork<S, Sizes...>::in_dim, B, S>& x) {
    return detail::feedforward_batch_from<0>(net, x);
}

}  // namespace course::ch02
