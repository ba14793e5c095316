#!/usr/bin/env python3
"""Prints the benchmarks' figures beside their goals (issue 14.6).

Reads the JSON lines the benchmarks of tests/bench print (one file, as scripts/bench.sh collects
them; other lines are ignored) and prints one table: what, the goal, the figure measured, and
whether it is met. A figure whose benchmark did not run or did not print it is shown as
"missing", never left out. Usage: scripts/bench-table.py LOG [--markdown]
"""

import json
import sys


def lines_of(path):
    records = []
    with open(path, encoding="utf-8", errors="replace") as log:
        for line in log:
            line = line.strip()
            if not line.startswith("{"):
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError:
                continue
    return records


def find(records, bench, **match):
    """The last record of `bench` whose fields equal `match`."""
    for record in reversed(records):
        if record.get("bench") == bench and all(record.get(k) == v for k, v in match.items()):
            return record
    return None


def value(records, bench, path, **match):
    record = find(records, bench, **match)
    for key in path.split("."):
        if not isinstance(record, dict) or key not in record:
            return None
        record = record[key]
    return record


# (what, bench, field path, match, unit, goal comparator, goal value)
ROWS = [
    ("SSE parse + decode + assemble, 100 MB aiprompt stream (fastest of 3 runs)", "sse", "mb_per_s",
     {"impl": "cpp"}, "MB/s", ">=", 1000),
    ("the same, first run (pays this VM's first touch of the file's pages)", "sse", "mb_per_s",
     {"impl": "cpp_first"}, "MB/s", None, None),
    ("the same file, npm eventsource-parser + JSON.parse (fastest of 3)", "sse", "mb_per_s",
     {"impl": "js"}, "MB/s", None, None),
    ("the same, first run (JS)", "sse", "mb_per_s", {"impl": "js_first"}, "MB/s", None, None),
    ("SSE ratio C++ / JS (same run)", "sse", "ratio", {"impl": "ratio"}, "x", ">=", 5),
    ("latency socket write -> TranscriptModel::dataChanged, p50", "latency_socket_to_datachanged", "p50_ms",
     {}, "ms", None, None),
    ("latency socket write -> TranscriptModel::dataChanged, p99", "latency_socket_to_datachanged", "p99_ms",
     {}, "ms", "<", 2),
    ("main window receiving 1 MB of deltas: longest stall", "stream_into_window",
     "longest_stall_ms", {}, "ms", "<=", 8),
    ("main window receiving 1 MB of deltas: whole answer", "stream_into_window", "seconds",
     {}, "s", None, None),
    ("10,000-message conversation scrolled end to end: longest stall", "scroll_end_to_end",
     "longest_stall_ms", {}, "ms", "<=", 8),
    ("10,000-message conversation scrolled: time per frame, p99", "scroll_end_to_end",
     "frame_p99_ms", {}, "ms", "<=", 8),
    ("first paint of a 10,000-message conversation (first open)", "first_paint", "first_ms",
     {}, "ms", "<", 5),
    ("first paint of a 10,000-message conversation (median)", "first_paint", "median_ms",
     {}, "ms", "<", 5),
    ("cold start, 1M messages: window shown (median of 5)", "coldstart", "shown_ms_median",
     {"reopen": False}, "ms", "<", 150),
    ("cold start, 1M messages: peak RSS (median of 5)", "coldstart", "vmhwm_mb_median",
     {"reopen": False}, "MB", "<", 60),
    ("cold start reopening the last conversation: window shown", "coldstart",
     "shown_ms_median", {"reopen": True}, "ms", "<", 150),
    ("cold start reopening the last conversation: peak RSS", "coldstart", "vmhwm_mb_median",
     {"reopen": True}, "MB", "<", 60),
    ("full-text search over 1M messages, 10 query shapes, p95", "store_search", "p95_ms",
     {}, "ms", "<", 10),
    ("sync from a loopback server", "sync", "messages_per_s", {}, "messages/s", ">=", 50000),
    ("sync: longest event-loop stall", "sync", "longest_stall_ms", {}, "ms", "<=", 8),
    ("line-chart item + 100k rows -> chart ready (median)", "chart", "ready_ms",
     {}, "ms", "<", 50),
    ("analyst: monthly revenue by region, 1M rows, p95", "analyst",
     "monthly_by_region.p95_ms", {}, "ms", "<", 100),
    ("analyst: top 5 products by revenue in 2023, p95", "analyst",
     "top5_products_2023.p95_ms", {}, "ms", "<", 100),
    ("analyst: revenue for Laptop in EMEA in Q1 2023, p95", "analyst",
     "laptop_emea_q1_2023.p95_ms", {}, "ms", "<", 100),
    ("4 MB message: window built and shown first, longest stall",
     "window_shown_before_huge_conversation", "longest_stall_ms", {}, "ms", None, None),
    ("4 MB message: open the conversation, longest stall", "open_conversation_with_huge_last_message",
     "longest_stall_ms", {}, "ms", "<=", 8),
    ("4 MB message: paste into the composer, longest stall", "paste_into_composer",
     "longest_stall_ms", {}, "ms", "<=", 8),
    ("4 MB message: send, longest stall", "send_from_composer", "longest_stall_ms",
     {}, "ms", "<=", 8),
    ("built-in server, 200 concurrent streaming prompts: completed", "serverload", "completed",
     {}, "streams", ">=", 200),
    ("built-in server, 200 concurrent streams: all done in", "serverload", "seconds",
     {}, "s", None, None),
    ("built-in server, 200 concurrent streams: first event, p99", "serverload",
     "first_event_p99_ms", {}, "ms", None, None),
    ("built-in server, 200 concurrent streams: peak RSS (our bound)", "serverload",
     "server_rss_peak_mb", {}, "MB", "<", 100),
]

COMPARE = {
    ">=": lambda v, g: v >= g,
    "<=": lambda v, g: v <= g,
    "<": lambda v, g: v < g,
}


def figure(number, unit):
    if isinstance(number, float) and number >= 100:
        number = round(number)
    if isinstance(number, float):
        return f"{number:,.2f} {unit}"
    return f"{number:,} {unit}"


def table(records):
    rows = []
    for what, bench, path, match, unit, op, goal in ROWS:
        measured = value(records, bench, path, **match)
        goal_text = f"{op} {goal:,} {unit}" if op else "-"
        if measured is None:
            rows.append((what, goal_text, "missing", "not measured"))
            continue
        verdict = ("met" if COMPARE[op](measured, goal) else "NOT met") if op else ""
        rows.append((what, goal_text, figure(measured, unit), verdict))
    return rows


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    rows = table(lines_of(argv[1]))
    if "--markdown" in argv:
        print("| what | goal | measured | |")
        print("|---|---|---|---|")
        for row in rows:
            print("| " + " | ".join(row) + " |")
        return 0
    width = max(len(row[0]) for row in rows)
    for what, goal, measured, verdict in rows:
        print(f"{what:<{width}}  {goal:>16}  {measured:>18}  {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
