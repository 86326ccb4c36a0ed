from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control

from startpage import personal, public


@login_not_required
def home(request):
    """`/`: the signed-in person's start page; the public front page for everyone else."""
    if request.user.is_authenticated:
        return render(request, "startpage/personal.html", personal.start_page(request.user))
    return render(request, "startpage/public.html", public.front_page(request.user))


@login_not_required
@cache_control(max_age=3600, public=True)
def brand_css(request):
    """The municipality's colours (MUNICIPALITY_COLOUR, …_DARK) over the default blue."""
    lines = [
        f"  --{name}: {colour};"
        for name, colour in [
            ("accent", settings.MUNICIPALITY_COLOUR),
            ("accent-dark", settings.MUNICIPALITY_COLOUR_DARK),
        ]
        if colour
    ]
    return HttpResponse(":root {\n" + "\n".join(lines) + "\n}\n", content_type="text/css")
