"""The access journey: log in as a demo agent, see the start page tiles, log out; a wrong password gets the seed's message."""
from conftest import login, shot, wait_for_text, PASSWORD

SEED_FAILURE = ("Неверный логин или пароль. Введите корректный логин/пароль "
                "или воспользуйтесь функцией восстановления доступа.")


def test_agent_logs_in_sees_tiles_and_logs_out(server, browser):
    browser.get(server + "/login")
    for text in ("Логин", "Пароль", "Запомнить", "Войти", "Восстановить доступ"):
        assert text in browser.page_source
    shot(browser, "login")
    login(browser, server, "agent")
    assert browser.current_url.rstrip("/") == server
    tiles = browser.find_elements("css selector", "[data-testid=tile]")
    assert len(tiles) >= 2
    assert browser.find_element("css selector", "[data-testid=header-login]").text == "agent"
    assert "DSF" in browser.page_source
    shot(browser, "home-agent")
    browser.find_element("css selector", "[data-testid=logout]").click()
    assert wait_for_text(browser, "Восстановить доступ")
    assert "/login" in browser.current_url
    browser.get(server + "/")
    assert "/login" in browser.current_url


def test_wrong_password_shows_seed_message(server, browser):
    login(browser, server, "agent", "not-the-password-1")
    message = browser.find_element("css selector", "[data-testid=login-error]").text
    assert message == SEED_FAILURE
    shot(browser, "login-failed")


def test_admin_invites_user_who_sets_password_from_mailbox(server, browser):
    login(browser, server, "admin")
    browser.get(server + "/admin/users/new")
    browser.find_element("name", "login").send_keys("e2e.agent")
    browser.find_element("name", "fullName").send_keys("Орлова Дарья Игоревна")
    browser.find_element("name", "email").send_keys("orlova@example.ru")
    browser.find_element("css selector", "button.primary").click()
    assert wait_for_text(browser, "Пользователь создан")
    shot(browser, "admin-user-created")
    browser.find_element("css selector", "[data-testid=logout]").click()
    assert wait_for_text(browser, "Восстановить доступ")

    browser.get(server + "/dev/mailbox?to=orlova@example.ru")
    browser.find_element("partial link text", "приглашение").click()
    shot(browser, "mailbox-invitation")
    browser.find_element("css selector", "[data-testid=message-body] a").click()
    browser.find_element("name", "password").send_keys("Orlova2025")
    browser.find_element("name", "confirmation").send_keys("Orlova2025")
    browser.find_element("css selector", "button.primary").click()
    assert wait_for_text(browser, "Пароль сохранён")
    login(browser, server, "e2e.agent", "Orlova2025")
    assert browser.find_element("css selector", "[data-testid=header-login]").text == "e2e.agent"


def test_recovery_through_mailbox(server, browser):
    browser.get(server + "/login")
    browser.find_element("link text", "Восстановить доступ").click()
    browser.find_element("name", "login").send_keys("teamlead")
    browser.find_element("css selector", "button.primary").click()
    assert browser.find_element("css selector", "[data-testid=recover-sent]")
    browser.get(server + "/dev/mailbox?to=teamlead@kabinet.local")
    browser.find_element("partial link text", "восстановление доступа").click()
    browser.find_element("css selector", "[data-testid=message-body] a").click()
    browser.find_element("name", "password").send_keys("Recovered2025")
    browser.find_element("name", "confirmation").send_keys("Recovered2025")
    browser.find_element("css selector", "button.primary").click()
    assert wait_for_text(browser, "Пароль сохранён")
    login(browser, server, "teamlead", "Recovered2025")
    assert browser.find_element("css selector", "[data-testid=header-login]").text == "teamlead"


def test_command_line_creates_user_who_logs_in(server, browser):
    import os
    import subprocess
    env = dict(os.environ, KABINET_DATA_DIR=os.environ["KABINET_E2E_DATA"], KABINET_WORKERS="false")
    result = subprocess.run([os.environ["KABINET_E2E_BINARY"], "users", "create", "--login", "cli.operator",
                             "--role", "operator", "--name", "Командная Строка", "--password", "Cli2025pass"],
                            env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "cli.operator" in result.stdout
    weak = subprocess.run([os.environ["KABINET_E2E_BINARY"], "users", "create", "--login", "cli.weak",
                           "--role", "agent", "--password", "short"], env=env, capture_output=True, text=True, timeout=60)
    assert weak.returncode != 0
    login(browser, server, "cli.operator", "Cli2025pass")
    assert browser.find_element("css selector", "[data-testid=header-login]").text == "cli.operator"
