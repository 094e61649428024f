"""Signals other parts of the site can listen to (e.g. certificates).

``course_completed`` is sent once per enrolment, in the request in which the learner
finishes the course's last lesson, inside the database transaction that records it:
a receiver that fails rolls the completion back. Send e-mails from
``transaction.on_commit``.

    from courses.learning.signals import course_completed

    def issue_certificate(sender, enrolment, **kwargs): ...
    course_completed.connect(issue_certificate)
"""

from django.dispatch import Signal

# sender: the Enrolment class; enrolment: the Enrolment, with completed_at set.
course_completed = Signal()
