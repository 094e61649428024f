"""Accounts for learners: sign-up, login and password reset through django-allauth,
with the site's own templates; a profile, "download my data" and "delete my account".

Accounts belong to the whole site, not to one plugin: a plugin that stores something
about a user registers a ``cms.plugins.PersonalData`` record, and both the export and
the deletion include it. See docs/decisions/0007-accounts.md.
"""
