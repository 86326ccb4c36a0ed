"""The pages' forms for the API, naming records by their API identifiers: organisations,
themes and agreements by slug, persons by username."""


def by_identifier(form_class, slugs=(), usernames=()):
    """`form_class` whose record fields take a slug (`slugs`) or a username (`usernames`)."""

    class ByIdentifier(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            for name in slugs:
                self.fields[name].to_field_name = "slug"
            for name in usernames:
                self.fields[name].to_field_name = "username"

    ByIdentifier.__name__ = f"{form_class.__name__}ByIdentifier"
    return ByIdentifier


def current_identifiers(record, slugs=(), usernames=()):
    """A record's single-valued links as the API names them, for the base of a PATCH."""
    values = {}
    for name in slugs:
        linked = getattr(record, name)
        if linked is not None:
            values[name] = linked.slug
    for name in usernames:
        linked = getattr(record, name)
        if linked is not None:
            values[name] = linked.username
    return values
