// The shaped tensor core: products, element-wise operations, views, broadcasting, against naive loops.
#include <boost/test/unit_test.hpp>

#include "course/rng.hpp"
#include "course/tensor.hpp"

using namespace course;

namespace {
struct Seq : Axis<6> {};
struct Head : Axis<4> {};
inline constexpr Seq T{};
inline constexpr Head HS{};

// Naive triple loop, the reference for every product below.
template <Shaped A, Shaped B>
Mat<A::row_dim, B::col_dim, double> naive_product(const A& a, const B& b) {
    Mat<A::row_dim, B::col_dim, double> out;
    for (int i = 0; i < A::rows; ++i)
        for (int j = 0; j < B::cols; ++j) {
            double s = 0;
            for (int k = 0; k < A::cols; ++k) s += double(a(i, k)) * double(b(k, j));
            out(i, j) = s;
        }
    return out;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(tensor)

BOOST_AUTO_TEST_CASE(zero_initialised_and_row_major) {
    Mat<2, 3> m;
    BOOST_TEST(sum(m) == 0.0f);
    m(1, 2) = 5;
    BOOST_TEST(m.data()[1 * 3 + 2] == 5.0f);  // row-major: (i, j) at i*cols + j
}

BOOST_AUTO_TEST_CASE(literals_are_checked_at_run_time) {
    Mat<2, 2> m{{1, 2}, {3, 4}};
    BOOST_TEST(m(1, 0) == 3.0f);
    BOOST_CHECK_THROW((Mat<2, 2>{{1, 2, 3}, {4, 5, 6}}), std::invalid_argument);
    BOOST_CHECK_THROW((Vec<3>{1, 2}), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(product_small_and_heap_sized_match_naive_loops) {
    Rng rng(1);
    Mat<3, 5> a;
    Mat<5, 2> b;
    rng.fill_normal(a);
    rng.fill_normal(b);
    BOOST_TEST(max_abs_diff((a * b).cast<double>(), naive_product(a, b)) < 1e-5);

    Mat<40, 70, double> c;  // 22 KB: on the heap
    Mat<70, 30, double> d;
    rng.fill_normal(c);
    rng.fill_normal(d);
    BOOST_TEST(max_abs_diff(c * d, naive_product(c, d)) < 1e-12);
}

BOOST_AUTO_TEST_CASE(transposed_products_without_copies) {
    Rng rng(2);
    Mat<T, HS> q, k;
    rng.fill_normal(q);
    rng.fill_normal(k);
    const Mat<T, T> scores = q * k.T();  // (T, HS) x (HS, T) -> (T, T)
    const Mat<HS, T> kt = k.T();
    BOOST_TEST(max_abs_diff(scores.cast<double>(), naive_product(q, kt)) < 1e-5);
    const Mat<HS, HS> g = q.T() * k;     // (HS, T) x (T, HS) -> (HS, HS)
    const Mat<HS, T> qt = q.T();
    BOOST_TEST(max_abs_diff(g.cast<double>(), naive_product(qt, k)) < 1e-5);
}

BOOST_AUTO_TEST_CASE(matmul_writes_and_matmul_add_accumulates) {
    Rng rng(3);
    Mat<8, 16> x;
    Mat<16, 4> w;
    rng.fill_normal(x);
    rng.fill_normal(w);
    Mat<8, 4> out = Mat<8, 4>::constant(7);
    matmul(out, x, w);
    BOOST_TEST(max_abs_diff(out.cast<double>(), naive_product(x, w)) < 1e-5);
    matmul_add(out, x, w);
    BOOST_TEST(max_abs_diff((out / 2.0f).cast<double>(), naive_product(x, w)) < 1e-5);
}

BOOST_AUTO_TEST_CASE(elementwise_operations) {
    Vec<3> a{1, 2, 3}, b{4, 5, 6};
    BOOST_TEST((a + b)[2] == 9.0f);
    BOOST_TEST((b - a)[0] == 3.0f);
    BOOST_TEST(hadamard(a, b)[1] == 10.0f);
    BOOST_TEST(dot(a, b) == 32.0f);
    BOOST_TEST((2.0f * a)[2] == 6.0f);
    BOOST_TEST((-a)[0] == -1.0f);
    add_scaled(a, 0.5f, b);
    BOOST_TEST(a[1] == 4.5f);
    BOOST_TEST(map(b, [](float v) { return v * v; })[0] == 16.0f);
    BOOST_TEST(argmax(Vec<4>{0.1f, 0.7f, 0.7f, 0.2f}) == 1);  // first of equal maxima
}

BOOST_AUTO_TEST_CASE(broadcast_bias_and_reductions) {
    Mat<2, 3> m{{1, 2, 3}, {4, 5, 6}};
    add_to_each_column(m, Vec<2>{10, 20});
    BOOST_TEST(m(0, 2) == 13.0f);
    BOOST_TEST(m(1, 0) == 24.0f);
    add_to_each_row(m, RowVec<3>{1, 1, 2});
    BOOST_TEST(m(1, 2) == 28.0f);
    const Vec<2> r = row_sums(m);
    const RowVec<3> c = col_sums(m);
    BOOST_TEST(r[0] == 12.0f + 13 + 15);
    BOOST_TEST(c[2] == 15.0f + 28);
}

BOOST_AUTO_TEST_CASE(row_and_column_views_alias_the_matrix) {
    Mat<6, 8> m;
    for (int i = 0; i < 6; ++i)
        for (int j = 0; j < 8; ++j) m(i, j) = float(10 * i + j);
    auto batch = rows<2>(m, 3);  // rows 3 and 4
    BOOST_TEST(batch(1, 7) == 47.0f);
    auto head = cols<4>(m, 4);   // columns 4..7
    BOOST_TEST(head(5, 0) == 54.0f);
    auto head_rows = rows<2>(head, 1);  // a view of a view keeps the parent's stride
    BOOST_TEST(head_rows(1, 3) == 27.0f);
    head = Mat<6, 4>::constant(-1);     // writes through
    BOOST_TEST(m(0, 4) == -1.0f);
    BOOST_TEST(m(0, 3) == 3.0f);
    const Mat<4, 1> col = cols<1>(rows<4>(m, 0), 2);  // a column of a row-major matrix
    BOOST_TEST(col[3] == 32.0f);
    BOOST_CHECK_THROW(rows<2>(m, 5), std::out_of_range);
    BOOST_CHECK_THROW(cols<4>(m, 5), std::out_of_range);
}

BOOST_AUTO_TEST_CASE(views_in_products) {
    Rng rng(4);
    Mat<12, 8> x;
    Mat<8, 5> w;
    rng.fill_normal(x);
    rng.fill_normal(w);
    Mat<4, 5> out;
    matmul(out, rows<4>(x, 4), w);
    const Mat<4, 8> xb = rows<4>(x, 4);
    BOOST_TEST(max_abs_diff(out.cast<double>(), naive_product(xb, w)) < 1e-5);
}

BOOST_AUTO_TEST_CASE(copies_are_deep_and_moves_cheap) {
    Mat<100, 100> a = Mat<100, 100>::constant(1);
    Mat<100, 100> b = a;
    b(0, 0) = 2;
    BOOST_TEST(a(0, 0) == 1.0f);
    const float* storage = b.data();
    Mat<100, 100> c = std::move(b);
    BOOST_TEST(c.data() == storage);  // heap storage moved, not copied
    BOOST_TEST(all_finite(c));
    c(3, 3) = std::numeric_limits<float>::quiet_NaN();
    BOOST_TEST(!all_finite(c));
}

BOOST_AUTO_TEST_SUITE_END()
