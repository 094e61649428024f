"""The hub's German demo content: taxonomies and good-practice stories."""

import datetime

from cms.demo import child_page, demo_image, demo_terms
from cms.models import ContactPerson

from .models import (
    CompanySize,
    EventDate,
    EventFigures,
    EventIndexPage,
    EventKind,
    EventPage,
    HubPage,
    Industry,
    NewsIndexPage,
    NewsPage,
    OfferingIndexPage,
    OfferingPage,
    OfferingType,
    Region,
    Registration,
    StoryIndexPage,
    StoryPage,
    Topic,
)

INDUSTRIES = [
    ("Industrie", "industrie"),
    ("Logistik", "logistik"),
    ("Gesundheit und Pflege", "gesundheit"),
    ("Handwerk", "handwerk"),
]
REGIONS = [("Ruhrgebiet", "ruhrgebiet"), ("Kreis Kleve (ländlich)", "kreis-kleve")]
SIZES = [
    ("1–9 Beschäftigte", "1-9"),
    ("10–49 Beschäftigte", "10-49"),
    ("50–249 Beschäftigte", "50-249"),
]
TOPICS = [
    ("Reverse Mentoring", "reverse-mentoring"),
    ("Wissenstransfer", "wissenstransfer"),
    ("Digitale Werkzeuge", "digitale-werkzeuge"),
    ("Qualifizierung", "qualifizierung"),
    ("Arbeitsorganisation", "arbeitsorganisation"),
]

# title, company, industry, size, region, topics, summary, challenge, approach, result, quote, quote by
STORIES = [
    (
        "Digitales Auftragsbuch in der Metallwerkstatt",
        "Brügger Metallbau GmbH",
        "industrie",
        "10-49",
        "ruhrgebiet",
        ["reverse-mentoring", "digitale-werkzeuge"],
        "Ein Auszubildender zeigt dem Werkstattmeister die Auftrags-App – und lernt dabei, wie Kalkulation wirklich funktioniert.",
        "Aufträge liefen über Zettel an der Pinnwand; Rückfragen kosteten täglich Zeit.",
        "Ein Tandem aus Auszubildendem und Meister führte in zehn Wochen eine Auftrags-App ein, begleitet von einem Lotsen.",
        "Weniger Rückfragen, klare Übergaben – und der Meister erklärt die App inzwischen selbst neuen Kollegen.",
        "Ich hätte nicht gedacht, dass ich von unserem Azubi so viel lerne.",
        "Werkstattmeister",
    ),
    (
        "Tourenplanung mit dem Tablet",
        "Emscher Logistik KG",
        "logistik",
        "50-249",
        "ruhrgebiet",
        ["digitale-werkzeuge", "arbeitsorganisation"],
        "Erfahrene Disponentinnen und junge Fahrer planen Touren gemeinsam digital und sparen Leerfahrten.",
        "Die Tourenplanung hing am Wissen zweier Disponentinnen kurz vor der Rente.",
        "In Tandems wurde das Erfahrungswissen in ein digitales Planungswerkzeug übertragen.",
        "Zwölf Prozent weniger Leerkilometer und ein dokumentiertes Planungswissen.",
        "Jetzt steckt unser Wissen nicht mehr nur in unseren Köpfen.",
        "Disponentin",
    ),
    (
        "Pflegedokumentation ohne Doppelarbeit",
        "Ambulanter Pflegedienst Lindenhof",
        "gesundheit",
        "10-49",
        "kreis-kleve",
        ["digitale-werkzeuge", "qualifizierung"],
        "Junge Pflegekräfte begleiten erfahrene Kolleginnen beim Umstieg auf die mobile Dokumentation.",
        "Die neue Dokumentationssoftware wurde kaum genutzt; vieles wurde abends doppelt erfasst.",
        "Reverse-Mentoring-Tandems übten während der Touren; eine Lotsin moderierte monatliche Treffen.",
        "Die Doppelerfassung entfiel nach drei Monaten fast vollständig.",
        "Mir hat geholfen, dass ich in meinem Tempo lernen durfte.",
        "Pflegefachkraft, 58 Jahre",
    ),
    (
        "Wissen sichern vor dem Ruhestand",
        "Kaltwalzwerk Rhein-Herne AG (Demo)",
        "industrie",
        "50-249",
        "ruhrgebiet",
        ["wissenstransfer"],
        "Ein Schichtleiter gibt sein Anlagenwissen per Kurzvideo an jüngere Kollegen weiter.",
        "Drei Schichtleiter gehen in zwei Jahren in Rente – ihr Wissen über die Anlagen war nirgends festgehalten.",
        "Jüngere Kollegen filmten mit ihnen kurze Erklärvideos direkt an der Maschine.",
        "Über 60 Kurzvideos, die heute in der Einarbeitung genutzt werden.",
        "",
        "",
    ),
    (
        "Der Hofladen wird digital",
        "Hof Terhoeven",
        "handwerk",
        "1-9",
        "kreis-kleve",
        ["digitale-werkzeuge", "reverse-mentoring"],
        "Die Enkelin und der Betriebsleiter bauen gemeinsam eine Vorbestellung für den Hofladen auf.",
        "Kundschaft fragte nach Bestellungen per Telefon zu Zeiten, in denen niemand im Laden war.",
        "Ein familieninternes Tandem richtete ein einfaches Bestellformular und einen Abholplan ein.",
        "Samstags halb so lange Warteschlangen und planbarere Ernten.",
        "Wir haben klein angefangen – das war genau richtig.",
        "Betriebsleiter",
    ),
    (
        "Lager-Apps mit Gebärdensprach-Videos",
        "Werkstatt Niederrhein gGmbH",
        "logistik",
        "50-249",
        "kreis-kleve",
        ["qualifizierung", "digitale-werkzeuge"],
        "In einer Werkstatt für Menschen mit Behinderung erklären kurze Videos die neue Lager-App.",
        "Die Einführung eines Scanners scheiterte zunächst an Texten, die nicht alle lesen konnten.",
        "Beschäftigte drehten mit Gruppenleitungen Videos in einfacher Sprache und Gebärdensprache.",
        "Die Scanner werden heute von allen Gruppen genutzt; Fehlbuchungen sanken deutlich.",
        "Die Videos haben wir selbst gemacht. Darauf sind wir stolz.",
        "Beschäftigter im Lager",
    ),
    (
        "Videosprechstunde in der Hausarztpraxis",
        "Praxis Dr. Özdemir",
        "gesundheit",
        "1-9",
        "ruhrgebiet",
        ["digitale-werkzeuge", "arbeitsorganisation"],
        "Eine Auszubildende richtet mit dem Praxisteam die Videosprechstunde ein.",
        "Das Wartezimmer war im Winter überfüllt; Folgetermine hätten oft auch per Video stattfinden können.",
        "Die Auszubildende übernahm als Mentorin die Einweisung der erfahrenen Medizinischen Fachangestellten.",
        "Ein Fünftel der Folgetermine läuft heute per Video.",
        "",
        "",
    ),
    (
        "Schweißroboter gemeinsam einrichten",
        "Holtkamp Stahlbau GmbH",
        "industrie",
        "10-49",
        "kreis-kleve",
        ["qualifizierung", "wissenstransfer"],
        "Ein erfahrener Schweißer und ein Mechatroniker richten gemeinsam den ersten Schweißroboter ein.",
        "Der neue Roboter stand monatelang still, weil niemand die Programmierung mit dem Schweißwissen verband.",
        "Das Tandem kombinierte Programmierkenntnisse und Nahtwissen; die Hochschule begleitete im Work Lab.",
        "Der Roboter übernimmt heute Serienteile; die Fachkräfte kümmern sich um anspruchsvolle Nähte.",
        "Erst zusammen haben wir verstanden, was die Maschine braucht.",
        "Schweißer",
    ),
    (
        "Digitale Schichtübergabe im Pflegeheim",
        "Seniorenzentrum Am Kanal",
        "gesundheit",
        "50-249",
        "ruhrgebiet",
        ["arbeitsorganisation", "reverse-mentoring"],
        "Die Schichtübergabe läuft über ein Tablet – erfahrene und junge Pflegekräfte haben sie zusammen gestaltet.",
        "Bei der Übergabe gingen Informationen verloren; es gab keine einheitliche Struktur.",
        "Gemischte Tandems entwickelten eine digitale Checkliste und testeten sie zwei Monate.",
        "Kürzere Übergaben und weniger Nachfragen in der folgenden Schicht.",
        "",
        "",
    ),
    (
        "Lagerverwaltung mit Barcode",
        "Rheinberg Getränke-Logistik",
        "logistik",
        "10-49",
        "kreis-kleve",
        ["digitale-werkzeuge"],
        "Junge Lageristen führen mit erfahrenen Kollegen Barcodes im Leergutlager ein.",
        "Inventuren dauerten Tage und stimmten selten mit dem Bestand überein.",
        "In drei Tandems wurde das Barcodesystem Gang für Gang eingeführt.",
        "Die Inventur dauert einen halben Tag; die Bestände stimmen.",
        "",
        "",
    ),
    (
        "Kundenberatung per Videochat im Sanitätshaus",
        "Sanitätshaus Vogt",
        "gesundheit",
        "10-49",
        "ruhrgebiet",
        ["digitale-werkzeuge", "qualifizierung"],
        "Orthopädietechniker beraten zusätzlich per Video; die jüngeren Kollegen haben die Technik eingeführt.",
        "Ältere Kundinnen und Kunden auf dem Land hatten weite Wege für kurze Nachfragen.",
        "Reverse Mentoring für die Technik, klassische Mentoring-Gespräche für die Beratungskompetenz.",
        "Weniger Fahrten für die Kundschaft und ein neues Angebot für Nachsorgegespräche.",
        "",
        "",
    ),
    (
        "Ersatzteile aus dem 3D-Drucker",
        "Tischlerei Wessels",
        "handwerk",
        "1-9",
        "ruhrgebiet",
        ["digitale-werkzeuge", "wissenstransfer"],
        "Ein Auszubildender bringt den 3D-Druck in die Tischlerei, der Meister sein Materialwissen.",
        "Kleine Beschläge für alte Möbel waren kaum noch zu bekommen.",
        "Im Work Lab der Hochschule lernte das Tandem Konstruktion und Druck.",
        "Die Tischlerei fertigt Ersatzteile selbst und hat damit ein neues Geschäftsfeld.",
        "Das alte Handwerk und die neue Technik passen besser zusammen als gedacht.",
        "Tischlermeister",
    ),
]


def load_demo(home, stdout):
    industries = demo_terms(Industry, INDUSTRIES)
    regions = demo_terms(Region, REGIONS)
    sizes = demo_terms(CompanySize, SIZES)
    topics = demo_terms(Topic, TOPICS)
    index = child_page(
        home,
        StoryIndexPage,
        "praxisbeispiele",
        title="Praxisbeispiele",
        show_in_menus=True,
        intro="Wie Betriebe aus Industrie, Logistik und Pflege den Schritt in die digitale Arbeit gehen – "
        "oft mit jungen und erfahrenen Beschäftigten im Tandem.",
        search_description="Gute Beispiele aus kleinen und mittleren Unternehmen im Ruhrgebiet und am Niederrhein.",
    )
    contact = ContactPerson.objects.order_by("pk").first()
    created = 0
    start = datetime.date(2026, 10, 30)
    for n, row in enumerate(STORIES):
        (
            title,
            company,
            industry,
            size,
            region,
            topic_slugs,
            summary,
            challenge,
            approach,
            result,
            quote,
            quote_by,
        ) = row
        slug = f"beispiel-{n + 1:02d}"
        if index.get_children().filter(slug=slug).exists():
            continue
        story = StoryPage(
            title=title,
            slug=slug,
            locale=index.locale,
            company=company,
            industry=industries[industry],
            company_size=sizes[size],
            region=regions[region],
            date=start - datetime.timedelta(days=9 * n),
            summary=summary,
            search_description=summary,
            challenge=f"<p>{challenge}</p>",
            approach=f"<p>{approach}</p>",
            result=f"<p>{result}</p>",
            quote=quote,
            quote_by=quote_by,
            contact=contact,
            listing_image=demo_image(
                f"Praxisbeispiel {n + 1}", f"Symbolbild zum Praxisbeispiel {title}", seed=20 + n
            ),
        )
        story.topics = [topics[slug] for slug in topic_slugs]
        index.add_child(instance=story)
        story.tags.add(industries[industry].name.split()[0], "Tandem")
        story.save_revision().publish()
        created += 1
    if created:
        stdout.write(f"Demo content: {created} good-practice stories created.")


KINDS = [
    ("Beratung", "beratung"),
    ("Förderung", "foerderung"),
    ("Weiterbildung", "weiterbildung"),
    ("Netzwerk", "netzwerk"),
    ("Mentoring", "mentoring"),
]
PROVIDERS = [
    ("IHK Mittleres Ruhrgebiet (Demo)", "chamber", "https://ihk-demo.example"),
    ("Wirtschaftsförderung Kreis Kleve (Demo)", "other", "https://wfg-kleve.example"),
    ("Digitalagentur Ruhr (Demo)", "company", "https://digitalagentur.example"),
    ("Zukunftshub-Team", "research", "https://zukunftshub.example"),
]
# title, kind, provider index, cost, funded share, sizes, regions, days valid (None: open; negative: expired), summary, target group
OFFERINGS = [
    (
        "Digitalisierungs-Check vor Ort",
        "beratung",
        0,
        "free",
        None,
        ["1-9", "10-49"],
        ["ruhrgebiet"],
        None,
        "Eine Beraterin besucht Ihren Betrieb und zeigt in zwei Stunden, wo digitale Werkzeuge Zeit sparen.",
        "Inhaberinnen und Inhaber kleiner Betriebe",
    ),
    (
        "Förderprogramm Digitale Arbeit",
        "foerderung",
        1,
        "funded",
        50,
        ["1-9", "10-49", "50-249"],
        ["kreis-kleve"],
        200,
        "Zuschuss zu Software und Schulung, wenn Beschäftigte an der Einführung beteiligt werden.",
        "KMU im Kreis Kleve",
    ),
    (
        "Lotsenausbildung am Berufskolleg",
        "weiterbildung",
        3,
        "free",
        None,
        ["10-49", "50-249"],
        ["ruhrgebiet", "kreis-kleve"],
        120,
        "In sechs Modulen zur Lotsin oder zum Lotsen für Reverse-Mentoring-Tandems.",
        "Beschäftigte, die Tandems begleiten möchten",
    ),
    (
        "Netzwerk Digitale Pflege",
        "netzwerk",
        3,
        "free",
        None,
        ["10-49", "50-249"],
        ["ruhrgebiet"],
        None,
        "Pflegedienste und Heime tauschen sich monatlich über digitale Dokumentation aus.",
        "Leitungen in Pflege und Gesundheit",
    ),
    (
        "Reverse Mentoring starten",
        "mentoring",
        3,
        "free",
        None,
        ["1-9", "10-49", "50-249"],
        ["ruhrgebiet", "kreis-kleve"],
        None,
        "Wir helfen Ihnen, das erste Tandem zu bilden, und stellen eine Lotsin zur Seite.",
        "Betriebe, die Generationen zusammenbringen wollen",
    ),
    (
        "Go-Digital-Beratung Handwerk",
        "beratung",
        2,
        "funded",
        50,
        ["1-9", "10-49"],
        ["ruhrgebiet"],
        90,
        "Geförderte Beratung zu Website, Terminbuchung und digitaler Buchhaltung.",
        "Handwerksbetriebe",
    ),
    (
        "Workshop Prozesse digitalisieren",
        "weiterbildung",
        0,
        "paid",
        None,
        ["10-49", "50-249"],
        ["ruhrgebiet"],
        45,
        "Eintägiger Workshop: Abläufe aufnehmen, vereinfachen und digital abbilden.",
        "Führungskräfte und Teamleitungen",
    ),
    (
        "Innovationsgutschein Digitalisierung",
        "foerderung",
        1,
        "funded",
        80,
        ["1-9", "10-49"],
        ["kreis-kleve"],
        -30,
        "Gutschein für die Zusammenarbeit mit Hochschulen bei digitalen Projekten.",
        "Kleine Unternehmen",
    ),
    (
        "Work Lab Lernfabrik",
        "weiterbildung",
        3,
        "free",
        None,
        ["10-49", "50-249"],
        ["ruhrgebiet"],
        60,
        "Ein Tag in der Lernfabrik der Hochschule: neue Technik ausprobieren, bevor Sie investieren.",
        "Beschäftigte aus Produktion und Logistik",
    ),
    (
        "Stammtisch Digitales Handwerk",
        "netzwerk",
        0,
        "free",
        None,
        ["1-9"],
        ["ruhrgebiet"],
        None,
        "Monatlicher Austausch von Betrieben, die digitale Werkzeuge im Alltag nutzen.",
        "Handwerksbetriebe",
    ),
    (
        "Datenschutz-Sprechstunde",
        "beratung",
        2,
        "paid",
        None,
        ["1-9", "10-49", "50-249"],
        ["ruhrgebiet", "kreis-kleve"],
        None,
        "Kurze Beratung zu Datenschutzfragen bei neuen Werkzeugen.",
        "Geschäftsführungen",
    ),
    (
        "Mentoring für neu zertifizierte familienfreundliche Betriebe",
        "mentoring",
        0,
        "free",
        None,
        ["10-49", "50-249"],
        ["ruhrgebiet"],
        300,
        "Erfahrene Betriebe begleiten neu zertifizierte ein Jahr lang im Tandem.",
        "Personalverantwortliche",
    ),
    (
        "Qualifizierungsscheck Beschäftigte",
        "foerderung",
        1,
        "funded",
        50,
        ["1-9", "10-49", "50-249"],
        ["kreis-kleve"],
        150,
        "Zuschuss zu Weiterbildungen für Beschäftigte ohne Berufsabschluss.",
        "Beschäftigte und Betriebe",
    ),
    (
        "E-Learning-Kurs Digitale Grundlagen",
        "weiterbildung",
        2,
        "paid",
        None,
        ["1-9", "10-49"],
        ["ruhrgebiet", "kreis-kleve"],
        None,
        "Selbstlernkurs mit kurzen Videos und Übungen, auch in einfacher Sprache.",
        "Beschäftigte mit wenig Computererfahrung",
    ),
    (
        "Unternehmensnetzwerk Logistik Niederrhein",
        "netzwerk",
        1,
        "free",
        None,
        ["10-49", "50-249"],
        ["kreis-kleve"],
        None,
        "Logistikbetriebe teilen Erfahrungen mit Scannern, Telematik und Tourenplanung.",
        "Logistikbetriebe",
    ),
    (
        "Beratung Barrierefreie Arbeitsplätze",
        "beratung",
        3,
        "free",
        None,
        ["10-49", "50-249"],
        ["ruhrgebiet"],
        100,
        "Wie digitale Werkzeuge auch für Beschäftigte mit Behinderung nutzbar werden.",
        "Werkstätten und inklusive Betriebe",
    ),
    (
        "Sommerakademie Digitalisierung 2026",
        "weiterbildung",
        0,
        "paid",
        None,
        ["10-49", "50-249"],
        ["ruhrgebiet"],
        -90,
        "Eine Woche Praxisseminare zu digitalen Geschäftsprozessen.",
        "Nachwuchsführungskräfte",
    ),
    (
        "Förderaufruf Wissenstransfer 2026",
        "foerderung",
        3,
        "funded",
        70,
        ["1-9", "10-49", "50-249"],
        ["ruhrgebiet"],
        -10,
        "Zuschuss für Projekte, die das Wissen ausscheidender Beschäftigter sichern.",
        "KMU im Ruhrgebiet",
    ),
    (
        "Peer-Mentoring für Ausbilderinnen und Ausbilder",
        "mentoring",
        0,
        "free",
        None,
        ["10-49", "50-249"],
        ["ruhrgebiet", "kreis-kleve"],
        180,
        "Ausbildende tauschen sich im Tandem über digitale Lernformate aus.",
        "Ausbilderinnen und Ausbilder",
    ),
    (
        "Digitalsprechstunde der Wirtschaftsförderung",
        "beratung",
        1,
        "free",
        None,
        ["1-9", "10-49"],
        ["kreis-kleve"],
        None,
        "Jeden ersten Dienstag im Monat: Fragen zu Förderung und Digitalisierung.",
        "Gründerinnen, Gründer und kleine Betriebe",
    ),
]


# Free keywords per offering, in the order of OFFERINGS.
OFFERING_TAGS = [
    ["Einstieg", "Vor Ort"],
    ["Zuschuss"],
    ["Lotsen", "Tandem"],
    ["Pflege"],
    ["Tandem"],
    ["Handwerk", "Zuschuss"],
    ["Prozesse"],
    ["Zuschuss"],
    ["Lernfabrik", "Vor Ort"],
    ["Handwerk"],
    ["Datenschutz"],
    ["Tandem"],
    ["Zuschuss"],
    ["Online"],
    ["Logistik"],
    ["Barrierefreiheit"],
    ["Vor Ort"],
    ["Zuschuss", "Tandem"],
    ["Ausbildung", "Tandem"],
    ["Einstieg", "Online"],
]


def _providers():
    """The demo's organisations, offering providers and event hosts alike."""
    from cms.models import Organisation

    return [
        Organisation.objects.get_or_create(name=name, defaults={"kind": kind, "website": url})[0]
        for name, kind, url in PROVIDERS
    ]


def load_offerings(home, stdout):

    kinds = demo_terms(OfferingType, KINDS)
    sizes = {s.slug: s for s in CompanySize.objects.all()}
    regions = {r.slug: r for r in Region.objects.all()}
    providers = _providers()
    finder = child_page(
        home,
        OfferingIndexPage,
        "angebote",
        title="Angebotsfinder",
        show_in_menus=True,
        intro="Beratung, Förderung, Weiterbildung, Netzwerke und Mentoring für kleine und mittlere "
        "Unternehmen in der Region – aktuell und geprüft.",
        search_description="Unterstützungsangebote für KMU im Ruhrgebiet und im Kreis Kleve finden.",
    )
    contact = ContactPerson.objects.order_by("pk").first()
    today = datetime.date.today()
    created = 0
    for n, row in enumerate(OFFERINGS):
        title, kind, provider, cost, share, size_slugs, region_slugs, days, summary, target = row
        slug = f"angebot-{n + 1:02d}"
        if finder.get_children().filter(slug=slug).exists():
            continue
        offering = OfferingPage(
            title=title,
            slug=slug,
            locale=finder.locale,
            kind=kinds[kind],
            provider=providers[provider],
            summary=summary,
            search_description=summary,
            target_group=target,
            cost=cost,
            funded_share=share,
            valid_from=today - datetime.timedelta(days=120) if days is not None else None,
            valid_until=today + datetime.timedelta(days=days) if days is not None else None,
            how_to_apply="<p>Schreiben Sie uns eine E-Mail oder rufen Sie an; wir melden uns innerhalb "
            "von drei Werktagen.</p>",
            contact=contact,
            last_checked=today - datetime.timedelta(days=20 * n),
        )
        offering.company_sizes = [sizes[s] for s in size_slugs]
        offering.regions = [regions[r] for r in region_slugs]
        offering.tags.add(*OFFERING_TAGS[n % len(OFFERING_TAGS)])
        finder.add_child(instance=offering)
        offering.save_revision().publish()
        created += 1
    if created:
        stdout.write(f"Demo content: {created} support offerings created.")


# title, kind, days ago, summary, paragraph
NEWS = [
    (
        "Zweiter Zukunfts-HUB startet im Kreis Kleve",
        "press",
        3,
        "Nach dem Ruhrgebiet bekommt auch der ländliche Kreis Kleve einen eigenen Zukunfts-HUB.",
        "Der neue HUB bündelt Beratung, Förderung und Weiterbildung für Betriebe zwischen Rhein und Maas. Erste Lernreisen sind für das Frühjahr geplant.",
    ),
    (
        "48 neue Lotsinnen und Lotsen ausgebildet",
        "news",
        12,
        "Am Berufskolleg am Hafen haben 48 Beschäftigte die Lotsenausbildung abgeschlossen.",
        "Sie begleiten ab sofort Reverse-Mentoring-Tandems in ihren Betrieben. Die nächste Ausbildungsrunde beginnt im Februar.",
    ),
    (
        "Werkzeugkasten um Kurzfilme erweitert",
        "news",
        25,
        "Neue Kurzfilme zeigen, wie Tandems ihre Ziele vereinbaren – auch in einfacher Sprache.",
        "Die Filme entstanden gemeinsam mit einer Werkstatt für Menschen mit Behinderung und sind ohne Anmeldung abrufbar.",
    ),
    (
        "Ministerium verlängert Förderung von Mentoring 4.0",
        "press",
        40,
        "Die zweite Projektphase wird bis Ende 2026 gefördert.",
        "Damit können weitere Betriebe aus Industrie, Logistik und Pflege Tandems bilden und Lotsen ausbilden lassen.",
    ),
    (
        "Lernreise zur Lernfabrik: Rückblick",
        "news",
        55,
        "Zwanzig Beschäftigte aus zwölf Betrieben haben die Lernfabrik der Hochschule besucht.",
        "Im Work Lab probierten sie Assistenzsysteme aus und tauschten sich über erste Schritte im eigenen Betrieb aus.",
    ),
    (
        "Neue Praxisbeispiele aus der Pflege",
        "news",
        70,
        "Drei Pflegedienste zeigen, wie digitale Dokumentation mit Tandems gelingt.",
        "Die Beispiele stehen ab sofort in der Übersicht der Praxisbeispiele.",
    ),
]


def load_news(home, stdout):
    index = child_page(
        home,
        NewsIndexPage,
        "aktuelles",
        title="Aktuelles",
        show_in_menus=True,
        intro="Meldungen und Pressemitteilungen aus dem Zukunftshub.",
        search_description="Neuigkeiten und Pressemitteilungen des Zukunftshub.",
    )
    author = ContactPerson.objects.order_by("pk").first()
    today = datetime.date.today()
    created = 0
    for n, (title, kind, days, summary, paragraph) in enumerate(NEWS):
        slug = f"meldung-{n + 1:02d}"
        if index.get_children().filter(slug=slug).exists():
            continue
        item = NewsPage(
            title=title,
            slug=slug,
            locale=index.locale,
            kind=kind,
            date=today - datetime.timedelta(days=days),
            summary=summary,
            search_description=summary,
            author=author,
            image=demo_image(f"Meldung {n + 1}", f"Symbolbild zur Meldung {title}", seed=40 + n),
            body=[("text", f"<p>{paragraph}</p>")],
        )
        index.add_child(instance=item)
        item.save_revision().publish()
        created += 1
    if created:
        stdout.write(f"Demo content: {created} news items created.")


def _module(title, text, sources, count=3, topic=None, kind=None):
    return (
        "module",
        {
            "title": title,
            "text": text,
            "sources": sources,
            "topic": topic,
            "kind": kind,
            "count": count,
            "links": [],
        },
    )


def load_hubs(home, stdout):
    """Two regional HUBs on the same site: the Ruhr area with its four modules and a
    rural district with a listing of its own stories."""
    regions = {r.slug: r for r in Region.objects.all()}
    kinds = {k.slug: k for k in OfferingType.objects.all()}
    topics = {t.slug: t for t in Topic.objects.all()}
    created = 0
    if not home.get_children().filter(slug="hub-ruhr").exists():
        ruhr = HubPage(
            title="Zukunfts-HUB Ruhr",
            slug="hub-ruhr",
            region=regions["ruhrgebiet"],
            show_in_menus=True,
            intro="Der Zukunfts-HUB Ruhr bündelt, was kleine und mittlere Betriebe zwischen Duisburg "
            "und Dortmund für den digitalen Wandel brauchen: Praxisprojekte, Beratung, Wissen und "
            "die Erfolge anderer Betriebe.",
            search_description="Praxisprojekte, Beratung, Wissen und Erfolge für KMU im Ruhrgebiet.",
            body=[
                _module(
                    "Pr@xisprojekte",
                    "Betriebe aus Industrie, Logistik und Pflege zeigen, wie junge und erfahrene "
                    "Beschäftigte im Tandem neue Wege gehen.",
                    ["stories"],
                ),
                _module(
                    "Beratung",
                    "Kostenlose und geförderte Beratung zu den ersten Schritten in die digitale "
                    "Arbeit.",
                    ["offerings"],
                    kind=kinds["beratung"],
                ),
                _module(
                    "Wissen",
                    "Weiterbildungen, Lernreisen und Neuigkeiten aus dem Programm.",
                    ["offerings", "news"],
                    count=2,
                    kind=kinds["weiterbildung"],
                ),
                _module(
                    "Erfolg",
                    "Was Reverse Mentoring in den Betrieben der Region bewirkt hat.",
                    ["stories"],
                    topic=topics["reverse-mentoring"],
                ),
            ],
        )
        home.add_child(instance=ruhr)
        ruhr.save_revision().publish()
        created += 1
    if not home.get_children().filter(slug="hub-kleve").exists():
        kleve = HubPage(
            title="Zukunfts-HUB Kreis Kleve",
            slug="hub-kleve",
            region=regions["kreis-kleve"],
            show_in_menus=False,
            intro="Der zweite Zukunfts-HUB ist für die Betriebe im ländlichen Kreis Kleve da: kurze "
            "Wege, Beratung vor Ort und Beispiele aus der Nachbarschaft.",
            search_description="Beispiele, Beratung und Neuigkeiten für KMU im Kreis Kleve.",
            body=[
                _module(
                    "Praxis aus der Nachbarschaft",
                    "Wie Betriebe im Kreis Kleve digitale Werkzeuge einführen.",
                    ["stories"],
                ),
                _module(
                    "Unterstützung",
                    "Beratung, Förderung und Netzwerke für den Kreis Kleve.",
                    ["offerings"],
                    count=4,
                ),
                _module("Aktuelles", "Neuigkeiten aus beiden HUBs.", ["news"], count=2),
            ],
        )
        home.add_child(instance=kleve)
        kleve.save_revision().publish()
        stories = StoryIndexPage(
            title="Praxisbeispiele aus dem Kreis Kleve",
            slug="praxisbeispiele",
            region=regions["kreis-kleve"],
            intro="Alle Praxisbeispiele aus dem Kreis Kleve, gleich wo sie auf der Website stehen.",
        )
        kleve.add_child(instance=stories)
        stories.save_revision().publish()
        created += 1
    if created:
        stdout.write(f"Demo content: {created} regional HUB pages created.")


EVENT_KINDS = [
    ("Lernreise", "lernreise"),
    ("Work Lab", "work-lab"),
    ("Workshop", "workshop"),
    ("Infoveranstaltung", "info"),
]

# title, kind, region, topics, days from today, start hour, hours, online, city, capacity,
# group size, host (index into PROVIDERS or None), summary
EVENTS = [
    (
        "Lernreise zur Spedition am Kanal",
        "lernreise",
        "ruhrgebiet",
        ["digitale-werkzeuge", "arbeitsorganisation"],
        12,
        9,
        5,
        False,
        "Dortmund",
        12,
        3,
        0,
        "Wie eine Spedition mit 40 Beschäftigten Touren digital plant – und wer es den anderen beigebracht hat.",
    ),
    (
        "Work Lab Lernfabrik: Assistenzsysteme ausprobieren",
        "work-lab",
        "ruhrgebiet",
        ["digitale-werkzeuge", "qualifizierung"],
        26,
        10,
        6,
        False,
        "Bochum",
        16,
        2,
        1,
        "Einen Tag lang Datenbrillen, Tablets am Arbeitsplatz und Pick-by-Light in der Lernfabrik der Hochschule ausprobieren.",
    ),
    (
        "Workshop: Tandems starten",
        "workshop",
        "kreis-kleve",
        ["reverse-mentoring"],
        33,
        14,
        3,
        False,
        "Kleve",
        10,
        1,
        None,
        "Wie finden Jung und Alt zusammen? Ein Nachmittag mit Methoden aus dem Werkzeugkasten für Lotsinnen und Lotsen.",
    ),
    (
        "Infoveranstaltung: Förderung für Digitalisierung",
        "info",
        None,
        ["qualifizierung"],
        8,
        16,
        1,
        True,
        "",
        100,
        1,
        None,
        "Welche Förderprogramme passen zu kleinen Betrieben? Eine Stunde online, mit Zeit für Fragen.",
    ),
    (
        "Lernreise in die Pflege: digitale Dokumentation",
        "lernreise",
        "kreis-kleve",
        ["digitale-werkzeuge", "wissenstransfer"],
        45,
        9,
        4,
        False,
        "Goch",
        8,
        2,
        None,
        "Ein Pflegedienst zeigt, wie Auszubildende und erfahrene Pflegekräfte gemeinsam auf Tablets umgestellt haben.",
    ),
    (
        "Lernreise zur Tischlerei mit digitaler Werkstatt",
        "lernreise",
        "ruhrgebiet",
        ["digitale-werkzeuge"],
        5,
        13,
        3,
        False,
        "Essen",
        2,
        1,
        None,
        "Eine Tischlerei mit zwölf Beschäftigten zeigt ihre CNC-Fräse und das digitale Auftragsbuch. Ausgebucht – es gibt eine Warteliste.",
    ),
    (
        "Lernreise zum Maschinenbauer",
        "lernreise",
        "ruhrgebiet",
        ["wissenstransfer", "reverse-mentoring"],
        -20,
        9,
        5,
        False,
        "Hagen",
        15,
        2,
        0,
        "Rückblick: Reverse Mentoring im Maschinenbau – wie Auszubildende die Meister an die Datenbank bringen.",
    ),
    (
        "Work Lab: Daten im Betrieb verstehen",
        "work-lab",
        "ruhrgebiet",
        ["qualifizierung"],
        -60,
        10,
        6,
        False,
        "Dortmund",
        20,
        2,
        1,
        "Rückblick: Ein Tag mit Sensordaten aus der Lernfabrik – vom Messwert zur Entscheidung.",
    ),
    (
        "Workshop: Lernkultur im Kleinbetrieb",
        "workshop",
        "kreis-kleve",
        ["wissenstransfer"],
        -35,
        14,
        3,
        False,
        "Emmerich",
        12,
        1,
        None,
        "Rückblick: Wie kleine Betriebe Zeit zum Lernen schaffen.",
    ),
]
# places taken by registrations of past events, for the key figures
PAST_ATTENDANCE = {
    "Lernreise zum Maschinenbauer": 14,
    "Work Lab: Daten im Betrieb verstehen": 18,
    "Workshop: Lernkultur im Kleinbetrieb": 9,
}


def load_events(home, stdout):
    import datetime as dt

    from django.utils import timezone

    kinds = demo_terms(EventKind, EVENT_KINDS)
    regions = {r.slug: r for r in Region.objects.all()}
    topics = {t.slug: t for t in Topic.objects.all()}
    hosts = _providers()
    index = child_page(
        home,
        EventIndexPage,
        "veranstaltungen",
        title="Veranstaltungen",
        show_in_menus=True,
        intro="Lernreisen zu Gastgeberbetrieben, Work Labs in Lernfabriken, Workshops und "
        "Infoveranstaltungen – kostenfrei für kleine und mittlere Unternehmen der Region.",
        search_description="Lernreisen, Work Labs und Workshops des Zukunftshub.",
    )
    contact = ContactPerson.objects.order_by("pk").first()
    today = timezone.localdate()
    created = 0
    for n, row in enumerate(EVENTS):
        (
            title,
            kind,
            region,
            topic_slugs,
            days,
            hour,
            hours,
            online,
            city,
            capacity,
            group,
            host,
            summary,
        ) = row
        slug = f"veranstaltung-{n + 1:02d}"
        if index.get_children().filter(slug=slug).exists():
            continue
        start = timezone.make_aware(
            dt.datetime.combine(today + dt.timedelta(days=days), dt.time(hour))
        )
        event = EventPage(
            title=title,
            slug=slug,
            locale=index.locale,
            kind=kinds[kind],
            region=regions.get(region),
            summary=summary,
            search_description=summary,
            audience="Geschäftsführung und Beschäftigte kleiner und mittlerer Unternehmen",
            cost="kostenfrei",
            host=hosts[host] if host is not None else None,
            contact=contact,
            online=online,
            venue="" if online else f"Gastgeberbetrieb in {city}",
            street="" if online else "Musterstraße 1",
            postcode="" if online else "44135",
            city=city,
            online_note="Per Videokonferenz im Browser, ohne Installation." if online else "",
            online_link="https://konferenz.example/zukunftshub" if online else "",
            capacity=capacity,
            max_group_size=group,
            body=[
                (
                    "text",
                    "<p>Sie erfahren aus erster Hand, wie andere Betriebe die Veränderung angegangen sind, sprechen mit den Menschen, die sie getragen haben, und nehmen Ideen für Ihren eigenen Betrieb mit.</p><p>Nach der Anmeldung schicken wir Ihnen einen Link, mit dem Sie Ihre E-Mail-Adresse bestätigen; erst dann ist Ihr Platz fest.</p>",
                )
            ],
            agenda=[
                (
                    "item",
                    {"time": f"{hour:02d}:00", "title": "Ankommen und Kennenlernen", "text": ""},
                ),
                (
                    "item",
                    {
                        "time": f"{hour:02d}:30",
                        "title": "Rundgang und Einblicke",
                        "text": "In kleinen Gruppen, mit Zeit für Fragen.",
                    },
                ),
                (
                    "item",
                    {
                        "time": f"{hour + hours - 1:02d}:00",
                        "title": "Austausch: Was nehmen wir mit?",
                        "text": "",
                    },
                ),
            ],
        )
        event.topics = [topics[t] for t in topic_slugs if t in topics]
        event.dates = [EventDate(start=start, end=start + dt.timedelta(hours=hours))]
        if kind == "work-lab" and days > 0:
            second = start + dt.timedelta(days=7)
            event.dates.add(
                EventDate(start=second, end=second + dt.timedelta(hours=hours), sort_order=1)
            )
        index.add_child(instance=event)
        event.save_revision().publish()
        figures = EventFigures.objects.get_or_create(event=event)[0]
        if title in PAST_ATTENDANCE:
            figures.attended_places = figures.registered_places = PAST_ATTENDANCE[title]
            figures.save()
        if days > 0 and capacity <= 2:
            # Full, with two on the waiting list (the demo's own addresses).
            for i, status in enumerate(["confirmed", "confirmed", "waiting", "waiting"]):
                Registration.objects.create(
                    event=event,
                    name=f"Demo-Teilnehmer*in {i + 1}",
                    email=f"teilnahme{i + 1}@demo.example",
                    company="Musterbetrieb GmbH",
                    status=status,
                    email_confirmed=True,
                )
            figures.registered_places = 2
            figures.save()
        created += 1
    if created:
        stdout.write(f"Demo content: {created} events created.")
