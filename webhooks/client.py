"""Sending one delivery: a POST over the standard library's http.client.

Why not requests or httpx: we must connect to the very address targets.py checked (so a host
name cannot answer differently between the check and the connection) and never follow a
redirect; http.client does exactly one request to the host we connect it to, and a connection
whose connect() opens the socket to the checked address is its documented extension point.
"""

import http.client
import socket
import ssl
import time
from dataclasses import dataclass

from django.conf import settings

from webhooks import targets

MAX_ANSWER = 1024  # bytes of the answer kept for the log


@dataclass
class Answer:
    status: int | None
    duration_ms: int
    error: str = ""

    @property
    def ok(self):
        return self.status is not None and 200 <= self.status < 300


class PinnedConnection(http.client.HTTPConnection):
    """An HTTP(S) connection to `address`, speaking to `host` (Host header, TLS name check)."""

    def __init__(self, target, address, timeout):
        super().__init__(target.host, target.port, timeout=timeout)
        self.address, self.tls = address, target.scheme == "https"

    def connect(self):
        sock = socket.create_connection((self.address, self.port), self.timeout)
        if self.tls:
            sock = ssl.create_default_context().wrap_socket(sock, server_hostname=self.host)
        self.sock = sock


def post(url, body, headers):
    """POST `body` to `url`; never raises for the target's faults, they are in the Answer."""
    started = time.monotonic()
    try:
        target = targets.resolve(url)  # checked again now: DNS may have changed since
        status = _post(target, body, headers)
    except Exception as error:  # noqa: BLE001 - every failure of the target is logged, not raised
        return Answer(None, _ms(started), _describe(error))
    error = "" if 200 <= status < 300 else _status_error(status)
    return Answer(status, _ms(started), error)


def _post(target, body, headers):
    connection = PinnedConnection(target, target.addresses[0], settings.WEBHOOKS_TIMEOUT)
    try:
        connection.request("POST", target.path, body=body, headers=headers)
        answer = connection.getresponse()
        answer.read(MAX_ANSWER)
        return answer.status
    finally:
        connection.close()


def _status_error(status):
    if 300 <= status < 400:
        return f"HTTP {status}: redirects are not followed"
    return f"HTTP {status}"


def _describe(error):
    text = str(error) or type(error).__name__
    return f"{type(error).__name__}: {text}"[:500]


def _ms(started):
    return int((time.monotonic() - started) * 1000)
