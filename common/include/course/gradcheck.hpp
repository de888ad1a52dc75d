/// @file gradcheck.hpp
/// @brief Numerical gradient checks: central differences and relative error.
#pragma once

#include <algorithm>
#include <cmath>

#include "course/tensor.hpp"

namespace course {

/// |a − b| / max(|a|, |b|), and 0 when both are 0: the error measure of gradient checks.
inline double relative_error(double a, double b) {
    const double scale = std::max(std::abs(a), std::abs(b));
    return scale == 0.0 ? 0.0 : std::abs(a - b) / scale;
}

/// The numerical gradient of a scalar function with respect to every entry of `param`, by
/// central differences: ∂f/∂p ≈ (f(p + h) − f(p − h)) / 2h. `loss()` is re-evaluated after each
/// nudge, so it must read `param` (by reference). `param` is left as it was.
template <Shaped P, class Loss>
Mat<P::row_dim, P::col_dim, typename P::scalar_type> numerical_gradient(P& param, Loss&& loss, double h = 1e-6) {
    Mat<P::row_dim, P::col_dim, typename P::scalar_type> grad;
    for (int i = 0; i < P::rows; ++i)
        for (int j = 0; j < P::cols; ++j) {
            const auto saved = param(i, j);
            param(i, j) = saved + h;
            const double plus = loss();
            param(i, j) = saved - h;
            const double minus = loss();
            param(i, j) = saved;
            grad(i, j) = typename P::scalar_type((plus - minus) / (2 * h));
        }
    return grad;
}

/// The largest relative error between an analytic gradient and the numerical one of `loss`
/// with respect to `param` (same shape: a gradient of another shape does not compile).
/// Entries where both gradients are below `floor` in magnitude count as agreeing.
template <Shaped P, Shaped G, class Loss>
double gradient_check(P& param, const G& analytic, Loss&& loss, double h = 1e-6, double floor = 1e-10) {
    static_assert(check::shapes_match<shape_of<P>, shape_of<G>>::value,
                  "gradient_check(param, gradient, loss): the gradient must have the parameter's shape");
    const auto numeric = numerical_gradient(param, loss, h);
    double worst = 0.0;
    for (int i = 0; i < P::rows; ++i)
        for (int j = 0; j < P::cols; ++j) {
            const double a = analytic(i, j), n = numeric(i, j);
            if (std::max(std::abs(a), std::abs(n)) < floor) continue;
            worst = std::max(worst, relative_error(a, n));
        }
    return worst;
}

}  // namespace course
