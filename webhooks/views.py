"""The webhook pages: list, create, change, delete a subscription; its deliveries; resend."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from webhooks import delivery as deliveries
from webhooks.exceptions import WebhookError
from webhooks.forms import SubscriptionForm
from webhooks.permissions import subscription_or_404, subscriptions_of

SHOWN_DELIVERIES = 50


def subscription_list(request):
    subscriptions = subscriptions_of(request.user)
    return render(request, "webhooks/list.html", {"subscriptions": subscriptions})


def subscription_create(request):
    subscriptions_of(request.user)  # 404 unless the user may manage webhooks
    form = SubscriptionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.owner = request.user
        subscription = form.save()
        messages.success(request, _("The webhook “%(name)s” was created.") % {"name": subscription})
        return redirect("webhooks:detail", subscription.pk)
    return render(request, "webhooks/form.html", {"form": form}, status=400 if form.errors else 200)


def subscription_edit(request, pk):
    subscription = subscription_or_404(request.user, pk)
    form = SubscriptionForm(request.POST or None, instance=subscription)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The webhook “%(name)s” was saved.") % {"name": subscription})
        return redirect("webhooks:detail", subscription.pk)
    context = {"form": form, "subscription": subscription}
    return render(request, "webhooks/form.html", context, status=400 if form.errors else 200)


def subscription_detail(request, pk):
    subscription = subscription_or_404(request.user, pk)
    shown = subscription.deliveries.all()[:SHOWN_DELIVERIES]
    context = {"subscription": subscription, "deliveries": shown}
    return render(request, "webhooks/detail.html", context)


@require_POST
def subscription_delete(request, pk):
    subscription = subscription_or_404(request.user, pk)
    subscription.delete()
    messages.success(request, _("The webhook “%(name)s” was deleted.") % {"name": subscription})
    return redirect("webhooks:list")


@require_POST
def delivery_resend(request, pk, delivery_id):
    subscription = subscription_or_404(request.user, pk)
    delivery = get_object_or_404(subscription.deliveries, pk=delivery_id)
    try:
        deliveries.resend(delivery)
    except WebhookError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The delivery will be sent again in a moment."))
    return redirect("webhooks:detail", subscription.pk)
