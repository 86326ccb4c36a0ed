"""Signing a delivery, and the check a receiver makes (also the example in api/README.md).

The signature is HMAC-SHA256 over "<timestamp>.<body>" with the subscription's secret, sent
as `X-Overens-Signature: sha256=<hex>` beside `X-Overens-Timestamp: <unix seconds>`. Signing
the timestamp with the body lets the receiver refuse an old delivery sent again (a replay).
"""

import hashlib
import hmac
import time

REPLAY_WINDOW = 300  # seconds a receiver should accept a delivery after it was signed


def signature(secret, timestamp, body):
    message = f"{timestamp}.".encode() + body
    return "sha256=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def headers(secret, body, *, now=None):
    timestamp = str(int(time.time() if now is None else now))
    return {
        "X-Overens-Timestamp": timestamp,
        "X-Overens-Signature": signature(secret, timestamp, body),
    }


def verify(secret, body, timestamp, received, *, window=REPLAY_WINDOW, now=None):
    """True if `received` signs `body` at `timestamp` and the timestamp is within the window."""
    try:
        age = (time.time() if now is None else now) - int(timestamp)
    except (TypeError, ValueError):
        return False
    if abs(age) > window:
        return False
    return hmac.compare_digest(signature(secret, timestamp, body), received or "")
