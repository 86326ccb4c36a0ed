from django import template
from django.urls import NoReverseMatch

from agreements.markdown import render_cached

register = template.Library()


@register.filter
def markdown(text):
    """Safe HTML for a comment's Markdown (raw HTML off, sanitised by nh3)."""
    return render_cached(text)


@register.filter
def agreement_url(agreement):
    """The agreement page; until the agreements pages exist, the list of its revisions'
    consultations is the only page, so the breadcrumb then shows the title without a link."""
    try:
        return agreement.get_absolute_url()
    except NoReverseMatch:
        return ""
