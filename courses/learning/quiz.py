"""Grading a lesson's self-check quiz, on the server.

A question counts as right when the learner chose exactly its right answers (one for a
single-choice question, all right and no wrong ones for multiple choice). The score is
the share of right questions in whole per cent, rounded down, so that 80 % means at
least four of five; the quiz is passed when the score reaches the course's pass mark.
Answers are kept by the ids Wagtail gives every question and option, so that a
learner's last answers still fit when an editor reorders or adds options.
"""

from dataclasses import dataclass, field


def definition(block):
    """The quiz block of a lesson (a StreamField child) as plain data."""
    value = block.value
    return {
        "id": block.id,
        "heading": value.get("heading") or "",
        "intro": value.get("intro") or "",
        "questions": [
            {
                "id": question.id,
                "text": question.value["question"],
                "multiple": bool(question.value["multiple"]),
                "options": [
                    {
                        "id": option.id,
                        "text": option.value["text"],
                        "right": bool(option.value["right"]),
                        "feedback": option.value["feedback"] or "",
                    }
                    for option in question.value["options"].bound_blocks
                ],
            }
            for question in value["questions"].bound_blocks
        ],
    }


def field_name(question):
    return f"frage-{question['id']}"


def answers_from(data, quiz):
    """The chosen option ids per question id from a form (a QueryDict); unknown ids
    are dropped and a single-choice question keeps one answer at most."""
    answers = {}
    for question in quiz["questions"]:
        known = [option["id"] for option in question["options"]]
        chosen = [oid for oid in data.getlist(field_name(question)) if oid in known]
        chosen = list(dict.fromkeys(chosen))  # no doubles, in the order sent
        if not question["multiple"]:
            chosen = chosen[:1]
        if chosen:
            answers[question["id"]] = chosen
    return answers


def unanswered(quiz, answers):
    return [question for question in quiz["questions"] if not answers.get(question["id"])]


@dataclass
class GradedQuestion:
    question: dict
    chosen: list
    right: bool
    options: list = field(default_factory=list)  # (option, chosen?) pairs


@dataclass
class Grade:
    questions: list
    right: int
    total: int
    score: int  # per cent, rounded down
    pass_mark: int

    @property
    def passed(self):
        return self.total > 0 and self.score >= self.pass_mark


def grade(quiz, answers, pass_mark):
    graded = []
    for question in quiz["questions"]:
        chosen = list(answers.get(question["id"], []))
        right_ids = {option["id"] for option in question["options"] if option["right"]}
        graded.append(
            GradedQuestion(
                question=question,
                chosen=chosen,
                right=bool(right_ids) and set(chosen) == right_ids,
                options=[(option, option["id"] in chosen) for option in question["options"]],
            )
        )
    total = len(graded)
    right = sum(1 for question in graded if question.right)
    score = (100 * right) // total if total else 0
    return Grade(questions=graded, right=right, total=total, score=score, pass_mark=pass_mark)
