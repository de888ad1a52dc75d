/// @file truth_tables.hpp
/// @brief Chapter 01's model and data: a perceptron, labelled examples, the four truth tables.
#pragma once

#include <array>
#include <vector>

#include "course/tensor.hpp"

/// Chapter 01: the perceptron.
namespace course::ch01 {

/// A perceptron with N inputs: weights w (N) and a bias b. It outputs 1 when w·x + b > 0, else 0.
template <int N, class S = float>
struct Perceptron {
    Vec<N, S> w;  ///< weights, one per input (N)
    S b = 0;      ///< bias (the negative of the threshold)
};

/// M labelled examples with N features each: inputs x[i] (N) and labels y[i] ∈ {0, 1}.
template <int M, int N, class S = float>
struct Dataset {
    std::array<Vec<N, S>, M> x;  ///< the inputs, each a column vector (N)
    std::array<int, M> y{};      ///< the labels, 0 or 1
};

/// What `train` did: how many epochs it ran, whether the last epoch had no mistakes, and the
/// number of mistakes in each epoch.
struct TrainResult {
    int epochs = 0;              ///< epochs run
    bool converged = false;      ///< true when the last epoch made no mistake
    std::vector<int> mistakes;   ///< mistakes per epoch, one entry per epoch run
};

/// The truth table of a two-input boolean function as four labelled examples,
/// in the order (0,0), (0,1), (1,0), (1,1).
template <class S = float>
Dataset<4, 2, S> truth_table(int y00, int y01, int y10, int y11) {
    Dataset<4, 2, S> d;
    d.x = {Vec<2, S>{0, 0}, Vec<2, S>{0, 1}, Vec<2, S>{1, 0}, Vec<2, S>{1, 1}};
    d.y = {y00, y01, y10, y11};
    return d;
}
template <class S = float> Dataset<4, 2, S> and_table() { return truth_table<S>(0, 0, 0, 1); }   ///< AND
template <class S = float> Dataset<4, 2, S> or_table() { return truth_table<S>(0, 1, 1, 1); }    ///< OR
template <class S = float> Dataset<4, 2, S> nand_table() { return truth_table<S>(1, 1, 1, 0); }  ///< NAND
template <class S = float> Dataset<4, 2, S> xor_table() { return truth_table<S>(0, 1, 1, 0); }   ///< XOR

}  // namespace course::ch01
