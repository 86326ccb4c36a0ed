"""How a person is named wherever Överens shows them: their full name, else their username.

A removed person (privacy/removal.py) keeps no name of their own: the account's name is the
organisations they acted for, so this shows the organisation. Pages do the same in templates
(`user.get_full_name|default:user.username`); the API uses this function, so both agree."""


def display_name(user):
    """The name shown for `user`, or None for no user."""
    if user is None:
        return None
    return user.get_full_name() or user.username
