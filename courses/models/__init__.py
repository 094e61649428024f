from .certificates import Certificate, CertificateTally
from .cohorts import Cohort
from .lessons import LessonPage
from .pages import CourseIndexPage, CoursePage, ModulePage
from .records import Enrolment, EnrolmentKey, LessonProgress, ReflectionAnswer

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
