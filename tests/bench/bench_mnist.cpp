// Chapter 04 benchmarks at the book's sizes, [784, 30, 10] with mini-batches of 10, beside a large
// Eigen GEMM in the same binary (what this machine's cores can do at best).
// Each case reports GFLOP/s (counter "GFLOPS"), counting a multiply-add as 2 FLOPs.
//
//   cmake --build build --target bench_mnist && build/bench_mnist
#include <benchmark/benchmark.h>

#include <Eigen/Core>

#include <numeric>
#include <vector>

#include "04_sgd/matrix_training.hpp"
#include "04_sgd/sgd.hpp"

using namespace course;
using namespace course::ch04;

namespace {

using Net = Network<784, 30, 10>;
constexpr int M = 10;
constexpr double forward_flops = 2.0 * (784 * 30 + 30 * 10);                 // one example
constexpr double backprop_flops = 2 * forward_flops + 2.0 * 30 * 10;        // forward, ∇w, δ back
constexpr double update_flops = M * backprop_flops + 2.0 * (784 * 30 + 30 * 10 + 30 + 10);  // + the step

struct Fixture {
    Net net;
    TrainingSet<784, 10> data;
    std::vector<std::size_t> batch;
    Fixture() {
        Rng rng(1);
        ch02::init_normal(net, rng);
        for (int i = 0; i < M; ++i) {
            Vec<784> x;
            rng.fill_uniform(x, 0.0, 1.0);
            data.x.push_back(x);
            data.y.push_back(one_hot<10>(i % 10));
        }
        batch.resize(M);
        std::iota(batch.begin(), batch.end(), std::size_t(0));
    }
};

void set_flops(benchmark::State& state, double flops_per_iteration) {
    state.counters["GFLOPS"] =
        benchmark::Counter(flops_per_iteration / 1e9, benchmark::Counter::kIsIterationInvariantRate);
}

void BM_feedforward_784_30_10(benchmark::State& state) {
    Fixture f;
    for (auto _ : state) {
        auto a = ch02::feedforward(f.net, f.data.x[0]);
        benchmark::DoNotOptimize(a.data());
    }
    set_flops(state, forward_flops);
}
BENCHMARK(BM_feedforward_784_30_10);

void BM_backprop_one_example_784_30_10(benchmark::State& state) {
    Fixture f;
    for (auto _ : state) {
        auto g = ch03::backprop(f.net, f.data.x[0], f.data.y[0]);
        benchmark::DoNotOptimize(g.layer<0>().w.data());
    }
    set_flops(state, backprop_flops);
}
BENCHMARK(BM_backprop_one_example_784_30_10);

void BM_update_mini_batch_per_example_10(benchmark::State& state) {
    Fixture f;
    for (auto _ : state) {
        update_mini_batch(f.net, f.data, f.batch, 1e-6f);
        benchmark::ClobberMemory();
    }
    set_flops(state, update_flops);
}
BENCHMARK(BM_update_mini_batch_per_example_10);

void BM_forward_matrix_784x10(benchmark::State& state) {
    Fixture f;
    MatrixWorkspace<Net, M> ws;
    load_batch(ws, f.data, f.batch);
    for (auto _ : state) {
        forward_matrix(ws, f.net);
        benchmark::ClobberMemory();
    }
    set_flops(state, M * forward_flops);
}
BENCHMARK(BM_forward_matrix_784x10);

void BM_backprop_matrix_784x10(benchmark::State& state) {
    Fixture f;
    MatrixWorkspace<Net, M> ws;
    load_batch(ws, f.data, f.batch);
    for (auto _ : state) {
        backprop_matrix(ws, f.net);
        benchmark::ClobberMemory();
    }
    set_flops(state, M * backprop_flops);
}
BENCHMARK(BM_backprop_matrix_784x10);

void BM_update_mini_batch_matrix_784x10(benchmark::State& state) {
    Fixture f;
    MatrixWorkspace<Net, M> ws;
    for (auto _ : state) {
        load_batch(ws, f.data, f.batch);
        update_mini_batch_matrix(f.net, ws, 1e-6f);
        benchmark::ClobberMemory();
    }
    set_flops(state, update_flops);
}
BENCHMARK(BM_update_mini_batch_matrix_784x10);

/// The yardstick: a large single-precision GEMM, (n, n) x (n, n), through Eigen.
void BM_eigen_gemm_float(benchmark::State& state) {
    const int n = int(state.range(0));
    Eigen::MatrixXf a = Eigen::MatrixXf::Random(n, n), b = Eigen::MatrixXf::Random(n, n), c(n, n);
    for (auto _ : state) {
        c.noalias() = a * b;
        benchmark::DoNotOptimize(c.data());
    }
    set_flops(state, 2.0 * n * n * n);
}
BENCHMARK(BM_eigen_gemm_float)->Arg(512)->Arg(1024);

}  // namespace

BENCHMARK_MAIN();
