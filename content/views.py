"""Public topic pages built from the ingested notes: index, categories, topics, sources and search."""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict

from django.contrib.auth.decorators import login_required
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_POST

from content.catalog import load_catalog, normalise
from content.models import Section, SectionRead, Source, Topic
from content.render import HIT_END, HIT_START, render_snippet
from content.stored_pages import stored, stored_topic_page, topic_page_body, topic_page_context
from learning.roles import is_instructor


def get_topic(slug: str) -> Topic:
    """Topic pages are public; a catalog topic the notes never cover has no page."""
    topic = get_object_or_404(Topic.objects.select_related("parent"), slug=slug)
    if topic.section_count == 0:
        raise Http404("The notes have nothing on this topic yet.")
    return topic


def get_source(pk: int) -> Source:
    return get_object_or_404(Source, pk=pk)


def get_section(pk: int) -> Section:
    return get_object_or_404(Section.objects.select_related("topic").filter(retired=False), pk=pk)


def group_by_category(topics) -> OrderedDict:
    groups: OrderedDict = OrderedDict()
    for topic in topics:
        group = groups.setdefault(
            topic.category, {"slug": topic.category, "name": topic.category_name, "covered": [], "uncovered": []}
        )
        group["covered" if topic.section_count else "uncovered"].append(topic)
    return groups


def topic_index(request: HttpRequest) -> HttpResponse:
    return render(request, "content/topic_index.html", {"body": stored("topic-index", topic_index_body)})


def topic_index_body() -> str:
    """The index's body: the same for every visitor, so stored once per content version."""
    topics = list(
        Topic.objects.only(
            "slug",
            "name",
            "category",
            "category_name",
            "category_order",
            "order",
            "section_count",
            "card_count",
            "question_count",
            "summary",
            "parent_id",
        )
    )
    groups = group_by_category(topics)
    return render_to_string(
        "content/_topic_index_body.html",
        {
            "groups": groups.values(),
            "covered": sum(1 for t in topics if t.section_count),
            "total": len(topics),
            "sources": Source.objects.filter(retired=False).count(),
        },
    )


def category(request: HttpRequest, slug: str) -> HttpResponse:
    topics = list(Topic.objects.filter(category=slug).select_related("parent"))
    if not topics:
        raise Http404("No such category.")
    covered = [t for t in topics if t.section_count]
    return render(
        request,
        "content/category.html",
        {
            "category_name": topics[0].category_name,
            "slug": slug,
            "covered": covered,
            "uncovered": [t for t in topics if not t.section_count],
        },
    )


def topic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Rendered once per content version (content/stored_pages.py); the visitor's own marks are added here."""

    def build() -> dict | None:
        topic = Topic.objects.select_related("parent").filter(slug=slug, section_count__gt=0).first()
        return topic_page_context(topic) if topic else None

    page = stored_topic_page(slug, every_line=request.GET.get("lines") == "all", page_path=request.path, build=build)
    if page is None:
        get_topic(slug)  # 404: no such topic, or the notes have nothing on it yet
    return render(
        request,
        "content/topic.html",
        {
            "title": page.title,
            "body": topic_page_body(page, request.user, get_token(request)),
        },
    )


@login_required
@require_POST
def mark_read(request: HttpRequest, pk: int) -> HttpResponse:
    section = get_section(pk)
    if request.POST.get("read") == "0":
        SectionRead.objects.filter(user=request.user, section=section).delete()
        read = False
    else:
        SectionRead.objects.get_or_create(user=request.user, section=section, defaults={"read_at": timezone.now()})
        read = True
    if request.htmx:
        return render(request, "content/_read_toggle.html", {"section": section, "is_read": read})
    return redirect(section.get_absolute_url())


def source_detail(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_source(pk)
    try:
        highlight = int(request.GET.get("line", "0"))
    except ValueError:
        highlight = 0
    # Instructors can open the note behind the page in the library's editor, at the line they came from.
    note = source.notes.filter(deleted=False).first() if is_instructor(request.user) else None
    return render(
        request,
        "content/source.html",
        {
            "source": source,
            "lines": source.numbered_lines(),
            "highlight": highlight,
            "note": note,
        },
    )


SEARCH_KEPT_SECONDS = 3600


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    results_html = ""
    if query:
        # Results depend only on the query and the notes: stored per query and content version, for an hour, so
        # one-off queries (anyone can send any) expire instead of crowding topic pages out of the cache.
        key = "search:" + hashlib.sha256(query.encode()).hexdigest()[:32]
        results_html = stored(
            key,
            lambda: render_to_string("content/_search_results.html", {"query": query, "results": search_topics(query)}),
            timeout=SEARCH_KEPT_SECONDS,
        )
    return render(request, "content/search.html", {"query": query, "results_html": results_html})


def search_topics(query: str, limit: int = 30) -> list[dict]:
    """Topics for a query: alias hits first ("r53" is Route 53), then full-text matches by rank."""
    catalog = load_catalog()
    alias_slugs = alias_matches(query, catalog)
    scored: dict[str, dict] = {}
    for rank, slug in enumerate(alias_slugs):
        scored[slug] = {"score": 100.0 - rank, "snippets": []}
    for slug, score, title, anchor, snippet in section_matches(query, alias_slugs):
        entry = scored.setdefault(slug, {"score": 0.0, "snippets": []})
        entry["score"] += score
        if len(entry["snippets"]) < 3:
            entry["snippets"].append({"title": title, "anchor": anchor, "html": snippet})
    topics = {
        t.slug: t
        for t in Topic.objects.filter(slug__in=scored, section_count__gt=0).only(
            "slug", "name", "category_name", "summary", "order"
        )
    }
    ranked = sorted((s for s in scored if s in topics), key=lambda s: (-scored[s]["score"], topics[s].order))
    return [{"topic": topics[s], **scored[s]} for s in ranked[:limit]]


def alias_matches(query: str, catalog) -> list[str]:
    wanted = normalise(query)
    exact = [slug for slug, names in catalog_names(catalog) if wanted in names]
    return exact or catalog.find(query)


def catalog_names(catalog) -> list[tuple[str, frozenset[str]]]:
    """Each catalog topic's names, normalised once per catalog (load_catalog() reads it once per process)."""
    names = getattr(catalog, "_normalised_names", None)
    if names is None:
        names = [
            (t.slug, frozenset(normalise(n) for n in (t.name, t.full_name, t.short, *t.aliases) if n))
            for t in catalog.topics.values()
        ]
        catalog._normalised_names = names
    return names


def section_matches(query: str, alias_slugs: list[str]):
    """(topic slug, score, section title, anchor, snippet html) for sections matching the query."""
    if connection.vendor == "postgresql":
        search_query = SearchQuery(query, search_type="websearch", config="english")
        rows = (
            Section.objects.active()
            .filter(search_vector=search_query)
            .annotate(
                rank=SearchRank(F("search_vector"), search_query),
                snippet=SearchHeadline(
                    "plain_text",
                    search_query,
                    config="english",
                    start_sel="<mark>",
                    stop_sel="</mark>",
                    max_words=30,
                    min_words=12,
                ),
            )
            .order_by("-rank")
            .values_list("topic__slug", "rank", "title", "anchor", "snippet")[:200]
        )
        for slug, rank, title, anchor, snippet in rows:
            # The headline is note text with PostgreSQL's <mark> around hits: rendered safe by render_snippet.
            yield slug, float(rank) * 10, title, anchor, render_snippet(snippet, "<mark>", "</mark>")
        return
    words = [w for w in normalise(query).split() if len(w) > 1]
    if not words:
        return
    rows = Section.objects.active()
    for word in words:
        rows = rows.filter(plain_text__icontains=word)
    for slug, title, anchor, text in rows.values_list("topic__slug", "title", "anchor", "plain_text")[:200]:
        lowered = text.lower()
        hits = sum(lowered.count(w) for w in words)
        yield slug, hits + (5 if any(w in title.lower() for w in words) else 0), title, anchor, snippet_for(text, words)


def snippet_for(text: str, words: list[str], width: int = 90) -> str:
    """A window of plain text around the first hit, escaped piece by piece with our own <mark> around hits."""
    lowered = text.lower()
    at = min((lowered.find(w) for w in words if w in lowered), default=0)
    start = max(0, at - width)
    piece = text[start : at + width].replace("\n", " ")
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE)
    marked = pattern.sub(lambda m: f"{HIT_START}{m.group(0)}{HIT_END}", piece)
    return ("…" if start else "") + render_snippet(marked, HIT_START, HIT_END) + "…"
