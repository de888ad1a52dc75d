// The shaped tensor core against raw Eigen, at the shapes of the GPT chapter.
//
// Each product is timed twice in this one binary: through the core (Mat<...> with named axes,
// matmul / matmul_add, x.T() views) and through plain Eigen (dynamic-size row-major matrices,
// `noalias()`), on the same shapes and the same numbers. The core's overhead is the ratio of the two
// times. A 1024³ Eigen GEMM says what this CPU can do at all.
//
// Every case reports GFLOP/s (2·M·N·K flops per product) as the counter `GFLOPS`.
//
// Single thread: Eigen is built here without OpenMP, so every product runs on one core
// (Eigen::nbThreads() is printed in the context; it must be 1 for the numbers to compare).
//
// Legend: B batch, T time (sequence), C channels, HS head size; B·T = 12 · 64 = 768, C = 128.
//
// Run (the machine is shared and noisy: read the medians):
//   cmake --build build --target bench_core
//   build/bench_core --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <Eigen/Core>

#include <string>

#include "course/rng.hpp"
#include "course/tensor.hpp"

using namespace course;

namespace {

// ---- the axes of the GPT chapter -----------------------------------------------------------
struct Tokens : Axis<768> {};    // B·T: every position of every sequence in the batch
struct Channels : Axis<128> {};  // C: the embedding width
struct Qkv : Axis<3 * 128> {};   // 3C: query, key and value side by side
struct Seq : Axis<64> {};        // T: the positions of one sequence
struct HeadSize : Axis<32> {};   // HS: the width of one attention head
inline constexpr Tokens BT{};
inline constexpr Channels C{};
inline constexpr Qkv C3{};
inline constexpr Seq T{};
inline constexpr HeadSize HS{};

/// Raw Eigen, the baseline: dynamic sizes, row-major like the core.
using RowMat = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/// A copy of a shaped operand as a raw Eigen matrix, so both sides multiply the same numbers.
template <Shaped M>
RowMat to_eigen(const M& m) {
    return m.eigen();
}

/// 2·M·N·K: the flops of one (M, K) x (K, N) product.
constexpr double product_flops(int m, int n, int k) { return 2.0 * m * n * k; }

/// Reports GFLOP/s: `flops` per iteration, divided by the time of the run, scaled to 1e9.
void report_gflops(benchmark::State& state, double flops_per_iteration) {
    state.counters["GFLOPS"] = benchmark::Counter(flops_per_iteration / 1e9, benchmark::Counter::kIsIterationInvariantRate);
}

/// Marks the case failed when the core's result differs from raw Eigen's (same kernel family, same
/// inputs: the difference is float rounding only, far below the tolerance).
template <Shaped M>
void check_against_eigen(benchmark::State& state, const M& core, const RowMat& eigen, float tolerance) {
    const float diff = (core.eigen() - eigen).cwiseAbs().maxCoeff();
    if (!(diff <= tolerance))
        state.SkipWithError(("the core and raw Eigen differ by " + std::to_string(diff)).c_str());
}

/// Lets the optimiser assume nothing about the inputs (their addresses escape).
template <class... P>
void escape(P*... p) {
    (benchmark::DoNotOptimize(p), ...);
}

// ---- QKV projection, forward: qkv = x w ----------------------------------------------------

void qkv_forward_core(benchmark::State& state) {
    Rng rng(1);
    Mat<BT, C> x;    // (B*T, C)
    Mat<C, C3> w;    // (C, 3C)
    Mat<BT, C3> qkv;  // (B*T, 3C)
    rng.fill_normal(x);
    rng.fill_normal(w, 0.0, 0.02);
    escape(x.data(), w.data());
    for (auto _ : state) {
        matmul(qkv, x, w);  // (B*T, C) x (C, 3C) -> (B*T, 3C)
        benchmark::DoNotOptimize(qkv.data());
        benchmark::ClobberMemory();
    }
    report_gflops(state, product_flops(BT.size, C3.size, C.size));
    RowMat expected(BT.size, C3.size);
    expected.noalias() = to_eigen(x) * to_eigen(w);
    check_against_eigen(state, qkv, expected, 1e-4f);
}

void qkv_forward_eigen(benchmark::State& state) {
    Rng rng(1);
    Mat<BT, C> x0;
    Mat<C, C3> w0;
    rng.fill_normal(x0);
    rng.fill_normal(w0, 0.0, 0.02);
    const RowMat x = to_eigen(x0);    // (B*T, C)
    const RowMat w = to_eigen(w0);    // (C, 3C)
    RowMat qkv(BT.size, C3.size);    // (B*T, 3C)
    escape(x.data(), w.data());
    for (auto _ : state) {
        qkv.noalias() = x * w;  // (B*T, C) x (C, 3C) -> (B*T, 3C)
        benchmark::DoNotOptimize(qkv.data());
        benchmark::ClobberMemory();
    }
    report_gflops(state, product_flops(BT.size, C3.size, C.size));
}

// ---- QKV projection, backward: dx = dqkv wᵀ, dw += xᵀ dqkv ---------------------------------

void qkv_backward_dx_core(benchmark::State& state) {
    Rng rng(2);
    Mat<BT, C3> dqkv;  // (B*T, 3C)
    Mat<C, C3> w;      // (C, 3C)
    Mat<BT, C> dx;     // (B*T, C)
    rng.fill_normal(dqkv);
    rng.fill_normal(w, 0.0, 0.02);
    escape(dqkv.data(), w.data());
    for (auto _ : state) {
        matmul(dx, dqkv, w.T());  // (B*T, 3C) x (3C, C) -> (B*T, C)
        benchmark::DoNotOptimize(dx.data());
        benchmark::ClobberMemory();
    }
    report_gflops(state, product_flops(BT.size, C.size, C3.size));
    RowMat expected(BT.size, C.size);
    expected.noalias() = to_eigen(dqkv) * to_eigen(w).transpose();
    check_against_eigen(state, dx, expected, 1e-4f);
}

void qkv_backward_dx_eigen(benchmark::State& state) {
    Rng rng(2);
    Mat<BT, C3> dqkv0;
    Mat<C, C3> w0;
    rng.fill_normal(dqkv0);
    rng.fill_normal(w0, 0.0, 0.02);
    const RowMat dqkv = to_eigen(dqkv0);  // (B*T, 3C)
    const RowMat w = to_eigen(w0);        // (C, 3C)
    RowMat dx(BT.size, C.size);           // (B*T, C)
    escape(dqkv.data(), w.data());
    for (auto _ : state) {
        dx.noalias() = dqkv * w.transpose();  // (B*T, 3C) x (3C, C) -> (B*T, C)
        benchmark::DoNotOptimize(dx.data());
        benchmark::ClobberMemory();
    }
    report_gflops(state, product_flops(BT.size, C.size, C3.size));
}

// dw accumulates across iterations, as gradients do between two zero_grad: the values grow, but
// only linearly in the iteration count, far from overflow.
void qkv_backward_dw_core(benchmark::State& state) {
    Rng rng(3);
    Mat<BT, C> x;      // (B*T, C)
    Mat<BT, C3> dqkv;  // (B*T, 3C)
    Mat<C, C3> dw;     // (C, 3C)
    rng.fill_normal(x);
    rng.fill_normal(dqkv);
    escape(x.data(), dqkv.data());
    for (auto _ : state) {
        matmul_add(dw, x.T(), dqkv);  // (C, B*T) x (B*T, 3C) -> (C, 3C), accumulated
        benchmark::DoNotOptimize(dw.data());
        benchmark::ClobberMemory();
    }
    report_gflops(state, product_flops(C.size, C3.size, BT.size));
    dw.zero();
    matmul_add(dw, x.T(), dqkv);
    RowMat expected = RowMat::Zero(C.size, C3.size);
    expected.noalias() += to_eigen(x).transpose() * to_eigen(dqkv);
    check_against_eigen(state, dw, expected, 1e-3f);
}

void qkv_backward_dw_eigen(benchmark::State& state) {
    Rng rng(3);
    Mat<BT, C> x0;
    Mat<BT, C3> dqkv0;
    rng.fill_normal(x0);
    rng.fill_normal(dqkv0);
    const RowMat x = to_eigen(x0);            // (B*T, C)
    const RowMat dqkv = to_eigen(dqkv0);      // (B*T, 3C)
    RowMat dw = RowMat::Zero(C.size, C3.size);  // (C, 3C)
    escape(x.data(), dqkv.data());
    for (auto _ : state) {
        dw.noalias() += x.transpose() * dqkv;  // (C, B*T) x (B*T, 3C) -> (C, 3C), accumulated
        benchmark::DoNotOptimize(dw.data());
        benchmark::ClobberMemory();
    }
    report_gflops(state, product_flops(C.size, C3.size, BT.size));
}

// ---- one attention head: att = q kᵀ (unscaled scores) --------------------------------------

void attention_scores_core(benchmark::State& state) {
    Rng rng(4);
    Mat<T, HS> q;   // (T, HS)
    Mat<T, HS> k;   // (T, HS)
    Mat<T, T> att;  // (T, T)
    rng.fill_normal(q);
    rng.fill_normal(k);
    escape(q.data(), k.data());
    for (auto _ : state) {
        matmul(att, q, k.T());  // (T, HS) x (HS, T) -> (T, T)
        benchmark::DoNotOptimize(att.data());
        benchmark::ClobberMemory();
    }
    report_gflops(state, product_flops(T.size, T.size, HS.size));
    RowMat expected(T.size, T.size);
    expected.noalias() = to_eigen(q) * to_eigen(k).transpose();
    check_against_eigen(state, att, expected, 1e-4f);
}

void attention_scores_eigen(benchmark::State& state) {
    Rng rng(4);
    Mat<T, HS> q0;
    Mat<T, HS> k0;
    rng.fill_normal(q0);
    rng.fill_normal(k0);
    const RowMat q = to_eigen(q0);  // (T, HS)
    const RowMat k = to_eigen(k0);  // (T, HS)
    RowMat att(T.size, T.size);     // (T, T)
    escape(q.data(), k.data());
    for (auto _ : state) {
        att.noalias() = q * k.transpose();  // (T, HS) x (HS, T) -> (T, T)
        benchmark::DoNotOptimize(att.data());
        benchmark::ClobberMemory();
    }
    report_gflops(state, product_flops(T.size, T.size, HS.size));
}

// ---- the reference: what this CPU does on a large square GEMM ------------------------------

void eigen_gemm_1024(benchmark::State& state) {
    constexpr int n = 1024;
    const RowMat a = RowMat::Random(n, n);  // (n, n)
    const RowMat b = RowMat::Random(n, n);  // (n, n)
    RowMat c(n, n);                         // (n, n)
    escape(a.data(), b.data());
    for (auto _ : state) {
        c.noalias() = a * b;  // (n, n) x (n, n) -> (n, n)
        benchmark::DoNotOptimize(c.data());
        benchmark::ClobberMemory();
    }
    report_gflops(state, product_flops(n, n, n));
}

}  // namespace

// Core and raw Eigen side by side, in model order; the reference last.
BENCHMARK(qkv_forward_core);
BENCHMARK(qkv_forward_eigen);
BENCHMARK(qkv_backward_dx_core);
BENCHMARK(qkv_backward_dx_eigen);
BENCHMARK(qkv_backward_dw_core);
BENCHMARK(qkv_backward_dw_eigen);
BENCHMARK(attention_scores_core);
BENCHMARK(attention_scores_eigen);
BENCHMARK(eigen_gemm_1024)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
    benchmark::AddCustomContext("eigen_version", std::to_string(EIGEN_WORLD_VERSION) + "." +
                                                     std::to_string(EIGEN_MAJOR_VERSION) + "." +
                                                     std::to_string(EIGEN_MINOR_VERSION));
    benchmark::AddCustomContext("eigen_simd", Eigen::SimdInstructionSetsInUse());
    benchmark::AddCustomContext("eigen_threads", std::to_string(Eigen::nbThreads()));
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
