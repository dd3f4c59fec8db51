"""The export page's form: which topics, in which format."""

from django import forms

from learning.export import FORMATS
from learning.forms import DeckTopicField, topics_with_cards


class CardExportForm(forms.Form):
    format = forms.ChoiceField(
        choices=[(value, label) for value, (label, _type) in FORMATS.items()],
        initial="apkg",
        widget=forms.RadioSelect,
        label="Format",
        error_messages={
            "required": "Choose a format: Anki package or CSV.",
            "invalid_choice": "Choose a format from the list: Anki package or CSV.",
        },
    )
    topics = DeckTopicField(
        queryset=topics_with_cards(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Topics",
        error_messages={
            "invalid_choice": "Choose topics from the list: one you ticked has no cards any more.",
            "invalid_pk_value": "Choose topics from the list.",
        },
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = topics_with_cards().select_related("parent")
