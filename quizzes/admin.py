"""Admin for questions (instructors fix wording; ingest then leaves the text alone) and for attempts."""

from django.contrib import admin

from quizzes.models import Attempt, Choice, Question, QuestionState, Response


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 0
    fields = ("position", "text", "correct", "explanation", "quote", "retired")


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ("stem", "kind", "topic", "domain", "family", "retired", "edited")
    list_filter = ("kind", "domain", "retired", "edited")
    search_fields = ("stem", "family", "requirement", "key")
    raw_id_fields = ("topic",)
    filter_horizontal = ("related_cards",)
    readonly_fields = ("key", "family", "requirement", "refs", "updated_at")
    inlines = [ChoiceInline]

    def save_model(self, request, obj, form, change):
        obj.edited = True  # an instructor's wording survives the next ingest
        super().save_model(request, obj, form, change)


class ResponseInline(admin.TabularInline):
    model = Response
    extra = 0
    can_delete = False
    fields = ("position", "question", "chosen", "correct", "marked", "answered_at")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Attempt)
class AttemptAdmin(admin.ModelAdmin):
    list_display = ("__str__", "mode", "started_at", "submitted_at", "score", "scaled_score")
    list_filter = ("mode",)
    search_fields = ("user__username",)
    raw_id_fields = ("user",)
    readonly_fields = ("question_ids", "settings")
    inlines = [ResponseInline]


@admin.register(QuestionState)
class QuestionStateAdmin(admin.ModelAdmin):
    list_display = ("user", "question", "state", "due", "reps", "lapses")
    search_fields = ("user__username",)
    raw_id_fields = ("user", "question")
