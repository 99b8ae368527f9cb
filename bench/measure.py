"""Runs a command once and prints its wall time and peak resident memory (of the child) as JSON."""
import json, resource, subprocess, sys, time
t = time.perf_counter()
p = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
wall = time.perf_counter() - t
print(json.dumps({"code": p.returncode, "wall_s": wall, "max_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                  "stdout": p.stdout.decode("utf-8", "replace")[-200000:], "stderr": p.stderr.decode("utf-8", "replace")[-2000:]}))
