"""Independent reference for test/cli/versions.test.ts: a response file made with an older version of faglig-ledelse
(1.0, 2.0) must score as it did before the next version. SPEC §4 written out again in plain Python (fractions, no
shared code); P(e, L) and the reverse keys are read from the kept version's YAML with PyYAML.
Run from this folder: python3 v1_expected.py [VERSION] (default 1.0; prints the expected score CSV rows for
../fixtures/responses/faglig-ledelse-VERSION.csv scored with ../../questionnaires/versions/faglig-ledelse-VERSION.yaml)."""
import csv, math, sys
from decimal import Decimal, ROUND_HALF_UP
from fractions import Fraction as F
import yaml

VERSION = sys.argv[1] if len(sys.argv) > 1 else "1.0"
q = yaml.safe_load(open(f"../../questionnaires/versions/faglig-ledelse-{VERSION}.yaml", encoding="utf-8"))
assert q["version"] == VERSION
ALL = [l["id"] for l in q["levels"]]
ELEMENTS = [(a["id"], e) for a in q["areas"] for e in a["elements"]]

def r2(x):
    x = F(x)
    v = (Decimal(x.numerator) / Decimal(x.denominator)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return format(v.normalize(), "f")

def need(n):
    return max(1, math.ceil(F(1, 2) * n))

def score(row):
    level = row["level"]
    el = {}
    for _, e in ELEMENTS:
        items = [i for i in e["items"] if level in i.get("levels", ALL)]
        vals = []
        for i in items:
            v = row.get(i["id"], "")
            if v in ("", "ved_ikke"):
                continue
            v = int(v)
            if i.get("reverse"):
                v = 6 - v
            vals.append(F(v - 1, 4) * 100)
        el[e["id"]] = (sum(vals) / len(vals) if len(vals) >= need(len(items)) else None) if items else None
        el[e["id"] + "#applies"] = bool(items)
    def combine(ids):
        applying = [i for i in ids if el[i + "#applies"]]
        got = [el[i] for i in applying if el[i] is not None]
        return sum(got) / len(got) if got and len(got) >= need(len(applying)) else None
    out = {e["id"]: el[e["id"]] for _, e in ELEMENTS}
    for a in q["areas"]:
        out[a["id"]] = combine([e["id"] for e in a["elements"]])
    out["total"] = combine([e["id"] for _, e in ELEMENTS])
    return out

dims = [e["id"] for _, e in ELEMENTS] + [a["id"] for a in q["areas"]] + ["total"]
print(",".join(["respondent_id", "level", "group"] + dims))
for r in csv.DictReader(open(f"../fixtures/responses/faglig-ledelse-{VERSION}.csv", encoding="utf-8")):
    s = score(r)
    print(",".join([r["respondent_id"], r["level"], r["group"]] + ["" if s[d] is None else r2(s[d]) for d in dims]))
