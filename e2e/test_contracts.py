"""Contracts journey: the calculator's «Оформить» → the contract form → «Сохранить» → the card with the
БСО number and «Проект»; a wrong passport series is shown next to its field; the form and the card on a phone."""
import datetime

from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import login, shot, wait_for_text
from test_products import cell, fill, moscow_today, seed_dates

INSURED = "insured[0]"


def center(browser, element):
    """Scrolls so the element is in the middle of the window, clear of the sticky «Назад / Сохранить» bar."""
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)


def open_contract_form(browser, server, agreement="1000002"):
    """The seed example priced for «Продукт 1» and «Оформить»: the quote is saved and the contract form opens."""
    browser.get(server + "/products/product-1")
    start, birth = seed_dates()
    fill(browser, "startDate", start)
    Select(browser.find_element("name", "frequency")).select_by_visible_text("Ежегодно")
    Select(browser.find_element("name", "term")).select_by_visible_text("5 лет")
    fill(browser, "premium", "100 000")
    Select(browser.find_element("name", "agreement")).select_by_value(agreement)
    Select(browser.find_element("name", "sex")).select_by_visible_text("Мужской")
    fill(browser, "birthDate", birth)
    fill(browser, "lastName", "Иванов")
    fill(browser, "firstName", "Юрий")
    fill(browser, "middleName", "Германович")
    browser.find_element("css selector", "[data-testid=calculate]").click()
    assert wait_for_text(browser, "Результат расчета (котировка)")
    browser.find_element("css selector", "[data-testid=save]").click()
    assert wait_for_text(browser, "Расчет сохранен")
    assert wait_for_text(browser, "Новый договор (Продукт 1)")


def fill_client(browser, series="1010"):
    """«Заполнение личных данных клиента» as in the seed: place of birth, passport, contacts, address."""
    passport_issued = (moscow_today() - datetime.timedelta(days=365 * 5)).strftime("%d.%m.%Y")
    fill(browser, f"{INSURED}[birthPlace]", "село Приморское")
    fill(browser, f"{INSURED}[documents][passport][series]", series)
    fill(browser, f"{INSURED}[documents][passport][number]", "101010")
    fill(browser, f"{INSURED}[documents][passport][issueDate]", passport_issued)
    fill(browser, f"{INSURED}[documents][passport][divisionCode]", "220-062")
    fill(browser, f"{INSURED}[documents][passport][issuedBy]", "ТП В С. ХАБАРЫ МРО № 6 УФМС РОССИИ ПО АЛТАЙСКОМУ КРАЮ")
    fill(browser, f"{INSURED}[contacts][mobile]", "+7 (900) 100-01-01")
    fill(browser, f"{INSURED}[contacts][email]", "yug@mail.ru")
    fill(browser, f"{INSURED}[addresses][registration][line]", "г Москва, ул Тестовская")
    fill(browser, f"{INSURED}[addresses][registration][postalCode]", "123112")
    fill(browser, f"{INSURED}[addresses][actual][line]", "г Москва, Дербеневская набережная д. 7, стр. 22, кв. 11")


def test_agent_issues_a_contract_from_the_quote(server, browser):
    login(browser, server, "agent")
    open_contract_form(browser, server)
    assert browser.find_element("name", f"{INSURED}[lastName]").get_attribute("value") == "Иванов"
    shot(browser, "contract-form")

    # A foreign citizen needs two documents: choosing a citizenship shows them (and hides the Russian passport).
    citizenship = Select(browser.find_element("name", f"{INSURED}[citizenship]"))
    citizenship.select_by_visible_text("Бразилия")
    foreign = browser.find_element("name", f"{INSURED}[documents][foreignPassport][number]")
    assert foreign.is_displayed()
    assert not browser.find_element("name", f"{INSURED}[documents][passport][series]").is_displayed()
    center(browser, browser.find_element("css selector", f"[name='{INSURED}[documents][stayDocument][kind]']"))
    shot(browser, "contract-form-foreigner")
    citizenship.select_by_visible_text("Россия")
    assert browser.find_element("name", f"{INSURED}[documents][passport][series]").is_displayed()

    # «Да» to the US question asks for the TIN.
    tin = browser.find_element("name", f"{INSURED}[taxResidency][usTIN][number]")
    assert not tin.is_displayed()
    browser.find_element("id", "insured-0-taxResidency-isUSTaxpayer-yes").click()
    assert tin.is_displayed()
    browser.find_element("id", "insured-0-taxResidency-isUSTaxpayer-no").click()

    fill_client(browser)
    browser.find_element("css selector", "[data-testid=save-contract]").click()
    assert wait_for_text(browser, "Договор сохранен")
    number = browser.find_element("css selector", "[data-testid=contract-number]").text
    assert len(number) == 10 and number.startswith("552")
    assert cell(browser, "card-status") == "Проект"
    assert cell(browser, "card-payment") == "Не оплачен"
    assert cell(browser, "card-name") == "Иванов Юрий Германович"
    assert cell(browser, "card-premium") == "100 000,00 ₽"
    assert cell(browser, "card-back-office") == "Ожидает подтверждения"
    shot(browser, "contract-card")

    # «Отменить» opens its panel; the contract becomes «Отменен» with the reason in the history.
    browser.find_element("css selector", "[data-action=cancel] summary").click()
    browser.find_element("css selector", "[data-action=cancel] textarea").send_keys("Клиент передумал")
    shot(browser, "contract-card-cancel")
    browser.find_element("css selector", "[data-testid=do-cancel]").click()
    assert wait_for_text(browser, "Статус договора изменен")
    assert cell(browser, "card-status") == "Отменен"
    assert "Клиент передумал" in browser.find_element("css selector", "[data-testid=contract-history]").text


def test_a_wrong_passport_series_is_shown_next_to_the_field(server, browser):
    login(browser, server, "agent2")
    open_contract_form(browser, server)
    fill_client(browser, series="10A")
    browser.find_element("css selector", "[data-testid=save-contract]").click()
    assert wait_for_text(browser, "Проверьте заполнение полей.")
    message = browser.find_element("css selector", f"[data-field='{INSURED}.documents.passport.series']")
    assert message.text == "Серия паспорта — 4 цифры, например 1010"
    assert browser.find_element("name", f"{INSURED}[documents][passport][series]").get_attribute("value") == "10A"
    assert browser.find_element("name", f"{INSURED}[contacts][email]").get_attribute("value") == "yug@mail.ru"
    center(browser, message)
    shot(browser, "contract-form-error")


def test_contract_form_and_card_on_a_phone(server, browser):
    browser.set_window_size(390, 900)
    login(browser, server, "partner")
    open_contract_form(browser, server)
    last = browser.find_element("name", f"{INSURED}[lastName]").rect
    first = browser.find_element("name", f"{INSURED}[firstName]").rect
    assert abs(last["x"] - first["x"]) < 2
    shot(browser, "contract-form-phone")
    fill_client(browser)
    browser.find_element("css selector", "[data-testid=save-contract]").click()
    assert wait_for_text(browser, "Договор сохранен")
    shot(browser, "contract-card-phone")
