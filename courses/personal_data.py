"""What the courses keep about a learner, for "download my data" (cms.accounts).

Deletion needs no function of its own: enrolments (with their progress and
certificate) and reflection answers go with the user (on_delete=CASCADE); the anonymous
certificate tally stays.

Answers are kept by the ids of questions, options and tasks (courses.learning.quiz);
the download gives them as the learner saw them: the question, the answers chosen, the
task's wording, read from the lesson as it is now.
"""

from django.utils.translation import gettext, ngettext

from .learning import quiz as quizzes
from .models import Certificate, Enrolment, LessonProgress, ReflectionAnswer


def _gone():
    return gettext("(no longer in the lesson)")


def export(user):
    enrolments = list(
        Enrolment.objects.filter(user=user)
        .select_related("course", "key", "cohort")
        .prefetch_related("cohort__trainers")
        .order_by("enrolled_at")
    )
    progress = {}
    for row in (
        LessonProgress.objects.filter(enrolment__user=user).select_related("lesson").order_by("pk")
    ):
        progress.setdefault(row.enrolment_id, []).append(
            {
                "lesson": row.lesson.title if row.lesson else str(row.lesson_key),
                "done_at": row.done_at,
                "quiz_score_percent": row.quiz_score,
                "quiz_attempts": row.quiz_attempts,
                "quiz_answers": _quiz_answers(row.lesson, row.quiz_answers),
            }
        )
    certificates = {c.enrolment_id: c for c in Certificate.objects.filter(enrolment__user=user)}
    return {
        "enrolments": [
            {
                "course": enrolment.course.title if enrolment.course else str(enrolment.course_key),
                "enrolled_at": enrolment.enrolled_at,
                "enrolment_key": enrolment.key.key if enrolment.key else None,
                "cohort": _cohort(enrolment.cohort),
                "completed_at": enrolment.completed_at,
                "last_visited_at": enrolment.last_visited_at,
                "lessons": progress.get(enrolment.pk, []),
                "certificate": _certificate(certificates.get(enrolment.pk)),
            }
            for enrolment in enrolments
        ],
        "reflection_answers": [
            {
                "lesson": answer.lesson.title if answer.lesson else str(answer.lesson_key),
                "task": _task(answer.lesson, answer.block_id),
                "answer": answer.text,
                "saved_at": answer.updated_at,
            }
            for answer in ReflectionAnswer.objects.filter(user=user)
            .select_related("lesson")
            .order_by("updated_at")
        ],
    }


def _quiz_answers(lesson, answers):
    """[{question, answers}] in the order of the quiz, as text; ids only where the
    lesson or the question is gone."""
    if not answers:
        return []
    block = lesson.quiz_block() if lesson is not None else None
    questions = quizzes.definition(block)["questions"] if block is not None else []
    found = []
    for question in questions:
        if question["id"] not in answers:
            continue
        texts = {option["id"]: option["text"] for option in question["options"]}
        chosen = [texts.get(option_id, _gone()) for option_id in answers[question["id"]]]
        found.append({"question": question["text"], "answers": chosen})
    # Questions taken out of the lesson since: as stored, by their ids.
    known = {question["id"] for question in questions}
    for question_id, option_ids in answers.items():
        if question_id not in known:
            found.append({"question": _gone(), "question_id": question_id, "answers": option_ids})
    return found


def _task(lesson, block_id):
    """A reflection task by its wording."""
    if lesson is not None:
        for block in lesson.body:
            if block.block_type == "reflection" and block.id == block_id:
                return block.value["prompt"]
    return f"{_gone()} {block_id}"


def _certificate(certificate):
    if certificate is None:
        return None
    return {
        "code": certificate.code,
        "name": certificate.name,
        "course": certificate.course_title,
        "issued_at": certificate.issued_at,
    }


def _cohort(cohort):
    """The group the learner joined with its key, and the trainers who see their progress."""
    if cohort is None:
        return None
    return {
        "name": cohort.name,
        "trainers_who_see_the_progress": [
            trainer.get_full_name() or trainer.username for trainer in cohort.trainers.all()
        ],
    }


def deletion_notice(user):
    """Said before the learner deletes their account: their certificates stop verifying."""
    titles = list(
        Certificate.objects.filter(enrolment__user=user)
        .order_by("issued_at")
        .values_list("course_title", flat=True)
    )
    if not titles:
        return ""
    return ngettext(
        "Your certificate for %(courses)s will no longer verify: once your account is "
        "deleted, anyone who checks its code is told that there is no such certificate. "
        "Keep the PDF if you need it, but it can no longer be checked online.",
        "Your %(count)d certificates for %(courses)s will no longer verify: once your "
        "account is deleted, anyone who checks their codes is told that there is no such "
        "certificate. Keep the PDFs if you need them, but they can no longer be checked "
        "online.",
        len(titles),
    ) % {
        "count": len(titles),
        # Quoted as the language quotes: „…“ in German.
        "courses": ", ".join(gettext("“%(course)s”") % {"course": title} for title in titles),
    }
