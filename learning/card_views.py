"""The learner's cards: a browser with filters, one card with their own state and history, and problem reports."""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from datetime import UTC, datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.dates import MONTHS_3
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers
from fsrs import State

from learning.forms import CardFilterForm, CardReportForm
from learning.models import CardReport, CardState, Flashcard, ReviewLog, StudySettings
from learning.queue import format_interval
from learning.roles import is_instructor
from learning.views import get_card
from quizzes.models import QuestionReport

CARDS_PER_PAGE = 50
LEARNING = (State.Learning.value, State.Relearning.value)


# Access: cards are shared content (learning.views.get_card: any active card, else 404); a learner's state and
# history are only ever read for request.user; reports are for instructors only.


def require_instructor(user) -> None:
    if not is_instructor(user):
        raise PermissionDenied("Only instructors handle card reports.")


def get_open_report(user, pk: int) -> CardReport:
    """Instructors act on open reports: 403 for anyone else, 404 for an unknown or resolved report."""
    require_instructor(user)
    return get_object_or_404(CardReport.objects.select_related("card"), pk=pk, resolved=False)


# The cards browser's filters. The rules that change a learner's cards (suspend, unsuspend, bury, reset) are
# CardState's methods (learning/models.py).

# The cards browser's query, in SQL: built with the ORM (a filtered relation, seven annotations, a window count)
# it cost more to compile than to run. Each filter is one condition on the card `c`, its topic `t` and the
# learner's state `s` (no row: the card is new to them).
LISTED_CARDS_SQL = """
SELECT c.id, c.front, t.name, s.state, s.due, s.lapses, s.reps, s.suspended, s.leech, COUNT(*) OVER () AS total
  FROM learning_flashcard c JOIN content_topic t ON t.id = c.topic_id
  LEFT JOIN learning_cardstate s ON s.card_id = c.id AND s.user_id = %(user)s
 WHERE NOT c.retired{conditions}
 ORDER BY {order}
 LIMIT %(limit)s OFFSET %(offset)s
"""
STARTED = "s.reps > 0"
STATE_CONDITIONS = {
    "": "",
    "new": "(s.reps IS NULL OR s.reps = 0)",
    "learning": f"{STARTED} AND s.state IN ({', '.join(str(v) for v in LEARNING)})",
    "review": f"{STARTED} AND s.state = {State.Review.value}",
    "suspended": "s.suspended",
    "leech": "s.leech",
}
DUE_CONDITIONS = {  # a suspended card is not coming up at all, whatever its date says
    "overdue": "s.due < %(day_start)s",
    "today": "s.due >= %(day_start)s AND s.due < %(day_end)s",
    "later": "s.due >= %(day_end)s",
}


@dataclass
class ListedCard:
    pk: int
    front: str
    topic_name: str
    my_state: int | None
    my_due: datetime | None
    my_lapses: int | None
    my_reps: int | None
    my_suspended: bool | None
    my_leech: bool | None


def listed_cards(
    user, *, q: str, topic, state: str, due: str, day_start: datetime, day_end: datetime, page: int, per_page: int
) -> tuple[list[ListedCard], int]:
    """One page of the learner's active cards under these filters, and how many match in all."""
    conditions = []
    params = {
        "user": user.pk,
        "limit": per_page,
        "offset": (page - 1) * per_page,
        "day_start": connection.ops.adapt_datetimefield_value(day_start),
        "day_end": connection.ops.adapt_datetimefield_value(day_end),
    }
    if q:
        # As icontains: the words anywhere in the front or the back, % and _ taken literally.
        params["q"] = f"%{connection.ops.prep_for_like_query(q)}%"
        conditions.append("(UPPER(c.front) LIKE UPPER(%(q)s) OR UPPER(c.back) LIKE UPPER(%(q)s))")
    if topic is not None:
        params["topic"] = topic.pk
        conditions.append("(c.topic_id = %(topic)s OR t.parent_id = %(topic)s)")
    if STATE_CONDITIONS[state]:
        conditions.append(STATE_CONDITIONS[state])
    if due:
        conditions.append(f"{STARTED} AND NOT s.suspended AND {DUE_CONDITIONS[due]}")
    sql = LISTED_CARDS_SQL.format(
        conditions="".join(f" AND {c}" for c in conditions),
        order="s.due, c.position, c.id" if due else "c.position, c.id",
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    total = rows[0][-1] if rows else 0
    return [
        ListedCard(pk, front, name, state_, as_datetime(due_at), lapses, reps, suspended, leech)
        for pk, front, name, state_, due_at, lapses, reps, suspended, leech, _ in rows
    ], total


def as_datetime(value) -> datetime | None:
    """A raw cursor's timestamp (SQLite hands back text) as an aware datetime."""
    if value is None or isinstance(value, datetime):
        return value
    return parse_datetime(value).replace(tzinfo=UTC)


def page_of_cards(user, filters: dict, number, per_page: int) -> Page:
    """The page as Paginator.get_page picks it (no number: the first; out of range: the last), its rows and
    the total read in one query."""
    try:
        number = int(number or 1)
    except (TypeError, ValueError):
        number = 1
    rows, total = listed_cards(user, **filters, page=number, per_page=per_page) if number >= 1 else ([], 0)
    paginator = Paginator([], per_page)
    if not rows and number != 1:  # out of range: count, then the last page
        total = listed_cards(user, **filters, page=1, per_page=1)[1]
        paginator.count = total
        number = paginator.num_pages
        rows = listed_cards(user, **filters, page=number, per_page=per_page)[0] if total else []
    paginator.count = total  # a cached_property: set, it is not counted again
    return Page(rows, number, paginator)


FRONT_CHARS = 160
STATE_BADGES = {
    State.Review.value: '<span class="state state-review">Review</span>',
    State.Relearning.value: '<span class="state state-learning">Relearning</span>',
    State.Learning.value: '<span class="state state-learning">Learning</span>',
}
NEW_BADGE = '<span class="state state-new">New</span>'
FLAG_BADGES = {
    "leech": '\n<span class="state state-leech">Leech</span>',
    "suspended": '\n<span class="state state-suspended">Suspended</span>',
}
DASH = '<span class="muted">—</span>'
ROW = (
    '<tr data-card="{pk}"><td class="front-cell" data-label="Front"><a href="{base}{pk}/">{front}</a></td>'
    '<td data-label="Topic" class="small">{topic}</td><td data-label="State">{state}</td>'
    '<td data-label="Due" class="small">{due}</td><td data-label="Lapses" class="num">{lapses}</td></tr>\n'
)


def card_rows(cards, *, now: datetime, day_start: datetime, day_end: datetime, time_zone: str) -> SafeString:
    """The cards table's rows: each card's link, topic, state badges, due date (in the learner's time zone) and
    lapses. Written here in one pass: as template conditions, filters and a URL lookup per row they were most of
    the page's time for 50 rows (bench/pages.py)."""
    zone = zoneinfo.ZoneInfo(time_zone)
    base = reverse("learning:card", args=[0])[:-2]  # "/cards/"
    months = [""] + [str(MONTHS_3[m]).title() for m in range(1, 13)]  # as the date filter's "M"
    out = []
    for card in cards:
        started = bool(card.my_reps)
        state = STATE_BADGES.get(card.my_state, STATE_BADGES[State.Learning.value]) if started else NEW_BADGE
        if card.my_leech:
            state += FLAG_BADGES["leech"]
        elif card.my_suspended:
            state += FLAG_BADGES["suspended"]
        due = card.my_due.astimezone(zone) if started and card.my_due else None
        if due is None:
            due_html = DASH
        elif card.my_suspended:
            due_html = '<span class="muted">not while suspended</span>'
        elif due < day_start:
            due_html = f'<span class="overdue">overdue since {due.day} {months[due.month]}</span>'
        elif due <= now:
            due_html = '<span class="due-now">now</span>'
        elif due < day_end:
            due_html = f"today {due:%H:%M}"
        else:
            due_html = f"{due.day} {months[due.month]} {due.year}"
        # As truncatechars:160 cuts it, without its per-character pass.
        front = card.front if len(card.front) <= FRONT_CHARS else card.front[: FRONT_CHARS - 1] + "…"
        out.append(
            ROW.format(
                pk=card.pk,
                base=base,
                front=escape(front),
                topic=escape(card.topic_name),
                state=state,
                due=due_html,
                lapses=card.my_lapses if started else DASH,
            )
        )
    return mark_safe("".join(out))  # noqa: S308 - fixed markup; the card's and topic's text escaped above


def review_history(user, card: Flashcard) -> list[dict]:
    """The learner's own ratings of this card, newest first, with the interval each one scheduled."""
    rows = []
    for log in ReviewLog.objects.filter(user=user, card=card).order_by("-reviewed_at", "-pk"):
        due = log.state_after.get("due")
        interval = format_interval(datetime.fromisoformat(due) - log.reviewed_at) if due else ""
        rows.append(
            {
                "when": log.reviewed_at,
                "rating": log.rating,
                "label": log.get_rating_display(),
                "interval": interval,
                "duration": f"{log.duration_ms / 1000:.1f}s" if log.duration_ms is not None else "",
                "lapse": log.rating == 1 and log.before_state == State.Review.value,
            }
        )
    return rows


# Pages


@login_required
@vary_on_headers("HX-Request")
def card_list(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    study = StudySettings.for_user(request.user)
    day_start, day_end = study.day_bounds(now)
    form = CardFilterForm(request.GET)
    page, status = None, 200
    if form.is_valid():
        page = page_of_cards(
            request.user,
            {**form.cleaned_data, "day_start": day_start, "day_end": day_end},
            request.GET.get("page"),
            CARDS_PER_PAGE,
        )
    else:
        status = 400  # only a hand-made URL gets here: the form offers valid choices only
    partial = request.htmx and not request.htmx.history_restore_request
    rows = (
        card_rows(page.object_list, now=now, day_start=day_start, day_end=day_end, time_zone=study.time_zone)
        if page is not None
        else ""
    )
    context = {
        "form": form,
        "topic_choices": [] if partial else form.topic_choices(),
        "page": page,
        "rows": rows,
        "study": study,
        "now": now,
        "day_start": day_start,
        "day_end": day_end,
        "filtered": any(request.GET.get(name) for name in form.fields),
    }
    return render(
        request, "learning/cards.html#card-results" if partial else "learning/cards.html", context, status=status
    )


def card_context(request: HttpRequest, card: Flashcard, **extra) -> dict:
    now = timezone.now()
    study = StudySettings.for_user(request.user)
    state = CardState.objects.filter(user=request.user, card=card).first()
    return {
        "card": card,
        "state": state,
        "study": study,
        "now": now,
        "next_day": study.day_bounds(now)[1],
        "buried": bool(state and state.buried_until and state.buried_until > now),
        **extra,
    }


@login_required
def card_detail(request: HttpRequest, pk: int) -> HttpResponse:
    card = get_card(pk)
    context = card_context(request, card, history=review_history(request.user, card), report_form=CardReportForm())
    return render(request, "learning/card.html", context)


def after_action(request: HttpRequest, card: Flashcard, message: str) -> HttpResponse:
    messages.success(request, message)
    if request.htmx:
        return render(request, "learning/card.html#card-state", card_context(request, card))
    return redirect("learning:card", pk=card.pk)


@login_required
@require_POST
def suspend_card(request: HttpRequest, pk: int) -> HttpResponse:
    card = get_card(pk)
    CardState.objects.suspend(user=request.user, card=card, now=timezone.now())
    return after_action(request, card, "Suspended: this card stays out of your reviews until you unsuspend it.")


@login_required
@require_POST
def unsuspend_card(request: HttpRequest, pk: int) -> HttpResponse:
    card = get_card(pk)
    state = CardState.objects.filter(user=request.user, card=card, suspended=True).first()
    if state is None:
        return HttpResponseBadRequest("This card is not suspended.")
    state.unsuspend()
    return after_action(request, card, "Unsuspended: this card is back in your reviews.")


@login_required
@require_POST
def bury_card(request: HttpRequest, pk: int) -> HttpResponse:
    card = get_card(pk)
    state = CardState.objects.filter(user=request.user, card=card).first()
    if state is None or state.reps == 0:
        return HttpResponseBadRequest("Only a card you have started can be buried; a new card waits its turn.")
    now = timezone.now()
    state.bury(StudySettings.for_user(request.user).day_bounds(now)[1])
    return after_action(request, card, "Buried until your next day starts.")


@login_required
@require_POST
def reset_card(request: HttpRequest, pk: int) -> HttpResponse:
    card = get_card(pk)
    state = CardState.objects.filter(user=request.user, card=card).first()
    if state is None or state.reps == 0:
        return HttpResponseBadRequest("This card is already new to you.")
    state.reset(timezone.now())
    return after_action(request, card, "Reset: this card starts again from its first step. Your past reviews are kept.")


@login_required
@require_POST
def report_card(request: HttpRequest, pk: int) -> HttpResponse:
    card = get_card(pk)
    form = CardReportForm(request.POST)
    if form.is_valid():
        CardReport.objects.create(
            card=card, user=request.user, note=form.cleaned_data["note"], created_at=timezone.now()
        )
        if request.htmx:
            return render(
                request,
                "learning/card.html#card-report",
                {"card": card, "report_form": CardReportForm(), "reported": True},
            )
        messages.success(request, "Thank you: an instructor will look at this card.")
        return redirect("learning:card", pk=card.pk)
    if request.htmx:
        return render(request, "learning/card.html#card-report", {"card": card, "report_form": form})
    context = card_context(request, card, history=review_history(request.user, card), report_form=form)
    return render(request, "learning/card.html", context)


@login_required
def card_reports(request: HttpRequest) -> HttpResponse:
    """The instructors' one queue: reported cards and reported questions together, oldest first."""
    require_instructor(request.user)
    cards = (
        CardReport.objects.filter(resolved=False)
        .select_related("card", "card__topic", "user")
        .order_by("created_at", "pk")
    )
    questions = (
        QuestionReport.objects.filter(resolved=False)
        .select_related("question", "question__topic", "user")
        .order_by("created_at", "pk")
    )
    for report in cards:
        report.kind = "card"
    for report in questions:
        report.kind = "question"
    reports = sorted([*cards, *questions], key=lambda r: (r.created_at, r.kind, r.pk))
    return render(
        request, "learning/card_reports.html", {"reports": reports, "study": StudySettings.for_user(request.user)}
    )


@login_required
@require_POST
def resolve_report(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_open_report(request.user, pk)
    report.resolved = True
    report.save(update_fields=["resolved"])
    if request.htmx:
        return HttpResponse("")  # the row swaps itself out
    messages.success(request, f"Resolved the report on “{report.card.front[:60]}”.")
    return redirect("learning:card_reports")
