"""Kullahamn's local agreement (three revisions, adopted and in force, signed by its parties)
and an IOP on homework help still in draft. Idempotent: an agreement that exists is kept."""

from datetime import datetime, time, timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone

from agreements.models import Agreement, Party, RegistrationFormat, Revision
from consultation import demo as demo_consultation
from organisations.models import Organisation

TEXTS = Path(__file__).parent / "demo_texts"
LO_SLUG = "lokal-overenskommelse-kullahamn"
IOP_SLUG = "iop-laxhjalp-oresundsvik"
LO_TITLE = "Lokal överenskommelse mellan Kullahamns stad och den idéburna sektorn"

# Revision 2 is revision 3 with these passages as they read then; revision 1 likewise from 2.
REVISION_2 = [
    (
        "förenkla ansökan om och redovisning av föreningsbidrag, och ha en gemensam digital ansökan för alla förvaltningar senast 2026;",
        "förenkla ansökan om och redovisning av föreningsbidrag;",
    ),
    (
        "- se till att stadens webbplatser, e-tjänster och handlingar som rör föreningslivet är tillgängliga och följer lagen om tillgänglighet till digital offentlig service;\n",
        "",
    ),
    (
        "## 9.3 Meningsskiljaktigheter\n\nOm en part anser att en annan part inte följer överenskommelsen tas frågan i första hand upp direkt mellan de berörda. Går det inte att lösa tar styrgruppen upp frågan vid sitt nästa möte. Styrgruppens rekommendation och hur den har tagits om hand redovisas vid den årliga uppföljningen.\n\n",
        "",
    ),
    (
        "Vid uppföljningen ska parterna särskilt redovisa hur barn och unga har kunnat påverka samverkan, i enlighet med barnkonventionen.",
        "Vid uppföljningen ska parterna redovisa hur barn och unga har kunnat påverka samverkan.",
    ),
]
REVISION_1 = [
    ("ge minst sex veckors svarstid", "ge rimlig svarstid"),
    (
        "Dialogforum hålls minst två gånger per år, varav en gång i samband med den årliga uppföljningen.",
        "Dialogforum hålls två gånger per år.",
    ),
    (
        "Överenskommelsen revideras vart fjärde år, eller tidigare om styrgruppen föreslår det.",
        "Överenskommelsen revideras vart tredje år.",
    ),
    (
        "# 6 Handlingsplan\n\nTill överenskommelsen hör en handlingsplan med konkreta aktiviteter, ansvariga och tidsramar. Handlingsplanen tas fram av styrgruppen, gäller ett år i taget och revideras i samband med den årliga uppföljningen. Handlingsplanen för det första året omfattar bland annat den gemensamma digitala bidragsansökan, lokalöversikten, en vägledning för IOP och en utbildning om överenskommelsen för stadens chefer.\n\n",
        "",
    ),
    ("# 7 Uppföljning", "# 6 Uppföljning"),
    ("## 7.1 Indikatorer", "## 6.1 Indikatorer"),
    ("## 7.2 Barn", "## 6.2 Barn"),
    ("# 8 Revidering", "# 7 Revidering"),
    ("# 9 Anslutning och utträde", "# 8 Anslutning och utträde"),
    ("## 9.1 Anslutning", "## 8.1 Anslutning"),
    ("## 9.2 Utträde", "## 8.2 Utträde"),
    ("# 10 Giltighetstid", "# 9 Giltighetstid"),
    ("revidering enligt avsnitt 8", "revidering enligt avsnitt 7"),
    (
        "## 4.3 Arbetsgrupper\n\nStyrgruppen kan tillsätta arbetsgrupper för att bereda särskilda frågor, till exempel en ny modell för lokalbidrag eller en vägledning för idéburet offentligt partnerskap. En arbetsgrupp har alltid företrädare för både staden och föreningslivet och ett tidsbegränsat uppdrag.\n\n## 4.4 Samordning",
        "## 4.3 Samordning",
    ),
]

# organisation, role, signed by, title, days after adoption (None: not yet signed)
PARTIES = [
    ("Kullahamns stad", Party.Role.MUNICIPALITY, "Lena Holm", "Kommunstyrelsens ordförande", 14),
    ("Kullahamns Föreningsråd", Party.Role.UMBRELLA, "Per Åkesson", "Ordförande", 14),
    ("Idrottsalliansen Kullahamn", Party.Role.UMBRELLA, "Maria Lindqvist", "Ordförande", 14),
    ("Kullahamns IF", Party.Role.SIGNATORY, "Johan Persson", "Ordförande", 21),
    ("Hamnstadens Simsällskap", Party.Role.SIGNATORY, "Karin Sjöberg", "Ordförande", 21),
    ("Kullahamns Ridklubb", Party.Role.SIGNATORY, "Eva Strand", "Ordförande", 25),
    ("Öresundsviks Boxningsklubb", Party.Role.SIGNATORY, "Ahmed Hassan", "Ordförande", 25),
    ("Kullahamns Konstförening", Party.Role.SIGNATORY, "Ingrid Falk", "Ordförande", 30),
    ("Teaterföreningen Fyrljuset", Party.Role.SIGNATORY, "Olle Nyström", "Ordförande", 30),
    ("Kullahamns Manskör", Party.Role.SIGNATORY, "Bengt Ros", "Ordförande", 34),
    ("Folkdanslaget Kullabygden", Party.Role.SIGNATORY, "Britt Ek", "Ordförande", 34),
    ("Stadsmissionen i Kullahamn", Party.Role.SIGNATORY, "Sofia Berglund", "Direktor", 40),
    ("Röda Korset Kullahamnskretsen", Party.Role.SIGNATORY, "Nils Åberg", "Ordförande", 40),
    ("Funktionsrätt Kullahamn", Party.Role.SIGNATORY, "Hanna Wik", "Ordförande", 45),
    ("Scoutkåren Kullaörnarna", Party.Role.SIGNATORY, "Erik Lund", "Kårordförande", 45),
    (
        "Studieförbundet Bildning Kullahamn",
        Party.Role.SIGNATORY,
        "Amina Yusuf",
        "Verksamhetschef",
        52,
    ),
    ("Arbetskooperativet Hamnverket", Party.Role.SIGNATORY, "Tove Dahl", "Verksamhetsledare", 60),
    ("Kullahamns Pensionärsförening", Party.Role.SIGNATORY, "Gösta Karlsson", "Ordförande", 60),
    ("Kvinnojouren Kullahamn", Party.Role.SIGNATORY, "", "", None),
]
DRAFTERS = {"Kullahamns Föreningsråd", "Idrottsalliansen Kullahamn"}


def texts():
    """The three revisions' texts, oldest first."""
    third = (TEXTS / "lo_kullahamn.md").read_text(encoding="utf-8")
    second = _apply(third, REVISION_2)
    return [_apply(second, REVISION_1), second, third]


def _apply(text, changes):
    for new, old in changes:
        if new not in text:
            raise ValueError(f"demo text changed; passage not found: {new[:60]}")
        text = text.replace(new, old)
    return text


class Clock:
    """Backdates what the verbs record, so the demo timeline spreads over two years."""

    def __init__(self, agreement, start):
        self.agreement, self.start, self.seen = agreement, start, 0

    def at(self, days):
        when = timezone.make_aware(datetime.combine(self.start + timedelta(days=days), time(10)))
        self.agreement.events.filter(pk__gt=self.seen).update(at=when)
        self.seen = self.agreement.events.order_by("-pk").values_list("pk", flat=True).first()
        return when


def seed(stdout):
    city = Organisation.objects.get(slug="kullahamns-stad")
    RegistrationFormat.objects.get_or_create(
        municipality=city, defaults={"pattern": r"KS \d{4}/\d{4}", "example": "KS 2024/0412"}
    )
    samordnare = get_user_model().objects.get(username="samordnare")
    if not Agreement.objects.filter(slug=LO_SLUG).exists():
        _local_agreement(city, samordnare)
    if not Agreement.objects.filter(slug=IOP_SLUG).exists():
        _homework_help(city, samordnare)
    stdout.write(f"  {Agreement.objects.count()} agreements")
    demo_consultation.seed(stdout)


def _local_agreement(city, by):
    first, second, third = texts()
    agreement = Agreement.create(
        municipality=city,
        title=LO_TITLE,
        slug=LO_SLUG,
        by=by,
        body=first,
        summary="Hur Kullahamns stad och föreningslivet samverkar: principer, åtaganden, "
        "styrgrupp och dialogforum, uppföljning och revidering.",
    )
    agreement.review_interval_months = 48
    agreement.save(update_fields=["review_interval_months"])
    clock = Clock(agreement, timezone.localdate() - timedelta(days=620))
    clock.at(0)
    for name, role, *_ in PARTIES[1:]:
        organisation = Organisation.objects.get(name=name)
        agreement.add_party(organisation, role, by=by, is_drafter=name in DRAFTERS)
    clock.at(10)
    _consultation_round(agreement, by, clock, 60, 120, "Första remissversionen.")
    _draft_round(agreement, by, clock, second, 150)
    _consultation_round(
        agreement,
        by,
        clock,
        200,
        260,
        "Handlingsplan, arbetsgrupper och längre svarstider efter remissen.",
    )
    _draft_round(agreement, by, clock, third, 290)
    revision = _consultation_round(
        agreement,
        by,
        clock,
        300,
        345,
        "Digital tillgänglighet, barnrätt och meningsskiljaktigheter efter remiss 2.",
    )
    _adopt(agreement, revision, by, clock)
    # Set after the history above, whose rounds are replayed with short closing times.
    Agreement.objects.filter(pk=agreement.pk).update(minimum_consultation_days=42)
    return agreement


def _draft_round(agreement, by, clock, body, day):
    draft = agreement.start_draft(by=by)
    clock.at(day)
    draft.save_text(
        title=draft.title, body=body, change_summary="", base_version=draft.version, by=by
    )
    clock.at(day + 20)


def _consultation_round(agreement, by, clock, opened, closed, summary):
    revision = agreement.open_consultation(
        closes_at=timezone.now() + timedelta(days=1), by=by, change_summary=summary
    )
    published = clock.at(opened)
    agreement.close_consultation(by=by)
    closed_at = clock.at(closed)
    Revision.objects.filter(pk=revision.pk).update(
        published_at=published, consultation_closes_at=closed_at, consultation_closed_at=closed_at
    )
    return revision


def _adopt(agreement, revision, by, clock):
    decided_on = clock.start + timedelta(days=380)
    agreement.adopt(
        revision,
        body="Kommunfullmäktige",
        decided_on=decided_on,
        registration_number="KS 2024/0412",
        minute_reference="§ 87",
        by=by,
    )
    clock.at(380)
    agreement.change_status(Agreement.Status.IN_FORCE, by=by, on=decided_on + timedelta(days=14))
    clock.at(394)
    for name, _, signer, title, after in PARTIES:
        if after is None:
            continue
        party = agreement.parties.get(organisation__name=name)
        party.sign(name=signer, title=title, on=decided_on + timedelta(days=after), by=by)
        clock.at(380 + after)
    agreement.parties.filter(organisation__name="Kvinnojouren Kullahamn").update(
        joined_on=timezone.localdate() - timedelta(days=20)
    )
    created = timezone.make_aware(datetime.combine(clock.start, time(9)))
    Agreement.objects.filter(pk=agreement.pk).update(created_at=created)


def _homework_help(city, by):
    agreement = Agreement.create(
        municipality=city,
        title="Idéburet offentligt partnerskap om läxhjälp i Öresundsvik",
        slug=IOP_SLUG,
        by=by,
        body=(TEXTS / "iop_laxhjalp.md").read_text(encoding="utf-8"),
        summary="Utkast: läxhjälp för barn och unga tillsammans med Öresundsviks Boxningsklubb och Studieförbundet Bildning Kullahamn.",
    )
    for name in ("Öresundsviks Boxningsklubb", "Studieförbundet Bildning Kullahamn"):
        organisation = Organisation.objects.get(name=name)
        agreement.add_party(organisation, Party.Role.SIGNATORY, by=by, is_drafter=True)
    return agreement
