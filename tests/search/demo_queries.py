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
    ("hörslinga", [(AGENDA, "Tillgänglighet i stadens föreningslokaler"), (ACTION, "Installera hörslingor")]),
    ("teckenspråkstolkning", [(AGENDA, "Tillgänglighet vid stadens evenemang"), (ACTION, "Budgetera teckenspråkstolkning")]),
    ("föreningsbidrag", [(SECTION, "5.1 Föreningsbidrag"), (AGENDA, "Digital ansökan om föreningsbidrag")]),
    ("bidragsreglerna", [(AGENDA, "Utfall av de nya bidragsreglerna"), (AGENDA, "Förslag till nya regler för föreningsbidrag")]),
    ('"idéburet offentligt partnerskap"', [(SECTION, "5.2 Idéburet offentligt partnerskap")]),
    ("vägledning IOP", [(AGENDA, "Vägledning för IOP i Kullahamn")]),
    ("kvällsvandringar", [(AGENDA, "Kvällsvandringar och öppna hallar")]),
    ("trygghetsrådet", [(AGENDA, "Trygghet i Södra hamnen"), (ACTION, "Bjuda in föreningslivet till trygghetsrådet")]),
    ("reserverad upphandling", [(SECTION, "5.4 Reserverad upphandling")]),
    ("meningsskiljaktigheter", [(SECTION, "9.3 Meningsskiljaktigheter")]),
    ("utträde", [(SECTION, "9.2 Utträde")]),
    ("giltighetstid", [(SECTION, "10 Giltighetstid")]),
    ("barnkonventionen", [(SECTION, "7.2 Barn och ungas inflytande")]),
    ("indikatorer", [(SECTION, "7.1 Indikatorer")]),
    ("styrgruppen sammanträder", [(SECTION, "4.1 Styrgruppen")]),
    ("arbetsgrupper tidsbegränsat uppdrag", [(SECTION, "4.3 Arbetsgrupper")]),
    ("lokalbank", [(AGENDA, "Föreningarnas lokalbehov"), (ACTION, "Utreda en gemensam lokalbank")]),
    ("ledarförsörjning", [(AGENDA, "Ledarförsörjning i idrottsföreningar")]),
    ("styrelsearbete", [(AGENDA, "Utbildningsprogram för föreningsledare"), (ACTION, "Genomföra utbildningen i styrelsearbete")]),
    ("ledarstipendium", [(ACTION, "Ta fram förslag på ledarstipendium")]),
    ("fullstor idrottshall", [(ACTION, "Skriva underlag om ny fullstor idrottshall"), (AGENDA, "Lokalbrist för idrottsföreningar – läget")]),
    ("skolornas idrottshallar", [(AGENDA, "Uppstart av dialogforum"), (ACTION, "Kartlägga lediga tider i skolornas idrottshallar")]),
    ("aktiviteter genomförda pågående", [(AGENDA, "Uppföljning av handlingsplanen 2025")]),
    ("nationaldagsfirandet", [(AGENDA, "Tillgänglighet vid stadens evenemang")]),
    ("checklista evenemang", [(AGENDA, "Tillgängliga evenemang"), (ACTION, "Sprida checklistan")]),
    ("informationsträff", [(ACTION, "Ordna en informationsträff om e-tjänsten")]),
    ("läxhjälp", [(AGENDA, "Erfarenheter från IOP om läxhjälp")]),
    ("upphandling under annat namn", [(AGENDA, "Vägledning för IOP i Kullahamn")]),
    ("belysning gångvägen", [(AGENDA, "Trygga träningsvägar för idrottsföreningar")]),
    ("vintersäsongen lokalbokningen", [(POST, "Lokaler för träning vintertid")]),
    ("hörslinga vid scenen", [(POST, "Tillgänglighet på sommarens evenemang")]),
    ("workshop partnerskap", [(POST, "Erfarenheter av IOP")]),
    ("simsällskap", [(ORGANISATION, "Hamnstadens Simsällskap")]),
    ("idrottsalliansen", [(ORGANISATION, "Idrottsalliansen Kullahamn")]),
    ("hörselskadade", [(ORGANISATION, "Hörselskadades förening Kullahamn")]),
    ("styrelsebeslut", [(FILE, "Styrelsebeslut")]),
    ("remissvar föreningsrådet", [(FILE, "Remissvar från Kullahamns Föreningsråd")]),
    ("kvällsvandringar polisen", [(FORUM, "Temaforum trygghet")]),
    ("arbetsintegrerande sociala företag", [(FORUM, "Temaforum arbetsmarknad")]),
    ("planeringen södra hamnen mötesplatser", [(FORUM, "Temaforum stadsutveckling")]),
    ("idrottsförening", [(AGENDA, "Ledarförsörjning i idrottsföreningar")]),
    ("förening", [(AGENDA, "Föreningarnas lokalbehov")]),
]
