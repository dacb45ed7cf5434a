"""Remote signing journey, as seed 000 shows it: the agent presses «Отправить документы на e-mail»; the client, reading
the development mailbox, presses «Подтвердить e-mail», types the phone from the contract, opens the second letter,
«Ввести СМС-код», requests the code, reads the SMS, enters it and sees «Оригиналы документов отправлены на почту».
Meanwhile the agent's card turns «Подписан» by itself, without a reload."""
import urllib.parse

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.support.ui import WebDriverWait

from conftest import login, shot, wait_for_text
from test_contracts import fill_client, open_contract_form
from test_products import cell, fill

EMAIL = "serena@mail.ru"
PHONE = "+7 (900) 555-44-33"


def open_newest_message(browser, server, recipient):
    browser.get(server + "/dev/mailbox?to=" + urllib.parse.quote(recipient))
    browser.find_element("css selector", "[data-testid=mailbox] tbody tr a").click()
    assert wait_for_text(browser, recipient)


def follow_link(browser, containing):
    link = next(a for a in browser.find_elements("css selector", "[data-testid=message-body] a")
                if containing in a.get_attribute("href"))
    browser.get(link.get_attribute("href"))


def issue_contract(browser, server):
    login(browser, server, "agent3")
    open_contract_form(browser, server, agreement="2000001")
    fill_client(browser)
    fill(browser, "insured[0][contacts][mobile]", PHONE)
    fill(browser, "insured[0][contacts][email]", EMAIL)
    browser.find_element("css selector", "[data-testid=save-contract]").click()
    assert wait_for_text(browser, "Договор сохранен")
    return browser.current_url, browser.find_element("css selector", "[data-testid=contract-number]").text


def test_client_signs_remotely_and_the_card_follows(server, browser):
    card, number = issue_contract(browser, server)
    browser.find_element("css selector", "[data-testid=send-documents]").click()
    assert wait_for_text(browser, "Документы отправлены клиенту")
    shot(browser, "signing-card-sent")
    agent_tab = browser.current_window_handle

    # The client, in another tab (no login needed: the links are the whole state).
    browser.switch_to.new_window("tab")
    open_newest_message(browser, server, EMAIL)
    assert "подтвердите электронный адрес" in browser.find_element("css selector", "[data-testid=subject]").text
    shot(browser, "signing-mail-1")
    follow_link(browser, "/sign/email/")
    assert wait_for_text(browser, "Введите номер телефона указанный в договоре")
    phone = browser.find_element("css selector", "[data-testid=signing-phone]")
    phone.send_keys("+7 (900) 555-44-34")
    browser.find_element("css selector", "[data-testid=signing-confirm-phone]").click()
    assert wait_for_text(browser, "Номер не совпадает с указанным в договоре")
    shot(browser, "signing-phone-wrong")
    phone = browser.find_element("css selector", "[data-testid=signing-phone]")
    phone.clear()
    phone.send_keys(PHONE)
    browser.find_element("css selector", "[data-testid=signing-confirm-phone]").click()
    assert wait_for_text(browser, "Образцы документов отправлены на почту " + EMAIL)
    shot(browser, "signing-email-confirmed")

    open_newest_message(browser, server, EMAIL)
    attachments = [a.text for a in browser.find_elements("css selector", "[data-testid=attachment]")]
    assert attachments == ["Полисные условия.pdf", f"policy_{number}.pdf", f"information_materials_{number}.pdf",
                           f"memo_{number}.pdf"]
    follow_link(browser, "/sign/code/")
    assert wait_for_text(browser, "Подтверждение договора страхования кодом СМС")
    assert len(browser.find_elements("css selector", "[data-testid=signing-document]")) == 4
    browser.find_element("css selector", "[data-testid=signing-send-code]").click()
    assert wait_for_text(browser, "***-**-33. Он действует 5 минут")
    code_page = browser.current_url
    shot(browser, "signing-code-sent")

    open_newest_message(browser, server, "+79005554433")
    code = next(word for word in browser.find_element("css selector", "[data-testid=message-body]").text.split()
                if len(word) == 6 and word.isdigit())
    browser.get(code_page.removesuffix("/send"))
    browser.find_element("css selector", "[data-testid=signing-code]").send_keys(code)
    browser.find_element("css selector", "[data-testid=signing-enter-code]").click()
    assert wait_for_text(browser, "Оригиналы документов отправлены на почту " + EMAIL)
    shot(browser, "signing-signed")

    # The agent's card, left open, shows «Подписан» without anyone pressing reload.
    browser.switch_to.window(agent_tab)
    # The card reloads itself when the status changes: an element may go stale under the wait, which is fine.
    WebDriverWait(browser, 15, ignored_exceptions=[StaleElementReferenceException]).until(
        lambda d: cell(d, "card-status") == "Подписан")
    documents = [a.text for a in browser.find_elements("css selector", "[data-testid=card-document]")]
    assert f"policy_{number}.pdf" in documents
    assert browser.find_elements("css selector", "[data-testid=signing-protocol]")
    assert browser.find_elements("css selector", "[data-testid=scan-form]")
    shot(browser, "signing-card-signed")

    # E-mail 3: «Оплатить премию» → the payment page → «Оплатить СБП» → the sandbox pays; the card turns «Оплачен».
    browser.switch_to.new_window("tab")
    open_newest_message(browser, server, EMAIL)
    follow_link(browser, "/pay/")
    assert wait_for_text(browser, "Оплата страховых взносов")
    assert number in browser.page_source
    shot(browser, "payment-page")
    browser.find_element("css selector", "[data-testid=pay-sbp]").click()
    assert browser.find_element("css selector", "svg[role=img]")
    shot(browser, "payment-sbp-qr")
    browser.get(browser.find_element("css selector", "[data-testid=pay-sbp-link]").get_attribute("href"))
    browser.find_element("css selector", "[data-testid=sandbox-pay]").click()
    browser.switch_to.window(agent_tab)
    WebDriverWait(browser, 15, ignored_exceptions=[StaleElementReferenceException]).until(
        lambda d: cell(d, "card-payment") == "Оплачен")
    assert cell(browser, "card-paid") == "100 000,00 ₽"
    assert cell(browser, "card-paid-at") != "-"
    shot(browser, "payment-card-paid")
