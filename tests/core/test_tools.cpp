// The shared tools: RNG, gradient checker, "not implemented yet", progress bar, data lookup.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstdlib>

#include "course/data.hpp"
#include "course/gradcheck.hpp"
#include "course/progress.hpp"
#include "course/rng.hpp"
#include "course/todo.hpp"

using namespace course;

BOOST_AUTO_TEST_SUITE(tools)

BOOST_AUTO_TEST_CASE(rng_is_reproducible_and_has_the_right_moments) {
    Rng a(7), b(7), c(8);
    BOOST_TEST(a.normal() == b.normal());
    BOOST_TEST(a.uniform01() == b.uniform01());
    BOOST_TEST(a.normal() != c.normal());
    Rng r(11);
    double sum = 0, sq = 0;
    const int n = 200000;
    for (int i = 0; i < n; ++i) {
        const double x = r.normal(1.0, 2.0);
        sum += x;
        sq += x * x;
    }
    const double mean = sum / n, var = sq / n - mean * mean;
    BOOST_TEST(std::abs(mean - 1.0) < 0.02);
    BOOST_TEST(std::abs(var - 4.0) < 0.05);
    std::vector<int> v{0, 1, 2, 3, 4, 5, 6, 7};
    r.shuffle(v);
    std::vector<int> sorted = v;
    std::sort(sorted.begin(), sorted.end());
    BOOST_TEST(sorted == (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(gradient_check_accepts_right_and_rejects_wrong_gradients) {
    // f(W) = Σ (W x)² / 2  has ∇_W f = (W x) xᵀ.
    Rng rng(3);
    Mat<3, 4, double> w;
    Vec<4, double> x;
    rng.fill_normal(w);
    rng.fill_normal(x);
    auto loss = [&] { const Vec<3, double> y = w * x; return 0.5 * dot(y, y); };
    const Mat<3, 4, double> right = (w * x) * x.T();
    BOOST_TEST(gradient_check(w, right, loss) < 1e-7);
    Mat<3, 4, double> wrong = right;
    wrong(1, 2) *= 1.01;
    BOOST_TEST(gradient_check(w, wrong, loss) > 1e-3);
    BOOST_TEST(relative_error(1.0, 1.0) == 0.0);
    BOOST_TEST(relative_error(0.0, 0.0) == 0.0);
    BOOST_TEST(std::abs(relative_error(1.0, 2.0) - 0.5) < 1e-15);
}

BOOST_AUTO_TEST_CASE(todo_names_chapter_exercise_and_place) {
    try {
        todo("07_attention", "softmax_backward");
        BOOST_FAIL("todo() returned");
    } catch (const NotImplemented& e) {
        const std::string what = e.what();
        BOOST_TEST(what.find("not implemented yet: chapter 07_attention, exercise softmax_backward") == 0u);
        BOOST_TEST(what.find("test_tools.cpp:") != std::string::npos);
        BOOST_TEST(e.exercise() == "softmax_backward");
    }
}

BOOST_AUTO_TEST_CASE(missing_data_says_what_to_do) {
    ::setenv("COURSE_DATA_DIR", "/nonexistent-course-data", 1);
    BOOST_TEST(data_dir().string() == "/nonexistent-course-data");
    try {
        require_data("mnist/train-images-idx3-ubyte.gz", "MNIST");
        BOOST_FAIL("no exception");
    } catch (const DataMissing& e) {
        const std::string what = e.what();
        BOOST_TEST(what.find("MNIST not found: expected /nonexistent-course-data/mnist") == 0u);
        BOOST_TEST(what.find("./course data") != std::string::npos);
    }
    ::unsetenv("COURSE_DATA_DIR");
}

BOOST_AUTO_TEST_CASE(progress_counts_to_total) {
    Progress p("test", 10);
    for (int i = 0; i < 12; ++i) p.tick();
    p.note("done");
    p.finish();
    p.finish();  // idempotent
}

BOOST_AUTO_TEST_SUITE_END()
