"""Forms for quizzes: what to practise, how many questions, and one answer."""

from __future__ import annotations

from itertools import groupby
from operator import itemgetter

from django import forms
from django.db.models import Count, Q, QuerySet

from content.models import DOMAINS, Topic
from quizzes.models import Question

COUNT_HELP = "Between 5 and 50."


def topics_with_questions() -> QuerySet[Topic]:
    """Topics that have active questions, in catalog order, each with `active_questions` (counted live, not
    the ingest's stored `question_count`, so a question retired or edited since shows at once)."""
    offered = Q(questions__retired=False, questions__disabled=False)
    return (
        Topic.objects.annotate(active_questions=Count("questions", filter=offered))
        .filter(active_questions__gt=0)
        .order_by("category_order", "order")
    )


def count_field(initial: int = 10) -> forms.IntegerField:
    message = "Choose between 5 and 50 questions."
    return forms.IntegerField(
        min_value=5,
        max_value=50,
        initial=initial,
        label="Questions",
        help_text=COUNT_HELP,
        widget=forms.NumberInput(attrs={"min": 5, "max": 50}),
        error_messages={"min_value": message, "max_value": message, "required": message, "invalid": message},
    )


class TopicChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, topic) -> str:
        return topic.name


class PracticeForm(forms.Form):
    """Practice by topic and/or exam domain: a question from any ticked topic or domain may come up."""

    topics = TopicChoiceField(
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Topics",
        error_messages={"invalid_choice": "Choose topics from the list."},
    )
    domains = forms.MultipleChoiceField(
        choices=list(DOMAINS.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Exam domains",
        error_messages={"invalid_choice": "Choose exam domains from the list."},
    )
    count = count_field()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = topics_with_questions()

    def topic_groups(self) -> list[dict]:
        """The topic checkboxes by category, as plain data the page renders straight into <input>s: with 80-odd
        topics, Django's widget template per checkbox cost the quizzes page most of its time (bench/pages.py)."""
        checked = {str(value) for value in (self["topics"].value() or [])}
        auto_id = self["topics"].auto_id
        rows = self.fields["topics"].queryset.only(
            "id", "name", "category_name", "parent_id", "category_order", "order"
        )
        boxes = [
            {
                "id": f"{auto_id}_{index}",
                "value": topic.pk,
                "name": topic.name,
                "sub": topic.parent_id,
                "questions": topic.active_questions,
                "checked": str(topic.pk) in checked,
                "group": topic.category_name,
            }
            for index, topic in enumerate(rows)
        ]
        return [{"name": name, "topics": list(group)} for name, group in groupby(boxes, key=itemgetter("group"))]

    def domain_boxes(self) -> list[dict]:
        checked = set(self["domains"].value() or [])
        auto_id = self["domains"].auto_id
        return [
            {"id": f"{auto_id}_{index}", "value": key, "name": name, "checked": key in checked}
            for index, (key, name) in enumerate(self.fields["domains"].choices)
        ]

    def clean(self) -> dict:
        data = super().clean()
        if self.errors:
            return data
        pool = Question.objects.active()
        topics, domains = data.get("topics") or [], data.get("domains") or []
        if topics or domains:
            pool = pool.filter(Q(topic__in=topics) | Q(topic__parent__in=topics) | Q(domain__in=domains))
        if not pool.exists():
            raise forms.ValidationError("There are no questions for that choice yet.")
        return data


class DueForm(forms.Form):
    count = count_field()

    def __init__(self, *args, **kwargs):
        # The practice form on the same page has a `count` too: its own ids keep the page's ids unique.
        kwargs.setdefault("auto_id", "due_%s")
        super().__init__(*args, **kwargs)


class IdListField(forms.Field):
    """Several integer ids from one repeated form field (`choice=3&choice=5`)."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value) -> list[int]:
        values = value or []
        if not all(str(v).isascii() and str(v).isdigit() for v in values):
            raise forms.ValidationError("That option is not one of this question's options.")
        return [int(v) for v in values]


class AnswerForm(forms.Form):
    """One slot's answer. Where to go next: `next`, `prev`, `review`, `mark`, `unmark`, or a position."""

    NAVIGATION = {"", "stay", "next", "prev", "review", "mark", "unmark"}

    position = forms.IntegerField(
        min_value=1,
        error_messages={
            "required": "The answer names no question position.",
            "invalid": "The question position must be a number.",
            "min_value": "Question positions start at 1.",
        },
    )
    question = forms.IntegerField(
        error_messages={
            "required": "The answer names no question.",
            "invalid": "The question must be named by its number.",
        }
    )
    choice = IdListField(required=False)
    go = forms.CharField(required=False, max_length=10)

    def clean_go(self) -> str:
        go = self.cleaned_data["go"].strip()
        if go not in self.NAVIGATION and not (go.isascii() and go.isdigit()):
            raise forms.ValidationError("Unknown navigation: use next, prev, review, mark, unmark or a number.")
        return go or "stay"

    def first_error(self) -> str:
        return next(iter(self.errors.values()))[0]
