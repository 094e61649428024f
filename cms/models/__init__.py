from .accounts import Profile
from .mixins import EmbeddableMixin
from .pages import ContentPage, FormField, FormPage
from .settings import SiteSettings
from .snippets import ContactPerson, Organisation

__all__ = [
    "ContactPerson",
    "ContentPage",
    "EmbeddableMixin",
    "FormField",
    "FormPage",
    "Organisation",
    "Profile",
    "SiteSettings",
]
