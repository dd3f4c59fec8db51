"""The cards browser, one card's page and its actions, and card reports over HTTP: each learner sees and changes
only their own state, bad input changes nothing, and list pages cost a fixed number of queries."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from fsrs import State

from content.models import Topic
from learning.models import CardReport, CardState, Flashcard, ReviewLog, StudySettings, record_review
from learning.queue import build_queue, card_token

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)  # a Monday; the learners' day starts at 04:00 UTC by default


def review(user, card, rating, now):
    """A real rating through the scheduler, as the review page records it."""
    state = CardState.objects.filter(user=user, card=card).first()
    return record_review(
        user=user,
        card=card,
        token=card_token(user.pk, card.pk, state.reps if state else 0),
        rating=rating,
        duration_ms=4200,
        now=now,
        study=StudySettings.for_user(user),
        expected_token=lambda reps: card_token(user.pk, card.pk, reps),
    )


def started(user, card, *, state=State.Review.value, due=T0, **fields):
    """A card the learner has been reviewing for a while."""
    defaults = {"stability": 5.0, "difficulty": 5.0, "reps": 4, "lapses": 0, "last_review": due - timedelta(days=5)}
    return CardState.objects.create(user=user, card=card, state=state, due=due, **{**defaults, **fields})


def rows(response) -> list[str]:
    """The fronts listed in the cards browser, in order."""
    return re.findall(r'<td class="front-cell"[^>]*><a href="/cards/\d+/">([^<]*)</a>', response.content.decode())


def row_of(response, card) -> str:
    html = response.content.decode()
    return re.search(rf'<tr data-card="{card.pk}">(.*?)</tr>', html, re.S).group(1)


# Cards browser


def test_the_cards_browser_needs_sign_in(client):
    response = client.get(reverse("learning:cards"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_it_lists_active_cards_with_the_learners_own_state(client, learner, outsider, make_cards):
    cards = make_cards(4)
    Flashcard.objects.filter(pk=cards[3].pk).update(retired=True)
    started(learner, cards[1], lapses=2, due=T0 + timedelta(days=3))
    started(outsider, cards[0], lapses=7, leech=True, suspended=True)  # someone else's: never shown to leo
    client.force_login(learner)
    with time_machine.travel(T0, tick=False):
        response = client.get(reverse("learning:cards"))
    assert response.status_code == 200
    assert rows(response) == ["Front 0?", "Front 1?", "Front 2?"]
    assert "3 cards" in response.content.decode()
    first, second = row_of(response, cards[0]), row_of(response, cards[1])
    assert "New" in first and "Leech" not in first and "Suspended" not in first and ">7<" not in first
    assert "Review" in second and "5 Nov 2026" in second and re.search(r'data-label="Lapses" class="num">2<', second)
    assert Topic.objects.get(slug="amazon-sqs").name in second


def test_it_searches_fronts_and_backs(client, learner, make_cards):
    cards = make_cards(3)
    Flashcard.objects.filter(pk=cards[2].pk).update(back="Messages are kept for up to 14 days.")
    client.force_login(learner)
    assert rows(client.get(reverse("learning:cards"), {"q": "front 1"})) == ["Front 1?"]
    assert rows(client.get(reverse("learning:cards"), {"q": "  14   DAYS "})) == ["Front 2?"]
    response = client.get(reverse("learning:cards"), {"q": "nothing like this"})
    assert rows(response) == [] and "No cards match these filters" in response.content.decode()


def test_it_filters_by_topic_including_its_sub_topics(client, learner, make_cards):
    make_cards(2)
    sqs = Topic.objects.get(slug="amazon-sqs")
    fifo = Topic.objects.create(
        slug="test-sqs-fifo",
        name="SQS FIFO queues",
        category=sqs.category,
        category_name=sqs.category_name,
        domain=sqs.domain,
        parent=sqs,
        section_count=1,
    )
    sns = Topic.objects.create(
        slug="test-sns",
        name="Amazon SNS",
        category=sqs.category,
        category_name=sqs.category_name,
        domain=sqs.domain,
        section_count=1,
    )
    Flashcard.objects.create(key="fifo-1", topic=fifo, kind="definition", front="FIFO?", back="Ordered.", position=9)
    Flashcard.objects.create(key="sns-1", topic=sns, kind="definition", front="SNS?", back="Pub/sub.", position=10)
    client.force_login(learner)
    assert rows(client.get(reverse("learning:cards"), {"topic": "amazon-sqs"})) == ["Front 0?", "Front 1?", "FIFO?"]
    assert rows(client.get(reverse("learning:cards"), {"topic": "test-sns"})) == ["SNS?"]


def test_it_filters_by_state(client, learner, make_cards):
    cards = make_cards(6)
    started(learner, cards[1], state=State.Learning.value, reps=1)
    started(learner, cards[2], state=State.Relearning.value, lapses=1)
    started(learner, cards[3])
    started(learner, cards[4], suspended=True)
    started(learner, cards[5], lapses=8, leech=True, suspended=True)
    client.force_login(learner)

    def listed(state):
        return rows(client.get(reverse("learning:cards"), {"state": state}))

    assert listed("new") == ["Front 0?"]
    assert listed("learning") == ["Front 1?", "Front 2?"]
    assert listed("review") == ["Front 3?", "Front 4?", "Front 5?"]
    assert listed("suspended") == ["Front 4?", "Front 5?"]
    assert listed("leech") == ["Front 5?"]


def test_it_filters_by_due_on_the_learners_own_day(client, learner, make_cards):
    cards = make_cards(6)
    study = StudySettings.for_user(learner)
    study.time_zone, study.day_starts_hour = "America/New_York", 4
    study.save()
    # 09:00 UTC on 2 Nov is 04:00 in New York: the learner's day has just begun (04:00 EST = 09:00 UTC).
    started(learner, cards[0], due=T0 - timedelta(minutes=1))  # yesterday, for them: overdue
    started(learner, cards[1], due=T0 + timedelta(hours=8))  # today
    started(learner, cards[2], due=T0 + timedelta(hours=23, minutes=59))  # still today
    started(learner, cards[3], due=T0 + timedelta(days=1))  # tomorrow
    started(learner, cards[4], due=T0 - timedelta(days=3), suspended=True)  # suspended: not coming up at all
    client.force_login(learner)
    with time_machine.travel(T0 + timedelta(hours=1), tick=False):
        listed = {
            due: rows(client.get(reverse("learning:cards"), {"due": due})) for due in ("overdue", "today", "later")
        }
        page = client.get(reverse("learning:cards"))
    assert listed == {"overdue": ["Front 0?"], "today": ["Front 1?", "Front 2?"], "later": ["Front 3?"]}
    assert "overdue since 2 Nov" in row_of(page, cards[0])  # shown in the learner's time zone (1 Nov 23:59 EST)
    assert "today 12:00" in row_of(page, cards[1])


def test_filters_combine(client, learner, make_cards):
    cards = make_cards(4)
    for card in cards[:3]:
        started(learner, card, due=T0 - timedelta(days=2))
    Flashcard.objects.filter(pk=cards[1].pk).update(front="Which queue keeps order?")
    client.force_login(learner)
    with time_machine.travel(T0, tick=False):
        response = client.get(
            reverse("learning:cards"), {"q": "queue", "topic": "amazon-sqs", "state": "review", "due": "overdue"}
        )
    assert rows(response) == ["Which queue keeps order?"]


def test_with_htmx_it_returns_the_results_fragment_only(client, learner, make_cards):
    make_cards(3)
    client.force_login(learner)
    response = client.get(reverse("learning:cards"), {"q": "Front 2"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="card-results"') and "<html" not in html and "<form" not in html
    assert rows(response) == ["Front 2?"]
    assert "HX-Request" in response["Vary"]


def test_without_javascript_the_filter_form_is_a_plain_get_form(client, learner, make_cards):
    make_cards(1)
    client.force_login(learner)
    html = client.get(reverse("learning:cards")).content.decode()
    assert re.search(r'<form class="card card-filters" method="get" action="/cards/"', html)
    assert '<button class="primary" type="submit">Filter</button>' in html


@pytest.mark.parametrize(
    "params, message",
    [
        ({"state": "forgotten"}, "Select a valid choice"),
        ({"due": "yesterday"}, "Select a valid choice"),
        ({"topic": "no-such-topic"}, "No topic with cards has that name"),
        ({"q": "x" * 201}, "at most 200 characters"),
    ],
)
def test_bad_filters_are_a_400_with_the_reason(client, learner, make_cards, params, message):
    make_cards(2)
    client.force_login(learner)
    response = client.get(reverse("learning:cards"), params)
    assert response.status_code == 400
    assert message in response.content.decode() and rows(response) == []


def test_it_pages_fifty_cards_at_a_time_keeping_the_filters(client, learner, make_cards):
    make_cards(120)
    client.force_login(learner)
    first = client.get(reverse("learning:cards"), {"q": "Front"})
    assert len(rows(first)) == 50 and "120 cards" in first.content.decode()
    assert 'href="?q=Front&amp;page=2"' in first.content.decode()
    last = client.get(reverse("learning:cards"), {"q": "Front", "page": "3"})
    assert rows(last) == [f"Front {i}?" for i in range(100, 120)]
    assert rows(client.get(reverse("learning:cards"), {"page": "lots"}))[0] == "Front 0?"  # a bad page: the first
    beyond = client.get(reverse("learning:cards"), {"q": "Front", "page": "9"})  # past the end: the last page
    assert rows(beyond) == rows(last) and "Page 3 of 3" in beyond.content.decode()
    assert rows(client.get(reverse("learning:cards"), {"q": "Front", "page": "0"})) == rows(last)


@pytest.mark.parametrize("cards", [3, 120])
def test_the_cards_browser_costs_the_same_queries_for_3_or_120_cards(
    client, learner, make_cards, cards, django_assert_num_queries
):
    made = make_cards(cards)
    for card in made[::2]:
        started(learner, card)
    client.force_login(learner)
    StudySettings.for_user(learner)
    client.get(reverse("learning:cards"))  # the first look after an ingest stores the topic filter's options
    # Session, user, study settings, the topic filtered on, the page with its total count, the topic
    # filter's stored options, the instructor role (header).
    with django_assert_num_queries(7):
        response = client.get(reverse("learning:cards"), {"topic": "amazon-sqs", "state": "review"})
    assert len(rows(response)) == min(50, (cards + 1) // 2)
    assert f"{(cards + 1) // 2} card" in response.content.decode()
    with django_assert_num_queries(4):  # the fragment: no header, no form
        client.get(reverse("learning:cards"), headers={"HX-Request": "true"})


# One card


def test_the_card_page_shows_both_sides_topic_sources_and_the_learners_history(client, learner, make_cards):
    [card] = make_cards(1)
    review(learner, card, 3, T0)
    review(learner, card, 3, T0 + timedelta(minutes=10))
    client.force_login(learner)
    with time_machine.travel(T0 + timedelta(minutes=11), tick=False):
        response = client.get(reverse("learning:card", args=[card.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="front">Front 0?' in html and 'data-testid="back">Back 0.' in html
    assert 'href="/topics/amazon-sqs/"' in html
    assert re.search(r'href="/sources/1/\?line=10#L10" title="notes, line 10"', html)
    history = re.search(r'data-testid="history">(.*?)</table>', html, re.S).group(1)
    assert history.count("<tr>") == 3  # the header and two reviews, newest first
    assert re.findall(r'class="rating rating-\d">(\w+)<', history) == ["Good", "Good"]
    assert re.findall(r'data-label="Next in">(\w+)<', history) == ["2d", "10m"]
    assert "4.2s" in history and '2 Nov 2026 <span class="muted">09:10</span>' in history
    assert '<span class="state state-review">Review</span>' in html


def test_the_card_page_says_when_the_answer_is_in_the_references_words(client, learner, make_cards):
    """A card answered with the checked reference's sentence says so; one in the notes' own words does not."""
    from learning.deck import reference_texts

    theirs, ours = make_cards(2)
    Flashcard.objects.filter(pk=ours.pk).update(back=sorted(reference_texts())[0])
    client.force_login(learner)
    assert 'data-testid="reference-note"' in client.get(reverse("learning:card", args=[ours.pk])).content.decode()
    assert 'data-testid="reference-note"' not in client.get(reverse("learning:card", args=[theirs.pk])).content.decode()


def test_the_card_page_never_shows_another_learners_state_or_history(client, learner, outsider, make_cards):
    [card] = make_cards(1)
    review(learner, card, 1, T0)
    started(learner, make_cards(1, start=5)[0], leech=True)
    client.force_login(outsider)
    html = client.get(reverse("learning:card", args=[card.pk])).content.decode()
    assert "You have not reviewed this card yet" in html and 'data-testid="history"' not in html
    assert '<span class="state state-new">New</span>' in html and "Again" not in html


@pytest.mark.parametrize("how", ["retired", "unknown"])
def test_a_retired_or_unknown_card_is_404(client, learner, make_cards, how):
    [card] = make_cards(1)
    started(learner, card)
    if how == "retired":
        Flashcard.objects.filter(pk=card.pk).update(retired=True)
    client.force_login(learner)
    pk = card.pk if how == "retired" else card.pk + 1000
    assert client.get(reverse("learning:card", args=[pk])).status_code == 404
    for action in ("suspend_card", "unsuspend_card", "bury_card", "reset_card", "report_card"):
        assert client.post(reverse(f"learning:{action}", args=[pk]), {"note": "x"}).status_code == 404
    assert CardState.objects.get(user=learner).suspended is False and not CardReport.objects.exists()


def test_a_leech_tells_the_learner_to_fix_the_note_and_links_its_source_line(client, learner, make_cards):
    [card] = make_cards(1)
    started(learner, card, lapses=8, leech=True, suspended=True)
    client.force_login(learner)
    html = client.get(reverse("learning:card", args=[card.pk])).content.decode()
    note = re.search(r'data-testid="leech">(.*?)</div>', html, re.S).group(1)
    assert "Leech" in note and "forgotten this card 8 times" in note and "Fix the note" in note
    assert 'href="/sources/1/?line=10#L10"' in note


@pytest.mark.parametrize("reviews", [1, 40])
def test_the_card_page_costs_the_same_queries_for_1_or_40_reviews(
    client, learner, make_cards, reviews, django_assert_max_num_queries
):
    [card] = make_cards(1)
    now = T0
    for _ in range(reviews):
        log = review(learner, card, 3, now)
        now = datetime.fromisoformat(log.state_after["due"])
    client.force_login(learner)
    # session, user, card and topic, history, study settings, state, instructor role (header)
    with django_assert_max_num_queries(7):
        response = client.get(reverse("learning:card", args=[card.pk]))
    assert response.content.decode().count('class="rating rating-3"') == reviews


# Actions on the learner's own state

ACTIONS = ["suspend_card", "unsuspend_card", "bury_card", "reset_card", "report_card"]


@pytest.mark.parametrize("action", ACTIONS)
def test_card_actions_refuse_get(client, learner, make_cards, action):
    [card] = make_cards(1)
    client.force_login(learner)
    assert client.get(reverse(f"learning:{action}", args=[card.pk])).status_code == 405


@pytest.mark.parametrize("action", ACTIONS)
def test_card_actions_need_sign_in(client, make_cards, action):
    [card] = make_cards(1)
    response = client.post(reverse(f"learning:{action}", args=[card.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_suspend_and_unsuspend_a_started_card(client, learner, make_cards):
    [card] = make_cards(1)
    started(learner, card)
    client.force_login(learner)
    response = client.post(reverse("learning:suspend_card", args=[card.pk]), follow=True)
    assert response.redirect_chain == [(reverse("learning:card", args=[card.pk]), 302)]
    assert "Suspended: this card stays out of your reviews" in response.content.decode()
    assert CardState.objects.get(user=learner, card=card).suspended is True
    with time_machine.travel(T0, tick=False):
        assert build_queue(learner, StudySettings.for_user(learner), T0).card is None

    response = client.post(reverse("learning:unsuspend_card", args=[card.pk]), follow=True)
    assert "Unsuspended" in response.content.decode()
    state = CardState.objects.get(user=learner, card=card)
    assert state.suspended is False and state.reps == 4


def test_a_new_card_can_be_suspended_and_is_new_again_when_unsuspended(client, learner, make_cards):
    cards = make_cards(2)
    client.force_login(learner)
    client.post(reverse("learning:suspend_card", args=[cards[0].pk]))
    study = StudySettings.for_user(learner)
    queue = build_queue(learner, study, T0)
    assert queue.card == cards[1] and queue.new == 1 and queue.learning == 0
    assert rows(client.get(reverse("learning:cards"), {"state": "suspended"})) == ["Front 0?"]
    client.post(reverse("learning:unsuspend_card", args=[cards[0].pk]))
    assert not CardState.objects.exists()
    assert build_queue(learner, study, T0).card == cards[0]


def test_suspend_with_htmx_returns_the_state_panel_with_its_message(client, learner, make_cards):
    [card] = make_cards(1)
    client.force_login(learner)
    response = client.post(reverse("learning:suspend_card", args=[card.pk]), headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="card-state"') and "<html" not in html
    assert "Suspended: this card stays out" in html and ">Unsuspend</button>" in html
    # The message was shown in the fragment: it does not turn up again on the next page.
    assert "stays out of your reviews" not in client.get(reverse("learning:cards")).content.decode()


def test_actions_change_only_the_learners_own_state(client, learner, outsider, make_cards):
    [card] = make_cards(1)
    theirs = started(outsider, card)
    mine = started(learner, card)
    client.force_login(learner)
    for action in ("suspend_card", "bury_card", "reset_card"):
        assert client.post(reverse(f"learning:{action}", args=[card.pk])).status_code == 302
    mine_now = CardState.objects.get(pk=mine.pk)  # reset: back to its first step, not suspended or buried
    assert (mine_now.state, mine_now.step, mine_now.stability, mine_now.suspended) == (1, 0, None, False)
    theirs_now = CardState.objects.get(pk=theirs.pk)
    assert (theirs_now.suspended, theirs_now.buried_until, theirs_now.reps) == (False, None, 4)


def test_unsuspending_a_card_that_is_not_suspended_is_a_400(client, learner, outsider, make_cards):
    [card] = make_cards(1)
    started(outsider, card, suspended=True)  # someone else's suspension is not leo's to lift
    started(learner, card)
    client.force_login(learner)
    response = client.post(reverse("learning:unsuspend_card", args=[card.pk]))
    assert response.status_code == 400 and b"not suspended" in response.content
    assert CardState.objects.get(user=outsider).suspended is True


def test_bury_hides_the_card_until_the_learners_next_day_starts(client, learner, make_cards):
    [card] = make_cards(1)
    study = StudySettings.for_user(learner)
    study.time_zone, study.day_starts_hour = "Europe/Paris", 5
    study.save()
    started(learner, card, due=T0 - timedelta(hours=1))
    client.force_login(learner)
    with time_machine.travel(T0, tick=False):
        response = client.post(reverse("learning:bury_card", args=[card.pk]), follow=True)
        assert "Buried until your next day starts" in response.content.decode()
        assert build_queue(learner, study, T0).card is None
    # 05:00 in Paris on 3 Nov (CET, UTC+1) is 04:00 UTC.
    assert CardState.objects.get(user=learner).buried_until == datetime(2026, 11, 3, 4, 0, tzinfo=UTC)
    assert build_queue(learner, study, datetime(2026, 11, 3, 4, 0, 1, tzinfo=UTC)).card == card


def test_a_new_card_cannot_be_buried(client, learner, make_cards):
    [card] = make_cards(1)
    client.force_login(learner)
    response = client.post(reverse("learning:bury_card", args=[card.pk]))
    assert response.status_code == 400 and b"new card waits its turn" in response.content
    assert not CardState.objects.exists()


def test_reset_forgets_the_learners_memory_and_keeps_their_reviews(client, learner, make_cards):
    [card] = make_cards(1)
    review(learner, card, 3, T0)
    review(learner, card, 1, T0 + timedelta(minutes=10))
    client.force_login(learner)
    response = client.post(reverse("learning:reset_card", args=[card.pk]), follow=True)
    html = response.content.decode()
    assert "Reset: this card starts again from its first step" in html
    # The row stays (its rep count keeps growing, so the next showing gets a fresh rating token) but FSRS
    # starts over: no stability or difficulty, first learning step, due now.
    state = CardState.objects.get(user=learner, card=card)
    assert (state.state, state.step, state.stability, state.difficulty, state.lapses) == (1, 0, None, None, 0)
    assert ReviewLog.objects.filter(user=learner, card=card).count() == 2
    assert html.count('class="rating rating-') == 2  # the history is still shown
    assert build_queue(learner, StudySettings.for_user(learner), state.due + timedelta(seconds=1)).card == card


def test_resetting_a_new_card_is_a_400(client, learner, make_cards):
    [card] = make_cards(1)
    client.force_login(learner)
    response = client.post(reverse("learning:reset_card", args=[card.pk]))
    assert response.status_code == 400 and b"already new" in response.content


# Reports


def test_a_learner_reports_a_problem(client, learner, make_cards):
    [card] = make_cards(1)
    client.force_login(learner)
    with time_machine.travel(T0, tick=False):
        response = client.post(
            reverse("learning:report_card", args=[card.pk]),
            {"note": "  The answer says 4 days; the notes say 14.  "},
            follow=True,
        )
    assert "Thank you: an instructor will look at this card." in response.content.decode()
    report = CardReport.objects.get()
    assert (report.card, report.user, report.note, report.created_at, report.resolved) == (
        card,
        learner,
        "The answer says 4 days; the notes say 14.",
        T0,
        False,
    )


def test_reporting_with_htmx_returns_the_report_panel_only(client, learner, make_cards):
    [card] = make_cards(1)
    client.force_login(learner)
    response = client.post(
        reverse("learning:report_card", args=[card.pk]), {"note": "Typo in the back."}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="card-report"') and "<html" not in html
    assert "Thank you" in html and CardReport.objects.count() == 1


@pytest.mark.parametrize(
    "note, message",
    [
        ("", "Say what is wrong"),
        ("   ", "Say what is wrong"),
        ("x" * 1001, "Keep it under 1000 characters (it has 1001)"),
    ],
)
@pytest.mark.parametrize("htmx", [False, True])
def test_a_bad_report_shows_why_and_saves_nothing(client, learner, make_cards, note, message, htmx):
    [card] = make_cards(1)
    client.force_login(learner)
    response = client.post(
        reverse("learning:report_card", args=[card.pk]), {"note": note}, headers={"HX-Request": "true"} if htmx else {}
    )
    assert response.status_code == 200 and message in response.content.decode()
    assert "<details open>" in response.content.decode()
    assert not CardReport.objects.exists()


def test_instructors_see_open_reports(client, instructor, learner, make_cards):
    cards = make_cards(2)
    CardReport.objects.create(card=cards[0], user=learner, note="Wrong <b>limit</b>.", created_at=T0)
    CardReport.objects.create(card=cards[1], user=learner, note="Already fixed.", created_at=T0, resolved=True)
    client.force_login(instructor)
    response = client.get(reverse("learning:card_reports"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Wrong &lt;b&gt;limit&lt;/b&gt;." in html and "leo" in html and "Already fixed" not in html
    assert f'href="/cards/{cards[0].pk}/"' in html and 'href="/sources/1/?line=10#L10"' in html


def test_a_report_on_a_retired_card_is_listed_without_a_link(client, instructor, learner, make_cards):
    [card] = make_cards(1)
    CardReport.objects.create(card=card, user=learner, note="Gone?", created_at=T0)
    Flashcard.objects.filter(pk=card.pk).update(retired=True)
    client.force_login(instructor)
    html = client.get(reverse("learning:card_reports")).content.decode()
    assert "Gone?" in html and f'href="/cards/{card.pk}/"' not in html and ">retired<" in html


def test_learners_may_not_see_reports(client, learner, outsider, make_cards):
    [card] = make_cards(1)
    report = CardReport.objects.create(card=card, user=learner, note="Hm.", created_at=T0)
    for user in (learner, outsider):
        client.force_login(user)
        assert client.get(reverse("learning:card_reports")).status_code == 403
        assert client.post(reverse("learning:resolve_report", args=[report.pk])).status_code == 403
    assert CardReport.objects.get().resolved is False
    client.logout()
    assert client.get(reverse("learning:card_reports")).status_code == 302


def test_an_instructor_resolves_a_report(client, instructor, learner, make_cards):
    [card] = make_cards(1)
    report = CardReport.objects.create(card=card, user=learner, note="Hm.", created_at=T0)
    client.force_login(instructor)
    response = client.post(reverse("learning:resolve_report", args=[report.pk]), follow=True)
    assert response.redirect_chain == [(reverse("learning:card_reports"), 302)]
    assert "Resolved the report" in response.content.decode() and "No open reports" in response.content.decode()
    assert CardReport.objects.get().resolved is True


def test_resolving_with_htmx_returns_nothing_so_the_row_goes(client, instructor, learner, make_cards):
    [card] = make_cards(1)
    report = CardReport.objects.create(card=card, user=learner, note="Hm.", created_at=T0)
    client.force_login(instructor)
    response = client.post(reverse("learning:resolve_report", args=[report.pk]), headers={"HX-Request": "true"})
    assert response.status_code == 200 and response.content == b""
    assert CardReport.objects.get().resolved is True


def test_resolve_refuses_get_and_unknown_or_resolved_reports(client, instructor, learner, make_cards):
    [card] = make_cards(1)
    report = CardReport.objects.create(card=card, user=learner, note="Hm.", created_at=T0, resolved=True)
    client.force_login(instructor)
    assert client.get(reverse("learning:resolve_report", args=[report.pk])).status_code == 405
    assert client.post(reverse("learning:resolve_report", args=[report.pk])).status_code == 404
    assert client.post(reverse("learning:resolve_report", args=[report.pk + 99])).status_code == 404


@pytest.mark.parametrize("reports", [1, 25])
def test_the_reports_page_costs_the_same_queries_for_1_or_25_reports(
    client, instructor, learner, make_cards, reports, django_assert_max_num_queries
):
    cards = make_cards(reports)
    CardReport.objects.bulk_create(CardReport(card=c, user=learner, note=f"Note {c.pk}", created_at=T0) for c in cards)
    client.force_login(instructor)
    StudySettings.for_user(instructor)
    with django_assert_max_num_queries(6):  # session, user, instructor role, study settings, card and question reports
        response = client.get(reverse("learning:card_reports"))
    assert response.content.decode().count('id="report-') == reports
