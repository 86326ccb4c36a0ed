"""Synthetic Swedish records for the benchmark (deterministic by seed).

The vocabulary is the domain's: associations, sport, premises, grants,
safety, accessibility, urban development, jobs, dialogue forums and the
local agreement, with inflections and compounds, mixed with stop words the
way real Swedish prose is.  Lengths follow the real mix: most records have
50-400 words, one in ten 1,000-5,000.
"""

import datetime
import random

STOP = [
    "och",
    "att",
    "i",
    "en",
    "som",
    "på",
    "det",
    "med",
    "för",
    "av",
    "till",
    "är",
    "den",
    "har",
    "de",
    "inte",
    "om",
    "ett",
    "så",
    "vi",
]
COMMON = [
    "förening",
    "föreningen",
    "föreningar",
    "föreningarna",
    "föreningens",
    "föreningslivet",
    "föreningsliv",
    "föreningsstöd",
    "idrottsförening",
    "idrottsföreningar",
    "idrott",
    "idrotten",
    "idrottshall",
    "lokaler",
    "lokal",
    "lokalen",
    "föreningslokal",
    "lokalbidrag",
    "bidrag",
    "bidraget",
    "bidragen",
    "verksamhetsbidrag",
    "trygghet",
    "tryggheten",
    "trygghetsvandring",
    "tillgänglighet",
    "tillgängligheten",
    "tillgänglighetsplan",
    "stadsutveckling",
    "stadsutvecklingen",
    "arbetsmarknad",
    "arbetsmarknaden",
    "arbetsmarknadsinsatser",
    "dialogforum",
    "dialogforumet",
    "överenskommelse",
    "överenskommelsen",
    "överenskommelser",
    "åtagande",
    "åtaganden",
    "åtagandet",
    "kommunen",
    "kommun",
    "kommunens",
    "staden",
    "stadens",
    "civilsamhället",
    "civilsamhälle",
    "idéburen",
    "idéburna",
    "sektor",
    "sektorn",
    "samverkan",
    "dialog",
    "dialogen",
    "möte",
    "mötet",
    "möten",
    "kallelse",
    "dagordning",
    "protokoll",
    "minnesanteckningar",
    "justering",
    "uppföljning",
    "uppföljningen",
    "handlingsplan",
    "handlingsplanen",
    "aktivitet",
    "aktiviteter",
    "remiss",
    "remisstid",
    "remissvar",
    "samråd",
    "delaktighet",
    "självständighet",
    "oberoende",
    "kvalitet",
    "långsiktighet",
    "öppenhet",
    "insyn",
    "mångfald",
    "ungdomar",
    "barn",
    "unga",
    "kultur",
    "kulturföreningar",
    "fritid",
    "fritidsgård",
    "studieförbund",
    "paraplyorganisation",
    "förvaltning",
    "nämnd",
    "styrgrupp",
    "arbetsgrupp",
    "referensgrupp",
    "rekommendation",
    "åtgärdspunkt",
    "ansökan",
    "ansökningar",
    "medlemmar",
    "medlem",
    "engagemang",
    "volontärer",
    "frivilliga",
    "integration",
    "nyanlända",
    "jämställdhet",
    "demokrati",
    "social",
    "sociala",
    "insatser",
    "projekt",
    "projektet",
    "finansiering",
    "ekonomi",
    "resurser",
    "kostnader",
    "hyra",
    "samlingslokal",
    "föreningsstödet",
    "kulturstöd",
    "ungdomsverksamhet",
]
PHRASES = [
    "lokal överenskommelse",
    "idéburen sektor",
    "öppenhet och insyn",
    "dialog och samverkan",
    "goda villkor",
    "lokala föreningar",
    "trygghet i stadsdelen",
    "fritid för unga",
    "stöd till föreningar",
    "uppföljning av åtaganden",
]
TYPES = [
    "agreements.revision",
    "agreements.comment",
    "dialogues.meeting",
    "dialogues.agendaitem",
    "dialogues.actionitem",
    "attachments.file",
]
STATUSES = ["utkast", "remiss", "antagen", "gällande", "ersatt"]
FILLER_SYL = [
    "ka",
    "ste",
    "mor",
    "vin",
    "gla",
    "tu",
    "re",
    "sol",
    "pa",
    "bri",
    "ne",
    "fo",
    "lu",
    "dra",
    "sev",
    "hal",
    "mi",
    "tro",
    "ge",
]
SYLLABLES = [
    "brå",
    "lund",
    "vik",
    "sjö",
    "berg",
    "hed",
    "kär",
    "mo",
    "rud",
    "tor",
    "val",
    "ås",
    "ek",
    "dal",
    "näs",
    "holm",
    "by",
    "stad",
]
STAFF_GROUP = 5000


def rare_words(n=3000, seed=7):
    rnd = random.Random(seed)
    words = set()
    while len(words) < n:
        words.add("".join(rnd.choices(SYLLABLES, k=3)))
    return sorted(words)


def filler_words(n=6000, seed=11):
    """Everyday words around the domain vocabulary (Zipf-distributed), so a
    common domain word is in thousands of records, not in every record."""
    rnd = random.Random(seed)
    ends = ["", "en", "et", "ar", "er", "na", "ande", "ning", "lig", "het"]
    words = set()
    while len(words) < n:
        words.add("".join(rnd.choices(FILLER_SYL, k=rnd.choice((2, 3)))) + rnd.choice(ends))
    return sorted(words)


def _weights(words, rnd):
    # Zipf-like: a few words are everywhere, most are less frequent.
    order = words[:]
    rnd.shuffle(order)
    return order, [1.0 / (i + 3) for i in range(len(order))]


def generate(n, seed=1):
    """Yield n document dicts (see documents.prepare for the fields)."""
    rnd = random.Random(seed)
    words, weights = _weights(COMMON, rnd)
    filler, fweights = _weights(filler_words(), rnd)
    # Shares of running text: ~40 % stop words, ~12 % domain words, the
    # rest everyday words.
    vocab = STOP + words + filler
    wsum, fsum = sum(weights), sum(fweights)
    shares = (
        [0.40 / len(STOP)] * len(STOP)
        + [0.12 * w / wsum for w in weights]
        + [0.48 * w / fsum for w in fweights]
    )
    cum, total = [], 0.0
    for w in shares:
        total += w
        cum.append(total)
    rare = rare_words()
    for i in range(n):
        yield _record(i, rnd, vocab, cum, rare)


def _record(i, rnd, vocab, cum, rare):
    length = rnd.randint(1000, 5000) if rnd.random() < 0.1 else rnd.randint(50, 400)
    body = rnd.choices(vocab, cum_weights=cum, k=length)
    for _ in range(max(1, length // 60)):
        body[rnd.randrange(length)] = rnd.choice(PHRASES)
    body[rnd.randrange(length)] = rnd.choice(rare)
    orgs = rnd.sample(range(1, 1001), rnd.randint(1, 5))
    groups = orgs + ([STAFF_GROUP] if rnd.random() < 0.95 else [])
    date = datetime.date(2015, 1, 1) + datetime.timedelta(days=rnd.randrange(4300))
    kind = TYPES[i % len(TYPES)]
    return {
        "id": f"{kind}:{i}#s1",
        "type": kind,
        "title": " ".join(rnd.choices(COMMON, k=rnd.randint(3, 8))).capitalize(),
        "text": " ".join(body) + ".",
        "date": date,
        "url": f"/r/{i}/",
        "organisations": orgs,
        "agreement": f"a{rnd.randrange(20)}",
        "forum": f"f{rnd.randrange(50)}",
        "status": rnd.choice(STATUSES),
        "groups": groups,
        "public": rnd.random() < 0.1,
    }


def query_mix(n=200, seed=3):
    """A fixed mix of (kind, query): one word, two words, phrase, prefix."""
    rnd = random.Random(seed)
    rare = rare_words()
    common = COMMON
    prefixes = sorted({w[:k] for w in common for k in (3, 4, 5)})
    out = []
    for i in range(n):
        kind = ("one", "two", "phrase", "prefix")[i % 4]
        if kind == "one":
            q = rnd.choice(rare) if rnd.random() < 0.2 else rnd.choice(common)
        elif kind == "two":
            q = f"{rnd.choice(common)} {rnd.choice(rare if rnd.random() < 0.2 else common)}"
        elif kind == "phrase":
            q = f'"{rnd.choice(PHRASES)}"'
        else:
            q = rnd.choice(prefixes) + "*"
        out.append((kind, q))
    return out
