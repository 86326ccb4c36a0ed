"""Time the comparison of two 20,000-word revisions, as the compare page does it."""

import random
import time

from django.core.management.base import BaseCommand
from django.template.loader import render_to_string

from agreements import diff
from agreements.markdown import split_sections

WORDS = [  # fmt: skip
    "staden",
    "föreningslivet",
    "samverkan",
    "dialog",
    "överenskommelse",
    "parterna",
    "åtar",
    "sig",
    "att",
    "bjuda",
    "in",
    "förening",
    "bidrag",
    "lokaler",
    "uppföljning",
    "styrgruppen",
    "dialogforum",
    "principer",
    "självständighet",
    "kvalitet",
    "långsiktighet",
    "öppenhet",
    "insyn",
    "mångfald",
    "barn",
    "unga",
    "äldre",
    "trygghet",
    "engagemang",
]


def make_text(words, rng, sections=20, subsections=5, paragraph_words=80):
    parts, per_sub = [], words // (sections * subsections)
    for number in range(1, sections + 1):
        parts.append(f"# {number} Avsnitt {number}")
        for sub in range(1, subsections + 1):
            parts.append(f"## {number}.{sub} Underavsnitt {number}.{sub}")
            count = max(1, round(per_sub / paragraph_words))
            for index in range(count):
                size = per_sub // count + (per_sub % count if index == 0 else 0)
                parts.append(" ".join(rng.choice(WORDS) for _ in range(size)) + ".")
    return "\n\n".join(parts)


def revise(text, rng, share=0.1):
    """Change about `share` of the paragraphs: a few words swapped, some paragraphs dropped."""
    paragraphs = text.split("\n\n")
    for index, paragraph in enumerate(paragraphs):
        if paragraph.startswith("#") or rng.random() > share:
            continue
        words = paragraph.split()
        for _ in range(5):
            words[rng.randrange(len(words))] = rng.choice(WORDS)
        paragraphs[index] = " ".join(words) if rng.random() > 0.1 else ""
    return "\n\n".join(p for p in paragraphs if p)


class Command(BaseCommand):
    help = "Print the time to compare two 20,000-word revisions (sections, paragraphs, words)."

    def add_arguments(self, parser):
        parser.add_argument("--words", type=int, default=20_000)
        parser.add_argument("--runs", type=int, default=5)

    def handle(self, *args, words, runs, **options):
        rng = random.Random(2024)  # noqa: S311 - test data, not security
        old = make_text(words, rng)
        new = revise(old, rng)
        old_sections, new_sections = split_sections(old), split_sections(new)
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            sections = diff.compare(old_sections, new_sections)
            html = render_to_string(
                "agreements/_diff_body.html", {"sections": sections, "view": "side"}
            )
            timings.append(time.perf_counter() - started)
        counts = diff.summary(sections)
        self.stdout.write(
            f"Compared two revisions of {len(old.split())} and {len(new.split())} words "
            f"({len(old_sections)} sections; {counts['changed']} changed) and rendered "
            f"{len(html) // 1024} KiB of HTML: best {min(timings):.3f} s, "
            f"median {sorted(timings)[len(timings) // 2]:.3f} s over {runs} runs."
        )
