#!/usr/bin/python3
"""Proof (b): a test binary built against the committed stubs fails only as "not implemented yet".

Usage: expect_todo.py TEST_BINARY

Runs the Boost.Test binary with an XML log and checks every test case: it must end in an
exception whose message says "not implemented yet", with no failed assertion before it. A test
case that passes against the stubs tests nothing of the exercise, and fails this check too.
"""
import os
import subprocess
import sys
import xml.etree.ElementTree as ET


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    run = subprocess.run([sys.argv[1], "--log_format=XML", "--log_level=all", "--report_level=no"],
                         capture_output=True, text=True)
    try:
        log = ET.fromstring(run.stdout)
    except ET.ParseError as e:
        print(f"FAIL: could not read the test log ({e}); stderr:\n{run.stderr}")
        return 1
    bad, count = [], 0
    for case in log.iter("TestCase"):
        count += 1
        name = case.get("name")
        errors = [e.text or "" for e in case.iter() if e.tag in ("Error", "FatalError")]
        exceptions = [(e.text or "").strip() for e in case.iter("Exception")]
        todo = [e for e in exceptions if "not implemented yet" in e]
        if errors:
            bad.append(f"{name}: a check failed before the stub was reached: {errors[0].strip()}")
        elif not todo:
            bad.append(f"{name}: did not fail with 'not implemented yet' against the stubs"
                       + (f" (threw: {exceptions[0]})" if exceptions else " (it passed: it does not test the exercise)"))
        else:
            print(f"ok  {name}: {todo[0].splitlines()[0]}")
    if count == 0:
        print("FAIL: no test case ran")
        return 1
    for b in bad:
        print("FAIL " + b)
    name = os.path.basename(sys.argv[1]).removeprefix("test_").removesuffix("_stubs")
    print(f"{name}: {count - len(bad)} of {count} test cases fail only as 'not implemented yet'")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
