"""The HUB's demo content: taxonomies, stories, offerings, news, the regional HUBs and
events. The text lives in the TOML files beside this module (one per kind of page, the
taxonomies and organisations in ``taxonomy.toml``); the loaders only read them."""

import datetime

from django.utils import timezone

from cms.demo import child_page, demo_data, demo_image, demo_terms
from cms.models import ContactPerson, Organisation

from ..models import (
    CompanySize,
    EventDate,
    EventFigures,
    EventIndexPage,
    EventKind,
    EventPage,
    HubIndexPage,
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

LISTING_FIELDS = ("title", "intro", "search_description")


def _listing(home, model, data):
    """The listing page a data file's ``[index]`` table describes, shown in the menu."""
    index = data["index"]
    fields = {name: index[name] for name in LISTING_FIELDS}
    return child_page(home, model, index["slug"], show_in_menus=True, **fields)


def _by_slug(model):
    return {term.slug: term for term in model.objects.all()}


def _organisations():
    """The demo's organisations (offering providers and event hosts) by their data key."""
    return {
        row["key"]: Organisation.objects.get_or_create(
            name=row["name"], defaults={"kind": row["kind"], "website": row["website"]}
        )[0]
        for row in demo_data(__file__, "taxonomy")["organisation"]
    }


def _add(index, page):
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def _report(stdout, created, what):
    if created:
        stdout.write(f"Demo content: {created} {what} created.")


def load_demo(home, stdout):
    """Taxonomies and good-practice stories."""
    taxonomy = demo_data(__file__, "taxonomy")
    industries = demo_terms(Industry, taxonomy["industry"])
    regions = demo_terms(Region, taxonomy["region"])
    sizes = demo_terms(CompanySize, taxonomy["company_size"])
    topics = demo_terms(Topic, taxonomy["topic"])
    data = demo_data(__file__, "stories")
    index = _listing(home, StoryIndexPage, data)
    contact = ContactPerson.objects.order_by("pk").first()
    created = 0
    for n, row in enumerate(data["story"]):
        if index.get_children().filter(slug=row["slug"]).exists():
            continue
        industry = industries[row["industry"]]
        story = StoryPage(
            title=row["title"],
            slug=row["slug"],
            locale=index.locale,
            company=row["company"],
            industry=industry,
            company_size=sizes[row["company_size"]],
            region=regions[row["region"]],
            date=datetime.date(2026, 10, 30) - datetime.timedelta(days=9 * n),
            summary=row["summary"],
            search_description=row["summary"],
            challenge=f"<p>{row['challenge']}</p>",
            approach=f"<p>{row['approach']}</p>",
            result=f"<p>{row['result']}</p>",
            quote=row.get("quote", ""),
            quote_by=row.get("quote_by", ""),
            contact=contact,
            listing_image=demo_image(
                f"Praxisbeispiel {n + 1}",
                f"Symbolbild zum Praxisbeispiel {row['title']}",
                seed=20 + n,
            ),
        )
        story.topics = [topics[slug] for slug in row["topics"]]
        index.add_child(instance=story)
        story.tags.add(industry.name.split()[0], "Tandem")
        story.save_revision().publish()
        created += 1
    _report(stdout, created, "good-practice stories")


def load_offerings(home, stdout):
    kinds = demo_terms(OfferingType, demo_data(__file__, "taxonomy")["offering_type"])
    sizes, regions, industries = _by_slug(CompanySize), _by_slug(Region), _by_slug(Industry)
    providers = _organisations()
    data = demo_data(__file__, "offerings")
    finder = _listing(home, OfferingIndexPage, data)
    contact = ContactPerson.objects.order_by("pk").first()
    today = datetime.date.today()
    created = 0
    for n, row in enumerate(data["offering"]):
        if finder.get_children().filter(slug=row["slug"]).exists():
            continue
        days = row.get("valid_days")
        offering = OfferingPage(
            title=row["title"],
            slug=row["slug"],
            locale=finder.locale,
            kind=kinds[row["kind"]],
            provider=providers[row["provider"]],
            summary=row["summary"],
            search_description=row["summary"],
            target_group=row["target_group"],
            cost=row["cost"],
            funded_share=row.get("funded_share"),
            valid_from=today - datetime.timedelta(days=120) if days is not None else None,
            valid_until=today + datetime.timedelta(days=days) if days is not None else None,
            how_to_apply=data["index"]["how_to_apply"],
            contact=contact,
            last_checked=today - datetime.timedelta(days=20 * n),
        )
        offering.company_sizes = [sizes[slug] for slug in row["company_sizes"]]
        offering.regions = [regions[slug] for slug in row["regions"]]
        offering.industries = [industries[slug] for slug in row.get("industries", [])]
        offering.tags.add(*row["tags"])
        _add(finder, offering)
        created += 1
    _report(stdout, created, "support offerings")


def load_news(home, stdout):
    data = demo_data(__file__, "news")
    index = _listing(home, NewsIndexPage, data)
    author = ContactPerson.objects.order_by("pk").first()
    today = datetime.date.today()
    created = 0
    for n, row in enumerate(data["news"]):
        if index.get_children().filter(slug=row["slug"]).exists():
            continue
        item = NewsPage(
            title=row["title"],
            slug=row["slug"],
            locale=index.locale,
            kind=row["kind"],
            date=today - datetime.timedelta(days=row["days_ago"]),
            summary=row["summary"],
            search_description=row["summary"],
            author=author,
            image=demo_image(
                f"Meldung {n + 1}", f"Symbolbild zur Meldung {row['title']}", seed=40 + n
            ),
            body=[("text", f"<p>{row['text']}</p>")],
        )
        _add(index, item)
        created += 1
    _report(stdout, created, "news items")


def load_hubs(home, stdout):
    """Two regional HUBs on the same site: the Ruhr area with its four modules and a
    rural district with a listing of its own stories."""
    regions, kinds, topics = _by_slug(Region), _by_slug(OfferingType), _by_slug(Topic)
    data = demo_data(__file__, "hubs")
    overview = _listing(home, HubIndexPage, data)
    created = 0
    for row in data["hub"]:
        if overview.get_children().filter(slug=row["slug"]).exists():
            continue
        modules = [
            {
                "title": module["title"],
                "text": module["text"],
                "sources": module["sources"],
                "topic": topics[module["topic"]] if "topic" in module else None,
                "kind": kinds[module["kind"]] if "kind" in module else None,
                "count": module["count"],
                "links": [],
            }
            for module in row["module"]
        ]
        hub = _add(
            overview,
            HubPage(
                title=row["title"],
                slug=row["slug"],
                region=regions[row["region"]],
                intro=row["intro"],
                search_description=row["search_description"],
                body=[("module", module) for module in modules],
            ),
        )
        if "stories" in row:
            listing = row["stories"]
            _add(
                hub,
                StoryIndexPage(
                    title=listing["title"],
                    slug=listing["slug"],
                    region=regions[row["region"]],
                    intro=listing["intro"],
                ),
            )
        created += 1
    _report(stdout, created, "regional HUB pages")


def load_events(home, stdout):
    kinds = demo_terms(EventKind, demo_data(__file__, "taxonomy")["event_kind"])
    regions, topics = _by_slug(Region), _by_slug(Topic)
    hosts = _organisations()
    data = demo_data(__file__, "events")
    common = data["common"]
    index = _listing(home, EventIndexPage, data)
    contact = ContactPerson.objects.order_by("pk").first()
    today = timezone.localdate()
    created = 0
    for row in data["event"]:
        if index.get_children().filter(slug=row["slug"]).exists():
            continue
        days, hours, online = row["days_from_today"], row["hours"], row["online"]
        start = timezone.make_aware(
            datetime.datetime.combine(
                today + datetime.timedelta(days=days), datetime.time(row["start_hour"])
            )
        )
        end = start + datetime.timedelta(hours=hours)
        event = EventPage(
            title=row["title"],
            slug=row["slug"],
            locale=index.locale,
            kind=kinds[row["kind"]],
            region=regions.get(row.get("region")),
            summary=row["summary"],
            search_description=row["summary"],
            audience=common["audience"],
            cost=common["cost"],
            host=hosts[row["host"]] if "host" in row else None,
            contact=contact,
            online=online,
            venue="" if online else common["venue"].format(city=row["city"]),
            street="" if online else common["street"],
            postcode="" if online else common["postcode"],
            city=row["city"],
            online_note=common["online_note"] if online else "",
            online_link=common["online_link"] if online else "",
            capacity=row["capacity"],
            max_group_size=row["max_group_size"],
            body=[("text", common["text"])],
            agenda=[("item", _agenda_item(item, start, end)) for item in common["agenda"]],
        )
        event.topics = [topics[slug] for slug in row["topics"] if slug in topics]
        event.dates = [EventDate(start=start, end=end)]
        if row["kind"] == "work-lab" and days > 0:
            second = start + datetime.timedelta(days=7)
            event.dates.add(
                EventDate(start=second, end=second + datetime.timedelta(hours=hours), sort_order=1)
            )
        _add(index, event)
        figures = EventFigures.objects.get_or_create(event=event)[0]
        if "attended_places" in row:
            figures.attended_places = figures.registered_places = row["attended_places"]
            figures.save()
        if days > 0 and row["capacity"] <= 2:
            _full_with_waiting_list(event, figures, common["waiting_list"])
        created += 1
    _report(stdout, created, "events")


def _agenda_item(item, start, end):
    if "before_end_minutes" in item:
        at = end - datetime.timedelta(minutes=item["before_end_minutes"])
    else:
        at = start + datetime.timedelta(minutes=item["after_start_minutes"])
    return {"time": f"{at:%H:%M}", "title": item["title"], "text": item["text"]}


def _full_with_waiting_list(event, figures, person):
    """Two confirmed places and two on the waiting list (the demo's own addresses)."""
    for n, status in enumerate(["confirmed", "confirmed", "waiting", "waiting"], start=1):
        Registration.objects.create(
            event=event,
            name=person["name"].format(n=n),
            email=person["email"].format(n=n),
            company=person["company"],
            status=status,
            email_confirmed=True,
        )
    figures.registered_places = 2
    figures.save()


# What `manage.py load_demo` runs, in order with the other plugins' (cms.demo.loaders).
LOADERS = [
    (20, load_demo),
    (21, load_offerings),
    (22, load_news),
    (23, load_hubs),
    (24, load_events),
]
