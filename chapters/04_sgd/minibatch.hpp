/// @file minibatch.hpp
/// @brief Chapter 04's data and buffers: a training set with vector targets, and the workspace of
/// the matrix-based mini-batch (every activation of a batch of M examples, one per column).
///
/// Legend: M mini-batch size (compile-time), n_l = Sizes[l] the width of layer l, L the number of
/// layers of weights. Layer `k` (0-based, `net.layer<k>()`) maps a^k (n_k) to a^{k+1} (n_{k+1}).
#pragma once

#include <cmath>
#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

#include "02_sigmoid_mlp/sigmoid_mlp.hpp"
#include "course/idx.hpp"
#include "course/tensor.hpp"

/// Chapter 04: stochastic gradient descent on mini-batches.
namespace course::ch04 {

using ch02::BasicNetwork;
using ch02::Network;

/// Training examples: inputs x[i] (In) and desired outputs y[i] (Out), e.g. one-hot digits.
template <int In, int Out, class S = float>
struct TrainingSet {
    std::vector<Vec<In, S>> x;   ///< inputs, (In) each
    std::vector<Vec<Out, S>> y;  ///< desired outputs, (Out) each
    std::size_t size() const { return x.size(); }
};

/// The training set that fits network type `Net`: (in_dim) inputs, (out_dim) targets.
template <class Net>
using TrainingSetFor = TrainingSet<Net::in_dim, Net::out_dim, typename Net::scalar_type>;

/// The vector e_j (N): 1 at index j, 0 elsewhere — the desired output for digit j.
template <int N, class S = float>
Vec<N, S> one_hot(int j) {
    if (j < 0 || j >= N)
        throw std::out_of_range("one_hot<" + std::to_string(N) + ">(" + std::to_string(j) + "): index out of range");
    Vec<N, S> e;
    e[j] = S(1);
    return e;
}

/// The first `limit` (all when 0) labelled images as a training set with one-hot targets (10).
/// The images are moved, not copied: a training run holds one copy of its data set.
template <int Pixels>
TrainingSet<Pixels, 10> to_training_set(LabelledImages<Pixels>&& d, std::size_t limit = 0) {
    if (limit > 0 && limit < d.size()) {
        d.x.resize(limit);
        d.y.resize(limit);
    }
    TrainingSet<Pixels, 10> out;
    out.x = std::move(d.x);
    out.y.reserve(out.x.size());
    for (std::size_t i = 0; i < out.x.size(); ++i) out.y.push_back(one_hot<10>(d.y[i]));
    return out;
}

/// The default per-epoch callback of `sgd`: does nothing.
struct NoCallback {
    void operator()(int /*epoch*/) const {}
};

// ---------------------------------------------------------------------------------------------
// The matrix-based mini-batch: buffers allocated once, reused for every batch
// ---------------------------------------------------------------------------------------------

template <class Net, int M>
struct MatrixWorkspace;

/// Every buffer of a mini-batch of M examples through `BasicNetwork<S, In, Rest...>`, allocated once.
/// Column j of every matrix belongs to example j of the batch.
///
/// | buffer | shape | meaning |
/// |---|---|---|
/// | `xt` | (M, n_0) | Xᵀ: the inputs, example j in row j (contiguous in memory) |
/// | `y` | (n_L, M) | Y: the desired outputs |
/// | `z<k>()` | (n_{k+1}, M) | Z^{k+1} = W^{k+1} A^k + b^{k+1} 1ᵀ |
/// | `a<k>()` | (n_{k+1}, M) | A^{k+1} = σ(Z^{k+1}) |
/// | `delta<k>()` | (n_{k+1}, M) | Δ^{k+1} = ∂C/∂Z^{k+1}, one column per example |
/// | `input<k>()` | (n_k, M) | what layer k reads: X = `xt.T()` for k = 0, else `a<k-1>()` |
/// | `grad` | like the network | ∇C summed over the M examples |
template <class S, int M, int In, int... Rest>
struct MatrixWorkspace<BasicNetwork<S, In, Rest...>, M> {
    static_assert(M > 0, "MatrixWorkspace<Net, M>: the mini-batch size M must be positive");
    using Net = BasicNetwork<S, In, Rest...>;
    static constexpr int batch = M;
    static constexpr std::size_t num_layers = sizeof...(Rest);

    Mat<M, In, S> xt;                            ///< Xᵀ (M, n_0): one example per row, so that copying one in is one block
    Mat<Net::out_dim, M, S> y;                   ///< Y (n_L, M)
    std::tuple<Mat<Rest, M, S>...> zs;           ///< Z^1 … Z^L
    std::tuple<Mat<Rest, M, S>...> activations;  ///< A^1 … A^L
    std::tuple<Mat<Rest, M, S>...> deltas;       ///< Δ^1 … Δ^L
    Net grad;                                    ///< ∇C summed over the batch, typed like the parameters

    /// Z of layer k's output (n_{k+1}, M).
    template <std::size_t K> auto& z() { return std::get<K>(zs); }
    template <std::size_t K> const auto& z() const { return std::get<K>(zs); }
    /// A = σ(Z) of layer k's output (n_{k+1}, M).
    template <std::size_t K> auto& a() { return std::get<K>(activations); }
    template <std::size_t K> const auto& a() const { return std::get<K>(activations); }
    /// Δ = ∂C/∂Z of layer k's output (n_{k+1}, M).
    template <std::size_t K> auto& delta() { return std::get<K>(deltas); }
    template <std::size_t K> const auto& delta() const { return std::get<K>(deltas); }
    /// The activation layer k reads (n_k, M): X = `xt.T()` (a view, no copy) for k = 0, else A of
    /// layer k − 1. Its transpose `input<k>().T()` is (M, n_k).
    template <std::size_t K>
    decltype(auto) input() const {
        if constexpr (K == 0) return xt.T();
        else return (std::get<K - 1>(activations));
    }
    /// The network's output A^L (n_L, M).
    const auto& output() const { return std::get<num_layers - 1>(activations); }
};

/// The workspace type for network type `Net` and batch size M.
template <class Net, int M>
using WorkspaceFor = MatrixWorkspace<Net, M>;

/// Copies the examples `batch` (M indices) of `data` into the batch: example j into row j of ws.xt
/// (column j of X) and column j of ws.y.
template <class S, int M, int In, int... Rest>
void load_batch(MatrixWorkspace<BasicNetwork<S, In, Rest...>, M>& ws,
                const TrainingSetFor<BasicNetwork<S, In, Rest...>>& data, std::span<const std::size_t> batch) {
    if (batch.size() != std::size_t(M))
        throw std::invalid_argument("load_batch: " + std::to_string(batch.size()) + " indices for a batch of " +
                                    std::to_string(M));
    for (int j = 0; j < M; ++j) {
        rows<1>(ws.xt, j) = data.x[batch[std::size_t(j)]].T();  // row j <- (n_0)ᵀ
        cols<1>(ws.y, j) = data.y[batch[std::size_t(j)]];  // column j <- (n_L)
    }
}

// ---------------------------------------------------------------------------------------------
// Helpers for the hot loop (no temporaries)
// ---------------------------------------------------------------------------------------------

/// out = σ(z), entry by entry; out and z have the same shape (they may be the same matrix).
template <Shaped O, Shaped Z>
void sigmoid_into(O& out, const Z& z) {
    using S = typename Z::scalar_type;
    if constexpr (detail::check_same_shape<O, Z>()) out.eigen() = (S(1) + (-z.eigen().array()).exp()).inverse().matrix();
}

/// delta ⊙= σ′(z), given a = σ(z): σ′(z) = a (1 − a). Same shapes.
template <Shaped D, Shaped A>
void times_sigmoid_prime(D& delta, const A& a) {
    using S = typename A::scalar_type;
    if constexpr (detail::check_same_shape<D, A>())
        delta.eigen().array() *= a.eigen().array() * (S(1) - a.eigen().array());
}

// ---------------------------------------------------------------------------------------------
// Measuring a network
// ---------------------------------------------------------------------------------------------

/// True when every weight and bias is finite (training has not diverged to NaN or ∞).
template <class S, int... Sizes>
bool all_parameters_finite(const BasicNetwork<S, Sizes...>& net) {
    bool ok = true;
    ch02::for_each_parameter(net, [&](const auto& p) { ok = ok && all_finite(p); });
    return ok;
}

/// The quadratic cost C = 1/(2n) Σ_i ‖a^L(x_i) − e_{y_i}‖² over labelled images.
template <class S, int... Sizes>
double quadratic_cost(const BasicNetwork<S, Sizes...>& net,
                      const std::vector<Vec<BasicNetwork<S, Sizes...>::in_dim, S>>& x, const std::vector<int>& y) {
    constexpr int Out = BasicNetwork<S, Sizes...>::out_dim;
    double total = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const auto a = ch02::feedforward(net, x[i]);
        for (int k = 0; k < Out; ++k) {
            const double d = double(a[k]) - (k == y[i] ? 1.0 : 0.0);
            total += d * d;
        }
    }
    return x.empty() ? 0.0 : total / (2.0 * double(x.size()));
}

/// The log-likelihood cost of a softmax output, C = −Σ_j y_j ln a_j, which is −ln a_y for a
/// one-hot y (the probability the network gives the right answer, on a log scale). A term whose y_j
/// is 0 counts as 0.
template <int N, class S>
S log_likelihood_cost(const Vec<N, S>& a, const Vec<N, S>& y) {
    S c = 0;
    for (int j = 0; j < N; ++j)
        if (y[j] != S(0)) c -= y[j] * std::log(a[j]);
    return c;
}

}  // namespace course::ch04
