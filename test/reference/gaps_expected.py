"""Independent reference for test/cli/gaps.test.ts: SPEC §4 (scoring, rules 1-2, rule 6) and §5 (gaps)
written out again in plain Python with fractions, for test/fixtures/responses/mirror.csv and
test/fixtures/questionnaires/valid/mirror.yaml. Run: python3 gaps_expected.py [threshold]"""
import csv, math, sys
from decimal import Decimal, ROUND_HALF_UP
from fractions import Fraction as F

K = 3
THRESHOLD = F(sys.argv[1]) if len(sys.argv) > 1 else F(20)
LEVELS = ["chef", "afdelingsleder", "teamleder"]          # leaders, in questionnaire order
MIRROR = {"medarbejder": "teamleder"}                       # mirror level -> the level it rates
ITEMS = {  # id: (element, levels, reverse, mirror_of)
    "t1": ("e1", {"chef", "afdelingsleder", "teamleder"}, False, None),
    "t2": ("e1", {"afdelingsleder", "teamleder"}, False, None),
    "m1": ("e1", {"medarbejder"}, False, "t2"),
    "t3": ("e2", {"chef", "afdelingsleder", "teamleder"}, True, None),
    "t4": ("e2", {"teamleder"}, False, None),
    "m2": ("e2", {"medarbejder"}, False, "t4"),
}
ELEMENTS = ["e1", "e2"]

def r2(x):
    x = F(x)
    d = (Decimal(x.numerator) / Decimal(x.denominator)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return format(d, "f").rstrip("0").rstrip(".") if "." in format(d, "f") else format(d, "f")

def s(item, v):
    v = int(v)
    if ITEMS[item][2]:
        v = 6 - v
    return F(v - 1, 4) * 100

def element_score(row, e):
    items = [i for i, (el, lv, _, _) in ITEMS.items() if el == e and row["level"] in lv]
    if row["level"] == "Ledelse":  # a merged group's respondents keep the items of their own level
        items = [i for i in items if row[i] != "" or i in ("t1", "t3")]
    vals = [s(i, row[i]) for i in items if row[i] not in ("", "ved_ikke")]
    return sum(vals) / len(vals) if items and len(vals) >= max(1, math.ceil(F(1, 2) * len(items))) else None

def hide(sizes):
    """Rule 1 and rule 2 for one column beside its total; sizes: {group: n}. Returns hidden groups."""
    hidden = {g for g, n in sizes.items() if n < K}
    while True:
        h = [g for g in hidden if sizes[g] > 0]
        if not h or sum(sizes[g] for g in h) >= K:
            return hidden
        shown = sorted((n, g) for g, n in sizes.items() if g not in hidden and n > 0)
        if not shown:
            return hidden
        hidden.add(shown[0][1])

rows = list(csv.DictReader(open("../fixtures/responses/mirror.csv", encoding="utf-8")))
if len(sys.argv) > 2 and sys.argv[2] == "merge":  # --merge-levels chef+afdelingsleder=Ledelse
    for r in rows:
        if r["level"] in ("chef", "afdelingsleder"):
            r["level"] = "Ledelse"
    LEVELS = ["Ledelse", "teamleder"]
    ITEMS = {i: (e, {"Ledelse" if l in ("chef", "afdelingsleder") else l for l in lv}, rev, m) for i, (e, lv, rev, m) in ITEMS.items()}
out = []

def pairs(population, dim, kind, cells):
    # cells: list of (group, n, mean or None, hidden) for groups with n > 0, in level order
    for i in range(len(cells)):
        for j in range(i + 1, len(cells)):
            a, b = cells[i], cells[j]
            sup = a[3] or b[3]
            diff = None if sup else a[2] - b[2]
            flagged = diff is not None and abs(diff) >= THRESHOLD
            out.append([population, dim, kind, a[0], b[0], a[1], b[1],
                        "" if sup else r2(a[2]), "" if sup else r2(b[2]), "" if sup else r2(diff),
                        str(flagged).lower(), str(sup).lower(), ""])

for e in ELEMENTS:
    vals = {lv: [element_score(r, e) for r in rows if r["level"] == lv] for lv in LEVELS}
    vals = {lv: [v for v in vs if v is not None] for lv, vs in vals.items()}
    hidden = hide({lv: len(v) for lv, v in vals.items()})
    pairs("ledere", e, "element", [(lv, len(v), sum(v) / len(v) if v else None, lv in hidden) for lv, v in vals.items() if v])

item_cells = {}
for item, (_, levels, _, _) in ITEMS.items():
    pops = [("ledere", [lv for lv in LEVELS if lv in levels])] + [(m, [m]) for m in MIRROR if m in levels]
    for pop, lvs in pops:
        if not lvs:
            continue
        valid = {lv: [s(item, r[item]) for r in rows if r["level"] == lv and r[item] not in ("", "ved_ikke")] for lv in lvs}
        answered = {lv: sum(1 for r in rows if r["level"] == lv and r[item] != "") for lv in lvs}
        hidden = hide({lv: len(v) for lv, v in valid.items()}) | hide(answered)
        cells = [(lv, len(v), sum(v) / len(v) if v else None, lv in hidden) for lv, v in valid.items() if len(v) > 0]
        for c in cells:
            item_cells[(item, c[0])] = c
        pairs(pop, item, "item", cells)

for m, rated in MIRROR.items():
    for item, (_, levels, _, mirror_of) in ITEMS.items():
        if mirror_of and m in levels and (mirror_of, rated) in item_cells and (item, m) in item_cells:
            a, b = item_cells[(mirror_of, rated)], item_cells[(item, m)]
            sup = a[3] or b[3]
            diff = None if sup else a[2] - b[2]
            out.append([m, mirror_of, "mirror", a[0], b[0], a[1], b[1], "" if sup else r2(a[2]), "" if sup else r2(b[2]),
                        "" if sup else r2(diff), str(diff is not None and abs(diff) >= THRESHOLD).lower(), str(sup).lower(), item])

for line in out:
    print(",".join(str(x) for x in line))
