// Chapter 04 going-further tests: one suite per exercise, named as in chapters/04_sgd/chapter.toml.
// Hand-computed one-neuron cases, the exact draws of the initialisation, and finite-difference
// gradient checks in double (relative error below 1e-6) against costs computed here by plain loops,
// independently of the code under test.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <numeric>
#include <vector>

#include "04_sgd/cost_gradients.hpp"
#include "course/gradcheck.hpp"
#include "examples.hpp"
#include "../support/naive_network.hpp"

using namespace course;
using namespace course::ch04;
using namespace course::test;
namespace tt = boost::test_tools;

namespace {

constexpr double tolerance = 1e-6;  // the largest relative error a gradient check accepts



/// Σ_i ∇C_i over `batch`, by a per-example gradient of chapter 03.
template <class Net, class Gradient>
Net summed_gradient(const Net& net, const TrainingSetFor<Net>& d, const std::vector<std::size_t>& batch, Gradient g) {
    Net sum;
    for (std::size_t i : batch) {
        const Net gi = g(net, d.x[i], d.y[i]);
        ch02::for_each_parameter(sum, gi, [](auto& s, const auto& q) { s += q; });
    }
    return sum;
}

/// The softmax of z by its definition, e^{z_j} / Σ_k e^{z_k} (for moderate z only).
std::vector<double> naive_softmax(const std::vector<double>& z) {
    std::vector<double> a(z.size());
    double total = 0;
    for (std::size_t j = 0; j < z.size(); ++j) total += a[j] = std::exp(z[j]);
    for (double& v : a) v /= total;
    return a;
}

/// The output of a network with sigmoid hidden layers and a softmax output layer, by plain loops.
template <class S, int... Sizes>
std::vector<double> naive_softmax_forward(const BasicNetwork<S, Sizes...>& net,
                                          const Vec<BasicNetwork<S, Sizes...>::in_dim, S>& x) {
    constexpr std::size_t L = sizeof...(Sizes) - 1;
    std::vector<double> a(x.data(), x.data() + x.size);
    ch02::static_for<L>([&](auto k) {
        const auto& layer = net.template layer<k>();
        using Layer = std::remove_cvref_t<decltype(layer)>;
        std::vector<double> z(Layer::out_dim);
        for (int j = 0; j < Layer::out_dim; ++j) {
            z[j] = layer.b[j];
            for (int i = 0; i < Layer::in_dim; ++i) z[j] += double(layer.w(j, i)) * a[i];
        }
        if constexpr (k + 1 < L) {
            for (double& v : z) v = ref_sigmoid(v);
            a = std::move(z);
        } else {
            a = naive_softmax(z);
        }
    });
    return a;
}

/// The log-likelihood cost −Σ_j y_j ln a_j of the softmax network on (x, y), by plain loops.
template <class S, int... Sizes>
double naive_log_likelihood(const BasicNetwork<S, Sizes...>& net, const Vec<BasicNetwork<S, Sizes...>::in_dim, S>& x,
                            const Vec<BasicNetwork<S, Sizes...>::out_dim, S>& y) {
    const auto a = naive_softmax_forward(net, x);
    double c = 0;
    for (std::size_t j = 0; j < a.size(); ++j) c -= double(y[int(j)]) * std::log(a[j]);
    return c;
}

/// Checks every parameter matrix of `net` against `grad` by finite differences of `loss()`.
template <class S, int... Sizes, class Loss>
void check_every_parameter(BasicNetwork<S, Sizes...>& net, const BasicNetwork<S, Sizes...>& grad, Loss loss) {
    ch02::static_for<sizeof...(Sizes) - 1>([&](auto k) {
        BOOST_TEST_CONTEXT("layer " << k) {
            BOOST_TEST(gradient_check(net.template layer<k>().w, grad.template layer<k>().w, loss) < tolerance);
            BOOST_TEST(gradient_check(net.template layer<k>().b, grad.template layer<k>().b, loss) < tolerance);
        }
    });
}

/// A "gradient" that is always zero: update_mini_batch_l2 then only decays the weights.
struct ZeroGradient {
    template <class S, int... Sizes>
    BasicNetwork<S, Sizes...> operator()(const BasicNetwork<S, Sizes...>&, const auto&, const auto&) const {
        return {};
    }
};

}  // namespace

// ------------------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(exercise_init_scaled)

BOOST_AUTO_TEST_CASE(same_draws_as_init_normal_with_weights_divided_by_sqrt_n_in_4_5_3_double) {
    BasicNetwork<double, 4, 5, 3> scaled, normal;
    Rng a(11), b(11);
    init_scaled(scaled, a);
    ch02::init_normal(normal, b);
    BOOST_TEST(max_abs_diff(scaled.layer<0>().w, normal.layer<0>().w / 2.0) < 1e-15);          // n_in = 4
    BOOST_TEST(max_abs_diff(scaled.layer<1>().w, normal.layer<1>().w / std::sqrt(5.0)) < 1e-15);  // n_in = 5
    BOOST_TEST(max_abs_diff(scaled.layer<0>().b, normal.layer<0>().b) == 0.0);  // biases N(0, 1), not scaled
    BOOST_TEST(max_abs_diff(scaled.layer<1>().b, normal.layer<1>().b) == 0.0);
    BOOST_TEST(a.uniform01() == b.uniform01());  // the same number of draws
}

BOOST_AUTO_TEST_CASE(book_size_784_30_10_weights_have_standard_deviation_1_over_sqrt_n_in) {
    Network<784, 30, 10> net;
    Rng rng(1);
    init_scaled(net, rng);
    auto stddev = [](const auto& m) {
        const double n = double(m.size), mean = double(sum(m)) / n;
        return std::sqrt((double(dot(m, m)) - n * mean * mean) / (n - 1));
    };
    // 23,520 and 300 draws: within 3% and 15% of 1/√784 and 1/√30 (more than 4 standard errors).
    BOOST_TEST(stddev(net.layer<0>().w) == 1.0 / 28.0, tt::tolerance(0.03));
    BOOST_TEST(stddev(net.layer<1>().w) == 1.0 / std::sqrt(30.0), tt::tolerance(0.15));
    BOOST_TEST(std::abs(double(sum(net.layer<0>().w))) / 23520.0 < 1e-3);  // mean 0
    BOOST_TEST(stddev(net.layer<0>().b) > 0.5);                             // biases: N(0, 1)
}

BOOST_AUTO_TEST_SUITE_END()

// ------------------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(exercise_update_mini_batch_l2)

BOOST_AUTO_TEST_CASE(one_neuron_by_hand_decays_w_not_b_1_1) {
    // w = 2, b = −2, x = 1: z = 0, a = ½; y = 1. Quadratic: δ = (a − y) σ′(0) = −1/8 = ∇w = ∇b.
    // η = 2, λ = 1, n = 4: decay 1 − ηλ/n = ½. w = ½ · 2 − 2 · (−1/8) = 1.25; b = −2 + ¼ = −1.75.
    TrainingSet<1, 1, double> d;
    d.x = {Vec<1, double>{1.0}};
    d.y = {Vec<1, double>{1.0}};
    BasicNetwork<double, 1, 1> net;
    net.layer<0>().w(0, 0) = 2.0;
    net.layer<0>().b[0] = -2.0;
    const std::vector<std::size_t> batch{0};
    auto ce = net;
    update_mini_batch_l2(net, d, batch, 2.0, 1.0, 4, QuadraticGradient{});
    BOOST_TEST(net.layer<0>().w(0, 0) == 1.25, tt::tolerance(1e-15));
    BOOST_TEST(net.layer<0>().b[0] == -1.75, tt::tolerance(1e-15));
    // Cross-entropy: δ = a − y = −½. w = 1 + 1 = 2; b = −2 + 1 = −1.
    update_mini_batch_l2(ce, d, batch, 2.0, 1.0, 4, CrossEntropyGradient{});
    BOOST_TEST(ce.layer<0>().w(0, 0) == 2.0, tt::tolerance(1e-15));
    BOOST_TEST(ce.layer<0>().b[0] == -1.0, tt::tolerance(1e-15));
}

BOOST_AUTO_TEST_CASE(zero_gradient_scales_every_weight_by_1_minus_eta_lambda_over_n_and_keeps_biases_4_5_3) {
    auto net = test::random_network<BasicNetwork<double, 4, 5, 3>>(3);
    Rng rng(4);
    const auto d = random_examples<4, 3>(6, rng);
    const auto before = net;
    const std::vector<std::size_t> batch{0, 1, 2};
    update_mini_batch_l2(net, d, batch, 0.5, 3.0, 30, ZeroGradient{});  // 1 − 0.5 · 3 / 30 = 0.95
    BOOST_TEST(max_abs_diff(net.layer<0>().w, 0.95 * before.layer<0>().w) < 1e-15);
    BOOST_TEST(max_abs_diff(net.layer<1>().w, 0.95 * before.layer<1>().w) < 1e-15);
    BOOST_TEST(max_abs_diff(net.layer<0>().b, before.layer<0>().b) == 0.0);
    BOOST_TEST(max_abs_diff(net.layer<1>().b, before.layer<1>().b) == 0.0);
}

BOOST_AUTO_TEST_CASE(step_is_decay_minus_eta_over_m_times_summed_cross_entropy_gradient_4_5_3_double) {
    using Net = BasicNetwork<double, 4, 5, 3>;
    auto net = test::random_network<Net>(7);
    Rng rng(8);
    const auto d = random_examples<4, 3>(9, rng);
    const std::vector<std::size_t> batch{8, 2, 5, 2};  // m = 4; an index may repeat
    const double eta = 0.5, lambda = 0.7;
    const std::size_t n = 50;
    const Net sum = summed_gradient(net, d, batch, [](const auto&... a) { return ch03::backprop_cross_entropy(a...); });
    Net expected = net;
    ch02::static_for<2>([&](auto k) {
        expected.layer<k>().w *= 1.0 - eta * lambda / double(n);
        add_scaled(expected.layer<k>().w, -eta / 4, sum.layer<k>().w);
        add_scaled(expected.layer<k>().b, -eta / 4, sum.layer<k>().b);
    });
    update_mini_batch_l2(net, d, batch, eta, lambda, n, CrossEntropyGradient{});
    BOOST_TEST(max_param_diff(net, expected) < 1e-12);
}

BOOST_AUTO_TEST_CASE(step_is_eta_times_minus_gradient_of_regularised_cost_finite_differences_3_4_2) {
    // With η = 1 the step θ_before − θ_after is ∇ of C = (1/m) Σ_{i ∈ batch} ½‖a(x_i) − y_i‖² + (λ/2n) Σ w².
    using Net = BasicNetwork<double, 3, 4, 2>;
    auto net = test::random_network<Net>(21);
    Rng rng(22);
    const auto d = random_examples<3, 2>(5, rng);
    const std::vector<std::size_t> batch{0, 1, 2, 3, 4};
    const double lambda = 2.0;
    const std::size_t n = 40;
    auto before = net;
    update_mini_batch_l2(net, d, batch, 1.0, lambda, n, QuadraticGradient{});
    Net step = before;  // θ_before − θ_after, typed like the parameters
    ch02::for_each_parameter(step, net, [](auto& s, const auto& p) { s -= p; });
    auto cost = [&] {
        double c = 0;
        for (std::size_t i : batch) {
            const auto a = test::naive_feedforward(before, d.x[i]);
            for (int j = 0; j < 2; ++j) c += 0.5 * std::pow(a[std::size_t(j)] - d.y[i][j], 2) / double(batch.size());
        }
        ch02::static_for<2>([&](auto k) { c += lambda / (2.0 * double(n)) * dot(before.layer<k>().w, before.layer<k>().w); });
        return c;
    };
    check_every_parameter(before, step, cost);
}

BOOST_AUTO_TEST_CASE(saturated_wrong_output_learns_fast_with_cross_entropy_slowly_with_quadratic_1_1) {
    // b = 10, x = 0: a = σ(10) ≈ 0.99995 but y = 0. η = 1, λ = 0, one example.
    // Quadratic: δ = a σ′(10) = a² (1 − a) ≈ 4.5e-5. Cross-entropy: δ = a − y ≈ 1.
    TrainingSet<1, 1, double> d;
    d.x = {Vec<1, double>{0.0}};
    d.y = {Vec<1, double>{0.0}};
    BasicNetwork<double, 1, 1> quad;
    quad.layer<0>().b[0] = 10.0;
    auto ce = quad;
    const std::vector<std::size_t> batch{0};
    update_mini_batch_l2(quad, d, batch, 1.0, 0.0, 1, QuadraticGradient{});
    update_mini_batch_l2(ce, d, batch, 1.0, 0.0, 1, CrossEntropyGradient{});
    const double a = ref_sigmoid(10.0);
    BOOST_TEST(10.0 - quad.layer<0>().b[0] == a * a * (1 - a), tt::tolerance(1e-9));
    BOOST_TEST(10.0 - ce.layer<0>().b[0] == a, tt::tolerance(1e-12));
    BOOST_TEST((10.0 - ce.layer<0>().b[0]) / (10.0 - quad.layer<0>().b[0]) > 20000.0);
}

BOOST_AUTO_TEST_CASE(empty_batch_changes_nothing_even_with_lambda_2_3_1) {
    auto net = test::random_network<BasicNetwork<double, 2, 3, 1>>(5);
    Rng rng(6);
    const auto d = random_examples<2, 1>(4, rng);
    const auto before = net;
    update_mini_batch_l2(net, d, std::span<const std::size_t>{}, 1.0, 5.0, 4, QuadraticGradient{});
    BOOST_TEST(max_param_diff(net, before) == 0.0);
}

BOOST_AUTO_TEST_SUITE_END()

// ------------------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(exercise_softmax)

BOOST_AUTO_TEST_CASE(hand_computed_3) {
    // e^z = (1, 2, 3): a = (1/6, 2/6, 3/6).
    const Vec<3, double> z{0.0, std::log(2.0), std::log(3.0)};
    const auto a = softmax(z);
    BOOST_TEST(a[0] == 1.0 / 6, tt::tolerance(1e-14));
    BOOST_TEST(a[1] == 2.0 / 6, tt::tolerance(1e-14));
    BOOST_TEST(a[2] == 3.0 / 6, tt::tolerance(1e-14));
}

BOOST_AUTO_TEST_CASE(huge_and_very_negative_inputs_stay_finite_in_float_2) {
    const auto big = softmax(Vec<2>{1000.0f, 1002.0f});  // e^1000 overflows a float: a = (1, e²) / (1 + e²)
    BOOST_TEST(all_finite(big));
    BOOST_TEST(big[0] == float(1 / (1 + std::exp(2.0))), tt::tolerance(1e-6f));
    BOOST_TEST(big[1] == float(std::exp(2.0) / (1 + std::exp(2.0))), tt::tolerance(1e-6f));
    const auto small = softmax(Vec<2>{-1000.0f, -1000.0f});  // e^−1000 underflows to 0: no 0/0
    BOOST_TEST(all_finite(small));
    BOOST_TEST(small[0] == 0.5f, tt::tolerance(1e-6f));
    const auto apart = softmax(Vec<2>{0.0f, -1000.0f});
    BOOST_TEST(apart[0] == 1.0f);
    BOOST_TEST(apart[1] == 0.0f);
}

BOOST_AUTO_TEST_CASE(positive_sums_to_one_and_ignores_a_shift_10_double) {
    Rng rng(9);
    const auto z = test::random_vector<10, double>(rng, -5.0, 5.0);
    const auto a = softmax(z);
    BOOST_TEST(sum(a) == 1.0, tt::tolerance(1e-14));
    BOOST_TEST(a.eigen().minCoeff() > 0.0);
    BOOST_TEST(argmax(a) == argmax(z));
    const auto shifted = softmax(map(z, [](double v) { return v + 7.0; }));
    BOOST_TEST(max_abs_diff(shifted, a) < 1e-15);
    const auto expected = naive_softmax(std::vector<double>(z.data(), z.data() + 10));
    for (int j = 0; j < 10; ++j) BOOST_TEST(a[j] == expected[std::size_t(j)], tt::tolerance(1e-13));
}

BOOST_AUTO_TEST_SUITE_END()

// ------------------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(exercise_feedforward_softmax)

BOOST_AUTO_TEST_CASE(one_layer_by_hand_2_3) {
    // w = 0: z = b = (0, ln 2, ln 3) for any x, a = (1/6, 2/6, 3/6).
    BasicNetwork<double, 2, 3> net;
    net.layer<0>().b = Vec<3, double>{0.0, std::log(2.0), std::log(3.0)};
    const auto a = feedforward_softmax(net, Vec<2, double>{0.3, -4.0});
    BOOST_TEST(a[0] == 1.0 / 6, tt::tolerance(1e-14));
    BOOST_TEST(a[1] == 2.0 / 6, tt::tolerance(1e-14));
    BOOST_TEST(a[2] == 3.0 / 6, tt::tolerance(1e-14));
}

BOOST_AUTO_TEST_CASE(sigmoid_hidden_layers_then_softmax_3_6_5_4_double) {
    using Net = BasicNetwork<double, 3, 6, 5, 4>;
    const auto net = test::random_network<Net>(12);
    Rng rng(13);
    for (int t = 0; t < 10; ++t) {
        const auto x = test::random_vector<3, double>(rng, -1.0, 1.0);
        const auto a = feedforward_softmax(net, x);
        const auto expected = naive_softmax_forward(net, x);
        for (int j = 0; j < 4; ++j) BOOST_TEST(a[j] == expected[std::size_t(j)], tt::tolerance(1e-12));
        BOOST_TEST(sum(a) == 1.0, tt::tolerance(1e-14));
        // softmax and σ are both increasing: the same answer as the sigmoid output (ch02::evaluate).
        BOOST_TEST(argmax(a) == argmax(ch02::feedforward(net, x)));
    }
}

BOOST_AUTO_TEST_SUITE_END()

// ------------------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(exercise_backprop_softmax)

BOOST_AUTO_TEST_CASE(one_layer_by_hand_1_2) {
    // w = b = 0: a = (½, ½); y = (1, 0): δ = a − y = (−½, ½); x = 2: ∇w = δ x = (−1, 1), ∇b = δ.
    BasicNetwork<double, 1, 2> net;
    const auto g = backprop_softmax(net, Vec<1, double>{2.0}, Vec<2, double>{1.0, 0.0});
    BOOST_TEST(g.layer<0>().w(0, 0) == -1.0, tt::tolerance(1e-15));
    BOOST_TEST(g.layer<0>().w(1, 0) == 1.0, tt::tolerance(1e-15));
    BOOST_TEST(g.layer<0>().b[0] == -0.5, tt::tolerance(1e-15));
    BOOST_TEST(g.layer<0>().b[1] == 0.5, tt::tolerance(1e-15));
}

BOOST_AUTO_TEST_CASE(gradient_check_every_parameter_one_hot_target_3_4_3_double) {
    using Net = BasicNetwork<double, 3, 4, 3>;
    auto net = test::random_network<Net>(31);
    Rng rng(32);
    const auto x = test::random_vector<3, double>(rng, -1.0, 1.0);
    const Vec<3, double> y{0.0, 1.0, 0.0};
    const Net grad = backprop_softmax(net, x, y);
    check_every_parameter(net, grad, [&] { return naive_log_likelihood(net, x, y); });
}

BOOST_AUTO_TEST_CASE(gradient_check_every_parameter_soft_target_4_5_4_3_double) {
    using Net = BasicNetwork<double, 4, 5, 4, 3>;
    auto net = test::random_network<Net>(41);
    Rng rng(42);
    const auto x = test::random_vector<4, double>(rng, 0.0, 1.0);
    const Vec<3, double> y{0.2, 0.5, 0.3};  // sums to 1
    const Net grad = backprop_softmax(net, x, y);
    check_every_parameter(net, grad, [&] { return naive_log_likelihood(net, x, y); });
}

BOOST_AUTO_TEST_CASE(a_small_step_along_the_summed_gradient_lowers_the_batch_log_likelihood_4_6_3) {
    using Net = BasicNetwork<double, 4, 6, 3>;
    auto net = test::random_network<Net>(51);
    Rng rng(52);
    const auto d = random_examples<4, 3>(8, rng, true);  // one-hot targets
    std::vector<std::size_t> batch(8);
    std::iota(batch.begin(), batch.end(), std::size_t(0));
    auto cost = [&] {
        double c = 0;
        for (std::size_t i : batch) c += naive_log_likelihood(net, d.x[i], d.y[i]);
        return c;
    };
    const double before = cost();
    const Net sum = summed_gradient(net, d, batch, [](const auto&... a) { return backprop_softmax(a...); });
    ch02::for_each_parameter(net, sum, [](auto& p, const auto& g) { add_scaled(p, -0.05, g); });
    BOOST_TEST(cost() < before - 1e-3);
}

BOOST_AUTO_TEST_SUITE_END()
