"""«Отчеты» journey: with generated contracts, the agent opens «Отчеты» («Нет данных»), «Создать новый отчет», asks
for a sales report as CSV, lands on the request list and watches the line become «Обработан» without reloading the
page (the list polls a small JSON endpoint); downloads it (BOM, `;`, Cyrillic); then the same as XLSX, read back
with openpyxl (typed number and date cells)."""
import datetime
import io
import os
import subprocess
import urllib.request

import openpyxl
import pytest
from selenium.webdriver.support.ui import WebDriverWait

from conftest import login, shot, wait_for_text

GENERATED = 3000


@pytest.fixture(scope="module")
def contracts(server):
    """Generates contracts with the same binary and data folder as the server (SQLite allows both)."""
    env = dict(os.environ, KABINET_DATA_DIR=os.environ["KABINET_E2E_DATA"])
    env.pop("DATABASE_URL", None)
    subprocess.run([os.environ["KABINET_E2E_BINARY"], "demo", "--contracts", str(GENERATED)],
                   cwd=os.environ["KABINET_E2E_DATA"], env=env, check=True, capture_output=True, timeout=300)
    return server


def request_report(browser, server, file_format):
    browser.get(server + "/reports/new")
    assert wait_for_text(browser, "Сформировать отчет")
    today = datetime.date.today()
    for name, day in (("from", today - datetime.timedelta(days=4 * 365)), ("to", today)):
        field = browser.find_element("css selector", f"input[name={name}]")
        browser.execute_script("arguments[0].value = arguments[1]", field, day.isoformat())
    browser.find_element("css selector", f"[data-testid=report-format] option[value={file_format}]").click()
    shot(browser, f"reports-form-{file_format}")
    browser.find_element("css selector", "[data-testid=report-submit]").click()
    WebDriverWait(browser, 10).until(lambda d: d.current_url.rstrip("/").endswith("/reports"))


def wait_processed_without_reload(browser):
    """Marks the page, waits for «Обработан» in the newest line, and checks the mark survived (no reload)."""
    browser.execute_script("window.__reportsMark = 'still here'")
    status = lambda d: d.find_elements("css selector", "[data-testid=report-status]")[0].text
    WebDriverWait(browser, 60).until(lambda d: status(d) == "Обработан")
    assert browser.execute_script("return window.__reportsMark") == "still here"
    link = browser.find_elements("css selector", "[data-testid=report-download]")[0]
    return link.get_attribute("href")


def download(browser, url):
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in browser.get_cookies())
    request = urllib.request.Request(url, headers={"Cookie": cookies})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.headers, response.read()


def test_agent_requests_a_sales_report_and_downloads_csv_and_xlsx(contracts, browser):
    server = contracts
    login(browser, server, "agent")
    browser.get(server + "/reports")
    assert wait_for_text(browser, "Запрос доступен к скачиванию в статусе «Обработан»")
    assert "Нет данных" in browser.page_source
    shot(browser, "reports-empty")

    browser.find_element("css selector", "[data-testid=report-new]").click()
    assert wait_for_text(browser, "Вариант отчета")
    request_report(browser, server, "csv")
    url = wait_processed_without_reload(browser)
    shot(browser, "reports-processed")
    headers, body = download(browser, url)
    assert body[:3] == b"\xef\xbb\xbf"
    text = body[3:].decode("utf-8")
    lines = text.split("\r\n")
    assert lines[0].startswith("Номер договора;Дата оформления;ФИО страхователя;")
    assert len(lines) > 100  # the agent's share of the generated contracts, and a trailing empty line
    assert all(line.count(";") >= 18 for line in lines[1:50])

    request_report(browser, server, "xlsx")
    url = wait_processed_without_reload(browser)
    shot(browser, "reports-two-processed")
    headers, body = download(browser, url)
    assert "spreadsheetml" in headers["Content-Type"]
    workbook = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
    sheet = workbook.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Номер договора", "Дата оформления", "ФИО страхователя")
    assert len(rows) == len(lines) - 1  # the same contracts as the CSV (less its trailing empty line)
    first = rows[1]
    assert isinstance(first[1], datetime.datetime)
    assert isinstance(first[11], (int, float)) and first[11] > 0
    assert isinstance(first[15], datetime.datetime) and isinstance(first[16], datetime.datetime)
    assert any("а" <= ch <= "я" for ch in first[2].lower())
