"""A real HTTP server on 127.0.0.1 that records what it receives, and subscriptions to it."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.consultation.conftest import agreement, comment, revision  # noqa: F401
from webhooks.models import Subscription

SECRET = "a-secret-of-thirty-two-characters"


class Receiver:
    """What the test server got, and how it answers (status, a Location, a delay)."""

    def __init__(self):
        self.requests, self.status, self.location, self.delay = [], 200, None, 0

    @property
    def bodies(self):
        return [body for _, body in self.requests]


def handler_for(receiver):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            receiver.requests.append((dict(self.headers), body))
            time.sleep(receiver.delay)
            self.send_response(receiver.status)
            if receiver.location:
                self.send_header("Location", receiver.location)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args):
            pass

    return Handler


@pytest.fixture
def receiver(settings):
    """A local HTTP server; 127.0.0.0/8 allowed as a target for the test's duration."""
    settings.WEBHOOKS_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    receiver = Receiver()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(receiver))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    receiver.url = f"http://127.0.0.1:{server.server_address[1]}/hooks/overens"
    yield receiver
    server.shutdown()
    server.server_close()


def subscribe(owner, url, kinds, **overrides):
    values = {"name": "Diarium", "target_url": url, "kinds": kinds, "secret": SECRET}
    return Subscription.objects.create(owner=owner, **values | overrides)
