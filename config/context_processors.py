from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

# Header links, in order. A link shows once its app provides the URL, so a
# feature appears in the navigation the day it lands.
NAVIGATION = [
    ("agreements:list", _("Agreements")),
    ("dialogues:forum_list", _("Dialogue forums")),
    ("search:search", _("Search")),
    ("organisations:list", _("Organisations")),
]


def _links():
    for name, label in NAVIGATION:
        try:
            yield {"url": reverse(name), "label": label, "section": name.split(":")[0]}
        except NoReverseMatch:
            continue


def navigation(request):
    match = getattr(request, "resolver_match", None)
    current = match.namespace if match else ""
    return {"nav_links": list(_links()), "nav_current": current}
