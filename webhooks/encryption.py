"""Subscription secrets encrypted at rest: the only importer of `cryptography`.

A secret must be readable (it signs each delivery), so it is encrypted rather than hashed:
Fernet (AES-128-CBC with an HMAC-SHA256, a timestamp and a random IV per value) with the keys
of `settings.WEBHOOKS_SECRET_KEYS`. The first key encrypts; every key decrypts, so a key is
rotated by putting the new one first, running `manage.py rotate_webhook_secrets`, and then
dropping the old one. A database dump or backup therefore holds no usable secret.
"""

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models


def _fernet():
    return MultiFernet([Fernet(key) for key in settings.WEBHOOKS_SECRET_KEYS])


def encrypt(text):
    return _fernet().encrypt(text.encode()).decode()


def decrypt(token):
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        raise ImproperlyConfigured(
            "A webhook secret cannot be decrypted with WEBHOOKS_SECRET_KEYS: was the key "
            "changed? Put the old key after the new one (webhooks/README.md)."
        ) from None


class EncryptedTextField(models.TextField):
    """Text stored encrypted: Python sees the text, the database only its Fernet token."""

    def from_db_value(self, value, expression, connection):
        return None if value is None else decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return None if value is None else encrypt(value)
