"""Products journey: the agent opens «Продукты ▾» → «Продукт 1», prices the seed example, switches an optional risk off,
recalculates and saves the quote; an administrator uploads tariff files."""
import datetime
import json
import pathlib
import tempfile
from zoneinfo import ZoneInfo

from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import ROOT, login, shot, wait_for_text

NBSP = "\u00a0"


def moscow_today():
    return datetime.datetime.now(ZoneInfo("Europe/Moscow")).date()


def seed_dates():
    """Start tomorrow; born 32 years and 92 days before today, so the insured is 32 at the start (the 25–34 rates)."""
    today = moscow_today()
    try:
        years_back = today.replace(year=today.year - 32)
    except ValueError:  # 29 February
        years_back = today.replace(year=today.year - 32, day=28)
    birth = years_back - datetime.timedelta(days=92)
    return (today + datetime.timedelta(days=1)).strftime("%d.%m.%Y"), birth.strftime("%d.%m.%Y")


def cell(driver, testid):
    return driver.find_element("css selector", f"[data-testid='{testid}']").text.replace(NBSP, " ")


def fill(driver, name, value):
    field = driver.find_element("name", name)
    field.clear()
    field.send_keys(value)


def test_agent_prices_the_seed_example_and_saves_the_quote(server, browser):
    login(browser, server, "agent")
    browser.find_element("css selector", "[data-testid=nav-dropdown] summary").click()
    shot(browser, "products-dropdown")
    browser.find_element("css selector", "[data-testid=nav-dropdown] .dropdown-menu").find_element("link text", "Продукт 1").click()
    assert wait_for_text(browser, "Расчет по продукту — Продукт 1")
    shot(browser, "calculator-empty")

    start, birth = seed_dates()
    fill(browser, "startDate", start)
    Select(browser.find_element("name", "frequency")).select_by_visible_text("Ежегодно")
    Select(browser.find_element("name", "term")).select_by_visible_text("5 лет")
    fill(browser, "premium", "100 000")
    Select(browser.find_element("name", "agreement")).select_by_value("1000002")
    Select(browser.find_element("name", "sex")).select_by_visible_text("Мужской")
    fill(browser, "birthDate", birth)
    fill(browser, "lastName", "Иванов")
    fill(browser, "firstName", "Юрий")
    fill(browser, "middleName", "Германович")
    locked = browser.find_element("css selector", "input[data-risk=survival]")
    assert locked.is_selected() and not locked.is_enabled()
    shot(browser, "calculator-filled")
    browser.find_element("css selector", "[data-testid=calculate]").click()
    assert wait_for_text(browser, "Результат расчета (котировка)")

    assert cell(browser, "sum-survival") == "603 566,62 ₽"
    assert cell(browser, "premium-survival") == "99 482,30 ₽"
    assert cell(browser, "sum-accidentDeath") == "49 881,54 ₽"
    assert [cell(browser, f"premium-{risk}") for risk in ("assistance", "accidentDeath", "accidentDisability", "accidentInjury")] == \
        ["195,34 ₽", "85,44 ₽", "15,95 ₽", "220,97 ₽"]
    assert cell(browser, "per-payment") == "100 000,00 ₽"
    assert cell(browser, "per-year") == "100 000,00 ₽"
    assert "Разовый взнос (Ежегодно)" in browser.page_source
    browser.find_element("css selector", "[data-testid=quote-result]").location_once_scrolled_into_view
    shot(browser, "calculator-result")

    browser.find_element("css selector", "input[data-risk=accidentInjury]").click()
    browser.find_element("css selector", "[data-testid=recalculate]").click()
    WebDriverWait(browser, 10).until(lambda d: "99&nbsp;703,27" in d.page_source or "99\u00a0703,27" in d.page_source)
    assert cell(browser, "premium-survival") == "99 703,27 ₽"
    assert not browser.find_elements("css selector", "[data-testid=premium-accidentInjury]")
    assert cell(browser, "per-payment") == "100 000,00 ₽"

    # «Оформить»: the quote is saved and the seed's next page, the client's personal data, opens
    browser.find_element("css selector", "[data-testid=save]").click()
    assert wait_for_text(browser, "Расчет сохранен")
    assert "/contracts/new?quote=" in browser.current_url
    assert "Новый договор (Продукт 1)" in browser.page_source
    shot(browser, "quote-saved-contract-form")

    browser.get(server + "/quotes")
    assert "Иванов Юрий Германович" in browser.page_source
    shot(browser, "quotes-list")
    browser.find_element("css selector", "[data-testid=quote-link]").click()
    assert wait_for_text(browser, "2024.1")
    assert cell(browser, "premium-survival") == "99 703,27 ₽"
    assert cell(browser, "quote-version") == "2024.1"
    shot(browser, "quote-saved")


def test_calculator_on_a_phone_is_one_column(server, browser):
    browser.set_window_size(390, 900)
    login(browser, server, "agent")
    browser.get(server + "/products/product-1")
    premium = browser.find_element("name", "premium").rect
    start = browser.find_element("name", "startDate").rect
    assert abs(premium["x"] - start["x"]) < 2
    shot(browser, "calculator-phone")
    fill(browser, "premium", "1 000")
    browser.find_element("css selector", "[data-testid=calculate]").click()
    assert wait_for_text(browser, "Проверьте заполнение полей.")
    assert browser.find_element("css selector", "[data-field=sex]").text == "Укажите пол"
    Select(browser.find_element("name", "sex")).select_by_visible_text("Женский")
    fill(browser, "birthDate", "01.01.1990")
    browser.find_element("css selector", "[data-testid=calculate]").click()
    WebDriverWait(browser, 10).until(lambda d: d.find_elements("css selector", "[data-field=premium]"))
    assert browser.find_element("css selector", "[data-field=premium]").text.startswith("Взнос должен быть от 30")
    assert browser.find_element("name", "premium").get_attribute("value") == "1 000"
    browser.find_element("css selector", "[data-field=premium]").location_once_scrolled_into_view
    shot(browser, "calculator-errors-phone")
    browser.get(server + "/products")
    shot(browser, "products-phone")


def test_administrator_uploads_tariff_versions(server, browser):
    tariff = json.loads((ROOT / "Sources/Kabinet/Resources/Tariffs/product-1.json").read_text())
    folder = pathlib.Path(tempfile.mkdtemp(prefix="kabinet-tariffs-"))
    broken = dict(tariff, version="2099.1", terms=[5, 5])
    (folder / "broken.json").write_text(json.dumps(broken, ensure_ascii=False, indent=2))
    good = dict(tariff, version="2099.2", validFrom="2099-01-01")
    (folder / "good.json").write_text(json.dumps(good, ensure_ascii=False, indent=2))

    login(browser, server, "admin")
    browser.get(server + "/admin")
    browser.find_element("css selector", "a[href=\"/admin/tariffs\"]").click()
    assert wait_for_text(browser, "Загрузить тариф")
    browser.find_element("css selector", "[data-testid=tariff-file]").send_keys(str(folder / "broken.json"))
    browser.find_element("css selector", "form.inline-upload button.primary").click()
    assert wait_for_text(browser, "terms[1]: Значение «5» повторяется")
    shot(browser, "tariffs-rejected")
    browser.find_element("css selector", "[data-testid=tariff-file]").send_keys(str(folder / "good.json"))
    browser.find_element("css selector", "form.inline-upload button.primary").click()
    assert wait_for_text(browser, "Тариф загружен")
    assert "2099.2" in browser.page_source
    shot(browser, "tariffs")
