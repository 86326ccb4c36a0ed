from django.contrib import messages
from django.shortcuts import redirect, render

from records.exceptions import RecordsError


def form_data(request):
    return request.POST if request.method == "POST" else None


def perform(request, form, act, *, success, template, context):
    """Validate `form` and call `act(cleaned_data)`, then redirect to what it returns with a
    message; invalid input or a domain error shows the page again and changes nothing."""
    if request.method == "POST" and form.is_valid():
        try:
            target = act(form.cleaned_data)
        except RecordsError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, success)
            return redirect(target)
    status = 400 if request.method == "POST" else 200
    return render(request, template, {"form": form, **context}, status=status)
