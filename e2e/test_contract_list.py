"""Contract list journey: with generated contracts in the database (`kabinet demo --contracts 200` against the running
server's data folder), the operator opens «Договоры», sees «Результатов найдено», searches by the beginning of a
surname typed in lower case with «е» for «ё», sees only matching policyholders, and opens a contract's card."""
import os
import subprocess

import pytest
from selenium.webdriver.support.ui import WebDriverWait

from conftest import login, shot, wait_for_text

GENERATED = 200


@pytest.fixture(scope="module")
def contracts(server):
    """Generates the contracts once, with the same binary and data folder as the server (SQLite allows both)."""
    env = dict(os.environ, KABINET_DATA_DIR=os.environ["KABINET_E2E_DATA"])
    env.pop("DATABASE_URL", None)
    subprocess.run([os.environ["KABINET_E2E_BINARY"], "demo", "--contracts", str(GENERATED)],
                   cwd=os.environ["KABINET_E2E_DATA"], env=env, check=True, capture_output=True, timeout=300)
    return server


def normalized(text):
    return text.lower().replace("ё", "е")


def found(browser):
    text = browser.find_element("css selector", "[data-testid=contracts-found]").text
    return int(text.rsplit(":", 1)[1].strip().replace("\u00a0", "").replace(" ", ""))


def names(browser):
    return [row.find_elements("css selector", "td")[1].text
            for row in browser.find_elements("css selector", "[data-testid=contracts] tbody tr")]


def test_operator_searches_by_surname_prefix_and_opens_a_card(contracts, browser):
    server = contracts
    login(browser, server, "operator")
    browser.get(server + "/contracts")
    assert wait_for_text(browser, "Результатов найдено")
    everything = found(browser)
    assert everything >= GENERATED
    shot(browser, "contracts-list")

    surname = names(browser)[0].split(" ")[0]
    prefix = normalized(surname)[:4]
    field = browser.find_element("css selector", "[data-testid=filter-name]")
    field.clear()
    field.send_keys(prefix)
    browser.find_element("css selector", "[data-testid=contract-search]").click()
    WebDriverWait(browser, 10).until(lambda d: "name=" in d.current_url)
    assert wait_for_text(browser, "Результатов найдено")
    matches = names(browser)
    assert 1 <= found(browser) < everything
    assert matches and all(normalized(name).startswith(prefix) for name in matches), matches
    shot(browser, "contracts-list-surname")

    link = browser.find_element("css selector", "[data-testid=contract-link]")
    number = link.text
    link.click()
    WebDriverWait(browser, 10).until(lambda d: "/contracts/" in d.current_url and "name=" not in d.current_url)
    assert wait_for_text(browser, number)
    shot(browser, "contracts-card-from-list")


def test_agent_sees_only_own_contracts_and_the_list_fits_a_phone(contracts, browser):
    server = contracts
    login(browser, server, "agent3")
    browser.get(server + "/contracts?size=100")
    assert wait_for_text(browser, "Результатов найдено")
    operators = {row.find_elements("css selector", "td")[6].text
                 for row in browser.find_elements("css selector", "[data-testid=contracts] tbody tr")}
    assert operators == {"Сидоров Пётр Алексеевич"}
    assert not browser.find_elements("css selector", "[data-testid=filter-mine]")
    browser.set_window_size(390, 844)
    browser.get(server + "/contracts")
    assert wait_for_text(browser, "Результатов найдено")
    shot(browser, "contracts-list-phone")
