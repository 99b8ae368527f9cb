"""The peers for npm run bench: the same computation as `ledelsestjek score --by level` (SPEC §4: reverse
keys, item scores 0-100, element/area/total means with min_answered, then the mean per level), in
pandas, polars or DuckDB. Usage: peers.py TOOL export.csv spec.json. Prints JSON: timings and the means."""
import json, math, sys, time

tool, path, spec_path = sys.argv[1], sys.argv[2], sys.argv[3]
t0 = time.perf_counter()
spec = json.load(open(spec_path))
lo, hi, frac = spec["min"], spec["max"], spec["min_answered"]
need = lambda n: max(1, math.ceil(frac * n - 1e-9))
out = {}

if tool == "polars":
    import polars as pl
    t1 = time.perf_counter()
    df = pl.read_csv(path, null_values=["", "ved_ikke"], schema_overrides={c: pl.Float64 for c in spec["items"]}, infer_schema_length=10000)
    t2 = time.perf_counter()
    def rule(cols, k):
        n = pl.sum_horizontal([c.is_not_null().cast(pl.Int32) for c in cols])
        return pl.when(n >= need(k)).then(pl.mean_horizontal(cols)).otherwise(None)
    for level, plan in spec["levels"].items():
        sub = df.filter(pl.col("level") == level)
        elements = []
        for element, m in plan["elements"].items():
            cols = [((lo + hi - pl.col(c)) if c in m["reverse"] else pl.col(c)) for c in m["items"]]
            elements.append(rule([(c - lo) / (hi - lo) * 100 for c in cols], len(cols)).alias(element))
        frame = sub.select(elements)
        frame = frame.with_columns([rule([pl.col(e) for e in es], len(es)).alias(a) for a, es in plan["areas"].items()]
                                   + [rule([pl.col(e) for e in plan["total"]], len(plan["total"])).alias("total")])
        out[level] = {k: v[0] for k, v in frame.mean().to_dict(as_series=False).items()}
elif tool == "duckdb":
    import duckdb
    t1 = time.perf_counter()
    con = duckdb.connect()
    types = ", ".join(f"'{c}': 'DOUBLE'" for c in spec["items"])
    con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{path}', header = true, nullstr = ['', 'ved_ikke'], types = {{{types}}})")
    t2 = time.perf_counter()
    q = lambda name: '"' + name.replace('"', '""') + '"'
    def rule(exprs, k):
        n = " + ".join(f"(({e}) IS NOT NULL)::INT" for e in exprs)
        s = " + ".join(f"coalesce({e}, 0)" for e in exprs)
        return f"CASE WHEN ({n}) >= {need(k)} THEN ({s}) / ({n}) END"
    for level, plan in spec["levels"].items():
        elements = []
        for element, m in plan["elements"].items():
            cols = [(f"({lo + hi} - {q(c)})" if c in m["reverse"] else q(c)) for c in m["items"]]
            elements.append(f"{rule([f'(({c}) - {lo}) / {hi - lo} * 100' for c in cols], len(cols))} AS {q(element)}")
        inner = f"SELECT {', '.join(elements)} FROM t WHERE level = '{level}'"
        parts = [f"{rule([q(e) for e in es], len(es))} AS {q(a)}" for a, es in plan["areas"].items()]
        parts.append(f"{rule([q(e) for e in plan['total']], len(plan['total']))} AS total")
        middle = f"SELECT *, {', '.join(parts)} FROM ({inner})"
        names = list(plan["elements"]) + list(plan["areas"]) + ["total"]
        row = con.execute(f"SELECT {', '.join(f'avg({q(n)})' for n in names)} FROM ({middle})").fetchone()
        out[level] = dict(zip(names, row))
else:
    raise SystemExit(f"unknown tool {tool}")
t3 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "read_s": t2 - t1, "compute_s": t3 - t2, "means": out}))
