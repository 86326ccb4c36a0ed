from followup.models import ActionPlan, Area, Commitment
from tests.url_walk import LOGIN, Expect

LO = "lokal-overenskommelse-kullahamn"  # adopted, in force, public; plan 2025–2026 adopted


def plan():
    return {"slug": LO, "pk": ActionPlan.objects.get(agreement__slug=LO).pk}


def kif_commitment():
    """Commitment 16: Kullahamns IF's (forening's) and Idrottsalliansen's, not yet reported."""
    return {"slug": LO, "pk": Commitment.objects.get(plan__agreement__slug=LO, number=16).pk}


def linked_item():
    commitment = Commitment.objects.get(plan__agreement__slug=LO, number=6)
    return {"slug": LO, "pk": commitment.pk, "item_id": commitment.action_items.first().pk}


def indicator():
    """A manual indicator of the demo plan (the coordinator enters its values)."""
    plan = ActionPlan.objects.get(agreement__slug=LO)
    return {"slug": LO, "pk": plan.indicators.filter(computed="").first().pk}


def own_area():
    """One of the demo municipality's own areas."""
    return {"slug": LO, "pk": Area.objects.filter(municipality__isnull=False).first().pk}


def open_year():
    return {"slug": LO, "year": 2026}


def report_kif():
    return {**open_year(), "pk": kif_commitment()["pk"]}


# Management pages: the owning municipality's coordinators (and the superuser); others 404.
MANAGERS = {"anonymous": LOGIN, "admin": 200, "samordnare": 200}

URLS = {
    # The public page and the published 2025 report: everyone.
    "followup:overview": Expect(kwargs=lambda: {"slug": LO}),
    "followup:report_csv": Expect(kwargs=lambda: {"slug": LO, "year": 2025}),
    "followup:report_pdf": Expect(kwargs=lambda: {"slug": LO, "year": 2025}),
    "followup:plans": Expect(kwargs=lambda: {"slug": LO}),
    "followup:areas": Expect(MANAGERS, default=404, kwargs=lambda: {"slug": LO}),
    "followup:area_create": Expect(MANAGERS, default=404, kwargs=lambda: {"slug": LO}, post=True),
    "followup:area_edit": Expect(MANAGERS, default=404, kwargs=own_area, post=True),
    "followup:plan_create": Expect(MANAGERS, default=404, kwargs=lambda: {"slug": LO}, post=True),
    "followup:plan": Expect(kwargs=plan),
    "followup:plan_adopt": Expect({"anonymous": LOGIN}, default=405, kwargs=plan, post=True),
    "followup:commitment_create": Expect(MANAGERS, default=404, kwargs=plan, post=True),
    "followup:round_open": Expect(MANAGERS, default=404, kwargs=plan, post=True),
    "followup:indicator_create": Expect(MANAGERS, default=404, kwargs=plan, post=True),
    "followup:indicators_computed": Expect(
        {"anonymous": LOGIN}, default=405, kwargs=plan, post=True
    ),
    "followup:indicator": Expect(kwargs=indicator),
    "followup:indicator_value": Expect(MANAGERS, default=404, kwargs=indicator, post=True),
    "followup:commitment": Expect(kwargs=kif_commitment),
    "followup:commitment_edit": Expect(MANAGERS, default=404, kwargs=kif_commitment, post=True),
    "followup:commitment_status": Expect(MANAGERS, default=404, kwargs=kif_commitment, post=True),
    "followup:commitment_link": Expect(MANAGERS, default=404, kwargs=kif_commitment, post=True),
    "followup:commitment_unlink": Expect(
        {"anonymous": LOGIN}, default=405, kwargs=linked_item, post=True
    ),
    # The open 2026 round: parties and staff; not the public, not an outsider.
    "followup:round": Expect({"anonymous": 404, "utomstaende": 404}, kwargs=open_year),
    # The survey: members of a party association (not the municipality, not outsiders).
    "followup:survey": Expect(
        {"anonymous": LOGIN, "forening": 200}, default=404, kwargs=open_year, post=True
    ),
    "followup:publish": Expect(MANAGERS, default=404, kwargs=open_year, post=True),
    # Reporting on commitment 16: its responsible organisations' members only.
    "followup:report": Expect(
        {"anonymous": LOGIN, "forening": 200}, default=404, kwargs=report_kif, post=True
    ),
}
