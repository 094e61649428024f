from django import template

register = template.Library()


@register.simple_tag
def answer_of(answers, question):
    """The index of the chosen option of a question, or None."""
    return answers.get(question["id"])
