"""content/summary.toml against content/catalog.toml: every topic can be explained in one checked sentence."""

import re

from content.catalog import load_catalog
from content.summary import load_reference

# Entries written before this check that name the topic another way; left as they were.
NAMED_OTHERWISE = {"data-types"}  # "Data comes structured, semi-structured or unstructured"


def words(text):
    """Lower-case words, "&" read as "and", a plural 's' dropped, so "Network ACLs" matches "a network ACL"."""
    folded = re.findall(r"[a-z0-9]+", text.lower().replace("&", " and "))
    return [w[:-1] if len(w) > 3 and w.endswith("s") else w for w in folded]


def names_topic(sentence, topic):
    said = f" {' '.join(words(sentence))} "
    return any(f" {' '.join(words(name))} " in said for name in topic.names)


def first_sentence(text):
    return re.split(r"(?<=[.!?])\s+(?=[A-Z])", text, maxsplit=1)[0]


def test_every_catalog_topic_has_a_definition_that_names_it_and_links_an_aws_page():
    """An answer option ("Not this one: Amazon Redshift is ...") and a topic page without a readable
    definition in the notes both fall back to this sentence, so no topic may be left without one."""
    definitions = load_reference().definitions
    topics = load_catalog().topics.values()

    missing = [t.slug for t in topics if t.slug not in definitions]
    assert missing == []
    unnamed = [
        t.slug
        for t in topics
        if t.slug not in NAMED_OTHERWISE and not names_topic(first_sentence(definitions[t.slug].text), t)
    ]
    assert unnamed == []
    assert all(definitions[t.slug].url.startswith("https://") for t in topics)


def test_a_retired_service_is_defined_as_retired():
    definitions = load_reference().definitions
    for slug, said in {
        "aws-codestar": "discontinued",
        "aws-cloud9": "closed to new customers",
        "aws-snow-family": "retired",
        "aws-migration-hub": "no longer open to new customers",
    }.items():
        assert said in definitions[slug].text, slug
