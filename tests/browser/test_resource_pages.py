#!/usr/bin/python3
"""Minted IRIs in a real browser: Debian's headless Chromium, driven by Selenium, against
`diplograph serve` on the samples. Opens the person Amir Khan Muttaqi's IRI path as a browser
asks for it (HTML), follows the link to his state, from there a link to an event naming it, from
the event to its other participant, and from a property to its term on the ontology page; then
each page's alternate links (Turtle, N-Triples, JSON-LD), read by rdflib. No page may log a
console error. Screenshots go to --out.

Exit 0 when all holds, 1 when something does not, 77 (CTest's skip) when no browser is installed.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import urllib.request

import rdflib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_explorer import browser, start_server  # noqa: E402 (the same browser and server set-up)

from selenium.webdriver.common.by import By  # noqa: E402

ROOT = "https://w3id.org/diplograph/"


def follow(d, text):
    """Clicks the first link whose text is `text` and returns the new page's title."""
    d.find_element(By.LINK_TEXT, text).click()
    return d.title


def alternates_parse(d, base):
    """Each <link rel=alternate> of the page, fetched and parsed by rdflib: their statement counts."""
    counts = {}
    for link in d.find_elements(By.CSS_SELECTOR, "link[rel=alternate]"):
        kind, href = link.get_attribute("type"), link.get_attribute("href")
        body = urllib.request.urlopen(href).read()
        fmt = {"text/turtle": "turtle", "application/n-triples": "nt", "application/ld+json": "json-ld"}[kind]
        g = rdflib.Graph()
        g.parse(data=body, format=fmt, publicID=base)
        counts[kind] = len(g)
    return counts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--exe", required=True)
    ap.add_argument("--samples", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="diplograph-pages-")
    graph = os.path.join(work, "samples.ttl")
    inputs = [os.path.join(a.samples, f) for f in sorted(os.listdir(a.samples)) if f.endswith((".jsonl", ".csv"))]
    subprocess.run([a.exe, "convert", "--no-progress", *inputs, "-o", graph], check=True, capture_output=True)
    with open(os.path.join(work, "serve.log"), "w") as log:
        server, url = start_server(a.exe, graph, log)
    d = browser(work)
    failures = []
    try:
        d.get(url + "id/person/AFG/amir-khan-muttaqi")
        if d.title != "Amir Khan Muttaqi":
            failures.append("the person's page is titled %r" % d.title)
        d.save_screenshot(os.path.join(a.out, "resource-person.png"))
        pages = [d.current_url]
        if follow(d, "Afghanistan") != "Afghanistan":
            failures.append("the state's link led to %r" % d.title)
        pages.append(d.current_url)
        if "Relation change" not in follow(d, "Relation change: Afghanistan and Pakistan"):
            failures.append("the event naming the state led to %r" % d.title)
        pages.append(d.current_url)
        d.get(pages[0])
        if follow(d, "Phone call: Amir Khan Muttaqi and Mohammad Ishaq Dar") != \
                "Phone call: Amir Khan Muttaqi and Mohammad Ishaq Dar":
            failures.append("the call's page is titled %r" % d.title)
        pages.append(d.current_url)
        if follow(d, "Mohammad Ishaq Dar") != "Mohammad Ishaq Dar":
            failures.append("the call's other participant led to %r" % d.title)
        d.get(pages[0])
        d.find_element(By.LINK_TEXT, "represents").click()
        if not d.current_url.endswith("/ontology#represents") or not d.find_elements(By.ID, "represents"):
            failures.append("the property's link led to %s" % d.current_url)
        for page in pages:
            d.get(page)
            counts = alternates_parse(d, page)
            if len(counts) != 3 or len(set(counts.values())) != 1 or not all(counts.values()):
                failures.append("%s: the alternates hold %r statements" % (page, counts))
        errors = [e for e in d.get_log("browser") if e.get("level") == "SEVERE"]
        if errors:
            failures.append("console errors: %r" % errors)
    finally:
        d.quit()
        server.terminate()
        server.wait()
    for f in failures:
        print("FAIL:", f)
    print("%d pages followed, %d failures" % (len(pages), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
