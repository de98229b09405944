"""diplograph for Python: diplomatic events as RDF, and the questions asked of them, answered as
pandas data frames.

    >>> import diplograph
    >>> g = diplograph.open("events.ttl")            # graph files, one index file, or endpoint=URL
    >>> g.met(actor="Muttaqi", since="2021")          # every question of `diplograph query`
    >>> g.dyads(by="year", level="state", codes="cow", directed=True)
    >>> g.relation("AFG", "PAK")

Every question of the command line is a method of the same name, taking its options as keyword
arguments (dashes as underscores, Python's keywords with a trailing underscore: ``with_``,
``and_``, ``from_``); the first ones may be given in order. Answers are data frames with typed
columns: dates as datetime64 (periods where the data is a year or a month), counts as integers,
means as floats, state codes as nullable integers (``codes="cow"``), classes, kinds and levels as
categoricals. What a person should know of an answer (why it is empty) is in ``frame.attrs["notes"]``
and is warned as a ``diplograph.Note``; ``g.relation(...)`` is the relation's history, its pending
changes, interactions and topics in ``.attrs["pending"]``, ``["interactions"]``, ``["topics"]``. Failures raise ``diplograph.errors`` exceptions carrying
the command line's message. Ctrl-C stops a question or a conversion at once.
"""

import datetime as _dt
import inspect as _inspect
import os as _os
import warnings as _warnings

from . import _diplograph
from .errors import (AmbiguousName, BackendError, Error, InputError, InternalError, OptionError,
                     UnknownName, UsageError)

try:
    import numpy as _np
    import pandas as _pd
except ImportError:  # answers need pandas; `import diplograph` works without it
    _np = _pd = None

__all__ = ["open", "Graph", "convert", "index", "questions", "Note", "Error", "UsageError",
           "OptionError", "UnknownName", "AmbiguousName", "InputError", "BackendError",
           "InternalError"]

_ABSENT = -(2**63)  # an absent integer or date, as the C++ half marks it (NaT's value)


class Note(UserWarning):
    """What a person should know about an answer: why it is empty, how to ask otherwise."""


def questions():
    """The names of the questions every Graph answers, as `diplograph query` lists them."""
    return [q["name"] for q in _diplograph.questions()]


def open(*graphs, endpoint=None, graph=None, user=None, password=None, syntax=None, base=None,
         timeout=600):
    """The graph to ask: RDF files (loaded in memory once, with the ontology), one index file
    written by `diplograph index` (mapped, opened in milliseconds), or a SPARQL 1.1 store
    (``endpoint=URL``, ``graph=`` one named graph, ``user=``, ``password=`` or the
    DIPLOGRAPH_PASSWORD environment variable)."""
    return Graph(*graphs, endpoint=endpoint, graph=graph, user=user, password=password,
                 syntax=syntax, base=base, timeout=timeout)


class Graph:
    """A graph, an index or a store, asked the command line's questions (see ``questions()``)."""

    def __init__(self, *graphs, endpoint=None, graph=None, user=None, password=None, syntax=None,
                 base=None, timeout=600):
        if len(graphs) == 1 and isinstance(graphs[0], (list, tuple)):
            graphs = tuple(graphs[0])
        paths = [_os.fspath(g) for g in graphs]
        self.sources = paths + ([endpoint] if endpoint else [])
        if password is None:
            password = _os.environ.get("DIPLOGRAPH_PASSWORD", "")
        self._graph = _diplograph.Graph(paths, syntax or "", base or "", endpoint or "", graph or "",
                                        user or "", password, int(timeout))

    def __repr__(self):
        return "diplograph.Graph(" + ", ".join(repr(s) for s in self.sources) + ")"

    def _ask(self, name, options):
        return _frame(self._graph.ask(name, options))


# ------------------------------------------------------------------ the questions, from the catalogue

def _text(value):
    """An option's value as the command line would type it."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, _dt.datetime):  # a pandas Timestamp too
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _texts(value, option):
    if value is None:
        return []
    if option["kind"] == "flag":
        return ["1"] if value is True else [] if value is False else [_text(value)]
    if option["kind"] == "list" and not isinstance(value, (str, bytes)) and hasattr(value, "__iter__"):
        return [_text(v) for v in value]
    return [_text(value)]


def _doc(spec):
    lines = [spec["summary"][0].upper() + spec["summary"][1:] + ".", "", "Options:"]
    for o in spec["options"]:
        default = " (default %s)" % o["default"] if o["default"] else ""
        required = " (required)" if o["required"] else ""
        lines.append("    %s: %s%s%s" % (o["keyword"], o["help"], default, required))
    return "\n".join(lines)


def _question(spec):
    keyword = _inspect.Parameter.POSITIONAL_OR_KEYWORD
    signature = _inspect.Signature(
        [_inspect.Parameter("self", keyword)]
        + [_inspect.Parameter(o["keyword"], keyword, default=None) for o in spec["options"]])

    def method(self, *args, **kwargs):
        bound = signature.bind(self, *args, **kwargs)
        given = []
        for o in spec["options"]:
            given.extend((o["name"], t) for t in _texts(bound.arguments.get(o["keyword"]), o))
        return self._ask(spec["name"], given)

    method.__name__ = method.__qualname__ = spec["name"]
    method.__signature__ = signature
    method.__doc__ = _doc(spec)
    return method


for _spec in _diplograph.questions():
    setattr(Graph, _spec["name"], _question(_spec))


# ------------------------------------------------------------------ typed columns into a frame

def _dates(unit, ordinals):
    if unit == "Y":
        return _pd.arrays.PeriodArray(ordinals, freq="A")
    if unit == "M":
        return _pd.arrays.PeriodArray(ordinals, freq="M")
    return ordinals.view("datetime64[D]").astype("datetime64[ns]")


def _column(kind, payload):
    if kind == "integer":
        return _pd.arrays.IntegerArray(payload, payload == _ABSENT)
    if kind == "date":
        return _dates(*payload)
    if kind == "category":
        codes, labels = payload
        return _pd.Categorical.from_codes(codes, categories=labels)
    if kind == "text":  # each distinct text once, and per row its index
        codes, labels = payload
        return _np.array(labels, dtype=object)[codes]
    return payload  # count (int64), real (float64, NaN where absent)


def _table(columns):
    return _pd.DataFrame({name: _column(kind, payload) for name, kind, payload in columns})


def _frame(answer):
    if _pd is None:
        raise ImportError("diplograph's answers are pandas data frames: install pandas "
                          "(Debian: python3-pandas)")
    frame = _table(answer["columns"])
    frame.attrs["notes"] = answer["notes"]
    for name, columns in answer["sections"].items():  # a relation's pending changes, interactions, topics
        frame.attrs[name] = _table(columns)
    for note in answer["notes"]:
        _warnings.warn(note, Note, stacklevel=3)
    return frame


# ------------------------------------------------------------------ files to files

def convert(inputs, output, *, format="auto", to="turtle", base=None,
            dataset="", keep_going=False, delimiter=",", split=0):
    """`diplograph convert`: event records (JSONL, CSV, GDELT, ICEWS, POLECAT, the COW Diplomatic
    Exchange; plain, gzipped or zipped) into RDF ``output`` (.gz: gzip), written atomically.
    ``inputs``: a path or a list of them. Returns the figures (records, events, observations,
    skipped, triples, files) and ``problems``: every warning reported, and the records skipped
    with ``keep_going=True``, as ``FILE:LINE: what``. Raises InputError naming file and line for
    a bad record otherwise, writing nothing."""
    if isinstance(inputs, (str, bytes, _os.PathLike)):
        inputs = [inputs]
    return _diplograph.convert([_os.fspath(i) for i in inputs], _os.fspath(output), format, to,
                               base or "", dataset or "", bool(keep_going), delimiter, int(split or 0))


def index(inputs, output, *, append=False, syntax=None, base=None, format="auto", dataset="",
          keep_going=False, delimiter=","):
    """`diplograph index`: RDF graphs, or event records as ``convert`` reads them (mapped in the
    same stream, no RDF written first), into one index file ``output``, which ``open(output)``
    asks in milliseconds; ``append=True`` adds them to the index already there. Written
    atomically. Returns its figures (statements, terms, events, bytes, records, skipped) and
    ``problems``, as ``convert`` does; raises InputError naming file and line for a bad record
    (unless ``keep_going=True``), leaving ``output`` as it was."""
    if isinstance(inputs, (str, bytes, _os.PathLike)):
        inputs = [inputs]
    return _diplograph.index([_os.fspath(i) for i in inputs], _os.fspath(output), bool(append),
                             syntax or "", base or "", format, dataset or "", bool(keep_going), delimiter)
