"""The editors' view of an event's registrations in the Wagtail admin: who registered
(by status), attendance, a CSV for Excel, a message to everyone, cancelling the event."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Sum
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.bad_input import whole_number
from cms.csv_export import csv_response
from cms.pdf import PDFUnavailable

from . import organiser
from .models import Registration
from .pages import EventPage

Status = Registration.Status
# The order in which the statuses are listed.
STATUS_ORDER = [Status.CONFIRMED, Status.PENDING, Status.WAITING, Status.CANCELLED, Status.EXPIRED]


def _event(request, page_id, publish=False):
    """The event, if the user may edit it; with ``publish``, only if they may also
    publish it: cancelling and writing to everyone registered speak for the programme,
    so they are for reviewers (Freigabe), not for every editor."""
    event = get_object_or_404(EventPage, pk=page_id)
    permissions = event.permissions_for_user(request.user)
    if not permissions.can_edit() or (publish and not permissions.can_publish()):
        raise PermissionDenied
    # An English version shows the registrations of the event, which are kept once.
    return event.seat_page()


def _url(name, event):
    return reverse(name, args=[event.pk])


class EventAdminMixin(WagtailAdminTemplateMixin):
    header_icon = "group"
    needs_publish = False

    def dispatch(self, request, page_id):
        self.event = _event(request, page_id, publish=self.needs_publish)
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.event.title

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.event.pk]),
                "label": self.event.title,
            },
            {"url": _url("hub_event_registrations", self.event), "label": gettext("Registrations")},
        ]

    def done(self, message):
        messages.success(self.request, message)
        return HttpResponseRedirect(_url("hub_event_registrations", self.event))


class RegistrationsView(EventAdminMixin, TemplateView):
    template_name = "hub/admin/event_registrations.html"
    page_title = _("Registrations")

    def attendance_possible(self):
        event = self.event
        return not event.is_cancelled and event.starts_at and event.starts_at <= timezone.now()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        registrations = list(self.event.registrations.all())
        registrations.sort(key=lambda r: (STATUS_ORDER.index(r.status), r.created_at, r.pk))
        totals = {
            row["status"]: row
            for row in self.event.registrations.values("status").annotate(
                registrations=Count("pk"), places=Sum("places")
            )
        }
        context.update(
            event=self.event,
            registrations=registrations,
            summary=[
                (
                    Status(status).label,
                    totals.get(status, {}).get("registrations", 0),
                    totals.get(status, {}).get("places", 0),
                )
                for status in STATUS_ORDER
                if status != Status.EXPIRED
            ],
            attendance_possible=self.attendance_possible(),
            can_publish=self.event.permissions_for_user(self.request.user).can_publish(),
            unsent=sum(
                1
                for r in registrations
                if r.status == Status.CONFIRMED and r.attended and not r.attendance_sent_at
            ),
            csv_url=_url("hub_event_registrations_csv", self.event),
            message_url=_url("hub_event_message", self.event),
            cancel_url=_url("hub_event_cancel", self.event),
        )
        return context

    def post(self, request, page_id):
        if not self.attendance_possible():
            messages.error(request, gettext("Attendance can be marked once the event has begun."))
            return self.done_without_message()
        if request.POST.get("action") == "confirmations":
            try:
                sent = organiser.send_attendance_confirmations(request, self.event)
            except PDFUnavailable:
                messages.error(
                    request, gettext("The PDF cannot be made on this server (see the README).")
                )
                return self.done_without_message()
            return self.done(
                ngettext(
                    "%(count)d confirmation of attendance sent.",
                    "%(count)d confirmations of attendance sent.",
                    sent,
                )
                % {"count": sent}
            )
        ids = [
            pk
            for pk in (whole_number(raw) for raw in request.POST.getlist("attended"))
            if pk is not None
        ]
        organiser.set_attendance(self.event, ids)
        return self.done(gettext("Attendance saved."))

    def done_without_message(self):
        return HttpResponseRedirect(_url("hub_event_registrations", self.event))


class MessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=150)
    text = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 10}))
    include_waiting = forms.BooleanField(
        label=_("Also to those on the waiting list"), required=False
    )


class MessageView(EventAdminMixin, FormView):
    template_name = "hub/admin/event_form.html"
    page_title = _("Write to all participants")
    form_class = MessageForm
    needs_publish = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            intro=gettext(
                "Everyone with a place (confirmed or awaiting confirmation) gets this message "
                "by e-mail, with the event's details and their cancellation link."
            ),
            submit=gettext("Send message"),
            back_url=_url("hub_event_registrations", self.event),
        )
        return context

    def form_valid(self, form):
        count = organiser.write_to_participants(
            self.request,
            self.event,
            form.cleaned_data["subject"],
            form.cleaned_data["text"],
            form.cleaned_data["include_waiting"],
        )
        return self.done(
            ngettext(
                "Message sent to %(count)d person.", "Message sent to %(count)d people.", count
            )
            % {"count": count}
        )


class CancelForm(forms.Form):
    note = forms.CharField(
        label=_("Note to the participants"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("E.g. why, and whether a new date is planned."),
    )
    confirm = forms.BooleanField(
        label=_("Yes, cancel this event and tell everyone registered"),
        error_messages={"required": _("Tick the box to confirm the cancellation.")},
    )


class CancelView(EventAdminMixin, FormView):
    template_name = "hub/admin/event_form.html"
    page_title = _("Cancel the event")
    form_class = CancelForm
    needs_publish = True

    def dispatch(self, request, page_id):
        event = _event(request, page_id, publish=True)
        if event.is_cancelled or event.is_past:
            if event.is_cancelled:
                messages.info(request, gettext("This event has already been cancelled."))
            else:
                messages.info(request, gettext("This event has taken place."))
            return HttpResponseRedirect(_url("hub_event_registrations", event))
        return super().dispatch(request, page_id)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            intro=gettext(
                "Registration closes, every registration is cancelled and each person gets an "
                "e-mail with your note. The page stays online and says that the event is "
                "cancelled. This cannot be undone."
            ),
            submit=gettext("Cancel the event"),
            danger=True,
            back_url=_url("hub_event_registrations", self.event),
        )
        return context

    def form_valid(self, form):
        told = organiser.cancel_event(self.request, self.event, form.cleaned_data["note"])
        return self.done(
            ngettext(
                "The event is cancelled; %(count)d person was told.",
                "The event is cancelled; %(count)d people were told.",
                told,
            )
            % {"count": told}
        )


def registrations_csv(request, page_id):
    """All registrations of the event as CSV for Excel (cms.csv_export)."""
    event = _event(request, page_id)
    columns = [
        ("name", _("Name")),
        ("email", _("E-mail")),
        ("company", _("Company")),
        ("places", _("Places")),
        ("status", _("Status")),
        ("email_confirmed", _("E-mail confirmed")),
        ("accessibility_needs", _("Accessibility needs")),
        ("attended", _("Attended")),
        ("created_at", _("Registered at")),
    ]
    yes, no = gettext("yes"), gettext("no")
    rows = []
    for registration in event.registrations.order_by("created_at", "pk"):
        row = []
        for key, _label in columns:
            value = getattr(registration, key)
            if key == "status":
                value = registration.get_status_display()
            elif isinstance(value, bool):
                value = yes if value else no
            elif key == "created_at":
                value = timezone.localtime(value).strftime("%d.%m.%Y %H:%M")
            row.append(value)
        rows.append(row)
    name = f"anmeldungen-{event.slug}-{timezone.localdate():%Y-%m-%d}.csv"
    return csv_response(name, [label for _key, label in columns], rows)
