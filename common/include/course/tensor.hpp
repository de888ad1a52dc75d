/// @file tensor.hpp
/// @brief The shaped tensor core: matrices whose dimensions are part of their type.
///
/// A `Mat<R, C, S>` is an R×C matrix of scalars S (float by default), stored row-major.
/// Each dimension is either a plain `int` (an anonymous axis: `Mat<30, 784>`) or a *named axis*,
/// an empty struct deriving from `Axis<N>`, so that two axes of equal size but different meaning
/// (sequence length 64, head size 64) cannot be mixed up:
///
/// @code
/// struct Seq : course::Axis<64> {};      inline constexpr Seq T{};
/// struct Head : course::Axis<64> {};     inline constexpr Head HS{};
/// course::Mat<T, HS> q, k;
/// auto att = q * k.T();                  // (T, HS) x (HS, T) -> (T, T)
/// auto bad = q * k;                      // does not compile: (T, HS) x (T, HS)
/// @endcode
///
/// Every operation checks shapes at compile time. A mismatch stops at the course's own function
/// with one `static_assert` whose note names both shapes, e.g.
/// `course::check::product_inner_dims_match<course::Shape<30, 784>, course::Shape<10, 1> >::value` evaluates to false.
///
/// Eigen does the arithmetic through `Eigen::Map`s over the storage; large matrices live on the
/// heap (never hitting Eigen's stack limit), small ones inline.
#pragma once

#include <Eigen/Core>

#include <algorithm>
#include <concepts>
#include <cstddef>
#include <cstdlib>
#include <initializer_list>
#include <new>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

#include "course/todo.hpp"  // every chapter's stubs call course::todo

namespace course {

// ---------------------------------------------------------------------------------------------
// Axes and dimensions
// ---------------------------------------------------------------------------------------------

/// Base of every named axis. `struct Seq : Axis<64> {};` declares an axis of size 64 whose
/// meaning is "position in the sequence"; `inline constexpr Seq T{};` gives it a short name to
/// write in shapes (`Mat<T, HS>`).
template <int N>
struct Axis {
    static_assert(N > 0, "an axis has a positive size");
    static constexpr int size = N;
};

/// True for a named axis type (an empty struct derived from `Axis<N>`).
template <class A>
concept NamedAxis = std::is_empty_v<A> && requires { A::size; } && std::derived_from<A, Axis<A::size>>;

/// True when `D` can be a dimension: an `int` or a named axis.
template <auto D>
inline constexpr bool is_dim = std::is_same_v<decltype(D), int> || NamedAxis<decltype(D)>;

/// The number of entries along dimension `D`.
template <auto D>
inline constexpr int extent = [] {
    if constexpr (std::is_same_v<decltype(D), int>) return D;
    else return decltype(D)::size;
}();

/// Two dimensions are the same when they are the same int, or the same named axis.
template <auto A, auto B>
inline constexpr bool same_dim = std::is_same_v<decltype(A), decltype(B)> && extent<A> == extent<B>;

/// A shape, used only to print shapes in compile errors: `course::Shape<30, 784>`.
template <auto R, auto C>
struct Shape {};

/// The shape checks of the course. Each is a trait over `Shape`s that is true when the shapes fit;
/// a failed `static_assert` on one prints its name and both shapes, e.g.
/// `course::check::product_inner_dims_match<course::Shape<30, 784>, course::Shape<10, 1> >::value` evaluates to false.
namespace check {
template <class Left, class Right> struct product_inner_dims_match;
/// `a * b`: a's columns are b's rows.
template <auto R1, auto C1, auto R2, auto C2>
struct product_inner_dims_match<Shape<R1, C1>, Shape<R2, C2>> {
    static constexpr bool value = same_dim<C1, R2>;
};
template <class Left, class Right> struct shapes_match;
/// `a + b`, `a - b`, `hadamard(a, b)`, `a = b`, `matmul(out, a, b)`: identical shapes.
template <auto R1, auto C1, auto R2, auto C2>
struct shapes_match<Shape<R1, C1>, Shape<R2, C2>> {
    static constexpr bool value = same_dim<R1, R2> && same_dim<C1, C2>;
};
template <class Matrix, class Bias> struct column_bias_fits;
/// `add_to_each_column(m, v)`: v is a column vector as long as m's columns.
template <auto R1, auto C1, auto R2, auto C2>
struct column_bias_fits<Shape<R1, C1>, Shape<R2, C2>> {
    static constexpr bool value = same_dim<R1, R2> && extent<C2> == 1;
};
template <class Matrix, class Bias> struct row_bias_fits;
/// `add_to_each_row(m, v)`: v is a row vector as long as m's rows.
template <auto R1, auto C1, auto R2, auto C2>
struct row_bias_fits<Shape<R1, C1>, Shape<R2, C2>> {
    static constexpr bool value = same_dim<C1, C2> && extent<R2> == 1;
};
template <class Matrix, class Block> struct block_fits;
/// `rows<K>(m, i)`, `cols<K>(m, j)`: the block is no larger than the matrix.
template <auto R1, auto C1, auto R2, auto C2>
struct block_fits<Shape<R1, C1>, Shape<R2, C2>> {
    static constexpr bool value = extent<R2> <= extent<R1> && extent<C2> <= extent<C1>;
};
/// One operation, one scalar type: float and double do not mix (use `cast<T>()`).
template <class Left, class Right>
struct scalar_types_match {
    static constexpr bool value = std::is_same_v<Left, Right>;
};
}  // namespace check

// ---------------------------------------------------------------------------------------------
// Storage and the Eigen types behind a shape
// ---------------------------------------------------------------------------------------------

namespace detail {

/// Eigen requires column vectors to be column-major; everything else is row-major here.
template <int R, int C>
inline constexpr int layout = (C == 1 && R != 1) ? Eigen::ColMajor : Eigen::RowMajor;

template <class S, int R, int C>
using EigenMatrix = Eigen::Matrix<S, R, C, layout<R, C>>;

/// Matrices up to this many bytes are stored inline, larger ones on the heap.
inline constexpr std::size_t inline_bytes = 1024;

template <class S, std::size_t N, bool Heap = (N * sizeof(S) > inline_bytes)>
class Storage;

template <class S, std::size_t N>
class Storage<S, N, false> {
public:
    Storage() { std::fill_n(data_, N, S(0)); }
    S* data() noexcept { return data_; }
    const S* data() const noexcept { return data_; }

private:
    alignas(16) S data_[N];
};

template <class S, std::size_t N>
class Storage<S, N, true> {
public:
    Storage() : data_(allocate()) { std::fill_n(data_, N, S(0)); }
    Storage(const Storage& o) : data_(allocate()) { std::copy_n(o.data_, N, data_); }
    Storage(Storage&& o) noexcept : data_(std::exchange(o.data_, nullptr)) {}
    Storage& operator=(const Storage& o) {
        if (this != &o) {
            if (!data_) data_ = allocate();
            std::copy_n(o.data_, N, data_);
        }
        return *this;
    }
    Storage& operator=(Storage&& o) noexcept {
        std::swap(data_, o.data_);
        return *this;
    }
    ~Storage() { ::operator delete[](data_, std::align_val_t{64}); }
    S* data() noexcept { return data_; }
    const S* data() const noexcept { return data_; }

private:
    static S* allocate() { return static_cast<S*>(::operator new[](N * sizeof(S), std::align_val_t{64})); }
    S* data_;
};

}  // namespace detail

// ---------------------------------------------------------------------------------------------
// Shaped: anything with compile-time dimensions and an Eigen view (Mat, View, Transposed)
// ---------------------------------------------------------------------------------------------

/// A shaped operand: `Mat`, `View` or `Transposed`.
template <class X>
concept Shaped = requires(const X& x) {
    X::row_dim;
    X::col_dim;
    typename X::scalar_type;
    x.eigen();
};

template <Shaped X> inline constexpr int rows_of = extent<X::row_dim>;
template <Shaped X> inline constexpr int cols_of = extent<X::col_dim>;
template <Shaped X> using shape_of = Shape<X::row_dim, X::col_dim>;

template <auto R, auto C, class S = float> class Mat;
template <auto R, auto C, class S = float> class View;
template <class X> class Transposed;

/// Mixin for element access and transposition shared by `Mat` and `View`.
template <class Derived, auto R, auto C, class S>
class ShapedBase {
public:
    static constexpr auto row_dim = R;  ///< the row dimension (an int or a named axis)
    static constexpr auto col_dim = C;  ///< the column dimension
    static constexpr int rows = extent<R>;
    static constexpr int cols = extent<C>;
    static constexpr int size = rows * cols;
    using scalar_type = std::remove_const_t<S>;

    /// Entry (i, j); bounds are checked in debug builds only.
    decltype(auto) operator()(int i, int j) const {
        eigen_assert(i >= 0 && i < rows && j >= 0 && j < cols);
        return self().eigen()(i, j);
    }
    decltype(auto) operator()(int i, int j) {
        eigen_assert(i >= 0 && i < rows && j >= 0 && j < cols);
        return self().eigen()(i, j);
    }
    /// Entry i of a vector (one row or one column).
    decltype(auto) operator[](int i) const
        requires(rows == 1 || cols == 1)
    {
        eigen_assert(i >= 0 && i < size);
        return self().eigen()(i);
    }
    decltype(auto) operator[](int i)
        requires(rows == 1 || cols == 1)
    {
        eigen_assert(i >= 0 && i < size);
        return self().eigen()(i);
    }
    /// The transpose, as a view (no copy): `(R, C) -> (C, R)`.
    Transposed<Derived> T() const { return Transposed<Derived>(self()); }

private:
    const Derived& self() const { return static_cast<const Derived&>(*this); }
    Derived& self() { return static_cast<Derived&>(*this); }
};

/// Checks that two shaped operands have identical shapes and the same scalar type.
template <class A, class B>
inline constexpr bool same_shape = same_dim<A::row_dim, B::row_dim> && same_dim<A::col_dim, B::col_dim>;

namespace detail {
template <class A, class B>
consteval bool check_scalars() {
    static_assert(check::scalar_types_match<typename A::scalar_type, typename B::scalar_type>::value,
                  "the scalar types differ (float vs double): convert one with cast<T>()");
    return std::is_same_v<typename A::scalar_type, typename B::scalar_type>;
}
template <class A, class B>
consteval bool check_same_shape() {
    static_assert(check::shapes_match<shape_of<A>, shape_of<B>>::value,
                  "element-wise operation: both operands must have the same shape");
    return same_shape<A, B> && check_scalars<A, B>();
}
template <class A, class B>
consteval bool check_assignment() {
    static_assert(check::shapes_match<shape_of<A>, shape_of<B>>::value,
                  "assignment: the right-hand side must have the shape of the left-hand side");
    return same_shape<A, B> && check_scalars<A, B>();
}
template <class A, class B>
consteval bool check_product() {
    static_assert(check::product_inner_dims_match<shape_of<A>, shape_of<B>>::value,
                  "matrix product a * b: the columns of a must be the rows of b");
    return same_dim<A::col_dim, B::row_dim> && check_scalars<A, B>();
}
template <class Out, class A, class B>
consteval bool check_product_into() {
    static_assert(check::shapes_match<shape_of<Out>, Shape<A::row_dim, B::col_dim>>::value,
                  "matmul(out, a, b): out must have a's rows and b's columns");
    return same_dim<Out::row_dim, A::row_dim> && same_dim<Out::col_dim, B::col_dim> && check_product<A, B>();
}
}  // namespace detail

// ---------------------------------------------------------------------------------------------
// Mat: an owning matrix
// ---------------------------------------------------------------------------------------------

/// An owning R×C matrix of S, zero-initialised, row-major. Column vectors are `Vec<N>` (N×1).
template <auto R, auto C, class S>
class Mat : public ShapedBase<Mat<R, C, S>, R, C, S> {
    static_assert(is_dim<R> && is_dim<C>, "Mat<R, C>: each dimension is an int or a named axis (struct X : course::Axis<N> {})");
    static_assert(std::is_floating_point_v<S>, "Mat<R, C, S>: S is float or double");
    using Base = ShapedBase<Mat, R, C, S>;

public:
    using Base::cols;
    using Base::rows;
    using Base::size;
    using EigenType = detail::EigenMatrix<S, rows, cols>;

    /// A matrix of zeros.
    Mat() = default;

    /// Entries of a vector, `Vec<3> v{1, 2, 3}`; throws if the count is not the vector's length.
    Mat(std::initializer_list<S> values)
        requires(rows == 1 || cols == 1)
    {
        if (values.size() != std::size_t(size))
            throw std::invalid_argument("Mat: " + std::to_string(values.size()) + " values given for a vector of " +
                                        std::to_string(size));
        std::copy(values.begin(), values.end(), data());
    }

    /// Entries row by row, `Mat<2, 2> m{{1, 2}, {3, 4}}`; throws if the counts do not match.
    Mat(std::initializer_list<std::initializer_list<S>> values) {
        if (values.size() != std::size_t(rows))
            throw std::invalid_argument("Mat: " + std::to_string(values.size()) + " rows given for a matrix of " +
                                        std::to_string(rows));
        int i = 0;
        for (const auto& row : values) {
            if (row.size() != std::size_t(cols))
                throw std::invalid_argument("Mat: a row of " + std::to_string(row.size()) + " values for a matrix of " +
                                            std::to_string(cols) + " columns");
            std::copy(row.begin(), row.end(), data() + i++ * cols);
        }
    }

    /// Copy from any shaped operand (a view, a transpose) of the same shape.
    template <Shaped X>
        requires(!std::is_same_v<X, Mat>)
    Mat(const X& x) {
        *this = x;
    }

    /// Assign from any shaped operand; the shapes must be identical.
    template <Shaped X>
        requires(!std::is_same_v<X, Mat>)
    Mat& operator=(const X& x) {
        if constexpr (detail::check_assignment<Mat, X>()) eigen() = x.eigen();
        return *this;
    }

    S* data() noexcept { return storage_.data(); }
    const S* data() const noexcept { return storage_.data(); }

    /// The Eigen view of this matrix: fixed-size, no copy.
    Eigen::Map<EigenType, Eigen::Aligned16> eigen() noexcept { return Eigen::Map<EigenType, Eigen::Aligned16>(data()); }
    Eigen::Map<const EigenType, Eigen::Aligned16> eigen() const noexcept {
        return Eigen::Map<const EigenType, Eigen::Aligned16>(data());
    }

    /// Sets every entry to `value`.
    Mat& fill(S value) {
        std::fill_n(data(), size, value);
        return *this;
    }
    /// Sets every entry to zero.
    Mat& zero() { return fill(S(0)); }
    /// A matrix with every entry `value`.
    static Mat constant(S value) { return Mat().fill(value); }

    /// This matrix with its entries converted to scalar type T (e.g. float -> double).
    template <class T>
    Mat<R, C, T> cast() const {
        Mat<R, C, T> out;
        out.eigen() = eigen().template cast<T>();
        return out;
    }

    template <Shaped X> Mat& operator+=(const X& x);
    template <Shaped X> Mat& operator-=(const X& x);
    Mat& operator*=(S s) {
        eigen() *= s;
        return *this;
    }
    Mat& operator/=(S s) {
        eigen() /= s;
        return *this;
    }

private:
    detail::Storage<S, std::size_t(rows) * std::size_t(cols)> storage_;
};

/// A column vector of N entries (an N×1 matrix), as in Nielsen's z = w a + b.
template <auto N, class S = float>
using Vec = Mat<N, 1, S>;

/// A row vector of N entries (a 1×N matrix), e.g. a bias added to each row of a (B·T, C) activation.
template <auto N, class S = float>
using RowVec = Mat<1, N, S>;

// ---------------------------------------------------------------------------------------------
// View: a non-owning block of a matrix (rows of a batch, one attention head's columns)
// ---------------------------------------------------------------------------------------------

/// A non-owning R×C window into a row-major matrix whose rows are `row_stride` apart.
/// `View<R, C, float>` is writable, `View<R, C, const float>` read-only. Made by `rows<K>(m, i)`
/// and `cols<K>(m, j)`; it must not outlive the matrix it looks into.
template <auto R, auto C, class S>
class View : public ShapedBase<View<R, C, S>, R, C, S> {
    using Base = ShapedBase<View, R, C, S>;
    using Plain = detail::EigenMatrix<std::remove_const_t<S>, Base::rows, Base::cols>;
    static constexpr bool column = detail::layout<Base::rows, Base::cols> == Eigen::ColMajor;
    using Stride = std::conditional_t<column, Eigen::InnerStride<>, Eigen::OuterStride<>>;
    using MapType = Eigen::Map<std::conditional_t<std::is_const_v<S>, const Plain, Plain>, Eigen::Unaligned, Stride>;

public:
    View(S* data, int row_stride) : data_(data), row_stride_(row_stride) {}
    /// A read-only view of a writable one.
    operator View<R, C, const S>() const
        requires(!std::is_const_v<S>)
    {
        return {data_, row_stride_};
    }

    MapType eigen() const { return MapType(data_, Stride(row_stride_)); }
    S* data() const { return data_; }
    int row_stride() const { return row_stride_; }

    /// Copies the entries of `x` (same shape) into the viewed block.
    template <Shaped X>
    const View& operator=(const X& x) const
        requires(!std::is_const_v<S>)
    {
        if constexpr (detail::check_assignment<View, X>()) eigen() = x.eigen();
        return *this;
    }
    const View& operator=(const View& x) const
        requires(!std::is_const_v<S>)
    {
        eigen() = x.eigen();
        return *this;
    }
    View(const View&) = default;

private:
    S* data_;
    int row_stride_;
};

/// Rows [first, first + K) of m as a K×C view, e.g. one mini-batch of a data set.
/// K is an int or a named axis; first is checked at run time.
template <auto K, class M>
    requires Shaped<std::remove_cvref_t<M>>
auto rows(M&& m, int first) {
    using X = std::remove_cvref_t<M>;
    using S = std::remove_pointer_t<decltype(m.data())>;
    static_assert(check::block_fits<shape_of<X>, Shape<K, X::col_dim>>::value,
                  "rows<K>(m, first): K is larger than m's number of rows");
    if (first < 0 || first + extent<K> > rows_of<X>)
        throw std::out_of_range("rows<" + std::to_string(extent<K>) + ">(m, " + std::to_string(first) +
                                "): m has only " + std::to_string(rows_of<X>) + " rows");
    if constexpr (requires { m.row_stride(); })
        return View<K, X::col_dim, S>(m.data() + std::ptrdiff_t(first) * m.row_stride(), m.row_stride());
    else
        return View<K, X::col_dim, S>(m.data() + std::ptrdiff_t(first) * cols_of<X>, cols_of<X>);
}

/// Columns [first, first + K) of m as an R×K view, e.g. one attention head's slice of (T, C).
template <auto K, class M>
    requires Shaped<std::remove_cvref_t<M>>
auto cols(M&& m, int first) {
    using X = std::remove_cvref_t<M>;
    using S = std::remove_pointer_t<decltype(m.data())>;
    static_assert(check::block_fits<shape_of<X>, Shape<X::row_dim, K>>::value,
                  "cols<K>(m, first): K is larger than m's number of columns");
    if (first < 0 || first + extent<K> > cols_of<X>)
        throw std::out_of_range("cols<" + std::to_string(extent<K>) + ">(m, " + std::to_string(first) +
                                "): m has only " + std::to_string(cols_of<X>) + " columns");
    int stride = cols_of<X>;
    if constexpr (requires { m.row_stride(); }) stride = m.row_stride();
    return View<X::row_dim, K, S>(m.data() + first, stride);
}

/// The transpose of a shaped operand, without copying: `(R, C) -> (C, R)`. Made by `x.T()`.
template <class X>
class Transposed {
public:
    static constexpr auto row_dim = X::col_dim;
    static constexpr auto col_dim = X::row_dim;
    using scalar_type = typename X::scalar_type;
    explicit Transposed(const X& x) : x_(x) {}
    auto eigen() const { return x_.eigen().transpose(); }
    /// The transpose of a transpose is the original.
    const X& T() const { return x_; }

private:
    const X& x_;
};

// ---------------------------------------------------------------------------------------------
// Arithmetic
// ---------------------------------------------------------------------------------------------

namespace detail {
/// The result of an operation whose shapes do not fit: the static_assert has already said why;
/// this converts to anything so that no second error follows from the first.
struct Invalid {
    template <class T>
    operator T() const {
        return T{};
    }
};
}  // namespace detail

namespace detail {
template <class X> struct is_transposed : std::false_type {};
template <class X> struct is_transposed<Transposed<X>> : std::true_type {};

template <class S>
using DynamicRowMajor = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/// How a product is computed, by shape:
/// - every dimension above 16 (GPT activations, attention heads): Eigen's blocked GEMM with
///   run-time sizes over the same memory. Eigen's fixed-size product path would pack whole
///   operands at once (no cache blocking, megabytes on the stack at GPT sizes);
/// - a matrix times a vector: Eigen's fixed-size product (GEMV);
/// - thin products, some dimension 16 or less (a mini-batch of 10 columns): each entry computed
///   directly (Eigen's lazy product), about twice as fast as GEMM's packing at (30, 784) x (784, 10).
inline constexpr int thin_product_dim = 16;

template <class A, class B>
inline constexpr bool use_gemm =
    rows_of<A> > thin_product_dim && cols_of<B> > thin_product_dim && cols_of<A> > thin_product_dim;

template <class A, class B>
inline constexpr bool use_lazy = !use_gemm<A, B> && rows_of<A> > 1 && cols_of<B> > 1;

template <class X>
auto gemm_operand(const X& x) {
    using S = typename X::scalar_type;
    if constexpr (is_transposed<X>::value) {
        return gemm_operand(x.T()).transpose();
    } else if constexpr (requires { x.row_stride(); }) {
        using Map = Eigen::Map<const DynamicRowMajor<S>, Eigen::Unaligned, Eigen::OuterStride<>>;
        return Map(x.data(), rows_of<X>, cols_of<X>, Eigen::OuterStride<>(x.row_stride()));
    } else {
        return Eigen::Map<const DynamicRowMajor<S>, Eigen::Aligned16>(x.data(), rows_of<X>, cols_of<X>);
    }
}

template <class X>
auto gemm_output(X& x) {
    using S = typename X::scalar_type;
    if constexpr (requires { x.row_stride(); }) {
        using Map = Eigen::Map<DynamicRowMajor<S>, Eigen::Unaligned, Eigen::OuterStride<>>;
        return Map(x.data(), rows_of<X>, cols_of<X>, Eigen::OuterStride<>(x.row_stride()));
    } else {
        return Eigen::Map<DynamicRowMajor<S>, Eigen::Aligned16>(x.data(), rows_of<X>, cols_of<X>);
    }
}

/// out = a b (Accumulate: out += a b), with the kernel chosen by size.
template <bool Accumulate, class O, class A, class B>
void product_into(O& out, const A& a, const B& b) {
    if constexpr (use_gemm<A, B>) {
        auto o = gemm_output(out);
        if constexpr (Accumulate) o.noalias() += gemm_operand(a) * gemm_operand(b);
        else o.noalias() = gemm_operand(a) * gemm_operand(b);
    } else if constexpr (use_lazy<A, B>) {
        if constexpr (Accumulate) out.eigen().noalias() += a.eigen().lazyProduct(b.eigen());
        else out.eigen().noalias() = a.eigen().lazyProduct(b.eigen());
    } else {
        if constexpr (Accumulate) out.eigen().noalias() += a.eigen() * b.eigen();
        else out.eigen().noalias() = a.eigen() * b.eigen();
    }
}
}  // namespace detail

/// Matrix product `a * b`: (R, K) x (K, C) -> (R, C). The inner dimensions must be the same.
template <Shaped A, Shaped B>
auto operator*(const A& a, const B& b) {
    if constexpr (detail::check_product<A, B>()) {
        Mat<A::row_dim, B::col_dim, typename A::scalar_type> out;
        detail::product_into<false>(out, a, b);
        return out;
    } else {
        return detail::Invalid{};
    }
}

/// `out = a b` without temporaries: (R, K) x (K, C) -> (R, C), written into `out` (R, C).
template <class O, Shaped A, Shaped B>
void matmul(O&& out, const A& a, const B& b) {
    if constexpr (detail::check_product_into<std::remove_cvref_t<O>, A, B>()) detail::product_into<false>(out, a, b);
}

/// `out += a b` without temporaries (gradients accumulate): (R, K) x (K, C) -> (R, C).
template <class O, Shaped A, Shaped B>
void matmul_add(O&& out, const A& a, const B& b) {
    if constexpr (detail::check_product_into<std::remove_cvref_t<O>, A, B>()) detail::product_into<true>(out, a, b);
}

/// Element-wise sum; the shapes must be identical.
template <Shaped A, Shaped B>
auto operator+(const A& a, const B& b) {
    if constexpr (detail::check_same_shape<A, B>()) {
        Mat<A::row_dim, A::col_dim, typename A::scalar_type> out;
        out.eigen() = a.eigen() + b.eigen();
        return out;
    } else {
        return detail::Invalid{};
    }
}

/// Element-wise difference; the shapes must be identical.
template <Shaped A, Shaped B>
auto operator-(const A& a, const B& b) {
    if constexpr (detail::check_same_shape<A, B>()) {
        Mat<A::row_dim, A::col_dim, typename A::scalar_type> out;
        out.eigen() = a.eigen() - b.eigen();
        return out;
    } else {
        return detail::Invalid{};
    }
}

/// Element-wise (Hadamard) product a ⊙ b; the shapes must be identical.
template <Shaped A, Shaped B>
auto hadamard(const A& a, const B& b) {
    if constexpr (detail::check_same_shape<A, B>()) {
        Mat<A::row_dim, A::col_dim, typename A::scalar_type> out;
        out.eigen() = a.eigen().cwiseProduct(b.eigen());
        return out;
    } else {
        return detail::Invalid{};
    }
}

/// Negation.
template <Shaped A>
Mat<A::row_dim, A::col_dim, typename A::scalar_type> operator-(const A& a) {
    Mat<A::row_dim, A::col_dim, typename A::scalar_type> out;
    out.eigen() = -a.eigen();
    return out;
}

/// Scaling by a scalar.
template <Shaped A>
Mat<A::row_dim, A::col_dim, typename A::scalar_type> operator*(typename A::scalar_type s, const A& a) {
    Mat<A::row_dim, A::col_dim, typename A::scalar_type> out;
    out.eigen() = s * a.eigen();
    return out;
}
template <Shaped A>
Mat<A::row_dim, A::col_dim, typename A::scalar_type> operator*(const A& a, typename A::scalar_type s) {
    return s * a;
}
template <Shaped A>
Mat<A::row_dim, A::col_dim, typename A::scalar_type> operator/(const A& a, typename A::scalar_type s) {
    Mat<A::row_dim, A::col_dim, typename A::scalar_type> out;
    out.eigen() = a.eigen() / s;
    return out;
}

template <auto R, auto C, class S>
template <Shaped X>
Mat<R, C, S>& Mat<R, C, S>::operator+=(const X& x) {
    if constexpr (detail::check_same_shape<Mat, X>()) eigen() += x.eigen();
    return *this;
}
template <auto R, auto C, class S>
template <Shaped X>
Mat<R, C, S>& Mat<R, C, S>::operator-=(const X& x) {
    if constexpr (detail::check_same_shape<Mat, X>()) eigen() -= x.eigen();
    return *this;
}

/// In-place `a += s * b` (an SGD step, a gradient accumulation); the shapes must be identical.
template <class O, Shaped B>
void add_scaled(O&& a, typename B::scalar_type s, const B& b) {
    using A = std::remove_cvref_t<O>;
    if constexpr (detail::check_same_shape<A, B>()) a.eigen() += s * b.eigen();
}

/// The dot product of two vectors (or matrices) of the same shape: Σ a_ij b_ij.
template <Shaped A, Shaped B>
typename A::scalar_type dot(const A& a, const B& b) {
    if constexpr (detail::check_same_shape<A, B>()) return a.eigen().cwiseProduct(b.eigen()).sum();
    else return 0;
}

/// Σ of every entry.
template <Shaped A>
typename A::scalar_type sum(const A& a) {
    return a.eigen().sum();
}

/// Adds the column vector v (R) to every column of m (R, C): z = w a + b for a batch of columns.
template <class M, Shaped V>
void add_to_each_column(M&& m, const V& v) {
    using X = std::remove_cvref_t<M>;
    constexpr bool ok = check::column_bias_fits<shape_of<X>, shape_of<V>>::value;
    static_assert(check::column_bias_fits<shape_of<X>, shape_of<V>>::value,
                  "add_to_each_column(m, v): v must be a column vector with as many rows as m");
    if constexpr (ok && detail::check_scalars<X, V>()) m.eigen().colwise() += v.eigen().col(0);
}

/// Adds the row vector v (1, C) to every row of m (R, C): x W + b for a batch of rows.
template <class M, Shaped V>
void add_to_each_row(M&& m, const V& v) {
    using X = std::remove_cvref_t<M>;
    constexpr bool ok = check::row_bias_fits<shape_of<X>, shape_of<V>>::value;
    static_assert(check::row_bias_fits<shape_of<X>, shape_of<V>>::value,
                  "add_to_each_row(m, v): v must be a row vector with as many columns as m");
    if constexpr (ok && detail::check_scalars<X, V>()) m.eigen().rowwise() += v.eigen().row(0);
}

/// The sum of each row: (R, C) -> (R) column vector (the bias gradient of a batch of columns).
template <Shaped A>
Vec<A::row_dim, typename A::scalar_type> row_sums(const A& a) {
    Vec<A::row_dim, typename A::scalar_type> out;
    out.eigen() = a.eigen().rowwise().sum();
    return out;
}

/// `out` = the sum of each row of a, without a temporary: (R, C) -> out (R).
template <class O, Shaped A>
void row_sums(O&& out, const A& a) {
    using Out = std::remove_cvref_t<O>;
    static_assert(check::shapes_match<shape_of<Out>, Shape<A::row_dim, 1>>::value,
                  "row_sums(out, a): out must be a column vector with a's rows");
    if constexpr (check::shapes_match<shape_of<Out>, Shape<A::row_dim, 1>>::value && detail::check_scalars<Out, A>())
        out.eigen() = a.eigen().rowwise().sum();
}

/// The sum of each column: (R, C) -> (1, C) row vector (the bias gradient of a batch of rows).
template <Shaped A>
RowVec<A::col_dim, typename A::scalar_type> col_sums(const A& a) {
    RowVec<A::col_dim, typename A::scalar_type> out;
    out.eigen() = a.eigen().colwise().sum();
    return out;
}

/// f applied to every entry: a new matrix of the same shape.
template <Shaped A, class F>
Mat<A::row_dim, A::col_dim, typename A::scalar_type> map(const A& a, F f) {
    Mat<A::row_dim, A::col_dim, typename A::scalar_type> out;
    out.eigen() = a.eigen().unaryExpr(f);
    return out;
}

/// The index of the largest entry of a vector (the first one on ties).
template <Shaped A>
    requires(rows_of<A> == 1 || cols_of<A> == 1)
int argmax(const A& a) {
    Eigen::Index i = 0;
    a.eigen().maxCoeff(&i);
    return int(i);
}

/// The largest |a_ij - b_ij|: for comparing results with a stated tolerance.
template <Shaped A, Shaped B>
typename A::scalar_type max_abs_diff(const A& a, const B& b) {
    if constexpr (detail::check_same_shape<A, B>()) return (a.eigen() - b.eigen()).cwiseAbs().maxCoeff();
    else return 0;
}

/// True when every entry is finite (no NaN, no infinity).
template <Shaped A>
bool all_finite(const A& a) {
    return a.eigen().allFinite();
}

}  // namespace course
