import json

from django.contrib import messages
from django.contrib.auth import logout
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from organisations.models import LastCoordinator
from privacy.export import personal_data
from privacy.forms import RemovalForm
from privacy.removal import AlreadyRemoved, remove_person


def personal_data_page(request):
    """What the person can do with their personal data: download it, or be removed."""
    return render(request, "privacy/personal_data.html")


def export(request):
    """Everything Överens holds about the signed-in person, as a JSON download."""
    body = json.dumps(
        personal_data(request.user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
    )
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"overens-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def remove(request):
    """GET shows what removal means; POST with the right password removes the person at once."""
    form = RemovalForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            remove_person(request.user)
        except LastCoordinator:
            messages.error(
                request,
                _("You are an organisation's last coordinator. Make someone else coordinator "
                  "first; nothing has been removed."),
            )  # fmt: skip
            return redirect("privacy:remove")
        except AlreadyRemoved as error:
            logout(request)
            messages.info(request, str(error))
            return redirect("home")
        logout(request)
        messages.success(request, _("Your account has been removed. Thank you for taking part."))
        return redirect("home")
    return render(request, "privacy/remove.html", {"form": form})
