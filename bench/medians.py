#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Tagarela authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The bookkeeping shared by compare.sh and scaling.sh.

medians.py record REPORT COLUMN NAME PRESET RUN LOAD
    prints tagarela-bench's JSON REPORT as one line with COLUMN=NAME, preset, run and load.
medians.py table RESULTS RUNS COLUMN NOTE [options] NAME=LABEL...
    prints a Markdown table of medians of the recorded runs, one column per NAME (in that
    order, those with runs), one row per figure of each preset, and the losses.
    --ref NAME=WORD   each figure also as a ratio to NAME's (WORD after the ratio; may be empty)
    --cpu-label TEXT  the CPU row's name (default "server CPU")
    --memory          also peak RSS and RSS per connection for w3 and w3x
    NOTE goes between "Medians of N run(s) per cell; " and the load averages.
"""
import json
import statistics
import sys


def record(report, column, name, preset, run, load):
    r = json.loads(report)
    r.update({column: name, "preset": preset, "run": int(run), "load": float(load)})
    print(json.dumps(r, sort_keys=True))


def table(path, runs, column, note, args):
    refs, labels, cpu_label, memory = [], {}, "server CPU", False
    names = []
    i = 0
    while i < len(args):
        if args[i] == "--ref":
            ref, _, word = args[i + 1].partition("=")
            refs.append((ref, word))
            i += 2
        elif args[i] == "--cpu-label":
            cpu_label = args[i + 1]
            i += 2
        elif args[i] == "--memory":
            memory = True
            i += 1
        else:
            name, _, label = args[i].partition("=")
            names.append(name)
            labels[name] = label
            i += 1
    rows = [json.loads(line) for line in open(path)]
    presets = list(dict.fromkeys(r["preset"] for r in rows))
    figures = {
        "deliveries_per_s": ("deliveries/s", lambda v: "%.2f M" % (v / 1e6)),
        "latency_ms_p50": ("p50", lambda v: "%.2f ms" % v),
        "latency_ms_p99": ("p99", lambda v: "%.2f ms" % v),
        "connect_join_s": ("all joined after", lambda v: "%.2f s" % v),
        "server_cpu_percent": (cpu_label, lambda v: "%.1f %%" % v),
        "server_vmhwm_kb": ("peak RSS", lambda v: "%.1f MB" % (v / 1024)),
        "server_rss_per_connection_bytes": ("RSS per connection",
                                            lambda v: "%.1f KB" % (v / 1000)),
    }
    many = ["latency_ms_p99", "connect_join_s"]
    if memory:
        many += ["server_vmhwm_kb", "server_rss_per_connection_bytes"]
    shown = {
        "w1": ["deliveries_per_s", "latency_ms_p99", "server_cpu_percent"],
        "w2": ["latency_ms_p50", "latency_ms_p99", "server_cpu_percent"],
        "w3": many,
        "w3x": many,
        "w4": ["server_cpu_percent", "latency_ms_p50", "latency_ms_p99"],
    }

    def median(preset, name, key):
        values = [r[key] for r in rows
                  if r["preset"] == preset and r[column] == name and key in r]
        return statistics.median(values) if values else None

    present = [n for n in names if any(r[column] == n for r in rows)]
    print("| workload | figure | " + " | ".join(labels[n] for n in present) + " |")
    print("|---|---|" + "---|" * len(present))
    for preset in presets:
        for key in shown.get(preset, ["deliveries_per_s", "latency_ms_p99", "server_cpu_percent"]):
            label, fmt = figures[key]
            cells = []
            for n in present:
                v = median(preset, n, key)
                if v is None:
                    cells.append("-")
                    continue
                ratios = []
                for ref, word in refs:
                    r = median(preset, ref, key)
                    if ref != n and r:
                        ratios.append("%.2fx" % (v / r) + (" " + word if word else ""))
                cells.append(fmt(v) + (" (" + ", ".join(ratios) + ")" if ratios else ""))
            print("| %s | %s | %s |" % (preset, label, " | ".join(cells)))
        cells = []
        for n in present:
            mine = [r for r in rows if r["preset"] == preset and r[column] == n]
            bad = sum(r["lost"] + r["duplicated"] + r["corrupt"] + r["out_of_order"] for r in mine)
            incomplete = sum(1 for r in mine if not r["complete"])
            cells.append("0" if bad == 0 and incomplete == 0 else
                         "**%d**%s" % (bad, " (%d runs incomplete)" % incomplete
                                       if incomplete else ""))
        print("| %s | lost+dup+corrupt+reordered | %s |" % (preset, " | ".join(cells)))
    loads = [r["load"] for r in rows]
    print()
    print("Medians of %d run(s) per cell; %sLoad average at the start of each run: %.1f-%.1f."
          % (runs, note, min(loads), max(loads)))


if __name__ == "__main__":
    if len(sys.argv) == 8 and sys.argv[1] == "record":
        record(*sys.argv[2:])
    elif len(sys.argv) >= 6 and sys.argv[1] == "table":
        table(sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6:])
    else:
        sys.exit(__doc__)
