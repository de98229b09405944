#!/usr/bin/python3
"""The explorer in a real browser: Debian's headless Chromium, driven by Selenium, against
`diplograph serve` on the samples. Searches "Muttaqi", sees Mohammad Ishaq Dar in the network,
the events behind the edge, the pending ambassador upgrade in the AFG-PAK timeline, exports the
table as CSV, and sees no console error. Screenshots go to --out.

Exit 0 when all holds, 1 when something does not, 77 (CTest's skip) when no browser is installed.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:
    print("skipped: python3-selenium is not installed (scripts/setup.sh --test installs it)")
    sys.exit(77)


def start_server(exe, graph, log):
    proc = subprocess.Popen([exe, "serve", "--port", "0", graph], stdout=subprocess.PIPE, stderr=log, text=True)
    line = proc.stdout.readline()
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not match:
        proc.kill()
        sys.exit("diplograph serve did not say where it listens: " + repr(line))
    return proc, "http://127.0.0.1:%s/" % match.group(1)


def browser(downloads):
    chromium = shutil.which("chromium")
    driver = shutil.which("chromedriver")
    if not chromium or not driver:
        print("skipped: chromium or chromedriver is not installed (scripts/setup.sh --test installs them)")
        sys.exit(77)
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--no-first-run", "--disable-extensions"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    opts.add_experimental_option("prefs", {"download.default_directory": downloads,
                                           "download.prompt_for_download": False})
    return webdriver.Chrome(service=Service(driver), options=opts)


def texts(d, css):
    """The text of every element `css` selects, read in one script: the page may redraw between
    finding elements and reading them, which Selenium reports as a stale element."""
    return d.execute_script(
        "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent.trim())", css)


def wait_for(d, what, test, seconds=20):
    try:
        return WebDriverWait(d, seconds).until(lambda _: test())
    except Exception:
        d.save_screenshot(os.path.join(OUT, "failed.png"))
        sys.exit("FAILED: " + what + " (the page as it was: " + os.path.join(OUT, "failed.png") + ")")


def severe(d):
    return [e for e in d.get_log("browser") if e.get("level") == "SEVERE"]


def check_network(d):
    search = d.find_element(By.ID, "search")
    search.send_keys("Mutt")
    wait_for(d, "completion offers Amir Khan Muttaqi", lambda: d.execute_script(
        "return [...document.querySelectorAll('#actor-list option')].map(o => o.value)").count("Amir Khan Muttaqi"))
    search.clear()
    search.send_keys("Muttaqi")
    d.find_element(By.ID, "show").click()
    wait_for(d, "Mohammad Ishaq Dar in the network", lambda: "Mohammad Ishaq Dar" in texts(d, "#network .node text"))
    time.sleep(1.5)  # let the layout settle for the screenshot
    d.save_screenshot(os.path.join(OUT, "network.png"))
    d.execute_script("d3.select('#network path.link').on('click')(d3.select('#network path.link').datum())")
    wait_for(d, "the edge's events in the table", lambda: "PhoneCall" in d.find_element(By.ID, "table-title").text)
    cells = texts(d, "#table td")
    if "2025-05" not in cells or "PhoneCall" not in cells:
        sys.exit("FAILED: the edge's event is not listed: %r" % cells)


def check_labels_above_edges(d):
    """Each node's label is drawn over a box of the background, above every edge: none strikes
    through it (the box covers the label's whole extent, drawn after the edges)."""
    boxes = d.execute_script("""
        const links = [...document.querySelectorAll('#network path.link')];
        return [...document.querySelectorAll('#network .node')].map(g => {
          const t = g.querySelector('text'), r = g.querySelector('rect.label-bg');
          if (!r) return false;
          const tb = t.getBBox(), rb = r.getBBox();
          const covers = rb.x <= tb.x && rb.y <= tb.y && rb.x + rb.width >= tb.x + tb.width &&
                         rb.y + rb.height >= tb.y + tb.height;
          const above = links.every(l => l.compareDocumentPosition(g) & Node.DOCUMENT_POSITION_FOLLOWING);
          return covers && above && getComputedStyle(r).fill === 'rgb(255, 255, 255)';
        });""")
    if not boxes or not all(boxes):
        sys.exit("FAILED: node labels are not drawn over a box above the edges: %r" % boxes)


def ask_relation(d, a, b):
    for field, value in (("relation-a", a), ("relation-b", b)):
        d.find_element(By.ID, field).clear()
        d.find_element(By.ID, field).send_keys(value)
    d.find_element(By.ID, "relation-show").click()


def check_no_relation(d):
    """Asked after the network, a pair with nothing recorded says so: not the network's message."""
    before = d.find_element(By.ID, "message").text
    if not re.match(r"1 event with 1 actor\.$", before):
        sys.exit("FAILED: the network's message is not shown first: %r" % before)
    ask_relation(d, "USA", "PRK")
    wait_for(d, "the message that nothing is recorded between USA and PRK",
             lambda: "no change of representation between usa and prk is recorded"
             in d.find_element(By.ID, "message").text.lower())


def check_timeline(d):
    ask_relation(d, "AFG", "PAK")
    d.find_element(By.ID, "relation-show").click()
    wait_for(d, "the pending ambassador upgrade in the AFG-PAK timeline",
             lambda: "ambassador (proposed)" in texts(d, "#timeline .pending-label"))
    levels = texts(d, "#timeline text.level")
    if "chargé d’affaires" not in levels:
        sys.exit("FAILED: the chargé d'affaires level since 2021 is not drawn: %r" % levels)
    lanes = [t for t in texts(d, "#timeline text") if "→" in t]
    if sorted(lanes) != ["AFG → PAK", "PAK → AFG"]:
        sys.exit("FAILED: not one lane per direction: %r" % lanes)
    # The COW excerpt's observations of 1950-2005: dots, not bars or pending marks.
    observed = texts(d, "#timeline circle.observed title")
    if len(observed) != 24 or "represented, rank unknown observed in 1950" not in " ".join(observed):
        sys.exit("FAILED: the 24 observed levels of 1950-2005 are not drawn as dots: %r" % observed)
    if any("observed" in t for t in texts(d, "#timeline .pending-label")):
        sys.exit("FAILED: an observation is drawn as a pending change")
    if "24 observed level(s)" not in d.find_element(By.ID, "message").text:
        sys.exit("FAILED: the message does not say what the dots are: %r" % d.find_element(By.ID, "message").text)
    d.save_screenshot(os.path.join(OUT, "explorer.png"))


def check_export(d, downloads):
    d.find_element(By.ID, "export").click()
    path = os.path.join(downloads, "representation-between-afg-and-pak.csv")
    wait_for(d, "the table exported as CSV", lambda: os.path.exists(path) and os.path.getsize(path) > 0)
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    # 24 observations of the COW excerpt, the two changes of 2021 and the two proposed in 2025
    if lines[0] != "date,sending,receiving,level,previous_level,status,event,source" or len(lines) != 29 \
            or "chargé d’affaires" not in lines[25] or '"represented, rank unknown"' not in lines[1]:
        sys.exit("FAILED: the exported CSV is not the table shown: %r" % lines)


def check_chain(d):
    d.find_element(By.ID, "path-from").send_keys("Kim Jong Un")
    d.find_element(By.ID, "path-to").send_keys("Donald Trump")
    d.find_element(By.ID, "path-show").click()
    wait_for(d, "the chain of meetings in the table", lambda: d.find_element(By.ID, "table-title").text == "Chain of meetings")
    cells = texts(d, "#table td")
    if "Kim Jong Un" not in cells or "Donald Trump" not in cells:
        sys.exit("FAILED: the chain from Kim Jong Un to Donald Trump is not listed: %r" % cells)


def check_ties(d):
    """Kim Jong Un's network holds the ties among those he met: Moon Jae-in met Donald Trump."""
    search = d.find_element(By.ID, "search")
    search.clear()
    search.send_keys("Kim Jong Un")
    d.find_element(By.ID, "show").click()

    def tie():
        titles = d.execute_script(
            "return [...document.querySelectorAll('#network path.link title')].map(t => t.textContent)")
        return any("Moon Jae-in" in t and "Donald Trump" in t for t in titles)
    wait_for(d, "the tie between Moon Jae-in and Donald Trump in Kim Jong Un's network", tie)
    d.save_screenshot(os.path.join(OUT, "ties.png"))


def check_ambiguous(d):
    Select(d.find_element(By.ID, "level")).select_by_value("state")
    search = d.find_element(By.ID, "search")
    search.clear()
    search.send_keys("Korea")
    d.find_element(By.ID, "show").click()
    wait_for(d, "the candidates of an ambiguous name", lambda: "South Korea" in texts(d, "#message button"))
    d.find_element(By.XPATH, "//p[@id='message']/button[text()='South Korea']").click()
    wait_for(d, "South Korea's network, North Korea in it",
             lambda: {"South Korea", "North Korea"} <= set(texts(d, "#network .node text")))


def main():
    global OUT
    ap = argparse.ArgumentParser()
    ap.add_argument("--exe", required=True)
    ap.add_argument("--samples", required=True, help="the samples folder, converted first")
    ap.add_argument("--cow", required=True, help="the COW Diplomatic Exchange excerpt, converted with them")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    OUT = a.out
    os.makedirs(OUT, exist_ok=True)
    if os.path.exists(os.path.join(OUT, "failed.png")):
        os.remove(os.path.join(OUT, "failed.png"))  # a failure of an earlier run
    downloads = tempfile.mkdtemp(prefix="diplograph-downloads-")
    graph = os.path.join(downloads, "samples.ttl")
    inputs = sorted(os.path.join(a.samples, f) for f in os.listdir(a.samples)) + [a.cow]
    subprocess.run([a.exe, "convert", "-o", graph] + inputs, check=True, capture_output=True)
    with open(os.path.join(OUT, "serve.log"), "w") as log:
        proc, url = start_server(a.exe, graph, log)
        d = None
        try:
            d = browser(downloads)
            d.get(url)
            check_network(d)
            check_labels_above_edges(d)
            check_no_relation(d)
            check_timeline(d)
            check_export(d, downloads)
            check_chain(d)
            check_ties(d)
            errors = severe(d)
            if errors:
                sys.exit("FAILED: console errors: %r" % errors)
            check_ambiguous(d)  # a 400 by design: its console line is the browser's, not ours
            d.save_screenshot(os.path.join(OUT, "ambiguous.png"))
            errors = [e for e in severe(d) if "status of 400" not in e.get("message", "")]
            if errors:
                sys.exit("FAILED: console errors: %r" % errors)
        finally:
            if d:
                d.quit()
            proc.terminate()
            proc.wait(timeout=10)
            shutil.rmtree(downloads, ignore_errors=True)
    print("explorer: network, labels over edges, a pair with nothing recorded, edge events, AFG-PAK timeline, CSV export, chain, ties among alters, candidates; no console error; "
          "screenshots in " + OUT)


OUT = "."
if __name__ == "__main__":
    main()
