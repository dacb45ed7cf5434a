"""Webhooks journey: the administrator opens «Администрирование» → «Уведомления внешних систем», adds the address of
a system (here a small HTTP server of the test), copies the secret shown once, sends a test event and sees it
delivered; then an agent cancels a contract and the system receives `contract.changed`, each request signed
with HMAC-SHA256 of «timestamp.body» — checked here with Python's own hmac, not the portal's code."""
import hashlib
import hmac
import json
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, HTTPServer

import jsonschema
import pytest
import yaml
from selenium.webdriver.support.ui import WebDriverWait

from conftest import login, shot, wait_for_text
from test_signing import issue_contract


class Receiver(BaseHTTPRequestHandler):
    requests = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
        Receiver.requests.append((dict(self.headers), body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def receiver():
    Receiver.requests = []
    server = HTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/kabinet-events"
    server.shutdown()


def signed(headers, body, secret):
    expected = "sha256=" + hmac.new(secret.encode(), (headers["X-Kabinet-Timestamp"] + "." + body).encode(),
                                    hashlib.sha256).hexdigest()
    return hmac.compare_digest(headers["X-Kabinet-Signature"], expected)


def documented_by(server):
    """Checks a received request against the `webhooks` of the OpenAPI document the portal serves (JSON Schema
    2020-12, formats included): the body against its event's schema, and the required headers."""
    with urllib.request.urlopen(server + "/api/v1/openapi.yaml", timeout=10) as response:
        document = yaml.safe_load(response.read())

    def check(headers, body):
        event = json.loads(body)["event"]
        operation = document["webhooks"][event]["post"]
        pointer = f"#/webhooks/{event}/post/requestBody/content/application~1json/schema"
        validator = jsonschema.Draft202012Validator({**document, "$ref": pointer},
                                                    format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
        validator.validate(json.loads(body))
        for reference in operation["parameters"]:
            parameter = document["components"]["parameters"][reference["$ref"].rsplit("/", 1)[1]]
            jsonschema.validate(headers[parameter["name"]], parameter["schema"])
        return True

    return check


def wait_for_requests(count):
    WebDriverWait(None, 15, poll_frequency=0.2).until(lambda _: len(Receiver.requests) >= count)


def test_admin_adds_an_address_and_it_hears_of_contract_changes(server, browser, receiver):
    login(browser, server, "admin")
    browser.get(server + "/admin")
    browser.find_element("partial link text", "Уведомления внешних систем").click()
    assert wait_for_text(browser, "Новый адрес")
    browser.find_element("css selector", "[data-testid=add-webhook] input[name=name]").send_keys("ОС Борлас")
    browser.find_element("css selector", "[data-testid=add-webhook] input[name=url]").send_keys(receiver)
    browser.find_element("css selector", "[data-testid=webhook-create]").click()
    assert wait_for_text(browser, "Скопируйте секрет подписи сейчас")
    secret = browser.find_element("css selector", "[data-testid=webhook-secret]").text
    shot(browser, "webhooks-created")

    browser.find_element("css selector", "[data-testid=webhook-test]").click()
    assert wait_for_text(browser, "Тестовое событие поставлено в очередь")
    wait_for_requests(1)
    headers, body = Receiver.requests[0]
    assert headers["X-Kabinet-Event"] == "ping" and json.loads(body)["event"] == "ping"
    assert signed(headers, body, secret)
    assert not signed(headers, body, secret + "x")
    browser.get(server + "/admin/webhooks")
    assert "Доставлено" in browser.find_element("css selector", "[data-testid=webhook-deliveries]").text
    assert secret not in browser.page_source
    shot(browser, "webhooks-delivered")

    # An agent issues a contract and cancels it: the system hears of both, in order.
    browser.delete_all_cookies()
    card, number = issue_contract(browser, server)
    browser.find_element("css selector", "[data-action=cancel] summary").click()
    browser.find_element("css selector", "[data-action=cancel] textarea").send_keys("Клиент передумал")
    browser.find_element("css selector", "[data-testid=do-cancel]").click()
    assert wait_for_text(browser, "Статус договора изменен")
    wait_for_requests(3)
    events = [json.loads(body) for _, body in Receiver.requests[1:3]]
    assert [e["event"] for e in events] == ["contract.created", "contract.changed"]
    assert events[1]["action"] == "cancel"
    assert events[1]["contract"]["number"] == number and events[1]["contract"]["status"] == "cancelled"
    assert all(signed(h, b, secret) for h, b in Receiver.requests)
    documented = documented_by(server)
    assert all(documented(h, b) for h, b in Receiver.requests)
