"""Times the Python package against the command line's CSV read by pandas (bench/python.sh)."""
import io
import statistics
import subprocess
import sys
import time

import pandas as pd

import diplograph

exe, index, name = sys.argv[1:4]


def timed(f, runs):
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = f()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times), max(times), result


start = time.perf_counter()
g = diplograph.open(index)
print("open(index): %.1f ms" % (1000 * (time.perf_counter() - start)))

def cli_csv():
    out = subprocess.run([exe, "query", "dyads", "--by", "month", "--level", "state", "--format", "csv", index],
                         capture_output=True, check=True).stdout
    return pd.read_csv(io.BytesIO(out), keep_default_na=False, na_values=[""])


med, lo, hi, frame = timed(lambda: g.dyads(by="month", level="state"), 5)
print("g.dyads(by='month', level='state'): %d rows x %d columns, median %.2f s (%.2f-%.2f) of 5; "
      "period %s, events %s" % (len(frame), frame.shape[1], med, lo, hi, frame["period"].dtype, frame["events"].dtype))
med2, lo2, hi2, read = timed(cli_csv, 3)
print("diplograph query dyads ... --format csv | pandas.read_csv: %d rows, median %.2f s (%.2f-%.2f) of 3; "
      "period %s (text)" % (len(read), med2, lo2, hi2, read["period"].dtype))
assert len(read) == len(frame)
assert (read["events"].to_numpy() == frame["events"].to_numpy()).all()
med3, lo3, hi3, met = timed(lambda: g.met(actor=name), 50)
print("g.met(actor=%r): %d rows, median %.2f ms (%.2f-%.2f) of 50" % (name, len(met), 1000 * med3, 1000 * lo3, 1000 * hi3))
