# ruff: noqa: E501 - demo prose reads better on one line
"""Texts for the demo forums of Kullahamn: realistic Swedish dialogue records."""

CITY = "Kullahamns stad"
KOF = "Kultur- och fritidsförvaltningen"
SLF = "Stadsledningsförvaltningen"
SOC = "Socialförvaltningen"
SBF = "Stadsbyggnadsförvaltningen"
AMF = "Arbetsmarknadsförvaltningen"
FR = "Kullahamns Föreningsråd"
IA = "Idrottsalliansen Kullahamn"
FUNK = "Funktionsrätt Kullahamn"
SM = "Stadsmissionen i Kullahamn"
SB = "Studieförbundet Bildning Kullahamn"
KIF = "Kullahamns IF"
RK = "Röda Korset Kullahamnskretsen"
HYR = "Hamnkvarterens Hyresgästförening"
UH = "Ungdomens Hus Kullahamn"
PENS = "Kullahamns Pensionärsförening"
HAMN = "Arbetskooperativet Hamnverket"
HORSEL = "Hörselskadades förening Kullahamn"

THEMES = ["Trygghet", "Tillgänglighet", "Stadsutveckling", "Arbetsmarknad", "Idrott och fritid"]

# slug, name, kind, visibility, themes, description, members [(organisation, role)]
FORUMS = [
    (
        "styrgrupp-lo",
        "Styrgruppen för den lokala överenskommelsen",
        "steering_group",
        "staff",
        [],
        "Styrgruppen leder arbetet med överenskommelsen och följer upp handlingsplanen. Fem ledamöter från staden och fem från det civila samhället.",
        [
            (CITY, "chair"),
            (SLF, "secretariat"),
            (KOF, "member"),
            (SOC, "member"),
            (SBF, "member"),
            (FR, "chair"),
            (IA, "member"),
            (FUNK, "member"),
            (SM, "member"),
            (SB, "member"),
        ],
    ),
    (
        "dialogforum-lo",
        "Dialogforum för den lokala överenskommelsen",
        "dialogue_forum",
        "public",
        ["Idrott och fritid"],
        "Öppet forum där staden och föreningslivet följer upp överenskommelsens åtaganden, fyra gånger om året.",
        [
            (CITY, "chair"),
            (SLF, "secretariat"),
            (KOF, "member"),
            (FR, "chair"),
            (KIF, "member"),
            (IA, "member"),
            (FUNK, "member"),
            (SM, "member"),
            (RK, "member"),
            (HYR, "member"),
            (UH, "member"),
            (PENS, "member"),
            (SB, "member"),
        ],
    ),
    (
        "temaforum-trygghet",
        "Temaforum trygghet",
        "working_group",
        "members",
        ["Trygghet"],
        "Arbetsgrupp om trygghet i bostadsområden, kvällsvandringar och samverkan med polisen.",
        [
            (CITY, "chair"),
            (SOC, "member"),
            (HYR, "member"),
            (RK, "member"),
            (UH, "member"),
            (KIF, "member"),
        ],
    ),
    (
        "temaforum-tillganglighet",
        "Temaforum tillgänglighet",
        "reference_group",
        "public",
        ["Tillgänglighet"],
        "Referensgrupp för tillgänglighet i stadens lokaler, evenemang och digitala tjänster.",
        [(CITY, "chair"), (SBF, "member"), (FUNK, "chair"), (HORSEL, "member"), (PENS, "member")],
    ),
    (
        "temaforum-stadsutveckling",
        "Temaforum stadsutveckling",
        "working_group",
        "staff",
        ["Stadsutveckling"],
        "Föreningslivets röst i planeringen av Södra hamnen och nya mötesplatser.",
        [(CITY, "chair"), (SBF, "secretariat"), (FR, "member"), (HYR, "member"), (SB, "member")],
    ),
    (
        "temaforum-arbetsmarknad",
        "Temaforum arbetsmarknad",
        "working_group",
        "members",
        ["Arbetsmarknad"],
        "Samverkan om arbetsintegrerande sociala företag, IOP och vägar till arbete.",
        [(CITY, "chair"), (AMF, "secretariat"), (HAMN, "member"), (SM, "member"), (SB, "member")],
    ),
]

# The dialogue forum's past meetings, oldest first: title, checker, agenda [(title, presenter,
# reference, summary, outcome type, outcome)], action items [(what, owner, department, months
# after the meeting it is due, status)]
DIALOGUE_MEETINGS = [
    (
        "Uppstart av dialogforum",
        CITY,
        [
            (
                "Överenskommelsens principer och forumets uppdrag",
                SLF,
                "Princip: Dialog",
                "Genomgång av de sex principerna och hur forumet ska arbeta. Flera föreningar efterfrågade tydligare återkoppling mellan mötena.",
                "information",
                "",
            ),
            (
                "Lokalbrist för idrottsföreningar",
                IA,
                "Åtagande: Goda villkor att verka",
                "Idrottsalliansen redovisade att 14 föreningar saknar träningstider i hallar vintertid. Skolornas idrottshallar står ofta tomma kvällstid.",
                "recommendation",
                "Forumet rekommenderar att staden ser över uthyrningen av skolornas idrottshallar kvällar och helger.",
            ),
            (
                "Arbetsformer och mötesplan",
                SLF,
                "",
                "Fyra möten per år, varav ett med fokus på uppföljning av handlingsplanen.",
                "note",
                "Mötesplanen noterades.",
            ),
        ],
        [
            ("Kartlägga lediga tider i skolornas idrottshallar", KOF, KOF, 3, "done"),
            ("Ta fram en gemensam mall för minnesanteckningar", SLF, SLF, 2, "done"),
            ("Samla föreningarnas behov av lokaler i en enkät", IA, None, 3, "done"),
        ],
    ),
    (
        "Föreningsbidrag och ansökningsprocess",
        KIF,
        [
            (
                "Förslag till nya regler för föreningsbidrag",
                KOF,
                "Åtagande 3.1",
                "Förvaltningen presenterade förslaget till nya bidragsregler med ett grundbidrag och ett verksamhetsbidrag. Föreningsrådet lyfte att små föreningar riskerar att förlora på det nya systemet.",
                "proposal",
                "Forumet föreslår att kultur- och fritidsnämnden remitterar förslaget till föreningslivet innan beslut.",
            ),
            (
                "Digital ansökan om föreningsbidrag",
                KOF,
                "",
                "Den nya e-tjänsten testas av fem föreningar under våren.",
                "information",
                "",
            ),
        ],
        [
            ("Remittera förslaget till bidragsregler till föreningslivet", KOF, KOF, 2, "done"),
            ("Ordna en informationsträff om e-tjänsten för föreningsbidrag", KOF, KOF, 3, "done"),
            ("Räkna på konsekvenserna för föreningar under 50 medlemmar", FR, None, 3, "cancelled"),
        ],
    ),
    (
        "Tillgänglighet i föreningslivet",
        CITY,
        [
            (
                "Tillgänglighet i stadens föreningslokaler",
                FUNK,
                "Princip: Mångfald",
                "Funktionsrätt Kullahamn gick igenom inventeringen av 22 föreningslokaler. Hälften saknar hörslinga och flera har trappor utan ramp.",
                "recommendation",
                "Forumet rekommenderar att staden prioriterar hörslingor och ramper i de lokaler som hyrs ut mest.",
            ),
            (
                "Tillgängliga evenemang",
                KOF,
                "",
                "Checklista för tillgängliga evenemang presenterades.",
                "note",
                "Checklistan noterades och sprids till föreningarna.",
            ),
        ],
        [
            ("Installera hörslingor i Folkets park-salen och Hamnhuset", SBF, SBF, 6, "done"),
            ("Sprida checklistan för tillgängliga evenemang", FUNK, None, 2, "done"),
            ("Utbilda lokalbokningen i tillgänglighetsfrågor", KOF, KOF, 4, "in_progress"),
        ],
    ),
    (
        "Trygghet och samverkan i bostadsområden",
        KIF,
        [
            (
                "Trygghet i Södra hamnen",
                SOC,
                "Åtagande 5.2",
                "Hyresgästföreningen och socialförvaltningen beskrev läget efter sommarens oroligheter. Föreningarna vill vara med tidigare i stadens trygghetsarbete.",
                "recommendation",
                "Forumet rekommenderar att föreningarna bjuds in till stadens trygghetsråd.",
            ),
            (
                "Kvällsvandringar och öppna hallar",
                KIF,
                "",
                "Kullahamns IF berättade om öppen hall fredagskvällar med 60–80 besökare.",
                "information",
                "",
            ),
        ],
        [
            ("Bjuda in föreningslivet till trygghetsrådet", SOC, SOC, 2, "done"),
            ("Utreda stöd till öppen hall fredagskvällar", KOF, KOF, 4, "in_progress"),
            ("Sammanställa föreningarnas trygghetsinsatser", HYR, None, 3, "open"),
        ],
    ),
    (
        "Idéburet offentligt partnerskap (IOP)",
        CITY,
        [
            (
                "Vägledning för IOP i Kullahamn",
                SLF,
                "Princip: Självständighet och oberoende",
                "Stadsledningsförvaltningen presenterade utkastet till vägledning. Stadsmissionen betonade att IOP inte får bli upphandling under annat namn.",
                "proposal",
                "Forumet föreslår att kommunstyrelsen antar vägledningen med föreningslivets ändringar.",
            ),
            (
                "Erfarenheter från IOP om läxhjälp",
                SM,
                "",
                "Stadsmissionen redovisade erfarenheter från det första partnerskapet.",
                "note",
                "Erfarenheterna noterades.",
            ),
        ],
        [
            ("Revidera vägledningen för IOP efter forumets synpunkter", SLF, SLF, 2, "done"),
            ("Ta fram exempel på IOP-avtal för föreningarna", SLF, SLF, 5, "in_progress"),
            ("Anordna en workshop om IOP för föreningar", SB, None, 4, "open"),
        ],
    ),
    (
        "Kompetensutveckling för föreningslivet",
        KIF,
        [
            (
                "Utbildningsprogram för föreningsledare",
                SB,
                "Åtagande 2.4",
                "Studieförbundet presenterade ett program om styrelsearbete, ekonomi och GDPR. Föreningarna önskar kvällstider.",
                "recommendation",
                "Forumet rekommenderar att programmet genomförs med stöd av staden.",
            ),
            (
                "Ledarförsörjning i idrottsföreningar",
                IA,
                "",
                "Svårt att rekrytera ledare i åldern 20–35.",
                "note",
                "Noterades; följs upp på nästa möte.",
            ),
        ],
        [
            ("Genomföra utbildningen i styrelsearbete", SB, None, 4, "in_progress"),
            ("Ta fram förslag på ledarstipendium", KOF, KOF, 3, "open"),
            ("Kartlägga behovet av ledarutbildning", IA, None, 2, "open"),
            ("Publicera utbildningskalendern på stadens webbplats", KOF, KOF, 2, "done"),
        ],
    ),
    (
        "Uppföljning av handlingsplanen",
        CITY,
        [
            (
                "Uppföljning av handlingsplanen 2025",
                SLF,
                "Handlingsplan",
                "Genomgång av 24 aktiviteter: 15 genomförda, 6 pågående och 3 ej påbörjade.",
                "information",
                "",
            ),
            (
                "Lokalbrist för idrottsföreningar – läget",
                IA,
                "Åtagande: Goda villkor att verka",
                "Fler skolhallar hyrs nu ut kvällstid, men bristen på fullstora hallar kvarstår.",
                "proposal",
                "Forumet föreslår att kultur- och fritidsnämnden tar upp en ny fullstor hall i investeringsplanen.",
            ),
        ],
        [
            ("Skriva underlag om ny fullstor idrottshall", KOF, KOF, 3, "open"),
            ("Rapportera uppföljningen till kommunstyrelsen", SLF, SLF, 2, "done"),
            ("Ta fram förslag på nya aktiviteter i handlingsplanen", FR, None, 3, "open"),
            ("Se över avgifterna för lokalhyra för ungdomsverksamhet", KOF, KOF, 2, "cancelled"),
        ],
    ),
    (
        "Föreningsbidrag och lokaler inför nästa år",
        KIF,
        [
            (
                "Utfall av de nya bidragsreglerna",
                KOF,
                "Åtagande 3.1",
                "Förvaltningen redovisade utfallet. Små föreningar har i snitt fått 8 procent mer, vilket välkomnades.",
                "note",
                "Redovisningen noterades.",
            ),
            (
                "Föreningarnas lokalbehov",
                FR,
                "",
                "Föreningsrådet presenterade enkäten om lokalbehov med svar från 64 föreningar.",
                "recommendation",
                "Forumet rekommenderar en gemensam lokalbank för föreningslivet.",
            ),
            (
                "Tillgänglighet vid stadens evenemang",
                FUNK,
                "Princip: Mångfald",
                "Kritik mot bristande teckenspråkstolkning vid nationaldagsfirandet.",
                "recommendation",
                "Forumet rekommenderar att tolkning ingår i budgeten för alla stadens större evenemang.",
            ),
        ],
        [
            ("Utreda en gemensam lokalbank", KOF, KOF, 4, "open"),
            ("Budgetera teckenspråkstolkning vid större evenemang", KOF, KOF, 2, "in_progress"),
            ("Dela enkätresultatet om lokalbehov med nämnden", FR, None, 1, "done"),
            ("Följa upp bidragsreglerna efter ett år", KOF, KOF, 6, "open"),
        ],
    ),
]

# Extra agenda items of a theme forum's past meeting (forum slug -> items as above): passages
# only that forum's readers find, e.g. the steering group's (staff) discussion of facilities.
THEME_AGENDA = {
    "styrgrupp-lo": [
        (
            "Lokalbrist för idrottsföreningar i Södra hamnen",
            KOF,
            "Åtagande: Goda villkor att verka",
            "Styrgruppen diskuterade lokalbristen för idrottsföreningarna i Södra hamnen. Idrottsföreningar med barn- och ungdomsverksamhet får inte plats i de kommunala hallarna, och föreningslivet efterfrågar en samlad lokalförsörjningsplan.",
            "proposal",
            "Styrgruppen föreslår att kultur- och fritidsförvaltningen tar fram en lokalförsörjningsplan för föreningslivet.",
        ),
    ],
    "temaforum-trygghet": [
        (
            "Trygga träningsvägar för idrottsföreningar",
            SOC,
            "",
            "Föräldrar i idrottsföreningar oroar sig för mörka gångvägar till Norra hallen. Lokalbristen gör att träningar slutar sent.",
            "recommendation",
            "Forumet rekommenderar bättre belysning längs gångvägen till Norra hallen.",
        ),
    ],
    "temaforum-tillganglighet": [
        (
            "Ledsagning till föreningarnas aktiviteter",
            SOC,
            "",
            "Funktionsrätt Kullahamn berättade att ledsagarservicen inte räcker till kvällsaktiviteter. Flera medlemmar med rullstol avstår från föreningsträffar när färdtjänsten inte hinner hämta.",
            "recommendation",
            "Forumet rekommenderar att ledsagarservicen också beviljas för föreningsaktiviteter på kvällstid.",
        ),
    ],
    "temaforum-arbetsmarknad": [
        (
            "Praktikplatser i föreningar",
            AMF,
            "",
            "Arbetskooperativet Hamnverket har tagit emot sex praktikanter under våren. Handledarstödet från förvaltningen räckte inte, och föreningarna efterfrågar en kontaktperson för praktikfrågor.",
            "recommendation",
            "Forumet rekommenderar en gemensam handledarutbildning för föreningar som tar emot praktikanter.",
        ),
    ],
    "temaforum-stadsutveckling": [
        (
            "Medborgardialog om Södra hamnens torg",
            SBF,
            "",
            "Stadsbyggnadsförvaltningen visade skisser av torget. Hyresgästföreningen vill att bottenvåningarna får föreningslokaler och att medborgardialogen hålls på kvällstid.",
            "recommendation",
            "Forumet rekommenderar att detaljplanen reserverar bottenvåningar för föreningslokaler.",
        ),
    ],
}

UPCOMING_AGENDA = [
    ("Mötets öppnande och val av justerare", CITY, "", "", "", ""),
    (
        "Lokalbrist för idrottsföreningar – förslag om lokalbank",
        KOF,
        "Åtagande: Goda villkor att verka",
        "",
        "",
        "",
    ),
    ("Revidering av överenskommelsen: tidplan", SLF, "Princip: Långsiktighet", "", "", ""),
    ("Övriga frågor", "", "", "", "", ""),
]

# topic, posts [(organisation, username, text)]
TOPICS = [
    (
        "Lokaler för träning vintertid",
        [
            (
                KIF,
                "forening",
                "Vi har fortfarande svårt att få tider i **Norra hallen** på vardagskvällar. Hur ser det ut för andra föreningar?",
            ),
            (
                KOF,
                "tjansteperson",
                "Vi ser över bokningarna inför vintersäsongen. Skicka gärna era önskemål till lokalbokningen senast den 1 september.",
            ),
            (CITY, "samordnare", "Frågan står på dagordningen till nästa möte i dialogforumet."),
        ],
    ),
    (
        "Erfarenheter av IOP",
        [
            (
                CITY,
                "samordnare",
                "Vilka föreningar vill dela erfarenheter av idéburet offentligt partnerskap på workshopen?",
            ),
            (KIF, "forening", "Vi är intresserade, särskilt av hur uppföljningen går till."),
        ],
    ),
    (
        "Tillgänglighet på sommarens evenemang",
        [
            (
                CITY,
                "samordnare",
                "Tips på vad som fungerade bra:\n\n- hörslinga vid scenen\n- skyltning med stor text\n- vilplatser i skugga",
            ),
        ],
    ),
]

# A recent meeting of the trygghet forum whose minutes wait for an approver: forening sees it
# on the start page. (Words of its own, so the labelled search queries keep their top hits.)
PENDING_AGENDA = [
    (
        "Städdag i Hamnkvarteren",
        HYR,
        "",
        "Hyresgästföreningen bjuder in till en gemensam städdag i maj. Socialförvaltningen lånar ut redskap och containrar.",
        "information",
        "",
    ),
    (
        "Grannsamverkan i trapphusen",
        SOC,
        "",
        "Kullahamns IF och hyresgästföreningen vill prova grannsamverkan i två kvarter. Polisen deltar vid uppstarten.",
        "recommendation",
        "Forumet rekommenderar att grannsamverkan prövas i två kvarter under hösten.",
    ),
]
