from django import template

from dialogues import markdown as md

register = template.Library()


@register.filter
def markdown(text):
    """Sanitised HTML from Markdown."""
    return md.render(text)
