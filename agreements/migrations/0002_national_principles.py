"""The six principles of the national agreement between the government and civil society."""

from django.db import migrations

PRINCIPLES = [
    (
        "Självständighet och oberoende",
        "Den idéburna sektorns organisationer är självständiga och oberoende; de har rätt att "
        "driva sina frågor, granska och kritisera, även när de får offentlig finansiering.",
    ),
    (
        "Dialog",
        "Parterna för en öppen och förtroendefull dialog, där varje part kan uttrycka sin "
        "uppfattning, och där dialogen sker tidigt i processer som berör sektorn.",
    ),
    (
        "Kvalitet",
        "Verksamhet som bedrivs av eller i samverkan med idéburna organisationer ska hålla god "
        "kvalitet, utifrån de behov som finns hos dem som verksamheten riktar sig till.",
    ),
    (
        "Långsiktighet",
        "Samverkan och finansiering ska ge förutsättningar för långsiktig planering och "
        "verksamhet, med tydliga och förutsebara villkor.",
    ),
    (
        "Öppenhet och insyn",
        "Parterna är öppna med hur offentliga medel används och hur beslut fattas; insynen "
        "får inte inskränka organisationernas självständighet.",
    ),
    (
        "Mångfald",
        "Parterna värnar en mångfald av organisationer, verksamheter och uttryck, och att olika "
        "gruppers röster blir hörda.",
    ),
]


def add_principles(apps, schema_editor):
    Principle = apps.get_model("agreements", "Principle")
    for position, (name, description) in enumerate(PRINCIPLES, start=1):
        Principle.objects.get_or_create(
            name=name,
            municipality=None,
            defaults={"description": description, "position": position},
        )


class Migration(migrations.Migration):
    dependencies = [("agreements", "0001_initial")]

    operations = [migrations.RunPython(add_principles, migrations.RunPython.noop)]
