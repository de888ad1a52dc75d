// Mistake: attention scores as Q·K instead of Q·Kᵀ when sequence length and head size are
// both 64. Plain sizes would let it through; named axes do not.
#include "course/tensor.hpp"
struct Seq : course::Axis<64> {};
struct HeadSize : course::Axis<64> {};
inline constexpr Seq T{};
inline constexpr HeadSize HS{};
// expect: product_inner_dims_match<course::Shape<Seq(), HeadSize()>, course::Shape<Seq(), HeadSize()> >
int main() {
    course::Mat<T, HS> q, k;
#ifndef COURSE_FIXED
    course::Mat<T, T> scores = q * k;
#else
    course::Mat<T, T> scores = q * k.T();
#endif
    return int(scores(0, 0));
}
