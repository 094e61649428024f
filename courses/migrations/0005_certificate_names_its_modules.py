from django.db import migrations, models


def name_the_modules(apps, schema_editor):
    """Certificates issued before name the course's modules as they are published now:
    the best record there is of what they covered."""
    Certificate = apps.get_model("courses", "Certificate")
    CoursePage = apps.get_model("courses", "CoursePage")
    ModulePage = apps.get_model("courses", "ModulePage")
    for certificate in Certificate.objects.filter(modules=[]).select_related("enrolment"):
        course = (
            CoursePage.objects.filter(pk=certificate.enrolment.course_id).first()
            or CoursePage.objects.filter(translation_key=certificate.course_key).first()
        )
        if course is None:
            continue
        certificate.modules = list(
            ModulePage.objects.filter(
                path__startswith=course.path, depth=course.depth + 1, live=True
            )
            .order_by("path")
            .values_list("title", flat=True)
        )
        certificate.save(update_fields=["modules"])


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0004_keep_records_when_a_page_goes"),
    ]

    operations = [
        migrations.AddField(
            model_name="certificate",
            name="modules",
            field=models.JSONField(blank=True, default=list, verbose_name="modules"),
        ),
        migrations.RunPython(name_the_modules, migrations.RunPython.noop),
    ]
