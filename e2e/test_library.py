"""Documents library and agent acts in a real browser: the agent opens «Документы ▾», picks a category and downloads
a form; the back office makes last month's act of agreement 1000002; the agent opens «Мои акты» and downloads it."""
import os
import subprocess
import urllib.request

import pytest
from selenium.webdriver.support.ui import WebDriverWait

from conftest import login, shot, wait_for_text

GENERATED = 300


@pytest.fixture(scope="module")
def paid_contracts(server):
    """Contracts of the demo agents, many of them paid, generated into the running server's database."""
    env = dict(os.environ, KABINET_DATA_DIR=os.environ["KABINET_E2E_DATA"])
    env.pop("DATABASE_URL", None)
    subprocess.run([os.environ["KABINET_E2E_BINARY"], "demo", "--contracts", str(GENERATED)],
                   cwd=os.environ["KABINET_E2E_DATA"], env=env, check=True, capture_output=True, timeout=300)
    return server


def fetch(browser, url):
    """Downloads `url` with the browser's session cookie (headless Chrome keeps downloads out of reach)."""
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in browser.get_cookies())
    request = urllib.request.Request(url, headers={"Cookie": cookies})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.headers, response.read()


def logout(browser):
    browser.find_element("css selector", "[data-testid=logout]").click()
    WebDriverWait(browser, 10).until(lambda d: "/login" in d.current_url)


def test_agent_downloads_a_form_from_the_documents_dropdown(server, browser):
    login(browser, server, "agent")
    browser.get(server + "/contracts")
    dropdown = [d for d in browser.find_elements("css selector", "[data-testid=nav-dropdown]") if "Документы" in d.text][0]
    dropdown.find_element("css selector", "summary").click()
    shot(browser, "library-dropdown")
    dropdown.find_element("link text", "Заявления на выплату").click()
    assert wait_for_text(browser, "Актуальность бланков необходимо уточнять у сотрудников РОО до их использования.")
    assert "Заявление на страховую выплату" in browser.page_source
    assert "Медицинская анкета" not in browser.page_source
    shot(browser, "library-claims")

    tile = browser.find_element("css selector", "[data-testid=document-tile]")
    status, headers, body = fetch(browser, tile.get_attribute("href"))
    assert status == 200
    assert body.startswith(b"%PDF")
    assert "attachment" in headers["Content-Disposition"]
    browser.get(server + "/documents")
    shot(browser, "library-all")


def test_agent_downloads_last_months_act(paid_contracts, browser):
    server = paid_contracts
    login(browser, server, "operator")
    browser.get(server + "/acts")
    assert wait_for_text(browser, "Сформировать акт")
    browser.find_element("css selector", "#g-agreement option[value='1000002']").click()
    browser.find_element("css selector", "[data-testid=generate]").click()
    assert wait_for_text(browser, "Акт агента за")
    assert "Сформирован" in browser.page_source
    shot(browser, "act-operator")
    browser.get(server + "/acts/rates?agreement=1000002")
    assert wait_for_text(browser, "Ставки КВ")
    shot(browser, "commission-rates")
    browser.get(server + "/documents/manage")
    assert wait_for_text(browser, "Управление документами")
    shot(browser, "library-manage")
    logout(browser)

    login(browser, server, "agent")
    browser.find_element("link text", "Мои акты").click()
    assert wait_for_text(browser, "1000002")
    shot(browser, "acts-agent")
    browser.find_element("css selector", "[data-testid=act-link]").click()
    assert wait_for_text(browser, "Сумма КВ")
    shot(browser, "act-agent")
    pdf = browser.find_element("css selector", "[data-testid=download-pdf]").get_attribute("href")
    status, headers, body = fetch(browser, pdf)
    assert status == 200 and body.startswith(b"%PDF")
    xlsx = browser.find_element("css selector", "[data-testid=download-xlsx]").get_attribute("href")
    status, headers, body = fetch(browser, xlsx)
    assert status == 200 and body.startswith(b"PK")
