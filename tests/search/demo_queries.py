# ruff: noqa: E501 - one labelled query per line reads best
"""Labelled Swedish queries over the demo city, as a municipal staff member searches them.

Each query lists the records it must find as (record type prefix, part of the hit's title);
the first is the expected top hit. Agenda items and their minutes passage count alike
("dialogues."), and an agreement section counts in any of its revisions.
"""

AGENDA = "dialogues."
SECTION = "agreements.revision"
ACTION = "dialogues.actionitem"
FORUM = "dialogues.forum"
POST = "dialogues.post"
ORGANISATION = "organisations.organisation"
FILE = "attachments.attachment"

QUERIES = [
    ("lokalbrist idrottsföreningar", [(AGENDA, "Lokalbrist för idrottsföreningar")]),
    ("lokalförsörjningsplan", [(AGENDA, "Lokalbrist för idrottsföreningar i Södra hamnen")]),
    (
        "hörslinga",
        [(ACTION, "Installera hörslingor"), (AGENDA, "Tillgänglighet i stadens föreningslokaler")],
    ),
    (
        "teckenspråkstolkning",
        [
            (ACTION, "Budgetera teckenspråkstolkning"),
            (AGENDA, "Tillgänglighet vid stadens evenemang"),
        ],
    ),
    (
        "föreningsbidrag",
        [(AGENDA, "Digital ansökan om föreningsbidrag"), (SECTION, "Föreningsbidrag –")],
    ),
    (
        "bidragsreglerna",
        [
            (AGENDA, "Utfall av de nya bidragsreglerna"),
            (AGENDA, "Förslag till nya regler för föreningsbidrag"),
        ],
    ),
    ('"idéburet offentligt partnerskap"', [(SECTION, "5.2 Idéburet offentligt partnerskap")]),
    ("vägledning IOP", [(AGENDA, "Vägledning för IOP i Kullahamn")]),
    ("kvällsvandringar", [(AGENDA, "Kvällsvandringar och öppna hallar")]),
    (
        "trygghetsrådet",
        [
            (ACTION, "Bjuda in föreningslivet till trygghetsrådet"),
            (AGENDA, "Trygghet i Södra hamnen"),
        ],
    ),
    ("reserverad upphandling", [(SECTION, "5.4 Reserverad upphandling")]),
    ("meningsskiljaktigheter", [(SECTION, "9.3 Meningsskiljaktigheter")]),
    ("utträde", [(SECTION, "Anslutning och utträde")]),
    ("giltighetstid", [(SECTION, "Giltighetstid")]),
    ("barnkonventionen", [(SECTION, "Utgångspunkter"), (SECTION, "Barn och ungas inflytande")]),
    ("indikatorer", [(SECTION, "Indikatorer")]),
    ("styrgruppen sammanträder", [(SECTION, "4.1 Styrgruppen")]),
    ("arbetsgrupper tidsbegränsat uppdrag", [(SECTION, "4.3 Arbetsgrupper")]),
    ("lokalbank", [(ACTION, "Utreda en gemensam lokalbank"), (AGENDA, "Föreningarnas lokalbehov")]),
    ("ledarförsörjning", [(AGENDA, "Ledarförsörjning i idrottsföreningar")]),
    (
        "styrelsearbete",
        [
            (ACTION, "Genomföra utbildningen i styrelsearbete"),
            (AGENDA, "Utbildningsprogram för föreningsledare"),
        ],
    ),
    ("ledarstipendium", [(ACTION, "Ta fram förslag på ledarstipendium")]),
    (
        "fullstor hall",
        [
            (ACTION, "Skriva underlag om ny fullstor idrottshall"),
            (AGENDA, "Lokalbrist för idrottsföreningar – läget"),
        ],
    ),
    (
        "skolornas idrottshallar",
        [
            (ACTION, "Kartlägga lediga tider i skolornas idrottshallar"),
            (AGENDA, "Uppstart av dialogforum"),
        ],
    ),
    ("aktiviteter genomförda pågående", [(AGENDA, "Uppföljning av handlingsplanen 2025")]),
    ("nationaldagsfirandet", [(AGENDA, "Tillgänglighet vid stadens evenemang")]),
    ("checklista evenemang", [(AGENDA, "Tillgängliga evenemang")]),
    ("informationsträff", [(ACTION, "Ordna en informationsträff om e-tjänsten")]),
    ("läxhjälp", [(AGENDA, "Erfarenheter från IOP om läxhjälp")]),
    ("upphandling under annat namn", [(AGENDA, "Vägledning för IOP i Kullahamn")]),
    ("belysning gångvägen", [(AGENDA, "Trygga träningsvägar för idrottsföreningar")]),
    ("vintersäsongen lokalbokningen", [(POST, "Lokaler för träning vintertid")]),
    ("hörslinga vid scenen", [(POST, "Tillgänglighet på sommarens evenemang")]),
    ("workshop partnerskap", [(POST, "Erfarenheter av IOP")]),
    ("simskola", [(ORGANISATION, "Hamnstadens Simsällskap")]),
    (
        "idrottsalliansen",
        [
            ("agreements.comment", "Idrottsalliansen Kullahamn"),
            (ORGANISATION, "Idrottsalliansen Kullahamn"),
        ],
    ),
    ("hörselskadade", [(ORGANISATION, "Hörselskadades förening Kullahamn")]),
    ("styrelsebeslut", [(FILE, "Styrelsebeslut")]),
    ("remissvar föreningsrådet", [(FILE, "Remissvar från Kullahamns Föreningsråd")]),
    ("kvällsvandringar polisen", [(FORUM, "Temaforum trygghet")]),
    ("arbetsintegrerande sociala företag", [(FORUM, "Temaforum arbetsmarknad")]),
    ("planeringen södra hamnen mötesplatser", [(FORUM, "Temaforum stadsutveckling")]),
    (
        "idrottsförening",
        [
            (AGENDA, "Lokalbrist för idrottsföreningar i Södra hamnen"),
            (AGENDA, "Ledarförsörjning i idrottsföreningar"),
        ],
    ),
    ("förening", [(AGENDA, "Föreningarnas lokalbehov")]),
]
