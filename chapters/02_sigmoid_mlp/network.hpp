/// @file network.hpp
/// @brief Chapter 02's model: a fully connected layer, and a network whose layer sizes are a
/// compile-time list (`Network<784, 30, 10>`), so that every weight matrix has its shape in its type.
///
/// Numbering, as in the lesson: the network has L = `num_layers` layers of weights; layer l
/// (l = 1 … L) is `layer<l - 1>()` and maps a^{l−1} (`Sizes[l-1]`) to a^l (`Sizes[l]`), with
/// a^0 = x. (Nielsen's book numbers the input layer 1, so its w^2 is our w^1.)
#pragma once

#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

#include "course/tensor.hpp"

/// Chapter 02: the sigmoid multi-layer perceptron.
namespace course::ch02 {

/// One fully connected layer from `In` inputs to `Out` outputs: z = w a + b.
/// The weight w is (Out, In): row j holds the weights *into* neuron j, so w_jk connects input k
/// to output j, as in the book.
template <int In, int Out, class S = float>
struct Layer {
    static_assert(In > 0 && Out > 0, "Layer<In, Out>: a layer has at least one input and one output");
    static constexpr int in_dim = In;    ///< the length of the activation it reads, a^{l−1}
    static constexpr int out_dim = Out;  ///< the length of the activation it writes, a^l
    using scalar_type = S;
    Mat<Out, In, S> w;  ///< weights (Out, In)
    Vec<Out, S> b;      ///< biases (Out)
};

/// A list of layer sizes, used only to print them in compile errors: `course::ch02::LayerSizes<784, 30, 10>`.
template <int... Sizes>
struct LayerSizes {};

/// The checks of this chapter, named so that a failed `static_assert` prints both lists of sizes.
namespace check {
/// Two networks (or a network and its gradient) have the same list of sizes.
template <class A, class B>
struct network_sizes_match {
    static constexpr bool value = false;
};
template <int... N>
struct network_sizes_match<LayerSizes<N...>, LayerSizes<N...>> {
    static constexpr bool value = true;
};
}  // namespace check

namespace detail {
/// The tuple of layers Sizes[0] -> Sizes[1] -> … for a list of sizes: layer l reads what layer
/// l − 1 writes, by construction (an empty tuple for a list too short to make a network: the
/// static_assert in BasicNetwork says why).
template <class S, class Indices, int... Sizes>
struct layers_of {
    using type = std::tuple<>;
};
template <class S, std::size_t... L, int... Sizes>
    requires(sizeof...(Sizes) >= 2)
struct layers_of<S, std::index_sequence<L...>, Sizes...> {
    static constexpr int sizes[] = {Sizes...};
    using type = std::tuple<Layer<sizes[L], sizes[L + 1], S>...>;
};
template <class S, int... Sizes>
using layers_for =
    typename layers_of<S, std::make_index_sequence<(sizeof...(Sizes) >= 2 ? sizeof...(Sizes) - 1 : 0)>, Sizes...>::type;
}  // namespace detail

/// A network of sigmoid layers with sizes `Sizes...` (at least two: input and output).
/// Layer l (0-based `layer<l>()`) maps `Sizes[l]` -> `Sizes[l + 1]`; its weights are
/// `Mat<Sizes[l + 1], Sizes[l], S>`, derived by the compiler from the one list of sizes, so the
/// layers hook up by construction. A default-constructed network has every parameter 0.
///
/// A gradient of the cost has exactly the shape of the parameters, so chapter 03 returns it as a
/// `BasicNetwork` too.
template <class S, int... Sizes>
struct BasicNetwork {
    static_assert(sizeof...(Sizes) >= 2, "BasicNetwork<S, Sizes...>: a network needs at least two sizes, input and output");
    static_assert(((Sizes > 0) && ...), "BasicNetwork<S, Sizes...>: every layer size must be positive");

    using scalar_type = S;
    static constexpr int num_layers = int(sizeof...(Sizes)) - 1;                    ///< L, the layers of weights
    static constexpr int sizes[] = {Sizes...};                                      ///< the layer sizes
    static constexpr int in_dim = sizes[0];                                         ///< the input's length
    static constexpr int out_dim = sizes[sizeof...(Sizes) - 1];                     ///< the output's length
    /// The number of weights and biases, Σ_l Sizes[l+1]·(Sizes[l] + 1) (23,860 for <784, 30, 10>).
    static constexpr int num_parameters = [] {
        int n = 0;
        for (std::size_t l = 0; l + 1 < sizeof...(Sizes); ++l) n += sizes[l + 1] * (sizes[l] + 1);
        return n;
    }();

    /// The type of layer `L` (0-based): `Layer<Sizes[L], Sizes[L + 1], S>`.
    template <std::size_t L>
    using layer_type = std::tuple_element_t<L, detail::layers_for<S, Sizes...>>;

    detail::layers_for<S, Sizes...> layers;  ///< the layers, from the input: `std::tuple<Layer<Sizes[0], Sizes[1], S>, …>`

    /// A network with every parameter 0.
    BasicNetwork() = default;

    /// Does not compile, and says why: a network (or a gradient) of other sizes or another scalar
    /// type is never converted into this one (`ch02::cast<T>(net)` converts float <-> double).
    template <class T, int... Other>
    BasicNetwork(const BasicNetwork<T, Other...>&) {
        static_assert(check::network_sizes_match<LayerSizes<Sizes...>, LayerSizes<Other...>>::value,
                      "a network, and its gradient, has the layer sizes of its type: these two lists differ");
        if constexpr (check::network_sizes_match<LayerSizes<Sizes...>, LayerSizes<Other...>>::value)
            static_assert(std::is_same_v<S, T>, "the scalar types differ (float vs double): convert with ch02::cast<T>(net)");
    }

    /// Layer `L` (0-based), i.e. the lesson's layer l = L + 1, holding w^l and b^l.
    template <std::size_t L>
    auto& layer() {
        static_assert(L < std::size_t(num_layers), "layer<L>(): L counts from 0 and must be below num_layers");
        return std::get<L>(layers);
    }
    template <std::size_t L>
    const auto& layer() const {
        static_assert(L < std::size_t(num_layers), "layer<L>(): L counts from 0 and must be below num_layers");
        return std::get<L>(layers);
    }
};

/// A float network, e.g. `Network<784, 30, 10>`: 784 inputs, 30 hidden neurons, 10 outputs.
template <int... Sizes>
using Network = BasicNetwork<float, Sizes...>;

/// Calls `f(std::integral_constant<std::size_t, k>{})` for k = 0, 1, …, N − 1, in order: a loop
/// whose index is a compile-time constant, so that the body may use `net.template layer<k>()`
/// (each layer has a different type, so an ordinary `for` cannot walk them).
template <std::size_t N, class F>
void static_for(F&& f) {
    [&]<std::size_t... K>(std::index_sequence<K...>) { (f(std::integral_constant<std::size_t, K>{}), ...); }(
        std::make_index_sequence<N>{});
}

/// Like `static_for`, from k = N − 1 down to 0 (the order of the backward pass).
template <std::size_t N, class F>
void static_for_reverse(F&& f) {
    [&]<std::size_t... K>(std::index_sequence<K...>) {
        (f(std::integral_constant<std::size_t, N - 1 - K>{}), ...);
    }(std::make_index_sequence<N>{});
}

namespace detail {
template <class T> struct is_network : std::false_type {};
template <class S, int... Sizes> struct is_network<BasicNetwork<S, Sizes...>> : std::true_type {};
}  // namespace detail

/// Any `BasicNetwork<S, Sizes...>` (a network, or a gradient typed like one).
template <class N>
concept AnyNetwork = detail::is_network<std::remove_cvref_t<N>>::value;

/// Calls `f(p)` for every parameter matrix of `net`, in order: w^1, b^1, w^2, b^2, …
template <AnyNetwork Net, class F>
void for_each_parameter(Net&& net, F&& f) {
    static_for<std::size_t(std::remove_cvref_t<Net>::num_layers)>([&](auto l) {
        f(net.template layer<l>().w);
        f(net.template layer<l>().b);
    });
}

/// Calls `f(p, q)` for the matching parameters of two networks of the same type (a network and
/// its gradient), in order: `for_each_parameter(net, grad, [&](auto& w, const auto& g) { add_scaled(w, -eta, g); })`.
template <AnyNetwork Net, AnyNetwork Other, class F>
void for_each_parameter(Net&& net, Other&& other, F&& f) {
    static_assert(std::is_same_v<std::remove_cvref_t<Net>, std::remove_cvref_t<Other>>,
                  "for_each_parameter(net, other, f): both networks must have the same sizes and scalar type");
    static_for<std::size_t(std::remove_cvref_t<Net>::num_layers)>([&](auto l) {
        f(net.template layer<l>().w, other.template layer<l>().w);
        f(net.template layer<l>().b, other.template layer<l>().b);
    });
}

/// The same network with every parameter converted to scalar type T (e.g. float -> double for a
/// gradient check).
template <class T, class S, int... Sizes>
BasicNetwork<T, Sizes...> cast(const BasicNetwork<S, Sizes...>& net) {
    BasicNetwork<T, Sizes...> out;
    static_for<sizeof...(Sizes) - 1>([&](auto l) {
        out.template layer<l>().w = net.template layer<l>().w.template cast<T>();
        out.template layer<l>().b = net.template layer<l>().b.template cast<T>();
    });
    return out;
}

/// A 2-2-1 network wired by hand to compute XOR with sigmoid neurons:
/// hidden neuron 1 is OR, σ(20 x₁ + 20 x₂ − 10); hidden neuron 2 is NAND, σ(−20 x₁ − 20 x₂ + 30);
/// the output is AND of the two, σ(20 h₁ + 20 h₂ − 30). Outputs are within 1e-4 of XOR's truth table.
template <class S = float>
BasicNetwork<S, 2, 2, 1> hand_wired_xor() {
    BasicNetwork<S, 2, 2, 1> net;
    net.template layer<0>().w = Mat<2, 2, S>{{20, 20}, {-20, -20}};  // (2, 2): rows are OR, NAND
    net.template layer<0>().b = Vec<2, S>{-10, 30};
    net.template layer<1>().w = Mat<1, 2, S>{{20, 20}};               // (1, 2): AND of the two
    net.template layer<1>().b = Vec<1, S>{-30};
    return net;
}

}  // namespace course::ch02
