"""Topic, category, source and search pages built from the shipped notes."""

import re

import pytest
from django.urls import reverse

from content.models import Section, SectionRead, Source, Topic

pytestmark = pytest.mark.django_db


def test_the_index_groups_topics_by_category_with_counts(client, shipped_notes):
    response = client.get(reverse("content:topic_index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h2 id="cat-storage"><a href="/topics/category/storage/">Storage</a></h2>' in html
    s3 = Topic.objects.get(slug="amazon-s3")
    assert f'href="/topics/amazon-s3/"><strong>{s3.name}</strong>' in html
    assert f"{s3.section_count} sections" in html
    assert 'name="q"' in html


def test_the_index_and_topic_pages_run_a_fixed_number_of_queries(client, shipped_notes, django_assert_num_queries):
    client.get(reverse("content:topic_index"))  # the first visit after an ingest renders the index and stores it
    with django_assert_num_queries(1):  # then one cache read
        client.get(reverse("content:topic_index"))
    big = Topic.objects.with_content().order_by("-section_count").first()
    small = Topic.objects.with_content().order_by("section_count").first()
    for topic in (big, small):
        client.get(topic.get_absolute_url())  # the first visit after an ingest renders the page and stores it
        with django_assert_num_queries(1):  # then a visitor costs one cache read, whatever the page's size
            assert client.get(topic.get_absolute_url()).status_code == 200


def test_a_signed_in_learner_pays_a_fixed_query_count(client, shipped_notes, learner, django_assert_num_queries):
    client.force_login(learner)
    client.get(reverse("content:topic", args=["amazon-s3"]))
    # The stored page, the session, the user, their sections read, their role (the header's Library link).
    with django_assert_num_queries(5):
        client.get(reverse("content:topic", args=["amazon-s3"]))


def test_topic_pages_are_public_and_show_the_merged_sections_with_sources(client, shipped_notes):
    response = client.get(reverse("content:topic", args=["amazon-s3"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Amazon S3</h1>" in html
    assert 'class="breadcrumbs"' in html and "/topics/category/storage/" in html
    # sources from several files, each a link to the line
    labels = set(re.findall(r'class="ref" href="/sources/\d+/\?line=\d+#L\d+" title="(\d{3}), line', html))
    assert len(labels) >= 3, labels
    assert 'href="/topics/s3-storage-classes/"' in html  # sub-topic linked


def test_the_s3_page_flags_the_thirteen_nines_line_with_its_correction(client, shipped_notes):
    html = client.get(reverse("content:topic", args=["amazon-s3"])).content.decode()
    errata = re.findall(r'<div class="line erratum.*?</div>\s*</div>', html, flags=re.S)
    durability = [e for e in errata if "99.99999999999" in e]
    assert durability, "the 13-nines durability line is not flagged"
    assert "Correction" in durability[0]
    assert "99.999999999%" in durability[0]  # the real figure: 11 nines
    assert re.search(r'title="[^"]+, line \d+"', durability[0])  # linked to its note line


def test_no_page_leads_with_a_summary_full_of_typos(shipped_notes):
    from learning.generate import garbled

    summaries = dict(Topic.objects.exclude(summary="").values_list("slug", "summary"))
    assert not [slug for slug, text in summaries.items() if garbled(text)]
    # A line full of typos once led the Route 53 routing page, and a garbled definition Kinesis' page.
    assert "availabiliy" not in Topic.objects.get(slug="route-53-routing-policies").summary
    assert "i.e ingest" not in summaries["amazon-kinesis"]


def test_sub_topic_pages_link_back_to_their_parent(client, shipped_notes):
    html = client.get(reverse("content:topic", args=["s3-storage-classes"])).content.decode()
    assert 'href="/topics/amazon-s3/">Amazon S3</a> ›' in html
    assert "Glacier" in html


def test_a_topic_without_notes_is_404_and_an_unknown_one_too(client, shipped_notes):
    uncovered = Topic.objects.filter(section_count=0).first()
    assert client.get(reverse("content:topic", args=[uncovered.slug])).status_code == 404
    assert client.get(reverse("content:topic", args=["no-such-service"])).status_code == 404


def test_chat_leftovers_appear_on_no_page(shipped_notes):
    leftovers = re.compile(r"^(sure|certainly|let me know|i hope this helps|would you like)\b", re.I)
    for text in Section.objects.active().values_list("plain_text", flat=True):
        for line in text.splitlines():
            assert not leftovers.match(line.strip()), line


def test_the_category_page_compares_its_topics(client, shipped_notes):
    html = client.get(reverse("content:category", args=["databases"])).content.decode()
    assert "<h1>Databases</h1>" in html
    for slug in ("amazon-rds", "amazon-dynamodb", "amazon-aurora", "amazon-elasticache"):
        assert f'href="/topics/{slug}/"' in html
    assert client.get(reverse("content:category", args=["nope"])).status_code == 404


def test_the_source_page_numbers_and_anchors_every_line(client, shipped_notes):
    source = Source.objects.order_by("-line_count").first()
    line = source.line_count // 2
    response = client.get(reverse("content:source", args=[source.pk]) + f"?line={line}")
    html = response.content.decode()
    assert html.count('<tr id="L') == source.line_count
    assert f'<tr id="L{line}" class="hl">' in html
    assert client.get(reverse("content:source", args=[999999])).status_code == 404


def test_search_finds_storage_classes_first_for_glacier(client, shipped_notes):
    response = client.get(reverse("content:search"), {"q": "glacier"})
    slugs = re.findall(r'<h2><a href="/topics/([a-z0-9-]+)/">', response.content.decode())
    assert slugs[0] == "s3-storage-classes", slugs


@pytest.mark.parametrize(
    "query, slug",
    [("r53", "amazon-route-53"), ("dynamo db", "amazon-dynamodb"), ("Simple Storage Service", "amazon-s3")],
)
def test_search_understands_service_aliases(client, shipped_notes, query, slug):
    response = client.get(reverse("content:search"), {"q": query})
    slugs = re.findall(r'<h2><a href="/topics/([a-z0-9-]+)/">', response.content.decode())
    assert slugs and slugs[0] == slug, slugs


def test_search_highlights_matches_in_snippets(client, shipped_notes):
    html = client.get(reverse("content:search"), {"q": "versioning"}).content.decode()
    assert re.search(r"<mark>versioning</mark>", html, flags=re.I)


def test_marking_a_section_read_needs_sign_in_and_post(client, shipped_notes, learner):
    section = Section.objects.active().filter(topic__slug="amazon-s3").first()
    url = reverse("content:mark_read", args=[section.pk])
    assert client.post(url).status_code == 302  # to sign-in
    client.force_login(learner)
    assert client.get(url).status_code == 405
    response = client.post(url, {"read": "1"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert b"\xe2\x9c\x93 Read" in response.content and b"<html" not in response.content
    assert SectionRead.objects.filter(user=learner, section=section).exists()
    client.post(url, {"read": "0"})
    assert not SectionRead.objects.filter(user=learner, section=section).exists()
    assert client.post(reverse("content:mark_read", args=[999999])).status_code == 404


def test_a_section_title_naming_the_page_and_another_thing_keeps_both_names():
    """ "Amazon S3 – Security" on S3's page is "Security"; "Application Load Balancer & Network Load Balancer (v2)"
    on the load balancing page keeps both names, not "& Network Load Balancer (v2)"."""
    from content.services import strip_topic_prefix

    assert strip_topic_prefix("Amazon S3 – Security", ("S3",)) == "Security"
    names = ("Application Load Balancer", "ELB")
    for title in ("Application Load Balancer & Network Load Balancer (v2)", "ELB vs NLB", "ELB + Route 53"):
        assert strip_topic_prefix(title, names) == title
