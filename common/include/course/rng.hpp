/// @file rng.hpp
/// @brief A seeded, reproducible random number generator with the initialisations of the course.
#pragma once

#include <cmath>
#include <cstdint>
#include <numbers>
#include <random>
#include <utility>

#include "course/tensor.hpp"

namespace course {

/// Reproducible randomness: the same seed gives the same numbers on every machine and compiler.
/// mt19937_64 is fully specified by the C++ standard; the normal and uniform draws below are
/// computed here (Box–Muller) rather than by the library's distributions, which are not.
class Rng {
public:
    explicit Rng(std::uint64_t seed = 42) : engine_(seed) {}

    /// Uniform in [0, 1), with 53 random bits.
    double uniform01() { return double(engine_() >> 11) * 0x1.0p-53; }
    /// Uniform in [lo, hi).
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform01(); }
    /// Normal with the given mean and standard deviation.
    double normal(double mean = 0.0, double stddev = 1.0) {
        if (has_spare_) {
            has_spare_ = false;
            return mean + stddev * spare_;
        }
        double u1 = 0.0;
        while (u1 <= 0.0) u1 = uniform01();
        const double u2 = uniform01();
        const double r = std::sqrt(-2.0 * std::log(u1));
        spare_ = r * std::sin(2.0 * std::numbers::pi * u2);
        has_spare_ = true;
        return mean + stddev * r * std::cos(2.0 * std::numbers::pi * u2);
    }
    /// An integer uniform in [0, n).
    std::uint64_t below(std::uint64_t n) { return n ? engine_() % n : 0; }

    /// Fills m with N(mean, stddev²) draws.
    template <Shaped M>
    void fill_normal(M& m, double mean = 0.0, double stddev = 1.0) {
        for (int i = 0; i < M::rows; ++i)
            for (int j = 0; j < M::cols; ++j) m(i, j) = typename M::scalar_type(normal(mean, stddev));
    }
    /// Fills m with uniform draws in [lo, hi).
    template <Shaped M>
    void fill_uniform(M& m, double lo, double hi) {
        for (int i = 0; i < M::rows; ++i)
            for (int j = 0; j < M::cols; ++j) m(i, j) = typename M::scalar_type(uniform(lo, hi));
    }
    /// Shuffles a random-access range in place (Fisher–Yates).
    template <class Range>
    void shuffle(Range& r) {
        for (auto i = std::size(r); i > 1; --i) std::swap(r[i - 1], r[below(i)]);
    }

private:
    std::mt19937_64 engine_;
    double spare_ = 0.0;
    bool has_spare_ = false;
};

}  // namespace course
