"""Summaries of the shipped notes, as ingest stores them and topic pages show them."""

import re

import pytest
from django.urls import reverse

from content.models import Section, Source, Topic

pytestmark = pytest.mark.django_db

# The classes the shipped notes cover, with AWS's figures.
STORAGE_CLASSES = {
    "S3 Standard": ("99.99%", "None", "Milliseconds"),
    "S3 Intelligent-Tiering": ("99.9%", "None", "Milliseconds"),
    "S3 Standard-Infrequent Access (S3 Standard-IA)": ("99.9%", "30 days", "Milliseconds"),
    "S3 One Zone-Infrequent Access (S3 One Zone-IA)": ("99.5%", "30 days", "Milliseconds"),
    "S3 Glacier Instant Retrieval": ("99.9%", "90 days", "Milliseconds"),
    "S3 Glacier Flexible Retrieval": ("99.99%", "90 days", "3-5 hours (standard)"),
    "S3 Glacier Deep Archive": ("99.99%", "180 days", "Within 12 hours (standard), within 48 hours (bulk)"),
    "S3 Express One Zone": ("99.95%", "None", "Single-digit milliseconds"),
    "S3 on Outposts": ("Depends on the Outposts rack", "None", "Milliseconds"),
}


def flagged_lines() -> set[tuple[str, int]]:
    flagged = set()
    for items in Section.objects.active().values_list("items", flat=True):
        for item in items:
            if item["erratum"]:
                flagged.update((ref[0], ref[2]) for ref in item["refs"])
    return flagged


def statements(sheet: dict):
    if sheet.get("definition"):
        yield "definition", sheet["definition"]
    for fact in sheet.get("facts", []):
        yield "fact", fact
    for row in (sheet.get("table") or {}).get("rows", []):
        for cell in row["cells"]:
            if cell["text"] != "—":
                yield row["name"], cell


def test_the_storage_classes_table_has_a_row_per_class_the_notes_cover_with_the_corrected_figures(shipped_notes):
    table = Topic.objects.get(slug="s3-storage-classes").summary_sheet["table"]
    assert table["columns"] == ["Availability", "Minimum storage duration", "Retrieval time", "Typical use"]
    rows = {row["name"]: [cell["text"] for cell in row["cells"]] for row in table["rows"]}
    assert set(rows) == set(STORAGE_CLASSES)
    for name, (availability, minimum, retrieval) in STORAGE_CLASSES.items():
        assert rows[name][0].startswith(availability), name
        assert rows[name][1] == minimum, name
        assert retrieval in rows[name][2], name
        assert rows[name][3] != "—", name  # every class the notes cover says what it is for
    # The notes' "12-48 hours" for Deep Archive is flagged: the table gives the corrected figures.
    assert not any("12–48" in text or "12-48" in text for cells in rows.values() for text in cells)


def test_the_storage_classes_figures_link_to_the_note_lines_that_state_them(shipped_notes):
    rows = {
        row["name"]: row["cells"] for row in Topic.objects.get(slug="s3-storage-classes").summary_sheet["table"]["rows"]
    }
    one_zone_availability = rows["S3 One Zone-Infrequent Access (S3 One Zone-IA)"][0]
    ((_, source_pk, line),) = one_zone_availability["refs"]
    assert "99.5%" in Source.objects.get(pk=source_pk).text.split("\n")[line - 1]  # the line that states it
    minimum = rows["S3 Glacier Deep Archive"][1]
    assert minimum["refs"] == [] and minimum["url"].startswith("https://aws.amazon.com/")  # the notes never say


def test_no_summary_line_comes_from_a_line_flagged_as_wrong(shipped_notes):
    flagged = flagged_lines()
    assert flagged
    for slug, sheet in Topic.objects.with_content().values_list("slug", "summary_sheet"):
        for where, statement in statements(sheet):
            used = {(ref[0], ref[2]) for ref in statement["refs"]}
            assert not used & flagged, (slug, where, statement["text"])


def test_every_summary_fact_has_a_source_link(shipped_notes):
    for slug, sheet in Topic.objects.with_content().values_list("slug", "summary_sheet"):
        for where, statement in statements(sheet):
            assert statement["refs"] or statement["url"].startswith("https://"), (slug, where, statement)
        for trap in sheet.get("traps", []):
            assert trap["refs"], (slug, trap)


def test_every_topic_with_content_has_a_summary_that_says_what_it_is(shipped_notes):
    for topic in Topic.objects.with_content():
        definition = topic.summary_sheet.get("definition") or {}
        assert len(definition.get("text", "").split()) >= 4 or topic.summary_sheet.get("traps"), topic.slug


def test_a_thin_topic_gets_a_short_summary_not_an_empty_box(client, shipped_notes):
    thin = min(Topic.objects.with_content(), key=lambda t: sum(len(s.items) for s in t.sections.active()))
    assert sum(len(s.items) for s in thin.sections.active()) <= 2
    html = client.get(thin.get_absolute_url()).content.decode()
    box = re.search(r'<section class="summary card".*?</section>', html, re.S).group(0)
    assert thin.summary_sheet["definition"]["text"].split(":")[0] in box
    assert len(re.sub(r"<[^>]+>|\s+", " ", box).split()) < 200  # short: read in under a minute, essentials included


def test_the_route_53_policies_each_keep_their_own_paragraph(shipped_notes):
    titles = list(
        Section.objects.active().filter(topic__slug="route-53-routing-policies").values_list("title", "plain_text")
    )
    by_title = dict(titles)
    assert "WEIGHTED ROUTING" in by_title and "R53 LATENCY ROUTING" in by_title
    assert by_title["WEIGHTED ROUTING"].startswith("This is another routing polocy")
    assert "This is another routing" not in by_title.get("Overview", "")


def test_each_storage_class_section_keeps_its_own_availability_line(shipped_notes):
    sections = dict(
        Section.objects.active().filter(topic__slug="s3-storage-classes").values_list("title", "plain_text")
    )
    assert "99.99% availability" in sections["S3 Glacier"]  # not merged away into S3 Standard's section
    assert "99.9% availability" in sections["S3 Standard-IA (Infrequent Access)"]


def test_the_topic_page_shows_the_summary_first_and_folds_the_notes(
    client, shipped_notes, django_assert_max_num_queries
):
    url = reverse("content:topic", args=["s3-storage-classes"])
    client.get(url)  # the first visit after an ingest renders the page and stores it (content/stored_pages.py)
    with django_assert_max_num_queries(8):
        html = client.get(url).content.decode()
    assert html.index('class="summary card"') < html.index('id="notes"')
    assert "<caption" in html and "S3 storage classes compared" in html
    assert 'href="https://aws.amazon.com/s3/storage-classes/"' in html
    assert '<details class="note-section' in html and " open>" not in html
    every = client.get(url, {"lines": "all"}).content.decode()
    assert every.count("<details") == every.count(" open>") >= 5


def test_misspelled_service_names_show_the_catalogs_spelling(client, shipped_notes):
    html = client.get(reverse("content:topic", args=["amazon-kinesis"]), {"lines": "all"}).content.decode()
    stored = [item["text"] for s in Section.objects.active().filter(topic__slug="amazon-kinesis") for item in s.items]
    assert any(re.search(r"\bkineses\b", text, re.I) for text in stored)  # the stored text stays as written
    assert not re.search(r"\bkineses\b", html, re.I)


def test_a_flagged_line_keeps_its_words_when_its_correction_is_about_them(client, shipped_notes):
    # A note says "Amazon C2": the erratum's correction is about that spelling, so the line and the trap quote it.
    topic = Topic.objects.get(slug="cloud-service-models")
    # (The summary may leave that trap to the notes below when a key fact already says what EC2 is.)
    for trap in (t for t in topic.summary_sheet["traps"] if "C2" in t["correction"]):
        assert "Amazon C2" in trap["wrong"]
    html = client.get(topic.get_absolute_url(), {"lines": "all"}).content.decode()
    wrong = re.search(r'<div class="wrong">.*?</div>', html[html.index('id="notes"') :], re.S).group(0)
    assert "Amazon C2" in wrong


def test_search_snippets_render_bold_instead_of_asterisks(client, shipped_notes):
    html = client.get(reverse("content:search"), {"q": "intelligent tiering"}).content.decode()
    snippets = re.findall(r'<p class="snippet small">(.*?)</p>', html, re.S)
    assert snippets and not any("**" in s for s in snippets)
    assert any("<strong>" in s for s in snippets) and any("<mark>" in s for s in snippets)


# The exam's core topics: each has reference essentials in content/summary.toml (keyed by AWS concept).
CORE_TOPICS = [
    "aws-iam",
    "amazon-ec2",
    "amazon-s3",
    "amazon-rds",
    "amazon-vpc",
    "aws-lambda",
    "cloud-computing",
    "amazon-dynamodb",
    "amazon-cloudwatch",
    "amazon-cloudfront",
    "amazon-route-53",
    "elastic-load-balancing",
    "amazon-ec2-auto-scaling",
    "aws-global-infrastructure",
    "shared-responsibility-model",
    "security-groups",
    "amazon-ebs",
    "amazon-efs",
    "amazon-sqs",
    "amazon-sns",
    "aws-cloudformation",
    "amazon-eventbridge",
    "aws-dms",
    "aws-kms",
    "amazon-aurora",
    "amazon-redshift",
    "amazon-ecs",
]


def test_every_core_exam_topic_opens_with_its_reference_essentials(shipped_notes):
    from content.summary import load_reference

    essentials = load_reference().essentials
    pages = dict(Topic.objects.with_content().values_list("slug", "summary_sheet"))
    for slug in CORE_TOPICS:
        if slug == "amazon-cloudfront":
            continue  # the notes and the reference definition already say what the exam asks
        assert slug in essentials, slug
        if slug in pages:
            facts = [f["text"] for f in pages[slug]["facts"] if not f["refs"]]
            # In their order; the last ones give way only when the whole would not read in two minutes.
            assert facts == [e.text for e in essentials[slug]][: len(facts)], slug
            assert len(facts) >= min(3, len(essentials[slug])), slug
            assert len(pages[slug]["facts"]) <= 10, slug


def test_the_reference_is_keyed_by_catalog_topics(shipped_notes):
    from content.summary import load_reference

    reference = load_reference()
    known = set(Topic.objects.values_list("slug", flat=True))
    keys = {
        *reference.definitions,
        *reference.essentials,
        *(slug for topics, _ in reference.outdated for slug in topics),
    }
    assert keys <= known, keys - known


def test_every_key_fact_from_the_notes_is_one_clean_current_claim(shipped_notes):
    from content.summary import clean_claim, load_reference

    outdated = load_reference().outdated
    for slug, sheet in Topic.objects.with_content().values_list("slug", "summary_sheet"):
        for fact in sheet.get("facts", []):
            if fact["refs"]:  # from the notes; the reference's are checked against AWS by hand
                assert not any(slug in topics and p.search(fact["text"]) for topics, p in outdated), (slug, fact)
                # (the stored sheet keeps no kind: the fragment rule, which lists skip, is checked in test_summary)
                assert clean_claim(fact["text"], "list"), (slug, fact["text"])


def test_a_discontinued_service_says_so_before_its_summary_and_teaches_no_figures(client, shipped_notes):
    from io import StringIO

    from django.core.management import call_command

    topic = Topic.objects.exclude(discontinued="").get(slug="amazon-qldb")
    html = client.get(topic.get_absolute_url()).content.decode()
    assert html.index('class="discontinued"') < html.index('class="summary card"')
    assert all(not fact["refs"] for fact in topic.summary_sheet["facts"])  # no figures from the notes
    out = StringIO()
    call_command("summaries", "amazon-qldb", stdout=out)
    assert out.getvalue().split("\n")[1].startswith("Discontinued. AWS ended support for Amazon QLDB on 31 July 2025")


_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def test_no_trap_counts_fewer_options_than_the_table_shows(shipped_notes):
    for slug, sheet in Topic.objects.with_content().values_list("slug", "summary_sheet"):
        rows = len((sheet.get("table") or {}).get("rows", []))
        for trap in sheet.get("traps", []) if rows else ():
            for word in re.findall(
                r"\bhas (\w+) (?:routing policies|storage classes|types|options)\b", trap["correction"]
            ):
                assert _COUNTS.get(word, 99) >= rows, (slug, trap["correction"])
            assert not re.search(r"\b(?:leaves? out|omits?|is missing)\b", trap["correction"]), (slug, trap)


def _lines(sheet: dict) -> list[tuple[bool, str]]:
    """(from the notes, text) for every line a reader reads outside the table."""
    out = [(bool(sheet["definition"]["refs"]), sheet["definition"]["text"])] if sheet.get("definition") else []
    out += [(bool(f["refs"]), f["text"]) for f in sheet.get("facts", [])]
    out += [(True, t["correction"]) for t in sheet.get("traps", [])]
    if sheet.get("confusion") and sheet["confusion"]["text"]:
        out.append((False, sheet["confusion"]["text"]))
    return out


def test_every_summary_reads_in_two_minutes_and_says_each_point_once(shipped_notes):
    from itertools import combinations

    from content.summary import MAX_WORDS, content_words

    for slug, sheet in Topic.objects.with_content().values_list("slug", "summary_sheet"):
        words = sum(len(text.split()) for _, text in _lines(sheet))
        words += sum(len(t["wrong"].split()) for t in sheet.get("traps", []))
        words += sum(len(n.split()) for n in (sheet.get("confusion") or {}).get("names", []))
        assert words <= MAX_WORDS, (slug, words)
        for (_, a), (noted_b, b) in combinations(_lines(sheet), 2):
            mine, theirs = content_words(a), content_words(b)
            shorter = min(len(mine), len(theirs))
            # A key fact or trap from the notes shares under half its point with any line before it; a reference
            # line (checked by hand against AWS) may name the same parts for another point, never nearly all of them.
            most = 0.5 if noted_b else 0.85
            assert shorter < 3 or len(mine & theirs) < most * shorter, (slug, a, b)


def test_no_key_fact_is_a_pasted_heading_and_every_lead_is_a_sentence(shipped_notes):
    from content.summary import _GLOSSARY, heading_fragment

    for slug, sheet in Topic.objects.with_content().values_list("slug", "summary_sheet"):
        if sheet["definition"]["refs"]:  # the notes' definition ("Name: A service…"), not the reference's
            assert not _GLOSSARY.match(sheet["definition"]["text"]), (slug, sheet["definition"]["text"])
        for fact in sheet.get("facts", []):
            if fact["refs"]:
                assert not heading_fragment(fact["text"]), (slug, fact["text"])


def test_summaries_use_the_catalogs_service_names(shipped_notes):
    names = list(Topic.objects.values_list("name", flat=True))
    bare = [re.sub(r"^(?:Amazon|AWS) ", "", n) for n in names]
    wrong = {f"{prefix} {b}" for b in bare for prefix in ("AWS", "Amazon")} - set(names)
    for slug, sheet in Topic.objects.with_content().values_list("slug", "summary_sheet"):
        for _, text in _lines(sheet):
            found = [w for w in wrong if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)]
            assert not found, (slug, found, text)


def test_the_corrections_left_below_link_to_the_notes(client, shipped_notes):
    topic = next(t for t in Topic.objects.with_content() if t.summary_sheet.get("more_traps"))
    html = client.get(topic.get_absolute_url()).content.decode()
    assert re.search(r'<a href="#notes">\d+ more corrections? in the notes below</a>', html)
    assert 'id="notes"' in html


def test_dedicated_instances_show_the_discounts_they_can_have(shipped_notes):
    table = Topic.objects.get(slug="ec2-purchasing-options").summary_sheet["table"]
    row = next(r for r in table["rows"] if r["name"].startswith("Dedicated Instances"))
    commitment, discount = (c["text"] for c in row["cells"][:2])
    assert "Reserved Instances" in commitment and not discount.startswith("None")
