// Chapter 02 demo: a hand-wired 2-2-1 sigmoid network computes XOR (which no single perceptron
// can, chapter 01), and an untrained <784, 30, 10> network scores about 10% on MNIST: chance.
// Built on the reference (demo_02_sigmoid_mlp) or on your code (demo_02_sigmoid_mlp_learner).
#include <cstdio>
#include <exception>
#include <vector>

#include "02_sigmoid_mlp/sigmoid_mlp.hpp"
#include "course/data.hpp"
#include "course/plot.hpp"
#include "course/demo.hpp"
#include "course/idx.hpp"
#include "course/todo.hpp"

using namespace course;
using namespace course::ch02;

namespace {

void xor_part() {
    const auto net = hand_wired_xor();  // <2, 2, 1>: hidden OR and NAND, output AND
    std::printf("A hand-wired 2-2-1 sigmoid network (hidden: OR, NAND; output: AND of the two)\n");
    std::printf("  x1 x2 | hidden a^1        | output a^2 | XOR\n");
    const int table[4][3] = {{0, 0, 0}, {0, 1, 1}, {1, 0, 1}, {1, 1, 0}};
    int right = 0;
    for (const auto& row : table) {
        const Vec<2> x{float(row[0]), float(row[1])};
        const Vec<2> hidden = layer_forward(net.layer<0>(), x);  // (2)
        const Vec<1> out = feedforward(net, x);                   // (1)
        right += (out[0] > 0.5f) == (row[2] == 1);
        std::printf("   %d  %d | %.5f  %.5f | %.5f    | %d\n", row[0], row[1], hidden[0], hidden[1], out[0], row[2]);
    }
    std::printf("XOR: %d of 4 rows right (expected: 4 of 4, each output within 1e-4 of 0 or 1)\n\n", right);

    // The output over the whole square [0, 1]²: XOR's two islands.
    constexpr int n = 41;
    std::vector<double> grid;
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            const float x1 = float(j) / (n - 1), x2 = float(n - 1 - i) / (n - 1);  // row 0 at the top: x2 = 1
            grid.push_back(feedforward(net, Vec<2>{x1, x2})[0]);
        }
    try {
        const auto file = figures_dir() / "ch02_xor_network.svg";
        heatmap(file, "hand-wired 2-2-1 network: output over [0,1]^2", grid, n, n, "x1 (0 to 1)", "x2 (1 at top)");
        std::printf("figure: %s\n\n", file.string().c_str());
    } catch (const std::exception& e) {
        std::printf("(no figure: %s)\n\n", e.what());
    }
}

void mnist_part() {
    std::printf("An untrained <784, 30, 10> network on MNIST (weights and biases N(0, 1), seed 42)\n");
    try {
        const MnistSplit data = load_mnist_like("mnist-10k", 0, 0);
        Network<784, 30, 10> net;  // 23,860 parameters
        Rng rng(42);
        init_normal(net, rng);
        const int correct = evaluate(net, data.test.x, data.test.y);
        const double pct = 100.0 * correct / double(data.test.y.size());
        std::printf("untrained accuracy: %d / %zu = %.1f%%   (expected: ~10%% untrained, i.e. chance for 10 digits)\n",
                    correct, data.test.y.size(), pct);
        std::vector<int> predicted(10, 0);
        for (std::size_t i = 0; i < data.test.x.size(); ++i) ++predicted[argmax(feedforward(net, data.test.x[i]))];
        std::printf("predictions per digit:");
        for (int d = 0; d < 10; ++d) std::printf(" %d:%d", d, predicted[d]);
        std::printf("\n(an untrained network answers almost the same digit for every image: chapter 04 trains it)\n");
    } catch (const DataMissing& e) {
        std::printf("MNIST is missing, so this part is skipped (expected: ~10%% untrained):\n  %s\n", e.what());
    }
}

}  // namespace

int main() {
    return course::run_demo([] {
        xor_part();
        mnist_part();
    });
}
