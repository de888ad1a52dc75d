#!/usr/bin/python3
"""Checks of the learner's loop (tools/course.py) against the course's own files.

For every exercise of every chapter (chapters/*/chapter.toml):
  - its stub file calls course::todo("<chapter>", "<exercise>") exactly where `./course` points;
  - `./course reset CHAPTER EXERCISE` finds its region in both the stub and the reference file, and
    resetting it inside a file holding every solution brings back that stub alone: the other
    exercises keep their solutions.
Run by ctest (label: tools).
"""
import sys
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import course  # noqa: E402  (tools/course.py)


class CourseTool(unittest.TestCase):
    def test_every_chapter_has_exercises_in_files_that_exist(self):
        chapters = course.load_chapters()
        self.assertGreater(len(chapters), 0)
        for ch in chapters:
            self.assertGreater(len(ch.exercises), 0, ch.name)
            for ex in ch.exercises:
                self.assertTrue(ex.path.exists(), f"{ex.path} is missing")
                self.assertTrue((ROOT / "solutions" / ch.name / ex.file).exists(), f"no solution file for {ex.path}")
                self.assertTrue(ex.hint, f"{ch.name}/{ex.name} has no hint")

    def test_status_points_at_each_stub(self):
        for ch in course.load_chapters():
            for ex in ch.exercises:
                lines = ex.path.read_text(encoding="utf-8").splitlines()
                line = course.stub_line(ex)
                self.assertIn(f'todo("{ch.name}", "{ex.name}")', lines[line - 1], f"{ch.name}/{ex.name}")

    def test_reset_of_one_exercise_restores_that_stub_alone(self):
        for ch in course.load_chapters():
            for ex in ch.exercises:
                with self.subTest(chapter=ch.name, exercise=ex.name):
                    stub = ex.path.read_text(encoding="utf-8").splitlines(keepends=True)
                    solved = (ROOT / "solutions" / ch.name / ex.file).read_text(encoding="utf-8").splitlines(keepends=True)
                    src, dst = course.exercise_region(stub, ex.name), course.exercise_region(solved, ex.name)
                    self.assertIsNotNone(src, "no `Exercise` heading in the stub file")
                    self.assertIsNotNone(dst, "no `Exercise` heading in the solution file")
                    solved[dst[0]:dst[1]] = stub[src[0]:src[1]]
                    text = "".join(solved)
                    todo = f'todo("{ch.name}", "{ex.name}")'
                    self.assertEqual(text.count(todo), "".join(stub).count(todo), "not every part of the exercise was reset")
                    others = [o.name for o in ch.exercises if o.file == ex.file and o.name != ex.name]
                    for other in others:
                        self.assertNotIn(f'todo("{ch.name}", "{other}")', text, f"reset also reset {other}")

    def test_chapter_names_resolve_and_unknown_ones_fail(self):
        chapters = course.load_chapters()
        self.assertEqual(course.find_chapter(chapters, "1").name, "01_perceptron")
        self.assertEqual(course.find_chapter(chapters, "01").name, "01_perceptron")
        self.assertEqual(course.find_chapter(chapters, "perceptron").name, "01_perceptron")
        with self.assertRaises(course.CourseError):
            course.find_chapter(chapters, "99")
        with self.assertRaises(course.CourseError):
            course.find_exercise(chapters[0], "no_such_exercise")

    def test_compile_errors_are_shortened_to_the_learners_file(self):
        out = ("FAILED: x.o\ntracks/learner/01_perceptron/01_perceptron/perceptron.hpp:31:5: error: expected ';'\n"
               "x.hpp:9:1: note: 'course::check::shapes_match<course::Shape<2, 1>, course::Shape<3, 1> >::value' evaluates to false\n")
        text = course.first_error(out)
        self.assertTrue(text.startswith("exercises/01_perceptron/perceptron.hpp:31: expected ';'"), text)
        self.assertIn("Shape<2, 1>, course::Shape<3, 1>", text)


if __name__ == "__main__":
    unittest.main(verbosity=2)
