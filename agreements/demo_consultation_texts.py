"""Swedish texts for the consultation demo: comments, replies and responses, plus a small
agreement text used only when the agreements demo has not created its agreement."""

COMMENTS = [
    "Vi välkomnar skrivningen men saknar en tydlig tidplan. När ska detta vara genomfört?",
    "Formuleringen är för vag. Vi föreslår att staden åtar sig **minst två dialogmöten per år** "
    "med föreningslivet.",
    "För mindre föreningar med enbart ideella krafter är det svårt att delta på dagtid. "
    "Förlägg gärna möten till kvällstid.",
    "Vi vill att överenskommelsen uttryckligen nämner föreningarnas rätt att granska och "
    "kritisera staden, även när vi tar emot bidrag.",
    "Tillgängligheten behöver lyftas: hörslinga, textning och lättläst version av "
    "överenskommelsen borde vara självklart.",
    "Lokalfrågan är avgörande för oss. Skriv in att staden ska se över hyrorna i de "
    "kommunala lokalerna för ideella föreningar.",
    "Vi instämmer i skrivningen och vill särskilt framhålla vikten av långsiktiga, fleråriga "
    "bidrag i stället för projektmedel.",
    "Begreppet *idéburen sektor* behöver definieras. Omfattas även stiftelser och "
    "sociala företag?",
    "Uppföljningen bör ske gemensamt, inte enbart av staden. Vi föreslår en årlig "
    "uppföljningskonferens.",
    "Vi saknar barn- och ungdomsperspektivet. Unga behöver egna kanaler för inflytande.",
    "Det bör framgå hur föreningar som inte är anslutna till någon paraplyorganisation ska "
    "få sin röst hörd.",
    "Stryk gärna den sista meningen; den upprepar bara det som redan sägs i avsnittet ovan.",
    "Här skulle vi vilja se ett konkret åtagande om att förenkla bidragsansökningarna, "
    "till exempel ett gemensamt ansökningsformulär.",
    "Vi föreslår att styrgruppen får minst lika många representanter från föreningslivet "
    "som från staden.",
    "Texten är bra, men det behövs en kontaktperson på varje förvaltning som föreningar kan "
    "vända sig till.",
    "Det är oklart vad som händer om en part inte lever upp till sina åtaganden. Lägg till "
    "en skrivning om hur det hanteras.",
    "Digitala möten bör vara ett alternativ, så att fler kan delta utan att resa.",
    "Vi vill att överenskommelsen även tar upp samverkan vid kriser och höjd beredskap.",
    "Bra att mångfalden lyfts fram. Komplettera gärna med ett åtagande om översättning till "
    "de vanligaste språken i staden.",
    "Principen om långsiktighet krockar med att bidragen beslutas år för år. Hur ska det lösas?",
]

REPLIES = [
    "Vi instämmer helt i detta.",
    "Samma erfarenhet har vi i vår förening.",
    "Vi stödjer förslaget men vill att det gäller även kvällar och helger.",
]

REASONS = {
    "accepted": [
        "Synpunkten är beaktad. Texten har kompletterats i nästa version.",
        "Vi delar synpunkten och har lagt till ett konkret åtagande.",
    ],
    "partly_accepted": [
        "Synpunkten är delvis beaktad: en tidplan finns nu i handlingsplanen, men inte i "
        "själva överenskommelsen.",
        "Delvis beaktad. Frågan hanteras i dialogforumet under det första året.",
    ],
    "not_accepted": [
        "Synpunkten är inte beaktad. Frågan regleras i stadens bidragsregler och hör inte "
        "hemma i överenskommelsen.",
        "Ej beaktad: formuleringen följer den nationella överenskommelsen.",
    ],
    "noted": [
        "Noterad. Synpunkten tas med i arbetet med handlingsplanen.",
        "Noterad och vidarebefordrad till Kultur- och fritidsförvaltningen.",
    ],
}

# First name, last name of a demo contact person per commenting association.
CONTACTS = [
    ("Karin", "Holm"), ("Ahmed", "Yusuf"), ("Elin", "Sjöberg"), ("Jonas", "Persson"),
    ("Mirja", "Laine"), ("Per", "Åkesson"), ("Leila", "Haddad"), ("Oskar", "Lund"),
    ("Birgitta", "Ek"), ("Samir", "Rahimi"), ("Ingrid", "Blom"), ("Viktor", "Nordin"),
    ("Hanna", "Strand"), ("Goran", "Petrović"),
]  # fmt: skip

FALLBACK_REVISION_1 = """\
Kullahamns stad och den idéburna sektorn ingår denna överenskommelse för att stärka samverkan.

# 1 Vision
Ett levande civilsamhälle där alla kan delta och påverka. Föreningslivet är en självklar part i
stadens utveckling.

# 2 Principer
Parterna utgår från de sex nationella principerna.

## 2.1 Dialog
Parterna för en öppen och förtroendefull dialog. Staden bjuder in till dialogmöte en gång om året.

## 2.2 Självständighet och oberoende
Föreningarna har rätt att driva sina frågor och granska staden.

# 3 Stadens åtaganden
Staden åtar sig att ge föreningslivet goda villkor att verka. Staden ska informera om lediga
lokaler på sin webbplats.

# 4 Föreningslivets åtaganden
Föreningarna åtar sig att delta i dialogen och sprida information till sina medlemmar.

# 5 Uppföljning
Staden följer upp överenskommelsen vart tredje år.
"""

FALLBACK_REVISION_2 = """\
Kullahamns stad och den idéburna sektorn ingår denna överenskommelse för att stärka samverkan.

# 1 Vision
Ett levande civilsamhälle där alla kan delta och påverka. Föreningslivet är en självklar part i
stadens utveckling.

# 2 Principer
Parterna utgår från de sex nationella principerna.

## 2.1 Dialog
Parterna för en öppen och förtroendefull dialog. Staden bjuder in till dialogmöte två gånger om
året.

## 2.2 Självständighet och oberoende
Föreningarna har rätt att driva sina frågor och granska staden, även när de får bidrag.

# 3 Stadens åtaganden
Staden åtar sig att ge föreningslivet goda villkor att verka och långsiktiga bidrag.

# 4 Föreningslivets åtaganden
Föreningarna åtar sig att delta i dialogen och sprida information till sina medlemmar.

# 5 Uppföljning
Parterna följer upp överenskommelsen gemensamt varje år.
"""
