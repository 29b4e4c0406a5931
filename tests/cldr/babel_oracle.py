#!/usr/bin/env python3
"""Independent CLDR oracle for tests/dates_cldr.rs: Python Babel's format_interval.

Reads a JSON list of cases from stdin, each {"locale", "skeleton", "start", "end"}
(BCP 47 locale; ISO date-times `2021-05-17T13:00`), or {"locale", "skeleton", "start",
"single": true} for one date (format_skeleton), and writes a JSON object: the CLDR
version Babel carries and one formatted string per case (or null for a locale Babel
does not know). Babel formats dates with Western digits whatever the locale, so the
Rust side asks hexaglot for `-u-nu-latn` when it compares with Babel.
"""

import json
import sys
from datetime import datetime

import babel
from babel import Locale, UnknownLocaleError
from babel.core import get_cldr_version
from babel.dates import format_interval, format_skeleton


def babel_locale(tag):
    tag = tag.split("-u-")[0]
    try:
        return Locale.parse(tag, sep="-")
    except (UnknownLocaleError, ValueError):
        return None


def main():
    cases = json.load(sys.stdin)
    out = []
    for case in cases:
        locale = babel_locale(case["locale"])
        if locale is None:
            out.append(None)
            continue
        start = datetime.fromisoformat(case["start"])
        if case.get("single"):
            out.append(format_skeleton(case["skeleton"], start, locale=locale))
            continue
        end = datetime.fromisoformat(case["end"])
        out.append(format_interval(start, end, case["skeleton"], locale=locale))
    json.dump(
        {"cldr": get_cldr_version(), "babel": babel.__version__, "results": out},
        sys.stdout,
        ensure_ascii=False,
    )


if __name__ == "__main__":
    main()
