// Chapter 04 tests of the matrix-based mini-batch (test_sgd.cpp has the per-example exercises): one suite per exercise, named as in chapters/04_sgd/chapter.toml.
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
