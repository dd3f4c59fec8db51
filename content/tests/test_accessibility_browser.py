"""Every page of the app, checked by axe-core in real Chromium: no WCAG 2 A or AA violation.

axe-core is the npm package pinned in package.json (`make test` runs `npm ci`); its dist file is injected into
each page after load. Pages are visited as a visitor, a learner mid-way through a quiz, and an instructor.
"""

from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from conftest import browser_required
from content.models import Source, Topic
from content.services import ingest
from learning.models import Flashcard
from quizzes.assignments import start_assignment
from quizzes.attempts import submit_attempt
from quizzes.class_views import create_cohort
from quizzes.models import Assignment, Membership, Question

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture
def browser_context_args(browser_context_args):
    """axe-core is injected as an inline script, which our Content-Security-Policy refuses (as it should for
    anything else): the test's own browser context lets the test tool in."""
    return {**browser_context_args, "bypass_csp": True}


@pytest.fixture
def axe_violations():
    if not AXE.exists():
        message = f"axe-core not installed at {AXE} (run `npm ci`, or `make test`)"
        if browser_required():
            pytest.fail(message)
        pytest.skip(message)
    script = AXE.read_text()

    def check(page) -> list[str]:
        if not page.evaluate("() => typeof window.axe !== 'undefined'"):
            page.add_script_tag(content=script)
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            WCAG_A_AA,
        )
        return [
            f"{page.url}: {v['id']} ({v['impact']}) {v['help']}: "
            + "; ".join(
                node["target"][0] if isinstance(node["target"][0], str) else str(node["target"])
                for node in v["nodes"][:5]
            )
            + (f" (+{len(v['nodes']) - 5} more)" if len(v["nodes"]) > 5 else "")
            for v in result["violations"]
        ]

    return check


def visit_all(page, base: str, paths: list[str], check) -> list[str]:
    found = []
    for path in paths:
        response = page.goto(base + path)
        assert response and response.ok, f"{path}: {response and response.status}"
        found += check(page)
        page.evaluate("() => delete window.axe")
    return found


def test_no_page_has_a_wcag_a_or_aa_violation(page, live_server, axe_violations, make_user, sign_in):
    """Each page type once (every template and view), and topic pages of every shape the summary takes."""
    ingest()
    base = live_server.url
    topics = Topic.objects.with_content()
    thin = topics.order_by("section_count", "fact_count").first()
    discontinued = topics.exclude(discontinued="").first()
    source = Source.objects.order_by("line_count").first()
    public = [
        "/",
        "/topics/",
        "/topics/category/storage/",
        "/search/?q=glacier",
        "/accounts/login/",
        "/accounts/signup/",
        f"/sources/{source.pk}/?line=10",
        "/topics/amazon-s3/?lines=all",
        "/topics/s3-storage-classes/",
        "/topics/route-53-routing-policies/?lines=all",
        thin.get_absolute_url(),
    ]
    if discontinued:
        public.append(discontinued.get_absolute_url())
    violations = visit_all(page, base, public, axe_violations)

    learner = make_user("lena")
    sign_in(page, learner)
    learner_pages = [
        reverse("learning:dashboard"),
        reverse("learning:review"),
        reverse("learning:cards"),
        reverse("learning:study_settings"),
        reverse("quizzes:index"),
        reverse("password_change"),
        "/topics/aws-iam/",
    ]
    violations += visit_all(page, base, learner_pages, axe_violations)
    # A quiz under way, its review page and its results.
    page.goto(base + reverse("quizzes:index"))
    page.get_by_role("button", name="Start practice", exact=True).click()
    expect(page.locator("#quiz")).to_be_visible()
    violations += axe_violations(page)
    page.locator("input[type=radio], input[type=checkbox]").first.check()
    page.get_by_role("button", name="Check answer").click()
    expect(
        page.get_by_role("link", name="Next question →").or_(page.get_by_role("button", name="See your results →"))
    ).to_be_visible()
    violations += axe_violations(page)
    page.locator("form.finish-form button, button:has-text('See your results')").first.click()
    page.wait_for_load_state()
    violations += axe_violations(page)
    card = Flashcard.objects.active().first()
    violations += visit_all(page, base, [reverse("learning:card", args=[card.pk])], axe_violations)

    instructor = make_user("ines", instructor=True)
    page.context.clear_cookies()
    sign_in(page, instructor)
    # The instructor's pages: a class with a learner and a submitted assignment, its gradebook, item analysis,
    # the builder, the bank and a question's editor, the library.
    cohort = create_cohort(name="Accessible class", instructor=instructor)
    Membership.objects.create(cohort=cohort, user=learner, role=Membership.LEARNER, joined_at=timezone.now())
    questions = list(Question.objects.active().values_list("pk", flat=True)[:3])
    assignment = Assignment.objects.create(
        title="Week 1",
        created_at=timezone.now(),
        question_ids=questions,
        opens_at=timezone.now(),
        due_at=timezone.now() + timedelta(days=2),
    )
    assignment.cohorts.add(cohort)
    submit_attempt(
        attempt=start_assignment(assignment=assignment, user=learner, now=timezone.now()), now=timezone.now()
    )
    violations += visit_all(
        page,
        base,
        [
            reverse("learning:card_reports"),
            reverse("quizzes:classes"),
            reverse("quizzes:class", args=[cohort.pk]),
            reverse("quizzes:class_progress", args=[cohort.pk]),
            reverse("quizzes:assignments"),
            reverse("quizzes:new_assignment"),
            reverse("quizzes:assignment", args=[assignment.pk]),
            reverse("quizzes:edit_assignment", args=[assignment.pk]),
            reverse("quizzes:gradebook", args=[assignment.pk]),
            reverse("quizzes:learner_answers", args=[assignment.pk, learner.pk]),
            reverse("quizzes:items", args=[assignment.pk]),
            reverse("quizzes:bank"),
            reverse("quizzes:bank_question", args=[questions[0]]),
            reverse("quizzes:edit_question", args=[questions[0]]),
            reverse("library:index"),
            reverse("library:upload"),
        ],
        axe_violations,
    )
    assert not violations, "\n".join(violations)
