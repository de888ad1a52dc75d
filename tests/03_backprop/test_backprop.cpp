// Chapter 03 tests: one suite per exercise, named as in chapters/03_backprop/chapter.toml.
// Every backward quantity is checked against central differences in double (course::gradient_check);
// the forward references are naive loops written here, independently of the exercises.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <utility>
#include <vector>

#include "03_backprop/backprop.hpp"
#include "course/gradcheck.hpp"
#include "../support/naive_network.hpp"

using namespace course;
using namespace course::test;
using namespace course::ch03;
using ch02::for_each_parameter;
using ch02::static_for;

// A gradient is typed exactly like the parameters: the same network type, float or double.
static_assert(std::is_same_v<decltype(backprop(std::declval<const Network<784, 30, 10>&>(), std::declval<const Vec<784>&>(),
                                               std::declval<const Vec<10>&>())),
                             Network<784, 30, 10>>);
static_assert(std::is_same_v<decltype(backprop(std::declval<const BasicNetwork<double, 4, 5, 3, 2>&>(),
                                               std::declval<const Vec<4, double>&>(), std::declval<const Vec<2, double>&>())),
                             BasicNetwork<double, 4, 5, 3, 2>>);
static_assert(std::is_same_v<decltype(layer_gradient(std::declval<const Vec<30>&>(), std::declval<const Vec<784>&>())),
                             Layer<784, 30>>);

namespace {

constexpr double tolerance = 1e-6;  // the largest relative error a gradient check accepts
// The finite-difference step: the truncation error of central differences grows as h², the
// rounding error as 1e-16/h; in double, h = 1e-4 keeps both near 1e-8 (h = 1e-6 lets rounding
// reach 1e-6 on the smallest gradients of a deep network).
constexpr double step = 1e-4;


// ½ ‖a − y‖², by a loop.
template <class A, class Y>
double ref_quadratic_cost(const A& a, const Y& y) {
    double c = 0;
    for (int j = 0; j < A::size; ++j) c += 0.5 * (double(a[j]) - double(y[j])) * (double(a[j]) - double(y[j]));
    return c;
}


template <class S, int... Sizes>
double ref_cost(const BasicNetwork<S, Sizes...>& net, const Vec<BasicNetwork<S, Sizes...>::in_dim, S>& x,
                const Vec<BasicNetwork<S, Sizes...>::out_dim, S>& y) {
    const auto a = naive_feedforward(net, x);
    double c = 0;
    for (std::size_t j = 0; j < a.size(); ++j) c += 0.5 * (a[j] - y[int(j)]) * (a[j] - y[int(j)]);
    return c;
}



// The largest relative error of the analytic gradient against central differences, for every
// parameter matrix in order w^1, b^1, w^2, b^2, …; the cost is evaluated by `cost(net)`.
template <class Net, class Cost>
std::vector<double> check_every_parameter(Net& net, const Net& grad, Cost cost) {
    std::vector<double> worst;
    for_each_parameter(net, grad, [&](auto& p, const auto& g) { worst.push_back(gradient_check(p, g, [&] { return cost(net); }, step)); });
    return worst;
}

template <class Net>
void check_backprop_on(std::uint64_t seed) {
    auto net = random_network<Net>(seed);
    Rng rng(seed + 100);
    for (int example = 0; example < 3; ++example) {
        const auto x = random_vector<Net::in_dim, double>(rng, -1, 1);
        const auto y = random_vector<Net::out_dim, double>(rng, 0, 1);
        const Net grad = backprop(net, x, y);
        const auto worst = check_every_parameter(net, grad, [&](const Net& n) { return ref_cost(n, x, y); });
        BOOST_TEST(int(worst.size()) == 2 * Net::num_layers);
        for (std::size_t p = 0; p < worst.size(); ++p) {
            BOOST_TEST_CONTEXT("example " << example << ", " << (p % 2 ? "b^" : "w^") << p / 2 + 1) {
                BOOST_TEST(worst[p] < tolerance);
            }
        }
    }
}

// The four XOR examples, targets as one-entry vectors.
template <class S>
std::pair<std::vector<Vec<2, S>>, std::vector<Vec<1, S>>> xor_examples() {
    return {{Vec<2, S>{0, 0}, Vec<2, S>{0, 1}, Vec<2, S>{1, 0}, Vec<2, S>{1, 1}}, {Vec<1, S>{0}, Vec<1, S>{1}, Vec<1, S>{1}, Vec<1, S>{0}}};
}

}  // namespace

// ------------------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(exercise_cost_derivative)

BOOST_AUTO_TEST_CASE(hand_computed_3_outputs) {
    const Vec<3> a{0.5f, 0.2f, 0.9f}, y{0, 0, 1};
    const Vec<3> d = cost_derivative(a, y);
    BOOST_TEST(std::abs(d[0] - 0.5f) < 1e-7f);
    BOOST_TEST(std::abs(d[1] - 0.2f) < 1e-7f);
    BOOST_TEST(std::abs(d[2] + 0.1f) < 1e-7f);
    BOOST_TEST(std::abs(quadratic_cost(a, y) - 0.15f) < 1e-7f);  // ½ (0.25 + 0.04 + 0.01)
}

BOOST_AUTO_TEST_CASE(zero_at_the_target_double) {
    const Vec<4, double> a{0.1, 0.7, 0.3, 0.99};
    BOOST_TEST(quadratic_cost(a, a) == 0.0);
    BOOST_TEST(max_abs_diff(cost_derivative(a, a), Vec<4, double>{}) == 0.0);
}

BOOST_AUTO_TEST_CASE(derivative_is_the_gradient_of_the_cost_10_outputs) {
    Rng rng(1);
    auto a = random_vector<10, double>(rng, 0, 1);
    const auto y = random_vector<10, double>(rng, 0, 1);
    const Vec<10, double> d = cost_derivative(a, y);
    BOOST_TEST(std::abs(quadratic_cost(a, y) - ref_quadratic_cost(a, y)) < 1e-14);
    BOOST_TEST(gradient_check(a, d, [&] { return ref_quadratic_cost(a, y); }, step) < tolerance);
}

BOOST_AUTO_TEST_SUITE_END()

// ------------------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(exercise_forward_pass)

BOOST_AUTO_TEST_CASE(keeps_every_z_and_a_of_3_4_2_double) {
    const auto net = random_network<BasicNetwork<double, 3, 4, 2>>(2);
    const Vec<3, double> x{0.5, -1, 2};
    const ForwardCache<double, 3, 4, 2> cache = forward_pass(net, x);
    BOOST_TEST(max_abs_diff(cache.a<0>(), x) == 0.0);
    // z^1 = w^1 x + b^1 and a^1 = σ(z^1), by loops.
    const auto& l1 = net.layer<0>();
    for (int j = 0; j < 4; ++j) {
        double z = l1.b[j];
        for (int k = 0; k < 3; ++k) z += l1.w(j, k) * x[k];
        BOOST_TEST_CONTEXT("z^1_" << j) {
            BOOST_TEST(std::abs(cache.z<1>()[j] - z) < 1e-12);
            BOOST_TEST(std::abs(cache.a<1>()[j] - ref_sigmoid(z)) < 1e-12);
        }
    }
    // z^2 = w^2 a^1 + b^2, and a^2 is the network's output.
    const auto& l2 = net.layer<1>();
    const auto out = naive_feedforward(net, x);
    for (int j = 0; j < 2; ++j) {
        double z = l2.b[j];
        for (int k = 0; k < 4; ++k) z += l2.w(j, k) * cache.a<1>()[k];
        BOOST_TEST_CONTEXT("z^2_" << j) {
            BOOST_TEST(std::abs(cache.z<2>()[j] - z) < 1e-12);
            BOOST_TEST(std::abs(cache.a<2>()[j] - out[j]) < 1e-12);
        }
    }
}

BOOST_AUTO_TEST_CASE(three_layers_4_5_3_2_end_at_the_output) {
    const auto net = random_network<BasicNetwork<double, 4, 5, 3, 2>>(3);
    Rng rng(4);
    const auto x = random_vector<4, double>(rng, -1, 1);
    const auto cache = forward_pass(net, x);
    static_for<3>([&](auto k) {
        constexpr std::size_t l = k + 1;
        BOOST_TEST_CONTEXT("layer " << l) {
            const auto z = net.layer<k>().w * cache.a<l - 1>() + net.layer<k>().b;
            BOOST_TEST(max_abs_diff(cache.z<l>(), z) < 1e-12);
            for (int j = 0; j < z.rows; ++j) BOOST_TEST(std::abs(cache.a<l>()[j] - ref_sigmoid(z[j])) < 1e-12);
        }
    });
    const auto out = naive_feedforward(net, x);
    BOOST_TEST(std::abs(cache.a<3>()[0] - out[0]) < 1e-12);
    BOOST_TEST(std::abs(cache.a<3>()[1] - out[1]) < 1e-12);
}

BOOST_AUTO_TEST_CASE(hand_wired_xor_hidden_layer_is_or_and_nand) {
    const auto net = ch02::hand_wired_xor();
    const auto cache = forward_pass(net, Vec<2>{0, 1});
    BOOST_TEST(cache.z<1>()[0] == 10.0f);   // OR: 20·0 + 20·1 − 10
    BOOST_TEST(cache.z<1>()[1] == 10.0f);   // NAND: −20·1 + 30
    BOOST_TEST(cache.a<1>()[0] > 0.9999f);
    BOOST_TEST(cache.a<2>()[0] > 0.9999f);  // XOR(0, 1) = 1
}

BOOST_AUTO_TEST_SUITE_END()

// ------------------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(exercise_output_error)

BOOST_AUTO_TEST_CASE(hand_computed_bp1) {
    const Vec<2, double> grad_a{1, -2}, z{0, 2};
    const Vec<2, double> delta = output_error(grad_a, z);
    BOOST_TEST(std::abs(delta[0] - 0.25) < 1e-15);                     // 1 · σ′(0)
    BOOST_TEST(std::abs(delta[1] + 2 * 0.1049935854035065) < 1e-15);   // −2 · σ′(2)
}

BOOST_AUTO_TEST_CASE(is_dC_dz_of_the_output_layer_4_outputs) {
    // δ^L = ∂C/∂z^L for C = ½‖σ(z^L) − y‖²: against central differences in z^L.
    Rng rng(5);
    auto z = random_vector<4, double>(rng, -3, 3);
    const auto y = random_vector<4, double>(rng, 0, 1);
    auto cost = [&] {
        double c = 0;
        for (int j = 0; j < 4; ++j) c += 0.5 * (ref_sigmoid(z[j]) - y[j]) * (ref_sigmoid(z[j]) - y[j]);
        return c;
    };
    Vec<4, double> grad_a;
    for (int j = 0; j < 4; ++j) grad_a[j] = ref_sigmoid(z[j]) - y[j];
    const Vec<4, double> delta = output_error(grad_a, z);
    BOOST_TEST(gradient_check(z, delta, cost, step) < tolerance);
}

BOOST_AUTO_TEST_CASE(saturated_output_has_no_error_float) {
    const Vec<2> delta = output_error(Vec<2>{1, -1}, Vec<2>{1000, -1000});
    BOOST_TEST(all_finite(delta));
    BOOST_TEST(std::abs(delta[0]) < 1e-30f);
    BOOST_TEST(std::abs(delta[1]) < 1e-30f);
}

BOOST_AUTO_TEST_SUITE_END()

// ------------------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(exercise_backpropagate_error)

BOOST_AUTO_TEST_CASE(hand_computed_bp2_2_to_3) {
    Layer<2, 3, double> next;                               // w^{l+1} is (3, 2)
    next.w = Mat<3, 2, double>{{1, 2}, {0, -1}, {3, 0.5}};
    const Vec<3, double> delta_next{1, 2, -1};              // δ^{l+1} (3)
    const Vec<2, double> z{0, 0};                           // σ′(0) = ¼
    // (w^{l+1})ᵀ δ^{l+1} = (1·1 + 0·2 + 3·(−1), 2·1 − 1·2 + 0.5·(−1)) = (−2, −0.5)
    const Vec<2, double> delta = backpropagate_error(next, delta_next, z);
    BOOST_TEST(std::abs(delta[0] + 0.5) < 1e-15);
    BOOST_TEST(std::abs(delta[1] + 0.125) < 1e-15);
}

BOOST_AUTO_TEST_CASE(random_5_to_3_against_naive_loops) {
    Rng rng(6);
    Layer<5, 3, double> next;
    rng.fill_normal(next.w);
    const auto delta_next = random_vector<3, double>(rng, -1, 1);
    const auto z = random_vector<5, double>(rng, -2, 2);
    const Vec<5, double> delta = backpropagate_error(next, delta_next, z);
    for (int k = 0; k < 5; ++k) {
        double back = 0;
        for (int j = 0; j < 3; ++j) back += next.w(j, k) * delta_next[j];
        const double s = ref_sigmoid(z[k]);
        BOOST_TEST_CONTEXT("neuron " << k) { BOOST_TEST(std::abs(delta[k] - back * s * (1 - s)) < 1e-14); }
    }
}

BOOST_AUTO_TEST_CASE(is_dC_dz_one_layer_back_4_to_3) {
    // z^l (4) -> a^l = σ(z^l) -> z^{l+1} = w a^l + b (3) -> C = ½‖σ(z^{l+1}) − y‖².
    Rng rng(7);
    Layer<4, 3, double> next;
    rng.fill_normal(next.w);
    rng.fill_normal(next.b);
    auto z = random_vector<4, double>(rng, -2, 2);
    const auto y = random_vector<3, double>(rng, 0, 1);
    auto forward = [&] {  // z^{l+1}, by loops
        std::vector<double> out(3);
        for (int j = 0; j < 3; ++j) {
            out[j] = next.b[j];
            for (int k = 0; k < 4; ++k) out[j] += next.w(j, k) * ref_sigmoid(z[k]);
        }
        return out;
    };
    auto cost = [&] {
        const auto zn = forward();
        double c = 0;
        for (int j = 0; j < 3; ++j) c += 0.5 * (ref_sigmoid(zn[j]) - y[j]) * (ref_sigmoid(zn[j]) - y[j]);
        return c;
    };
    const auto zn = forward();
    Vec<3, double> delta_next;  // δ^{l+1} = (σ(z^{l+1}) − y) ⊙ σ′(z^{l+1}), by hand
    for (int j = 0; j < 3; ++j) {
        const double s = ref_sigmoid(zn[j]);
        delta_next[j] = (s - y[j]) * s * (1 - s);
    }
    const Vec<4, double> delta = backpropagate_error(next, delta_next, z);
    BOOST_TEST(gradient_check(z, delta, cost, step) < tolerance);
}

BOOST_AUTO_TEST_SUITE_END()

// ------------------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(exercise_layer_gradient)

BOOST_AUTO_TEST_CASE(hand_computed_bp3_bp4_3_to_2) {
    const Vec<2, double> delta{1, -2};
    const Vec<3, double> a_prev{3, 0.5, -1};
    const Layer<3, 2, double> g = layer_gradient(delta, a_prev);
    const Mat<2, 3, double> expected_w{{3, 0.5, -1}, {-6, -1, 2}};  // δ_j a_k
    BOOST_TEST(max_abs_diff(g.w, expected_w) == 0.0);
    BOOST_TEST(max_abs_diff(g.b, delta) == 0.0);
}

BOOST_AUTO_TEST_CASE(is_dC_dw_and_dC_db_of_one_layer_4_to_3) {
    // z = w a + b (3) and C = ½‖σ(z) − y‖²: δ = (σ(z) − y) ⊙ σ′(z).
    Rng rng(8);
    Layer<4, 3, double> layer;
    rng.fill_normal(layer.w);
    rng.fill_normal(layer.b);
    const auto a = random_vector<4, double>(rng, 0, 1);
    const auto y = random_vector<3, double>(rng, 0, 1);
    auto z_of = [&](int j) {
        double z = layer.b[j];
        for (int k = 0; k < 4; ++k) z += layer.w(j, k) * a[k];
        return z;
    };
    auto cost = [&] {
        double c = 0;
        for (int j = 0; j < 3; ++j) c += 0.5 * (ref_sigmoid(z_of(j)) - y[j]) * (ref_sigmoid(z_of(j)) - y[j]);
        return c;
    };
    Vec<3, double> delta;
    for (int j = 0; j < 3; ++j) {
        const double s = ref_sigmoid(z_of(j));
        delta[j] = (s - y[j]) * s * (1 - s);
    }
    const Layer<4, 3, double> g = layer_gradient(delta, a);
    BOOST_TEST(gradient_check(layer.w, g.w, cost, step) < tolerance);
    BOOST_TEST(gradient_check(layer.b, g.b, cost, step) < tolerance);
}

BOOST_AUTO_TEST_CASE(mnist_sized_784_to_30_outer_product_float) {
    Rng rng(9);
    const auto delta = random_vector<30, float>(rng, -1, 1);
    const auto a = random_vector<784, float>(rng, 0, 1);
    const Layer<784, 30> g = layer_gradient(delta, a);
    double worst = 0;  // against δ_j a_k in double (the float product may be fused, hence 1e-7)
    for (int j = 0; j < 30; ++j)
        for (int k = 0; k < 784; ++k) worst = std::max(worst, std::abs(g.w(j, k) - double(delta[j]) * double(a[k])));
    BOOST_TEST(worst < 1e-7);
    BOOST_TEST(max_abs_diff(g.b, delta) == 0.0f);
}

BOOST_AUTO_TEST_SUITE_END()

// ------------------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(exercise_backprop)

BOOST_AUTO_TEST_CASE(gradient_check_every_parameter_3_4_2_double) { check_backprop_on<BasicNetwork<double, 3, 4, 2>>(10); }

BOOST_AUTO_TEST_CASE(gradient_check_every_parameter_4_5_3_2_double) { check_backprop_on<BasicNetwork<double, 4, 5, 3, 2>>(20); }

BOOST_AUTO_TEST_CASE(gradient_check_every_parameter_2_3_3_3_1_double) { check_backprop_on<BasicNetwork<double, 2, 3, 3, 3, 1>>(30); }

BOOST_AUTO_TEST_CASE(float_784_30_10_agrees_with_double) {
    // The same code in float (training) and double (checking): the gradients agree to float precision.
    Rng rng(40);
    Network<784, 30, 10> net;
    for_each_parameter(net, [&](auto& p) { rng.fill_normal(p, 0.0, 0.1); });
    const auto x = random_vector<784, float>(rng, 0, 1);
    Vec<10> y;
    y[3] = 1;
    const Network<784, 30, 10> g = backprop(net, x, y);
    const BasicNetwork<double, 784, 30, 10> gd = backprop(ch02::cast<double>(net), x.cast<double>(), y.cast<double>());
    double scale = 0, worst = 0;
    auto compare = [&](const auto& gf, const auto& gdd) {
        BOOST_TEST(all_finite(gf));
        scale = std::max(scale, double(gdd.eigen().cwiseAbs().maxCoeff()));
        worst = std::max(worst, double(max_abs_diff(gf.template cast<double>(), gdd)));
    };
    compare(g.layer<0>().w, gd.layer<0>().w);
    compare(g.layer<0>().b, gd.layer<0>().b);
    compare(g.layer<1>().w, gd.layer<1>().w);
    compare(g.layer<1>().b, gd.layer<1>().b);
    BOOST_TEST(scale > 0.0);
    BOOST_TEST(worst < 1e-4 * scale);
}

BOOST_AUTO_TEST_CASE(xor_learned_by_full_batch_gradient_descent_2_3_1) {
    // 3000 steps of w ← w − η · (1/4) Σ_x ∇C_x with η = 4 from a fixed N(0, 1) start.
    BasicNetwork<double, 2, 3, 1> net;
    Rng rng(3);
    ch02::init_normal(net, rng);
    const auto [x, y] = xor_examples<double>();
    auto total_cost = [&] {
        double c = 0;
        for (int i = 0; i < 4; ++i) c += ref_cost(net, x[i], y[i]);
        return c / 4;
    };
    const double before = total_cost();
    const double eta = 4.0;
    for (int step = 0; step < 3000; ++step) {
        BasicNetwork<double, 2, 3, 1> sum;
        for (int i = 0; i < 4; ++i)
            for_each_parameter(sum, backprop(net, x[i], y[i]), [](auto& s, const auto& g) { s += g; });
        for_each_parameter(net, sum, [&](auto& p, const auto& g) { add_scaled(p, -eta / 4, g); });
    }
    const double after = total_cost();
    BOOST_TEST_MESSAGE("XOR cost " << before << " -> " << after);
    BOOST_TEST(after < 0.01);
    BOOST_TEST(after < before / 10);
    for (int i = 0; i < 4; ++i) {
        BOOST_TEST_CONTEXT("x = (" << x[i][0] << ", " << x[i][1] << ")") {
            BOOST_TEST(std::abs(naive_feedforward(net, x[i])[0] - y[i][0]) < 0.2);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

// ------------------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(exercise_cross_entropy)

BOOST_AUTO_TEST_CASE(hand_computed_cost) {
    const Vec<2, double> a{0.9, 0.2}, y{1, 0};
    BOOST_TEST(std::abs(cross_entropy_cost(a, y) - (-std::log(0.9) - std::log(0.8))) < 1e-15);
    const Vec<3, double> a3{0.5, 0.25, 0.75}, y3{0.5, 0, 1};
    const double expected = -(0.5 * std::log(0.5) + 0.5 * std::log(0.5)) - std::log(0.75) - std::log(0.75);
    BOOST_TEST(std::abs(cross_entropy_cost(a3, y3) - expected) < 1e-15);
}

BOOST_AUTO_TEST_CASE(perfect_saturated_output_costs_zero_not_nan) {
    const Vec<2> a{1, 0}, y{1, 0};
    const float c = cross_entropy_cost(a, y);
    BOOST_TEST(std::isfinite(c));
    BOOST_TEST(c == 0.0f);
}

BOOST_AUTO_TEST_CASE(gradient_check_every_parameter_3_4_2_double) {
    using Net = BasicNetwork<double, 3, 4, 2>;
    auto net = random_network<Net>(50);
    Rng rng(51);
    const auto x = random_vector<3, double>(rng, -1, 1);
    const Vec<2, double> y{1, 0};
    const Net grad = backprop_cross_entropy(net, x, y);
    auto cost = [&](const Net& n) {
        const auto a = naive_feedforward(n, x);
        return -std::log(a[0]) - std::log(1 - a[1]);
    };
    const auto worst = check_every_parameter(net, grad, cost);
    for (std::size_t p = 0; p < worst.size(); ++p) {
        BOOST_TEST_CONTEXT((p % 2 ? "b^" : "w^") << p / 2 + 1) { BOOST_TEST(worst[p] < tolerance); }
    }
}

BOOST_AUTO_TEST_SUITE_END()
