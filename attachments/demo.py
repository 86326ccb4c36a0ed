"""Demo files, generated in code: a board decision, a consultation response, an action plan.

They sit on demo organisations for now; once agreements and meetings exist they
belong on those records instead.
"""

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from attachments import filetypes, samples
from attachments.models import Attachment
from organisations.models import Organisation

BOARD_DECISION = "Styrelsebeslut om anslutning till överenskommelsen.pdf"
CONSULTATION_RESPONSE = "Remissvar från Kullahamns Föreningsråd.docx"
ACTION_PLAN = "Handlingsplan 2025–2026.xlsx"


def board_decision():
    return samples.pdf_bytes(
        [
            "Styrelsebeslut – Kullahamns IF",
            "§ 12 Anslutning till den lokala överenskommelsen",
            "Styrelsen beslutar att föreningen ansluter sig till Kullahamns lokala",
            "överenskommelse mellan staden och det civila samhället.",
            "Ordföranden får i uppdrag att underteckna anslutningen.",
        ]
    )


def consultation_response():
    return samples.docx_bytes(
        "Remissvar: förslag till lokal överenskommelse",
        [
            "Kullahamns Föreningsråd välkomnar förslaget och ställer sig bakom de sex principerna.",
            "Vi föreslår att principen om självständighet och oberoende förtydligas så att "
            "föreningarnas rätt att granska och kritisera staden framgår.",
            "Dialogforumet bör mötas minst fyra gånger per år och minnesanteckningarna "
            "bör vara allmänt tillgängliga.",
        ],
    )


def action_plan():
    return samples.xlsx_bytes(
        "Handlingsplan",
        [
            ["Aktivitet", "Ansvarig", "Klart senast", "Status"],
            [
                "Gemensam utbildning om IOP",
                "Kultur- och fritidsförvaltningen",
                "2025-10-31",
                "Pågår",
            ],
            ["Föreningsdag i Stadsparken", "Kullahamns Föreningsråd", "2026-05-15", "Planerad"],
            [
                "Uppföljning av åtagandena",
                "Stadsledningsförvaltningen",
                "2026-12-31",
                "Ej påbörjad",
            ],
        ],
    )


FILES = [
    # record (organisation slug), uploader, name, content, description
    ("kullahamns-if", "forening", BOARD_DECISION, board_decision, "Protokollsutdrag, styrelsemöte"),
    ("kullahamns-foreningsrad", "admin", CONSULTATION_RESPONSE, consultation_response, "Remissvar"),
    (
        "kullahamns-stad",
        "samordnare",
        ACTION_PLAN,
        action_plan,
        "Handlingsplan för överenskommelsen",
    ),
]


def seed(stdout):
    users = get_user_model().objects
    for slug, username, name, content, description in FILES:
        organisation = Organisation.objects.get(slug=slug)
        if Attachment.objects.for_object(organisation).filter(original_name=name).exists():
            continue
        upload = SimpleUploadedFile(name, content())
        attachment = Attachment.create_from_upload(
            organisation,
            upload,
            filetypes.check_upload(upload),
            by=users.get(username=username),
            description=description,
        )
        attachment.extract_text()
    stdout.write(f"  {Attachment.objects.count()} attachments")
