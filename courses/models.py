"""Django looks for a plugin's models here; they live in its feature packages."""

from .certificates.models import Certificate, CertificateTally
from .cohorts.models import Cohort
from .learning.lessons import LessonPage, ModulePage
from .learning.models import Enrolment, EnrolmentKey, LessonProgress, ReflectionAnswer
from .learning.pages import CourseIndexPage, CoursePage

__all__ = [
    "Certificate",
    "CertificateTally",
    "Cohort",
    "CourseIndexPage",
    "CoursePage",
    "Enrolment",
    "EnrolmentKey",
    "LessonPage",
    "LessonProgress",
    "ModulePage",
    "ReflectionAnswer",
]
