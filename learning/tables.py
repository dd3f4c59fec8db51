"""The dashboard's per-topic and per-domain rows as HTML built in one pass.

The template engine spent more on these rows (a variable lookup, an escape and a filter call per value, a URL
reverse per link) than on the rest of the page; here each row is one f-string. Topic names and slugs are escaped
like the template escaped them; every other value is a number or a fixed word.
"""

from __future__ import annotations

from html import escape

from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from learning.progress import DomainReadiness, TopicProgress
from learning.templatetags.progress_format import percent, percent_number

SLUG = "topic-slug-placeholder"


def topic_url_maker():
    """A function from slug to topic page URL: one reverse for every row (slugs are URL-safe)."""
    before, after = reverse("content:topic", args=[SLUG]).split(SLUG)
    return lambda slug: f"{before}{slug}{after}"


def mastery_rows(request, topics: list[TopicProgress], practice_count: int) -> SafeString:
    """The mastery table's rows with their Review and Practise actions."""
    topic_url = topic_url_maker()
    review_url, start_url = escape(reverse("learning:review")), escape(reverse("quizzes:start"))
    csrf = f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(get_token(request))}">'
    rows = []
    for t in topics:
        slug = escape(t.slug)
        review = (
            f'<a class="button secondary small-button" href="{review_url}?topic={slug}">Review this topic</a>'
            if t.cards
            else ""
        )
        practise = (
            f'<form method="post" action="{start_url}">{csrf}<input type="hidden" name="mode" value="practice">'
            f'<input type="hidden" name="topics" value="{t.topic_id}">'
            f'<input type="hidden" name="count" value="{practice_count}">'
            '<button class="button secondary small-button" type="submit">Practise this topic</button></form>'
            if t.questions
            else ""
        )
        seen = (
            f'<span data-testid="seen">{percent(t.seen_share)}</span> <small class="muted">{t.seen}/{t.cards}</small>'
            if t.cards
            else '<small class="muted">no cards</small>'
        )
        quiz = (
            f'<span data-testid="quiz">{percent(t.accuracy)}</span> <small class="muted">{t.right}/{t.answered}</small>'
            if t.answered
            else '<span class="muted" data-testid="quiz">–</span>'
        )
        rows.append(
            f'<tr data-testid="topic-{slug}">\n'
            f'<th scope="row"><a href="{escape(topic_url(t.slug))}">{escape(t.name)}</a>\n'
            f'<div class="topic-actions">\n{review}\n{practise}\n</div>\n</th>\n'
            f'<td class="num" data-testid="recall">{percent(t.mean_recall)}</td>\n'
            f'<td class="num">{seen}</td>\n<td class="num">{quiz}</td>\n</tr>\n'
        )
    return mark_safe("".join(rows))


def domain_rows(domains: list[DomainReadiness], recent_quiz_days: int) -> SafeString:
    """Exam readiness per domain: the meter, what it rests on, and the weakest topics to study next."""
    topic_url = topic_url_maker()
    rows = []
    for d in domains:
        name, ready = escape(d.name), percent(d.readiness)
        cards = (
            f"{d.seen} of {d.cards} cards seen, {percent(d.card_recall)} expected recall"
            if d.cards
            else "No cards in this domain yet, so quiz answers are all it rests on"
        )
        quizzes = (
            f"; quizzes {percent(d.accuracy)} right over {d.answered} answer{'' if d.answered == 1 else 's'}"
            if d.answered
            else f"; no quiz answers in the last {recent_quiz_days} days"
        )
        study_next = (
            "Study next: "
            + ", ".join(f'<a href="{escape(topic_url(t.slug))}">{escape(t.name)}</a>' for t in d.next_topics)
            + "."
            if d.next_topics
            else ""
        )
        rows.append(
            f'<li class="domain-row" data-testid="domain-{escape(d.key)}">\n'
            f'<div class="domain-head"><span class="domain-name">{name} <small class="muted">'
            f"{round(d.weight * 100)}% of the exam</small></span><b>{ready}</b></div>\n"
            f'<svg class="meter-svg" viewBox="0 0 100 6" preserveAspectRatio="none" role="img" '
            f'aria-label="{name}: {ready} ready"><rect class="track" width="100" height="6" rx="3"/>'
            f'<rect class="fill" width="{percent_number(d.readiness)}" height="6" rx="3"/>'
            f'<line x1="66.7" x2="66.7" y1="0" y2="6" class="mark"/></svg>\n'
            f'<p class="small muted">{cards}{quizzes}.\n{study_next}</p>\n</li>\n'
        )
    return mark_safe("".join(rows))
