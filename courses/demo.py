"""The courses' German demo content: the Lotse training "Lotsenausbildung Mentoring 4.0"
(five modules, twelve lessons, one lesson after the other, with an enrolment key) and a
shorter open course for the union's further-training mentors, below a course index on
the home page; a demo learner half-way through the Lotse training, in the cohort of
the trainer "ausbilder" with three more learners; the course figures
on the home page and a course teaser on the Mentoring 4.0 project page. Idempotent:
what exists is left alone."""

import os

from wagtail.rich_text import RichText

from cms.demo import child_page, demo_document, demo_image

from .cohorts.models import TRAINER_GROUP
from .learning import progress
from .models import (
    Cohort,
    CourseIndexPage,
    CoursePage,
    Enrolment,
    EnrolmentKey,
    LessonPage,
    ModulePage,
)

DEMO_KEY = "LOTSEN-2026"
LEARNER = ("lernende", "Lea", "Lernende")
TRAINER = ("ausbilder", "Anke", "Ausbilder")
COHORT = "Lotsenausbildung Berufskolleg Dortmund, Herbst 2026"
# username, display name, organisation, lessons done (never all: no certificate mail)
COHORT_LEARNERS = [
    ("jonas.beispiel", "Jonas Beispiel", "Beispiel Elektrotechnik GmbH (Demo)", 7),
    ("aylin.muster", "Aylin Muster", "Muster Pflegedienst gGmbH (Demo)", 4),
    ("peter.probe", "Peter Probe", "Probe Logistik KG (Demo)", 0),
]

# A lesson: slug, title, minutes, intro, blocks. A block is one of
# ("text", html), ("video", title, transcript html), ("downloads", heading, files),
# ("reflection", prompt, hint), ("quiz", heading, intro, questions); a question is
# (text, several right?, [(answer, right?, feedback), …]).
LOTSE_MODULES = [
    (
        "tandems-finden",
        "Tandems finden und bilden",
        "Wer als Mentor*in und Mentee infrage kommt, wie Sie Menschen gewinnen und woran Sie "
        "erkennen, ob ein Tandem zusammenpasst.",
        "<ul><li>die Rolle des Lotsen im Reverse Mentoring beschreiben</li>"
        "<li>Mentorinnen, Mentoren und Mentees ansprechen und gewinnen</li>"
        "<li>mit einfachen Kriterien prüfen, ob ein Tandem zusammenpasst</li></ul>",
        [
            (
                "rolle-des-lotsen",
                "Was ein Lotse im Reverse Mentoring tut",
                20,
                "Reverse Mentoring dreht die gewohnte Richtung um. Sie lernen, wofür Sie als "
                "Lotse da sind – und wofür nicht.",
                [
                    (
                        "text",
                        "<h2>Lernen in beide Richtungen</h2>"
                        "<p>Im Reverse Mentoring zeigen jüngere Beschäftigte, die sich mit digitalen "
                        "Werkzeugen auskennen, erfahrenen Kolleginnen und Kollegen neue Software und "
                        "Arbeitsweisen. Umgekehrt geben die Erfahrenen ihr Wissen über Abläufe, "
                        "Kundschaft und Qualität weiter. So entsteht ein <strong>Tandem</strong>: "
                        "zwei Menschen, die voneinander lernen.</p>"
                        "<h2>Ihre Aufgabe als Lotse</h2>"
                        "<p>Der Lotse begleitet das Tandem, ohne selbst zu unterrichten. Sie</p>"
                        "<ul><li>bringen passende Menschen zusammen,</li>"
                        "<li>helfen beiden, gemeinsame Ziele zu finden und aufzuschreiben,</li>"
                        "<li>sind ansprechbar, wenn es hakt, und</li>"
                        "<li>halten den Kontakt zur Führungskraft, damit das Tandem Zeit bekommt.</li></ul>"
                        "<p>Was Sie nicht sind: Lehrkraft, Aufpasser oder Schiedsrichterin. Das Tandem "
                        "entscheidet selbst, was und wie es lernt.</p>",
                    ),
                    (
                        "reflection",
                        "Denken Sie an Ihren eigenen Betrieb: Wer hat Ihnen zuletzt etwas Digitales "
                        "gezeigt, und wem haben Sie zuletzt etwas aus Ihrer Erfahrung weitergegeben? "
                        "Was hat dabei geholfen?",
                        "Zwei, drei Sätze genügen. Sie kommen in Modul 4 darauf zurück.",
                    ),
                ],
            ),
            (
                "menschen-gewinnen",
                "Mentorinnen, Mentoren und Mentees gewinnen",
                25,
                "Niemand wird in ein Tandem geschickt. Wie Sie Menschen so ansprechen, dass sie "
                "gern mitmachen.",
                [
                    (
                        "text",
                        "<h2>Freiwillig und auf Augenhöhe</h2>"
                        "<p>Tandems funktionieren, wenn beide mitmachen wollen. Sprechen Sie deshalb "
                        "nicht nur die „Digitalen“ und die „Alten“ an, sondern alle, die etwas zeigen "
                        "oder etwas lernen möchten. Häufig sind die Rollen gemischt: Der Azubi kennt "
                        "die App, die Meisterin kennt den Kunden, der die App nutzen soll.</p>"
                        "<h2>Bewährte Wege</h2>"
                        "<ul><li><strong>Kurze Vorstellung</strong> in der Teambesprechung, mit einem "
                        "Beispiel aus dem eigenen Betrieb</li>"
                        "<li><strong>Steckbrief-Runde</strong>: Alle notieren, was sie gut können und "
                        "was sie lernen möchten</li>"
                        "<li><strong>Persönliches Gespräch</strong> mit Menschen, die sich in großen "
                        "Runden zurückhalten</li></ul>"
                        "<p>Die Vorlagen zum Herunterladen helfen beim Einstieg.</p>",
                    ),
                    (
                        "downloads",
                        "Vorlagen",
                        [
                            (
                                "Steckbrief für Tandem-Interessierte",
                                "steckbrief-tandem.txt",
                                "Name:\nAbteilung:\nDas kann ich gut:\nDas möchte ich lernen:\n"
                                "So lerne ich am liebsten:\nZeit pro Woche:\n",
                            ),
                            (
                                "Gesprächsleitfaden Ansprache",
                                "leitfaden-ansprache.txt",
                                "1. Was ist Reverse Mentoring? (ein Beispiel aus dem Betrieb)\n"
                                "2. Was hätten Sie davon?\n3. Wie viel Zeit kostet es?\n"
                                "4. Was passiert, wenn es nicht passt?\n",
                            ),
                        ],
                    ),
                    (
                        "reflection",
                        "Wen in Ihrem Betrieb würden Sie als Erstes ansprechen, und mit welchem Satz "
                        "würden Sie anfangen?",
                        "",
                    ),
                ],
            ),
            (
                "passt-das-tandem",
                "Passt das Tandem? Kriterien und erstes Treffen",
                30,
                "Ziele, Zeit und Umgangston: Mit drei Fragen prüfen Sie nach dem ersten Treffen, "
                "ob ein Tandem trägt.",
                [
                    (
                        "text",
                        "<h2>Drei Fragen nach dem ersten Treffen</h2>"
                        "<ol><li><strong>Ziel</strong>: Haben beide ein gemeinsames Ziel für die "
                        "nächsten acht Wochen – etwa „die digitale Urlaubsplanung sicher nutzen“?</li>"
                        "<li><strong>Zeit</strong>: Gibt es eine feste Stunde pro Woche, die auch die "
                        "Führungskraft kennt?</li>"
                        "<li><strong>Umgang</strong>: Dürfen beide nachfragen, unterbrechen und Fehler "
                        "machen?</li></ol>"
                        "<p>Bleiben zwei der drei Fragen offen, führen Sie ein Gespräch mit beiden. "
                        "Ein Tandem neu zu bilden ist kein Scheitern, sondern Teil Ihrer Arbeit.</p>"
                        "<h2>Worauf es weniger ankommt</h2>"
                        "<p>Gleiche Hobbys oder dieselbe Abteilung sind nicht nötig. Unterschiedliche "
                        "Blickwinkel machen ein Tandem oft erst spannend.</p>",
                    ),
                    (
                        "quiz",
                        "Selbsttest: Passt das Tandem?",
                        "Drei Fragen zu dieser Lektion.",
                        [
                            (
                                "Was prüfen Sie nach dem ersten Treffen eines Tandems?",
                                True,
                                [
                                    (
                                        "Ob beide ein gemeinsames Ziel haben",
                                        True,
                                        "Ein gemeinsames Ziel gibt den Treffen eine Richtung.",
                                    ),
                                    (
                                        "Ob es eine feste Zeit für die Treffen gibt",
                                        True,
                                        "Ohne feste Zeit schlafen Tandems im Alltag ein.",
                                    ),
                                    (
                                        "Ob beide dieselben Hobbys haben",
                                        False,
                                        "Gemeinsame Hobbys schaden nicht, sind aber kein Kriterium. "
                                        "Unterschiede beleben das Tandem.",
                                    ),
                                    (
                                        "Ob der Umgangston für beide stimmt",
                                        True,
                                        "Beide müssen nachfragen und Fehler machen dürfen.",
                                    ),
                                ],
                            ),
                            (
                                "Zwei von drei Fragen bleiben nach dem ersten Treffen offen. Was tun Sie?",
                                False,
                                [
                                    (
                                        "Ich löse das Tandem sofort auf.",
                                        False,
                                        "Zu schnell: Oft klärt ein Gespräch, was fehlt.",
                                    ),
                                    (
                                        "Ich spreche mit beiden darüber, was fehlt.",
                                        True,
                                        "Danach entscheiden alle gemeinsam, ob es "
                                        "weitergeht oder ein neues Tandem besser passt.",
                                    ),
                                    (
                                        "Ich warte ab; das gibt sich von selbst.",
                                        False,
                                        "Offene Fragen zu Ziel und Zeit lösen sich selten von selbst.",
                                    ),
                                ],
                            ),
                            (
                                "Wer entscheidet, was im Tandem gelernt wird?",
                                False,
                                [
                                    (
                                        "Der Lotse",
                                        False,
                                        "Der Lotse begleitet, entscheidet aber nicht über die Inhalte.",
                                    ),
                                    (
                                        "Die Führungskraft",
                                        False,
                                        "Die Führungskraft sorgt für Zeit, nicht für die Inhalte.",
                                    ),
                                    (
                                        "Das Tandem selbst",
                                        True,
                                        "Mentor*in und Mentee vereinbaren ihre Ziele selbst.",
                                    ),
                                ],
                            ),
                        ],
                    ),
                ],
            ),
        ],
    ),
    (
        "zwischenmenschliches",
        "Zwischenmenschliches und Hürden",
        "Mit Menschen arbeiten, mit denen man sonst wenig zu tun hat; die eigenen Lücken "
        "erkennen; Spannungen ansprechen, bevor sie das Tandem belasten.",
        "<ul><li>typische Hürden zwischen den Generationen benennen</li>"
        "<li>die vier Stufen der Kompetenz erklären</li>"
        "<li>ein Klärungsgespräch im Tandem anleiten</li></ul>",
        [
            (
                "fremde-welten",
                "Mit Menschen arbeiten, mit denen man sonst wenig zu tun hat",
                20,
                "Im Tandem treffen oft Menschen aufeinander, die sich im Betrieb kaum begegnen. "
                "Was dabei hilft.",
                [
                    (
                        "text",
                        "<h2>Unterschiedliche Welten</h2>"
                        "<p>Die Auszubildende aus dem Büro und der Schichtleiter aus der Produktion "
                        "haben verschiedene Arbeitszeiten, Wörter und Gewohnheiten. Das ist kein "
                        "Hindernis, solange beide es wissen.</p>"
                        "<h2>Was Sie als Lotse tun können</h2>"
                        "<ul><li>Das erste Treffen an einem neutralen Ort ansetzen, etwa im "
                        "Besprechungsraum statt am Arbeitsplatz einer Person</li>"
                        "<li>Beide erzählen lassen, wie ihr Arbeitstag aussieht</li>"
                        "<li>Fachwörter sammeln, die der oder die andere nicht kennt</li></ul>",
                    ),
                    (
                        "reflection",
                        "Mit welcher Gruppe in Ihrem Betrieb haben Sie selbst wenig Kontakt? Was "
                        "wissen Sie über deren Arbeitstag – und was vermuten Sie nur?",
                        "Unterscheiden Sie ehrlich zwischen Wissen und Vermutung.",
                    ),
                ],
            ),
            (
                "kompetenzstufen",
                "Bewusste und unbewusste Kompetenz",
                25,
                "Warum erfahrene Fachleute ihr Können oft schwer erklären können – und wie "
                "Fragen des Mentees es wieder sichtbar machen.",
                [
                    (
                        "text",
                        "<h2>Die vier Stufen der Kompetenz</h2>"
                        "<ol><li><strong>Unbewusst inkompetent</strong>: Ich weiß nicht, was ich "
                        "nicht kann.</li>"
                        "<li><strong>Bewusst inkompetent</strong>: Ich merke, dass mir etwas fehlt.</li>"
                        "<li><strong>Bewusst kompetent</strong>: Ich kann es, muss aber nachdenken.</li>"
                        "<li><strong>Unbewusst kompetent</strong>: Ich kann es, ohne nachzudenken – "
                        "und kann es deshalb oft schlecht erklären.</li></ol>"
                        "<p>Im Tandem begegnen sich beide Seiten auf verschiedenen Stufen: Die "
                        "Erfahrene ist beim Schweißen unbewusst kompetent, beim Tabellenprogramm "
                        "bewusst inkompetent. Für den Jüngeren gilt oft das Umgekehrte.</p>",
                    ),
                    ("video", "Die vier Stufen der Kompetenz", None),
                    (
                        "quiz",
                        "",
                        "",
                        [
                            (
                                "Ein erfahrener Kollege sagt: „Das mache ich einfach so, das kann "
                                "ich nicht erklären.“ Auf welcher Stufe ist er?",
                                False,
                                [
                                    (
                                        "Unbewusst inkompetent",
                                        False,
                                        "Er kann die Aufgabe ja sehr gut.",
                                    ),
                                    (
                                        "Bewusst kompetent",
                                        False,
                                        "Auf dieser Stufe müsste er noch nachdenken und könnte es "
                                        "deshalb meist gut erklären.",
                                    ),
                                    (
                                        "Unbewusst kompetent",
                                        True,
                                        "Das Können ist so selbstverständlich, dass die "
                                        "einzelnen Schritte nicht mehr bewusst sind.",
                                    ),
                                ],
                            ),
                            (
                                "Was hilft, unbewusstes Können wieder sichtbar zu machen?",
                                True,
                                [
                                    (
                                        "Der Mentee fragt bei jedem Schritt nach dem Warum.",
                                        True,
                                        "Fragen holen die Schritte zurück ins Bewusstsein.",
                                    ),
                                    (
                                        "Der Erfahrene macht es langsam vor und spricht dabei laut.",
                                        True,
                                        "Lautes Denken macht Zwischenschritte hörbar.",
                                    ),
                                    (
                                        "Man verzichtet darauf, weil es ohnehin funktioniert.",
                                        False,
                                        "Dann geht das Wissen verloren, sobald die Person den "
                                        "Betrieb verlässt.",
                                    ),
                                ],
                            ),
                            (
                                "Jemand merkt zum ersten Mal, dass ihm beim neuen "
                                "Zeiterfassungsprogramm etwas fehlt. Welche Stufe ist das?",
                                False,
                                [
                                    (
                                        "Bewusst inkompetent",
                                        True,
                                        "Ein guter Moment zum Lernen: Die Lücke ist jetzt bewusst.",
                                    ),
                                    (
                                        "Unbewusst kompetent",
                                        False,
                                        "Die Person kann das Programm ja noch nicht.",
                                    ),
                                ],
                            ),
                        ],
                    ),
                ],
            ),
            (
                "spannungen-ansprechen",
                "Spannungen im Tandem ansprechen",
                20,
                "Ein Tandem gerät ins Stocken. Wie Sie ein kurzes Klärungsgespräch anleiten, "
                "ohne Partei zu ergreifen.",
                [
                    (
                        "text",
                        "<h2>Anzeichen</h2>"
                        "<p>Treffen fallen aus, eine Seite wirkt ungeduldig, die andere zieht sich "
                        "zurück. Warten Sie nicht, bis das Tandem von selbst endet.</p>"
                        "<h2>Ein Gespräch in drei Schritten</h2>"
                        "<ol><li><strong>Beobachten</strong>: Was ist passiert? Ohne Bewertung.</li>"
                        "<li><strong>Wünschen</strong>: Was braucht jede Seite, damit es weitergeht?</li>"
                        "<li><strong>Vereinbaren</strong>: Eine kleine, konkrete Änderung bis zum "
                        "nächsten Treffen.</li></ol>"
                        "<p>Ihre Haltung: neugierig und neutral. Sie lösen den Konflikt nicht, Sie "
                        "geben ihm einen Rahmen.</p>",
                    ),
                    (
                        "reflection",
                        "Erinnern Sie sich an eine Zusammenarbeit, die ins Stocken geraten ist. Was "
                        "hätte ein neutraler Dritter damals fragen können?",
                        "",
                    ),
                ],
            ),
        ],
    ),
    (
        "motivation",
        "Motivation",
        "Erfahrenen Beschäftigten den persönlichen Nutzen neuer Software und Methoden zeigen "
        "und Vorbehalte ernst nehmen.",
        "<ul><li>den persönlichen Nutzen einer Neuerung mit den Beteiligten herausarbeiten</li>"
        "<li>Vorbehalte als Hinweise verstehen und aufgreifen</li></ul>",
        [
            (
                "nutzen-zeigen",
                "Den persönlichen Nutzen sichtbar machen",
                20,
                "„Was habe ich davon?“ ist eine berechtigte Frage. Wie Sie sie gemeinsam "
                "beantworten.",
                [
                    (
                        "text",
                        "<h2>Vom Betriebsnutzen zum persönlichen Nutzen</h2>"
                        "<p>Dass der Betrieb Zeit spart, überzeugt wenige. Dass man selbst nicht mehr "
                        "jeden Freitag Stundenzettel abtippen muss, überzeugt viele. Fragen Sie "
                        "deshalb nach dem Alltag: Was nervt? Was kostet Zeit? Was würden Sie gern "
                        "schneller erledigen?</p>"
                        "<p>Ein gutes Ziel für ein Tandem verbindet eine neue Anwendung mit einer "
                        "Aufgabe, die die Person ohnehin hat.</p>",
                    ),
                    (
                        "reflection",
                        "Nehmen Sie eine Software, die in Ihrem Betrieb gerade eingeführt wird. "
                        "Welchen persönlichen Nutzen könnte sie für eine erfahrene Kollegin oder "
                        "einen erfahrenen Kollegen haben?",
                        "Denken Sie an eine bestimmte Person und ihren Arbeitstag.",
                    ),
                ],
            ),
            (
                "vorbehalte",
                "Vorbehalte verstehen und begleiten",
                25,
                "Skepsis ist oft Erfahrung. Was hinter Vorbehalten steckt und wie Sie damit "
                "umgehen.",
                [
                    (
                        "text",
                        "<h2>Was hinter Vorbehalten steckt</h2>"
                        "<ul><li>Sorge, sich zu blamieren</li>"
                        "<li>schlechte Erfahrungen mit früheren Umstellungen</li>"
                        "<li>Angst, dass das eigene Wissen weniger zählt</li></ul>"
                        "<h2>Was hilft</h2>"
                        "<p>Nehmen Sie Einwände wörtlich und fragen Sie nach. Lassen Sie erfahrene "
                        "Kolleginnen und Kollegen zeigen, was sie können, bevor es um das Neue geht. "
                        "Kleine Erfolge in der ersten Woche sind wichtiger als ein vollständiger "
                        "Überblick.</p>",
                    ),
                    (
                        "quiz",
                        "",
                        "",
                        [
                            (
                                "Ein Kollege sagt: „Das neue Programm brauche ich nicht, ich mache "
                                "das seit dreißig Jahren so.“ Wie reagieren Sie zuerst?",
                                False,
                                [
                                    (
                                        "Ich erkläre ihm, warum das Programm besser ist.",
                                        False,
                                        "Argumente kommen später. Zuerst lohnt es sich zu verstehen, "
                                        "was hinter dem Einwand steckt.",
                                    ),
                                    (
                                        "Ich frage, was sich für ihn bewährt hat und was ihn stört.",
                                        True,
                                        "So würdigen Sie seine Erfahrung und finden heraus, "
                                        "wo ein Nutzen liegen könnte.",
                                    ),
                                    (
                                        "Ich bitte die Führungskraft, es anzuordnen.",
                                        False,
                                        "Eine Anordnung beendet die Diskussion, aber nicht die "
                                        "Vorbehalte.",
                                    ),
                                ],
                            ),
                            (
                                "Was steckt häufig hinter Vorbehalten gegenüber neuer Software?",
                                True,
                                [
                                    (
                                        "Die Sorge, sich vor anderen zu blamieren",
                                        True,
                                        "Deshalb ist der geschützte Rahmen im Tandem so wertvoll.",
                                    ),
                                    (
                                        "Schlechte Erfahrungen mit früheren Umstellungen",
                                        True,
                                        "Fragen Sie, was damals schiefgelaufen ist.",
                                    ),
                                    (
                                        "Fehlende Intelligenz",
                                        False,
                                        "Vorbehalte haben Gründe, mit Intelligenz hat das "
                                        "nichts zu tun.",
                                    ),
                                ],
                            ),
                            (
                                "Was ist für die erste Woche mit einem neuen Werkzeug am wichtigsten?",
                                False,
                                [
                                    (
                                        "Ein vollständiger Überblick über alle Funktionen",
                                        False,
                                        "Zu viel auf einmal schreckt ab.",
                                    ),
                                    (
                                        "Ein kleiner Erfolg bei einer echten Aufgabe",
                                        True,
                                        "Ein Erfolg im eigenen Alltag motiviert zum Weitermachen.",
                                    ),
                                ],
                            ),
                        ],
                    ),
                ],
            ),
        ],
    ),
    (
        "wie-jung-und-alt-lernen",
        "Wie Jung und Alt lernen",
        "Unterschiedliche Lernwege verstehen und im Tandem so erklären, dass es ankommt.",
        "<ul><li>Lerngewohnheiten der Tandempartner erfragen</li>"
        "<li>die Methode „Erklären, zeigen, selbst machen lassen“ anwenden</li></ul>",
        [
            (
                "lernwege",
                "Lerngewohnheiten und Lernwege",
                20,
                "Die einen probieren aus, die anderen lesen erst nach. Beides ist in Ordnung – "
                "wenn man es voneinander weiß.",
                [
                    (
                        "text",
                        "<h2>Keine Frage des Alters allein</h2>"
                        "<p>Viele Jüngere lernen neue Anwendungen durch Ausprobieren und kurze Videos. "
                        "Viele Erfahrene möchten erst verstehen, wie etwas zusammenhängt, und "
                        "schreiben sich Schritte auf. Das sind Gewohnheiten, keine Grenzen.</p>"
                        "<p>Bitten Sie beide im ersten Treffen, zu erzählen, wie sie zuletzt etwas "
                        "Neues gelernt haben. Daraus ergibt sich oft von selbst, wie das Tandem "
                        "arbeiten kann.</p>",
                    ),
                    (
                        "reflection",
                        "Wie haben Sie zuletzt etwas Neues gelernt – ein Programm, ein Gerät, ein "
                        "Rezept? Was davon würden Sie in einem Tandem genauso machen?",
                        "Vielleicht passt das zu Ihrer Antwort aus der ersten Lektion.",
                    ),
                ],
            ),
            (
                "erklaeren-zeigen",
                "Erklären, zeigen, selbst machen lassen",
                25,
                "Eine einfache Methode, die in beide Richtungen funktioniert: vom Azubi zur "
                "Meisterin und zurück.",
                [
                    (
                        "text",
                        "<h2>Drei Schritte</h2>"
                        "<ol><li><strong>Erklären</strong>, wozu etwas gut ist – in einem Satz.</li>"
                        "<li><strong>Zeigen</strong>, langsam und mit lautem Denken.</li>"
                        "<li><strong>Selbst machen lassen</strong> – die Maus oder das Werkzeug "
                        "wechselt die Hand.</li></ol>"
                        "<p>Der dritte Schritt ist der wichtigste und wird am häufigsten "
                        "übersprungen. Wer zuschaut, hat es noch nicht gelernt.</p>",
                    ),
                    (
                        "quiz",
                        "",
                        "",
                        [
                            (
                                "Welcher Schritt wird beim Erklären am häufigsten übersprungen?",
                                False,
                                [
                                    (
                                        "Erklären, wozu etwas gut ist",
                                        False,
                                        "Den Zweck nennen die meisten. Er sollte aber kurz bleiben.",
                                    ),
                                    (
                                        "Zeigen",
                                        False,
                                        "Zeigen tun fast alle – oft sogar zu lange.",
                                    ),
                                    (
                                        "Selbst machen lassen",
                                        True,
                                        "Erst wenn die Maus die Hand wechselt, wird gelernt.",
                                    ),
                                ],
                            ),
                            (
                                "Was stimmt über Lerngewohnheiten?",
                                True,
                                [
                                    (
                                        "Sie lassen sich im Gespräch erfragen.",
                                        True,
                                        "Am besten gleich im ersten Treffen.",
                                    ),
                                    (
                                        "Sie hängen allein vom Alter ab.",
                                        False,
                                        "Alter spielt eine Rolle, Erfahrung und Beruf aber ebenso.",
                                    ),
                                    (
                                        "Unterschiedliche Gewohnheiten können sich im Tandem ergänzen.",
                                        True,
                                        "Ausprobieren und Nachlesen ergänzen sich gut.",
                                    ),
                                ],
                            ),
                        ],
                    ),
                ],
            ),
        ],
    ),
    (
        "wissen-sichern",
        "Wissen im Betrieb sichern",
        "Erfahrungswissen sichtbar machen und mit einfachen Software-Werkzeugen so ablegen, "
        "dass andere es wiederfinden.",
        "<ul><li>Erfahrungswissen im Tandem erfragen und festhalten</li>"
        "<li>passende Werkzeuge zum Festhalten von Wissen auswählen</li></ul>",
        [
            (
                "erfahrungswissen",
                "Erfahrungswissen sichtbar machen",
                25,
                "Was nirgends aufgeschrieben ist, geht mit dem Ruhestand verloren. Wie Tandems es "
                "nebenbei festhalten.",
                [
                    (
                        "text",
                        "<h2>Nebenbei festhalten</h2>"
                        "<p>Tandems sind eine gute Gelegenheit, Erfahrungswissen aufzuschreiben, "
                        "aufzunehmen oder zu fotografieren: Der Mentee fragt, die Mentorin erzählt, "
                        "beide halten das Wichtigste fest – als Checkliste, Foto mit Notiz oder "
                        "kurzes Video.</p>"
                        "<p>Die Vorlage hilft, ein Gespräch über einen Arbeitsablauf zu "
                        "strukturieren.</p>",
                    ),
                    (
                        "downloads",
                        "Vorlage",
                        [
                            (
                                "Leitfaden Wissensgespräch",
                                "leitfaden-wissensgespraech.txt",
                                "Arbeitsablauf:\nWorauf achten Sie besonders?\nWas geht oft schief?\n"
                                "Woran merken Sie, dass etwas nicht stimmt?\nWen fragen Sie, wenn "
                                "Sie nicht weiterwissen?\n",
                            )
                        ],
                    ),
                    (
                        "reflection",
                        "Welches Wissen in Ihrem Betrieb hängt an einer einzigen Person? Was würde "
                        "passieren, wenn sie morgen fehlt?",
                        "",
                    ),
                ],
            ),
            (
                "werkzeuge-fuer-wissen",
                "Software-Werkzeuge, die Wissen bewahren",
                30,
                "Wiki, geteilte Ordner, kurze Videos: welches Werkzeug wofür taugt, und worauf Sie "
                "bei der Auswahl achten.",
                [
                    (
                        "text",
                        "<h2>Das passende Werkzeug</h2>"
                        "<ul><li><strong>Wiki oder Wissensdatenbank</strong>: für Abläufe, die sich "
                        "ändern und von mehreren gepflegt werden</li>"
                        "<li><strong>Geteilte Ordner mit klarer Struktur</strong>: für Vorlagen und "
                        "Formulare</li>"
                        "<li><strong>Kurze Videos</strong>: für Handgriffe, die man sehen muss</li></ul>"
                        "<p>Wichtiger als das Werkzeug ist, dass alle wissen, wo was liegt – und dass "
                        "jemand dafür zuständig ist. Achten Sie außerdem auf Datenschutz: Personen "
                        "im Video müssen einverstanden sein.</p>",
                    ),
                    (
                        "quiz",
                        "Abschlusstest",
                        "Die letzte Lektion: Nach diesem Test ist die Ausbildung abgeschlossen.",
                        [
                            (
                                "Wofür eignet sich ein kurzes Video am besten?",
                                False,
                                [
                                    (
                                        "Für Handgriffe, die man sehen muss",
                                        True,
                                        "Bewegungen und Abläufe erklärt ein Video besser als "
                                        "jeder Text.",
                                    ),
                                    (
                                        "Für Formulare und Vorlagen",
                                        False,
                                        "Die gehören in einen geteilten Ordner, wo man sie "
                                        "herunterladen kann.",
                                    ),
                                ],
                            ),
                            (
                                "Was ist wichtiger als die Wahl des Werkzeugs?",
                                True,
                                [
                                    (
                                        "Dass alle wissen, wo was liegt",
                                        True,
                                        "Sonst sucht man weiter wie bisher.",
                                    ),
                                    (
                                        "Dass jemand für die Pflege zuständig ist",
                                        True,
                                        "Ohne Zuständigkeit veraltet jede Sammlung.",
                                    ),
                                    (
                                        "Dass das Werkzeug möglichst viele Funktionen hat",
                                        False,
                                        "Viele Funktionen machen den Einstieg eher schwerer.",
                                    ),
                                ],
                            ),
                            (
                                "Sie möchten einen Handgriff eines Kollegen filmen. Was klären Sie "
                                "vorher?",
                                False,
                                [
                                    (
                                        "Ob er einverstanden ist, gefilmt zu werden",
                                        True,
                                        "Ohne Einwilligung keine Aufnahme.",
                                    ),
                                    (
                                        "Nichts, es ist ja für den Betrieb",
                                        False,
                                        "Auch im Betrieb gilt der Datenschutz. Fragen Sie vorher.",
                                    ),
                                ],
                            ),
                        ],
                    ),
                ],
            ),
        ],
    ),
]

MENTOR_MODULES = [
    (
        "rolle-und-auftrag",
        "Rolle und Auftrag",
        "Was Weiterbildungsmentor*innen im Betrieb tun und wie sie Kolleginnen und Kollegen "
        "helfen, ihre Fähigkeiten zu sehen.",
        "<ul><li>die eigene Rolle zwischen Betriebsrat, Beschäftigten und Personalabteilung "
        "beschreiben</li><li>Fähigkeiten im Gespräch sichtbar machen</li></ul>",
        [
            (
                "was-mentorinnen-tun",
                "Was Weiterbildungsmentor*innen tun",
                20,
                "Ansprechbar sein, informieren, ermutigen: die drei Aufgaben im Überblick.",
                [
                    (
                        "text",
                        "<h2>Drei Aufgaben</h2>"
                        "<ol><li><strong>Ansprechbar sein</strong> für Kolleginnen und Kollegen, die "
                        "über Weiterbildung nachdenken – oder noch nicht.</li>"
                        "<li><strong>Informieren</strong> über Angebote im Betrieb und außerhalb, "
                        "über Förderung und Freistellung.</li>"
                        "<li><strong>Ermutigen und begleiten</strong>, etwa bei der Vorbereitung auf "
                        "ein Qualifizierungsgespräch.</li></ol>"
                        "<p>Sie beraten vertraulich. Was Ihnen erzählt wird, geben Sie nur mit "
                        "Zustimmung weiter.</p>",
                    ),
                    (
                        "reflection",
                        "Wer aus Ihrem Umfeld könnte als Erstes zu Ihnen kommen – und mit welcher "
                        "Frage?",
                        "",
                    ),
                ],
            ),
            (
                "faehigkeiten-sehen",
                "Fähigkeiten sichtbar machen",
                25,
                "Viele unterschätzen, was sie können. Mit welchen Fragen Sie es gemeinsam "
                "herausfinden.",
                [
                    (
                        "text",
                        "<h2>Fragen, die Fähigkeiten zeigen</h2>"
                        "<ul><li>Wobei fragen Kolleginnen und Kollegen Sie um Rat?</li>"
                        "<li>Was haben Sie sich selbst beigebracht?</li>"
                        "<li>Welche Aufgabe würde ohne Sie länger dauern?</li></ul>"
                        "<p>Schreiben Sie die Antworten gemeinsam auf. Eine Liste eigener Fähigkeiten "
                        "ist eine gute Grundlage für jedes Qualifizierungsgespräch.</p>",
                    ),
                    (
                        "quiz",
                        "",
                        "",
                        [
                            (
                                "Welche Frage hilft, verborgene Fähigkeiten zu entdecken?",
                                False,
                                [
                                    (
                                        "„Wobei fragen andere Sie um Rat?“",
                                        True,
                                        "Was andere bei uns suchen, können wir meist gut.",
                                    ),
                                    (
                                        "„Welchen Abschluss haben Sie?“",
                                        False,
                                        "Abschlüsse sind wichtig, zeigen aber nur einen Teil dessen, "
                                        "was jemand kann.",
                                    ),
                                ],
                            ),
                            (
                                "Eine Kollegin erzählt Ihnen im Vertrauen von ihren Plänen. Was gilt?",
                                False,
                                [
                                    (
                                        "Ich informiere die Personalabteilung, damit sie helfen kann.",
                                        False,
                                        "Nur mit ihrer Zustimmung.",
                                    ),
                                    (
                                        "Ich gebe es nur mit ihrer Zustimmung weiter.",
                                        True,
                                        "Vertraulichkeit ist die Grundlage Ihrer Arbeit.",
                                    ),
                                ],
                            ),
                        ],
                    ),
                ],
            ),
        ],
    ),
    (
        "beraten-und-begleiten",
        "Beraten und begleiten",
        "Über Weiterbildung im Betrieb und außerhalb informieren und ein Qualifizierungsgespräch "
        "vorbereiten.",
        "<ul><li>interne und externe Angebote finden</li>"
        "<li>Kolleginnen und Kollegen auf ein Qualifizierungsgespräch vorbereiten</li></ul>",
        [
            (
                "angebote-finden",
                "Über Weiterbildung informieren: intern und extern",
                20,
                "Wo Sie Angebote finden und was Sie über Förderung und Freistellung wissen sollten.",
                [
                    (
                        "text",
                        "<h2>Im Betrieb</h2>"
                        "<p>Fragen Sie in der Personalabteilung nach dem Weiterbildungsplan und nach "
                        "Schulungen, die ohnehin stattfinden. Oft sind Plätze frei.</p>"
                        "<h2>Außerhalb</h2>"
                        "<p>Kammern, Volkshochschulen, Bildungswerke der Gewerkschaften und "
                        "Hochschulen bieten Kurse an; der Angebotsfinder auf dieser Plattform "
                        "bündelt Angebote der Region. Für viele Kurse gibt es Förderung, etwa über "
                        "die Agentur für Arbeit oder Bildungsschecks des Landes.</p>",
                    ),
                    (
                        "downloads",
                        "Zum Mitnehmen",
                        [
                            (
                                "Checkliste Weiterbildungsangebote",
                                "checkliste-weiterbildung.txt",
                                "[ ] Weiterbildungsplan des Betriebs angefragt\n"
                                "[ ] Interne Schulungen mit freien Plätzen\n"
                                "[ ] Angebote von Kammer und Volkshochschule\n"
                                "[ ] Fördermöglichkeiten geprüft\n[ ] Freistellung geklärt\n",
                            )
                        ],
                    ),
                ],
            ),
            (
                "qualifizierungsgespraech",
                "Das Qualifizierungsgespräch vorbereiten",
                25,
                "Gut vorbereitet ins Gespräch mit der Führungskraft: Ziel, Begründung, nächster "
                "Schritt.",
                [
                    (
                        "text",
                        "<h2>Drei Fragen zur Vorbereitung</h2>"
                        "<ol><li>Was möchte ich lernen, und wozu?</li>"
                        "<li>Was hat der Betrieb davon?</li>"
                        "<li>Welchen nächsten Schritt schlage ich vor?</li></ol>"
                        "<p>Üben Sie den Einstieg gemeinsam. Ein vorbereiteter Satz nimmt viel "
                        "Aufregung.</p>",
                    ),
                    (
                        "reflection",
                        "Formulieren Sie den ersten Satz, mit dem eine Kollegin ihr "
                        "Qualifizierungsgespräch beginnen könnte.",
                        "Kurz, freundlich und mit einem konkreten Wunsch.",
                    ),
                    (
                        "quiz",
                        "",
                        "",
                        [
                            (
                                "Was gehört in die Vorbereitung eines Qualifizierungsgesprächs?",
                                True,
                                [
                                    (
                                        "Ein klares Lernziel",
                                        True,
                                        "Je konkreter, desto besser.",
                                    ),
                                    (
                                        "Der Nutzen für den Betrieb",
                                        True,
                                        "So wird aus einem Wunsch ein Vorschlag.",
                                    ),
                                    (
                                        "Eine Liste der Fehler der Führungskraft",
                                        False,
                                        "Das führt eher zu Streit als zu einer Weiterbildung.",
                                    ),
                                ],
                            ),
                        ],
                    ),
                ],
            ),
        ],
    ),
]

VIDEO_TRANSCRIPT = (
    "<p>Der Film zeigt in vier Szenen die Stufen der Kompetenz. Eine Werkstattmeisterin erklärt, "
    "warum sie Handgriffe nicht mehr beschreiben kann, die sie seit zwanzig Jahren macht – und "
    "wie ihr Auszubildender sie mit Fragen wieder bewusst macht.</p>"
)


def _block(spec):
    kind = spec[0]
    if kind == "text":
        return ("text", RichText(spec[1]))
    if kind == "video":
        return (
            "video",
            {
                "title": spec[1],
                "file": None,
                "captions": None,
                "platform_url": "https://www.youtube.com/watch?v=M7lc1UVf-VE",
                "transcript": RichText(VIDEO_TRANSCRIPT),
            },
        )
    if kind == "downloads":
        return (
            "downloads",
            {"heading": spec[1], "documents": [demo_document(*item) for item in spec[2]]},
        )
    if kind == "reflection":
        return ("reflection", {"prompt": spec[1], "hint": spec[2]})
    _kind, heading, intro, questions = spec
    return (
        "quiz",
        {
            "heading": heading,
            "intro": intro,
            "questions": [
                {
                    "question": text,
                    "multiple": multiple,
                    "options": [
                        {"text": answer, "right": right, "feedback": feedback}
                        for answer, right, feedback in options
                    ],
                }
                for text, multiple, options in questions
            ],
        },
    )


def _course(index, slug, modules, **fields):
    """The course with its modules and lessons, each created if missing."""

    course = child_page(index, CoursePage, slug, **fields)
    for module_slug, title, intro, goals, lessons in modules:
        module = child_page(course, ModulePage, module_slug, title=title, intro=intro, goals=goals)
        for lesson_slug, lesson_title, minutes, lesson_intro, blocks in lessons:
            child_page(
                module,
                LessonPage,
                lesson_slug,
                title=lesson_title,
                duration=minutes,
                intro=lesson_intro,
                search_description=lesson_intro,
                body=[_block(spec) for spec in blocks],
            )
    return course


def load_demo(home, stdout):

    index = child_page(
        home,
        CourseIndexPage,
        "kurse",
        title="Kurse",
        show_in_menus=True,
        intro="Die Lotsenausbildung und weitere Kurse für alle, die Lernen im Betrieb begleiten: "
        "Schritt für Schritt, mit Selbsttests und Reflexionsaufgaben, im eigenen Tempo.",
        search_description="Lotsenausbildung Mentoring 4.0 und Kurse für Weiterbildungsmentor*innen.",
    )
    existed = index.get_children().exists()
    lotse = _course(
        index,
        "lotsenausbildung",
        LOTSE_MODULES,
        title="Lotsenausbildung Mentoring 4.0",
        intro="In fünf Modulen lernen Sie, Tandems aus jüngeren und erfahrenen Beschäftigten zu "
        "bilden und zu begleiten: vom ersten Kennenlernen über Hürden und Motivation bis zur "
        "Sicherung des Wissens im Betrieb.",
        search_description="Die Ausbildung zum Lotsen im Reverse Mentoring: fünf Module, zwölf Lektionen.",
        image=demo_image(
            "Lotsenausbildung im Seminarraum",
            "Eine Gruppe sitzt mit Laptops und Notizblöcken an einem Tisch.",
            seed=11,
        ),
        audience="Beschäftigte kleiner und mittlerer Unternehmen, die Tandems im Reverse Mentoring "
        "begleiten möchten – auch begleitend zur Ausbildereignungsprüfung.",
        duration="etwa 5 Stunden online, verteilt auf 8 bis 10 Wochen",
        description="<p>Die Ausbildung verbindet kurze Lektionen mit Übungen im eigenen Betrieb. "
        "Jede Lektion dauert 20 bis 30 Minuten; Reflexionsaufgaben helfen, das Gelernte auf den "
        "eigenen Alltag zu übertragen. Ihre Antworten sieht nur Sie selbst.</p>"
        "<p>Die Ausbildung wird über Berufskollegs und die Hochschulakademie in Gruppen angeboten. "
        "Den Einschreibeschlüssel erhalten Sie von Ihrer Ausbilderin oder Ihrem Ausbilder.</p>",
        enrolment="key",
        sequential=True,
        pass_mark=80,
        certificate=True,
        certificate_note="Das Zertifikat nennt die Module der Ausbildung und lässt sich über "
        "einen Prüfcode online bestätigen.",
    )
    _course(
        index,
        "weiterbildungsmentoring",
        MENTOR_MODULES,
        title="Weiterbildungsmentor*innen: Kolleginnen und Kollegen zur Weiterbildung begleiten",
        intro="Ein kurzer Kurs für Betriebs- und Personalräte und gewerkschaftliche "
        "Vertrauensleute: Fähigkeiten sichtbar machen, über Weiterbildung informieren und "
        "Qualifizierungsgespräche vorbereiten.",
        search_description="Kurs für Weiterbildungsmentor*innen: beraten, informieren, begleiten.",
        image=demo_image(
            "Beratungsgespräch im Betrieb",
            "Zwei Kolleginnen sprechen an einem Stehtisch über einen Ausdruck.",
            seed=12,
        ),
        audience="Betriebs- und Personalräte, Vertrauensleute und alle, die als "
        "Weiterbildungsmentor*in Kolleginnen und Kollegen begleiten.",
        duration="etwa 1,5 Stunden, in Etappen",
        description="<p>Der Kurs ergänzt die Modulreihe für Weiterbildungsmentor*innen in den "
        "Bezirken. Sie können die Lektionen in beliebiger Reihenfolge bearbeiten.</p>",
        enrolment="open",
        sequential=False,
        pass_mark=70,
        certificate=False,
    )
    EnrolmentKey.objects.get_or_create(
        key=DEMO_KEY,
        defaults={"course": lotse, "label": "Demo-Kohorte Berufskolleg Dortmund, Herbst 2026"},
    )
    _cohort(index, lotse)
    _learner(lotse)
    _home_page(home, lotse)
    if not existed:
        stdout.write(
            f"Demo content: courses created (enrolment key for the Lotse training: {DEMO_KEY})."
        )


def _cohort(index, course):
    """The trainer "ausbilder" (group Ausbilder, who may also edit the courses) and the
    demo cohort of the Lotse training that owns the demo key, with three learners who
    are further on or behind than the demo learner, so that its report shows something."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission

    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

    from cms.management.commands.load_demo import DEFAULT_DEMO_PASSWORD, DEMO_PASSWORD_ENV

    User = get_user_model()
    group, _ = Group.objects.get_or_create(name=TRAINER_GROUP)
    trainer = User.objects.filter(username=TRAINER[0]).first()
    if trainer is None:
        username, first, last = TRAINER
        trainer = User.objects.create_user(
            username=username,
            password=os.environ.get(DEMO_PASSWORD_ENV, DEFAULT_DEMO_PASSWORD),
            first_name=first,
            last_name=last,
            email=f"{username}@zukunftshub.example",
        )
        trainer.groups.add(group)
        # Course content below the course index, submitted for approval like any page.
        for codename in ("add_page", "change_page"):
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=index,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
        root = Collection.get_first_root_node()
        for codename in ("add_image", "choose_image", "add_document", "choose_document"):
            permission = Permission.objects.filter(codename=codename).first()
            if permission is not None:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root, permission=permission
                )
    cohort = Cohort.objects.filter(name=COHORT).first()
    if cohort is None:
        cohort = Cohort.objects.create(
            name=COHORT,
            course=course,
            notes="Präsenztermine dienstags, 16 bis 18 Uhr, Raum B 2.14. Abschluss bis Februar.",
        )
        cohort.trainers.add(trainer)
        key = EnrolmentKey.objects.filter(key=DEMO_KEY, cohort__isnull=True).first()
        if key is not None:
            key.cohort = cohort
            key.save()
        # Enrolled with the demo key before cohorts existed: into the cohort.
        Enrolment.objects.filter(key__key=DEMO_KEY, cohort__isnull=True).update(cohort=cohort)
        _cohort_learners(course)


def _cohort_learners(course):
    """Three more learners of the demo cohort (no login: their passwords are unusable)."""
    from django.contrib.auth import get_user_model

    from cms.models import Profile

    User = get_user_model()
    key = EnrolmentKey.objects.get(key=DEMO_KEY)
    lessons = list(LessonPage.objects.live().descendant_of(course).order_by("path"))
    for username, name, organisation, done in COHORT_LEARNERS:
        if User.objects.filter(username=username).exists():
            continue
        user = User.objects.create_user(
            username=username, email=f"{username}@zukunftshub.example", password=None
        )
        Profile.objects.create(user=user, display_name=name, organisation=organisation)
        enrolment, _ = progress.enrol(user, course, key=key)
        for lesson in lessons[:done]:
            if lesson.has_quiz:
                progress.record_quiz(enrolment, lesson, course, {}, _Passed())
            else:
                progress.mark_done(enrolment, lesson, course)
        if done:
            progress.visited(enrolment, lessons[min(done, len(lessons) - 1)])


class _Passed:
    """A self-check passed with full marks (the demo's learners answered well)."""

    score = 100
    passed = True


def _learner(course):
    """The demo learner (cms's demo makes the account; here it is made only when that
    is missing) half-way into the first module of the Lotse training."""
    from django.contrib.auth import get_user_model

    User = get_user_model()
    username, first, last = LEARNER
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create_user(
            username=username,
            password=os.environ.get("ZUKUNFTSHUB_DEMO_PASSWORD", "zukunft-demo"),
            first_name=first,
            last_name=last,
            email=f"{username}@zukunftshub.example",
        )
    if Enrolment.objects.filter(user=user, course_key=course.translation_key).exists():
        return
    enrolment, _ = progress.enrol(user, course, key=EnrolmentKey.objects.get(key=DEMO_KEY))
    lessons = list(LessonPage.objects.live().descendant_of(course).order_by("path")[:3])
    for lesson in lessons[:2]:
        progress.mark_done(enrolment, lesson, course)
    reflection = next(b for b in lessons[0].body if b.block_type == "reflection")
    progress.save_reflection(
        user,
        lessons[0],
        reflection.id,
        "Unser Azubi hat mir gezeigt, wie ich Fotos von Baustellen direkt in den Auftrag lade. "
        "Geholfen hat, dass er mich selbst klicken ließ.",
    )
    progress.visited(enrolment, lessons[2])


def _home_page(home, course):
    """The course figures beside the home page's others, and the Lotse training as an
    embedded teaser on the Mentoring 4.0 project page, which it belongs to."""
    from wagtail.models import Page

    home = home.specific
    for block in getattr(home, "body", []):
        if block.block_type != "key_figures":
            continue
        figures = block.value["figures"]
        sources = {figure.get("source") for figure in figures}
        missing = [k for k in ("courses.courses", "courses.learners") if k not in sources]
        if missing and len(figures) + len(missing) <= 8:
            for key in missing:
                figures.append(
                    figures.list_block.child_block.to_python(
                        {"source": key, "value": "", "label": ""}
                    )
                )
            home.save_revision().publish()
        break
    project = Page.objects.filter(locale=home.locale, slug="mentoring-4-0").first()
    project = project.specific if project is not None else None
    if project is None or not hasattr(project, "body"):
        return
    if not any(
        block.block_type == "embed"
        and block.value.get("page")
        and block.value["page"].pk == course.pk
        for block in project.body
    ):
        project.body.append(("embed", {"page": course}))
        project.save_revision().publish()
