"""The package asking a SPARQL store: the throwaway Virtuoso scripts/test.sh starts (skipped
without one), loaded with the ICEWS sample, answers as the Turtle does, frame for frame."""
import os

import pandas as pd
import pytest

import diplograph
from conftest import run

ENDPOINT = os.environ.get("DIPLOGRAPH_TEST_ENDPOINT")


@pytest.mark.skipif(not ENDPOINT, reason="no Virtuoso: scripts/test.sh starts one")
def test_a_store_answers_as_the_turtle_does(graphs):
    iri = "urn:diplograph:test:python:%d" % os.getpid()
    run("load", "--store", os.environ["DIPLOGRAPH_TEST_STORE"], "--user", os.environ["DIPLOGRAPH_TEST_USER"],
        "--graph", iri, graphs["icews"])
    store = diplograph.open(endpoint=ENDPOINT, graph=iri, user=os.environ["DIPLOGRAPH_TEST_USER"])
    memory = diplograph.open(graphs["icews"])
    for question, kwargs in [("met", {"actor": "Xi Jinping"}), ("dyads", {"by": "month", "level": "state"}),
                             ("events", {"actor": "CHN", "with_": "USA", "level": "state"}),
                             ("timeline", {"actor": "Putin"})]:
        want = getattr(memory, question)(**kwargs)
        assert len(want) > 0
        pd.testing.assert_frame_equal(getattr(store, question)(**kwargs), want)


def test_a_store_that_is_not_there_is_a_backend_error():
    store = diplograph.open(endpoint="http://127.0.0.1:9/sparql", timeout=5)
    with pytest.raises(diplograph.BackendError, match="127.0.0.1:9"):
        store.met(actor="Xi Jinping")
