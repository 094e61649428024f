"""The home plugin's demo content: the Mentoring 4.0 project and the home page blocks."""

import datetime

from cms.demo import child_page, demo_image
from cms.models import ContactPerson, ContentPage, Organisation

from .models import (
    HomePage,
    ProgrammeContact,
    ProgrammeFigure,
    ProgrammePage,
    ProgrammePartner,
    ProgrammePhase,
    WorkPackage,
)

PARTNERS = [
    (
        "Institut für Arbeitsforschung Ruhr (Demo)",
        "research",
        "Wissenschaftliche Leitung",
        "https://arbeitsforschung.example",
    ),
    (
        "Technische Hochschule Emscher-Lippe (Demo)",
        "university",
        "Lernfabrik und Work Labs",
        "https://th-emscher-lippe.example",
    ),
    (
        "IG Metall Bezirk Beispiel (Demo)",
        "union",
        "Weiterbildungsmentor*innen",
        "https://igm-beispiel.example",
    ),
    (
        "Handwerkskammer Musterstadt (Demo)",
        "chamber",
        "Zugang zu Betrieben",
        "https://hwk-musterstadt.example",
    ),
    ("Berufskolleg am Hafen (Demo)", "college", "Lotsenausbildung", "https://bk-hafen.example"),
]

CONTACTS = [
    (
        "Dr. Jana Beispiel",
        "Projektleitung",
        0,
        "jana.beispiel@zukunftshub.example",
        "0231 123456-10",
        "Gesamtprojekt",
    ),
    (
        "Murat Yılmaz",
        "Koordination Lotsen",
        4,
        "murat.yilmaz@zukunftshub.example",
        "0231 123456-21",
        "Lotsenausbildung",
    ),
]


def load_demo(home, stdout):
    organisations = []
    for index, (name, kind, _role, url) in enumerate(PARTNERS):
        org, created = Organisation.objects.get_or_create(
            name=name, defaults={"kind": kind, "website": url}
        )
        if created or not org.logo:
            org.logo = demo_image(
                f"Logo {name}",
                "",
                seed=index + 1,
                size=(320, 160),
                label=name.split()[0][:3].upper(),
            )
            org.save()
        organisations.append(org)
    persons = []
    for name, role, org_index, email, phone, _topic in CONTACTS:
        person, _ = ContactPerson.objects.get_or_create(
            name=name,
            defaults={
                "role": role,
                "organisation": organisations[org_index],
                "email": email,
                "phone": phone,
            },
        )
        persons.append(person)

    projects = child_page(
        home,
        ContentPage,
        "projekte",
        title="Projekte",
        show_in_menus=True,
        intro="Die Projekte, mit denen wir kleine und mittlere Unternehmen auf dem Weg in die digitale Arbeitswelt begleiten.",
        search_description="Projekte des Zukunftshub, z. B. Mentoring 4.0.",
    )
    mentoring = projects.get_children().filter(slug="mentoring-4-0").first()
    if mentoring is None:
        mentoring = ProgrammePage(
            title="Mentoring 4.0",
            slug="mentoring-4-0",
            locale=projects.locale,
            intro=(
                "Jüngere Beschäftigte, die sich mit digitalen Werkzeugen auskennen, begleiten erfahrene "
                "Kolleginnen und Kollegen – und lernen umgekehrt von deren Erfahrung. Ausgebildete Lotsen "
                "bringen die Tandems zusammen und unterstützen sie."
            ),
            search_description="Reverse Mentoring in kleinen und mittleren Unternehmen: Tandems, Lotsen, Werkzeugkasten.",
            image=demo_image(
                "Tandem im Gespräch",
                "Zwei Beschäftigte unterschiedlichen Alters arbeiten gemeinsam an einem Tablet.",
                seed=7,
            ),
            funding_note="Gefördert vom Land aus Mitteln des Europäischen Sozialfonds (Demo-Angabe).",
            body=[
                {
                    "type": "text",
                    "value": (
                        "<h2>Worum es geht</h2><p>Digitale Werkzeuge verändern die Arbeit in Werkstatt, Lager und Büro. "
                        "Im Reverse Mentoring lernen Generationen voneinander: die Jüngeren zeigen neue Software, die "
                        "Erfahrenen teilen ihr Wissen über Abläufe, Kundschaft und Qualität.</p>"
                    ),
                },
                {
                    "type": "quote",
                    "value": {
                        "quote": "Seit mein Mentee mir das digitale Auftragsbuch erklärt hat, spare ich jede Woche zwei Stunden.",
                        "attribution": "Meister in einem Metallbaubetrieb, Teilnehmer der ersten Phase",
                    },
                },
            ],
        )
        projects.add_child(instance=mentoring)
        mentoring.phases = [
            ProgrammePhase(
                sort_order=0,
                title="Phase 1: Erprobung",
                status="completed",
                start=datetime.date(2021, 1, 1),
                end=datetime.date(2023, 6, 30),
                description="<p>Zwölf Betriebe im Ruhrgebiet erproben Tandems und die ersten Methoden des Werkzeugkastens.</p>",
            ),
            ProgrammePhase(
                sort_order=1,
                title="Phase 2: Verbreitung",
                status="running",
                start=datetime.date(2023, 7, 1),
                end=datetime.date(2026, 12, 31),
                description="<p>Lotsenausbildung an Berufskollegs, Zukunfts-HUB und Transfer in einen ländlichen Kreis.</p>",
            ),
        ]
        mentoring.work_packages = [
            WorkPackage(
                sort_order=0,
                number="AP 1",
                title="Tandems bilden und begleiten",
                lead=organisations[0],
                description="<p>Passende Mentorinnen, Mentoren und Mentees finden; Ziele vereinbaren.</p>",
            ),
            WorkPackage(
                sort_order=1,
                number="AP 2",
                title="Werkzeugkasten entwickeln",
                lead=organisations[1],
                description="<p>Methoden, Checklisten und kurze Filme für die Tandemarbeit.</p>",
            ),
            WorkPackage(
                sort_order=2,
                number="AP 3",
                title="Lotsen ausbilden",
                lead=organisations[4],
                description="<p>Eine modulare Ausbildung, auch begleitend zur Ausbildereignungsprüfung.</p>",
            ),
            WorkPackage(
                sort_order=3,
                number="AP 4",
                title="Transfer und Zukunfts-HUB",
                lead=organisations[3],
                description="<p>Gute Beispiele sichtbar machen und Angebote der Region bündeln.</p>",
            ),
        ]
        mentoring.figures = [
            ProgrammeFigure(sort_order=0, value="48", label="ausgebildete Lotsen"),
            ProgrammeFigure(sort_order=1, value="31", label="Partnerbetriebe"),
            ProgrammeFigure(sort_order=2, value="112", label="Mentorinnen, Mentoren und Mentees"),
        ]
        mentoring.partners = [
            ProgrammePartner(sort_order=i, organisation=org, role=PARTNERS[i][2])
            for i, org in enumerate(organisations)
        ]
        mentoring.contacts = [
            ProgrammeContact(sort_order=i, person=person, topic=CONTACTS[i][5])
            for i, person in enumerate(persons)
        ]
        mentoring.save_revision().publish()
        stdout.write("Demo content: project Mentoring 4.0 created.")

    if isinstance(home, HomePage) and not home.body:
        home.body = [
            {
                "type": "hero",
                "value": {
                    "heading": "Digital in die Zukunft – gemeinsam und generationenübergreifend",
                    "text": "Der Zukunftshub bündelt Beratung, Förderung und gute Beispiele für kleine und mittlere Unternehmen in der Region.",
                    "image": {
                        "image": demo_image(
                            "Werkstatt mit Tablet",
                            "Eine Auszubildende zeigt einem erfahrenen Kollegen eine App auf dem Tablet.",
                            seed=3,
                        ).pk,
                        "alt_text": "",
                        "decorative": True,
                    },
                    "link": {"text": "Mentoring 4.0 kennenlernen", "page": mentoring.pk, "url": ""},
                },
            },
            {
                "type": "key_figures",
                "value": {
                    "heading": "Der Zukunftshub in Zahlen",
                    "figures": [
                        {"source": "home.programmes", "value": "", "label": ""},
                        {"source": "cms.organisations", "value": "", "label": ""},
                        {"source": "", "value": "48", "label": "ausgebildete Lotsen"},
                    ],
                },
            },
            {"type": "embed", "value": {"page": mentoring.pk}},
            {
                "type": "teasers",
                "value": {
                    "heading": "Unsere Projekte",
                    "source": "home.programmes",
                    "count": 3,
                    "more": {"text": "Alle Projekte", "page": projects.pk, "url": ""},
                },
            },
            {
                "type": "call_to_action",
                "value": {
                    "heading": "Fragen zur Digitalisierung in Ihrem Betrieb?",
                    "text": "Wir beraten kostenfrei und vermitteln passende Angebote in der Region.",
                    "link": {
                        "text": "Kontakt aufnehmen",
                        "page": None,
                        "url": "mailto:kontakt@zukunftshub.example",
                    },
                },
            },
        ]
        home.save_revision().publish()
        stdout.write("Demo content: home page composed.")


def translate_home_page(home, stdout):
    """The English home page as a real translation (the other pages stay aliases of
    the German ones until editors translate them)."""
    from wagtail.actions.convert_alias import ConvertAliasPageAction
    from wagtail.models import Locale

    from cms.demo import mirror_into_other_languages

    english_locale = Locale.objects.filter(language_code="en").first()
    if english_locale is None:
        return
    mirror_into_other_languages(home)
    english = home.get_translation_or_none(english_locale)
    if english is None or not english.alias_of_id:
        return
    ConvertAliasPageAction(english).execute(skip_permission_checks=True)
    english = english.specific_class.objects.get(pk=english.pk)
    projects = home.get_children().get(slug="projekte")
    mentoring = projects.get_children().get(slug="mentoring-4-0")
    image = next(block.value["image"] for block in home.body if block.block_type == "hero")
    english.title = "Zukunftshub"
    english.seo_title = "Zukunftshub – into the digital future together"
    english.search_description = (
        "Support, good practice and methods for small and medium-sized companies on their way "
        "into the digital world of work."
    )
    english.body = [
        {
            "type": "hero",
            "value": {
                "heading": "Into the digital future – together, across generations",
                "text": "Zukunftshub brings together advice, funding and good practice for small and medium-sized companies in the region.",
                "image": {"image": image.pk, "alt_text": "", "decorative": True},
                "link": {"text": "Discover Mentoring 4.0", "page": mentoring.pk, "url": ""},
            },
        },
        {
            "type": "key_figures",
            "value": {
                "heading": "Zukunftshub in figures",
                "figures": [
                    {"source": "home.programmes", "value": "", "label": ""},
                    {"source": "cms.organisations", "value": "", "label": ""},
                    {"source": "", "value": "48", "label": "trained Lotsen (guides)"},
                ],
            },
        },
        {"type": "embed", "value": {"page": mentoring.pk}},
        {
            "type": "call_to_action",
            "value": {
                "heading": "Questions about digitalisation in your company?",
                "text": "We advise free of charge and put you in touch with the right offers in the region.",
                "link": {
                    "text": "Get in touch",
                    "page": None,
                    "url": "mailto:kontakt@zukunftshub.example",
                },
            },
        },
    ]
    english.save_revision().publish()
    stdout.write("Demo content: English home page translated.")
