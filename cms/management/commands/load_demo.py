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

from cms.demo import (
    child_page,
    loaders,
    mirror_into_other_languages,
    site_data,
    snippets_in_review,
)
from cms.models import ContentPage, FormField, FormPage, Organisation, Profile, SiteSettings
from cms.plugins import registry

DEMO_PASSWORD_ENV = "ZUKUNFTSHUB_DEMO_PASSWORD"
DEFAULT_DEMO_PASSWORD = "zukunft-demo"


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
            for _key, load in loaders():
                load(home, self.stdout)
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
        home = root.get_children().filter(slug=site_data()["home"]["slug"], locale=german).first()
        if home is None:
            fields = site_data()["home"]
            home = model(locale=german, **fields)
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
        data = site_data()
        for row in data["page"]:
            page = child_page(
                home,
                ContentPage,
                row["slug"],
                title=row["title"],
                body=[{"type": "text", "value": row["text"]}],
                search_description=row["search_description"],
            )
            if row["slug"] == data["feedback"]["below"]:
                self.feedback_form(page, data["feedback"])

    def feedback_form(self, parent, data):
        if parent.get_children().exists():
            return
        fields = {k: v for k, v in data.items() if k not in ("below", "field")}
        form = FormPage(locale=parent.locale, **fields)
        form.form_fields = [
            FormField(sort_order=n, **field) for n, field in enumerate(data["field"])
        ]
        parent.add_child(instance=form)
        form.save_revision().publish()

    def site_settings(self, home):
        site = Site.objects.get(is_default_site=True)
        settings_obj = SiteSettings.for_site(site)
        if settings_obj.contact_email:
            return
        data = site_data()["settings"]
        for name in (
            "programme_name",
            "tagline",
            "contact_name",
            "contact_address",
            "contact_email",
            "contact_phone",
        ):
            setattr(settings_obj, name, data[name])
        children = {page.slug: page for page in home.get_children()}
        settings_obj.footer_links = [
            ("link", {"page": children[slug], "text": "", "url": ""})
            for slug in data["footer_pages"]
            if slug in children
        ]
        settings_obj.privacy_page = children.get(data["privacy_page"])
        settings_obj.social_links = [("link", link) for link in data["social"]]
        settings_obj.save()
        Organisation.objects.get_or_create(
            name=data["funder"]["name"],
            defaults={
                "kind": Organisation.Kind.MINISTRY,
                "short_name": data["funder"]["short_name"],
            },
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
        data = site_data()
        for row in data["user"]:
            username = row["username"]
            if User.objects.filter(username=username).exists():
                continue
            user = User.objects.create_user(
                username=username,
                password=password,
                first_name=row["first_name"],
                last_name=row["last_name"],
                email=f"{username}@zukunftshub.example",
                is_staff=row["superuser"],
                is_superuser=row["superuser"],
            )
            user.groups.set(Group.objects.filter(name__in=row["groups"]))
        learner_data = data["learner"]
        if not User.objects.filter(username=learner_data["username"]).exists():
            learner = User.objects.create_user(
                username=learner_data["username"],
                email=learner_data["email"],
                password=password,
            )
            EmailAddress.objects.create(
                user=learner, email=learner.email, verified=True, primary=True
            )
            Profile.objects.create(
                user=learner,
                display_name=learner_data["display_name"],
                organisation=learner_data["organisation"],
            )
