// Chapter 02 tests: one suite per exercise, named as in chapters/02_sigmoid_mlp/chapter.toml.
// References are naive loops over std::exp in double, written here independently of the exercises.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <vector>

#include "02_sigmoid_mlp/sigmoid_mlp.hpp"
#include "course/gradcheck.hpp"
#include "../support/naive_network.hpp"

using namespace course;
using namespace course::test;
using namespace course::ch02;

// The network type derives every weight's shape from the list of sizes (checked at compile time).
static_assert(std::is_same_v<decltype(Network<784, 30, 10>{}.layer<0>().w), Mat<30, 784>>);
static_assert(std::is_same_v<decltype(Network<784, 30, 10>{}.layer<1>().w), Mat<10, 30>>);
static_assert(std::is_same_v<decltype(Network<784, 30, 10>{}.layer<1>().b), Vec<10>>);
static_assert(Network<784, 30, 10>::num_layers == 2 && Network<784, 30, 10>::in_dim == 784 &&
              Network<784, 30, 10>::out_dim == 10);
static_assert(std::is_same_v<decltype(BasicNetwork<double, 4, 5, 3, 2>{}.layer<2>().w), Mat<2, 3, double>>);
static_assert(Network<784, 30, 10>::num_parameters == 23860);

namespace {





}  // namespace

// ------------------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(exercise_sigmoid)

BOOST_AUTO_TEST_CASE(known_values_float) {
    BOOST_TEST(sigmoid(0.0f) == 0.5f);
    BOOST_TEST(std::abs(sigmoid(1.0f) - 0.7310585786f) < 1e-6f);
    BOOST_TEST(std::abs(sigmoid(-2.0f) - 0.1192029220f) < 1e-6f);
    BOOST_TEST(std::abs(sigmoid(4.5f) - 0.9890130574f) < 1e-6f);
}

BOOST_AUTO_TEST_CASE(matches_the_formula_and_symmetry_in_double) {
    for (double z = -30; z <= 30; z += 0.25) {
        BOOST_TEST_CONTEXT("z = " << z) {
            const double s = sigmoid(z);
            BOOST_TEST(std::abs(s - ref_sigmoid(z)) < 1e-15);
            BOOST_TEST(std::abs(sigmoid(-z) - (1 - s)) < 1e-15);  // σ(−z) = 1 − σ(z)
        }
    }
}

BOOST_AUTO_TEST_CASE(large_inputs_give_0_and_1_without_overflow) {
    for (float z : {1000.0f, 100.0f, 89.0f, -89.0f, -100.0f, -1000.0f}) {
        BOOST_TEST_CONTEXT("float z = " << z) {
            const float s = sigmoid(z);
            BOOST_TEST(std::isfinite(s));
            BOOST_TEST(s >= 0.0f);
            BOOST_TEST(s <= 1.0f);
            if (z > 0) BOOST_TEST(s == 1.0f);
            else BOOST_TEST(s < 1e-30f);
        }
    }
    for (double z : {1000.0, 800.0, -800.0, -1000.0}) {
        BOOST_TEST_CONTEXT("double z = " << z) {
            const double s = sigmoid(z);
            BOOST_TEST(std::isfinite(s));
            if (z > 0) BOOST_TEST(s == 1.0);
            else BOOST_TEST(s < 1e-300);
        }
    }
}

BOOST_AUTO_TEST_CASE(matrix_2x3_element_wise) {
    const Mat<2, 3> m{{0, 1, -2}, {4.5f, 1000, -1000}};
    const Mat<2, 3> s = sigmoid(m);
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 3; ++j) {
            BOOST_TEST_CONTEXT("entry (" << i << ", " << j << ")") {
                BOOST_TEST(std::isfinite(s(i, j)));
                BOOST_TEST(std::abs(s(i, j) - float(ref_sigmoid(m(i, j)))) < 1e-6f);
            }
        }
}

BOOST_AUTO_TEST_CASE(vector_784_on_the_heap) {
    Rng rng(3);
    const auto v = random_vector<784, float>(rng, -50, 50);
    const Vec<784> s = sigmoid(v);
    BOOST_TEST(all_finite(s));
    double worst = 0;
    for (int i = 0; i < 784; ++i) worst = std::max(worst, std::abs(double(s[i]) - ref_sigmoid(v[i])));
    BOOST_TEST(worst < 1e-6);
}

BOOST_AUTO_TEST_SUITE_END()

// ------------------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(exercise_sigmoid_prime)

BOOST_AUTO_TEST_CASE(known_values) {
    BOOST_TEST(sigmoid_prime(0.0f) == 0.25f);
    BOOST_TEST(std::abs(sigmoid_prime(2.0) - 0.1049935854035065) < 1e-15);
    BOOST_TEST(std::abs(sigmoid_prime(-2.0) - 0.1049935854035065) < 1e-15);  // σ′ is even
    BOOST_TEST(std::abs(sigmoid_prime(-5.0f) - 0.0066480567f) < 1e-8f);
}

BOOST_AUTO_TEST_CASE(is_the_derivative_of_sigma_by_central_differences) {
    const double h = 1e-5;
    for (double z = -12; z <= 12; z += 0.5) {
        BOOST_TEST_CONTEXT("z = " << z) {
            const double analytic = sigmoid_prime(z);
            // σ′ is even; differencing at −|z| keeps the reference away from 1 − tiny cancellations.
            const double u = -std::abs(z);
            const double numeric = (ref_sigmoid(u + h) - ref_sigmoid(u - h)) / (2 * h);
            BOOST_TEST(relative_error(analytic, numeric) < 1e-7);
        }
    }
}

BOOST_AUTO_TEST_CASE(large_inputs_give_0_not_nan) {
    for (float z : {1000.0f, 100.0f, -100.0f, -1000.0f}) {
        BOOST_TEST_CONTEXT("float z = " << z) {
            const float d = sigmoid_prime(z);
            BOOST_TEST(std::isfinite(d));
            BOOST_TEST(d >= 0.0f);
            BOOST_TEST(d < 1e-30f);
        }
    }
    for (double z : {1000.0, -1000.0}) {
        BOOST_TEST_CONTEXT("double z = " << z) {
            const double d = sigmoid_prime(z);
            BOOST_TEST(std::isfinite(d));
            BOOST_TEST(d == 0.0);
        }
    }
}

BOOST_AUTO_TEST_CASE(matrix_3x2_element_wise_in_double) {
    const Mat<3, 2, double> m{{0, 1}, {-2, 7}, {1000, -1000}};
    const Mat<3, 2, double> d = sigmoid_prime(m);
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 2; ++j) {
            const double s = ref_sigmoid(m(i, j));
            BOOST_TEST_CONTEXT("entry (" << i << ", " << j << ")") {
                BOOST_TEST(std::isfinite(d(i, j)));
                BOOST_TEST(std::abs(d(i, j) - s * (1 - s)) < 1e-15);
            }
        }
}

BOOST_AUTO_TEST_SUITE_END()

// ------------------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(exercise_layer_forward)

BOOST_AUTO_TEST_CASE(hand_computed_2_to_3) {
    Layer<2, 3> layer;
    layer.w = Mat<3, 2>{{1, 2}, {-1, 0.5f}, {0, 0}};  // (3, 2)
    layer.b = Vec<3>{0.5f, -1, 2};                    // (3)
    const Vec<2> a{3, -2};                            // (2)
    // z = w a + b = (3 − 4 + 0.5, −3 − 1 − 1, 0 + 2) = (−0.5, −5, 2)
    const Vec<3> z = weighted_input(layer, a);
    BOOST_TEST(z[0] == -0.5f);
    BOOST_TEST(z[1] == -5.0f);
    BOOST_TEST(z[2] == 2.0f);
    const Vec<3> out = layer_forward(layer, a);
    BOOST_TEST(std::abs(out[0] - float(ref_sigmoid(-0.5))) < 1e-6f);
    BOOST_TEST(std::abs(out[1] - float(ref_sigmoid(-5.0))) < 1e-6f);
    BOOST_TEST(std::abs(out[2] - float(ref_sigmoid(2.0))) < 1e-6f);
}

BOOST_AUTO_TEST_CASE(random_5_to_4_against_naive_loops_in_double) {
    Rng rng(11);
    Layer<5, 4, double> layer;
    rng.fill_normal(layer.w);
    rng.fill_normal(layer.b);
    const auto a = random_vector<5, double>(rng, -1, 1);
    const Vec<4, double> z = weighted_input(layer, a);
    const Vec<4, double> out = layer_forward(layer, a);
    for (int j = 0; j < 4; ++j) {
        double zj = layer.b[j];
        for (int k = 0; k < 5; ++k) zj += layer.w(j, k) * a[k];
        BOOST_TEST_CONTEXT("neuron " << j) {
            BOOST_TEST(std::abs(z[j] - zj) < 1e-12);
            BOOST_TEST(std::abs(out[j] - ref_sigmoid(zj)) < 1e-12);
        }
    }
}

BOOST_AUTO_TEST_CASE(mnist_sized_784_to_30_float) {
    Rng rng(12);
    Layer<784, 30> layer;
    rng.fill_normal(layer.w);
    rng.fill_normal(layer.b);
    const auto a = random_vector<784, float>(rng, 0, 1);
    const Vec<30> out = layer_forward(layer, a);
    BOOST_TEST(all_finite(out));
    for (int j = 0; j < 30; ++j) {
        double zj = layer.b[j];
        for (int k = 0; k < 784; ++k) zj += double(layer.w(j, k)) * double(a[k]);
        BOOST_TEST_CONTEXT("neuron " << j) { BOOST_TEST(std::abs(out[j] - ref_sigmoid(zj)) < 1e-5); }
    }
}

BOOST_AUTO_TEST_SUITE_END()

// ------------------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(exercise_init_normal)

BOOST_AUTO_TEST_CASE(draws_layer_by_layer_w_then_b) {
    Network<3, 4, 2> net;
    Rng rng(7);
    init_normal(net, rng);
    // The documented order, drawn again from the same seed.
    Rng again(7);
    Mat<4, 3> w1;
    Vec<4> b1;
    Mat<2, 4> w2;
    Vec<2> b2;
    again.fill_normal(w1);
    again.fill_normal(b1);
    again.fill_normal(w2);
    again.fill_normal(b2);
    BOOST_TEST(max_abs_diff(net.layer<0>().w, w1) == 0.0f);
    BOOST_TEST(max_abs_diff(net.layer<0>().b, b1) == 0.0f);
    BOOST_TEST(max_abs_diff(net.layer<1>().w, w2) == 0.0f);
    BOOST_TEST(max_abs_diff(net.layer<1>().b, b2) == 0.0f);
    BOOST_TEST(rng.uniform01() == again.uniform01());  // no extra draws
}

BOOST_AUTO_TEST_CASE(mnist_network_784_30_10_is_standard_normal) {
    Network<784, 30, 10> net;
    Rng rng(2024);
    init_normal(net, rng);
    double sum = 0, sum_sq = 0;
    int count = 0, zeros = 0;
    for_each_parameter(net, [&](const auto& p) {
        for (int i = 0; i < p.rows; ++i)
            for (int j = 0; j < p.cols; ++j) {
                const double v = p(i, j);
                sum += v;
                sum_sq += v * v;
                zeros += v == 0.0;
                ++count;
            }
    });
    BOOST_TEST(count == 23860);
    const double mean = sum / count, stddev = std::sqrt(sum_sq / count - mean * mean);
    BOOST_TEST(std::abs(mean) < 0.03);
    BOOST_TEST(std::abs(stddev - 1.0) < 0.03);
    BOOST_TEST(zeros == 0);  // every weight and every bias was drawn
}

BOOST_AUTO_TEST_CASE(same_seed_same_network_other_seed_other_network_double) {
    BasicNetwork<double, 4, 5, 3, 2> a, b, c;
    Rng ra(5), rb(5), rc(6);
    init_normal(a, ra);
    init_normal(b, rb);
    init_normal(c, rc);
    BOOST_TEST(max_abs_diff(a.layer<2>().b, b.layer<2>().b) == 0.0);
    BOOST_TEST(max_abs_diff(a.layer<1>().w, b.layer<1>().w) == 0.0);
    BOOST_TEST(max_abs_diff(a.layer<0>().w, c.layer<0>().w) > 0.0);
    BOOST_TEST(max_abs_diff(a.layer<2>().b, c.layer<2>().b) > 0.0);
}

BOOST_AUTO_TEST_SUITE_END()

// ------------------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(exercise_feedforward)

BOOST_AUTO_TEST_CASE(hand_wired_2_2_1_computes_xor) {
    const auto net = hand_wired_xor();
    const float expected[4] = {0, 1, 1, 0};
    const Vec<2> inputs[4] = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    for (int i = 0; i < 4; ++i) {
        BOOST_TEST_CONTEXT("x = (" << inputs[i][0] << ", " << inputs[i][1] << ")") {
            const Vec<1> out = feedforward(net, inputs[i]);
            BOOST_TEST(std::abs(out[0] - expected[i]) < 1e-4f);
            BOOST_TEST(std::abs(out[0] - float(naive_feedforward(net, inputs[i])[0])) < 1e-6f);
        }
    }
}

BOOST_AUTO_TEST_CASE(one_layer_3_to_2_hand_computed) {
    Network<3, 2> net;
    net.layer<0>().w = Mat<2, 3>{{1, 0, -1}, {0.5f, 0.5f, 0.5f}};
    net.layer<0>().b = Vec<2>{0, -1};
    const Vec<2> out = feedforward(net, Vec<3>{2, 1, 1});  // z = (1, 1)
    BOOST_TEST(std::abs(out[0] - 0.7310585786f) < 1e-6f);
    BOOST_TEST(std::abs(out[1] - 0.7310585786f) < 1e-6f);
}

BOOST_AUTO_TEST_CASE(random_3_4_2_and_4_5_3_2_against_naive_loops_in_double) {
    Rng rng(21);
    const auto small = random_network<BasicNetwork<double, 3, 4, 2>>(31);
    const auto deep = random_network<BasicNetwork<double, 4, 5, 3, 2>>(32);
    for (int trial = 0; trial < 5; ++trial) {
        BOOST_TEST_CONTEXT("trial " << trial) {
            const auto x3 = random_vector<3, double>(rng, -2, 2);
            const Vec<2, double> out3 = feedforward(small, x3);
            const auto ref3 = naive_feedforward(small, x3);
            for (int j = 0; j < 2; ++j) BOOST_TEST(std::abs(out3[j] - ref3[j]) < 1e-12);
            const auto x4 = random_vector<4, double>(rng, -2, 2);
            const Vec<2, double> out4 = feedforward(deep, x4);
            const auto ref4 = naive_feedforward(deep, x4);
            for (int j = 0; j < 2; ++j) BOOST_TEST(std::abs(out4[j] - ref4[j]) < 1e-12);
        }
    }
}

BOOST_AUTO_TEST_CASE(mnist_sized_784_30_10_float) {
    const auto net = random_network<Network<784, 30, 10>>(41);
    Rng rng(42);
    const auto x = random_vector<784, float>(rng, 0, 1);
    const Vec<10> out = feedforward(net, x);
    const auto ref = naive_feedforward(net, x);
    BOOST_TEST(all_finite(out));
    for (int j = 0; j < 10; ++j) {
        BOOST_TEST_CONTEXT("output " << j) {
            BOOST_TEST(out[j] >= 0.0f);
            BOOST_TEST(out[j] <= 1.0f);
            BOOST_TEST(std::abs(out[j] - ref[j]) < 1e-5);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

// ------------------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(exercise_evaluate)

BOOST_AUTO_TEST_CASE(counts_argmax_matches_on_a_3_class_network) {
    // One layer, w = 10·I: the output's largest entry is where the input's largest entry is.
    Network<3, 3> net;
    net.layer<0>().w = Mat<3, 3>{{10, 0, 0}, {0, 10, 0}, {0, 0, 10}};
    const std::vector<Vec<3>> x = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0.2f, 0.9f, 0.1f}, {0.3f, 0.1f, 0.2f}};
    BOOST_TEST(evaluate(net, x, {0, 1, 2, 1, 0}) == 5);
    BOOST_TEST(evaluate(net, x, {0, 1, 2, 0, 2}) == 3);
    BOOST_TEST(evaluate(net, x, {2, 2, 1, 0, 1}) == 0);
}

BOOST_AUTO_TEST_CASE(matches_a_naive_count_on_784_30_10) {
    const auto net = random_network<Network<784, 30, 10>>(51);
    Rng rng(52);
    std::vector<Vec<784>> x;
    std::vector<int> y;
    int expected = 0;
    for (int i = 0; i < 40; ++i) {
        x.push_back(random_vector<784, float>(rng, 0, 1));
        y.push_back(int(rng.below(10)));
        const auto out = naive_feedforward(net, x.back());
        expected += int(std::max_element(out.begin(), out.end()) - out.begin()) == y.back();
    }
    BOOST_TEST(evaluate(net, x, y) == expected);
}

BOOST_AUTO_TEST_CASE(empty_set_scores_0_and_mismatched_sizes_throw) {
    Network<2, 2> net;
    BOOST_TEST(evaluate(net, {}, {}) == 0);
    const std::vector<Vec<2>> x = {{1, 0}, {0, 1}};
    BOOST_CHECK_THROW(evaluate(net, x, {0}), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()

// ------------------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(exercise_feedforward_batch)

BOOST_AUTO_TEST_CASE(columns_of_a_batch_of_6_on_4_5_3_2_in_double) {
    const auto net = random_network<BasicNetwork<double, 4, 5, 3, 2>>(61);
    Rng rng(62);
    Mat<4, 6, double> x;
    rng.fill_uniform(x, -2, 2);
    const Mat<2, 6, double> out = feedforward_batch(net, x);
    for (int c = 0; c < 6; ++c) {
        Vec<4, double> column;
        for (int i = 0; i < 4; ++i) column[i] = x(i, c);
        const auto ref = naive_feedforward(net, column);
        BOOST_TEST_CONTEXT("column " << c) {
            for (int j = 0; j < 2; ++j) BOOST_TEST(std::abs(out(j, c) - ref[j]) < 1e-12);
        }
    }
}

BOOST_AUTO_TEST_CASE(batch_of_10_on_784_30_10_float) {
    const auto net = random_network<Network<784, 30, 10>>(63);
    Rng rng(64);
    Mat<784, 10> x;
    rng.fill_uniform(x, 0, 1);
    const Mat<10, 10> out = feedforward_batch(net, x);
    BOOST_TEST(all_finite(out));
    for (int c = 0; c < 10; ++c) {
        Vec<784> column;
        for (int i = 0; i < 784; ++i) column[i] = x(i, c);
        const auto ref = naive_feedforward(net, column);
        BOOST_TEST_CONTEXT("column " << c) {
            for (int j = 0; j < 10; ++j) BOOST_TEST(std::abs(out(j, c) - ref[j]) < 1e-5);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
