"""The blocks a lesson is built from: the shared text, video and downloads blocks, and the
course's own reflection task and self-check quiz.

Quizzes and reflection tasks are forms a learner sends. Their templates read the
learner's state from the lesson page's context (``quiz`` and ``reflections``, see
``LessonPage.get_context``); the blocks themselves hold only what editors write.
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from cms.blocks import DownloadsBlock, VideoBlock


class ReflectionBlock(blocks.StructBlock):
    """A question the learner answers in their own words; only they see the answer."""

    prompt = blocks.TextBlock(
        label=_("Task"),
        max_length=600,
        help_text=_("What the learner thinks about and writes down, e.g. a question."),
    )
    hint = blocks.TextBlock(
        label=_("Hint"),
        required=False,
        max_length=400,
        help_text=_("Optional: how to go about it, or what a good answer looks at."),
    )

    class Meta:
        icon = "edit"
        label = _("Reflection task")
        template = "courses/blocks/reflection.html"


class QuizOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=300)
    right = blocks.BooleanBlock(label=_("This answer is right"), required=False)
    feedback = blocks.TextBlock(
        label=_("Feedback"),
        required=False,
        max_length=600,
        help_text=_("Shown after sending to whoever chose this answer: why it is right or not."),
    )

    class Meta:
        icon = "radio-full"
        label = _("Answer option")


class QuizQuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=300)
    multiple = blocks.BooleanBlock(
        label=_("Several answers can be right"),
        required=False,
        help_text=_(
            "Learners then tick boxes and must choose exactly the right answers; "
            "otherwise they choose one answer."
        ),
    )
    options = blocks.ListBlock(QuizOptionBlock(), label=_("Answer options"), min_num=2)

    def clean(self, value):
        value = super().clean(value)
        if self.is_deferred_validation:  # a draft may be unfinished
            return value
        right = [n for n, option in enumerate(value["options"]) if option["right"]]
        if not right:
            raise StructBlockValidationError(
                block_errors={
                    "options": ListBlockValidationError(
                        non_block_errors=ErrorList(
                            [ValidationError(_("Mark at least one answer as right."))]
                        )
                    )
                }
            )
        if len(right) > 1 and not value["multiple"]:
            message = _(
                "Only one answer can be right here. Untick the others, or allow several "
                "right answers."
            )
            raise StructBlockValidationError(
                block_errors={
                    "options": ListBlockValidationError(
                        block_errors={
                            n: StructBlockValidationError(
                                block_errors={"right": ValidationError(message)}
                            )
                            for n in right[1:]
                        }
                    )
                }
            )
        return value

    class Meta:
        icon = "help"
        label = _("Question")


class QuizBlock(blocks.StructBlock):
    """A self-check: questions with single or multiple choice and feedback per answer.
    Passing it (with the course's minimum score) finishes the lesson."""

    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=120,
        help_text=_("Leave empty for “Self-check”."),
    )
    intro = blocks.TextBlock(label=_("Introduction"), required=False, max_length=400)
    questions = blocks.ListBlock(QuizQuestionBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "tasks"
        label = _("Self-check quiz")
        template = "courses/blocks/quiz.html"


class LessonStreamBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(label=_("Text"), template="blocks/rich_text.html", icon="doc-full")
    video = VideoBlock()
    downloads = DownloadsBlock()
    reflection = ReflectionBlock()
    quiz = QuizBlock()

    class Meta:
        # One quiz per lesson: its score is the lesson's, and passing it finishes the lesson.
        block_counts = {"quiz": {"max_num": 1}}
