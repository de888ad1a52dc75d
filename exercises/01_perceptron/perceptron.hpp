/// @file exercises/01_perceptron/perceptron.hpp
/// @brief Chapter 01 exercises: the perceptron's prediction, its learning rule, and training.
///
/// Read chapters/01_perceptron/README.md first. Each function below is one exercise; replace
/// the `course::todo(...)` line with your code, then run `./course` to see the tests' verdict.
#pragma once

#include "01_perceptron/truth_tables.hpp"
#include "course/rng.hpp"
#include "course/todo.hpp"

namespace course::ch01 {

/// Exercise `predict`: the perceptron's output for input x (N): 1 if w·x + b > 0, else 0.
/// (A sum of exactly 0 gives 0.)
template <int N, class S>
int predict(const Perceptron<N, S>& p, const Vec<N, S>& x) {
    // TODO: compute z = w·x + b (course::dot) and return 1 if z > 0, else 0.
    course::todo("01_perceptron", "predict");
}

/// Exercise `update`: one step of the perceptron learning rule on the example (x, y):
/// ŷ = predict(p, x); w ← w + η (y − ŷ) x; b ← b + η (y − ŷ).
/// Returns true when the example was a mistake (ŷ ≠ y).
template <int N, class S>
bool update(Perceptron<N, S>& p, const Vec<N, S>& x, int y, S eta) {
    // TODO: predict, then move w and b by η (y − ŷ) x and η (y − ŷ); report whether ŷ ≠ y.
    course::todo("01_perceptron", "update");
}

/// Exercise `train`: epochs of `update` over the examples in order, until an epoch makes no
/// mistake (converged) or `max_epochs` epochs have run. Records the mistakes of every epoch.
template <int M, int N, class S>
TrainResult train(Perceptron<N, S>& p, const Dataset<M, N, S>& data, int max_epochs, S eta) {
    // TODO: loop over epochs; in each, update on every example and count the mistakes.
    course::todo("01_perceptron", "train");
}

/// Going further, exercise `train_pocket`: Gallant's pocket algorithm, for data no line separates.
/// For `steps` steps, `update` on an example picked at random (`rng.below(M)`), and keep "in your
/// pocket" the perceptron that misclassifies the fewest examples of the whole data set so far.
/// Leave the pocket's perceptron in p and return its number of mistakes (on XOR the best any line
/// can do is 1).
template <int M, int N, class S>
int train_pocket(Perceptron<N, S>& p, const Dataset<M, N, S>& data, int steps, S eta, Rng& rng) {
    // TODO: after every mistake-making update, count the data set's mistakes; keep a copy of the best.
    course::todo("01_perceptron", "train_pocket");
}

}  // namespace course::ch01
