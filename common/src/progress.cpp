#include "course/progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace course {

Progress::Progress(std::string label, std::size_t total)
    : label_(std::move(label)),
      total_(std::max<std::size_t>(total, 1)),
      tty_(::isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

Progress::~Progress() { finish(); }

void Progress::tick(std::size_t n) {
    done_ = std::min(total_, done_ + n);
    const auto now = std::chrono::steady_clock::now();
    if (tty_ && now - last_draw_ > std::chrono::milliseconds(100)) {
        last_draw_ = now;
        draw(false);
    }
}

void Progress::note(std::string text) { note_ = std::move(text); }

void Progress::finish() {
    if (finished_) return;
    finished_ = true;
    draw(true);
}

void Progress::draw(bool final) {
    constexpr int width = 24;
    const int filled = int(width * done_ / total_);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    std::string bar(std::size_t(filled), '#');
    bar.append(std::size_t(width - filled), '.');
    std::fprintf(stderr, "%s%s [%s] %zu/%zu %.1f s  %s%s", tty_ ? "\r\033[K" : "", label_.c_str(), bar.c_str(), done_,
                 total_, seconds, note_.c_str(), final ? "\n" : "");
    std::fflush(stderr);
}

}  // namespace course
