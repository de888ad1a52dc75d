/// @file data.hpp
/// @brief Where the course finds its data sets, and what it says when one is missing.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

namespace course {

/// The data directory: `$COURSE_DATA_DIR` when set, else `data/` at the top of the repository.
/// `./course data` fills it (downloads, or copies from a local mirror).
std::filesystem::path data_dir();

/// Thrown when a data set is missing; the message says where it was looked for and what to do.
class DataMissing : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// The path of `relative` inside the data directory; throws DataMissing (naming `what` and how to
/// get it) when it does not exist.
std::filesystem::path require_data(const std::filesystem::path& relative, const std::string& what);

/// The folder for a demo's figures: `$COURSE_FIGURES_DIR` when set, else `build/figures/`.
std::filesystem::path figures_dir();

}  // namespace course
