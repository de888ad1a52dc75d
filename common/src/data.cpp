#include "course/data.hpp"

#include <cstdlib>

namespace course {

std::filesystem::path data_dir() {
    if (const char* env = std::getenv("COURSE_DATA_DIR"); env && *env) return env;
    return std::filesystem::path(COURSE_SOURCE_DIR) / "data";
}

std::filesystem::path require_data(const std::filesystem::path& relative, const std::string& what) {
    const auto path = data_dir() / relative;
    if (!std::filesystem::exists(path))
        throw DataMissing(what + " not found: expected " + path.string() + "; run `./course data` to fetch it, " +
                          "or set COURSE_DATA_DIR to a folder that holds " + relative.string());
    return path;
}

std::filesystem::path figures_dir() {
    std::filesystem::path dir;
    if (const char* env = std::getenv("COURSE_FIGURES_DIR"); env && *env) dir = env;
    else dir = std::filesystem::path(COURSE_BINARY_DIR) / "figures";
    std::filesystem::create_directories(dir);
    return dir;
}

}  // namespace course
