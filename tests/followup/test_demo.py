"""The issue's done-when story on the demo city."""

from django.contrib.auth import get_user_model
from django.test import Client

from followup.models import ActionPlan, Commitment, FollowUpRound

LO = "/agreements/lokal-overenskommelse-kullahamn"


def client_for(username):
    client = Client()
    if username:
        client.force_login(get_user_model().objects.get(username=username))
    return client


def test_the_demo_plan_has_the_mix_the_minutes_speak_of(demo):
    plan = ActionPlan.objects.get(agreement__slug="lokal-overenskommelse-kullahamn")
    statuses = list(plan.commitments.values_list("status", flat=True))

    assert len(statuses) == 24
    assert [statuses.count(s) for s in ("done", "in_progress", "not_started")] == [15, 6, 3]
    published = FollowUpRound.objects.get(plan=plan, year=2025)
    assert published.survey_answers.count() >= 5
    assert all(row["average"] is not None for row in published.report["survey"])
    assert plan.indicators.filter(computed="").first().values.count() == 2


def test_forening_reports_and_answers_samordnare_publishes_and_the_public_reads(demo):
    kif = Commitment.objects.get(plan__agreement__slug="lokal-overenskommelse-kullahamn", number=16)
    forening, samordnare = client_for("forening"), client_for("samordnare")
    report_url = f"{LO}/follow-ups/2026/commitments/{kif.pk}/report/"

    outsider = client_for("utomstaende").post(
        report_url, {"status": "done", "progress": 100, "note": ""}
    )
    before = samordnare.get(f"{LO}/follow-ups/2026/")
    forening.post(report_url, {"status": "in_progress", "progress": 60, "note": "Tre kurser"})
    principles = kif.plan.agreement.principles.values_list("pk", flat=True)
    survey = forening.post(
        f"{LO}/follow-ups/2026/survey/", {f"p{pk}": "4" for pk in principles} | {"text": ""}
    )
    samordnare.post(f"{LO}/follow-ups/2026/publish/", {"summary": "Uppföljning 2026."})
    public = Client().get(f"{LO}/follow-up/")

    assert outsider.status_code == 404
    not_reported = [t.organisation.name for t in before.context["tasks"] if not t.reported_at]
    assert "Kullahamns IF" in not_reported
    assert survey.status_code == 302
    kif.refresh_from_db()
    assert kif.progress == 60
    assert public.status_code == 200
    assert public.context["round"].year == 2026
    assert 'src="data:image/svg+xml;base64,' in public.text
