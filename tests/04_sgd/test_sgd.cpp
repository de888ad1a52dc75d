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
