"""Independent reference for test/cli/score.test.ts: SPEC §4 written out again in plain Python
(fractions, no shared code) for test/fixtures/responses/mini-utf8.csv. Run: python3 mini_expected.py"""
import csv, math, statistics
from decimal import Decimal, ROUND_HALF_UP
from fractions import Fraction as F

def r2(x):
    """Two decimals, halves away from zero (the rule the tool documents)."""
    x = F(x)
    return float((Decimal(x.numerator) / Decimal(x.denominator)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))

LEVEL_ITEMS = {  # P(e, L) from test/fixtures/questionnaires/valid/mini.yaml
    "leder": {"e1": ["i1", "i2", "i3"], "e2": ["i4"], "e3": ["i6", "i7", "i8"]},
    "medarbejder": {"e1": ["i1", "i2", "i3"], "e2": ["i5"], "e3": ["i6"]},
}
AREAS = {"a1": ["e1", "e2"], "a2": ["e3"]}
REVERSED = {"i3"}

def need(n):
    return max(1, math.ceil(F(1, 2) * n))

def score(row):
    level = row["level"]
    el = {}
    for e, items in LEVEL_ITEMS[level].items():
        vals = []
        for i in items:
            v = row[i]
            if v in ("", "ved_ikke"):
                continue
            v = int(v)
            if i in REVERSED:
                v = 6 - v
            vals.append(F(v - 1, 4) * 100)
        el[e] = sum(vals) / len(vals) if len(vals) >= need(len(items)) else None
    def combine(es):
        got = [el[e] for e in es if el[e] is not None]
        return sum(got) / len(got) if len(got) >= need(len(es)) else None
    out = dict(el)
    for a, es in AREAS.items():
        out[a] = combine(es)
    out["total"] = combine(["e1", "e2", "e3"])
    return out

rows = list(csv.DictReader(open("../fixtures/responses/mini-utf8.csv", encoding="utf-8")))
dims = ["e1", "e2", "e3", "a1", "a2", "total"]
for r in rows:
    s = score(r)
    print(r["respondent_id"], r["level"], [None if s[d] is None else r2(s[d]) for d in dims])
for level in ["leder", "medarbejder"]:
    for d in dims:
        vals = [score(r)[d] for r in rows if r["level"] == level and score(r)[d] is not None]
        n = len(vals)
        if n < 3:
            print(level, d, n, "suppressed")
        else:
            sd = statistics.stdev([float(v) for v in vals])
            print(level, d, n, r2(statistics.mean(vals)), r2(sd), r2(statistics.median(vals)), r2(min(vals)), r2(max(vals)))

# The total rows of `score --by level` (SPEC §4: every breakdown with its total), and which level
# cells the complement rule hides: a hidden cell with respondents, together under k = 3, takes
# the smallest shown cell with it.
K = 3
for d in dims:
    vals = [score(r)[d] for r in rows if score(r)[d] is not None]
    sizes = {lv: sum(1 for r in rows if r["level"] == lv and score(r)[d] is not None) for lv in ["leder", "medarbejder"]}
    hidden = {lv for lv, n in sizes.items() if n < K}
    while hidden and sum(sizes[lv] for lv in hidden) < K:
        shown = sorted((n, lv) for lv, n in sizes.items() if lv not in hidden and n > 0)
        if not shown:
            break
        hidden.add(shown[0][1])
    sd = statistics.stdev([float(v) for v in vals])
    print("total", d, len(vals), r2(statistics.mean(vals)), r2(sd), r2(statistics.median(vals)), r2(min(vals)), r2(max(vals)), "hidden:", sorted(hidden))
