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
    "Begreppet *idéburen sektor* behöver definieras. Omfattas även stiftelser och sociala företag?",
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

YOUTH_AGREEMENT_TITLE = "Överenskommelse om fritid för barn och unga i Kullahamn"
YOUTH_AGREEMENT = """\
Kullahamns stad och föreningar som bedriver fritidsverksamhet för barn och unga ingår denna
överenskommelse för att fler barn och unga ska ha en meningsfull fritid.

# 1 Syfte
Överenskommelsen ska göra det lättare för föreningar att nå barn och unga som i dag inte
deltar i någon organiserad fritidsverksamhet, särskilt i Öresundsvik och Södra hamnen.

# 2 Utgångspunkter
Parterna utgår från barnkonventionen och från de principer som gäller i stadens lokala
överenskommelse med den idéburna sektorn.

## 2.1 Barns och ungas inflytande
Barn och unga ska få komma till tals i frågor som rör deras fritid. Parterna ordnar
gemensamt minst ett ungdomsforum per år.

## 2.2 Tillgänglighet
Verksamheten ska vara öppen för alla barn och unga oavsett funktionsförmåga, kön,
bakgrund eller föräldrarnas ekonomi.

# 3 Stadens åtaganden
Staden åtar sig att ge föreningar med barn- och ungdomsverksamhet förtur till kommunala
lokaler på vardagskvällar, att betala ut aktivitetsstöd två gånger per år och att utse en
kontaktperson på Kultur- och fritidsförvaltningen.

# 4 Föreningarnas åtaganden
Föreningarna åtar sig att hålla avgifterna låga, att erbjuda prova-på-tillfällen under
skolloven och att ha rutiner för trygghet och registerutdrag för ledare.

# 5 Uppföljning
Parterna följer upp överenskommelsen gemensamt varje höst, med statistik över deltagande
och med barns och ungas egna berättelser.
"""

YOUTH_PARTIES = [
    "Kullahamns IF",
    "Idrottsalliansen Kullahamn",
    "Hamnstadens Simsällskap",
    "Scoutkåren Kullaörnarna",
    "Ungdomens Hus Kullahamn",
    "Fritidsgården Sjöstjärnan",
    "Kullahamns Ridklubb",
    "Öresundsviks Boxningsklubb",
    "Studieförbundet Bildning Kullahamn",
]

# Invited bodies of the open consultation besides its parties (none of them a party).
YOUTH_INVITED = ["Funktionsrätt Kullahamn", "Studieförbundet Bildning Kullahamn"]
YOUTH_DECLINING = ("Öresundsviks Boxningsklubb", "Vi har inga barn- och ungdomsgrupper i år.")
YOUTH_COVER_LETTER = (
    "Kullahamns stad skickar förslaget till överenskommelse om fritid för barn och unga på "
    "remiss. Vi vill särskilt veta hur förslaget påverkar barn och unga med funktionsnedsättning "
    "och hur ideella ledare kan få stöd.\n\nLämna synpunkter på texten och svara gärna på "
    "frågorna nedan. Den som inte vill yttra sig kan meddela att man avstår."
)
YOUTH_QUESTIONS = [
    "Vilka hinder möter barn och unga med funktionsnedsättning i er verksamhet?",
    "Vilket stöd behöver era ideella ledare från staden?",
]
YOUTH_ANSWER = (
    "Lokalerna är ofta inte tillgängliga och det saknas information på lättläst svenska. "
    "Vi vill att staden ställer krav på tillgänglighet när den hyr ut lokaler."
)
