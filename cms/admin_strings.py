"""Wagtail's own admin strings that the German catalogue words anew (Sie form, plain
German): choosers, "…-Objekt" phrasings, "Locales", the login heading, the review loop's
messages. Listing a msgid here keeps it in cms/locale/de when `make messages` runs; the
translation there wins over Wagtail's, because ``cms`` comes first in INSTALLED_APPS.
Where the German drops a placeholder (e.g. "Dieser Inhalt" for "this %(model_name)s"),
the comment right above the line tells gettext not to check the placeholders (so each
msgid stays on the line of its call). Nothing imports this module.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

# fmt: off
WAGTAIL_STRINGS = [
    # wagtail.images: the image block's message was in the du form.
    gettext_noop("Please add some alt text for your image or mark it as decorative"),
    # The reviewer compares with the live version ("Revision" is jargon).
    gettext_noop("Compare with live version"),
    # xgettext:no-python-format
    gettext_noop('Choose another %(object)s'),
    # xgettext:no-python-format
    gettext_noop('Are you sure you want to delete this %(snippet_type_name)s?'),
    gettext_noop('Are you sure you want to delete %(count)s %(snippet_type_name)s?'),
    # xgettext:no-python-format
    gettext_noop("You don't have permission to delete this %(snippet_type_name)s"),
    gettext_noop('You haven\'t created any %(snippet_type_name)s snippets. Why not <a href="%(wagtailsnippets_create_snippet_url)s" target="_blank" rel="noreferrer">create one now</a>?'),
    ngettext_lazy('%(count)d %(model_name)s deleted.', '%(count)d %(model_name)s deleted.', 'n'),
    gettext_noop('Delete %(snippet_type_name)s'),
    # xgettext:no-python-format
    ngettext_lazy('This %(model_name)s is referenced %(usage_count)s time.', 'This %(model_name)s is referenced %(usage_count)s times.', 'n'),
    # xgettext:no-python-format
    gettext_noop('One or more references to this %(model_name)s prevent it from being deleted.'),
    # xgettext:no-python-format
    gettext_noop('Anyone can edit this %(model_name)s – lock it to prevent others from editing'),
    # xgettext:no-python-format
    gettext_noop('Anyone can edit this %(model_name)s'),
    # xgettext:no-python-format
    gettext_noop('Choose when this %(model_name)s should go live and/or expire'),
    # xgettext:no-python-format
    gettext_noop('Are you sure you want to unpublish this %(model_name)s?'),
    # xgettext:no-python-format
    gettext_noop('This %(model_name)s was marked as needing changes at <strong>%(task)s</strong> in <strong>%(workflow)s</strong>.'),
    # xgettext:no-python-format
    gettext_noop('This %(model_name)s is currently at <strong>%(task)s</strong> in <strong>%(workflow)s</strong>.'),
    # xgettext:no-python-format
    gettext_noop('Publishing this %(model_name)s will cancel the current workflow.'),
    # xgettext:no-python-format
    gettext_noop('Would you still like to publish this %(model_name)s?'),
    # xgettext:no-python-format
    gettext_noop('You can edit the %(model_name)s here:'),
    # xgettext:no-python-format
    gettext_noop('You can preview the %(model_name)s here:'),
    # xgettext:no-python-format
    gettext_noop("This %(model_name)s hasn't been submitted for moderation yet"),
    # xgettext:no-python-format
    gettext_noop('The %(model_name)s could not be saved as it is locked'),
    # xgettext:no-python-format
    gettext_noop('You are viewing a previous version of this %(model_name)s from <b>%(created_at)s</b> by %(user)s'),
    # xgettext:no-python-format
    gettext_noop('The %(model_name)s could not be created due to errors.'),
    # xgettext:no-python-format
    gettext_noop('The %(model_name)s could not be saved due to errors.'),
    # xgettext:no-python-format
    gettext_noop('Are you sure you want to delete this %(model_name)s?'),
    gettext_noop('Create a new %(model_name)s'),
    gettext_noop('There are no %(model_name)s to display. Why not <a href="%(add_url)s">add one</a>?'),
    gettext_noop('There are no %(model_name)s to display.'),
    gettext_noop('No %(model_name)s match your query.'),
    gettext_noop('Request to create %(model_name)s was blocked by hook.'),
    gettext_noop('Request to edit %(model_name)s was blocked by hook.'),
    # xgettext:no-python-format
    gettext_noop('No one can make changes while the %(model_name)s is locked'),
    # xgettext:no-python-format
    gettext_noop('Only you can make changes while the %(model_name)s is locked'),
    # xgettext:no-python-format
    gettext_noop('Only %(user)s can make changes while the %(model_name)s is locked'),
    # xgettext:no-python-format
    gettext_noop('This %(model_name)s is currently awaiting moderation.'),
    # xgettext:no-python-brace-format
    gettext_noop("This {model_name} is awaiting <b>'{task_name}'</b> in the <b>'{workflow_name}'</b> workflow."),
    # xgettext:no-python-format
    gettext_noop('Only reviewers for this task can edit the %(model_name)s.'),
    # xgettext:no-python-format
    gettext_noop('Reviewers can edit this %(model_name)s – lock it to prevent other reviewers from editing'),
    # xgettext:no-python-format
    gettext_noop('Only reviewers can edit and approve the %(model_name)s'),
    # xgettext:no-python-format
    gettext_noop('Cannot overwrite a revision that is not the latest for this %(model_name)s.'),
    gettext_noop('%(model_name)s unscheduled for publishing at %(go_live_at)s'),
    gettext_noop('%(model_name)s unscheduled from publishing'),
    gettext_noop("Site '%(object)s' created."),
    gettext_noop("Site '%(object)s' updated."),
    gettext_noop("Site '%(object)s' deleted."),
    gettext_noop('Locales'),
    gettext_noop('Locale'),
    gettext_noop('locale'),
    gettext_noop('Locale: '),
    gettext_noop('Switch locales'),
    gettext_noop('Available in %(translations_total)s locales'),
    gettext_noop('Add a locale'),
    gettext_noop('Add locale'),
    gettext_noop('Delete locale'),
    gettext_noop('Are you sure you want to delete this locale?'),
    gettext_noop("Locale '%(object)s' created."),
    gettext_noop("Locale '%(object)s' updated."),
    gettext_noop("Locale '%(object)s' deleted."),
    gettext_noop('The locale could not be saved due to errors.'),
    gettext_noop('This locale cannot be deleted because there are no other locales.'),
    gettext_noop('This locale cannot be deleted because there are pages and/or other objects using it.'),
    gettext_noop("This locale's language code is not supported"),
    gettext_noop("This locale's current language code is not supported. Please choose a new language or delete this locale."),
    gettext_noop('%(locales_count)s locales'),
    gettext_noop('Translate %(model_name)s'),
    # xgettext:no-python-format
    gettext_noop("Successfully created %(locales)s for %(model_name)s '%(object)s'"),
    gettext_noop('Sign in to Wagtail'),
    gettext_noop('Editing'),
    gettext_noop('Usage'),
    gettext_noop('History'),
    gettext_noop('None'),
    gettext_noop('Change'),
    gettext_noop('Editing %(page_type)s'),
    gettext_noop('View Wagtail quick actions'),
    gettext_noop('Shortcuts'),
    gettext_noop("Page '%(page_title)s' created and submitted for moderation."),
    gettext_noop("Page '%(page_title)s' has been submitted for moderation."),
    gettext_noop('Submit for moderation'),
    gettext_noop("This page hasn't been submitted for moderation yet"),
    gettext_noop('No pages/snippets have been submitted for moderation yet'),
]
# fmt: on
