/// @file forward_cache.hpp
/// @brief Chapter 03's record of a forward pass: every weighted input z^l and activation a^l,
/// each with its own length in its type, kept for the backward pass.
#pragma once

#include <cstddef>
#include <tuple>
#include <utility>

#include "02_sigmoid_mlp/network.hpp"
#include "course/tensor.hpp"

/// Chapter 03: backpropagation.
namespace course::ch03 {

using ch02::BasicNetwork;
using ch02::Layer;
using ch02::Network;

namespace detail {
template <class S, class Indices, int... Sizes>
struct weighted_inputs_of;
template <class S, std::size_t... L, int... Sizes>
struct weighted_inputs_of<S, std::index_sequence<L...>, Sizes...> {
    static constexpr int sizes[] = {Sizes...};
    using type = std::tuple<Vec<sizes[L + 1], S>...>;  // z^1 … z^L
};
}  // namespace detail

/// What backpropagation needs from the forward pass of a `BasicNetwork<S, Sizes...>` on one input,
/// in the lesson's numbering (layers l = 1 … L, with `net.layer<l - 1>()` holding w^l and b^l):
///
/// | accessor | math | shape |
/// |---|---|---|
/// | `a<0>()` | a^0 = x, the input | (Sizes[0]) |
/// | `z<l>()`, l = 1 … L | z^l = w^l a^{l−1} + b^l | (Sizes[l]) |
/// | `a<l>()`, l = 1 … L | a^l = σ(z^l) | (Sizes[l]) |
///
/// Asking for z<0>() or an index above L does not compile.
template <class S, int... Sizes>
struct ForwardCache {
    static constexpr std::size_t num_layers = sizeof...(Sizes) - 1;  ///< L

    std::tuple<Vec<Sizes, S>...> activations;  ///< a^0 … a^L
    typename detail::weighted_inputs_of<S, std::make_index_sequence<sizeof...(Sizes) - 1>, Sizes...>::type
        weighted_inputs;                        ///< z^1 … z^L

    /// a^l for l = 0 … L (a^0 is the input x).
    template <std::size_t l>
    auto& a() {
        static_assert(l <= num_layers, "ForwardCache::a<l>(): l runs from 0 (the input) to L = num_layers");
        return std::get<l>(activations);
    }
    template <std::size_t l>
    const auto& a() const {
        static_assert(l <= num_layers, "ForwardCache::a<l>(): l runs from 0 (the input) to L = num_layers");
        return std::get<l>(activations);
    }
    /// z^l for l = 1 … L (the input layer has no weighted input).
    template <std::size_t l>
    auto& z() {
        static_assert(l >= 1 && l <= num_layers, "ForwardCache::z<l>(): l runs from 1 to L = num_layers");
        return std::get<l - 1>(weighted_inputs);
    }
    template <std::size_t l>
    const auto& z() const {
        static_assert(l >= 1 && l <= num_layers, "ForwardCache::z<l>(): l runs from 1 to L = num_layers");
        return std::get<l - 1>(weighted_inputs);
    }
};

}  // namespace course::ch03
