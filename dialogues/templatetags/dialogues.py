from django import template

from dialogues import markdown as md

register = template.Library()


@register.filter
def markdown(text):
    """Sanitised HTML from Markdown."""
    return md.render(text)


@register.filter
def field_named(form, name):
    """The bound field `name` of `form` (for forms whose fields are made per record)."""
    return form[name]
