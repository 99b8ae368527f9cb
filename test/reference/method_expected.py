"""The worked examples of docs/metode.md and docs/method.md, computed again in plain Python with
fractions from docs/eksempel/besvarelser.csv and the rules as the docs state them (no shared code
with the tool). Run from the repository root: python3 test/reference/method_expected.py (prints JSON)."""
import csv, json, math, statistics
from fractions import Fraction as F

MIN, MAX, MIN_ANSWERED = 1, 5, F(1, 2)
ELEMENTS = {"retning": ["r1", "r2", "r3"], "opfoelgning": ["f1", "f2"], "data": ["d1", "d2"]}
AREAS = {"faglig-ledelse": ["retning", "opfoelgning"], "ledelsesinformation": ["data"]}
REVERSE = {"r3"}
rows = list(csv.DictReader(open("docs/eksempel/besvarelser.csv", encoding="utf-8")))

def need(k):
    return max(1, math.ceil(MIN_ANSWERED * k))

def item_score(item, raw):
    if raw in ("", "ved_ikke"):
        return None
    v = int(raw)
    if item in REVERSE:
        v = MIN + MAX - v
    return F(v - MIN, MAX - MIN) * 100

def mean_if(values, k):
    got = [v for v in values if v is not None]
    return sum(got) / len(got) if len(got) >= need(k) else None

def scores(r):
    e = {el: mean_if([item_score(i, r[i]) for i in items], len(items)) for el, items in ELEMENTS.items()}
    a = {ar: mean_if([e[el] for el in els], len(els)) for ar, els in AREAS.items()}
    return {**e, **a, "total": mean_if(list(e.values()), len(e))}

def r2(x):
    # two decimals, halves away from zero, on the exact fraction
    q = abs(x) * 100
    n = int(q) + (1 if q - int(q) >= F(1, 2) else 0)
    return math.copysign(n / 100, x) if x != 0 else 0.0

out = {"t01": {k: r2(v) for k, v in scores(rows[0]).items()}}
for level in ("chef", "teamleder"):
    t = [scores(r)["total"] for r in rows if r["level"] == level]
    t = [x for x in t if x is not None]
    m = sum(t) / len(t)
    sd = math.sqrt(sum((x - m) ** 2 for x in t) / (len(t) - 1))
    out[f"total_{level}"] = {"n": len(t), "mean": r2(m), "sd": round(sd, 2), "median": r2(F(statistics.median(t))), "min": r2(min(t)), "max": r2(max(t))}
chef_r3 = [int(r["r3"]) for r in rows if r["level"] == "chef" and r["r3"] not in ("", "ved_ikke")]
m = F(sum(chef_r3), len(chef_r3))
out["r3_chef"] = {"n": len(chef_r3), "mean": r2(m), "sd": round(math.sqrt(sum((v - m) ** 2 for v in chef_r3) / (len(chef_r3) - 1)), 2),
                  "top2": r2(F(sum(1 for v in chef_r3 if v >= MAX - 1), len(chef_r3))), "score": r2((F(MIN + MAX) - m - MIN) / (MAX - MIN) * 100)}
complete = [[int(r[i]) if i not in REVERSE else MIN + MAX - int(r[i]) for i in ELEMENTS["retning"]] for r in rows
            if r["level"] == "chef" and all(r[i] not in ("", "ved_ikke") for i in ELEMENTS["retning"])]
def var(xs):
    mm = F(sum(xs), len(xs))
    return sum((x - mm) ** 2 for x in xs) / (len(xs) - 1)
k = 3
alpha = F(k, k - 1) * (1 - sum(var([c[j] for c in complete]) for j in range(k)) / var([sum(c) for c in complete]))
out["alpha_retning_chef"] = {"n": len(complete), "alpha": round(float(alpha), 4)}
print(json.dumps(out, indent=1))
