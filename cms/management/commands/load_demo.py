"""Loads the German demo content; safe to run again (nothing is duplicated)."""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from allauth.account.models import EmailAddress

from cms.demo import child_page, demo_image, mirror_into_other_languages, snippets_in_review
from cms.models import ContentPage, FormField, FormPage, Organisation, Profile, SiteSettings
from cms.plugins import registry

DEMO_PASSWORD_ENV = "ZUKUNFTSHUB_DEMO_PASSWORD"
DEFAULT_DEMO_PASSWORD = "zukunft-demo"

DEMO_USERS = [
    # username, first name, last name, groups, superuser
    ("admin", "Ada", "Admin", [], True),
    ("redaktion", "Rita", "Redaktion", ["Redaktion"], False),
    ("freigabe", "Frank", "Freigabe", ["Freigabe"], False),
]
# A learner of the courses: a plain user with a confirmed e-mail address, no admin access.
DEMO_LEARNER = {
    "username": "lernende",
    "email": "lernende@zukunftshub.example",
    "display_name": "Lea Lernende",
    "organisation": "Muster Metallbau GmbH (Demo)",
}


def rich(*paragraphs):
    return [{"type": "text", "value": "".join(paragraphs)}]


IMPRESSUM = rich(
    "<h2>Angaben gemäß § 5 DDG</h2>",
    "<p>Zukunftshub – Regionale Plattform für die digitale Transformation von KMU<br/>",
    "c/o Musterinstitut für Arbeit und Technik e.&nbsp;V.<br/>Beispielstraße 12<br/>44135 Dortmund</p>",
    "<h2>Vertreten durch</h2><p>Dr. Jana Beispiel (Vorstand)</p>",
    "<h2>Kontakt</h2><p>Telefon: 0231 123456-0<br/>E-Mail: kontakt@zukunftshub.example</p>",
    "<h2>Registereintrag</h2><p>Vereinsregister Amtsgericht Dortmund, VR 0000 (Demo-Angabe)</p>",
    "<h2>Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV</h2>",
    "<p>Dr. Jana Beispiel, Anschrift wie oben</p>",
    "<p>Dies ist eine Demo-Installation. Alle Angaben sind Beispiele.</p>",
)

DATENSCHUTZ = rich(
    "<h2>Das Wichtigste in Kürze</h2>",
    "<ul><li>Wir setzen keine Cookies, solange Sie nur lesen.</li>",
    "<li>Wir nutzen keine Analyse- oder Tracking-Dienste.</li>",
    "<li>Schriften, Skripte und Bilder kommen ausschließlich von unserem eigenen Server; ",
    "Ihr Browser stellt keine Anfragen an Dritte.</li>",
    "<li>Videos anderer Anbieter laden erst, wenn Sie zustimmen.</li></ul>",
    "<h2>Verantwortliche Stelle</h2>",
    "<p>Musterinstitut für Arbeit und Technik e.&nbsp;V., Beispielstraße 12, 44135 Dortmund, ",
    "datenschutz@zukunftshub.example</p>",
    "<h2>Server-Protokolle</h2>",
    "<p>Beim Aufruf einer Seite verarbeitet der Server technisch notwendige Daten (IP-Adresse, ",
    "Zeitpunkt, aufgerufene Adresse). Sie werden nach sieben Tagen gelöscht (Art. 6 Abs. 1 lit. f DSGVO).</p>",
    "<h2>Anmeldungen zu Veranstaltungen</h2>",
    "<p>Für eine Anmeldung speichern wir Name, E-Mail-Adresse und – wenn Sie sie angeben – ",
    "Firma und Bedarf an Barrierefreiheit, um die Plätze zu vergeben und Sie zu informieren. ",
    "30 Tage nach der Veranstaltung werden die Anmeldungen gelöscht; es bleibt nur die Zahl ",
    "der Teilnehmenden. Über den Link in jeder E-Mail können Sie sich jederzeit abmelden.</p>",
    "<h2>Benutzerkonten</h2>",
    "<p>Für die Lotsenausbildung können Sie ein Konto anlegen. Dafür speichern wir Ihre E-Mail-Adresse, ",
    "Ihr Passwort (nur als nicht umkehrbarer Hash) und – wenn Sie sie angeben – einen Anzeigenamen und ",
    "Ihre Organisation, außerdem Ihren Lernfortschritt. Solange Sie angemeldet sind, setzen wir ein ",
    "Sitzungs-Cookie. Schreiben Sie sich mit dem Schlüssel einer Ausbildungsgruppe ein, sehen deren ",
    "Ausbilderinnen und Ausbilder Ihren Fortschritt in den Lektionen, nicht aber Ihre Antworten auf ",
    "Reflexionsaufgaben. Unter „Mein Konto“ laden Sie alle Daten herunter oder löschen das Konto; dann ",
    "wird alles sofort entfernt.</p>",
    "<h2>Formulare</h2>",
    "<p>Was Sie in ein Formular eintragen (z.&nbsp;B. Rückmeldungen zur Barrierefreiheit), ",
    "speichern wir nur, um Ihr Anliegen zu bearbeiten. Um Missbrauch zu begrenzen, zählen wir ",
    "Einsendungen kurzzeitig anhand eines nicht umkehrbaren Kürzels Ihrer IP-Adresse.</p>",
    "<h2>Ihre Rechte</h2>",
    "<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung, ",
    "Datenübertragbarkeit und Widerspruch sowie das Recht auf Beschwerde bei einer Aufsichtsbehörde.</p>",
)

BARRIEREFREIHEIT = rich(
    "<p>Wir möchten, dass alle Menschen unser Angebot nutzen können. Diese Erklärung gilt für ",
    "die gesamte Website des Zukunftshub.</p>",
    "<h2>Stand der Vereinbarkeit</h2>",
    "<p>Die Website ist mit den Anforderungen der BITV 2.0 und der WCAG 2.1 auf Stufe AA ",
    "weitgehend vereinbar. Jede Seite wird bei jeder Änderung automatisch mit axe-core geprüft; ",
    "Formulare, Menüs und Filter sind mit der Tastatur bedienbar und funktionieren auch ohne JavaScript.</p>",
    "<h2>Nicht barrierefreie Inhalte</h2>",
    "<p>Ältere PDF-Dokumente sind zum Teil nicht barrierefrei. Wir stellen sie auf Anfrage in ",
    "zugänglicher Form bereit.</p>",
    "<h2>Feedback und Kontakt</h2>",
    "<p>Sind Ihnen Mängel aufgefallen? Schreiben Sie uns über das Feedback-Formular auf dieser ",
    "Seite (unterhalb) oder per E-Mail an barrierefreiheit@zukunftshub.example. Wir antworten ",
    "innerhalb von zwei Wochen.</p>",
    "<h2>Schlichtungsverfahren</h2>",
    "<p>Wenn Sie keine zufriedenstellende Antwort erhalten, können Sie sich an die ",
    "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz wenden.</p>",
)

LEICHTE_SPRACHE = rich(
    "<h2>Was ist der Zukunftshub?</h2>",
    "<p>Der Zukunftshub ist eine Internet-Seite.</p>",
    "<p>Die Seite ist für kleine Firmen.</p>",
    "<p>Kleine Firmen lernen hier: Wie arbeiten wir mit Computern und neuen Programmen?</p>",
    "<h2>Junge und ältere Menschen lernen zusammen</h2>",
    "<p>Eine junge Person und eine ältere Person bilden ein Team.</p>",
    "<p>Das Team heißt: Tandem.</p>",
    "<p>Die beiden zeigen sich gegenseitig, was sie gut können.</p>",
    "<p>Ein Lotse hilft dem Tandem.</p>",
    "<h2>Haben Sie Fragen?</h2>",
    "<p>Rufen Sie uns an: 0231 123456-0</p>",
    "<p>Oder schreiben Sie eine E-Mail: kontakt@zukunftshub.example</p>",
)


class Command(BaseCommand):
    help = "Loads the German demo content (idempotent)."

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_MODE", False):
            raise CommandError("The demo content is only for demo and development settings.")
        with transaction.atomic():
            home = self.site_root()
            self.site_address()
            self.legal_pages(home)
            self.site_settings(home)
            self.groups_and_workflow(home)
            self.users()
            for demo in registry.sorted_demo_content():
                demo.load(home, self.stdout)
            created = mirror_into_other_languages(home)
        if created:
            self.stdout.write(f"Demo content: {created} page(s) mirrored into English.")
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))

    # ------------------------------------------------------------------
    def site_root(self):
        german, _ = Locale.objects.get_or_create(language_code="de")
        Locale.objects.get_or_create(language_code="en")
        site = Site.objects.filter(is_default_site=True).first()
        model = registry.home_page_model or ContentPage
        if site and site.root_page.specific_class is model:
            return site.root_page.specific
        root = Page.get_first_root_node()
        home = root.get_children().filter(slug="start", locale=german).first()
        if home is None:
            home = model(
                title="Zukunftshub",
                slug="start",
                locale=german,
                seo_title="Zukunftshub – digital in die Zukunft",
                search_description="Unterstützung, Beispiele und Methoden für kleine und "
                "mittlere Unternehmen auf dem Weg in die digitale Arbeitswelt.",
            )
            root.add_child(instance=home)
            home.save_revision().publish()
        if site is None:
            site = Site(
                hostname="localhost", port=80, is_default_site=True, site_name="Zukunftshub"
            )
        old_root = site.root_page if site.pk else None
        site.root_page = home
        site.site_name = "Zukunftshub"
        site.save()
        if old_root is not None and old_root.pk != home.pk and old_root.slug == "home":
            old_root.delete()  # Wagtail's "Welcome" placeholder
        self.stdout.write("Demo content: home page created.")
        return home.specific

    def site_address(self):
        """With PORT set (make run), the demo's Site is the address it runs on, so links in
        e-mails and the sitemap lead there; on every run, as the port may change."""
        port = os.environ.get("PORT", "")
        site = Site.objects.get(is_default_site=True)
        if port.isdigit() and (site.hostname, site.port) != ("127.0.0.1", int(port)):
            site.hostname, site.port = "127.0.0.1", int(port)
            site.save()

    def legal_pages(self, home):
        child_page(
            home,
            ContentPage,
            "impressum",
            title="Impressum",
            body=IMPRESSUM,
            search_description="Anbieterkennzeichnung des Zukunftshub.",
        )
        child_page(
            home,
            ContentPage,
            "datenschutz",
            title="Datenschutzerklärung",
            body=DATENSCHUTZ,
            search_description="Wie der Zukunftshub mit Ihren Daten umgeht: keine Cookies, kein Tracking.",
        )
        statement = child_page(
            home,
            ContentPage,
            "barrierefreiheit",
            title="Erklärung zur Barrierefreiheit",
            body=BARRIEREFREIHEIT,
            search_description="Stand der Barrierefreiheit und wie Sie uns Mängel melden.",
        )
        if not statement.get_children().exists():
            form = FormPage(
                title="Feedback zur Barrierefreiheit",
                slug="feedback",
                locale=statement.locale,
                intro="<p>Melden Sie uns Barrieren auf dieser Website. Ihre Angaben nutzen wir nur, "
                "um Ihr Anliegen zu bearbeiten.</p>",
                thank_you_text="<p>Vielen Dank! Ihre Rückmeldung ist bei der Redaktion angekommen. "
                "Wir melden uns innerhalb von zwei Wochen, wenn Sie eine E-Mail-Adresse angegeben haben.</p>",
                to_address="redaktion@zukunftshub.example",
                from_address="noreply@zukunftshub.example",
                subject="Rückmeldung zur Barrierefreiheit",
                search_description="Melden Sie Barrieren auf dieser Website.",
            )
            form.form_fields = [
                FormField(
                    sort_order=0,
                    label="Wo ist Ihnen die Barriere begegnet?",
                    field_type="singleline",
                    required=True,
                    help_text="Zum Beispiel der Titel oder die Adresse der Seite.",
                ),
                FormField(
                    sort_order=1,
                    label="Beschreibung",
                    field_type="multiline",
                    required=True,
                    help_text="Was hat nicht funktioniert, und womit haben Sie die Seite genutzt?",
                ),
                FormField(
                    sort_order=2,
                    label="E-Mail für eine Antwort",
                    field_type="email",
                    required=False,
                    help_text="Freiwillig. Nur nötig, wenn Sie eine Antwort möchten.",
                ),
            ]
            statement.add_child(instance=form)
            form.save_revision().publish()
        child_page(
            home,
            ContentPage,
            "leichte-sprache",
            title="Leichte Sprache",
            body=LEICHTE_SPRACHE,
            search_description="Der Zukunftshub in Leichter Sprache.",
        )

    def site_settings(self, home):
        site = Site.objects.get(is_default_site=True)
        settings_obj = SiteSettings.for_site(site)
        if settings_obj.contact_email:
            return
        settings_obj.programme_name = "Zukunftshub"
        settings_obj.tagline = "Digitalisierung gemeinsam gestalten"
        settings_obj.logo = demo_image("Zukunftshub Logo", "", seed=0, size=(320, 96), label="ZH")
        settings_obj.contact_name = "Musterinstitut für Arbeit und Technik e. V."
        settings_obj.contact_address = "Beispielstraße 12\n44135 Dortmund"
        settings_obj.contact_email = "kontakt@zukunftshub.example"
        settings_obj.contact_phone = "0231 123456-0"
        links = []
        for slug in ("impressum", "datenschutz", "barrierefreiheit", "leichte-sprache"):
            page = home.get_children().filter(slug=slug).first()
            if page:
                links.append(("link", {"page": page, "text": "", "url": ""}))
        settings_obj.footer_links = links
        settings_obj.privacy_page = home.get_children().filter(slug="datenschutz").first()
        settings_obj.social_links = [
            ("link", {"network": "Mastodon", "url": "https://social.example/@zukunftshub"}),
            (
                "link",
                {"network": "LinkedIn", "url": "https://www.linkedin.com/company/zukunftshub-demo"},
            ),
        ]
        settings_obj.save()
        Organisation.objects.get_or_create(
            name="Ministerium für Arbeit, Gesundheit und Soziales (Demo)",
            defaults={"kind": Organisation.Kind.MINISTRY, "short_name": "MAGS"},
        )

    def groups_and_workflow(self, home):
        """Redaktion edits and submits, Freigabe approves and publishes."""
        admin_access = Permission.objects.get(codename="access_admin")
        page_perms = {
            "Redaktion": ["add_page", "change_page"],
            "Freigabe": ["add_page", "change_page", "publish_page"],
        }
        for name, codenames in page_perms.items():
            group, created = Group.objects.get_or_create(name=name)
            if not created:
                continue
            group.permissions.add(admin_access)
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=Page.get_first_root_node(),
                    permission=Permission.objects.get(
                        content_type__app_label="wagtailcore", codename=codename
                    ),
                )
            for model_perm in (
                "add_image",
                "change_image",
                "choose_image",
                "add_document",
                "change_document",
                "choose_document",
            ):
                perm = Permission.objects.filter(codename=model_perm).first()
                if perm:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=Collection.get_first_root_node(), permission=perm
                    )
            for codename in (
                "add_organisation",
                "change_organisation",
                "add_contactperson",
                "change_contactperson",
            ):
                group.permissions.add(
                    Permission.objects.get(content_type__app_label="cms", codename=codename)
                )
        freigabe = Group.objects.get(name="Freigabe")
        workflow, created = Workflow.objects.get_or_create(name="Vier-Augen-Prinzip")
        if created:
            task = GroupApprovalTask.objects.create(name="Freigabe durch die Freigabe-Gruppe")
            task.groups.set([freigabe])
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
            WorkflowPage.objects.update_or_create(
                page=Page.get_first_root_node(), defaults={"workflow": workflow}
            )
        snippets_in_review(workflow)

    def users(self):
        password = os.environ.get(DEMO_PASSWORD_ENV, DEFAULT_DEMO_PASSWORD)
        User = get_user_model()
        for username, first, last, groups, superuser in DEMO_USERS:
            if User.objects.filter(username=username).exists():
                continue
            user = User.objects.create_user(
                username=username,
                password=password,
                first_name=first,
                last_name=last,
                email=f"{username}@zukunftshub.example",
                is_staff=superuser,
                is_superuser=superuser,
            )
            user.groups.set(Group.objects.filter(name__in=groups))
        if not User.objects.filter(username=DEMO_LEARNER["username"]).exists():
            learner = User.objects.create_user(
                username=DEMO_LEARNER["username"],
                email=DEMO_LEARNER["email"],
                password=password,
            )
            EmailAddress.objects.create(
                user=learner, email=learner.email, verified=True, primary=True
            )
            Profile.objects.create(
                user=learner,
                display_name=DEMO_LEARNER["display_name"],
                organisation=DEMO_LEARNER["organisation"],
            )
