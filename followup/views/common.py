from django.contrib import messages
from django.shortcuts import redirect, render

from followup.exceptions import FollowUpError


def form_data(request):
    return request.POST if request.method == "POST" else None


def perform(request, form, act, *, success, page):
    """Validate `form`, call `act(cleaned_data)` and redirect to what it returns with a
    message; a domain error is shown on the form page again and nothing changes."""
    if request.method == "POST" and form.is_valid():
        try:
            target = act(form.cleaned_data)
        except FollowUpError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, success)
            return redirect(target)
    return render(
        request, "followup/form_page.html", {"form": form, **page}, status=_status(request, form)
    )


def _status(request, form):
    # A refused POST says so to API-like clients and tests; the page is the same.
    return 400 if request.method == "POST" else 200
