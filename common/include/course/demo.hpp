/// @file demo.hpp
/// @brief The one way every chapter demo ends: an exit code and a message a learner can act on.
#pragma once

#include <cstdio>
#include <exception>
#include <type_traits>

#include "course/todo.hpp"

namespace course {

/// Runs a demo's body (returning an exit code, or nothing for 0) and turns what it throws into a
/// message on stderr and an exit code: 2 when it needs an exercise not written yet, 1 for any other
/// error (missing or corrupt data, a diverged training run). Never lets an exception escape main.
template <class Body>
int run_demo(Body&& body) {
    try {
        if constexpr (std::is_void_v<std::invoke_result_t<Body>>) {
            body();
            return 0;
        } else {
            return body();
        }
    } catch (const NotImplemented& e) {
        std::fprintf(stderr, "%s\n  The demo needs that exercise: run `./course` to see what to do next.\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
}

}  // namespace course
