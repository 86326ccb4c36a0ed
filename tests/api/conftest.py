"""API test helpers: a client that speaks JSON and signs in with a personal token."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from api.models import ApiToken
from tests.factories import make_user


@pytest.fixture(autouse=True)
def fresh_throttle_counts():
    """Throttle counts live in the cache, which outlives a test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def admin(db):
    """The superuser: sees and may change everything, as in the admin site."""
    return make_user("admin", is_superuser=True, is_staff=True)


@pytest.fixture
def api():
    return APIClient(raise_request_exception=False)


def token_for(user, name="test"):
    return ApiToken.issue(user, name)[1]


def as_user(user):
    """An API client that sends `user`'s personal token (anonymous for None)."""
    client = APIClient(raise_request_exception=False)
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {token_for(user)}")
    return client
