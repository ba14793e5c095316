#!/usr/bin/env python3
"""Fails when a colour is written out in ui/ outside ui/theme/ (issue 16.1): every colour of the
window, its style sheets, cards and charts is a theme token (ui/theme/theme.h), so that Light and
Dark cover all of it. Finds hex colours (#1f2328), QColor built from numbers or names, Qt's named
colours (Qt::white), rgb()/rgba() and CSS colour names in style sheets, and three-byte braces
({ 0x1f, 0x23, 0x28 }).

Usage: check-colour-literals.py [SOURCE_DIR]   (exit 0: none; 1: some, each printed)
"""
import os
import re
import sys

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", ".."))
NAMES = ("white|black|red|green|blue|cyan|magenta|yellow|gray|grey|darkGray|lightGray|darkRed|"
         "darkGreen|darkBlue|darkCyan|darkMagenta|darkYellow|orange|purple|navy|silver|maroon")
PATTERNS = [
    ("hex colour", re.compile(r"#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{4}|[0-9a-fA-F]{3})\b")),
    ("QColor from numbers or a name",
     re.compile(r"\bQColor(?:\s+\w+)?\s*[({]\s*(?:0x|\d|Qt::|\"|u\"|QStringLiteral|QLatin1)")),
    ("QColor from components", re.compile(r"\bQColor::from(?:Rgb|Rgba|Hsv|Hsl|Cmyk|String)\w*\s*\(|\.setRgb\w*\s*\(|\.setNamedColor\s*\(")),
    ("Qt named colour", re.compile(r"\bQt::(?:" + NAMES + r")\b")),
    ("rgb()", re.compile(r"\brgba?\s*\(")),
    ("CSS colour name",
     re.compile(r"(?:color|background|background-color|border(?:-[a-z]+)*)\s*:\s*[^;\"{}]*\b(?:" + NAMES.lower() + r")\b",
                re.I)),
    ("three-byte colour", re.compile(r"\{\s*0x[0-9a-fA-F]{2}\s*,\s*0x[0-9a-fA-F]{2}\s*,\s*0x[0-9a-fA-F]{2}\s*[,}]")),
]


def main():
    problems = []
    ui = os.path.join(ROOT, "ui")
    theme = os.path.join(ui, "theme") + os.sep
    for dirpath, _, files in os.walk(ui):
        if (dirpath + os.sep).startswith(theme):
            continue
        for name in sorted(files):
            if not name.endswith((".cpp", ".h")):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, ROOT)
            with open(path, encoding="utf-8") as f:
                for number, line in enumerate(f, 1):
                    for what, pattern in PATTERNS:
                        m = pattern.search(line)
                        if m:
                            problems.append(f"{rel}:{number}: {what} '{m.group(0).strip()}' (use a Theme token)")
    for p in problems:
        print(p)
    print(f"check-colour-literals: {len(problems)} colour literal(s) in ui/ outside ui/theme/")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
