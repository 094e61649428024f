"""The toolbox's German demo content: themes, kinds, audiences and about 15 entries."""

from wagtail.models import Page
from wagtail.rich_text import RichText

from cms.demo import child_page, demo_document, demo_terms

from .entries.models import ToolboxEntryPage, ToolboxIndexPage
from .quickcheck.pages import QuickcheckPage
from .taxonomy.models import Audience, Duration, EntryKind, Theme

THEMES = [
    (
        "Tandems finden und bilden",
        "tandems-bilden",
        "Wer passt als Mentor*in und Mentee zusammen – und woran merkt man es?",
    ),
    (
        "Zwischenmenschliches und Hürden",
        "huerden",
        "Mit Menschen arbeiten, mit denen man sonst wenig zu tun hat; eigene Lücken erkennen.",
    ),
    (
        "Motivation",
        "motivation",
        "Erfahrenen Beschäftigten den persönlichen Nutzen neuer Software und Methoden zeigen.",
    ),
    (
        "Wie Jung und Alt lernen",
        "lernen",
        "Gegenseitiges Verständnis für unterschiedliche Lernwege.",
    ),
    (
        "Wissen im Betrieb sichern",
        "wissen-sichern",
        "Software-Werkzeuge, die das Wissen des Betriebs bewahren.",
    ),
]
KINDS = [
    ("Methode", "methode"),
    ("Checkliste", "checkliste"),
    ("Vorlage", "vorlage"),
    ("Video", "video"),
    ("App-Tipp", "app-tipp"),
]
AUDIENCES = [
    ("Lotse", "lotse"),
    ("Mentor*in", "mentor"),
    ("Mentee", "mentee"),
    ("Unternehmen", "unternehmen"),
]
DURATIONS = [
    ("bis 30 Minuten", "bis-30"),
    ("30 bis 90 Minuten", "30-90"),
    ("halber Tag", "halber-tag"),
    ("über mehrere Wochen", "wochen"),
]

# title, theme, kind, audiences, duration, group size, goal, steps, tips, keywords, download
ENTRIES = [
    (
        "Steckbrief-Runde zum Kennenlernen",
        "tandems-bilden",
        "methode",
        ["lotse", "mentor", "mentee"],
        "30-90",
        "6 bis 16 Personen",
        "Mögliche Tandempartner lernen sich über Stärken und Lernwünsche kennen, bevor Paare gebildet werden.",
        [
            (
                "Steckbriefe ausfüllen",
                "Jede Person notiert: Was kann ich gut? Was möchte ich lernen? Wie lerne ich am liebsten?",
                15,
            ),
            (
                "Galerie",
                "Die Steckbriefe hängen an der Wand; alle lesen und setzen Punkte bei passenden Gegenübern.",
                20,
            ),
            (
                "Paare vorschlagen",
                "Der Lotse fasst die Punkte zusammen und schlägt Tandems vor; niemand wird zugeteilt, ohne gefragt zu werden.",
                15,
            ),
        ],
        "Steckbriefe nicht nach Alter sortieren – Neugier ist ein besserer Kompass.",
        ["Kennenlernen", "Tandem"],
        (
            "Steckbrief-Vorlage",
            "steckbrief.txt",
            "Name:\nDas kann ich gut:\nDas möchte ich lernen:\nSo lerne ich am liebsten:\n",
        ),
    ),
    (
        "Checkliste: Passt unser Tandem?",
        "tandems-bilden",
        "checkliste",
        ["lotse", "mentor", "mentee"],
        "bis-30",
        "ein Tandem (2 Personen)",
        "Nach dem ersten Treffen prüfen beide, ob Ziele, Zeit und Umgangston zusammenpassen.",
        [
            (
                "Ziele abgleichen",
                "Haben wir ein gemeinsames Ziel für die nächsten acht Wochen?",
                10,
            ),
            ("Zeit klären", "Finden wir jede Woche eine feste Stunde?", 5),
            (
                "Umgang besprechen",
                "Dürfen wir einander unterbrechen, nachfragen, Fehler machen?",
                10,
            ),
        ],
        "Wenn zwei von drei Punkten offen bleiben, hilft ein Gespräch mit dem Lotsen.",
        ["Tandem", "Einstieg"],
        (
            "Checkliste Tandem-Start",
            "checkliste-tandem.txt",
            "[ ] Gemeinsames Ziel\n[ ] Feste Zeit\n[ ] Regeln für den Umgang\n",
        ),
    ),
    (
        "Tandemvereinbarung",
        "tandems-bilden",
        "vorlage",
        ["mentor", "mentee", "unternehmen"],
        "bis-30",
        "ein Tandem (2 Personen)",
        "Ziele, Treffen und Unterstützung durch den Betrieb auf einer Seite festhalten.",
        [
            (
                "Vorlage ausfüllen",
                "Ziel, Dauer, Treffpunkt und Ansprechperson im Betrieb eintragen.",
                15,
            ),
            (
                "Unterschreiben",
                "Beide und die Führungskraft unterschreiben – das schafft Verbindlichkeit.",
                5,
            ),
        ],
        "",
        ["Vorlage", "Tandem"],
        (
            "Tandemvereinbarung (Tabelle)",
            "tandemvereinbarung.csv",
            "Feld;Eintrag\nZiel;\nDauer;\nTreffen;\nAnsprechperson;\n",
        ),
    ),
    (
        "Perspektivwechsel: Ein Tag im Job des anderen",
        "huerden",
        "methode",
        ["mentor", "mentee"],
        "halber-tag",
        "ein Tandem (2 Personen)",
        "Beide begleiten einander einen halben Tag und verstehen danach besser, warum der andere so arbeitet.",
        [
            (
                "Begleiten",
                "Die Mentee begleitet den Mentor an seinem Arbeitsplatz, danach umgekehrt.",
                120,
            ),
            ("Notieren", "Jede Person schreibt drei Dinge auf, die sie überrascht haben.", 15),
            (
                "Austauschen",
                "Im Gespräch klären beide, was sie voneinander übernehmen möchten.",
                30,
            ),
        ],
        "Vorher mit der Führungskraft klären, dass die Zeit Arbeitszeit ist.",
        ["Vor Ort", "Verständnis"],
        None,
    ),
    (
        "Die vier Stufen der Kompetenz",
        "huerden",
        "video",
        ["lotse", "mentor", "mentee"],
        "bis-30",
        "einzeln oder in der Gruppe",
        "Ein kurzer Film erklärt, warum Könner ihr Wissen oft schwer erklären können – und wie man trotzdem voneinander lernt.",
        [
            ("Film ansehen", "Den Film gemeinsam ansehen oder das Transkript lesen.", 10),
            ("Einordnen", "Jede Person überlegt: Wo bin ich bei meinem wichtigsten Werkzeug?", 10),
        ],
        "",
        ["Kompetenz", "Film"],
        None,
    ),
    (
        "Lücken finden mit der Ampel",
        "huerden",
        "checkliste",
        ["mentee", "mentor"],
        "bis-30",
        "einzeln",
        "Die eigenen digitalen Fähigkeiten ehrlich einschätzen, ohne sich zu blamieren.",
        [
            ("Ampel ausfüllen", "Für zehn Alltagsaufgaben Grün, Gelb oder Rot vergeben.", 15),
            ("Eine gelbe Aufgabe wählen", "Mit Gelb anfangen – das gelingt am schnellsten.", 5),
        ],
        "Die Ampel bleibt bei der Person; sie entscheidet, was sie im Tandem teilt.",
        ["Selbsteinschätzung", "Einstieg"],
        (
            "Ampel-Bogen",
            "ampel.txt",
            "Aufgabe;Grün;Gelb;Rot\nE-Mail mit Anhang;;;\nTermin im Kalender;;;\nDokument teilen;;;\n",
        ),
    ),
    (
        "Nutzen-Geschichte erzählen",
        "motivation",
        "methode",
        ["lotse", "mentee"],
        "30-90",
        "ein Tandem (2 Personen)",
        "Erfahrene Beschäftigte sehen an einer Geschichte aus ihrem Alltag, was ihnen ein neues Werkzeug bringt.",
        [
            (
                "Ärgernis finden",
                "Welche wiederkehrende Aufgabe nervt? Gemeinsam eine auswählen.",
                15,
            ),
            (
                "Vorher-Nachher zeigen",
                "Die Mentee zeigt, wie das Werkzeug genau diese Aufgabe leichter macht.",
                30,
            ),
            ("Ausprobieren lassen", "Der Mentor macht es selbst, die Mentee schaut nur zu.", 20),
        ],
        "Nie mit allen Funktionen anfangen – eine reicht.",
        ["Motivation", "Einstieg"],
        None,
    ),
    (
        "App-Tipp: Sprachnachrichten als Lernnotiz",
        "motivation",
        "app-tipp",
        ["mentor", "mentee"],
        "bis-30",
        "einzeln",
        "Wer ungern schreibt, hält Gelerntes als kurze Sprachnachricht an sich selbst fest.",
        [
            (
                "Einrichten",
                "Einen Chat mit sich selbst anlegen (in den meisten Messengern möglich).",
                5,
            ),
            (
                "Nach jedem Treffen",
                "In einer Minute sagen, was neu war und was man ausprobieren will.",
                2,
            ),
        ],
        "Betriebliche Regeln zu Messengern beachten; im Zweifel das Diktiergerät des Diensthandys nutzen.",
        ["App", "Lernnotiz"],
        None,
    ),
    (
        "Motivationsgespräch mit der Führungskraft",
        "motivation",
        "vorlage",
        ["unternehmen", "lotse"],
        "30-90",
        "3 Personen",
        "Die Führungskraft zeigt, dass das Tandem gewollt ist – und welche Zeit dafür da ist.",
        [
            ("Einladen", "Lotse lädt Tandem und Führungskraft zu einem kurzen Gespräch ein.", 5),
            (
                "Gesprächsleitfaden nutzen",
                "Drei Fragen: Was wollen wir erreichen? Was brauchen wir? Woran merken wir Erfolg?",
                30,
            ),
        ],
        "",
        ["Führung", "Vorlage"],
        (
            "Gesprächsleitfaden",
            "leitfaden-fuehrung.txt",
            "1. Was wollen wir erreichen?\n2. Was brauchen wir?\n3. Woran merken wir Erfolg?\n",
        ),
    ),
    (
        "Lernwege-Interview",
        "lernen",
        "methode",
        ["mentor", "mentee"],
        "30-90",
        "ein Tandem (2 Personen)",
        "Beide erfahren, wie der andere am liebsten lernt: durch Zeigen, Lesen, Ausprobieren oder Fragen.",
        [
            ("Fragen stellen", "Abwechselnd fünf Fragen zum eigenen Lernen beantworten.", 20),
            (
                "Regeln ableiten",
                "Gemeinsam zwei Regeln für die Treffen festlegen, z. B. 'erst selbst klicken lassen'.",
                10,
            ),
        ],
        "",
        ["Lernen", "Tandem"],
        None,
    ),
    (
        "Erklären in drei Schritten",
        "lernen",
        "checkliste",
        ["mentee"],
        "bis-30",
        "einzeln",
        "Junge Mentees erklären digitale Werkzeuge so, dass Erfahrene mitkommen.",
        [
            ("Warum", "Erst sagen, wofür es gut ist.", 2),
            ("Zeigen", "Langsam vormachen und dabei laut sagen, was man tut.", 5),
            (
                "Selbst machen lassen",
                "Hände weg von Maus und Tastatur – die andere Person klickt.",
                10,
            ),
        ],
        "Fachbegriffe beim ersten Mal erklären oder weglassen.",
        ["Erklären", "Einstieg"],
        None,
    ),
    (
        "Lerntagebuch im Tandem",
        "lernen",
        "vorlage",
        ["mentor", "mentee", "lotse"],
        "wochen",
        "ein Tandem (2 Personen)",
        "Über acht Wochen sichtbar machen, was beide voneinander gelernt haben.",
        [
            (
                "Wöchentlich eintragen",
                "Nach jedem Treffen zwei Zeilen: Was habe ich gelernt? Was probiere ich aus?",
                5,
            ),
            ("Zwischenbilanz", "Nach vier Wochen mit dem Lotsen durchsehen.", 30),
        ],
        "",
        ["Lerntagebuch", "Vorlage"],
        ("Lerntagebuch", "lerntagebuch.csv", "Woche;Gelernt;Ausprobieren\n1;;\n2;;\n3;;\n4;;\n"),
    ),
    (
        "Wissenslandkarte des Betriebs",
        "wissen-sichern",
        "methode",
        ["unternehmen", "lotse"],
        "halber-tag",
        "5 bis 12 Personen",
        "Sichtbar machen, welches Wissen in welchen Köpfen steckt und was beim Ruhestand verloren ginge.",
        [
            ("Wissensgebiete sammeln", "Auf Karten: Welche Tätigkeiten kann nur eine Person?", 45),
            ("Risiko bewerten", "Punkte für 'geht bald in Rente' und 'kein Ersatz'.", 30),
            ("Tandems ableiten", "Für die drei größten Risiken Tandems vorschlagen.", 30),
        ],
        "Die Karte gehört allen: im Pausenraum aufhängen statt im Büro.",
        ["Wissenstransfer", "Vor Ort"],
        None,
    ),
    (
        "App-Tipp: Wiki statt Zettelwirtschaft",
        "wissen-sichern",
        "app-tipp",
        ["unternehmen", "mentee"],
        "wochen",
        "ganzer Betrieb",
        "Ein einfaches Wiki bewahrt Handgriffe und Einstellungen, die sonst nur einer kennt.",
        [
            (
                "Werkzeug wählen",
                "Ein Wiki, das ohne Programmierkenntnisse auskommt und auf dem eigenen Server laufen kann.",
                60,
            ),
            (
                "Mit einer Seite anfangen",
                "Die Mentee schreibt auf, was der Mentor erklärt – mit Fotos vom Handy.",
                30,
            ),
        ],
        "Datenschutz: keine Kundendaten ins Wiki.",
        ["App", "Wissenstransfer"],
        None,
    ),
    (
        "Übergabe-Checkliste vor dem Ruhestand",
        "wissen-sichern",
        "checkliste",
        ["unternehmen", "mentor", "lotse"],
        "wochen",
        "ein Tandem (2 Personen)",
        "Ein Jahr vor dem Ruhestand planen, welches Wissen wie weitergegeben wird.",
        [
            ("Aufgaben auflisten", "Alle wiederkehrenden Aufgaben mit Häufigkeit notieren.", 60),
            (
                "Nachfolge festlegen",
                "Für jede Aufgabe eine Person und ein Tandem-Treffen planen.",
                30,
            ),
            ("Dokumentieren", "Wichtiges im Wiki oder als Kurzvideo festhalten.", 120),
        ],
        "",
        ["Ruhestand", "Wissenstransfer"],
        ("Übergabeplan", "uebergabeplan.csv", "Aufgabe;Häufigkeit;Nachfolge;Treffen\n"),
    ),
]

VIDEO_TRANSCRIPT = (
    "<p>Der Film zeigt in vier Szenen die Stufen der Kompetenz: unbewusst inkompetent, bewusst "
    "inkompetent, bewusst kompetent und unbewusst kompetent. Eine Werkstattmeisterin erklärt, "
    "warum sie Handgriffe nicht mehr beschreiben kann, die sie seit zwanzig Jahren macht – und "
    "wie ihr Auszubildender sie mit Fragen wieder bewusst macht.</p>"
)


def load_demo(home, stdout):
    themes = demo_terms(Theme, THEMES)
    kinds = demo_terms(EntryKind, KINDS)
    audiences = demo_terms(Audience, AUDIENCES)
    durations = demo_terms(Duration, DURATIONS)
    index = child_page(
        home,
        ToolboxIndexPage,
        "werkzeugkasten",
        title="Werkzeugkasten",
        show_in_menus=True,
        intro="Methoden, Checklisten, Vorlagen, Filme und App-Tipps für Tandems, Lotsen und "
        "Betriebe – zum Ausprobieren und Ausdrucken.",
        search_description="Methoden und Werkzeuge für Reverse Mentoring im Betrieb.",
    )
    created = 0
    for n, row in enumerate(ENTRIES):
        title, theme, kind, audience_slugs, duration, group, goal, steps, tips, tags, download = row
        slug = f"werkzeug-{n + 1:02d}"
        if index.get_children().filter(slug=slug).exists():
            continue
        entry = ToolboxEntryPage(
            title=title,
            slug=slug,
            locale=index.locale,
            theme=themes[theme],
            kind=kinds[kind],
            duration=durations[duration],
            group_size=group,
            goal=goal,
            search_description=goal,
            tips=tips,
            steps=[
                ("step", {"title": step, "text": RichText(f"<p>{text}</p>"), "minutes": minutes})
                for step, text, minutes in steps
            ],
        )
        if download:
            entry.downloads = [("document", demo_document(*download))]
        if kind == "video":
            entry.video = [
                (
                    "video",
                    {
                        "title": title,
                        "file": None,
                        "captions": None,
                        "platform_url": "https://www.youtube.com/watch?v=M7lc1UVf-VE",
                        "transcript": RichText(VIDEO_TRANSCRIPT),
                    },
                )
            ]
        entry.audiences = [audiences[a] for a in audience_slugs]
        entry.tags.add(*tags)
        index.add_child(instance=entry)
        entry.save_revision().publish()
        created += 1
    if created:
        stdout.write(f"Demo content: {created} toolbox entries created.")


QC_DIMENSIONS = [
    (
        "digitale-kompetenzen",
        "Digitale Kompetenzen",
        "Wie sicher Beschäftigte mit digitalen Werkzeugen umgehen.",
    ),
    ("lernkultur", "Lernkultur", "Ob Lernen im Alltag Platz hat und Fehler erlaubt sind."),
    (
        "wissenstransfer",
        "Offenheit für Wissenstransfer",
        "Wie bereitwillig Wissen zwischen Jung und Alt geteilt wird.",
    ),
    ("rahmen", "Rahmenbedingungen", "Zeit, Technik und Rückhalt der Führung."),
]
# per dimension: (title, text, toolbox entry slugs, other page slugs) for the bands from 0, 40, 75 %
QC_BANDS = {
    "digitale-kompetenzen": [
        (
            "Am Anfang",
            "Digitale Werkzeuge sind noch ungewohnt. Kleine, alltagsnahe Schritte helfen am meisten.",
            ["werkzeug-06", "werkzeug-11"],
            ["angebot-01"],
        ),
        (
            "Auf dem Weg",
            "Grundlagen sind da. Ein Tandem kann gezielt die nächsten Werkzeuge erschließen.",
            ["werkzeug-07"],
            ["angebot-14"],
        ),
        (
            "Gut aufgestellt",
            "Digitale Werkzeuge gehören zum Alltag. Geben Sie Ihr Wissen als Mentor*in weiter.",
            ["werkzeug-01"],
            [],
        ),
    ],
    "lernkultur": [
        (
            "Am Anfang",
            "Lernen geschieht eher nebenbei. Feste Lernzeiten und ein Lerntagebuch schaffen Raum.",
            ["werkzeug-12", "werkzeug-10"],
            ["angebot-07"],
        ),
        (
            "Auf dem Weg",
            "Lernen ist gewollt, aber nicht selbstverständlich. Tandems machen es sichtbar.",
            ["werkzeug-10"],
            [],
        ),
        (
            "Gut aufgestellt",
            "Lernen ist Teil der Arbeit. Teilen Sie Ihre Erfahrungen mit anderen Betrieben.",
            [],
            ["angebot-04"],
        ),
    ],
    "wissenstransfer": [
        (
            "Am Anfang",
            "Wissen steckt in wenigen Köpfen. Eine Wissenslandkarte zeigt, wo es eilt.",
            ["werkzeug-13", "werkzeug-15"],
            ["angebot-05"],
        ),
        (
            "Auf dem Weg",
            "Wissen wird geteilt, wenn jemand fragt. Tandems machen daraus eine Gewohnheit.",
            ["werkzeug-04", "werkzeug-02"],
            [],
        ),
        (
            "Gut aufgestellt",
            "Jung und Alt lernen voneinander. Sichern Sie das Wissen zusätzlich digital.",
            ["werkzeug-14"],
            [],
        ),
    ],
    "rahmen": [
        (
            "Am Anfang",
            "Es fehlt an Zeit oder Rückhalt. Ein Gespräch mit der Führung ist der erste Schritt.",
            ["werkzeug-09"],
            ["angebot-02"],
        ),
        (
            "Auf dem Weg",
            "Der Rahmen steht in Teilen. Eine Tandemvereinbarung macht ihn verbindlich.",
            ["werkzeug-03"],
            [],
        ),
        (
            "Gut aufgestellt",
            "Zeit, Technik und Rückhalt sind da – gute Voraussetzungen für mehrere Tandems.",
            [],
            ["angebot-08"],
        ),
    ],
}
# question, perspective keys (empty: both), [(answer, {dimension: points})]
QC_QUESTIONS = [
    (
        "Wie sicher nutzen Sie digitale Werkzeuge bei der Arbeit?",
        ["mitarbeitende"],
        [
            ("Unsicher, ich lasse mir oft helfen", {"digitale-kompetenzen": 0}),
            ("Für das Nötigste reicht es", {"digitale-kompetenzen": 1}),
            ("Sicher, ich probiere gern Neues aus", {"digitale-kompetenzen": 2}),
        ],
    ),
    (
        "Wie viele Beschäftigte nutzen digitale Werkzeuge sicher?",
        ["unternehmen"],
        [
            ("Wenige", {"digitale-kompetenzen": 0}),
            ("Etwa die Hälfte", {"digitale-kompetenzen": 1}),
            ("Fast alle", {"digitale-kompetenzen": 2}),
        ],
    ),
    (
        "Wenn eine neue Software kommt …",
        [],
        [
            ("… warten die meisten erst einmal ab", {"digitale-kompetenzen": 0, "lernkultur": 0}),
            (
                "… lernen einige sie, andere fragen nach",
                {"digitale-kompetenzen": 1, "lernkultur": 1},
            ),
            ("… probieren wir sie gemeinsam aus", {"digitale-kompetenzen": 2, "lernkultur": 2}),
        ],
    ),
    (
        "Gibt es Zeit zum Lernen während der Arbeitszeit?",
        [],
        [
            ("Nein", {"lernkultur": 0, "rahmen": 0}),
            ("Manchmal, wenn es ruhig ist", {"lernkultur": 1, "rahmen": 1}),
            ("Ja, fest eingeplant", {"lernkultur": 2, "rahmen": 2}),
        ],
    ),
    (
        "Wie wird mit Fehlern beim Ausprobieren umgegangen?",
        [],
        [
            ("Fehler werden vermieden", {"lernkultur": 0}),
            ("Sie werden hingenommen", {"lernkultur": 1}),
            ("Wir lernen offen daraus", {"lernkultur": 2}),
        ],
    ),
    (
        "Fragen Sie jüngere Kolleg*innen um Rat?",
        ["mitarbeitende"],
        [
            ("Eher nicht", {"wissenstransfer": 0}),
            ("Wenn es nicht anders geht", {"wissenstransfer": 1}),
            ("Ja, gern", {"wissenstransfer": 2}),
        ],
    ),
    (
        "Geben Sie Ihr Erfahrungswissen weiter?",
        ["mitarbeitende"],
        [
            ("Selten", {"wissenstransfer": 0}),
            ("Wenn jemand fragt", {"wissenstransfer": 1}),
            ("Regelmäßig und von mir aus", {"wissenstransfer": 2}),
        ],
    ),
    (
        "Ist bekannt, wer im Betrieb welches Wissen hat?",
        ["unternehmen"],
        [
            ("Nein", {"wissenstransfer": 0}),
            ("Teilweise", {"wissenstransfer": 1}),
            ("Ja, es ist dokumentiert", {"wissenstransfer": 2}),
        ],
    ),
    (
        "Arbeiten Jung und Alt in gemischten Teams?",
        [],
        [
            ("Kaum", {"wissenstransfer": 0}),
            ("In einigen Bereichen", {"wissenstransfer": 1}),
            ("Das ist bei uns üblich", {"wissenstransfer": 2}),
        ],
    ),
    (
        "Unterstützt die Führung neue Lernformen wie Tandems?",
        [],
        [
            ("Nicht erkennbar", {"rahmen": 0}),
            ("Ja, wenn es nichts kostet", {"rahmen": 1}),
            ("Ja, mit Zeit und Mitteln", {"rahmen": 2}),
        ],
    ),
    (
        "Ist die technische Ausstattung für digitale Arbeit ausreichend?",
        [],
        [
            ("Nein", {"rahmen": 0, "digitale-kompetenzen": 0}),
            ("Teilweise", {"rahmen": 1, "digitale-kompetenzen": 0}),
            ("Ja", {"rahmen": 2, "digitale-kompetenzen": 1}),
        ],
    ),
    (
        "Wie würden Sie die Bereitschaft beschreiben, Neues zu lernen?",
        [],
        [
            ("Gering", {"lernkultur": 0, "wissenstransfer": 0}),
            ("Unterschiedlich", {"lernkultur": 1, "wissenstransfer": 1}),
            ("Hoch", {"lernkultur": 2, "wissenstransfer": 1}),
        ],
    ),
]


def load_quickcheck(home, stdout):
    """The "Quickcheck Reverse Mentoring" below the toolbox, embedded on the home page."""
    index = ToolboxIndexPage.objects.filter(locale=home.locale).first()
    if index is None or index.get_children().filter(slug="quickcheck").exists():
        return
    pages = {
        page.slug: page
        for page in Page.objects.filter(locale=home.locale, slug__startswith="werkzeug-")
        | Page.objects.filter(locale=home.locale, slug__startswith="angebot-")
    }
    dimensions = []
    for key, name, description in QC_DIMENSIONS:
        bands = [
            {
                "min": minimum,
                "title": title,
                "text": text,
                "recommendations": [pages[slug] for slug in entries + others if slug in pages],
            }
            for minimum, (title, text, entries, others) in zip(
                (0, 40, 75), QC_BANDS[key], strict=True
            )
        ]
        dimensions.append(
            ("dimension", {"key": key, "name": name, "description": description, "bands": bands})
        )
    questions = [
        (
            "question",
            {
                "text": text,
                "help": "",
                "perspectives": ", ".join(perspectives),
                "required": True,
                "options": [
                    {
                        "label": label,
                        "points": [{"dimension": d, "points": p} for d, p in points.items()],
                    }
                    for label, points in options
                ],
            },
        )
        for text, perspectives, options in QC_QUESTIONS
    ]
    quickcheck = QuickcheckPage(
        title="Quickcheck Reverse Mentoring",
        slug="quickcheck",
        locale=index.locale,
        intro="Wo steht Ihr Betrieb beim Lernen zwischen Jung und Alt? Neun oder zehn Fragen, etwa fünf "
        "Minuten – mit Empfehlungen aus dem Werkzeugkasten und passenden Angeboten.",
        search_description="Selbsteinschätzung zum Start von Reverse Mentoring im Betrieb.",
        one_per_screen=True,
        perspectives=[
            (
                "perspective",
                {
                    "key": "mitarbeitende",
                    "name": "Mitarbeiter*in",
                    "intro": "Sie antworten für sich selbst.",
                },
            ),
            (
                "perspective",
                {
                    "key": "unternehmen",
                    "name": "Unternehmen",
                    "intro": "Sie antworten für den Betrieb, z. B. als Führungskraft.",
                },
            ),
        ],
        dimensions=dimensions,
        questions=questions,
    )
    index.add_child(instance=quickcheck)
    quickcheck.save_revision().publish()
    # The home page shows the Quickcheck through the embed block.
    home = home.specific
    if hasattr(home, "body") and not any(
        block.block_type == "embed"
        and block.value.get("page")
        and block.value["page"].pk == quickcheck.pk
        for block in home.body
    ):
        home.body.append(("embed", {"page": quickcheck}))
        home.save_revision().publish()
    stdout.write("Demo content: Quickcheck Reverse Mentoring created.")
