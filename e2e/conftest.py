"""Browser tests: start the real kabinet binary on a free port with a fresh data folder, drive it with headless Chromium."""
import os
import pathlib
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "e2e" / "screenshots"
PASSWORD = "Kabinet2024"


def _binary():
    for candidate in (os.environ.get("KABINET_BINARY"), ROOT / ".build" / "debug" / "kabinet"):
        if candidate and pathlib.Path(candidate).exists():
            return str(candidate)
    subprocess.run(["swift", "build", "--product", "kabinet"], cwd=ROOT, check=True)
    return str(ROOT / ".build" / "debug" / "kabinet")


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server():
    port = _free_port()
    data = tempfile.mkdtemp(prefix="kabinet-e2e-")
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, KABINET_DATA_DIR=data, KABINET_BASE_URL=base, KABINET_WORKER_POLL_SECONDS="0.2")
    env.pop("DATABASE_URL", None)
    log = open(pathlib.Path(data) / "server.log", "w")
    process = subprocess.Popen([_binary(), "serve", "--hostname", "127.0.0.1", "--port", str(port)],
                               cwd=data, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(base + "/health", timeout=1)
            break
        except Exception:
            if process.poll() is not None:
                raise RuntimeError(open(pathlib.Path(data) / "server.log").read())
            time.sleep(0.3)
    else:
        raise RuntimeError("kabinet did not start")
    os.environ["KABINET_E2E_DATA"] = data
    os.environ["KABINET_E2E_BINARY"] = _binary()
    yield base
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    shutil.rmtree(data, ignore_errors=True)


@pytest.fixture
def browser():
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=ru"):
        options.add_argument(argument)
    driver_path = shutil.which("chromedriver")
    driver = webdriver.Chrome(service=Service(driver_path) if driver_path else None, options=options)
    driver.implicitly_wait(10)
    yield driver
    driver.quit()


def shot(driver, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SCREENSHOTS / f"{name}.png"))


def login(driver, base, user, password=PASSWORD):
    driver.get(base + "/login")
    driver.find_element("name", "login").send_keys(user)
    driver.find_element("name", "password").send_keys(password)
    driver.find_element("css selector", "button.primary").click()
    from selenium.webdriver.support.ui import WebDriverWait
    WebDriverWait(driver, 10).until(lambda d: "/login" not in d.current_url or "data-testid=\"login-error\"" in d.page_source)


def wait_for_text(driver, text, timeout=10):
    """Waits until the page shows `text`: a form submit returns before the next page has loaded."""
    from selenium.webdriver.support.ui import WebDriverWait
    WebDriverWait(driver, timeout).until(lambda d: text in d.page_source)
    return True


def click_to_new_page(driver, element, timeout=10):
    """Clicks `element` and waits until another document has loaded in its place.

    The old document is marked with a window property that a new page cannot have. Selenium's
    staleness_of asks Chromium about the old node, which mid-navigation may answer with a generic
    inspector error ("Node with given id does not belong to the document") instead of a stale
    reference, so any driver error while the page changes just means "ask again".
    """
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait
    driver.execute_script("window.__kabinetPreviousPage = true")
    element.click()

    def new_page_loaded(d):
        return d.execute_script(
            "return window.__kabinetPreviousPage !== true && document.readyState === 'complete'")

    WebDriverWait(driver, timeout, ignored_exceptions=[WebDriverException]).until(new_page_loaded)
