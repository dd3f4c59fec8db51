"""The question bank for instructors: search and filter, preview as a learner sees it, edit, disable, and the
figures of every question across all attempts. Learners report problems with a question from their results."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from content.models import DOMAINS, Topic
from content.stored_pages import bump_content_version
from quizzes.class_forms import ChoiceFormSet, QuestionEditForm, ReportForm, check_key
from quizzes.class_views import require_instructor
from quizzes.gradebook import bank_items, flagged_question_ids
from quizzes.models import Choice, Question, QuestionReport

QUESTIONS_PER_PAGE = 40
FLAGS = {"flagged": "Flagged by the figures", "edited": "Edited", "disabled": "Disabled", "reported": "Reported"}


# Access: the bank is shared course content; instructors read and edit all of it, learners none of it.


def get_question_for_instructor(user, pk: int) -> Question:
    require_instructor(user)
    return get_object_or_404(Question.objects.select_related("topic"), pk=pk)


def get_open_question_report(user, pk: int) -> QuestionReport:
    require_instructor(user)
    return get_object_or_404(QuestionReport.objects.select_related("question"), pk=pk, resolved=False)


def get_reportable_question(user, pk: int) -> Question:
    """A learner reports a question they were asked: one in an attempt of theirs, else 404."""
    return get_object_or_404(Question.objects.filter(responses__attempt__user=user).distinct(), pk=pk)


def bank_filters(request: HttpRequest) -> dict:
    get = request.GET
    return {
        "q": get.get("q", "").strip()[:200],
        "topic": get.get("topic", ""),
        "family": get.get("family", ""),
        "domain": get.get("domain", ""),
        "flag": get.get("flag", ""),
    }


@login_required
@require_GET
def bank(request: HttpRequest) -> HttpResponse:
    require_instructor(request.user)
    filters = bank_filters(request)
    if "\x00" in "".join(filters.values()):
        return HttpResponse("Search text cannot hold a NUL byte.", status=400, content_type="text/plain")
    questions = (
        Question.objects.filter(retired=False)
        .select_related("topic")
        .annotate(open_reports=Count("reports", filter=Q(reports__resolved=False)))
        .order_by("topic__category_order", "topic__order", "family", "pk")
    )
    if filters["q"]:
        text = filters["q"]
        questions = questions.filter(Q(stem__icontains=text) | Q(choices__text__icontains=text)).distinct()
    if filters["topic"]:
        questions = questions.filter(Q(topic__slug=filters["topic"]) | Q(topic__parent__slug=filters["topic"]))
    if filters["family"]:
        questions = questions.filter(family=filters["family"])
    if filters["domain"] in DOMAINS:
        questions = questions.filter(domain=filters["domain"])
    flag = filters["flag"]
    if flag == "flagged":
        questions = questions.filter(pk__in=flagged_question_ids())
    elif flag == "edited":
        questions = questions.filter(edited=True)
    elif flag == "disabled":
        questions = questions.filter(disabled=True)
    elif flag == "reported":
        questions = questions.filter(reports__resolved=False).distinct()
    page = Paginator(questions, QUESTIONS_PER_PAGE).get_page(request.GET.get("page"))
    rows = list(page.object_list)
    figures = bank_items([q.pk for q in rows])
    for question in rows:
        question.figures = figures.get(question.pk)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "quizzes/bank.html",
        {
            "page": page,
            "rows": rows,
            "filters": filters,
            "query": query.urlencode(),
            "flags": FLAGS,
            "domains": DOMAINS,
            "topics": Topic.objects.filter(questions__retired=False)
            .distinct()
            .order_by("category_order", "order")
            .values_list("slug", "name"),
            "families": Question.objects.filter(retired=False)
            .order_by("family")
            .values_list("family", flat=True)
            .distinct(),
            "total": page.paginator.count,
        },
    )


@login_required
@require_GET
def bank_question(request: HttpRequest, pk: int) -> HttpResponse:
    """One question as a learner sees it, then its key, explanations, figures and open reports."""
    question = get_question_for_instructor(request.user, pk)
    choices = list(question.choices.order_by("position", "pk"))
    offered = [c for c in choices if not c.retired]
    for index, choice in enumerate(offered):
        choice.letter = chr(65 + index)
    figures = bank_items([question.pk]).get(question.pk)
    if figures is not None:
        for choice in offered:
            choice.share = round(100 * figures.pick_share(choice.pk))
    return render(
        request,
        "quizzes/bank_question.html",
        {
            "question": question,
            "choices": offered,
            "figures": figures,
            "domain_name": DOMAINS.get(question.domain, question.domain),
            "reports": question.reports.filter(resolved=False).select_related("user"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_question(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit the stem, options and explanations. The question is marked edited, so ingest leaves it alone."""
    question = get_question_for_instructor(request.user, pk)
    choices = list(question.choices.offered().order_by("position", "pk"))
    initial = [{"text": c.text, "correct": c.correct, "explanation": c.explanation} for c in choices]
    if request.method == "POST":
        form = QuestionEditForm(request.POST)
        formset = ChoiceFormSet(request.POST, initial=initial)
        key_error = None
        if form.is_valid() and formset.is_valid():
            if formset.total_form_count() != len(choices):
                return HttpResponse(
                    "The form does not match this question's options; reload the page.",
                    status=400,
                    content_type="text/plain",
                )
            key_error = check_key(question, formset)
            if key_error is None:
                save_question(question, choices, form.cleaned_data["stem"], [f.cleaned_data for f in formset.forms])
                messages.success(
                    request,
                    "Saved. This question is marked edited: ingesting the notes again leaves your wording alone.",
                )
                return redirect("quizzes:bank_question", pk=question.pk)
        status = 400
    else:
        form = QuestionEditForm(initial={"stem": question.stem})
        formset = ChoiceFormSet(initial=initial)
        key_error, status = None, 200
    for choice_form, choice in zip(formset.forms, choices, strict=False):  # a tampered count shows its 400
        choice_form.choice = choice
    return render(
        request,
        "quizzes/bank_edit.html",
        {"question": question, "form": form, "formset": formset, "key_error": key_error},
        status=status,
    )


@transaction.atomic
def save_question(question: Question, choices: list[Choice], stem: str, rows: list[dict]) -> None:
    question.stem = stem.strip()
    question.edited = True
    question.save(update_fields=["stem", "edited", "updated_at"])
    for choice, row in zip(choices, rows, strict=True):
        choice.text, choice.correct, choice.explanation = row["text"].strip(), row["correct"], row["explanation"]
    Choice.objects.bulk_update(choices, ["text", "correct", "explanation"])


@login_required
@require_POST
def disable_question(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_question_for_instructor(request.user, pk)
    value = request.POST.get("disabled", "1")
    if value not in ("0", "1"):
        return HttpResponse("disabled must be 1 or 0.", status=400, content_type="text/plain")
    question.disabled = value == "1"
    question.save(update_fields=["disabled", "updated_at"])
    transaction.on_commit(bump_content_version)  # the quizzes page's stored topic counts and exam plan change
    messages.success(
        request,
        "Disabled: no new quiz or assignment will draw it; past answers keep it."
        if question.disabled
        else "Back in the bank.",
    )
    return redirect("quizzes:bank_question", pk=question.pk)


# Reports


@login_required
@require_POST
def report_question(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_reportable_question(request.user, pk)
    form = ReportForm(request.POST)
    back = request.POST.get("next", "")
    if not form.is_valid():
        messages.error(request, form.errors["note"][0])
    else:
        QuestionReport.objects.create(
            question=question, user=request.user, note=form.cleaned_data["note"], created_at=timezone.now()
        )
        messages.success(request, "Thank you: an instructor will look at this question.")
    if request.htmx:
        return render(request, "quizzes/_report_done.html", {"ok": form.is_valid(), "form": form, "question": question})
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("quizzes:index")


@login_required
@require_POST
def resolve_question_report(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_open_question_report(request.user, pk)
    report.resolved = True
    report.save(update_fields=["resolved"])
    if request.htmx:
        return HttpResponse("")
    messages.success(request, f"Resolved the report on “{report.question.stem[:60]}”.")
    return redirect("learning:card_reports")
