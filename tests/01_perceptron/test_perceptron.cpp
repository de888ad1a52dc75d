// Chapter 01 tests: one suite per exercise, named as in chapters/01_perceptron/chapter.toml.
#include <boost/test/unit_test.hpp>

#include "01_perceptron/perceptron.hpp"

using namespace course;
using namespace course::ch01;

namespace {
// Every example of the table classified correctly by p.
template <int M, int N, class S>
int count_correct(const Perceptron<N, S>& p, const Dataset<M, N, S>& d) {
    int n = 0;
    for (int i = 0; i < M; ++i) n += predict(p, d.x[i]) == d.y[i];
    return n;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(exercise_predict)

BOOST_AUTO_TEST_CASE(hand_wired_and_gate_2_inputs) {
    Perceptron<2> p{Vec<2>{1, 1}, -1.5f};  // fires only when both inputs are on
    BOOST_TEST(predict(p, Vec<2>{0, 0}) == 0);
    BOOST_TEST(predict(p, Vec<2>{0, 1}) == 0);
    BOOST_TEST(predict(p, Vec<2>{1, 0}) == 0);
    BOOST_TEST(predict(p, Vec<2>{1, 1}) == 1);
}

BOOST_AUTO_TEST_CASE(zero_sum_is_not_positive) {
    Perceptron<3> p{Vec<3>{1, -1, 2}, -2.0f};  // w·x + b = 0 exactly for x = (2, 2, 1)
    BOOST_TEST(predict(p, Vec<3>{2, 2, 1}) == 0);
    BOOST_TEST(predict(p, Vec<3>{2, 2, 1.5f}) == 1);
}

BOOST_AUTO_TEST_CASE(uses_every_weight_and_the_bias_in_double) {
    Perceptron<4, double> p{Vec<4, double>{0.5, -2, 0, 3}, 0.25};
    BOOST_TEST(predict(p, Vec<4, double>{1, 0, 0, 0}) == 1);   // 0.5 + 0.25
    BOOST_TEST(predict(p, Vec<4, double>{0, 1, 0, 0}) == 0);   // −2 + 0.25
    BOOST_TEST(predict(p, Vec<4, double>{0, 0, 1e9, 0}) == 1); // 0 + 0.25
    BOOST_TEST(predict(p, Vec<4, double>{0, 0, 0, -0.1}) == 0);// −0.3 + 0.25
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(exercise_update)

BOOST_AUTO_TEST_CASE(mistake_on_positive_example_moves_towards_it) {
    Perceptron<2> p;  // w = 0, b = 0: predicts 0
    BOOST_TEST(update(p, Vec<2>{1, 2}, 1, 0.5f) == true);
    BOOST_TEST(p.w[0] == 0.5f);
    BOOST_TEST(p.w[1] == 1.0f);
    BOOST_TEST(p.b == 0.5f);
}

BOOST_AUTO_TEST_CASE(mistake_on_negative_example_moves_away) {
    Perceptron<2> p{Vec<2>{1, 1}, 0.0f};  // predicts 1 for (3, −1)
    BOOST_TEST(update(p, Vec<2>{3, -1}, 0, 1.0f) == true);
    BOOST_TEST(p.w[0] == -2.0f);
    BOOST_TEST(p.w[1] == 2.0f);
    BOOST_TEST(p.b == -1.0f);
}

BOOST_AUTO_TEST_CASE(correct_prediction_changes_nothing) {
    Perceptron<2> p{Vec<2>{1, 1}, -1.5f};
    BOOST_TEST(update(p, Vec<2>{1, 1}, 1, 1.0f) == false);
    BOOST_TEST(update(p, Vec<2>{0, 1}, 0, 1.0f) == false);
    BOOST_TEST(p.w[0] == 1.0f);
    BOOST_TEST(p.w[1] == 1.0f);
    BOOST_TEST(p.b == -1.5f);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(exercise_train)

BOOST_AUTO_TEST_CASE(learns_and_or_nand) {
    for (const auto& [name, table] : {std::pair{"AND", and_table()}, {"OR", or_table()}, {"NAND", nand_table()}}) {
        BOOST_TEST_CONTEXT(name) {
            Perceptron<2> p;
            const TrainResult r = train(p, table, 100, 1.0f);
            BOOST_TEST(r.converged);
            BOOST_TEST(r.epochs < 100);
            BOOST_TEST(count_correct(p, table) == 4);
        }
    }
}

BOOST_AUTO_TEST_CASE(and_from_zero_weights_follows_the_hand_worked_trace) {
    // From w = 0, b = 0 with η = 1, in the table's order, the rule makes 1, 3, 3, 2, 1 mistakes,
    // then a clean epoch: the trace worked by hand in the lesson.
    Perceptron<2> p;
    const TrainResult r = train(p, and_table(), 100, 1.0f);
    BOOST_TEST(r.epochs == 6);
    BOOST_TEST(r.mistakes == (std::vector<int>{1, 3, 3, 2, 1, 0}), boost::test_tools::per_element());
    BOOST_TEST(p.w[0] == 2.0f);
    BOOST_TEST(p.w[1] == 1.0f);
    BOOST_TEST(p.b == -2.0f);
}

BOOST_AUTO_TEST_CASE(records_one_entry_per_epoch_and_stops_when_clean) {
    Perceptron<2> p;
    const TrainResult r = train(p, or_table(), 50, 0.1f);
    BOOST_TEST(int(r.mistakes.size()) == r.epochs);
    BOOST_TEST(r.mistakes.back() == 0);
    for (std::size_t e = 0; e + 1 < r.mistakes.size(); ++e) BOOST_TEST(r.mistakes[e] > 0);
}

BOOST_AUTO_TEST_CASE(never_separates_xor) {
    Perceptron<2> p;
    const TrainResult r = train(p, xor_table(), 200, 1.0f);
    BOOST_TEST(!r.converged);
    BOOST_TEST(r.epochs == 200);
    BOOST_TEST(int(r.mistakes.size()) == 200);
    for (int m : r.mistakes) BOOST_TEST(m > 0);
    BOOST_TEST(count_correct(p, xor_table()) < 4);
}

BOOST_AUTO_TEST_CASE(learns_a_linearly_separable_set_in_5_dimensions) {
    // Labels from a hidden perceptron: the convergence theorem promises a finite number of updates.
    Dataset<6, 5, double> d;
    const Vec<5, double> hidden{1, -2, 0.5, 3, -1};
    const double xs[6][5] = {{1, 0, 2, 1, 0}, {0, 1, 1, 0, 2}, {2, 2, 0, 1, 1},
                             {-1, 0, 1, 2, 0}, {0, -1, 0, -1, 1}, {1, 1, 1, 1, 1}};
    for (int i = 0; i < 6; ++i) {
        for (int j = 0; j < 5; ++j) d.x[i][j] = xs[i][j];
        d.y[i] = dot(hidden, d.x[i]) - 0.5 > 0;
    }
    Perceptron<5, double> p;
    const TrainResult r = train(p, d, 1000, 1.0);
    BOOST_TEST(r.converged);
    BOOST_TEST(count_correct(p, d) == 6);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(exercise_train_pocket)

BOOST_AUTO_TEST_CASE(pocket_keeps_the_best_line_for_xor) {
    for (std::uint64_t seed : {1, 2, 3, 4, 5}) {
        BOOST_TEST_CONTEXT("seed " << seed) {
            Perceptron<2> p;
            Rng rng(seed);
            const int fewest = train_pocket(p, xor_table(), 400, 1.0f, rng);
            BOOST_TEST(fewest == 1);                         // no line gets all four; the best gets three
            BOOST_TEST(count_correct(p, xor_table()) == 3);  // the weights left in p are the pocket's
        }
    }
}

BOOST_AUTO_TEST_CASE(pocket_reaches_zero_on_separable_data) {
    Perceptron<2> p;
    Rng rng(9);
    BOOST_TEST(train_pocket(p, nand_table(), 400, 1.0f, rng) == 0);
    BOOST_TEST(count_correct(p, nand_table()) == 4);
}

BOOST_AUTO_TEST_SUITE_END()
