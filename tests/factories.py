"""Plain helpers that make records for tests: make_x(**overrides)."""

import itertools

from django.contrib.auth import get_user_model
from django.utils.text import slugify

from organisations.models import Membership, Organisation
from organisations.orgnr import luhn_check_digit

_numbers = itertools.count(1)


def valid_orgnr(seed=None):
    base = f"802{(seed if seed is not None else next(_numbers)):06d}"
    return f"{base[:6]}-{base[6:]}{luhn_check_digit(base)}"


def make_organisation(**overrides):
    name = overrides.pop("name", None) or f"Förening {next(_numbers)}"
    values = {
        "name": name,
        "slug": slugify(name),
        "kind": Organisation.Kind.ASSOCIATION,
    }
    values.update(overrides)
    return Organisation.objects.create(**values)


def make_user(username=None, organisation=None, role=Membership.Role.MEMBER, **overrides):
    username = username or f"user{next(_numbers)}"
    user = get_user_model().objects.create_user(
        username=username,
        password=overrides.pop("password", "secret-pass-123"),
        email=overrides.pop("email", f"{username}@example.org"),
        **overrides,
    )
    if organisation is not None:
        Membership.objects.create(user=user, organisation=organisation, role=role)
    return user
