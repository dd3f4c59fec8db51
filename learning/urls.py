from django.urls import path

from learning import card_views, export_views, settings_views, views

app_name = "learning"
urlpatterns = [
    path("review/", views.review, name="review"),
    path("review/rate/", views.rate, name="rate"),
    path("review/undo/", views.undo, name="undo"),
    path("dashboard/", views.dashboard, name="dashboard"),
    # Study settings
    path("settings/study/", settings_views.study_settings, name="study_settings"),
    # Cards: the learner's browser, one card with their own state and history, and problem reports
    path("cards/", card_views.card_list, name="cards"),
    path("cards/<int:pk>/", card_views.card_detail, name="card"),
    path("cards/<int:pk>/suspend/", card_views.suspend_card, name="suspend_card"),
    path("cards/<int:pk>/unsuspend/", card_views.unsuspend_card, name="unsuspend_card"),
    path("cards/<int:pk>/bury/", card_views.bury_card, name="bury_card"),
    path("cards/<int:pk>/reset/", card_views.reset_card, name="reset_card"),
    path("cards/<int:pk>/report/", card_views.report_card, name="report_card"),
    path("cards/reports/", card_views.card_reports, name="card_reports"),
    path("cards/reports/<int:pk>/resolve/", card_views.resolve_report, name="resolve_report"),
    # Export: cards to Anki or CSV; the learner's own history and settings
    path("cards/export/", export_views.export_cards, name="export_cards"),
    path("settings/data/history.csv", export_views.export_history, name="export_history"),
    path("settings/data/settings.json", export_views.export_settings, name="export_settings"),
]
