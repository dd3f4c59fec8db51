from django.urls import path

from quizzes import assignment_views, bank_views, class_views, views

app_name = "quizzes"
urlpatterns = [
    # Quizzes a learner takes on their own
    path("quizzes/", views.index, name="index"),
    path("quizzes/start/", views.start, name="start"),
    path("quizzes/attempts/<int:pk>/", views.attempt_detail, name="attempt"),
    path("quizzes/attempts/<int:pk>/answer/", views.answer, name="answer"),
    path("quizzes/attempts/<int:pk>/review/", views.review, name="review"),
    path("quizzes/attempts/<int:pk>/submit/", views.submit, name="submit"),
    path("quizzes/attempts/<int:pk>/results/", views.attempt_results, name="results"),
    path("quizzes/questions/<int:pk>/report/", bank_views.report_question, name="report_question"),
    # Classes (instructors), and joining one (learners)
    path("classes/", class_views.classes, name="classes"),
    path("classes/<int:pk>/", class_views.class_detail, name="class"),
    path("classes/<int:pk>/rename/", class_views.rename_class, name="rename_class"),
    path("classes/<int:pk>/archive/", class_views.archive_class, name="archive_class"),
    path("classes/<int:pk>/code/", class_views.regenerate_code, name="regenerate_code"),
    path("classes/<int:pk>/instructors/", class_views.add_instructor, name="add_instructor"),
    path("classes/<int:pk>/learners/<int:user_id>/remove/", class_views.remove_learner, name="remove_learner"),
    path("classes/<int:pk>/progress/", class_views.class_progress_view, name="class_progress"),
    path("join/", class_views.join, name="join"),
    # Assignments
    path("assignments/", assignment_views.assignment_list, name="assignments"),
    path("assignments/new/", assignment_views.new_assignment, name="new_assignment"),
    path("assignments/<int:pk>/", assignment_views.assignment_detail, name="assignment"),
    path("assignments/<int:pk>/start/", assignment_views.start, name="start_assignment"),
    path("assignments/<int:pk>/edit/", assignment_views.edit_assignment, name="edit_assignment"),
    path("assignments/<int:pk>/gradebook/", assignment_views.gradebook_view, name="gradebook"),
    path("assignments/<int:pk>/gradebook.csv", assignment_views.gradebook_csv, name="gradebook_csv"),
    path("assignments/<int:pk>/gradebook/<int:user_id>/", assignment_views.learner_answers, name="learner_answers"),
    path("assignments/<int:pk>/items/", assignment_views.item_analysis, name="items"),
    # The question bank (instructors)
    path("bank/", bank_views.bank, name="bank"),
    path("bank/<int:pk>/", bank_views.bank_question, name="bank_question"),
    path("bank/<int:pk>/edit/", bank_views.edit_question, name="edit_question"),
    path("bank/<int:pk>/disable/", bank_views.disable_question, name="disable_question"),
    path("bank/reports/<int:pk>/resolve/", bank_views.resolve_question_report, name="resolve_question_report"),
]
