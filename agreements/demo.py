"""Demo data of the agreements app (the agreement itself comes with the agreements issue)."""

from agreements import demo_consultation


def seed(stdout):
    demo_consultation.seed(stdout)
