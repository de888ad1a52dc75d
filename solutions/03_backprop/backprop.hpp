/// @file solutions/03_backprop/backprop.hpp
/// @brief Chapter 03 reference solutions: the quadratic cost, the forward pass that keeps z^l and
/// a^l, the four equations of backpropagation BP1–BP4, and the gradient of one example.
#pragma once

#include <cmath>

#include "02_sigmoid_mlp/sigmoid_mlp.hpp"
#include "03_backprop/forward_cache.hpp"

namespace course::ch03 {

using ch02::sigmoid;
using ch02::sigmoid_prime;

/// Exercise `cost_derivative` (first part): the quadratic cost of one example: C = ½ ‖a − y‖² = ½ Σ_j (a_j − y_j)².
template <int N, class S>
S quadratic_cost(const Vec<N, S>& a, const Vec<N, S>& y) {
    const auto d = a - y;     // (N)
    return S(0.5) * dot(d, d);
}

/// Exercise `cost_derivative`: ∇_a C for the quadratic cost: ∂C/∂a_j = a_j − y_j.
template <int N, class S>
Vec<N, S> cost_derivative(const Vec<N, S>& a, const Vec<N, S>& y) {
    return a - y;  // (N)
}

/// Exercise `forward_pass`: the forward pass, keeping every z^l = w^l a^{l−1} + b^l and a^l = σ(z^l), with a^0 = x.
template <class S, int... Sizes>
ForwardCache<S, Sizes...> forward_pass(const BasicNetwork<S, Sizes...>& net,
                                       const Vec<BasicNetwork<S, Sizes...>::in_dim, S>& x) {
    ForwardCache<S, Sizes...> cache;
    cache.template a<0>() = x;  // (Sizes[0])
    ch02::static_for<sizeof...(Sizes) - 1>([&](auto k) {  // layer<k>() is layer l = k + 1
        constexpr std::size_t l = k + 1;
        cache.template z<l>() = ch02::weighted_input(net.template layer<k>(), cache.template a<l - 1>());  // (Sizes[l])
        cache.template a<l>() = sigmoid(cache.template z<l>());                                             // (Sizes[l])
    });
    return cache;
}

/// Exercise `output_error` (BP1): the error of the output layer, δ^L = ∇_a C ⊙ σ′(z^L).
template <int N, class S>
Vec<N, S> output_error(const Vec<N, S>& grad_a, const Vec<N, S>& z) {
    return hadamard(grad_a, sigmoid_prime(z));  // (N) ⊙ (N)
}

/// Exercise `backpropagate_error` (BP2): the error of layer l from that of layer l + 1, δ^l = ((w^{l+1})ᵀ δ^{l+1}) ⊙ σ′(z^l).
/// `next` is layer l + 1 (its w is (Out, In)), delta_next is δ^{l+1} (Out), z is z^l (In).
template <int In, int Out, class S>
Vec<In, S> backpropagate_error(const Layer<In, Out, S>& next, const Vec<Out, S>& delta_next, const Vec<In, S>& z) {
    Vec<In, S> back;
    matmul(back, next.w.T(), delta_next);    // (In, Out) x (Out) -> (In)
    return hadamard(back, sigmoid_prime(z));  // (In) ⊙ (In)
}

/// Exercise `layer_gradient` (BP3 and BP4): the gradient of layer l, ∂C/∂w^l = δ^l (a^{l−1})ᵀ and ∂C/∂b^l = δ^l.
template <int In, int Out, class S>
Layer<In, Out, S> layer_gradient(const Vec<Out, S>& delta, const Vec<In, S>& a_prev) {
    Layer<In, Out, S> g;
    matmul(g.w, delta, a_prev.T());  // (Out) x (1, In) -> (Out, In)
    g.b = delta;                     // (Out)
    return g;
}

/// Exercise `backprop`: ∇C for one example (x, y), typed exactly like the parameters: grad.layer<l - 1>().w is
/// ∂C/∂w^l, grad.layer<l - 1>().b is ∂C/∂b^l (= δ^l, which is where δ^l is kept on the way back).
template <class S, int... Sizes>
BasicNetwork<S, Sizes...> backprop(const BasicNetwork<S, Sizes...>& net, const Vec<BasicNetwork<S, Sizes...>::in_dim, S>& x,
                                   const Vec<BasicNetwork<S, Sizes...>::out_dim, S>& y) {
    constexpr std::size_t L = sizeof...(Sizes) - 1;
    const auto cache = forward_pass(net, x);
    BasicNetwork<S, Sizes...> grad;
    grad.template layer<L - 1>().b = output_error(cost_derivative(cache.template a<L>(), y), cache.template z<L>());  // BP1
    ch02::static_for_reverse<L>([&](auto k) {  // k = L−1 … 0: layer l = k + 1
        constexpr std::size_t l = k + 1;
        auto& g = grad.template layer<k>();
        if constexpr (l < L)  // BP2: δ^l from δ^{l+1}, kept in the gradient of b^{l+1}
            g.b = backpropagate_error(net.template layer<l>(), grad.template layer<l>().b, cache.template z<l>());
        g = layer_gradient(g.b, cache.template a<l - 1>());  // BP3, BP4
    });
    return grad;
}

/// Going further, exercise `cross_entropy` (first part): the cross-entropy cost C = −Σ_j [y_j ln a_j + (1 − y_j) ln(1 − a_j)].
/// (0 · ln 0 counts as 0, so a_j = y_j ∈ {0, 1} costs nothing.)
template <int N, class S>
S cross_entropy_cost(const Vec<N, S>& a, const Vec<N, S>& y) {
    auto xlogy = [](S u, S v) { return u == S(0) ? S(0) : u * std::log(v); };
    S c = 0;
    for (int j = 0; j < N; ++j) c -= xlogy(y[j], a[j]) + xlogy(S(1) - y[j], S(1) - a[j]);
    return c;
}

/// Going further, exercise `cross_entropy`: ∇C for the cross-entropy cost. Its BP1 is δ^L = a^L − y (σ′ cancels out);
/// BP2–BP4 are unchanged.
template <class S, int... Sizes>
BasicNetwork<S, Sizes...> backprop_cross_entropy(const BasicNetwork<S, Sizes...>& net,
                                                 const Vec<BasicNetwork<S, Sizes...>::in_dim, S>& x,
                                                 const Vec<BasicNetwork<S, Sizes...>::out_dim, S>& y) {
    constexpr std::size_t L = sizeof...(Sizes) - 1;
    const auto cache = forward_pass(net, x);
    BasicNetwork<S, Sizes...> grad;
    grad.template layer<L - 1>().b = cache.template a<L>() - y;  // BP1 for cross-entropy
    ch02::static_for_reverse<L>([&](auto k) {
        constexpr std::size_t l = k + 1;
        auto& g = grad.template layer<k>();
        if constexpr (l < L)
            g.b = backpropagate_error(net.template layer<l>(), grad.template layer<l>().b, cache.template z<l>());
        g = layer_gradient(g.b, cache.template a<l - 1>());
    });
    return grad;
}

}  // namespace course::ch03
