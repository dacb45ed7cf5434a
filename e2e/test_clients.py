"""Client base journey (seed 002): the agent opens «База клиентов», «Добавить клиента», ticks «Добавить клиента с
телефоном», presses «Подтвердить», reads the SMS code in the development mailbox, enters it, «Сохранить данные»;
the profile shows «N лет: ДД.ММ.ГГГГ г. р.» and the confirmed phone; «+ Оформить» lands on the calculator with the
client's name filled in. Then the list, search and «Вы уверены?» at phone width."""
import urllib.parse
import urllib.request

from selenium.webdriver.support.ui import Select

from conftest import login, shot, wait_for_text
from test_products import fill, seed_dates
from test_signing import open_newest_message

PHONE = "+7 (900) 777-12-34"
SMS = "+79007771234"


def read_code(browser, server):
    """The six digits of the newest SMS to the client, as the client would read them out to the agent."""
    form_page = browser.current_window_handle
    browser.switch_to.new_window("tab")
    open_newest_message(browser, server, SMS)
    shot(browser, "clients-sms")
    text = browser.find_element("css selector", "[data-testid=message-body]").text
    code = next(word for word in text.split() if len(word) == 6 and word.isdigit())
    browser.close()
    browser.switch_to.window(form_page)
    return code


def add_client(browser, server, last="Покин", first="Иван", middle="Сергеевич"):
    _, birth = seed_dates()
    browser.get(server + "/clients")
    browser.find_element("css selector", "[data-testid=add-client]").click()
    assert wait_for_text(browser, "Эл. почта (личная) *")
    fill(browser, "lastName", last)
    fill(browser, "firstName", first)
    fill(browser, "middleName", middle)
    fill(browser, "birthDate", birth)
    fill(browser, "email", "pokin@mail.ru")
    Select(browser.find_element("name", "documentKind")).select_by_visible_text("Паспорт гражданина РФ")
    fill(browser, "documentNumber", "4510 123456")
    return birth


def test_agent_adds_a_client_with_a_confirmed_phone_and_starts_a_contract(server, browser):
    login(browser, server, "agent")
    browser.get(server + "/")
    assert "База клиентов" in browser.page_source
    birth = add_client(browser, server)
    browser.find_element("css selector", "[data-testid=with-phone]").click()
    assert browser.find_element("name", "phone").is_displayed()
    assert "Подтверждая телефон клиента, вы привязываете его к себе после продажи полиса" in browser.page_source
    fill(browser, "phone", PHONE)
    shot(browser, "clients-add")
    browser.find_element("css selector", "[data-testid=confirm-phone]").click()
    assert wait_for_text(browser, "Код отправлен в СМС на номер +7 (900) 777-12-34")

    # A wrong code first: the message is next to the field, nothing saved.
    browser.find_element("name", "code").send_keys("000000" if read_code(browser, server) != "000000" else "111111")
    browser.find_element("css selector", "[data-testid=save]").click()
    assert wait_for_text(browser, "Неверный код")
    shot(browser, "clients-wrong-code")

    code = read_code(browser, server)
    field = browser.find_element("name", "code")
    field.clear()
    field.send_keys(code)
    browser.find_element("css selector", "[data-testid=save]").click()
    assert wait_for_text(browser, "Клиент добавлен в базу")
    profile = browser.find_element("css selector", "[data-testid=client-profile]").text
    assert "Покин Иван Сергеевич" in profile
    assert f": {birth} г. р." in browser.find_element("css selector", "[data-testid=client-age]").text
    assert PHONE in profile
    shot(browser, "clients-profile")
    browser.get(server + "/clients?phone=" + urllib.parse.quote("8 900 777 12 34"))
    assert wait_for_text(browser, "Покин Иван Сергеевич")
    shot(browser, "clients-list")
    browser.find_element("css selector", "[data-testid=client-row] a").click()
    assert wait_for_text(browser, "data-testid=\"client-profile\"")

    browser.find_element("css selector", "[data-testid=issue]").click()
    if "/issue/" not in browser.current_url:
        browser.find_elements("css selector", "[data-testid=issue-product]")[0].click()
    assert wait_for_text(browser, "data-testid=\"calculator\"")
    assert browser.find_element("name", "lastName").get_attribute("value") == "Покин"
    assert browser.find_element("name", "firstName").get_attribute("value") == "Иван"
    assert browser.find_element("name", "middleName").get_attribute("value") == "Сергеевич"
    assert browser.find_element("name", "birthDate").get_attribute("value") == birth
    assert Select(browser.find_element("name", "sex")).first_selected_option.get_attribute("value") == "male"
    shot(browser, "clients-calculator")


def test_client_list_search_and_delete_on_a_phone(server, browser):
    browser.set_window_size(390, 900)
    login(browser, server, "agent2")
    add_client(browser, server, last="Булгаков", first="Сергей", middle="Александрович")
    fill(browser, "comment", "Позвонить после 18:00")
    shot(browser, "clients-add-phone")
    browser.find_element("css selector", "[data-testid=save]").click()
    assert wait_for_text(browser, "Клиент добавлен в базу")
    shot(browser, "clients-profile-phone")

    browser.get(server + "/clients?name=" + urllib.parse.quote("БУЛГ"))
    assert wait_for_text(browser, "Булгаков Сергей Александрович")
    shot(browser, "clients-list-phone")
    # «Выгрузить в CSV» keeps the search: the file holds the found client with the comment, as Excel opens it
    export = browser.find_element("css selector", "[data-testid=clients-export]").get_attribute("href")
    assert "name=" in export
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in browser.get_cookies())
    with urllib.request.urlopen(urllib.request.Request(export, headers={"Cookie": cookies}), timeout=10) as response:
        assert response.headers["Content-Type"].startswith("text/csv")
        lines = response.read().decode("utf-8-sig").splitlines()
    assert lines[0] == "ФИО;Дата рождения;Телефон;Комментарий;Э-Почта;Статус"
    assert len(lines) == 2 and lines[1].startswith("Булгаков Сергей Александрович;") and "Позвонить после 18:00" in lines[1]
    browser.find_element("css selector", "[data-testid=client-row] input[type=checkbox]").click()
    browser.find_element("css selector", "[data-testid=delete]").click()
    assert wait_for_text(browser, "Вы уверены?")
    assert "Подтвердите удаление выбранных клиентов" in browser.page_source
    shot(browser, "clients-delete-confirm")
    browser.find_element("css selector", "[data-testid=confirm]").click()
    assert wait_for_text(browser, "Клиенты удалены из базы")
    assert "Булгаков Сергей Александрович" not in browser.page_source
