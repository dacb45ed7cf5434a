#!/usr/bin/env python3
"""SMTP sink for end-to-end tests: accepts every message and stores it as a .eml file.

    python3 e2e/smtp_sink.py --port 2525 --maildir /tmp/mail \
        [--host 127.0.0.1] [--starttls CERT KEY | --tls CERT KEY] [--auth USER:PASS]

Prints "ready" on stdout once listening and runs in the foreground until killed
(SIGTERM/SIGINT). Each message is written atomically (tmp file + rename) as
DIR/<time>-<n>.eml, with X-Envelope-From / X-Envelope-To headers prepended so tests
can check the SMTP envelope too. Needs `pip install aiosmtpd` (tested with 1.4.6).

--starttls makes STARTTLS mandatory; --tls is implicit TLS (SMTPS). With --auth the
server requires authentication (PLAIN or LOGIN; after STARTTLS when --starttls is given).
"""
import argparse
import itertools
import logging
import os
import signal
import ssl
import threading
import time
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


# Noise from aiosmtpd 1.4: its own use of Session.login_data on every AUTH, and AUTH without
# STARTTLS (wanted here for --tls, where the link is encrypted, and for plain test setups).
warnings.filterwarnings("ignore", message="Session.login_data is deprecated")
warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")
logging.getLogger("mail.log").setLevel(logging.ERROR)


class MaildirHandler:
    def __init__(self, maildir):
        self.maildir = maildir
        self.counter = itertools.count(1)

    async def handle_DATA(self, server, session, envelope):
        name = f"{time.time():.6f}-{next(self.counter)}.eml"
        header = (f"X-Envelope-From: {envelope.mail_from}\r\n"
                  f"X-Envelope-To: {', '.join(envelope.rcpt_tos)}\r\n").encode()
        tmp = os.path.join(self.maildir, "." + name + ".tmp")
        with open(tmp, "wb") as f:
            f.write(header + envelope.original_content)
        os.rename(tmp, os.path.join(self.maildir, name))
        return "250 Message accepted for delivery"


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--maildir", required=True)
    tls = p.add_mutually_exclusive_group()
    tls.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"))
    tls.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"), help="implicit TLS")
    p.add_argument("--auth", metavar="USER:PASS")
    args = p.parse_args()
    os.makedirs(args.maildir, exist_ok=True)

    kwargs = {}
    cert = args.starttls or args.tls
    if cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(*cert)
        if args.starttls:
            kwargs.update(tls_context=context, require_starttls=True)
        else:
            kwargs.update(ssl_context=context)
    if args.auth:
        user, _, password = args.auth.partition(":")

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = (isinstance(auth_data, LoginPassword)
                  and auth_data.login == user.encode() and auth_data.password == password.encode())
            # handled=False: otherwise aiosmtpd sends no 535 on failure and the client hangs.
            return AuthResult(success=ok, handled=False)

        # aiosmtpd counts only STARTTLS as TLS for auth_require_tls, not implicit TLS.
        kwargs.update(authenticator=authenticator, auth_required=True,
                      auth_require_tls=bool(args.starttls))

    # A generous ready_timeout: the controller's self-check (a connection, with TLS a handshake) took over
    # aiosmtpd's default 5 s on a machine busy with a release build, and the sink then exited.
    controller = Controller(MaildirHandler(args.maildir), hostname=args.host, port=args.port,
                            ready_timeout=60, **kwargs)
    controller.start()
    print("ready", flush=True)

    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    # Wake up regularly: a signal handler cannot end an untimed wait of the main thread here.
    while not stop.wait(0.5):
        pass
    controller.stop()


if __name__ == "__main__":
    main()
