"""Errata and contradictions (content/errata.toml): every pattern hits its wrong example and
only that, on the line of the notes the entry names."""

from functools import cache
from pathlib import Path

import pytest

from content.catalog import (
    clean_line,
    find_erratum,
    load_catalog,
    load_contradictions,
    load_errata,
    parse_errata,
)

NOTES = Path(__file__).resolve().parents[1] / "notes"

ERRATA = load_errata()
CONTRADICTIONS = load_contradictions()


@cache
def note_lines(prefix: str) -> list[str]:
    (path,) = NOTES.glob(f"{prefix}_*")
    return path.read_text(encoding="utf-8").split("\n")


def source_line(ref: str) -> str:
    prefix, line = ref.split(":")
    lines = note_lines(prefix)
    assert 1 <= int(line) <= len(lines), f"{ref} is past the end of the file"
    return lines[int(line) - 1]


def collapse(text: str) -> str:
    return " ".join(text.split())


def test_enough_errata_and_contradictions():
    assert len(ERRATA) >= 15
    assert len(CONTRADICTIONS) >= 10


def test_ids_are_unique():
    assert len({e.id for e in ERRATA}) == len(ERRATA)
    assert len({c.id for c in CONTRADICTIONS}) == len(CONTRADICTIONS)


def test_every_note_file_has_errata():
    assert {e.source.split(":")[0] for e in ERRATA} == {"000", "001", "002", "003", "004"}


@pytest.mark.parametrize("erratum", ERRATA, ids=[e.id for e in ERRATA])
class TestErratum:
    def test_topic_is_in_the_catalog(self, erratum):
        assert erratum.topic is None or erratum.topic in load_catalog().topics

    def test_example_is_on_the_stated_line(self, erratum):
        assert collapse(erratum.example) in collapse(source_line(erratum.source))

    def test_pattern_matches_the_example(self, erratum):
        assert erratum.pattern.search(clean_line(erratum.example))

    def test_pattern_matches_the_cleaned_source_line(self, erratum):
        line = clean_line(source_line(erratum.source))
        assert erratum.pattern.search(line)
        # the parser may or may not strip inline bold; the pattern must not care
        assert erratum.pattern.search(line.replace("**", ""))

    def test_pattern_does_not_match_the_correct_statement(self, erratum):
        assert erratum.correct_example, "write a correct statement of the same fact"
        assert not erratum.pattern.search(clean_line(erratum.correct_example))

    def test_correction_does_not_repeat_the_error(self, erratum):
        assert not erratum.pattern.search(erratum.correction)
        assert erratum.correction.strip().endswith((".", ")"))

    def test_find_erratum_finds_it(self, erratum):
        found = find_erratum(source_line(erratum.source), ERRATA)
        assert found is not None
        assert found.pattern.search(clean_line(source_line(erratum.source)))


def test_no_erratum_fires_on_correct_statements():
    correct = [e.correct_example for e in ERRATA] + [
        "S3 is designed for 99.999999999% durability and 99.99% availability.",
        "An EBS volume is locked to an Availability Zone; to move it, snapshot it first.",
        "EC2 Instance Store loses its data if the instance is stopped.",
        "Reserved Instances offer up to 72% off On-Demand prices.",
        "gp2 volumes deliver 3 IOPS per GB and can burst to 3,000 IOPS.",
        "io1 volumes support up to 64,000 IOPS.",
        "DynamoDB is a NoSQL key/value database.",
        "Amazon EC2 = Elastic Compute Cloud = Infrastructure as a Service",
    ]
    for text in correct:
        assert find_erratum(text, ERRATA) is None, text


def test_find_erratum_on_parser_style_text():
    # bullet markers and runs of whitespace as a parser might leave them
    assert find_erratum("•  Can create   up to 5 Read Replicas", ERRATA).id == "rds-five-read-replicas"
    assert find_erratum("---> Best-Effort Ordering: blah and received is strictly preserved.", ERRATA).id == (
        "best-effort-strictly-preserved"
    )
    assert find_erratum("nothing wrong here", ERRATA) is None


def test_clean_line():
    assert clean_line("\t\t•  Access :   access and resourced") == "Access : access and resourced"
    assert clean_line("---> Millisecond performance") == "Millisecond performance"
    assert clean_line("   - **Dedicated Hosts**: text") == "**Dedicated Hosts**: text"
    assert clean_line("3. Lambda. it can only work") == "Lambda. it can only work"
    assert clean_line("Athena can’t update") == "Athena can't update"


@pytest.mark.parametrize("contradiction", CONTRADICTIONS, ids=[c.id for c in CONTRADICTIONS])
def test_contradiction_sources_exist(contradiction):
    assert contradiction.topic in load_catalog().topics
    assert len(contradiction.sources) >= 2
    for ref in contradiction.sources:
        assert source_line(ref).strip(), f"{ref} is a blank line"
    assert len(contradiction.note) > 40


def test_bad_errata_raise_naming_the_entry():
    entry = {"id": "x", "pattern": "(", "correction": "c.", "example": "e", "source": "001:1"}
    with pytest.raises(ValueError, match=r"erratum #1 \(x\): bad pattern"):
        parse_errata({"erratum": [entry]})
    with pytest.raises(ValueError, match="unknown topic 'nope'"):
        parse_errata({"erratum": [{**entry, "pattern": "a", "topic": "nope"}]}, load_catalog())
    with pytest.raises(ValueError, match="not 'NNN:line'"):
        parse_errata({"erratum": [{**entry, "pattern": "a", "source": "line 3"}]})
    with pytest.raises(ValueError, match="duplicate erratum id"):
        parse_errata({"erratum": [{**entry, "pattern": "a"}, {**entry, "pattern": "b"}]})
