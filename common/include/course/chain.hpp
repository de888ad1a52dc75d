/// @file chain.hpp
/// @brief Networks as compile-time chains of layers: each layer's input must be the previous layer's output.
#pragma once

#include <tuple>
#include <type_traits>

#include "course/tensor.hpp"

namespace course {

namespace check {
/// `Chain<A, B>`: B reads the dimension that A writes.
template <auto PreviousOutput, auto NextInput>
struct layer_input_matches {
    static constexpr bool value = same_dim<PreviousOutput, NextInput>;
};
}  // namespace check

/// A layer declares the dimension it reads (`in_dim`) and the one it writes (`out_dim`).
template <class L>
concept Layer = requires {
    L::in_dim;
    L::out_dim;
};

namespace detail {
template <Layer A>
consteval bool check_chain() {
    return true;
}
template <Layer A, Layer B, Layer... More>
consteval bool check_chain() {
    static_assert(check::layer_input_matches<A::out_dim, B::in_dim>::value,
                  "Chain<..., A, B, ...>: layer B must read what layer A writes");
    if constexpr (sizeof...(More) > 0) return check_chain<B, More...>() && same_dim<A::out_dim, B::in_dim>;
    else return same_dim<A::out_dim, B::in_dim>;
}
}  // namespace detail

/// Layers applied one after the other; hooking up a layer whose input is not the previous layer's
/// output does not compile. `in_dim` is the first layer's input, `out_dim` the last one's output.
template <Layer First, Layer... Rest>
struct Chain {
    static_assert((static_cast<void>(detail::check_chain<First, Rest...>()), true));
    static constexpr auto in_dim = First::in_dim;
    static constexpr auto out_dim = std::tuple_element_t<sizeof...(Rest), std::tuple<First, Rest...>>::out_dim;
    std::tuple<First, Rest...> layers;  ///< the layers, in order
};

}  // namespace course
