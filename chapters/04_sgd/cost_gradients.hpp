/// @file cost_gradients.hpp
/// @brief Chapter 04's given code for the going-further exercises: one example's gradient for each
/// cost, as function objects to pass to `update_mini_batch_l2`.
#pragma once

#include "03_backprop/backprop.hpp"
#include "04_sgd/going_further.hpp"

namespace course::ch04 {

/// Given: one example's ∇C for the quadratic cost (ch03::backprop), for update_mini_batch_l2.
struct QuadraticGradient {
    /// ∇C for the example (x, y), typed like `net`.
    template <class S, int... Sizes>
    BasicNetwork<S, Sizes...> operator()(const BasicNetwork<S, Sizes...>& net,
                                         const Vec<BasicNetwork<S, Sizes...>::in_dim, S>& x,
                                         const Vec<BasicNetwork<S, Sizes...>::out_dim, S>& y) const {
        return ch03::backprop(net, x, y);
    }
};

/// Given: one example's ∇C for the cross-entropy cost (ch03::backprop_cross_entropy).
struct CrossEntropyGradient {
    /// ∇C for the example (x, y), typed like `net`.
    template <class S, int... Sizes>
    BasicNetwork<S, Sizes...> operator()(const BasicNetwork<S, Sizes...>& net,
                                         const Vec<BasicNetwork<S, Sizes...>::in_dim, S>& x,
                                         const Vec<BasicNetwork<S, Sizes...>::out_dim, S>& y) const {
        return ch03::backprop_cross_entropy(net, x, y);
    }
};

/// Given: one example's ∇C for a softmax output with the log-likelihood cost (backprop_softmax).
struct SoftmaxGradient {
    /// ∇C for the example (x, y), typed like `net`.
    template <class S, int... Sizes>
    BasicNetwork<S, Sizes...> operator()(const BasicNetwork<S, Sizes...>& net,
                                         const Vec<BasicNetwork<S, Sizes...>::in_dim, S>& x,
                                         const Vec<BasicNetwork<S, Sizes...>::out_dim, S>& y) const {
        return backprop_softmax(net, x, y);
    }
};

}  // namespace course::ch04
