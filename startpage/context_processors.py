from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse


def branding(request):
    """The installation's name, municipality, logo and contact, for every page."""
    logo = settings.MUNICIPALITY_LOGO
    colours = settings.MUNICIPALITY_COLOUR or settings.MUNICIPALITY_COLOUR_DARK
    return {
        "branding": {
            "site_name": settings.SITE_NAME,
            "municipality": settings.MUNICIPALITY_NAME,
            "logo_url": (logo if logo.startswith("/") else static(logo)) if logo else "",
            "contact_email": settings.MUNICIPALITY_CONTACT_EMAIL,
            "website": settings.MUNICIPALITY_WEBSITE,
            "colours_url": reverse("brand_css") if colours else "",
        }
    }
