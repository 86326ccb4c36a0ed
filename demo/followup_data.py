"""The demo action plan 2025–2026 of Kullahamn's local agreement: 24 commitments.

Each row: number, title, responsibility, responsible organisations, area, principle indexes
(0–5, the agreement's principles in order), status at the 2025 follow-up, progress, report text.
15 done, 6 in progress, 3 not started: as the demo minutes of the 2025 follow-up say.
"""

CITY = "Kullahamns stad"
SLF = "Stadsledningsförvaltningen"
KOF = "Kultur- och fritidsförvaltningen"
SOC = "Socialförvaltningen"
SBF = "Stadsbyggnadsförvaltningen"
AMF = "Arbetsmarknadsförvaltningen"
FR = "Kullahamns Föreningsråd"
IA = "Idrottsalliansen Kullahamn"
KIF = "Kullahamns IF"
FUNK = "Funktionsrätt Kullahamn"
SB = "Studieförbundet Bildning Kullahamn"
HV = "Arbetskooperativet Hamnverket"
RK = "Röda Korset Kullahamnskretsen"
SM = "Stadsmissionen i Kullahamn"

M, C, J = "municipality", "civil_society", "joint"

STADS = "Stadsutveckling"
TILL = "Tillgänglighet"
TRYGG = "Trygghet"
ARB = "Arbetsmarknad"
STOD = "Föreningsstöd och lokaler"
UNGA = "Barn och unga"
AREAS = [STADS, TILL, TRYGG, ARB, STOD, UNGA]

COMMITMENTS = [
    (
        1,
        "Gemensam digital ansökan om föreningsbidrag",
        M,
        [KOF, SLF],
        STOD,
        [3, 1],
        "done",
        100,
        "E-tjänsten öppnade i mars; 212 ansökningar kom in digitalt.",
    ),
    (
        2,
        "Förenklad redovisning av små bidrag",
        M,
        [KOF],
        STOD,
        [0, 3],
        "done",
        100,
        "Bidrag under 20 000 kr redovisas nu med ett kort formulär.",
    ),
    (
        3,
        "Översikt över lediga lokaler för föreningar",
        M,
        [KOF, SBF],
        STOD,
        [4],
        "done",
        100,
        "Lokalöversikten finns på stadens webbplats och uppdateras varje vecka.",
    ),
    (
        4,
        "Vägledning för idéburet offentligt partnerskap (IOP)",
        J,
        [SLF, FR],
        STOD,
        [0, 2],
        "done",
        100,
        "Vägledningen antogs av styrgruppen i maj.",
    ),
    (
        5,
        "Utbildning om överenskommelsen för stadens chefer",
        M,
        [SLF],
        STOD,
        [1, 4],
        "done",
        100,
        "86 chefer har gått utbildningen.",
    ),
    (
        6,
        "Dialogforum två gånger per år",
        J,
        [SLF, FR],
        STADS,
        [1, 4],
        "done",
        100,
        "Två dialogforum hölls, med 41 respektive 37 organisationer.",
    ),
    (
        7,
        "Föreningsrådets medlemsträffar om överenskommelsen",
        C,
        [FR],
        STOD,
        [1, 5],
        "done",
        100,
        "Fyra träffar med sammanlagt 63 föreningar.",
    ),
    (
        8,
        "Föreningsliv i planeringen av Södra hamnen",
        J,
        [SBF, FR],
        STADS,
        [1, 3],
        "in_progress",
        60,
        "Två workshoppar hölls; mötesplatser i bottenvåningar finns med i planförslaget.",
    ),
    (
        9,
        "Tillgänglighetsgranskning av stadens föreningslokaler",
        M,
        [KOF, FUNK],
        TILL,
        [5, 2],
        "done",
        100,
        "Alla 34 lokaler är granskade; åtgärdslistan är publicerad.",
    ),
    (
        10,
        "Hörslingor i stadens samlingslokaler",
        M,
        [KOF],
        TILL,
        [5],
        "in_progress",
        45,
        "Hörslingor finns i 9 av 20 lokaler.",
    ),
    (
        11,
        "Tillgängliga e-tjänster för föreningar",
        M,
        [SLF],
        TILL,
        [5, 4],
        "done",
        100,
        "E-tjänsterna är granskade enligt lagen om tillgänglighet till digital offentlig service.",
    ),
    (
        12,
        "Föreningarnas egna aktiviteter tillgängliga för alla",
        C,
        [FUNK, IA],
        TILL,
        [5, 2],
        "in_progress",
        30,
        "En checklista är framtagen; 14 föreningar har använt den.",
    ),
    (
        13,
        "Trygghetsvandringar tillsammans med föreningar",
        J,
        [SOC, RK],
        TRYGG,
        [1],
        "done",
        100,
        "Sex trygghetsvandringar i tre stadsdelar.",
    ),
    (
        14,
        "Nattvandring och mötesplatser på helger",
        C,
        [RK, SM],
        TRYGG,
        [0, 5],
        "done",
        100,
        "Nattvandring varje fredag och lördag under sommaren.",
    ),
    (
        15,
        "Gemensam rutin vid oro för barn i föreningslivet",
        J,
        [SOC, IA],
        TRYGG,
        [2],
        "in_progress",
        70,
        "Rutinen är remitterad till föreningarna.",
    ),
    (
        16,
        "Trygga idrottsmiljöer: utbildning för ledare",
        C,
        [KIF, IA],
        TRYGG,
        [2, 5],
        "in_progress",
        40,
        "Två av fyra utbildningstillfällen är genomförda.",
    ),
    (
        17,
        "Feriejobb i föreningslivet",
        J,
        [AMF, IA],
        ARB,
        [3],
        "done",
        100,
        "120 ungdomar hade feriejobb i 31 föreningar.",
    ),
    (
        18,
        "Arbetsträning i sociala företag",
        M,
        [AMF, HV],
        ARB,
        [0, 3],
        "done",
        100,
        "Avtal med Hamnverket om 15 platser.",
    ),
    (19, "Reserverad upphandling för sociala företag", M, [SLF], ARB, [0, 3], "not_started", 0, ""),
    (
        20,
        "Språkcafé och praktik för nyanlända",
        C,
        [RK, SB],
        ARB,
        [5],
        "done",
        100,
        "Språkcafé varje vecka på biblioteket; 22 personer fick praktik.",
    ),
    (
        21,
        "Barn och unga i dialogforum",
        J,
        [SLF, FR],
        UNGA,
        [1, 5],
        "done",
        100,
        "Ungdomsrådet deltog i båda dialogforumen.",
    ),
    (
        22,
        "Avgiftsfri lovverksamhet i föreningsregi",
        J,
        [KOF, SB],
        UNGA,
        [5, 3],
        "in_progress",
        80,
        "Lovaktiviteter med 1 900 deltagare; höstlovet återstår.",
    ),
    (
        23,
        "Fler tider i skolhallar för barn- och ungdomsidrott",
        M,
        [KOF, KIF],
        UNGA,
        [3],
        "not_started",
        0,
        "",
    ),
    (
        24,
        "Ungas inflytande i föreningarnas styrelser",
        C,
        [IA, FR],
        UNGA,
        [1, 5],
        "not_started",
        0,
        "",
    ),
]

# Progress reported in the 2026 round by the organisations that have reported already:
# number -> (status, progress, text). Kullahamns IF and a few others have not reported yet.
REPORTS_2026 = {
    8: (
        "in_progress",
        75,
        "Planförslaget för Södra hamnen har fyra föreningslokaler i bottenvåningar.",
    ),
    10: ("in_progress", 65, "Hörslingor finns nu i 13 av 20 lokaler."),
    12: ("in_progress", 45, "Checklistan används av 23 föreningar."),
    13: ("done", 100, "Trygghetsvandringarna fortsätter som ordinarie verksamhet."),
    14: ("done", 100, "Nattvandringen är permanent under sommarhalvåret."),
    19: ("not_started", 0, "Väntar på den nya upphandlingspolicyn."),
}

# Survey scores 2025 per principle: the average the answers spread around.
SURVEY_2025 = [3.9, 3.6, 3.2, 3.4, 3.0, 3.5]
SURVEY_TEXTS = [
    "Dialogforumen fungerar bra, men underlagen kommer ofta sent.",
    "Den digitala bidragsansökan har sparat oss mycket tid.",
    "Lokalfrågan är fortfarande det största problemet för oss.",
    "Vi saknar återkoppling på våra remissvar.",
    "",
]

# name, unit, direction, baseline 2024, 2025, 2026, target, source
INDICATORS = [
    (
        "Föreningar som fått föreningsbidrag",
        "st",
        "higher",
        142,
        151,
        158,
        170,
        "Kultur- och fritidsförvaltningens bidragsregister",
    ),
    (
        "Föreningar nöjda med stadens bemötande",
        "%",
        "higher",
        61,
        66,
        70,
        75,
        "Föreningsrådets medlemsenkät",
    ),
    (
        "Timmar i skolhallar för barn- och ungdomsidrott per vecka",
        "timmar",
        "higher",
        210,
        224,
        238,
        260,
        "Bokningssystemet",
    ),
    (
        "Handläggningstid för bidragsansökan",
        "dagar",
        "lower",
        42,
        31,
        24,
        21,
        "E-tjänsten för föreningsbidrag",
    ),
]
