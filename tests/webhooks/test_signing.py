"""A receiver can check that a delivery came from Överens, and refuse one sent again later."""

import hashlib
import hmac

from webhooks import signing

BODY = b'{"event": "comment.answered", "record": {"id": 7}}'
SECRET = "kullahamns-diarium-hemlighet"


def test_a_receiver_verifies_the_signature_with_the_shared_secret():
    headers = signing.headers(SECRET, BODY, now=1_700_000_000)

    timestamp, received = headers["X-Overens-Timestamp"], headers["X-Overens-Signature"]

    # What a receiver writes in any language: HMAC-SHA256 over "<timestamp>.<body>".
    expected = hmac.new(SECRET.encode(), f"{timestamp}.".encode() + BODY, hashlib.sha256)
    assert received == "sha256=" + expected.hexdigest()
    assert signing.verify(SECRET, BODY, timestamp, received, now=1_700_000_010)


def test_a_changed_body_or_another_secret_does_not_verify():
    headers = signing.headers(SECRET, BODY, now=1_700_000_000)
    timestamp, received = headers["X-Overens-Timestamp"], headers["X-Overens-Signature"]

    assert not signing.verify(SECRET, BODY + b" ", timestamp, received, now=1_700_000_000)
    assert not signing.verify("another-secret", BODY, timestamp, received, now=1_700_000_000)
    assert not signing.verify(SECRET, BODY, "not a time", received, now=1_700_000_000)


def test_a_delivery_replayed_after_the_window_is_refused():
    headers = signing.headers(SECRET, BODY, now=1_700_000_000)
    timestamp, received = headers["X-Overens-Timestamp"], headers["X-Overens-Signature"]

    assert signing.verify(SECRET, BODY, timestamp, received, now=1_700_000_000 + 299)
    assert not signing.verify(SECRET, BODY, timestamp, received, now=1_700_000_000 + 301)


def test_a_timestamp_moved_forward_breaks_the_signature():
    headers = signing.headers(SECRET, BODY, now=1_700_000_000)

    moved = str(1_700_000_000 + 1000)

    assert not signing.verify(
        SECRET, BODY, moved, headers["X-Overens-Signature"], now=1_700_001_000
    )


def test_the_verification_example_in_the_integrators_guide_accepts_a_real_delivery():
    from pathlib import Path

    guide = (Path(__file__).parents[2] / "api" / "README.md").read_text()
    example = guide.split("Verifying a delivery")[1].split("```python")[1].split("```")[0]
    namespace = {}
    exec(example, namespace)  # noqa: S102 - our own documentation's example
    headers = signing.headers(SECRET, BODY)
    timestamp, received = headers["X-Overens-Timestamp"], headers["X-Overens-Signature"]

    assert namespace["verify"](SECRET, BODY, timestamp, received)
    assert not namespace["verify"](SECRET, BODY + b"x", timestamp, received)
    assert not namespace["verify"](SECRET, BODY, str(int(timestamp) - 301), received)
