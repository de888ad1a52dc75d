#!/usr/bin/python3
"""Compile-fail check: a snippet with a shape mistake must not compile, for the expected reason.

Usage: compile_fail.py SNIPPET.cpp -- COMPILER FLAGS...

The snippet holds the mistake under `#ifndef COURSE_FIXED` and the corrected line under `#else`,
and one or more `// expect: TEXT` lines. The check passes when
  1. the corrected snippet (-DCOURSE_FIXED) compiles: the mistake is the only problem;
  2. the snippet as written does not compile;
  3. every expected TEXT appears in the compiler's output.
It prints the compiler's output and its line count, which is what a learner would see.
"""
import subprocess
import sys


def main() -> int:
    args = sys.argv[1:]
    if len(args) < 3 or "--" not in args:
        print(__doc__)
        return 2
    snippet = args[0]
    compiler = args[args.index("--") + 1:]
    source = open(snippet, encoding="utf-8").read()
    expected = [line.split("// expect:", 1)[1].strip() for line in source.splitlines() if "// expect:" in line]
    if not expected or "COURSE_FIXED" not in source:
        print(f"{snippet}: needs `// expect: TEXT` lines and a COURSE_FIXED variant")
        return 2

    fixed = subprocess.run(compiler + ["-DCOURSE_FIXED", snippet], capture_output=True, text=True)
    if fixed.returncode != 0:
        print(f"FAIL: the corrected snippet (-DCOURSE_FIXED) does not compile either:\n{fixed.stderr}")
        return 1

    broken = subprocess.run(compiler + [snippet], capture_output=True, text=True)
    output = broken.stderr + broken.stdout
    lines = output.rstrip("\n").splitlines()
    print(output.rstrip("\n"))
    print(f"--- {len(lines)} lines of compiler output")
    if broken.returncode == 0:
        print("FAIL: the mistake compiled: the shape check does not catch it")
        return 1
    # g++ quotes with ‘…’ in a UTF-8 locale and with '…' otherwise: compare without the difference.
    plain = str.maketrans("‘’", "''")
    missing = [e for e in expected if e.translate(plain) not in output.translate(plain)]
    if missing:
        print("FAIL: the compiler's message does not say:\n  " + "\n  ".join(missing))
        return 1
    print("OK: does not compile, and the message names the mistake")
    return 0


if __name__ == "__main__":
    sys.exit(main())
