"""Topic pages, the topic index and search results are rendered once per content version and stored: what each
visitor sees must still be their own, and an ingest must show at once."""

import re

import pytest
from django.urls import reverse

from content.models import Section, SectionRead, Topic
from content.services import ingest

pytestmark = pytest.mark.django_db

S3 = "/topics/amazon-s3/"


def ticks(html: str) -> int:
    return html.count('<span class="ok" title="read">✓</span>')


def test_each_learner_sees_their_own_reads_on_the_same_stored_page(client, shipped_notes, learner, outsider):
    sections = list(Section.objects.active().filter(topic__slug="amazon-s3"))
    client.force_login(learner)
    client.get(S3)  # stored now, with no section read
    for section in sections[:2]:
        client.post(reverse("content:mark_read", args=[section.pk]), {"read": "1"})
    html = client.get(S3).content.decode()
    assert f"2 of {len(sections)} read" in html
    assert ticks(html) == 4  # each read section ticked in the notes and in the contents
    assert html.count("✓ Read</button>") == 2 and html.count(">Mark read</button>") == len(sections) - 2
    # Every toggle posts with this visitor's CSRF token (the stored page holds none of its own).
    token = client.cookies["csrftoken"].value
    assert len(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)) == len(sections) + 1  # + sign out
    assert token and "CSRF-TOKEN-SLOT" not in html

    client.force_login(outsider)
    other = client.get(S3).content.decode()
    assert f"0 of {len(sections)} read" in other and ticks(other) == 0

    client.logout()
    anonymous = client.get(S3).content.decode()
    assert "Mark read" not in anonymous and " read</p>" not in anonymous and ticks(anonymous) == 0
    assert "<h1>Amazon S3</h1>" in anonymous


def test_a_section_marked_read_without_javascript_shows_after_the_redirect(client, shipped_notes, learner):
    client.force_login(learner)
    section = Section.objects.active().filter(topic__slug="amazon-s3").first()
    client.get(S3)
    response = client.post(reverse("content:mark_read", args=[section.pk]), {"read": "1"}, follow=True)
    assert "1 of" in response.content.decode() and "✓ Read</button>" in response.content.decode()


def test_show_every_line_is_stored_apart_from_the_folded_page(client, shipped_notes):
    folded = client.get(S3).content.decode()
    every = client.get(S3, {"lines": "all"}).content.decode()
    assert " open>" not in folded and "Show every line" in folded
    assert " open>" in every and "Fold the sections" in every
    assert body(client.get(S3).content.decode()) == body(folded)


def body(html: str) -> str:
    return html[html.index('<main id="main">') :]


def test_an_ingest_shows_on_the_pages_at_once(client, tmp_path, django_capture_on_commit_callbacks):
    note = tmp_path / "notes.md"
    note.write_text("# Amazon SQS\n\n- **Standard queue**: at-least-once delivery, loosely ordered messages.\n")
    with django_capture_on_commit_callbacks(execute=True):
        ingest([tmp_path])
    sqs = reverse("content:topic", args=["amazon-sqs"])
    assert "loosely ordered" in client.get(sqs).content.decode()
    assert "amazon-sqs" in client.get(reverse("content:topic_index")).content.decode()
    assert "/topics/amazon-sqs/" in client.get(reverse("content:search"), {"q": "loosely"}).content.decode()

    note.write_text(
        "# Amazon SQS\n\n- **Standard queue**: at-least-once delivery, ordering not kept.\n\n"
        "# AWS Lambda\n\n- Lambda runs code without servers, up to 15 minutes per run.\n"
    )
    with django_capture_on_commit_callbacks(execute=True):
        ingest([tmp_path])
    page = client.get(sqs).content.decode()
    assert "ordering not kept" in page and "loosely ordered" not in page
    assert "/topics/aws-lambda/" in client.get(reverse("content:topic_index")).content.decode()
    assert "/topics/amazon-sqs/" not in client.get(reverse("content:search"), {"q": "loosely"}).content.decode()


def test_a_topic_without_notes_is_404_and_not_stored(client, shipped_notes):
    bare = Topic.objects.filter(section_count=0).first()
    assert client.get(bare.get_absolute_url()).status_code == 404
    assert client.get(reverse("content:topic", args=["no-such-topic"])).status_code == 404
    assert client.get(bare.get_absolute_url()).status_code == 404


def test_a_learners_reads_cost_one_query_however_many_sections(
    client, shipped_notes, learner, django_assert_num_queries
):
    sections = list(Section.objects.active().filter(topic__slug="amazon-s3"))
    SectionRead.objects.bulk_create(
        SectionRead(user=learner, section=s, read_at="2026-11-01T10:00:00Z") for s in sections
    )
    client.force_login(learner)
    client.get(S3)
    # The stored page, the session, the user, their reads, their role (the header).
    with django_assert_num_queries(5):
        html = client.get(S3).content.decode()
    assert f"{len(sections)} of {len(sections)} read" in html


def test_search_results_are_stored_per_query(client, shipped_notes, django_assert_num_queries):
    glacier = client.get(reverse("content:search"), {"q": "glacier"}).content.decode()
    with django_assert_num_queries(1):
        again = client.get(reverse("content:search"), {"q": "glacier"}).content.decode()
    assert body(again) == body(glacier) and "/topics/s3-storage-classes/" in glacier
    lambda_page = client.get(reverse("content:search"), {"q": "lambda"}).content.decode()
    assert "/topics/aws-lambda/" in lambda_page and "“lambda”" in lambda_page
