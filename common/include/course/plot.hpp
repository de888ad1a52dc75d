/// @file plot.hpp
/// @brief Figures through gnuplot: line plots, scatter plots, heatmaps and image grids.
///
/// Each figure is written by gnuplot (Debian's `gnuplot-nox`) to an `.svg` or `.png` file, chosen by
/// the file's extension. When gnuplot is missing, `save` throws with the command that installs it.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace course {

/// A 2-D figure built up from lines and point sets, then saved.
class Plot {
public:
    explicit Plot(std::string title) : title_(std::move(title)) {}
    Plot& xlabel(std::string s) { xlabel_ = std::move(s); return *this; }
    Plot& ylabel(std::string s) { ylabel_ = std::move(s); return *this; }
    Plot& xrange(double lo, double hi) { xrange_ = {lo, hi}; return *this; }
    Plot& yrange(double lo, double hi) { yrange_ = {lo, hi}; return *this; }
    /// A line through the points (x[i], y[i]).
    Plot& line(std::vector<double> x, std::vector<double> y, std::string label);
    /// Unconnected markers at (x[i], y[i]).
    Plot& points(std::vector<double> x, std::vector<double> y, std::string label);
    /// Writes the figure (`.svg` or `.png`); throws std::runtime_error if gnuplot fails.
    void save(const std::filesystem::path& file) const;

private:
    struct Series {
        std::vector<double> x, y;
        std::string label;
        bool points;
    };
    std::string title_, xlabel_, ylabel_;
    std::vector<double> xrange_, yrange_;
    std::vector<Series> series_;
};

/// A heatmap of a rows×cols grid of values (row-major), row 0 at the top.
void heatmap(const std::filesystem::path& file, const std::string& title, const std::vector<double>& values, int rows,
             int cols, const std::string& xlabel = "", const std::string& ylabel = "");

/// A grid of grey-scale images (each height×width, row-major, 0 = black, 1 = white) with a caption under each.
void image_grid(const std::filesystem::path& file, const std::string& title,
                const std::vector<std::vector<float>>& images, int height, int width,
                const std::vector<std::string>& captions, int per_row = 8);

/// Runs a gnuplot script; throws std::runtime_error with gnuplot's complaint or how to install it.
void run_gnuplot(const std::string& script);

}  // namespace course
