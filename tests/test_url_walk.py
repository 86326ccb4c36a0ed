"""Walk every URL pattern as each demo role: no 500, no leak, no unchecked page.

The admin site (Django's own, staff only) is left out.
"""

import importlib

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.url_walk import LOGIN, ROLES

APPS = [
    "config",
    "organisations",
    "agreements",
    "consultation",
    "dialogues",
    "followup",
    "attachments",
    "search",
    "api",
    "notifications",
    "webhooks",
    "records",
    "imports",
    "privacy",
]  # noqa: E501


def expectations():
    table = {}
    for app in APPS:
        try:
            module = importlib.import_module(f"tests.{app}.url_walk")
        except ModuleNotFoundError:
            continue
        table.update(module.URLS)
    return table


def url_names(patterns=None, namespace=""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield namespace + pattern.name


def client_for(role):
    client = Client(raise_request_exception=False)
    if role != "anonymous":
        client.force_login(get_user_model().objects.get(username=role))
    return client


def matches(response, expected):
    if expected == LOGIN:
        return response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    return response.status_code == expected


def test_every_url_has_an_expectation(db):
    table = expectations()

    unchecked = sorted(set(url_names()) - set(table))

    assert unchecked == [], "Add these to tests/<app>/url_walk.py: " + ", ".join(unchecked)


def test_every_url_answers_each_role_as_expected(demo):
    table = expectations()
    clients = {role: client_for(role) for role in ROLES}
    wrong = []

    for name in sorted(set(url_names()) & set(table)):
        expect = table[name]
        url = reverse(name, kwargs=expect.kwargs())
        for role in ROLES:
            response = clients[role].get(url)
            if not matches(response, expect.status_for(role)):
                wrong.append(
                    f"{role} GET {url}: {response.status_code}, expected {expect.status_for(role)}"
                )

    assert wrong == [], "\n".join(wrong)


def test_every_state_changing_url_refuses_a_post_without_csrf_token(demo):
    table = expectations()
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.force_login(get_user_model().objects.get(username="admin"))
    accepted = []

    for name in sorted(set(url_names()) & set(table)):
        if table[name].post:
            url = reverse(name, kwargs=table[name].kwargs())
            if client.post(url).status_code != 403:
                accepted.append(url)

    assert accepted == []
