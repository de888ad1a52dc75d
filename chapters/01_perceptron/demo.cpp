// Chapter 01 demo: a perceptron learns AND, OR and NAND, and never learns XOR.
//
// Built twice: demo_01_perceptron uses the reference solutions, demo_01_perceptron_learner uses
// your exercises/01_perceptron/perceptron.hpp. Each run prints, for every
// gate, the mistakes of each epoch, the final w and b, the truth table with the perceptron's
// predictions, and the result the reference gets beside yours; then the pocket algorithm on XOR.
// The decision boundaries go to figures_dir()/ch01_boundary_<gate>.svg.
//
// Shapes: N = 2 inputs, M = 4 examples; x (2), w (2), b scalar, y and ŷ in {0, 1}.
#include <cctype>
#include <cmath>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "01_perceptron/perceptron.hpp"
#include "course/data.hpp"
#include "course/plot.hpp"
#include "course/rng.hpp"
#include "course/todo.hpp"
#include "course/demo.hpp"

using namespace course;
using namespace course::ch01;

namespace {

constexpr int max_epochs = 100;  // XOR gets this many epochs and still makes mistakes
constexpr float eta = 1.0f;      // learning rate η

/// One gate to learn, and what the reference solution gets on it (from w = 0, b = 0, η = 1).
struct Gate {
    std::string name;       // "AND"
    Dataset<4, 2> table;    // 4 examples of 2 inputs
    int expected_epochs;    // epochs the reference runs (max_epochs when it never converges)
    bool expected_converged;
    std::string expected;   // the expected result, in words
};

std::string join(const std::vector<int>& v, std::size_t first_n) {
    std::string s;
    for (std::size_t i = 0; i < v.size() && i < first_n; ++i) {
        if (i) s += ' ';
        s += std::to_string(v[i]);
    }
    if (v.size() > first_n) s += " ... (" + std::to_string(v.size()) + " epochs)";
    return s;
}

std::string lower(std::string s) {
    for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

/// The line w0 x + w1 y + b = 0 across the square [lo, hi]², as two end points (none if w = 0).
bool boundary(const Perceptron<2>& p, double lo, double hi, std::vector<double>& xs, std::vector<double>& ys) {
    const double w0 = p.w[0], w1 = p.w[1], b = p.b;
    xs.clear();
    ys.clear();
    if (std::abs(w1) > 1e-12) {  // y = −(w0 x + b) / w1
        xs = {lo, hi};
        ys = {-(w0 * lo + b) / w1, -(w0 * hi + b) / w1};
    } else if (std::abs(w0) > 1e-12) {  // vertical: x = −b / w0
        xs = {-b / w0, -b / w0};
        ys = {lo, hi};
    }
    return !xs.empty();
}

/// Plots the four examples coloured by class and each perceptron's line; warns instead of failing.
void plot_boundary(const Gate& g, const std::vector<std::pair<std::string, Perceptron<2>>>& lines) {
    const double lo = -0.5, hi = 1.5;
    Plot plot(g.name + ": the perceptron's decision boundary w0 x0 + w1 x1 + b = 0");
    plot.xlabel("x0").ylabel("x1").xrange(lo, hi).yrange(lo, hi);
    std::vector<double> x0[2], x1[2];
    for (int i = 0; i < 4; ++i) {
        x0[g.table.y[i]].push_back(g.table.x[i][0]);
        x1[g.table.y[i]].push_back(g.table.x[i][1]);
    }
    plot.points(x0[0], x1[0], "y = 0").points(x0[1], x1[1], "y = 1");
    for (const auto& [label, p] : lines) {
        std::vector<double> xs, ys;
        if (boundary(p, lo, hi, xs, ys)) plot.line(xs, ys, label);
    }
    const auto file = figures_dir() / ("ch01_boundary_" + lower(g.name) + ".svg");
    try {
        plot.save(file);
        std::printf("  figure: %s\n", file.string().c_str());
    } catch (const std::exception& e) {
        std::printf("  warning: no figure for %s: %s\n", g.name.c_str(), e.what());
    }
}

void print_truth_table(const Perceptron<2>& p, const Dataset<4, 2>& d) {
    std::printf("  x0 x1 | y  ŷ\n");
    for (int i = 0; i < 4; ++i) {
        const int y_hat = predict(p, d.x[i]);
        std::printf("   %g  %g | %d  %d%s\n", double(d.x[i][0]), double(d.x[i][1]), d.y[i], y_hat,
                    y_hat == d.y[i] ? "" : "   <- wrong");
    }
}

int run() {
    std::vector<Gate> gates = {
        {"AND", and_table(), 6, true, "converges in 6 epochs (mistakes 1 3 3 2 1 0), w = (2, 1), b = -2"},
        {"OR", or_table(), 4, true, "converges in 4 epochs (mistakes 1 2 1 0), w = (1, 1), b = 0"},
        {"NAND", nand_table(), 6, true, "converges in 6 epochs (mistakes 2 3 3 2 1 0), w = (-2, -1), b = 3"},
        {"XOR", xor_table(), max_epochs, false, "never converges: mistakes in every one of the 100 epochs"},
    };
    std::printf("Chapter 01: the perceptron learning rule, from w = (0, 0), b = 0, with eta = %g,\n"
                "the examples in the order (0,0), (0,1), (1,0), (1,1), at most %d epochs.\n",
                double(eta), max_epochs);

    struct Row { std::string name; int epochs; bool converged; int correct; const Gate* gate; };
    std::vector<Row> summary;
    int pocket_mistakes = -1;
    for (const Gate& g : gates) {
        Perceptron<2> p;  // w = 0, b = 0
        const TrainResult r = train(p, g.table, max_epochs, eta);
        std::printf("\n== %s ==\n", g.name.c_str());
        std::printf("  epochs: %d (%s)\n", r.epochs, r.converged ? "converged" : "did not converge");
        std::printf("  mistakes per epoch: %s\n", join(r.mistakes, 12).c_str());
        std::printf("  final w = (%g, %g), b = %g\n", double(p.w[0]), double(p.w[1]), double(p.b));
        print_truth_table(p, g.table);
        std::printf("  expected: %s\n", g.expected.c_str());
        int correct = 0;
        for (int i = 0; i < 4; ++i) correct += predict(p, g.table.x[i]) == g.table.y[i];
        summary.push_back({g.name, r.epochs, r.converged, correct, &g});

        std::vector<std::pair<std::string, Perceptron<2>>> lines = {{"w, b after training", p}};
        if (g.name == "XOR") {
            // No line separates XOR; the pocket algorithm keeps the best line it meets.
            Perceptron<2> pocket;
            Rng rng(1);
            const int fewest = train_pocket(pocket, g.table, 400, eta, rng);
            pocket_mistakes = fewest;
            std::printf("\n  pocket algorithm on XOR (400 random updates, seed 1): %d mistake%s, w = (%g, %g), b = %g\n",
                        fewest, fewest == 1 ? "" : "s", double(pocket.w[0]), double(pocket.w[1]), double(pocket.b));
            print_truth_table(pocket, g.table);
            std::printf("  expected: 1 mistake (3 of 4 right: the best any line can do on XOR)\n");
            lines.push_back({"pocket's line", pocket});
        }
        plot_boundary(g, lines);
    }

    std::printf("\nSummary (yours beside the reference's):\n");
    std::printf("  gate  epochs  converged  correct | expected epochs  converged  correct\n");
    bool as_expected = true;
    for (const Row& row : summary) {
        const Gate& g = *row.gate;
        const int expected_correct = g.expected_converged ? 4 : -1;  // XOR: fewer than 4, whatever the line
        const bool ok = row.epochs == g.expected_epochs && row.converged == g.expected_converged &&
                        (g.expected_converged ? row.correct == 4 : row.correct < 4);
        as_expected = as_expected && ok;
        std::printf("  %-4s  %6d  %-9s  %7d | %15d  %-9s  %7s%s\n", row.name.c_str(), row.epochs,
                    row.converged ? "yes" : "no", row.correct, g.expected_epochs, g.expected_converged ? "yes" : "no",
                    expected_correct == 4 ? "4" : "< 4", ok ? "" : "   <- differs");
    }
    const bool pocket_ok = pocket_mistakes == 1;
    as_expected = as_expected && pocket_ok;
    std::printf("  pocket on XOR: %d mistake(s) | expected 1%s\n", pocket_mistakes, pocket_ok ? "" : "   <- differs");
    std::printf("\nexpected: AND converges in 6 epochs from zero weights; OR in 4; NAND in 6; XOR never converges.\n");
    std::printf("%s\n", as_expected ? "result: as expected." : "result: differs from the reference (see the rows marked above).");
    return 0;
}

}  // namespace

int main() { return course::run_demo(run); }
