"""Applications journey (seed 000 «Раздел «Заявления»», FAQ «…в его личных данных присутствует ошибка» → «Следует
оформить заявление на изменение персональных данных»): the agent files a change of surname on a signed contract from
its card; the operator takes it «В работе» and completes it; the agent sees «Выполнено», the bell, and the contract
with the new surname and a history line."""
import pathlib
import tempfile

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import click_to_new_page, login, shot, wait_for_text
from test_products import cell, fill
from test_signing import EMAIL, PHONE, follow_link, issue_contract, open_newest_message


def sign_remotely(browser, server):
    """The client's side of seed 000's remote signing, as test_signing drives it; returns to the agent's card."""
    browser.find_element("css selector", "[data-testid=send-documents]").click()
    assert wait_for_text(browser, "Документы отправлены клиенту")
    agent_tab = browser.current_window_handle
    browser.switch_to.new_window("tab")
    open_newest_message(browser, server, EMAIL)
    follow_link(browser, "/sign/email/")
    browser.find_element("css selector", "[data-testid=signing-phone]").send_keys(PHONE)
    browser.find_element("css selector", "[data-testid=signing-confirm-phone]").click()
    assert wait_for_text(browser, "Образцы документов отправлены на почту " + EMAIL)
    open_newest_message(browser, server, EMAIL)
    follow_link(browser, "/sign/code/")
    browser.find_element("css selector", "[data-testid=signing-send-code]").click()
    assert wait_for_text(browser, "Код отправлен на номер")
    code_page = browser.current_url
    open_newest_message(browser, server, "+79005554433")
    code = next(word for word in browser.find_element("css selector", "[data-testid=message-body]").text.split()
                if len(word) == 6 and word.isdigit())
    browser.get(code_page.removesuffix("/send"))
    browser.find_element("css selector", "[data-testid=signing-code]").send_keys(code)
    browser.find_element("css selector", "[data-testid=signing-enter-code]").click()
    assert wait_for_text(browser, "Оригиналы документов отправлены на почту " + EMAIL)
    browser.close()
    browser.switch_to.window(agent_tab)
    # The card redraws itself when the status changes, so an element read mid-redraw may go stale: read again.
    WebDriverWait(browser, 15, ignored_exceptions=[StaleElementReferenceException]).until(
        lambda d: cell(d, "card-status") == "Подписан")


def switch_user(browser, server, user):
    browser.delete_all_cookies()
    login(browser, server, user)


def act(browser, action, comment=""):
    """Opens the action's panel on the application card, writes the comment and confirms."""
    browser.find_element("css selector", f"details[data-action={action}] summary").click()
    if comment:
        browser.find_element("id", f"comment-{action}").send_keys(comment)
    # The previous action's page already says «Заявление обновлено»: wait for the new page first.
    click_to_new_page(browser, browser.find_element("css selector", f"[data-testid=do-{action}]"))
    assert wait_for_text(browser, "Заявление обновлено")


def unread_count(browser):
    """The number on the bell; none shown means none unread (other journeys may have left some for this user)."""
    browser.implicitly_wait(0)
    try:
        badges = browser.find_elements("css selector", "[data-testid=unread]")
        return int(badges[0].text) if badges else 0
    finally:
        browser.implicitly_wait(10)


def test_personal_data_change_from_filing_to_done(server, browser):
    card, number = issue_contract(browser, server)
    unread_before = unread_count(browser)
    sign_remotely(browser, server)

    # The agent: «Оформить заявление» on the card → «Изменение персональных данных» → the form.
    browser.find_element("css selector", "[data-testid=contract-application]").click()
    assert wait_for_text(browser, "Вид заявления")
    link = next(a for a in browser.find_elements("css selector", "[data-testid=type-link]")
                if a.text == "Изменение персональных данных")
    link.click()
    assert wait_for_text(browser, "Скан подтверждающего документа")
    browser.find_element("css selector", "[data-testid=file-application]").click()
    assert wait_for_text(browser, "Укажите хотя бы одно новое значение")
    shot(browser, "applications-form-errors")
    fill(browser, "answers[last_name]", "Петров")
    Select(browser.find_element("name", "answers[reason]")).select_by_visible_text("Смена фамилии (брак, развод)")
    scan = pathlib.Path(tempfile.mkdtemp()) / "свидетельство.pdf"
    scan.write_bytes(b"%PDF-1.4 marriage certificate scan")
    browser.find_element("name", "files[document]").send_keys(str(scan))
    browser.find_element("css selector", "[data-testid=file-application]").click()
    assert wait_for_text(browser, "Заявление отправлено")
    assert browser.find_element("css selector", "[data-testid=application-status]").text == "Новое"
    application = browser.current_url
    assert browser.find_element("css selector", "[data-testid=application-file]").text == "свидетельство.pdf"
    shot(browser, "applications-filed")

    # The agent wants status changes by e-mail as well.
    browser.get(server + "/notifications/settings")
    browser.find_element("css selector", "[data-testid='email-application.status']").click()
    browser.find_element("css selector", "[data-testid=save-notification-settings]").click()
    assert wait_for_text(browser, "Настройки уведомлений сохранены")
    shot(browser, "notifications-settings")

    # The operator: the queue, «Взять в работу», «Выполнить».
    switch_user(browser, server, "operator")
    browser.get(server + "/applications?status=new")
    assert wait_for_text(browser, "Очередь заявлений")
    assert number in browser.find_element("css selector", "[data-testid=applications]").text
    shot(browser, "applications-queue")
    browser.get(application)
    act(browser, "take")
    assert browser.find_element("css selector", "[data-testid=application-status]").text == "В работе"
    act(browser, "complete", "Фамилия изменена по свидетельству о браке")
    assert browser.find_element("css selector", "[data-testid=application-status]").text == "Выполнено"
    shot(browser, "applications-done-operator")

    # The agent: the bell, «Выполнено» with the comment, the contract with the new surname and its history line.
    switch_user(browser, server, "agent3")
    # Signed (from the signing flow) + «взято в работу» + «выполнено».
    assert unread_count(browser) == unread_before + 3
    browser.get(server + "/applications")
    assert browser.find_element("css selector", "[data-testid=application-status]").text == "Выполнено"
    shot(browser, "applications-agent-list")
    browser.find_element("css selector", "a.bell").click()
    assert wait_for_text(browser, "выполнено")
    assert "Фамилия изменена по свидетельству о браке" in browser.page_source
    assert f"Договор № {number} подписан" in browser.page_source
    shot(browser, "applications-bell")
    browser.get(card)
    assert "Петров Юрий Германович" in browser.page_source
    assert "Персональные данные изменены" in browser.find_element("css selector", "[data-testid=contract-history]").text
    shot(browser, "applications-contract-changed")
    browser.get(server + "/dev/mailbox?to=agent3%40kabinet.local")
    WebDriverWait(browser, 15).until(lambda d: "Заявление № 1 выполнено" in d.page_source or d.refresh())
