"""The baseline for npm run bench: the same computation as `ledelsestjek score --by level`, in pandas.
Reads the export with read_csv (C engine), scores each respondent's elements, areas and total by
SPEC §4 (reverse keys, min_answered), and averages per level. Prints JSON: timings and the means."""
import json, math, sys, time

t0 = time.perf_counter()
import pandas as pd
import numpy as np

spec = json.load(open(sys.argv[2]))
t1 = time.perf_counter()
df = pd.read_csv(sys.argv[1], na_values=["", "ved_ikke"], keep_default_na=False, low_memory=False,
                 dtype={c: "float64" for c in spec["items"]})
t2 = time.perf_counter()
lo, hi, frac = spec["min"], spec["max"], spec["min_answered"]
need = lambda n: max(1, math.ceil(frac * n - 1e-9))
out = {}
for level, plan in spec["levels"].items():
    sub = df[df["level"] == level]
    scores = {}
    for element, members in plan["elements"].items():
        vals = sub[members["items"]].copy()
        for col in members["reverse"]:
            vals[col] = lo + hi - vals[col]
        s = (vals - lo) / (hi - lo) * 100
        mean = s.mean(axis=1)
        mean[s.notna().sum(axis=1) < need(len(members["items"]))] = np.nan
        scores[element] = mean
    frame = pd.DataFrame(scores)
    def combine(cols):
        part = frame[cols]
        m = part.mean(axis=1)
        m[part.notna().sum(axis=1) < need(len(cols))] = np.nan
        return m
    for area, cols in plan["areas"].items():
        frame[area] = combine(cols)
    frame["total"] = combine(plan["total"])
    out[level] = {k: (None if pd.isna(v) else float(v)) for k, v in frame.mean().items()}
t3 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "read_s": t2 - t1, "compute_s": t3 - t2, "rows": len(df), "means": out}))
