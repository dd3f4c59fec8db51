"""Forms for instructors: classes, joining one, assignments, editing a bank question, reporting a question."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q

from content.models import DOMAINS, Topic
from learning.roles import is_instructor
from quizzes.forms import TopicChoiceField, topics_with_questions
from quizzes.models import Assignment, Cohort, Membership, Question, tidy_join_code


class CohortForm(forms.Form):
    name = forms.CharField(
        max_length=120,
        label="Class name",
        error_messages={"required": "Give the class a name.", "max_length": "Keep the name under 120 characters."},
    )

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError("Give the class a name.")
        return name


class JoinForm(forms.Form):
    code = forms.CharField(
        max_length=40,
        label="Join code",
        error_messages={"required": "Type the join code."},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "placeholder": "ABCD-EFGH",
            }
        ),
    )

    def clean_code(self) -> Cohort:
        code = tidy_join_code(self.cleaned_data["code"])
        cohort = Cohort.objects.filter(join_code=code).first() if len(code) == 8 else None
        if cohort is None:
            raise forms.ValidationError(
                "No class has that code. Check it with your instructor: codes are 8 "
                "letters and digits, and a code stops working when it is replaced."
            )
        if cohort.archived:
            raise forms.ValidationError("That class is archived and no longer takes new learners.")
        return cohort


class CoInstructorForm(forms.Form):
    username = forms.CharField(
        max_length=150,
        label="Instructor's username",
        error_messages={"required": "Type the username of the instructor to add."},
    )

    def __init__(self, *args, cohort: Cohort, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.cohort = cohort

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        user = get_user_model().objects.filter(username__iexact=username).first()
        if user is None or not is_instructor(user):
            raise forms.ValidationError(
                f"There is no instructor called {username!r}. Ask an administrator to make them an instructor first."
            )
        if Membership.objects.filter(cohort=self.cohort, user=user, role=Membership.INSTRUCTOR).exists():
            raise forms.ValidationError(f"{user.username} already teaches this class.")
        return user


class QuestionIdsField(forms.Field):
    """Question ids picked in the bank: `questions=3&questions=5`, or one comma-separated value."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value) -> list[int]:
        values = value if isinstance(value, (list, tuple)) else ([value] if value else [])
        ids = []
        for item in values:
            for part in str(item).split(","):
                part = part.strip()
                if not part:
                    continue
                if not (part.isascii() and part.isdigit()):
                    raise forms.ValidationError("Questions are named by their numbers.")
                ids.append(int(part))
        return list(dict.fromkeys(ids))


DATETIME = {"type": "datetime-local"}


class AssignmentForm(forms.Form):
    """Build or edit an assignment. Questions are drawn from topics/domains once, or picked in the bank; once
    anyone has started it the question fields are disabled and only the dates and rules change."""

    DRAW, PICK = "draw", "pick"

    title = forms.CharField(max_length=160, error_messages={"required": "Give the assignment a title."})
    cohorts = forms.ModelMultipleChoiceField(
        queryset=Cohort.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Publish to",
        error_messages={
            "required": "Choose at least one class to publish to.",
            "invalid_choice": "Choose classes you teach.",
        },
    )
    how = forms.ChoiceField(
        choices=[(DRAW, "Draw from topics or exam domains"), (PICK, "Questions I picked")],
        initial=DRAW,
        widget=forms.RadioSelect,
        label="Questions",
    )
    topics = TopicChoiceField(
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose topics from the list."},
    )
    domains = forms.MultipleChoiceField(
        choices=list(DOMAINS.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Exam domains",
        error_messages={"invalid_choice": "Choose exam domains from the list."},
    )
    count = forms.IntegerField(
        min_value=1,
        max_value=100,
        initial=10,
        required=False,
        label="How many",
        error_messages={"min_value": "Ask at least 1 question.", "max_value": "Ask at most 100 questions."},
    )
    questions = QuestionIdsField(required=False)
    opens_at = forms.DateTimeField(
        label="Opens",
        widget=forms.DateTimeInput(attrs=DATETIME, format="%Y-%m-%dT%H:%M"),
        error_messages={"required": "Say when it opens.", "invalid": "Give the opening date and time."},
    )
    due_at = forms.DateTimeField(
        label="Due",
        widget=forms.DateTimeInput(attrs=DATETIME, format="%Y-%m-%dT%H:%M"),
        error_messages={"required": "Say when it is due.", "invalid": "Give the due date and time."},
    )
    late_until = forms.DateTimeField(
        label="Accept late work until",
        required=False,
        widget=forms.DateTimeInput(attrs=DATETIME, format="%Y-%m-%dT%H:%M"),
        help_text="Leave empty to close at the due date.",
        error_messages={"invalid": "Give the late cut-off as a date and time."},
    )
    time_limit_minutes = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=600,
        label="Time limit (minutes)",
        help_text="Leave empty for no limit.",
        error_messages={
            "min_value": "A time limit must be at least 1 minute (leave it empty for none).",
            "max_value": "A time limit can be at most 600 minutes.",
        },
    )
    attempts_allowed = forms.IntegerField(
        min_value=1,
        max_value=10,
        initial=1,
        label="Attempts allowed",
        error_messages={
            "min_value": "Allow at least 1 attempt.",
            "max_value": "Allow at most 10 attempts.",
            "required": "Say how many attempts are allowed.",
        },
    )
    show_answers = forms.ChoiceField(
        choices=Assignment.SHOW_ANSWERS,
        initial=Assignment.AFTER_SUBMIT,
        widget=forms.RadioSelect,
        label="Show answers and explanations",
    )

    def __init__(self, *args, user, locked: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["cohorts"].queryset = Cohort.objects.taught_by(user).filter(archived=False)
        self.fields["topics"].queryset = topics_with_questions()
        self.locked = locked
        if locked:
            for name in ("how", "topics", "domains", "count", "questions"):
                self.fields[name].disabled = True
                self.fields[name].required = False

    def clean(self) -> dict:
        data = super().clean()
        opens, due, late = data.get("opens_at"), data.get("due_at"), data.get("late_until")
        if opens and due and due <= opens:
            self.add_error("due_at", "The due date must be after the opening date.")
        if due and late and late <= due:
            self.add_error("late_until", "The late cut-off must be after the due date.")
        if self.locked or self.errors:
            return data
        if data.get("how") == self.PICK:
            ids = data.get("questions") or []
            if not ids:
                raise forms.ValidationError(
                    "Pick the questions in the question bank first (tick them, then "
                    "“New assignment with these”), or draw them from topics."
                )
            found = set(Question.objects.active().filter(pk__in=ids).values_list("pk", flat=True))
            if missing := [pk for pk in ids if pk not in found]:
                raise forms.ValidationError(
                    f"{len(missing)} of the picked questions are not in the bank any more "
                    "(disabled or retired); pick again."
                )
        else:
            count = data.get("count")
            if not count:
                self.add_error("count", "Say how many questions to draw.")
                return data
            available = self.pool().count()
            if count > available:
                self.add_error(
                    "count",
                    f"Only {available} question{'s' if available != 1 else ''} match that "
                    f"choice: ask for at most {available}, or choose more topics.",
                )
        return data

    def pool(self):
        data = self.cleaned_data
        topics, domains = data.get("topics") or [], data.get("domains") or []
        pool = Question.objects.active()
        if topics or domains:
            pool = pool.filter(Q(topic__in=topics) | Q(topic__parent__in=topics) | Q(domain__in=domains))
        return pool


class ChoiceEditForm(forms.Form):
    text = forms.CharField(max_length=300, error_messages={"required": "An option needs its text."})
    correct = forms.BooleanField(required=False)
    explanation = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        error_messages={"required": "Say why this option is right or wrong."},
    )


class QuestionEditForm(forms.Form):
    stem = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": "The question needs its stem."},
    )


ChoiceFormSet = forms.formset_factory(
    ChoiceEditForm, extra=0, min_num=2, validate_min=True, max_num=8, validate_max=True
)


def check_key(question: Question, formset) -> str | None:
    """The number of right options must fit the question's kind: exactly one, or exactly two for 'Select TWO'."""
    right = sum(1 for f in formset.forms if f.cleaned_data.get("correct"))
    wanted = question.answer_count
    if right != wanted:
        return f"Mark exactly {'two options' if wanted == 2 else 'one option'} as right (you marked {right})."
    return None


class ReportForm(forms.Form):
    note = forms.CharField(
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Say what is wrong with the question.",
            "max_length": "Keep the report under 1,000 characters.",
        },
    )
