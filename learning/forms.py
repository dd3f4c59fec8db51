"""Forms for learners: sign-up, study settings, the cards browser's filters, and card reports."""

import zoneinfo

from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.models import User
from django.db.models import Count, Q, QuerySet

from content.models import Topic
from content.stored_pages import stored
from learning.models import StudySettings


class SignUpForm(UserCreationForm):
    email = forms.EmailField(required=True, help_text="For password resets; never shown to others.")

    class Meta:
        model = User
        fields = ("username", "email")

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("An account with this email already exists.")
        return email


# Study: the learner's scheduling settings, the cards browser's filters, and card reports.


def topics_with_cards() -> QuerySet[Topic]:
    """Topics that have active cards, in catalog order, each with `active_cards`."""
    return (
        Topic.objects.annotate(active_cards=Count("cards", filter=Q(cards__retired=False)))
        .filter(active_cards__gt=0)
        .order_by("category_order", "category", "order", "name")
    )


def time_zone_choices() -> list:
    """Every zone zoneinfo knows, grouped by region for the select (Europe: Europe/Paris, ...), UTC first."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for name in sorted(zoneinfo.available_timezones() - {"UTC"}):
        region, _, place = name.partition("/")
        # The full name as the label: a closed select shows only the option, not its group.
        groups.setdefault(region if place else "Other", []).append((name, name.replace("_", " ")))
    other = groups.pop("Other", [])
    return [("UTC", "UTC"), *groups.items(), *([("Other", other)] if other else [])]


class DeckTopicField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, topic) -> str:
        return topic.name


class StudySettingsForm(forms.ModelForm):
    desired_retention = forms.FloatField(
        min_value=0.70,
        max_value=0.97,
        label="Desired retention",
        widget=forms.NumberInput(attrs={"step": "0.01"}),
        help_text="How likely you want to be to remember a card when it comes due: 0.90 means 9 in 10. "
        "Higher means more reviews each day.",
        error_messages={
            "min_value": "Desired retention must be between 0.70 and 0.97.",
            "max_value": "Desired retention must be between 0.70 and 0.97.",
            "invalid": "Enter a number between 0.70 and 0.97, such as 0.90.",
        },
    )
    new_per_day = forms.IntegerField(
        min_value=0,
        max_value=500,
        label="New cards per day",
        error_messages={
            "min_value": "New cards per day must be between 0 and 500.",
            "max_value": "New cards per day must be between 0 and 500.",
        },
    )
    max_reviews_per_day = forms.IntegerField(
        min_value=0,
        max_value=5000,
        label="Maximum reviews per day",
        help_text="Reviews past this limit wait for the next day.",
        error_messages={
            "min_value": "Maximum reviews per day must be between 0 and 5000.",
            "max_value": "Maximum reviews per day must be between 0 and 5000.",
        },
    )
    day_starts_hour = forms.TypedChoiceField(
        coerce=int,
        label="The day starts at",
        choices=[(h, f"{h:02d}:00") for h in range(24)],
        help_text="Late-night reviews before this hour count towards the day before.",
        error_messages={"invalid_choice": "Choose an hour from 00:00 to 23:00."},
    )
    time_zone = forms.ChoiceField(
        choices=time_zone_choices,
        label="Time zone",
        error_messages={"invalid_choice": "Choose a time zone from the list."},
    )
    deck_topics = DeckTopicField(
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Topics in your deck",
        help_text="None ticked: every topic. Sub-topics have their own boxes.",
        error_messages={
            "invalid_choice": "Choose topics from the list: one you ticked has no cards any more.",
            "invalid_pk_value": "Choose topics from the list.",
        },
    )

    class Meta:
        model = StudySettings
        fields = (
            "desired_retention",
            "new_per_day",
            "max_reviews_per_day",
            "day_starts_hour",
            "time_zone",
            "deck_topics",
        )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["deck_topics"].queryset = topics_with_cards()
        if "desired_retention" in self.initial:
            self.initial["desired_retention"] = f"{self.initial['desired_retention']:.2f}"  # 0.90, not 0.9

    def clean_deck_topics(self) -> list[int]:
        return sorted(topic.pk for topic in self.cleaned_data["deck_topics"])


class CardFilterForm(forms.Form):
    """The cards browser's filters. Every field is optional: an empty form lists every active card."""

    STATES = [
        ("", "Any state"),
        ("new", "New"),
        ("learning", "Learning"),
        ("review", "Review"),
        ("suspended", "Suspended"),
        ("leech", "Leech"),
    ]
    DUE = [("", "Any time"), ("overdue", "Overdue"), ("today", "Due today"), ("later", "Later")]

    q = forms.CharField(
        required=False,
        max_length=200,
        label="Search",
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "Search fronts and backs"}),
    )
    topic = forms.ModelChoiceField(
        queryset=Topic.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label="All topics",
        label="Topic",
        error_messages={"invalid_choice": "No topic with cards has that name."},
    )
    state = forms.ChoiceField(choices=STATES, required=False, label="State")
    due = forms.ChoiceField(choices=DUE, required=False, label="Due")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = topics_with_cards().only("id", "slug", "name")

    def topic_choices(self) -> list[tuple[str, str]]:
        """The topic filter's options (the page writes them straight into its <select>): topics with active cards,
        which only an ingest changes, so stored per content version."""
        field = self.fields["topic"]
        return [
            ("", field.empty_label),
            *stored("card-filter-topics", lambda: list(field.queryset.values_list("slug", "name"))),
        ]

    def clean_q(self) -> str:
        return " ".join(self.cleaned_data["q"].split())


class CardReportForm(forms.Form):
    note = forms.CharField(
        max_length=1000,
        label="What is wrong with this card?",
        strip=True,
        widget=forms.Textarea(
            attrs={
                "rows": 3,
                "maxlength": 1000,
                "placeholder": "The answer is out of date: Glacier retrieval now takes…",
            }
        ),
        error_messages={
            "required": "Say what is wrong, so an instructor can fix it.",
            "max_length": "Keep it under 1000 characters (it has %(show_value)d).",
        },
    )
