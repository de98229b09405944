"""Bad input, bad questions and an impatient user, as the package meets them: the command line's
messages as exceptions carrying their facts, nothing half written, Ctrl-C at once."""
import os
import random
import shutil
import signal
import threading
import zipfile

import pandas as pd
import pytest

import diplograph
from conftest import DATA, ROOT, run


def test_a_bad_graph_names_its_file_and_line(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix dg: <https://w3id.org/diplograph/ontology#> .\n"
                   "<https://example.org/a> a dg:Meeting .\n"
                   "<https://example.org/b> a dg:Meeting ] .\n"
                   "<https://example.org/c> a dg:Meeting .\n")
    with pytest.raises(diplograph.InputError) as e:
        diplograph.open(bad)
    assert e.value.file == str(bad) and e.value.line == 3
    assert e.value.message.startswith(str(bad) + ":3:")
    assert e.value.diagnostics and e.value.diagnostics[0] == e.value.message
    assert e.value.message == run("query", "met", bad, check=False).stderr.splitlines()[0]


def test_a_bad_record_names_its_line_and_writes_nothing(tmp_path):
    rows = (DATA / "cow" / "Diplomatic_Exchange_2006v1.excerpt.csv").read_text().splitlines()
    rows[6] = rows[6].replace(",", ",x", 1)
    bad = tmp_path / "dipex.csv"
    bad.write_text("\n".join(rows) + "\n")
    out = tmp_path / "out.ttl"
    with pytest.raises(diplograph.InputError) as e:
        diplograph.convert(bad, out)
    assert (e.value.file, e.value.line) == (str(bad), 7)
    assert not out.exists() and os.listdir(tmp_path) == ["dipex.csv"]
    kept = diplograph.convert(bad, out, keep_going=True)
    assert kept["skipped"] == 1 and kept["problems"][0].startswith(str(bad) + ":7")
    assert kept["observations"] > 0 and out.exists()


def test_questions_put_wrongly_say_how_to_put_them(graphs):
    g = diplograph.open(graphs["icews"])
    with pytest.raises(diplograph.OptionError) as e:
        g.met(level="nation")
    assert e.value.option == "level" and e.value.message == 'level takes person or state, not "nation"'
    with pytest.raises(diplograph.OptionError) as e:
        g.relation(between="AFG")
    assert e.value.option == "and_" and "g.relation(between, and_)" in e.value.message
    with pytest.raises(diplograph.OptionError, match="quad_class"):
        g.events(quad_class=5)
    with pytest.raises(diplograph.UnknownName) as e:
        g.met(actor="Xi Jinpeng")
    assert e.value.candidates[0] == ("https://w3id.org/diplograph/id/person/CHN/xi-jinping", "Xi Jinping")
    assert 'g.actors("NAME")' in e.value.message
    with pytest.raises(diplograph.AmbiguousName) as e:
        g.timeline("Kim")
    assert len(e.value.candidates) > 1 and isinstance(e.value, LookupError)
    with pytest.raises(TypeError):
        g.met(actors="Xi Jinping")
    with pytest.raises(diplograph.UsageError):
        diplograph.open()


def test_names_typed_loosely_find_the_actor(graphs):
    g = diplograph.open(graphs["icews"])
    exact = g.met(actor="Xi Jinping")
    for loose in ["xi jinping", "XI JINPING", "Jinping", "https://w3id.org/diplograph/id/person/CHN/xi-jinping"]:
        pd.testing.assert_frame_equal(g.met(actor=loose), exact)


def test_rows_shuffled_or_zipped_give_the_same_frames(tmp_path):
    source = DATA / "icews" / "events.2018.sample.tab"
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    body = lines[1:]
    random.Random(7).shuffle(body)
    shuffled = tmp_path / "shuffled" / source.name
    shuffled.parent.mkdir()
    shuffled.write_text(lines[0] + "".join(body), encoding="utf-8")
    zipped = tmp_path / "zipped.zip"
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(source, source.name)
    frames = []
    for name, inputs in [("plain", source), ("shuffled", shuffled), ("zipped", zipped)]:
        diplograph.convert(inputs, tmp_path / (name + ".ttl"), dataset="icews-2018")
        g = diplograph.open(tmp_path / (name + ".ttl"))
        frames.append((g.dyads(by="month", level="state", codes="cow"),
                       g.events(actor="USA", level="state").drop(columns=["source", "records"])))
    for dyads, events in frames[1:]:
        pd.testing.assert_frame_equal(dyads, frames[0][0])
        pd.testing.assert_frame_equal(events, frames[0][1])


def test_ctrl_c_stops_a_conversion_and_leaves_nothing(tmp_path):
    gdelt = sorted((DATA / "gdelt").glob("*.export.CSV"))
    out = tmp_path / "all.ttl"
    timer = threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            diplograph.convert(gdelt * 400, out)
    finally:
        timer.cancel()
    assert os.listdir(tmp_path) == []
    assert diplograph.convert(gdelt, out)["events"] > 0


def test_threads_share_a_graph(graphs):
    g = diplograph.open(graphs["icews"])
    want = g.dyads(by="month", level="state")
    got = [None] * 4

    def ask(i):
        got[i] = g.dyads(by="month", level="state")

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for frame in got:
        pd.testing.assert_frame_equal(frame, want)


def test_an_index_is_built_appended_and_refused_as_a_graph(graphs, tmp_path):
    index = tmp_path / "all.dgx"
    first = diplograph.index(graphs["icews"], index)
    both = diplograph.index(graphs["gdelt"], index, append=True)
    assert both["events"] > first["events"] > 0
    with pytest.raises(diplograph.UsageError, match=r"is an index, not an input: .* \(append\)$"):
        diplograph.index(index, tmp_path / "again.dgx")
    whole = diplograph.open(graphs["icews"], graphs["gdelt"])
    pd.testing.assert_frame_equal(diplograph.open(index).dyads(by="year", level="state"),
                                  whole.dyads(by="year", level="state"))
    shutil.copy(index, tmp_path / "copy.dgx")


def test_records_are_indexed_as_they_are_read(graphs, tmp_path):
    """Raw ICEWS and GDELT rows into an index (the ICEWS file gzipped), then appended to: the
    index of their Turtle, frame for frame; a bad record raises naming its line and writes
    nothing, and keep_going indexes the rest, reporting it."""
    import gzip
    icews = tmp_path / "events.2018.sample.tab.gz"
    with open(DATA / "icews" / "events.2018.sample.tab", "rb") as src, gzip.open(icews, "wb") as out:
        shutil.copyfileobj(src, out)
    index = tmp_path / "raw.dgx"
    first = diplograph.index(icews, index)
    assert first["records"] > 3000 and first["skipped"] == 0
    diplograph.index(sorted((DATA / "gdelt").glob("*.export.CSV")), index, append=True)
    whole = diplograph.open(graphs["icews"], graphs["gdelt"])
    for ask in (lambda g: g.dyads(by="year", level="state"), lambda g: g.events()):
        pd.testing.assert_frame_equal(ask(diplograph.open(index)), ask(whole))
    lines = (ROOT / "samples" / "meetings.jsonl").read_text().splitlines()
    lines[2] = '{"id": "x", "type": "meeting", "date": "2019-13-40"}'
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(lines) + "\n")
    before = index.read_bytes()
    with pytest.raises(diplograph.InputError) as e:
        diplograph.index(bad, index, append=True)
    assert (e.value.file, e.value.line) == (str(bad), 3)
    assert index.read_bytes() == before
    kept = diplograph.index(bad, tmp_path / "kept.dgx", keep_going=True)
    assert kept["skipped"] == 1 and kept["records"] == len(lines)
    assert any(":3:" in p for p in kept["problems"])
