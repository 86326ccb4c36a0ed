"""Who may do what with a file: exactly what they may do with the record it is on.

The rules themselves belong to the record's app and reach us through the
registry; this module only adds the rule for organisations, which every app
imports and which therefore may be registered from here.
"""

from organisations import permissions


def can_view_organisation(user, organisation):
    """An active organisation's page is public, and so are its files."""
    return organisation.is_active


def can_change_organisation(user, organisation):
    """The organisation's coordinators, who also manage its members."""
    return organisation.is_active and permissions.has_perm(
        user, "organisations.manage_members", organisation
    )
