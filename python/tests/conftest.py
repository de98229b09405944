"""Fixtures: the command line, the shared real data, and the samples converted once."""
import glob
import os
import pathlib
import subprocess

import pytest

import diplograph

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = pathlib.Path(os.environ.get("DIPLOGRAPH_DATA", ROOT.parent / "shared" / "data"))
EXE = os.environ.get("DIPLOGRAPH_EXE", str(ROOT / "build" / "rel" / "diplograph"))


def run(*args, check=True):
    """The command line's stdout; its stderr on failure."""
    r = subprocess.run([EXE, *map(str, args)], capture_output=True, text=True)
    if check and r.returncode != 0:
        raise AssertionError("diplograph %s: exit %d\n%s" % (" ".join(map(str, args)), r.returncode, r.stderr))
    return r


@pytest.fixture(scope="session")
def graphs(tmp_path_factory):
    """The samples, ICEWS, GDELT and COW data converted by the package, each to its own Turtle."""
    out = tmp_path_factory.mktemp("graphs")
    inputs = {
        "samples": sorted(glob.glob(str(ROOT / "samples" / "*.jsonl")) + glob.glob(str(ROOT / "samples" / "*.csv"))),
        "icews": [DATA / "icews" / "events.2018.sample.tab"],
        "gdelt": sorted((DATA / "gdelt").glob("*.export.CSV")),
        "cow": [DATA / "cow" / "Diplomatic_Exchange_2006v1.excerpt.csv"],
    }
    made = {}
    for name, files in inputs.items():
        made[name] = out / (name + ".ttl")
        diplograph.convert(files, made[name])
    return made
