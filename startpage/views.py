from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render

from startpage import personal


@login_not_required
def home(request):
    """`/`: the signed-in person's start page; the public front page for everyone else."""
    if request.user.is_authenticated:
        return render(request, "startpage/personal.html", personal.start_page(request.user))
    return render(request, "pages/home.html")
