/// @file todo.hpp
/// @brief The "not implemented yet" mechanism of the exercise stubs.
#pragma once

#include <source_location>
#include <stdexcept>
#include <string>
#include <string_view>

namespace course {

/// Thrown by an exercise stub that the learner has not written yet.
/// Its message names the chapter, the exercise and the stub's file:line, e.g.
/// `not implemented yet: chapter 01_perceptron, exercise predict (exercises/01_perceptron/perceptron.hpp:42)`.
class NotImplemented : public std::logic_error {
public:
    NotImplemented(std::string_view chapter, std::string_view exercise, const std::source_location& where);
    const std::string& chapter() const noexcept { return chapter_; }
    const std::string& exercise() const noexcept { return exercise_; }

private:
    std::string chapter_, exercise_;
};

/// Marks the body of an exercise stub: throws NotImplemented naming the chapter, the exercise
/// and the place of the call.
[[noreturn]] void todo(std::string_view chapter, std::string_view exercise,
                       const std::source_location& where = std::source_location::current());

}  // namespace course
