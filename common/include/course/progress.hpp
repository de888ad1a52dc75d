/// @file progress.hpp
/// @brief A progress bar for long loops (epochs, training steps).
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace course {

/// A one-line progress bar on stderr.
/// It looks like `epoch 3 [#########.......] 4200/8000 1.2 s  acc 91.3%`. On a terminal it redraws
/// in place (at most ten times a second); in a log it prints one line when done.
class Progress {
public:
    Progress(std::string label, std::size_t total);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    /// Advances by n steps.
    void tick(std::size_t n = 1);
    /// Text shown after the bar (a running loss, an accuracy).
    void note(std::string text);
    /// Completes the bar and ends its line.
    void finish();

private:
    void draw(bool final);
    std::string label_, note_;
    std::size_t total_, done_ = 0;
    bool tty_, finished_ = false;
    std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace course
