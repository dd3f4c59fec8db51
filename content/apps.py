from django.apps import AppConfig


class ContentConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "content"

    def ready(self) -> None:
        from content import checks  # noqa: F401, PLC0415  (registers the data-file checks)
