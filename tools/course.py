#!/usr/bin/python3
"""The learner's loop: build your exercises, run their tests, and tell you where you are.

Run it through ./course (which installs what is missing first). Commands:

  ./course                        status of every chapter's exercises, and the next one to do
  ./course status [--json]        the same (as JSON: chapter, exercise, state, file, line, message)
  ./course watch [CHAPTER]        rebuild and re-test a chapter whenever a file under exercises/ changes
  ./course check [CHAPTER]        rebuild and re-test one chapter once (what watch does on each change)
  ./course hint [CHAPTER [EXERCISE]]   the hint for an exercise (default: the next one)
  ./course reset CHAPTER [EXERCISE]    put an exercise (or a whole chapter) back to its stub
  ./course run CHAPTER [--reference] [ARGS...]   the chapter's demo on your code (or on the reference)
  ./course test                   the whole test suite on the reference solutions (what CI runs)
  ./course data                   fetch or link the data sets into the data directory
  ./course docs                   build the documentation site
  ./course bench                  build and run the benchmarks

CHAPTER is a number (1, 01) or a name (01_perceptron, perceptron). Set COURSE_OWN_STACK=1 to build
every chapter from your own exercises/ (the capstone runs on what you wrote).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import io
import time
import tomllib
import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEARN_BUILD = ROOT / "build" / "learner"
TEST_BUILD = ROOT / "build" / "test"
TTY = sys.stdout.isatty()


def color(code: str, text: str) -> str:
    return f"\033[{code}m{text}\033[0m" if TTY else text


class CourseError(Exception):
    """A problem the learner should read: printed as one line, exit code 2."""


# ---------------------------------------------------------------------------------------------
# Chapters and exercises
# ---------------------------------------------------------------------------------------------

@dataclass
class Exercise:
    chapter: str
    name: str
    file: str
    hint: str
    going_further: bool = False
    state: str = "unknown"      # done | failing | not started | waiting | does not compile | not built
    message: str = ""
    line: int = 1

    @property
    def path(self) -> Path:
        return ROOT / "exercises" / self.chapter / self.file

    @property
    def todo_call(self) -> str:
        """The call that marks this exercise's stub: todo("<chapter>", "<exercise>")."""
        return f'todo("{self.chapter}", "{self.name}")'

    def stubbed(self) -> bool:
        """True while the learner's file still holds this exercise's stub."""
        return self.todo_call in self.path.read_text(encoding="utf-8")


@dataclass
class Chapter:
    name: str
    title: str
    demo_expect: str
    exercises: list[Exercise] = field(default_factory=list)

    @property
    def number(self) -> str:
        return self.name[:2]


def load_chapters() -> list[Chapter]:
    chapters = []
    for toml in sorted((ROOT / "chapters").glob("[0-9][0-9]_*/chapter.toml")):
        name = toml.parent.name
        with open(toml, "rb") as f:
            meta = tomllib.load(f)
        ch = Chapter(name, meta.get("title", name), meta.get("demo", {}).get("expect", ""))
        for ex in meta.get("exercise", []):
            ch.exercises.append(Exercise(name, ex["name"], ex["file"], ex.get("hint", "").strip(),
                                         bool(ex.get("going_further", False))))
        chapters.append(ch)
    return chapters


def find_chapter(chapters: list[Chapter], key: str) -> Chapter:
    k = key.strip().lower()
    for ch in chapters:
        if k in (ch.name, ch.number, ch.number.lstrip("0"), ch.name[3:]):
            return ch
    names = ", ".join(ch.name for ch in chapters)
    raise CourseError(f"no chapter '{key}': the chapters are {names}")


def find_exercise(ch: Chapter, key: str) -> Exercise:
    for ex in ch.exercises:
        if ex.name == key:
            return ex
    raise CourseError(f"chapter {ch.name} has no exercise '{key}': its exercises are "
                      + ", ".join(e.name for e in ch.exercises))


def stub_line(ex: Exercise) -> int:
    """The line of the exercise's TODO in the learner's file (or of its heading once the TODO is gone)."""
    try:
        lines = ex.path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    todo = ex.todo_call
    heading = re.compile(rf"[Ee]xercise `{re.escape(ex.name)}`")
    for i, line in enumerate(lines, 1):
        if todo in line:
            return i
    for i, line in enumerate(lines, 1):
        if heading.search(line):
            return i
    return 1


# ---------------------------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------------------------

def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    kw.setdefault("text", True)
    return subprocess.run(cmd, **kw)


def configure(build: Path, *extra: str) -> None:
    """Configures `build` with the given -D settings, unless its cache already has them."""
    own = "ON" if os.environ.get("COURSE_OWN_STACK", "") not in ("", "0") else "OFF"
    settings = dict(e[2:].split("=", 1) for e in (f"-DCOURSE_OWN_STACK={own}", *extra))
    cache = build / "CMakeCache.txt"
    if cache.exists():
        have = {}
        for line in cache.read_text().splitlines():
            if (m := re.match(r"(\w+):\w+=(.*)", line)):
                have[m.group(1)] = m.group(2)
        if all(have.get(k) == v for k, v in settings.items()):
            return  # ninja re-runs cmake by itself when CMakeLists.txt changes
    args = ["cmake", "-S", str(ROOT), "-B", str(build), "-G", "Ninja", *(f"-D{k}={v}" for k, v in settings.items())]
    r = run(args, capture_output=True)
    if r.returncode != 0:
        raise CourseError("cmake could not configure the build:\n" + (r.stdout + r.stderr)[-3000:])


def build_target(build: Path, target: str) -> tuple[bool, str]:
    r = run(["cmake", "--build", str(build), "--target", target], capture_output=True)
    return r.returncode == 0, r.stdout + r.stderr


def first_error(output: str) -> str:
    """The first compiler error, shortened; for a shape error, with the note that names the shapes."""
    lines = output.splitlines()
    for i, line in enumerate(lines):
        m = re.search(r"([^\s:]+):(\d+):\d+: error: (.*)", line)
        if m:
            path = m.group(1)
            if (t := re.search(r"(?:^|/)tracks/\w+/[^/]+/(.*)", path)):
                path = "exercises/" + t.group(1)
            for top in ("exercises/", "solutions/", "tests/", "chapters/", "common/"):
                if top in path:
                    path = path[path.index(top):]
            text = f"{path}:{m.group(2)}: {m.group(3)}"
            for follow in lines[i + 1:i + 8]:
                if "evaluates to false" in follow:
                    note = re.sub(r".*note: ", "", follow)
                    text += " — " + note
                    break
            return text[:400]
    for line in lines:
        if "error" in line.lower():
            return line.strip()[:300]
    return "the build failed (run `cmake --build build/learner` to see why)"


# ---------------------------------------------------------------------------------------------
# Running the tests of one chapter, exercise by exercise
# ---------------------------------------------------------------------------------------------

def run_exercise(binary: Path, ex: Exercise) -> None:
    try:
        r = run([str(binary), f"--run_test=exercise_{ex.name}", "--log_format=XML", "--log_level=all",
                 "--report_level=no"], capture_output=True, timeout=300)
    except subprocess.TimeoutExpired:
        ex.state, ex.message = "failing", "the tests did not finish in 5 minutes (an endless loop?)"
        return
    try:
        log = ET.fromstring(r.stdout)
    except ET.ParseError:
        tail = (r.stderr or r.stdout).strip().splitlines()[-1:] or ["no output"]
        ex.state, ex.message = "failing", f"the test binary crashed (exit {r.returncode}): {tail[0][:200]}"
        return
    cases = list(log.iter("TestCase"))
    if not cases:
        ex.state, ex.message = "failing", f"no test suite exercise_{ex.name} in the tests"
        return
    for case in cases:
        for node in case.iter():
            if node.tag in ("Error", "FatalError"):
                where = f"{Path(node.get('file', '?')).name}:{node.get('line', '?')}"
                ex.state, ex.message = "failing", f"{case.get('name')}: {where}: {(node.text or '').strip()}"
                return
            if node.tag == "Exception":
                text = (node.text or "").strip().splitlines()[0] if node.text else "exception"
                m = re.search(r"not implemented yet: chapter (\S+), exercise (\S+)", text)
                if m and m.group(2) == ex.name:
                    ex.state, ex.message = "not started", ""
                elif m:
                    ex.state, ex.message = "waiting", f"needs {m.group(1)} / {m.group(2)} first"
                else:
                    ex.state, ex.message = "failing", f"{case.get('name')}: threw {text[:250]}"
                return
    ex.state, ex.message = ("done", "") if r.returncode == 0 else ("failing", f"exit code {r.returncode}")


def check_chapter(ch: Chapter) -> None:
    ok, output = build_target(LEARN_BUILD, f"test_{ch.name}_learner")
    for ex in ch.exercises:
        ex.line = stub_line(ex)
    if not ok:
        err = first_error(output)
        for ex in ch.exercises:
            ex.state, ex.message = "does not compile", err
        return
    binary = LEARN_BUILD / f"test_{ch.name}_learner"
    for ex in ch.exercises:
        run_exercise(binary, ex)


SYMBOL = {"done": ("32", "✓"), "failing": ("31", "✗"), "does not compile": ("31", "✗"),
          "not started": ("90", "·"), "waiting": ("90", "·"), "unknown": ("90", "?")}


def print_chapter(ch: Chapter) -> None:
    done = sum(e.state == "done" for e in ch.exercises)
    print(color("1", f"{ch.number} {ch.title}") + color("90", f"  ({done}/{len(ch.exercises)} done)"))
    for ex in ch.exercises:
        code, mark = SYMBOL.get(ex.state, ("90", "?"))
        label = ex.state + (" (going further)" if ex.going_further and ex.state != "done" else "")
        line = f"   {color(code, mark)} {ex.name:<24} {label}"
        if ex.message:
            line += color("90", f": {ex.message}")
        print(line)


def next_exercise(chapters: list[Chapter]) -> Exercise | None:
    for want_optional in (False, True):
        for ch in chapters:
            for ex in ch.exercises:
                if ex.state != "done" and ex.going_further == want_optional:
                    return ex
    return None


def prepare_learner_build() -> None:
    configure(LEARN_BUILD, "-DCOURSE_PROOFS=OFF")


# ---------------------------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------------------------

def cmd_status(args: list[str]) -> int:
    as_json = "--json" in args
    chapters = load_chapters()
    only = [a for a in args if not a.startswith("--")]
    if only:
        chapters = [find_chapter(chapters, only[0])]
    prepare_learner_build()
    if len(chapters) > 1:
        # every chapter's tests at once (both cores); a chapter that does not compile is reported below
        run(["cmake", "--build", str(LEARN_BUILD), "--target", "learner", "--", "-k", "0"], capture_output=True)
    for ch in chapters:
        check_chapter(ch)
    if as_json:
        print(json.dumps([{"chapter": ex.chapter, "exercise": ex.name, "state": ex.state,
                           "going_further": ex.going_further, "file": f"exercises/{ex.chapter}/{ex.file}",
                           "line": ex.line, "message": ex.message}
                          for ch in chapters for ex in ch.exercises], indent=2))
        return 0
    print(color("1", "The course: from a perceptron to a GPT") + " — the tests' verdict on your code in exercises/\n")
    for ch in chapters:
        print_chapter(ch)
    print()
    nxt = next_exercise(chapters)
    if nxt is None:
        print(color("32", "Every exercise is done. Run a demo on your own code: ./course run <chapter>"))
    else:
        print(f"Next: {color('1', nxt.chapter + ' / ' + nxt.name)} at exercises/{nxt.chapter}/{nxt.file}:{nxt.line}")
        print(f"      hint: ./course hint {nxt.chapter[:2]} {nxt.name}    "
              f"re-test on every save: ./course watch {nxt.chapter[:2]}")
    return 0


def current_chapter(chapters: list[Chapter], args: list[str]) -> Chapter:
    if args:
        return find_chapter(chapters, args[0])
    # the first chapter whose exercises are not all done (judged from the last results is costly;
    # use the stubs still present in the files instead)
    for ch in chapters:
        for ex in ch.exercises:
            if not ex.going_further and ex.stubbed():
                return ch
    return chapters[0]


def cmd_check(args: list[str]) -> int:
    chapters = load_chapters()
    ch = current_chapter(chapters, args)
    prepare_learner_build()
    start = time.monotonic()
    check_chapter(ch)
    print_chapter(ch)
    print(color("90", f"   (built and tested in {time.monotonic() - start:.1f} s)"))
    return 0 if all(e.state == "done" for e in ch.exercises if not e.going_further) else 1


def snapshot(paths: list[Path]) -> dict[str, float]:
    out = {}
    for base in paths:
        for p in base.rglob("*"):
            if p.is_file():
                try:
                    out[str(p)] = p.stat().st_mtime_ns
                except OSError:
                    pass
    return out


def cmd_watch(args: list[str]) -> int:
    chapters = load_chapters()
    ch = current_chapter(chapters, args)
    prepare_learner_build()
    watched = [ROOT / "exercises"]
    print(color("1", f"Watching exercises/ — chapter {ch.name}. Save a file to re-test; Ctrl-C to stop.\n"))
    check_chapter(ch)
    print_chapter(ch)
    before = snapshot(watched)
    try:
        while True:
            time.sleep(0.2)
            now = snapshot(watched)
            if now == before:
                continue
            changed = min((float(v) for k, v in now.items() if before.get(k) != v), default=time.time_ns())
            before = now
            print(color("90", f"\n── change seen at {time.strftime('%H:%M:%S')}: rebuilding {ch.name}"))
            check_chapter(ch)
            print_chapter(ch)
            print(color("90", f"   (edit-to-result {(time.time_ns() - changed) / 1e9:.1f} s)"))
            if all(e.state == "done" for e in ch.exercises if not e.going_further):
                print(color("32", f"   Chapter {ch.number} done. Next: ./course watch {int(ch.number) + 1:02d}"))
    except KeyboardInterrupt:
        print()
    return 0


def cmd_hint(args: list[str]) -> int:
    chapters = load_chapters()
    if not args:
        ch = current_chapter(chapters, [])
        ex = next((e for e in ch.exercises if e.stubbed()), ch.exercises[0])
    else:
        ch = find_chapter(chapters, args[0])
        ex = find_exercise(ch, args[1]) if len(args) > 1 else ch.exercises[0]
    print(color("1", f"Hint for {ch.name} / {ex.name}") + f"  (exercises/{ch.name}/{ex.file}:{stub_line(ex)})\n")
    print(ex.hint or "No hint for this one: read the lesson, chapters/" + ch.name + "/README.md.")
    print(f"\nThe lesson: chapters/{ch.name}/README.md")
    return 0


def stub_ref() -> str:
    """The commit the stubs come from: the upstream branch when there is one, else HEAD."""
    for ref in ("@{upstream}", "origin/HEAD", "HEAD"):
        r = run(["git", "-C", str(ROOT), "rev-parse", "--verify", "-q", ref], capture_output=True)
        if r.returncode == 0:
            return r.stdout.strip()
    raise CourseError("this is not a git clone, so the stubs cannot be restored: clone the course with git")


def pristine(path_in_repo: str) -> str:
    r = run(["git", "-C", str(ROOT), "show", f"{stub_ref()}:{path_in_repo}"], capture_output=True)
    if r.returncode != 0:
        raise CourseError(f"{path_in_repo} is not in the course's history: {r.stderr.strip()}")
    return r.stdout


def exercise_region(lines: list[str], name: str) -> tuple[int, int] | None:
    """Lines [start, end) from the exercise's first `Exercise \\`name\\`` heading (an exercise may have
    several parts, each with its heading) to the next exercise's heading or the namespace's end."""
    heading = re.compile(r"[Ee]xercise `(\w+)`")
    start = next((i for i, l in enumerate(lines) if (m := heading.search(l)) and m.group(1) == name), None)
    if start is None:
        return None
    end = start + 1
    while end < len(lines) and not lines[end].startswith("}  // namespace"):
        m = heading.search(lines[end])
        if m and m.group(1) != name:
            break
        end += 1
    return start, end


def cmd_reset(args: list[str]) -> int:
    if not args:
        raise CourseError("usage: ./course reset CHAPTER [EXERCISE]")
    chapters = load_chapters()
    ch = find_chapter(chapters, args[0])
    if len(args) == 1:
        files = sorted({ex.file for ex in ch.exercises} |
                       {p.name for p in (ROOT / "solutions" / ch.name).glob("*") if p.is_file()})
        for f in files:
            (ROOT / "exercises" / ch.name / f).write_text(pristine(f"exercises/{ch.name}/{f}"), encoding="utf-8")
        print(f"Reset chapter {ch.name}: {', '.join(files)} are back to their stubs.")
        return 0
    ex = find_exercise(ch, args[1])
    original = pristine(f"exercises/{ch.name}/{ex.file}").splitlines(keepends=True)
    current = ex.path.read_text(encoding="utf-8").splitlines(keepends=True)
    src, dst = exercise_region(original, ex.name), exercise_region(current, ex.name)
    if src is None or dst is None:
        raise CourseError(f"cannot find the exercise `{ex.name}` heading in {ex.file}: reset the whole chapter "
                          f"with ./course reset {ch.number}")
    current[dst[0]:dst[1]] = original[src[0]:src[1]]
    ex.path.write_text("".join(current), encoding="utf-8")
    print(f"Reset {ch.name} / {ex.name} in exercises/{ch.name}/{ex.file} to its stub; the other exercises are untouched.")
    return 0


def cmd_run(args: list[str]) -> int:
    if not args:
        raise CourseError("usage: ./course run CHAPTER [--reference] [ARGS...]")
    chapters = load_chapters()
    ch = find_chapter(chapters, args[0])
    rest = args[1:]
    reference = "--reference" in rest
    rest = [a for a in rest if a != "--reference"]
    if not (ROOT / "chapters" / ch.name / "demo.cpp").exists():
        raise CourseError(f"chapter {ch.name} has no demo")
    prepare_learner_build()
    target = f"demo_{ch.name}" + ("" if reference else "_learner")
    ok, output = build_target(LEARN_BUILD, target)
    if not ok:
        raise CourseError(f"the demo does not compile on your code: {first_error(output)}\n"
                          f"  (./course run {ch.number} --reference runs it on the reference solution)")
    who = "the reference solution" if reference else "your code"
    print(color("1", f"Chapter {ch.name} demo on {who}"))
    if ch.demo_expect:
        print(color("90", f"expected: {ch.demo_expect}"))
    print()
    return run([str(LEARN_BUILD / target), *rest]).returncode


def cmd_test(args: list[str]) -> int:
    """The whole suite on the reference, with the three proofs and the compile-fail suite."""
    start = time.monotonic()
    stubs = TEST_BUILD / "stubs"
    if stubs.exists():
        shutil.rmtree(stubs)
    stubs.mkdir(parents=True)
    # The stubs as committed, not the learner's progress in exercises/.
    if "--stubs-from-worktree" in args or not (ROOT / ".git").exists():
        shutil.copytree(ROOT / "exercises", stubs, dirs_exist_ok=True)
        print("stubs: exercises/ as it is in the work tree")
    else:
        ref = stub_ref()
        tar = run(["git", "-C", str(ROOT), "archive", "--format=tar", ref, "exercises"], capture_output=True, text=False)
        if tar.returncode != 0:
            raise CourseError("git archive failed: " + tar.stderr.decode()[-500:])
        with tarfile.open(fileobj=io.BytesIO(tar.stdout)) as t:
            t.extractall(TEST_BUILD / "stubs-tree")
        shutil.rmtree(stubs)
        shutil.move(str(TEST_BUILD / "stubs-tree" / "exercises"), stubs)
        shutil.rmtree(TEST_BUILD / "stubs-tree")
        print(f"stubs: exercises/ as committed at {ref[:12]}")
    configure(TEST_BUILD, f"-DCOURSE_STUBS_DIR={stubs}", "-DCOURSE_PROOFS=ON", "-DCOURSE_OWN_STACK=OFF")
    print("building the reference, the stubs and the drop-in tracks …", flush=True)
    r = run(["cmake", "--build", str(TEST_BUILD)])
    if r.returncode != 0:
        print("FAILED: the build failed")
        return 1
    groups = [("(a) the reference solutions pass every test", "solutions|core"),
              ("the learner's loop and the checkers: ./course on the course's own files; each checker rejects a bad case", "tools"),
              ("(b) the exercise tests compile against the stubs and fail only as 'not implemented yet'", "stubs"),
              ("(c) the solutions dropped in for the stubs pass every exercise test", "dropin"),
              ("compile-fail suite: shape mistakes do not compile, with the expected message", "compile-fail")]
    passed = failed = 0
    for title, label in groups:
        print("\n" + color("1", title))
        verbose = ["-V"] if label == "stubs" else ["--output-on-failure"]
        r = run(["ctest", "--test-dir", str(TEST_BUILD), "-L", label, "-j2", *verbose], capture_output=True)
        out = r.stdout + r.stderr
        for line in out.splitlines():
            if (re.search(r"Test +#\d+:", line) or "FAIL" in line or "test cases fail only" in line
                    or re.search(r"\berror\b", line)):
                print("  " + re.sub(r"^\d+: ", "", line.strip()))
        m = re.search(r"(\d+)% tests passed, (\d+) tests failed out of (\d+)", out)
        if not m:
            print("  no tests ran in this group")
            failed += 1
            continue
        total, nfail = int(m.group(3)), int(m.group(2))
        passed += total - nfail
        failed += nfail
    print(f"\nwhole suite in {time.monotonic() - start:.0f} s")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


def cmd_docs(args: list[str]) -> int:
    prepare_learner_build()
    r = run(["cmake", "--build", str(LEARN_BUILD), "--target", "docs"])
    if r.returncode != 0:
        return r.returncode
    print(f"The site: {LEARN_BUILD / 'docs' / 'html' / 'index.html'}")
    return 0


def cmd_bench(args: list[str]) -> int:
    prepare_learner_build()
    r = run(["cmake", "--build", str(LEARN_BUILD), "--target", "benchmarks", "demo_04_sgd"])
    if r.returncode != 0:
        return r.returncode
    code = 0
    for exe in sorted(LEARN_BUILD.glob("bench_*")):
        if exe.is_file() and os.access(exe, os.X_OK):
            print(color("1", f"\n{exe.name}"), flush=True)
            code |= run([str(exe), "--benchmark_repetitions=5", "--benchmark_report_aggregates_only=true",
                         *args]).returncode
    script = ROOT / "tools" / "bench_mnist.py"
    if script.exists():
        print(color("1", "\nOne epoch of the book's experiment: numpy vs the course's C++"), flush=True)
        code |= run(["/usr/bin/python3", str(script), "--demo", str(LEARN_BUILD / "demo_04_sgd")]).returncode
    return code


# ---- data -------------------------------------------------------------------------------------

MNIST_FILES = ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
               "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"]
MNIST_SOURCES = ["https://ossci-datasets.s3.amazonaws.com/mnist/",
                 "https://storage.googleapis.com/cvdf-datasets/mnist/"]
SHAKESPEARE_URL = "https://raw.githubusercontent.com/karpathy/char-rnn/master/data/tinyshakespeare/input.txt"


def data_dir() -> Path:
    return Path(os.environ.get("COURSE_DATA_DIR") or ROOT / "data")


def mirrors() -> list[Path]:
    """Local folders that may hold the data sets: $COURSE_DATA_MIRROR, and a shared/data folder beside the course."""
    out = []
    if os.environ.get("COURSE_DATA_MIRROR"):
        out.append(Path(os.environ["COURSE_DATA_MIRROR"]))
    out.append(ROOT.parent / "shared" / "data")
    return [m for m in out if m.is_dir()]


def download(url: str, dest: Path) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=20) as r, open(dest.with_suffix(".part"), "wb") as f:
            shutil.copyfileobj(r, f)
        dest.with_suffix(".part").rename(dest)
        return True
    except Exception as e:  # noqa: BLE001 — any network failure means "not reachable"
        dest.with_suffix(".part").unlink(missing_ok=True)
        print(color("90", f"    {url}: {e}"))
        return False


def link(name: str, target: Path) -> None:
    dest = data_dir() / name
    if dest.is_symlink() or dest.exists():
        return
    dest.symlink_to(target)
    print(f"  {name}: linked to {target}")


def cmd_data(args: list[str]) -> int:
    d = data_dir()
    d.mkdir(parents=True, exist_ok=True)
    print(f"data directory: {d}  (set COURSE_DATA_DIR to use another)")
    missing = []
    # Fashion-MNIST: Debian's package dataset-fashion-mnist (installed by ./course).
    fashion = Path("/usr/share/datasets/fashion-mnist")
    if fashion.is_dir():
        link("fashion-mnist", fashion)
    elif not (d / "fashion-mnist").exists():
        missing.append("fashion-mnist: sudo apt-get install dataset-fashion-mnist")
    # Local mirrors first (offline machines), then the usual public sources.
    for m in mirrors():
        for name in ("mnist-10k", "mnist", "tinyshakespeare"):
            if (m / name).is_dir():
                link(name, m / name)
    if not (d / "mnist").exists() or not all((d / "mnist" / f).exists() for f in MNIST_FILES):
        if not (d / "mnist").is_symlink():
            (d / "mnist").mkdir(exist_ok=True)
            print("  mnist: downloading …")
            for f in MNIST_FILES:
                if not (d / "mnist" / f).exists() and not any(download(s + f, d / "mnist" / f) for s in MNIST_SOURCES):
                    missing.append("mnist: could not download " + f + " (no internet?): put the four MNIST "
                                   f"files in {d / 'mnist'}; mnist-10k and fashion-mnist work meanwhile")
                    break
    shakespeare = d / "tinyshakespeare" / "input.txt"
    if not shakespeare.exists():
        if not (d / "tinyshakespeare").is_symlink():
            shakespeare.parent.mkdir(exist_ok=True)
            print("  tinyshakespeare: downloading …")
            if not download(SHAKESPEARE_URL, shakespeare):
                missing.append(f"tinyshakespeare: could not download it: save input.txt (1,115,394 bytes) as {shakespeare}")
    for name in ("mnist", "mnist-10k", "fashion-mnist", "tinyshakespeare"):
        print(f"  {name:<16} {'ready' if (d / name).exists() and any((d / name).iterdir()) else 'missing'}")
    for m in missing:
        print(color("33", "  " + m))
    return 0


COMMANDS = {"status": cmd_status, "check": cmd_check, "watch": cmd_watch, "hint": cmd_hint, "reset": cmd_reset,
            "run": cmd_run, "test": cmd_test, "docs": cmd_docs, "bench": cmd_bench, "data": cmd_data}


def main(argv: list[str]) -> int:
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `./course | head` ends quietly
    if argv and argv[0] in ("help", "-h", "--help"):
        print(__doc__)
        return 0
    command = argv[0] if argv and not argv[0].startswith("--") else "status"
    args = argv[1:] if argv and not argv[0].startswith("--") else argv
    if command not in COMMANDS:
        print(f"course: unknown command '{command}'. The commands: {', '.join(COMMANDS)} (./course help)",
              file=sys.stderr)
        return 2
    try:
        return COMMANDS[command](args)
    except CourseError as e:
        print(f"course: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
