#!/usr/bin/python3
"""Opens a page in headless Chromium (Debian's chromium and chromium-driver, through
python3-selenium), fails on any console error, checks what must be on it, and keeps a screenshot.

    check_page.py PAGE.html SCREENSHOT.png ANCHOR=TEXT...

Each ANCHOR=TEXT: the element with id ANCHOR is present and its text contains TEXT.
"""
import pathlib
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

page, shot, wants = pathlib.Path(sys.argv[1]).resolve(), sys.argv[2], sys.argv[3:]
options = Options()
for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1600"):
    options.add_argument(arg)
options.binary_location = "/usr/bin/chromium"
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
problems = []
try:
    driver.get(page.as_uri())
    for want in wants:
        anchor, text = want.split("=", 1)
        found = driver.find_elements(By.ID, anchor)
        if not found:
            problems.append(f"no element #{anchor}")
        elif text not in found[0].text:
            problems.append(f"#{anchor} does not say {text!r}")
    for entry in driver.get_log("browser"):
        if entry["level"] in ("SEVERE", "WARNING"):
            problems.append(f"console {entry['level']}: {entry['message']}")
    driver.save_screenshot(shot)
finally:
    driver.quit()
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
