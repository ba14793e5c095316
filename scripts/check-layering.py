#!/usr/bin/env python3
"""Checks the parts' direction (issue 12): every product file includes only headers of its own
target or of a target it links (directly or through the parts it links), and no circle of
links spans parts. Reads the CMakeLists files and the sources themselves, so it needs no build.

Usage: scripts/check-layering.py [SOURCE_DIR]   (exit 0: clean, 1: a violation, printed)
"""
import os
import re
import sys

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), ".."))
PRODUCT = ("app", "models", "ui", "resources")
TARGET_RE = re.compile(r"\b(qt_add_library|add_library|qt_add_executable|add_executable)\(\s*([\w-]+)([^)]*)\)", re.S)
LINK_RE = re.compile(r"\btarget_link_libraries\(\s*([\w-]+)([^)]*)\)", re.S)
INCLUDE_RE = re.compile(r'^\s*#\s*include\s+"((?:app|models|ui|resources)/[^"]+)"', re.M)


def cmake_files():
    for top in PRODUCT + ("",):
        base = os.path.join(ROOT, top)
        if top == "":
            yield os.path.join(ROOT, "CMakeLists.txt")
            continue
        for dirpath, _, files in os.walk(base):
            if "CMakeLists.txt" in files:
                yield os.path.join(dirpath, "CMakeLists.txt")


def read_targets():
    owner = {}  # source path (relative to ROOT) -> target
    links = {}  # target -> set of linked chartroom targets
    for path in cmake_files():
        text = re.sub(r"#[^\n]*", "", open(path, encoding="utf-8").read())
        here = os.path.relpath(os.path.dirname(path), ROOT)
        sample = os.path.join("resources", "sample")
        for _, name, body in TARGET_RE.findall(text):
            links.setdefault(name, set())
            for token in body.split():
                token = token.replace("${CHARTROOM_SAMPLE_DIR}", sample)
                token = token.replace("${PROJECT_SOURCE_DIR}/", "")
                if token.endswith((".h", ".cpp")):
                    rel = token if token.startswith(tuple(p + "/" for p in PRODUCT)) else os.path.normpath(os.path.join(here, token))
                    owner[rel] = name
        for name, body in LINK_RE.findall(text):
            links.setdefault(name, set()).update(
                t for t in body.split() if t.startswith("chartroom") and t != "chartroom_config")
    return owner, links


def closure(target, links):
    seen, stack = set(), [target]
    while stack:
        for dep in links.get(stack.pop(), ()):
            if dep not in seen:
                seen.add(dep)
                stack.append(dep)
    return seen


def main():
    owner, links = read_targets()
    problems = []
    for target in links:
        if target in closure(target, links):
            problems.append(f"circle: {target} links itself through its parts")
    for top in PRODUCT:
        for dirpath, _, files in os.walk(os.path.join(ROOT, top)):
            for name in files:
                if not name.endswith((".h", ".cpp")):
                    continue
                rel = os.path.relpath(os.path.join(dirpath, name), ROOT)
                target = owner.get(rel)
                if target is None:
                    problems.append(f"{rel}: not listed in any target's sources")
                    continue
                allowed = closure(target, links) | {target}
                text = open(os.path.join(dirpath, name), encoding="utf-8").read()
                for header in INCLUDE_RE.findall(text):
                    if not os.path.exists(os.path.join(ROOT, header)):
                        problems.append(f"{rel}: includes {header}, which does not exist")
                    elif owner.get(header) not in allowed:
                        problems.append(
                            f"{rel} ({target}) includes {header} of {owner.get(header)}, which it does not link")
    for problem in problems:
        print(problem)
    print(f"check-layering: {len(owner)} files in {len(links)} targets, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
