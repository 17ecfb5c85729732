"""Fixtures for the browser tests: a local HTTP server over an already-built site, and a
headless Chromium driven through chromedriver.

Environment:
  CHEATGEN_SITE        the built site folder (default: site, relative to the working directory)
  CHROME_BIN           Chromium binary (default: chromium / chromium-browser on PATH, /usr/bin/chromium)
  CHROMEDRIVER         chromedriver binary (default: chromedriver on PATH, /usr/bin/chromedriver)
"""
import base64
import functools
import http.server
import os
import shutil
import socketserver
import subprocess
import tempfile
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


def built_site():
    site = Path(os.environ.get("CHEATGEN_SITE", "site")).resolve()
    if not (site / "index.html").is_file():
        pytest.fail(f"no built site at {site} (set CHEATGEN_SITE to the folder `cheatgen build` wrote)")
    return site


@pytest.fixture(scope="session")
def site_dir():
    return built_site()


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


def print_pdf(driver):
    result = driver.execute_cdp_cmd("Page.printToPDF", {
        "paperWidth": 210 / 25.4,
        "paperHeight": 297 / 25.4,
        "printBackground": False,
        "preferCSSPageSize": True,
        "displayHeaderFooter": False,
    })
    return base64.b64decode(result["data"])


@pytest.fixture(scope="session")
def printout(driver, base_url, tmp_path_factory):
    """printout(path) -> (PDF bytes, PDF file): a site page as Chromium prints it on A4 from a
    1280×900 screen, printed once per session (the print tests of two modules share them)."""
    printed = {}

    def get(path):
        if path not in printed:
            driver.set_window_size(1280, 900)
            emulate(driver)                      # printToPDF applies print media itself
            driver.get(base_url + path)
            data = print_pdf(driver)
            file = tmp_path_factory.mktemp("print") / (Path(path).stem + ".pdf")
            file.write_bytes(data)
            printed[path] = data, file
        return printed[path]

    return get


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


# ---------------------------------------------------------------------------- early jobs
# A site to build or a validator to run is a subprocess that needs no browser: it starts as soon
# as the tests are collected (when a selected test uses it) and runs while the tests before the
# one that needs it wait on Chromium. Its fixture waits for it and checks its result.

class Job:
    """A subprocess started now; `value()` waits for it and returns `then(completed process)`.
    Its output goes to files, not pipes, so it never blocks on a full pipe while nobody reads."""

    def __init__(self, argv, cwd, timeout, then):
        self.argv, self.timeout, self.then = argv, timeout, then
        self.stdout = tempfile.TemporaryFile(mode="w+")
        self.stderr = tempfile.TemporaryFile(mode="w+")
        self.process = subprocess.Popen(argv, cwd=cwd, stdout=self.stdout, stderr=self.stderr, text=True)

    def value(self):
        returncode = self.process.wait(timeout=self.timeout)
        self.stdout.seek(0)
        self.stderr.seek(0)
        return self.then(subprocess.CompletedProcess(self.argv, returncode, self.stdout.read(), self.stderr.read()))

    def stop(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


_early_jobs = {}       # fixture name -> function starting its Job (given a scratch folder)
_started = {}          # fixture name -> the Job, or the exception starting it raised
_scratch = []


def early(start):
    """Makes `start(scratch_folder) -> Job` a session fixture of the same name whose value is the
    job's `then(...)`; the job starts when collection ends if a selected test uses the fixture
    (or else when the fixture is first asked for)."""
    name = start.__name__
    _early_jobs[name] = start

    @pytest.fixture(scope="session", name=name)
    def fixture():
        if name not in _started:
            _start(name)
        job = _started[name]
        if isinstance(job, BaseException):
            raise job
        return job.value()

    return fixture


def _start(name):
    folder = Path(tempfile.mkdtemp(prefix=f"cheatgen-{name}-"))
    _scratch.append(folder)
    try:
        _started[name] = _early_jobs[name](folder)
    except BaseException as error:       # pytest.skip included: raised again by the fixture
        _started[name] = error


def pytest_collection_modifyitems(items):
    """The tests waiting on an early job run last, the 3,000-sheet site's last of all: the jobs
    then have every other test's time to finish in (the order changes nothing they check)."""
    def waits_on(item):
        names = set(getattr(item, "fixturenames", ())) & set(_early_jobs)
        return (bool(names), "big_site" in names)
    items.sort(key=waits_on)     # stable: the rest keep their order


def pytest_collection_finish(session):
    if session.config.option.collectonly:
        return
    used = {name for item in session.items for name in getattr(item, "fixturenames", ())}
    for name in _early_jobs:
        if name in used and name not in _started:
            _start(name)


def pytest_sessionfinish(session):
    for job in _started.values():
        if isinstance(job, Job):
            job.stop()
    for folder in _scratch:
        shutil.rmtree(folder, ignore_errors=True)
