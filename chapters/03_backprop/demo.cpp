// Chapter 03 demo: backprop's gradient against finite differences for every parameter of two
// small networks (in double), then XOR learned by full-batch gradient descent (in float).
// Built on the reference (demo_03_backprop) or on your code (demo_03_backprop_learner): the
// gradient check then checks *your* backprop.
#include <algorithm>
#include <cstdio>
#include <exception>
#include <vector>

#include "03_backprop/backprop.hpp"
#include "course/data.hpp"
#include "course/gradcheck.hpp"
#include "course/plot.hpp"
#include "course/todo.hpp"
#include "course/demo.hpp"

using namespace course;
using namespace course::ch03;

namespace {

constexpr double step = 1e-4;       // finite-difference step (see the lesson: rounding vs truncation)
constexpr double tolerance = 1e-6;  // the largest relative error accepted

// ½‖a − y‖² of the network's output, by chapter 02's feedforward.
template <class Net>
double cost_of(const Net& net, const Vec<Net::in_dim, double>& x, const Vec<Net::out_dim, double>& y) {
    const auto d = ch02::feedforward(net, x) - y;
    return 0.5 * dot(d, d);
}

// Prints the largest relative error of backprop's gradient, per parameter matrix; returns the worst.
template <class Net>
double gradient_check_network(const char* name, std::uint64_t seed) {
    Net net;
    Rng rng(seed);
    ch02::init_normal(net, rng);
    Vec<Net::in_dim, double> x;
    Vec<Net::out_dim, double> y;
    rng.fill_uniform(x, -1, 1);
    rng.fill_uniform(y, 0, 1);
    const Net grad = backprop(net, x, y);
    std::printf("%s, %d parameters, one example:\n", name, Net::num_parameters);
    double worst = 0;
    int index = 0;
    ch02::for_each_parameter(net, grad, [&](auto& p, const auto& g) {
        const double err = gradient_check(p, g, [&] { return cost_of(net, x, y); }, step);
        worst = std::max(worst, err);
        std::printf("  %s^%d (%d, %d)  max relative error %.2e  %s\n", index % 2 ? "b" : "w", index / 2 + 1, p.rows, p.cols,
                    err, err < tolerance ? "ok" : "WRONG");
        ++index;
    });
    return worst;
}

void gradient_checks() {
    std::printf("Gradient check: backprop vs central differences (h = %.0e), in double\n", step);
    const double w1 = gradient_check_network<BasicNetwork<double, 3, 4, 2>>("<3, 4, 2>", 1);
    const double w2 = gradient_check_network<BasicNetwork<double, 4, 5, 3, 2>>("<4, 5, 3, 2>", 2);
    const double worst = std::max(w1, w2);
    std::printf("largest relative error: %.2e   (expected: below 1e-6, typically 1e-9 to 1e-7)\n\n", worst);
}

void learn_xor() {
    // Full-batch gradient descent: w ← w − η (1/4) Σ_x ∇C_x over the four XOR examples.
    const std::vector<Vec<2>> x = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    const std::vector<Vec<1>> y = {Vec<1>{0}, Vec<1>{1}, Vec<1>{1}, Vec<1>{0}};
    Network<2, 3, 1> net;
    Rng rng(3);
    ch02::init_normal(net, rng);
    const float eta = 4.0f;
    const int steps = 3000;
    auto mean_cost = [&] {
        double c = 0;
        for (int i = 0; i < 4; ++i) c += quadratic_cost(ch02::feedforward(net, x[i]), y[i]);
        return c / 4;
    };
    std::printf("XOR by full-batch gradient descent: <2, 3, 1>, eta = %.1f, %d steps, float\n", double(eta), steps);
    std::vector<double> curve_x, curve_y;
    for (int s = 0; s <= steps; ++s) {
        if (s % 500 == 0) std::printf("  step %4d  cost %.6f\n", s, mean_cost());
        if (s % 10 == 0) {
            curve_x.push_back(s);
            curve_y.push_back(mean_cost());
        }
        if (s == steps) break;
        Network<2, 3, 1> sum;  // Σ_x ∇C_x, typed like the parameters
        for (int i = 0; i < 4; ++i)
            ch02::for_each_parameter(sum, backprop(net, x[i], y[i]), [](auto& acc, const auto& g) { acc += g; });
        ch02::for_each_parameter(net, sum, [&](auto& p, const auto& g) { add_scaled(p, -eta / 4, g); });
    }
    int right = 0;
    std::printf("  x1 x2 | output | XOR\n");
    for (int i = 0; i < 4; ++i) {
        const float out = ch02::feedforward(net, x[i])[0];
        right += (out > 0.5f) == (y[i][0] > 0.5f);
        std::printf("   %.0f  %.0f | %.4f | %.0f\n", double(x[i][0]), double(x[i][1]), double(out), double(y[i][0]));
    }
    std::printf("XOR: %d of 4 rows right, final cost %.6f   (expected: 4 of 4, cost below 0.01)\n", right, mean_cost());
    try {
        const auto file = figures_dir() / "ch03_xor_cost.svg";
        Plot("XOR, full-batch gradient descent").xlabel("step").ylabel("mean quadratic cost").line(curve_x, curve_y, "<2, 3, 1>").save(file);
        std::printf("figure: %s\n", file.string().c_str());
    } catch (const std::exception& e) {
        std::printf("(no figure: %s)\n", e.what());
    }
}

}  // namespace

int main() {
    return course::run_demo([] {
        gradient_checks();
        learn_xor();
    });
}
