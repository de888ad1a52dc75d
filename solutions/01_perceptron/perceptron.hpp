/// @file solutions/01_perceptron/perceptron.hpp
/// @brief Chapter 01 reference solutions: the perceptron's prediction, its learning rule, and training.
#pragma once

#include "01_perceptron/truth_tables.hpp"
#include "course/rng.hpp"

namespace course::ch01 {

/// Exercise `predict`: the perceptron's output for input x (N): 1 if w·x + b > 0, else 0.
template <int N, class S>
int predict(const Perceptron<N, S>& p, const Vec<N, S>& x) {
    const S z = dot(p.w, x) + p.b;  // (N)·(N) -> scalar
    return z > 0 ? 1 : 0;
}

/// Exercise `update`: one step of the learning rule: w ← w + η (y − ŷ) x, b ← b + η (y − ŷ). True on a mistake.
template <int N, class S>
bool update(Perceptron<N, S>& p, const Vec<N, S>& x, int y, S eta) {
    const int error = y - predict(p, x);  // −1, 0 or +1
    if (error == 0) return false;
    add_scaled(p.w, eta * S(error), x);   // (N) += scalar · (N)
    p.b += eta * S(error);
    return true;
}

/// Exercise `train`: epochs of `update` over the examples in order, until an epoch makes no mistake or
/// `max_epochs` have run.
template <int M, int N, class S>
TrainResult train(Perceptron<N, S>& p, const Dataset<M, N, S>& data, int max_epochs, S eta) {
    TrainResult result;
    while (result.epochs < max_epochs && !result.converged) {
        int mistakes = 0;
        for (int i = 0; i < M; ++i) mistakes += update(p, data.x[i], data.y[i], eta);
        result.mistakes.push_back(mistakes);
        ++result.epochs;
        result.converged = mistakes == 0;
    }
    return result;
}

/// Going further, exercise `train_pocket`: Gallant's pocket algorithm: `steps` updates on random examples, keeping the perceptron with the
/// fewest mistakes on the whole data set; leaves it in p and returns its number of mistakes.
template <int M, int N, class S>
int train_pocket(Perceptron<N, S>& p, const Dataset<M, N, S>& data, int steps, S eta, Rng& rng) {
    auto count_mistakes = [&](const Perceptron<N, S>& q) {
        int n = 0;
        for (int i = 0; i < M; ++i) n += predict(q, data.x[i]) != data.y[i];
        return n;
    };
    Perceptron<N, S> best = p;
    int fewest = count_mistakes(p);
    for (int step = 0; step < steps && fewest > 0; ++step) {
        const auto i = rng.below(M);
        if (update(p, data.x[i], data.y[i], eta)) {
            if (const int n = count_mistakes(p); n < fewest) {
                fewest = n;
                best = p;
            }
        }
    }
    p = best;
    return fewest;
}

}  // namespace course::ch01
