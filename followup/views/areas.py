"""The municipality's own list of areas, kept by the agreement's coordinators."""

from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from agreements.permissions import can_manage
from followup import permissions as rules
from followup.exceptions import AreaNameTaken
from followup.forms import AreaForm
from followup.models import Area
from followup.views.common import form_data, perform
from organisations.models import Organisation


def _managed_agreement(user, slug):
    agreement = rules.agreement_or_404(user, slug)
    if not can_manage(user, agreement):
        raise Http404
    return agreement


def _of(agreement):
    """The shared areas and the municipality's own."""
    return Q(municipality__isnull=True) | Q(municipality=agreement.municipality_id)


def area_list(request, slug):
    agreement = _managed_agreement(request.user, slug)
    areas = Area.objects.filter(_of(agreement))
    return render(request, "followup/areas.html", {"agreement": agreement, "areas": areas})


def area_create(request, slug):
    agreement = _managed_agreement(request.user, slug)
    form = AreaForm(form_data(request), municipality=agreement.municipality)
    page = {"title": _("New area"), "back": agreement, "submit": _("Add the area")}
    return perform(
        request,
        form,
        lambda data: _save(form, agreement),
        success=_("The area was added."),
        page=page,
    )


def area_edit(request, slug, pk):
    agreement = _managed_agreement(request.user, slug)
    area = Area.objects.filter(pk=pk, municipality=agreement.municipality).first()
    if area is None:  # the shared areas are kept in the admin
        raise Http404
    form = AreaForm(form_data(request), instance=area, municipality=agreement.municipality)
    page = {"title": _("Edit the area"), "back": agreement, "submit": _("Save")}
    return perform(
        request,
        form,
        lambda data: _save(form, agreement),
        success=_("The area was saved."),
        page=page,
    )


@transaction.atomic
def _save(form, agreement):
    """Under a lock on the municipality, so twenty at once cannot make the same name twice."""
    Organisation.objects.select_for_update().get(pk=agreement.municipality_id)
    same_name = Area.objects.filter(_of(agreement), name__iexact=form.instance.name).exclude(
        pk=form.instance.pk
    )
    if same_name.exists():
        raise AreaNameTaken
    form.instance.municipality = agreement.municipality
    form.save()
    return reverse("followup:areas", args=[agreement.slug])
