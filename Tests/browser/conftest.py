"""Fixtures for the browser tests: a local HTTP server over an already-built site, and a
headless Chromium driven through chromedriver.

Environment:
  CHEATGEN_SITE        the built site folder (default: site, relative to the working directory)
  CHROME_BIN           Chromium binary (default: chromium / chromium-browser on PATH, /usr/bin/chromium)
  CHROMEDRIVER         chromedriver binary (default: chromedriver on PATH, /usr/bin/chromedriver)
"""
import functools
import http.server
import os
import shutil
import socketserver
import threading
from pathlib import Path

import pytest


def _find(env, names, fallbacks):
    explicit = os.environ.get(env)
    if explicit:
        return explicit if os.access(explicit, os.X_OK) else None
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    for path in fallbacks:
        if os.access(path, os.X_OK):
            return path
    return None


CHROME = _find("CHROME_BIN", ["chromium", "chromium-browser", "google-chrome"], ["/usr/bin/chromium"])
CHROMEDRIVER = _find("CHROMEDRIVER", ["chromedriver"], ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"])


@pytest.fixture(scope="session")
def site_dir():
    site = Path(os.environ.get("CHEATGEN_SITE", "site")).resolve()
    if not (site / "index.html").is_file():
        pytest.fail(f"no built site at {site} (set CHEATGEN_SITE to the folder `cheatgen build` wrote)")
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature fixed by the base class
        pass


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


@pytest.fixture(scope="session")
def base_url(site_dir):
    """Serves the site on 127.0.0.1 on a free port for the whole session."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def driver():
    if not CHROME or not CHROMEDRIVER:
        pytest.skip("Chromium and chromedriver are not installed "
                    "(apt-get install chromium chromium-driver, or set CHROME_BIN / CHROMEDRIVER)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROME
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--hide-scrollbars", "--window-size=1280,900", "--force-device-scale-factor=1",
                 "--lang=en-US"):
        options.add_argument(flag)
    browser = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    browser.set_page_load_timeout(30)
    browser.set_script_timeout(60)
    try:
        yield browser
    finally:
        browser.quit()


def emulate(browser, media="", scheme="light"):
    """Emulates a media type ('' for screen, 'print') and a prefers-color-scheme."""
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "media": media,
        "features": [{"name": "prefers-color-scheme", "value": scheme}],
    })


@pytest.fixture
def page(driver, base_url):
    """Opens a site page (path relative to the site root) on the screen in the light scheme,
    and resets the emulation afterwards."""
    def open_page(path, media="", scheme="light", width=1280, height=900):
        driver.set_window_size(width, height)
        emulate(driver, media, scheme)
        driver.get(base_url + path)
        driver.execute_script("return document.readyState")
        return driver

    yield open_page
    emulate(driver)
