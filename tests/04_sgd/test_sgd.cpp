// Chapter 04 tests: one suite per exercise, named as in chapters/04_sgd/chapter.toml.
// Small networks and synthetic data; the matrix-based mini-batch is checked against the
// per-example backprop of chapter 03 (stated tolerances) and against finite differences.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <numeric>
#include <vector>

#include "04_sgd/matrix_training.hpp"
#include "04_sgd/sgd.hpp"
#include "course/gradcheck.hpp"
#include "../support/naive_network.hpp"
#include "examples.hpp"

using namespace course;
using namespace course::ch04;
using namespace course::test;
namespace tt = boost::test_tools;

namespace {



/// The largest |p| over every parameter.
template <class S, int... Sizes>
double max_param_abs(const BasicNetwork<S, Sizes...>& a) {
    double worst = 0;
    ch02::for_each_parameter(a, [&](const auto& p) { worst = std::max(worst, double(p.eigen().cwiseAbs().maxCoeff())); });
    return worst;
}

/// Σ_i ∇C_i by chapter 03's per-example backprop: the reference for the matrix-based batch.
template <class S, int... Sizes>
BasicNetwork<S, Sizes...> summed_backprop(const BasicNetwork<S, Sizes...>& net,
                                          const TrainingSetFor<BasicNetwork<S, Sizes...>>& d,
                                          std::span<const std::size_t> batch) {
    BasicNetwork<S, Sizes...> sum;
    for (std::size_t i : batch) {
        const auto g = ch03::backprop(net, d.x[i], d.y[i]);
        ch02::for_each_parameter(sum, g, [](auto& s, const auto& q) { s += q; });
    }
    return sum;
}

/// The quadratic cost Σ_i ½‖a(x_i) − y_i‖² over the examples `batch`.
template <class S, int... Sizes>
double batch_cost(const BasicNetwork<S, Sizes...>& net, const TrainingSetFor<BasicNetwork<S, Sizes...>>& d,
                  std::span<const std::size_t> batch) {
    double c = 0;
    for (std::size_t i : batch) {
        const auto a = ch02::feedforward(net, d.x[i]);
        for (int k = 0; k < BasicNetwork<S, Sizes...>::out_dim; ++k) c += 0.5 * std::pow(double(a[k] - d.y[i][k]), 2);
    }
    return c;
}

std::vector<std::size_t> iota_indices(std::size_t n) {
    std::vector<std::size_t> v(n);
    std::iota(v.begin(), v.end(), std::size_t(0));
    return v;
}

/// Points in the unit square, class 1 above the line x₁ + x₂ = 1 and class 0 below (one-hot, 2).
TrainingSet<2, 2, float> two_halves(std::size_t n, Rng& rng, std::vector<int>* labels = nullptr) {
    TrainingSet<2, 2, float> d;
    while (d.size() < n) {
        const float a = float(rng.uniform01()), b = float(rng.uniform01());
        if (std::abs(a + b - 1.0f) < 0.05f) continue;  // a margin around the line
        const int label = a + b > 1.0f;
        d.x.push_back(Vec<2>{a, b});
        d.y.push_back(one_hot<2>(label));
        if (labels) labels->push_back(label);
    }
    return d;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(exercise_update_mini_batch)

BOOST_AUTO_TEST_CASE(one_neuron_by_hand_1_1) {
    // w = b = 0 so a = σ(0) = ½ for every input; δ = (a − y) σ′(0) = (a − y)/4.
    // (x = 1, y = 1): δ = −1/8, ∇w = −1/8, ∇b = −1/8.  (x = 2, y = 0): δ = 1/8, ∇w = 1/4, ∇b = 1/8.
    TrainingSet<1, 1, float> d;
    d.x = {Vec<1>{1.0f}, Vec<1>{2.0f}};
    d.y = {Vec<1>{1.0f}, Vec<1>{0.0f}};
    Network<1, 1> one;
    const std::vector<std::size_t> first{0};
    update_mini_batch(one, d, first, 2.0f);  // w = 0 − 2 · (−1/8) = 1/4, b likewise
    BOOST_TEST(one.layer<0>().w(0, 0) == 0.25f, tt::tolerance(1e-6f));
    BOOST_TEST(one.layer<0>().b[0] == 0.25f, tt::tolerance(1e-6f));
    Network<1, 1> two;
    const std::vector<std::size_t> both{0, 1};
    update_mini_batch(two, d, both, 2.0f);  // Σ∇w = 1/8, Σ∇b = 0; step η/m = 1
    BOOST_TEST(two.layer<0>().w(0, 0) == -0.125f, tt::tolerance(1e-6f));
    BOOST_TEST(std::abs(two.layer<0>().b[0]) < 1e-7f);
}

BOOST_AUTO_TEST_CASE(step_is_minus_eta_over_m_times_summed_gradient_4_5_3_double) {
    Rng rng(7);
    BasicNetwork<double, 4, 5, 3> net;
    ch02::init_normal(net, rng);
    const auto d = random_examples<4, 3>(9, rng);
    const std::vector<std::size_t> batch{8, 2, 5, 2};  // an index may repeat
    const auto sum = summed_backprop(net, d, batch);
    auto expected = net;
    ch02::for_each_parameter(expected, sum, [](auto& p, const auto& g) { add_scaled(p, -0.5 / 4, g); });
    update_mini_batch(net, d, batch, 0.5);
    BOOST_TEST(max_param_diff(net, expected) < 1e-12);
}

BOOST_AUTO_TEST_CASE(small_step_lowers_the_batch_cost_3_4_2) {
    Rng rng(3);
    BasicNetwork<double, 3, 4, 2> net;
    ch02::init_normal(net, rng);
    const auto d = random_examples<3, 2>(6, rng);
    const auto all = iota_indices(6);
    const double before = batch_cost(net, d, all);
    update_mini_batch(net, d, all, 0.1);
    const double after = batch_cost(net, d, all);
    BOOST_TEST(after < before);
    BOOST_TEST(before - after > 1e-4);
}

BOOST_AUTO_TEST_CASE(empty_batch_changes_nothing_2_3_1) {
    Rng rng(5);
    BasicNetwork<double, 2, 3, 1> net;
    ch02::init_normal(net, rng);
    const auto d = random_examples<2, 1>(4, rng);
    const auto before = net;
    update_mini_batch(net, d, std::span<const std::size_t>{}, 1.0);
    const std::vector<std::size_t> one{3};
    update_mini_batch(net, d, one, 0.0);  // η = 0: no move either
    BOOST_TEST(max_param_diff(net, before) == 0.0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(exercise_sgd)

BOOST_AUTO_TEST_CASE(replays_shuffled_batches_in_order_7_examples_batch_3) {
    // The contract: one index list 0…n−1, shuffled by rng at the start of every epoch, cut into
    // batches of 3, 3 and 1, each passed to update_mini_batch; on_epoch(e) after epoch e.
    Rng init(11);
    BasicNetwork<double, 3, 4, 2> net;
    ch02::init_normal(net, init);
    const auto d = random_examples<3, 2>(7, init);
    auto replay = net;
    Rng rng_replay(99);
    std::vector<std::size_t> order = iota_indices(7);
    for (int e = 0; e < 3; ++e) {
        rng_replay.shuffle(order);
        for (std::size_t k = 0; k < 7; k += 3)
            update_mini_batch(replay, d, std::span<const std::size_t>(order).subspan(k, std::min<std::size_t>(3, 7 - k)), 0.7);
    }
    Rng rng(99);
    std::vector<int> epochs_seen;
    sgd(net, d, 3, 3, 0.7, rng, [&](int e) { epochs_seen.push_back(e); });
    BOOST_TEST(epochs_seen == (std::vector<int>{1, 2, 3}), tt::per_element());
    BOOST_TEST(max_param_diff(net, replay) < 1e-12);
    BOOST_TEST(rng.below(1000000) == rng_replay.below(1000000));  // the same draws were used
}

BOOST_AUTO_TEST_CASE(callback_sees_the_network_after_each_epoch) {
    Rng rng(4);
    Network<2, 3, 2> net;
    ch02::init_normal(net, rng);
    const auto d = two_halves(50, rng);
    std::vector<double> costs;
    sgd(net, d, 4, 5, 1.0f, rng, [&](int) { costs.push_back(batch_cost(net, d, iota_indices(50))); });
    BOOST_TEST_REQUIRE(costs.size() == 4u);
    BOOST_TEST(costs.back() < costs.front());
    BOOST_TEST(costs.back() == batch_cost(net, d, iota_indices(50)));
}

BOOST_AUTO_TEST_CASE(learns_two_halves_of_the_square_2_8_2) {
    Rng rng(2024);
    Network<2, 8, 2> net;
    ch02::init_normal(net, rng);
    const auto train = two_halves(400, rng);
    std::vector<int> test_labels;
    const auto test = two_halves(200, rng, &test_labels);
    std::vector<int> accuracy;
    sgd(net, train, 30, 10, 3.0f, rng, [&](int) { accuracy.push_back(ch02::evaluate(net, test.x, test_labels)); });
    BOOST_TEST_REQUIRE(accuracy.size() == 30u);
    BOOST_TEST(accuracy.back() >= 190);  // ≥ 95% of 200 held-out points
    BOOST_TEST(accuracy.front() < 200);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(exercise_forward_matrix)

BOOST_AUTO_TEST_CASE(each_column_is_feedforward_of_its_example_5_4_3_batch_6) {
    Rng rng(8);
    Network<5, 4, 3> net;
    ch02::init_normal(net, rng);
    const auto d = random_examples<5, 3, float>(6, rng);
    MatrixWorkspace<Network<5, 4, 3>, 6> ws;
    load_batch(ws, d, iota_indices(6));
    forward_matrix(ws, net);
    for (int j = 0; j < 6; ++j) {
        BOOST_TEST_CONTEXT("example " << j) {
            const Vec<3> expected = ch02::feedforward(net, d.x[std::size_t(j)]);
            BOOST_TEST(max_abs_diff(cols<1>(ws.output(), j), expected) < 1e-6f);  // float, σ in (0, 1)
            const Vec<4> z1 = ch02::weighted_input(net.layer<0>(), d.x[std::size_t(j)]);
            BOOST_TEST(max_abs_diff(cols<1>(ws.z<0>(), j), z1) < 1e-5f);
            BOOST_TEST(max_abs_diff(cols<1>(ws.a<0>(), j), ch02::sigmoid(z1)) < 1e-6f);
        }
    }
}

BOOST_AUTO_TEST_CASE(three_layers_of_weights_in_double_3_6_5_2_batch_4) {
    Rng rng(9);
    BasicNetwork<double, 3, 6, 5, 2> net;
    ch02::init_normal(net, rng);
    const auto d = random_examples<3, 2>(4, rng);
    MatrixWorkspace<BasicNetwork<double, 3, 6, 5, 2>, 4> ws;
    load_batch(ws, d, std::vector<std::size_t>{3, 1, 0, 2});
    forward_matrix(ws, net);
    BOOST_TEST(max_abs_diff(cols<1>(ws.output(), 0), ch02::feedforward(net, d.x[3])) < 1e-14);
    BOOST_TEST(max_abs_diff(cols<1>(ws.output(), 3), ch02::feedforward(net, d.x[2])) < 1e-14);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(exercise_backprop_matrix)

BOOST_AUTO_TEST_CASE(equals_summed_per_example_backprop_4_6_3_batch_5_double) {
    Rng rng(12);
    BasicNetwork<double, 4, 6, 3> net;
    ch02::init_normal(net, rng);
    const auto d = random_examples<4, 3>(5, rng);
    const auto batch = iota_indices(5);
    MatrixWorkspace<BasicNetwork<double, 4, 6, 3>, 5> ws;
    load_batch(ws, d, batch);
    backprop_matrix(ws, net);
    const auto expected = summed_backprop(net, d, batch);
    BOOST_TEST(max_param_diff(ws.grad, expected) < 1e-12 * std::max(1.0, max_param_abs(expected)));
    BOOST_TEST(max_param_abs(expected) > 1e-3);  // a real gradient, not all zeros
}

BOOST_AUTO_TEST_CASE(equals_summed_per_example_backprop_at_book_size_784_30_10_batch_10_float) {
    // Tolerance: float sums of 784 products in a different order: 1e-5 of the largest entry.
    Rng rng(1);
    Network<784, 30, 10> net;
    ch02::init_normal(net, rng);
    TrainingSet<784, 10> d;
    for (int i = 0; i < 10; ++i) {
        Vec<784> x;
        rng.fill_uniform(x, 0.0, 0.1);
        d.x.push_back(x);
        d.y.push_back(one_hot<10>(i));
    }
    MatrixWorkspace<Network<784, 30, 10>, 10> ws;
    load_batch(ws, d, iota_indices(10));
    backprop_matrix(ws, net);
    const auto expected = summed_backprop(net, d, iota_indices(10));
    const double scale = max_param_abs(expected);
    BOOST_TEST(scale > 1e-3);
    BOOST_TEST(max_param_diff(ws.grad, expected) <= 1e-5 * scale);
}

BOOST_AUTO_TEST_CASE(matches_finite_differences_of_the_batch_cost_3_4_2_batch_5) {
    Rng rng(21);
    BasicNetwork<double, 3, 4, 2> net;
    ch02::init_normal(net, rng);
    const auto d = random_examples<3, 2>(5, rng);
    const auto batch = iota_indices(5);
    MatrixWorkspace<BasicNetwork<double, 3, 4, 2>, 5> ws;
    load_batch(ws, d, batch);
    backprop_matrix(ws, net);
    auto loss = [&] { return batch_cost(net, d, batch); };
    ch02::static_for<2>([&](auto k) {
        BOOST_TEST_CONTEXT("layer " << k) {
            BOOST_TEST(gradient_check(net.layer<k>().w, ws.grad.layer<k>().w, loss) < 1e-6);
            BOOST_TEST(gradient_check(net.layer<k>().b, ws.grad.layer<k>().b, loss) < 1e-6);
        }
    });
}

BOOST_AUTO_TEST_CASE(overwrites_the_gradient_rather_than_accumulating_2_3_2_batch_2) {
    Rng rng(30);
    BasicNetwork<double, 2, 3, 2> net;
    ch02::init_normal(net, rng);
    const auto d = random_examples<2, 2>(2, rng);
    MatrixWorkspace<BasicNetwork<double, 2, 3, 2>, 2> ws;
    load_batch(ws, d, iota_indices(2));
    backprop_matrix(ws, net);
    const auto first = ws.grad;
    backprop_matrix(ws, net);
    BOOST_TEST(max_param_diff(ws.grad, first) == 0.0);
    BOOST_TEST(max_param_abs(first) > 1e-3);
}

BOOST_AUTO_TEST_CASE(matrix_update_equals_per_example_update_4_5_3_batch_4) {
    Rng rng(40);
    BasicNetwork<double, 4, 5, 3> net;
    ch02::init_normal(net, rng);
    const auto d = random_examples<4, 3>(4, rng);
    auto per_example = net;
    MatrixWorkspace<BasicNetwork<double, 4, 5, 3>, 4> ws;
    load_batch(ws, d, iota_indices(4));
    update_mini_batch_matrix(net, ws, 3.0);
    update_mini_batch(per_example, d, iota_indices(4), 3.0);
    BOOST_TEST(max_param_diff(net, per_example) < 1e-12);
}

BOOST_AUTO_TEST_CASE(sgd_matrix_follows_sgd_with_a_short_last_batch_3_4_2_23_examples_batch_5) {
    Rng init(50);
    BasicNetwork<double, 3, 4, 2> net;
    ch02::init_normal(net, init);
    const auto d = random_examples<3, 2>(23, init);  // 4 full batches of 5 and one of 3
    auto slow = net;
    Rng r1(7), r2(7);
    int epochs = 0;
    sgd_matrix<5>(net, d, 3, 2.0, r1, [&](int e) { epochs = e; });
    sgd(slow, d, 3, 5, 2.0, r2);
    BOOST_TEST(epochs == 3);
    BOOST_TEST(max_param_diff(net, slow) < 1e-10);
}

BOOST_AUTO_TEST_SUITE_END()
