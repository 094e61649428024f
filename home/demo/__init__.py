"""The home plugin's demo content: the Mentoring 4.0 project with its partners, and the
home page's blocks in German and English. The text lives in ``programme.toml`` and
``home.toml`` beside this module; the loaders only read them."""

import datetime

from cms.demo import child_page, demo_data, demo_image, translate_page, with_refs
from cms.models import ContactPerson, ContentPage, Organisation

from ..models import (
    HomePage,
    ProgrammeContact,
    ProgrammeFigure,
    ProgrammePage,
    ProgrammePartner,
    ProgrammePhase,
    WorkPackage,
)


def _partners(rows):
    """The project's partner organisations by their data key, each with a drawn logo."""
    partners = {}
    for number, row in enumerate(rows, start=1):
        org, created = Organisation.objects.get_or_create(
            name=row["name"], defaults={"kind": row["kind"], "website": row["website"]}
        )
        if created or not org.logo:
            org.logo = demo_image(
                f"Logo {row['name']}",
                "",
                seed=number,
                size=(320, 160),
                label=row["name"].split()[0][:3].upper(),
            )
            org.save()
        partners[row["key"]] = org
    return partners


def _contacts(rows, partners):
    return [
        ContactPerson.objects.get_or_create(
            name=row["name"],
            defaults={
                "role": row["role"],
                "organisation": partners[row["organisation"]],
                "email": row["email"],
                "phone": row["phone"],
            },
        )[0]
        for row in rows
    ]


def _programme(projects, data, partners, contacts):
    row = data["programme"]
    programme = ProgrammePage(
        title=row["title"],
        slug=row["slug"],
        locale=projects.locale,
        intro=row["intro"],
        search_description=row["search_description"],
        image=demo_image(**row["image"]),
        funding_note=row["funding_note"],
        body=row["body"],
    )
    projects.add_child(instance=programme)
    date = datetime.date.fromisoformat
    programme.phases = [
        ProgrammePhase(
            sort_order=n,
            title=phase["title"],
            status=phase["status"],
            start=date(phase["start"]),
            end=date(phase["end"]),
            description=phase["description"],
        )
        for n, phase in enumerate(row["phase"])
    ]
    programme.work_packages = [
        WorkPackage(
            sort_order=n,
            number=package["number"],
            title=package["title"],
            lead=partners[package["lead"]],
            description=package["description"],
        )
        for n, package in enumerate(row["work_package"])
    ]
    programme.figures = [
        ProgrammeFigure(sort_order=n, value=figure["value"], label=figure["label"])
        for n, figure in enumerate(row["figure"])
    ]
    programme.partners = [
        ProgrammePartner(sort_order=n, organisation=partners[partner["key"]], role=partner["role"])
        for n, partner in enumerate(data["partner"])
    ]
    programme.contacts = [
        ProgrammeContact(sort_order=n, person=person, topic=contact["topic"])
        for n, (person, contact) in enumerate(zip(contacts, data["contact"], strict=True))
    ]
    programme.save_revision().publish()
    return programme


def _refs(home):
    """What "@name" stands for in home.toml."""
    projects = home.get_children().get(slug="projekte")
    data = demo_data(__file__, "home")
    return {
        "projects": projects.pk,
        "programme": projects.get_children().get(slug="mentoring-4-0").pk,
        "hero_image": demo_image(**data["hero_image"]).pk,
        "none": None,
    }


def load_demo(home, stdout):
    data = demo_data(__file__, "programme")
    partners = _partners(data["partner"])
    contacts = _contacts(data["contact"], partners)
    row = data["projects"]
    projects = child_page(
        home,
        ContentPage,
        row["slug"],
        title=row["title"],
        show_in_menus=True,
        intro=row["intro"],
        search_description=row["search_description"],
    )
    if not projects.get_children().filter(slug=data["programme"]["slug"]).exists():
        _programme(projects, data, partners, contacts)
        stdout.write("Demo content: project Mentoring 4.0 created.")
    if isinstance(home, HomePage) and not home.body:
        home.body = with_refs(demo_data(__file__, "home")["body"], **_refs(home))
        home.save_revision().publish()
        stdout.write("Demo content: home page composed.")


def translate_home_page(home, stdout):
    """The English home page as a real translation (the other pages stay aliases of
    the German ones until editors translate them)."""
    fields = with_refs(demo_data(__file__, "home")["en"], **_refs(home))
    if translate_page(home, fields) is not None:
        stdout.write("Demo content: English home page translated.")


# What `manage.py load_demo` runs, in order with the other plugins' (cms.demo.loaders).
LOADERS = [(10, load_demo), (900, translate_home_page)]
