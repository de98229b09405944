"""The questions as data frames: every one a method, typed columns, and the same rows as the
command line's CSV of the same question on the ICEWS, GDELT, COW and sample data."""
import csv
import datetime
import io
import math

import numpy as np
import pandas as pd
import pytest

import diplograph
from conftest import run


def cli_rows(question, graph, args):
    """The command line's answer as CSV: header and rows of text (`actors` is a command of its own)."""
    command = ["actors"] if question == "actors" else ["query", question]
    r = run(*command, *args, "--format", "csv", graph)
    rows = list(csv.reader(io.StringIO(r.stdout)))
    return rows[0], rows[1:]


def cell(value):
    """A frame's value as the command line writes it."""
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, pd.Period):
        return str(value)
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, (float, np.floating)):
        return value
    return str(value)


def same_rows(frame, header, rows):
    assert list(frame.columns) == header
    assert len(frame) == len(rows)
    for i, row in enumerate(rows):
        got = [cell(v) for v in frame.iloc[i].tolist()]
        for column, g, want in zip(header, got, row):
            if isinstance(g, (float, np.floating)):
                assert g == pytest.approx(float(want), abs=5e-5), (i, column)
            else:
                assert g == want, (i, column, g, want)


# (question, keyword arguments, the same as command-line arguments) per data set
CASES = {
    "icews": [
        ("met", {"actor": "Xi Jinping", "since": datetime.date(2018, 3, 1)},
         ["--actor", "Xi Jinping", "--since", "2018-03-01"]),
        ("met", {"level": "state", "count": True}, ["--level", "state", "--count"]),
        ("events", {"actor": "CHN", "with_": "USA", "level": "state", "quad_class": [3, 4]},
         ["--actor", "CHN", "--with", "USA", "--level", "state", "--quad-class", "3", "--quad-class", "4"]),
        ("dyads", {"by": "month", "level": "state", "codes": "cow", "directed": True},
         ["--by", "month", "--level", "state", "--codes", "cow", "--directed"]),
        ("timeline", {"actor": "Xi Jinping", "until": "2018-06"}, ["--actor", "Xi Jinping", "--until", "2018-06"]),
        ("actors", {"q": "erdogan", "limit": 5}, ["erdogan", "--limit", "5"]),
        ("path", {"from_": "Kim Yong-chol", "to": "Wilbur Ross"}, ["--from", "Kim Yong-chol", "--to", "Wilbur Ross"]),
    ],
    "gdelt": [
        ("dyads", {"by": "day", "level": "state", "cameo": "04"}, ["--by", "day", "--level", "state", "--cameo", "04"]),
        ("events", {"goldstein": "5:"}, ["--goldstein", "5:"]),
        ("dyads", {"by": "year", "codes": "gw", "level": "state"}, ["--by", "year", "--codes", "gw", "--level", "state"]),
    ],
    "cow": [
        ("representation", {"between": "AFG", "and_": "PAK", "codes": "cow"},
         ["--between", "AFG", "--and", "PAK", "--codes", "cow"]),
        ("dyads", {"by": "year", "level": "state", "all_known_dyads": True, "since": 1990},
         ["--by", "year", "--level", "state", "--all-known-dyads", "--since", "1990"]),
        ("relation", {"between": "AFG", "and_": "PAK"}, ["--between", "AFG", "--and", "PAK"]),
    ],
    "samples": [
        ("relation", {"between": "AFG", "and_": "PAK", "at": "2025-06-01"},
         ["--between", "AFG", "--and", "PAK", "--at", "2025-06-01"]),
        ("met", {"actor": "Muttaqi"}, ["--actor", "Muttaqi"]),
    ],
}


@pytest.mark.parametrize("data,case", [(d, i) for d in CASES for i in range(len(CASES[d]))])
def test_frames_are_the_command_lines_csv(graphs, data, case):
    question, kwargs, args = CASES[data][case]
    g = diplograph.open(graphs[data])
    header, rows = cli_rows(question, graphs[data], args)
    frame = getattr(g, question)(**kwargs)
    assert len(frame) > 0, (question, kwargs)
    same_rows(frame, header, rows)


def test_every_question_of_the_catalogue_is_a_method_with_its_options():
    for spec in diplograph._diplograph.questions():
        method = getattr(diplograph.Graph, spec["name"])
        names = list(method.__signature__.parameters)[1:]
        assert names == [o["keyword"] for o in spec["options"]]
        assert spec["summary"][1:] in method.__doc__
    assert "with_" in diplograph.Graph.met.__signature__.parameters
    assert "and_" in diplograph.Graph.relation.__signature__.parameters
    assert "max_hops" in diplograph.Graph.path.__signature__.parameters
    assert diplograph.questions() == ["met", "relation", "path", "timeline", "actors", "events", "dyads",
                                      "representation"]


def test_columns_are_typed(graphs):
    g = diplograph.open(graphs["icews"])
    monthly = g.dyads(by="month", level="state", codes="cow")
    assert isinstance(monthly["period"].dtype, pd.PeriodDtype) and monthly["period"].dtype.freq.name == "M"
    assert monthly["events"].dtype == np.int64
    assert monthly["verbal_conflict"].dtype == np.int64
    assert monthly["goldstein_mean"].dtype == np.float64
    assert monthly["actor_code"].dtype == pd.Int64Dtype()
    assert monthly.loc[monthly["actor"].str.endswith("/USA"), "actor_code"].eq(2).all()
    assert g.dyads(by="year", level="state")["period"].dtype.freq.name.startswith("A")
    iso = g.dyads(level="state")
    assert iso["actor_code"].dtype == object and "CHN" in set(iso["actor_code"])
    events = g.events(actor="CHN", level="state")
    assert events["date"].dtype == "datetime64[ns]"
    assert events["quad_class"].dtype == pd.Int64Dtype() and set(events["quad_class"].dropna()) <= {1, 2, 3, 4}
    assert events["goldstein"].dtype == np.float64
    assert events["type"].dtype == "category"
    assert g.actors()["kind"].dtype == "category"
    assert set(g.actors()["kind"].cat.categories) <= {"person", "state", "organization", "group", "region", "actor"}
    counts = g.met(level="state", count=True)
    assert counts["first"].dtype == "datetime64[ns]" and (counts["first"] <= counts["last"]).all()


def test_levels_and_years_from_the_diplomatic_exchange(graphs):
    g = diplograph.open(graphs["cow"])
    panel = g.representation(between="AFG", and_="PAK")
    assert panel["year"].dtype == np.int64 and panel["year"].min() >= 1950
    assert panel["level_at_1"].dtype == "category"
    assert set(panel["level_at_1"].dropna()) <= {"ambassador", "minister", "charge_d_affaires", "none", "represented"}
    coded = g.representation(between="AFG", and_="PAK", codes="cow")
    assert coded["level_at_1"].dtype == pd.Int64Dtype() and set(coded["level_at_1"].dropna()) <= {0, 1, 2, 3, 9}
    assert coded["side1"].dtype == pd.Int64Dtype() and set(coded["side1"]) == {700, 770}
    history = g.relation("AFG", "PAK")
    assert isinstance(history["date"].dtype, pd.PeriodDtype) and history["date"].dtype.freq.name.startswith("A")
    assert history["status"].dtype == "category" and set(history["status"]) == {"observed"}


def test_the_index_answers_as_the_graph_does(graphs, tmp_path):
    diplograph.index(graphs["icews"], tmp_path / "icews.dgx")
    memory, index = diplograph.open(graphs["icews"]), diplograph.open(tmp_path / "icews.dgx")
    for question, kwargs in [("met", {"actor": "Xi Jinping"}), ("dyads", {"by": "month", "level": "state"}),
                             ("events", {"actor": "Putin"}), ("actors", {"q": "erdogan"})]:
        pd.testing.assert_frame_equal(getattr(memory, question)(**kwargs), getattr(index, question)(**kwargs))


def test_options_take_python_values(graphs):
    g = diplograph.open(graphs["icews"])
    as_text = g.met(actor="Xi Jinping", since="2018-03-01", until="2018-06-30", type=["Consultation"])
    as_python = g.met("Xi Jinping", since=datetime.date(2018, 3, 1), until=pd.Timestamp("2018-06-30"),
                      type="Consultation")
    pd.testing.assert_frame_equal(as_text, as_python)
    assert len(as_text) > 0 and (as_text["date"] >= "2018-03-01").all()
    assert len(g.dyads(by="year", level="state", since=2018)) == len(g.dyads(by="year", level="state"))


def test_a_relation_carries_its_pending_changes_interactions_and_topics(graphs):
    history = diplograph.open(graphs["samples"]).relation("AFG", "PAK")
    table = run("query", "relation", "--between", "AFG", "--and", "PAK", graphs["samples"]).stdout
    pending, interactions, topics = (history.attrs[k] for k in ("pending", "interactions", "topics"))
    assert list(pending["level"]) == ["ambassador", "ambassador"] and set(pending["status"]) == {"proposed"}
    assert list(pending.columns) == list(history.columns)
    assert interactions["events"].dtype == np.int64 and interactions["first"].dtype.freq.name == "M"
    assert len(topics) > 0 and topics["events"].dtype == np.int64
    for topic in topics["topic"]:
        assert topic in table
    for kind in interactions["type"]:
        assert kind in table


def test_notes_are_kept_and_warned(graphs):
    g = diplograph.open(graphs["samples"])
    with pytest.warns(diplograph.Note, match="no two states"):
        frame = g.dyads(by="year", level="state")
    assert any("no two states" in n for n in frame.attrs["notes"])
