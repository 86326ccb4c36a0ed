"""Subscription secrets encrypted at rest: a new encrypted column, the existing secrets
copied into it (encrypted on save), the clear-text column dropped, and the new one named
`secret`. Going back decrypts them into a clear-text column again."""

from django.db import migrations, models

import webhooks.encryption


def copy_secrets(apps, schema_editor, source, target):
    Subscription = apps.get_model("webhooks", "Subscription")
    for subscription in Subscription.objects.only("pk", source):
        setattr(subscription, target, getattr(subscription, source))
        subscription.save(update_fields=[target])


def encrypt(apps, schema_editor):
    copy_secrets(apps, schema_editor, "secret", "encrypted_secret")


def decrypt(apps, schema_editor):
    copy_secrets(apps, schema_editor, "encrypted_secret", "secret")


class Migration(migrations.Migration):
    dependencies = [("webhooks", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="subscription",
            name="encrypted_secret",
            field=webhooks.encryption.EncryptedTextField(null=True, verbose_name="secret"),
        ),
        migrations.AlterField(
            model_name="subscription",
            name="secret",
            field=models.CharField(max_length=200, null=True, verbose_name="secret"),
        ),
        migrations.RunPython(encrypt, decrypt),
        migrations.RemoveField(model_name="subscription", name="secret"),
        migrations.RenameField(
            model_name="subscription", old_name="encrypted_secret", new_name="secret"
        ),
        migrations.AlterField(
            model_name="subscription",
            name="secret",
            field=webhooks.encryption.EncryptedTextField(verbose_name="secret"),
        ),
    ]
