#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a line of a .c or .h file under src/ or tests/ is longer than 100 columns, the
limit of .editorconfig and HACKING.md, or when a .c file under src/ is longer than 600 lines
(HACKING.md: split a class by topic when it grows). Columns are Unicode characters, not bytes:
“—” is one. Prints FILE:LINE: N columns for each such line and FILE: N lines for each such
file, FILE relative to the source root.

usage: check-line-length.py SOURCE_DIR"""

import os
import sys

MAX_COLUMNS = 100
MAX_LINES = 600         # for the application's .c files (src/); tests are lists of cases
DIRECTORIES = ("src", "tests")
SUFFIXES = (".c", ".h")


def source_files(top):
    """The .c and .h files under DIRECTORIES, relative to top, in a stable order."""
    found = []
    for directory in DIRECTORIES:
        for root, dirs, files in os.walk(os.path.join(top, directory)):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in files:
                if name.endswith(SUFFIXES):
                    found.append(os.path.relpath(os.path.join(root, name), top))
    return sorted(found)


def main(argv):
    if len(argv) != 2 or not os.path.isdir(argv[1]):
        print(__doc__.rsplit("\n", 1)[-1], file=sys.stderr)
        return 2
    top = argv[1]
    files = source_files(top)
    if not files:
        print(f"no .c or .h files under {', '.join(DIRECTORIES)} in {top}", file=sys.stderr)
        return 2

    long_lines = unreadable = long_files = 0
    for path in files:
        try:
            with open(os.path.join(top, path), encoding="utf-8", newline="") as f:
                text = f.read()
        except UnicodeDecodeError as error:
            print(f"{path}: not UTF-8 ({error.reason} at byte {error.start})")
            unreadable += 1
            continue
        for number, line in enumerate(text.split("\n"), 1):
            columns = len(line.rstrip("\r"))
            if columns > MAX_COLUMNS:
                print(f"{path}:{number}: {columns} columns")
                long_lines += 1
        n_lines = text.count("\n")
        if path.startswith("src" + os.sep) and path.endswith(".c") and n_lines > MAX_LINES:
            print(f"{path}: {n_lines} lines (at most {MAX_LINES}; split it by topic)")
            long_files += 1

    if long_lines or unreadable or long_files:
        print(f"{long_lines} lines over {MAX_COLUMNS} columns, {long_files} src/ files over "
              f"{MAX_LINES} lines, {unreadable} files not UTF-8, in {len(files)} .c and .h "
              "files", file=sys.stderr)
        return 1
    print(f"no line over {MAX_COLUMNS} columns and no src/ file over {MAX_LINES} lines in "
          f"{len(files)} .c and .h files")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
