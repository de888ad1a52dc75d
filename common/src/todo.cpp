#include "course/todo.hpp"

#include <filesystem>

namespace course {

namespace {
// Where the learner finds the stub: exercises/<chapter>/<file> (the build may reach it through a link).
std::string stub_path(std::string_view chapter, std::string_view file) {
    return "exercises/" + std::string(chapter) + "/" + std::filesystem::path(file).filename().string();
}
}  // namespace

NotImplemented::NotImplemented(std::string_view chapter, std::string_view exercise, const std::source_location& where)
    : std::logic_error("not implemented yet: chapter " + std::string(chapter) + ", exercise " + std::string(exercise) +
                       " (" + stub_path(chapter, where.file_name()) + ":" + std::to_string(where.line()) + ")"),
      chapter_(chapter),
      exercise_(exercise) {}

void todo(std::string_view chapter, std::string_view exercise, const std::source_location& where) {
    throw NotImplemented(chapter, exercise, where);
}

}  // namespace course
