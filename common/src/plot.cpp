#include "course/plot.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace course {

namespace {

// gnuplot string literal: single-quoted, with single quotes doubled.
std::string quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += (c == '\'') ? std::string("''") : std::string(1, c);
    return out + "'";
}

std::string terminal_for(const std::filesystem::path& file, int width, int height) {
    const auto ext = file.extension().string();
    std::ostringstream t;
    if (ext == ".svg")
        t << "set terminal svg size " << width << "," << height << " dynamic font 'sans,12' background rgb 'white'\n";
    else if (ext == ".png")
        t << "set terminal pngcairo size " << width << "," << height << " font 'sans,10'\n";
    else
        throw std::invalid_argument("plot: cannot write '" + file.string() + "': use a .svg or .png file name");
    t << "set output " << quoted(file.string()) << "\n";
    return t.str();
}

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

void run_gnuplot(const std::string& script) {
    if (std::system("command -v gnuplot >/dev/null 2>&1") != 0)
        throw std::runtime_error("gnuplot is not installed: run `sudo apt-get install gnuplot-nox` (or ./course, which installs it)");
    const auto dir = std::filesystem::temp_directory_path();
    const auto stem = "course-plot-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand());
    const auto script_file = dir / (stem + ".gp"), err_file = dir / (stem + ".err");
    std::ofstream(script_file) << script;
    const std::string cmd = "gnuplot " + quoted(script_file.string()) + " 2>" + quoted(err_file.string());
    const int status = std::system(cmd.c_str());
    const std::string err = read_file(err_file);
    std::filesystem::remove(script_file);
    std::filesystem::remove(err_file);
    if (status != 0) throw std::runtime_error("gnuplot failed: " + err);
}

Plot& Plot::line(std::vector<double> x, std::vector<double> y, std::string label) {
    series_.push_back({std::move(x), std::move(y), std::move(label), false});
    return *this;
}

Plot& Plot::points(std::vector<double> x, std::vector<double> y, std::string label) {
    series_.push_back({std::move(x), std::move(y), std::move(label), true});
    return *this;
}

void Plot::save(const std::filesystem::path& file) const {
    std::ostringstream s;
    s << terminal_for(file, 800, 520);
    s << "set title " << quoted(title_) << "\nset xlabel " << quoted(xlabel_) << "\nset ylabel " << quoted(ylabel_)
      << "\nset grid\nset key outside right top\n";
    if (xrange_.size() == 2) s << "set xrange [" << xrange_[0] << ":" << xrange_[1] << "]\n";
    if (yrange_.size() == 2) s << "set yrange [" << yrange_[0] << ":" << yrange_[1] << "]\n";
    for (std::size_t k = 0; k < series_.size(); ++k) {
        s << "$s" << k << " << EOD\n";
        for (std::size_t i = 0; i < series_[k].x.size() && i < series_[k].y.size(); ++i)
            s << series_[k].x[i] << " " << series_[k].y[i] << "\n";
        s << "EOD\n";
    }
    s << "plot ";
    for (std::size_t k = 0; k < series_.size(); ++k) {
        if (k) s << ", ";
        s << "$s" << k << " using 1:2 " << (series_[k].points ? "with points pt 7 ps 1.2" : "with lines lw 2")
          << " title " << quoted(series_[k].label);
    }
    if (series_.empty()) s << "NaN notitle";
    s << "\n";
    run_gnuplot(s.str());
}

void heatmap(const std::filesystem::path& file, const std::string& title, const std::vector<double>& values, int rows,
             int cols, const std::string& xlabel, const std::string& ylabel) {
    if (values.size() != std::size_t(rows) * std::size_t(cols))
        throw std::invalid_argument("heatmap: " + std::to_string(values.size()) + " values for a " + std::to_string(rows) +
                                    "x" + std::to_string(cols) + " grid");
    std::ostringstream s;
    s << terminal_for(file, 760, 640);
    s << "set title " << quoted(title) << "\nset xlabel " << quoted(xlabel) << "\nset ylabel " << quoted(ylabel)
      << "\nset palette rgbformulae 33,13,10\nset xrange [-0.5:" << cols - 0.5 << "]\nset yrange [" << rows - 0.5
      << ":-0.5]\n$m << EOD\n";
    for (int i = 0; i < rows; ++i) {
        for (int j = 0; j < cols; ++j) s << values[std::size_t(i) * cols + j] << (j + 1 < cols ? " " : "\n");
    }
    s << "EOD\nplot $m matrix with image notitle\n";
    run_gnuplot(s.str());
}

void image_grid(const std::filesystem::path& file, const std::string& title,
                const std::vector<std::vector<float>>& images, int height, int width,
                const std::vector<std::string>& captions, int per_row) {
    const int n = int(images.size());
    if (n == 0) throw std::invalid_argument("image_grid: no images");
    per_row = std::max(1, std::min(per_row, n));
    const int grid_rows = (n + per_row - 1) / per_row;
    std::ostringstream s;
    s << terminal_for(file, 110 * per_row, 120 * grid_rows + 40);
    s << "set multiplot layout " << grid_rows << "," << per_row << " title " << quoted(title)
      << "\nunset key\nunset colorbox\nunset tics\nunset border\nset palette gray\nset cbrange [0:1]\n"
      << "set size ratio -1\nset xrange [-0.5:" << width - 0.5 << "]\nset yrange [" << height - 0.5 << ":-0.5]\n";
    for (int k = 0; k < n; ++k) {
        if (images[std::size_t(k)].size() != std::size_t(height) * std::size_t(width))
            throw std::invalid_argument("image_grid: image " + std::to_string(k) + " does not have " +
                                        std::to_string(height) + "x" + std::to_string(width) + " pixels");
        s << "set title " << quoted(k < int(captions.size()) ? captions[std::size_t(k)] : std::string()) << "\n$i" << k
          << " << EOD\n";
        for (int r = 0; r < height; ++r)
            for (int c = 0; c < width; ++c) s << images[std::size_t(k)][std::size_t(r) * width + c] << (c + 1 < width ? " " : "\n");
        s << "EOD\nplot $i" << k << " matrix with image\n";
    }
    s << "unset multiplot\n";
    run_gnuplot(s.str());
}

}  // namespace course
