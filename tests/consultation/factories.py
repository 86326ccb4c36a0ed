"""make_x(**overrides) helpers for consultation tests."""

from agreements.models import Comment
from tests.agreements.factories import TEXT, make_agreement, make_party, publish

__all__ = ["TEXT", "make_agreement", "make_comment", "make_party", "publish"]


def make_comment(revision, author, organisation, **overrides):
    values = {"body": "Vi vill att dialogen sker tidigare.", **overrides}
    return Comment.post(revision=revision, author=author, organisation=organisation, **values)


def section(revision, anchor):
    return revision.sections.get(anchor=anchor)
