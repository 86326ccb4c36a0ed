"""The public during a review: anonymous reads Kullahamn's local agreement in force while its
next revision is out for consultation, follows the banner into the proposal and finds the
adopted text in search."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from agreements.models import Agreement
from demo.agreements import LO_SLUG
from tests.browser.helpers import assert_accessible

NEW_PASSAGE = "Staden inrättar ett föreningsråd för hela kommunen."


def open_a_review():
    """samordnare revises the agreement in force and sends revision 4 out for consultation."""
    samordnare = get_user_model().objects.get(username="samordnare")
    agreement = Agreement.objects.get(slug=LO_SLUG)
    draft = agreement.start_draft(by=samordnare)
    draft.save_text(
        title=draft.title,
        body=draft.body + f"\n\n{NEW_PASSAGE}\n",
        change_summary="Ett föreningsråd.",
        base_version=draft.version,
        by=samordnare,
    )
    agreement.change_status(Agreement.Status.UNDER_REVIEW, by=samordnare)
    return agreement.open_consultation(closes_at=timezone.now() + timedelta(days=42), by=samordnare)


def test_anonymous_reads_the_agreement_in_force_while_a_consultation_runs(page):
    proposal = open_a_review()
    in_force = Agreement.objects.get(slug=LO_SLUG).adopted_revision

    page.goto("/agreements/")
    page.get_by_role("link", name=in_force.agreement.title).click()

    banner = page.get_by_role("region", name="Under revidering")
    assert banner.is_visible()
    assert f"version {proposal.number}" in banner.inner_text()
    assert page.locator("article.agreement-text").is_visible()
    assert NEW_PASSAGE not in page.locator("article.agreement-text").inner_text()
    assert_accessible(page)

    banner.get_by_role("link", name=f"Läs förslaget till version {proposal.number}").click()
    assert page.get_by_text(NEW_PASSAGE).is_visible()
    assert_accessible(page)

    page.goto("/search/?q=föreningsliv")
    assert page.get_by_role("link", name=in_force.agreement.title).first.is_visible()
