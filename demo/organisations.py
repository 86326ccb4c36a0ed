"""The fictional city of Kullahamn and its civil society, for demos and manual testing."""

from django.contrib.auth import get_user_model
from django.utils.text import slugify

from organisations.models import Membership, Organisation
from organisations.orgnr import luhn_check_digit

Kind = Organisation.Kind
MUNICIPALITY_NAME = "Kullahamns stad"

DEPARTMENTS = [
    "Stadsledningsförvaltningen",
    "Kultur- och fritidsförvaltningen",
    "Socialförvaltningen",
    "Stadsbyggnadsförvaltningen",
    "Arbetsmarknadsförvaltningen",
    "Skol- och fritidsförvaltningen",
]

UMBRELLAS = [
    (
        "Kullahamns Föreningsråd",
        "Samarbetsorgan för föreningslivet i Kullahamn med ett 80-tal medlemsföreningar.",
    ),
    ("Idrottsalliansen Kullahamn", "Paraplyorganisation för stadens idrottsföreningar."),
]

ASSOCIATIONS = [
    (
        "Kullahamns IF",
        Kind.ASSOCIATION,
        "Idrottsförening med fotboll, friidrott och handboll för alla åldrar.",
    ),
    ("Hamnstadens Simsällskap", Kind.ASSOCIATION, "Simskola och tävlingssim i Kullabadet."),
    ("Kullahamns Ridklubb", Kind.ASSOCIATION, "Ridskola och tävlingsverksamhet på Norra gärdet."),
    (
        "Öresundsviks Boxningsklubb",
        Kind.ASSOCIATION,
        "Boxning och läxhjälp för unga i Öresundsvik.",
    ),
    ("Kullahamns Konstförening", Kind.ASSOCIATION, "Utställningar och konstlotteri sedan 1948."),
    ("Teaterföreningen Fyrljuset", Kind.ASSOCIATION, "Amatörteater och sommarteater i hamnen."),
    ("Kullahamns Manskör", Kind.ASSOCIATION, "Körsång i fyra stämmor."),
    ("Folkdanslaget Kullabygden", Kind.ASSOCIATION, "Folkdans, spelmansmusik och dräkttradition."),
    ("Hamnkvarterens Hyresgästförening", Kind.ASSOCIATION, "Boendeinflytande och grannsamverkan."),
    ("Stadsmissionen i Kullahamn", Kind.OTHER, "Socialt arbete för människor i utsatthet."),
    ("Kvinnojouren Kullahamn", Kind.ASSOCIATION, "Stöd till våldsutsatta kvinnor och barn."),
    (
        "Röda Korset Kullahamnskretsen",
        Kind.ASSOCIATION,
        "Första hjälpen, språkcafé och besöksverksamhet.",
    ),
    ("Funktionsrätt Kullahamn", Kind.UMBRELLA, "Samarbetsorgan för funktionsrättsföreningar."),
    (
        "Synskadades förening i Kullahamn",
        Kind.ASSOCIATION,
        "Intressepolitik och gemenskap för synskadade.",
    ),
    (
        "Hörselskadades förening Kullahamn",
        Kind.ASSOCIATION,
        "Hörslingor, textning och tillgänglighet.",
    ),
    (
        "Autism- och Aspergerföreningen Kullahamn",
        Kind.ASSOCIATION,
        "Stöd och träffar för familjer.",
    ),
    ("Ungdomens Hus Kullahamn", Kind.ASSOCIATION, "Mötesplats drivs av och för unga."),
    ("Scoutkåren Kullaörnarna", Kind.ASSOCIATION, "Scouting för barn och unga från åtta år."),
    ("Fritidsgården Sjöstjärnan", Kind.ASSOCIATION, "Öppen verksamhet för unga i Södra hamnen."),
    (
        "Studieförbundet Bildning Kullahamn",
        Kind.OTHER,
        "Studiecirklar, kulturprogram och folkbildning.",
    ),
    (
        "Arbetskooperativet Hamnverket",
        Kind.OTHER,
        "Arbetsintegrerande socialt företag med café och snickeri.",
    ),
    ("Stiftelsen Kullahamns Barnfond", Kind.OTHER, "Stipendier och lovaktiviteter för barn."),
    ("Föreningen Svenska med baby", Kind.ASSOCIATION, "Språkträffar för nyanlända föräldrar."),
    ("Kullahamns Pensionärsförening", Kind.ASSOCIATION, "Gemenskap, friskvård och studiebesök."),
    (
        "Modelljärnvägsklubben Rälsen",
        Kind.ASSOCIATION,
        "Modelljärnvägar och öppet hus för allmänheten.",
    ),
]

USERS = [
    # username, first name, last name, organisation, role
    ("samordnare", "Sara", "Lind", MUNICIPALITY_NAME, Membership.Role.COORDINATOR),
    ("tjansteperson", "Tomas", "Berg", "Kultur- och fritidsförvaltningen", Membership.Role.MEMBER),
    ("forening", "Fatima", "Nilsson", "Kullahamns IF", Membership.Role.MEMBER),
    ("utomstaende", "Ulf", "Ek", "Modelljärnvägsklubben Rälsen", Membership.Role.MEMBER),
]
PASSWORD = "demo"  # noqa: S105 - demo accounts only, created by seed_demo


def demo_orgnr(index, first_digits="802"):
    """A Luhn-valid organisation number; 802 is how Swedish non-profit associations start."""
    base = f"{first_digits}{index:0{9 - len(first_digits)}d}"
    return f"{base[:6]}-{base[6:]}{luhn_check_digit(base)}"


def _organisation(name, kind, parent=None, number="", description=""):
    organisation, _ = Organisation.objects.get_or_create(
        slug=slugify(name),
        defaults={
            "name": name,
            "kind": kind,
            "parent": parent,
            "organisation_number": number,
            "description": description,
            "email": f"info@{slugify(name)}.example",
            "is_demo": True,
        },
    )
    return organisation


def _user(username, first_name, last_name, superuser=False):
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "email": f"{username}@demo.example",
            "is_staff": superuser,
            "is_superuser": superuser,
        },
    )
    if created:
        user.set_password(PASSWORD)
        user.save(update_fields=["password"])
    return user


def seed(stdout):
    city = _organisation(
        MUNICIPALITY_NAME,
        Kind.MUNICIPALITY,
        number=demo_orgnr(99, first_digits="212000"),
        description="Den fiktiva kustkommunen Kullahamn med 140 000 invånare.",
    )
    for name in DEPARTMENTS:
        _organisation(name, Kind.DEPARTMENT, parent=city)
    for index, (name, description) in enumerate(UMBRELLAS, start=100):
        _organisation(name, Kind.UMBRELLA, number=demo_orgnr(index), description=description)
    for index, (name, kind, description) in enumerate(ASSOCIATIONS, start=200):
        _organisation(name, kind, number=demo_orgnr(index), description=description)

    _user("admin", "Ada", "Admin", superuser=True)
    for username, first_name, last_name, organisation_name, role in USERS:
        user = _user(username, first_name, last_name)
        organisation = Organisation.objects.get(name=organisation_name)
        Membership.objects.get_or_create(
            user=user, organisation=organisation, defaults={"role": role}
        )
    stdout.write(f"  {Organisation.objects.filter(is_demo=True).count()} demo organisations")
