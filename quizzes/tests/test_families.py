"""Scenario families (quizzes/families.toml): the data is valid, every requirement renders into
every stem of its family, no requirement names its own answer, and the shipped notes give
evidence for enough options that most families yield questions.

Domains covered by the data: all four CLF-C02 domains.
  cloud-concepts          scaling/availability concepts, service and deployment models, cloud advantages
  security-compliance     shared responsibility (customer and AWS), IAM, S3 encryption and access,
                          network security controls, security services
  technology-services     storage, compute, containers, networking, databases, analytics, messaging,
                          monitoring, developer tools, migration
  billing-pricing-support EC2 purchasing options and cost management
                          tools (the notes never mention those tools, so that family yields nothing)
The notes touch support plans nowhere, and the plans changed recently, so there is no support-plan family.
"""

import re
import tomllib
from functools import cache
from pathlib import Path

import pytest

from content.catalog import DOMAINS, clean_line, load_catalog
from content.ingest.claims import find_claim
from quizzes.families import FAMILIES_PATH, Family, Requirement, load_families, parse_families

NOTES = Path(__file__).resolve().parents[2] / "content" / "notes"
FAMILIES = load_families()
REQUIREMENTS = [(f, r) for f in FAMILIES.values() for r in f.requirements]

# A family "yields questions" on a set of notes when the notes cover at least this many of
# its options and a requirement's answers and at least this many of its distractors.
MIN_COVERED = 3
# Retired or closed services that must appear nowhere (NOTES-ANALYSIS §5.1 and AWS notices).
RETIRED = re.compile(
    r"snowmobile|snowcone|snowball|\bQLDB\b|quantum ledger|multi-master|kinesis data analytics", re.IGNORECASE
)


def raw_data() -> dict:
    with FAMILIES_PATH.open("rb") as fh:
        return tomllib.load(fh)


@cache
def note_lines() -> tuple[str, ...]:
    """Every non-empty line of the shipped notes, cleaned, except lines with a known error."""
    lines = []
    for path in sorted(NOTES.glob("*.txt")):
        for raw in path.read_text(encoding="utf-8").split("\n"):
            line = clean_line(raw)
            if line and find_claim(raw) is None:
                lines.append(line)
    return tuple(lines)


@cache
def covered(family_id: str) -> frozenset[str]:
    """The options of a family that at least one line of the shipped notes is about."""
    family = FAMILIES[family_id]
    return frozenset(oid for oid, option in family.options.items() if any(map(option.matches, note_lines())))


def usable(family: Family, requirement: Requirement) -> bool:
    ids = covered(family.id)
    return set(requirement.meets) <= ids and len(set(requirement.fails) & ids) >= MIN_COVERED


def answer_names(name: str) -> list[str]:
    """An option's name and the forms a stem could give it away by: without a leading article,
    without its parenthesis, and the parenthesised short form ("S3 Standard-IA", "IaaS")."""
    names = [name]
    bare = re.sub(r"^(?:an?|the)\s+", "", name, flags=re.IGNORECASE)
    names.append(bare)
    outside = " ".join(re.sub(r"\([^)]*\)", " ", bare).split())
    if outside:
        names.append(outside)
    names.extend(inner.strip() for inner in re.findall(r"\(([^)]*)\)", bare))
    return [n for n in dict.fromkeys(names) if n]


# -- schema ------------------------------------------------------------------------------


def test_loads_and_counts():
    assert len(FAMILIES) >= 25
    singles = [r for _, r in REQUIREMENTS if not r.multi]
    multis = [r for _, r in REQUIREMENTS if r.multi]
    assert len(multis) >= 25, "at least 25 Which TWO requirements"
    assert len(singles) >= 150
    for family in FAMILIES.values():
        assert len(family.requirements) >= 3, f"{family.id}: too few requirements"


def test_every_domain_is_covered():
    assert {f.domain for f in FAMILIES.values()} == set(DOMAINS)


def test_topics_exist_and_are_live():
    catalog = load_catalog()
    for family in FAMILIES.values():
        for slug in [family.topic, *(o.topic for o in family.options.values() if o.topic)]:
            assert slug in catalog, f"{family.id}: {slug}"
            assert not catalog.get(slug).discontinued, f"{family.id}: {slug} is discontinued"


def test_ids_and_lists_are_consistent():
    for family, req in REQUIREMENTS:
        assert set(req.meets) <= set(family.options), f"{family.id}/{req.id}"
        assert set(req.fails) <= set(family.options), f"{family.id}/{req.id}"
        assert not set(req.meets) & set(req.fails), f"{family.id}/{req.id}"
        assert len(req.meets) in (1, 2) and len(req.fails) >= 2, f"{family.id}/{req.id}"
        assert set(req.why_not) <= set(req.fails), f"{family.id}/{req.id}"
        assert req.difficulty in (1, 2, 3), f"{family.id}/{req.id}"
    for family in FAMILIES.values():
        if any(r.multi for r in family.requirements):
            assert len(family.multi_stems) >= 2, family.id
        assert len(family.stems) >= 3, family.id


def test_no_retired_service_anywhere():
    text = FAMILIES_PATH.read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    assert not RETIRED.search(body), RETIRED.search(body)


def test_facts_and_reasons_are_sentences():
    for family in FAMILIES.values():
        for option in family.options.values():
            first = option.fact.split()[0]
            # a sentence, capitalised unless it opens with a lowercase product code such as "gp3"
            assert option.fact.endswith("."), f"{family.id}/{option.id}"
            assert first[0].isupper() or any(c.isdigit() for c in first), f"{family.id}/{option.id}"
    for family, req in REQUIREMENTS:
        for oid, reason in req.why_not.items():
            # a clause after "Not this one: ", lowercase unless it opens with a product name ("Athena has...")
            opener = reason.split()[0]
            assert not reason.endswith("."), f"{family.id}/{req.id}/{oid}: {reason}"
            assert reason[0].islower() or opener not in {"A", "An", "The", "It", "This", "That", "They", "AWS"}, (
                f"{family.id}/{req.id}/{oid}: {reason}"
            )


# -- rendering -----------------------------------------------------------------------------


@pytest.mark.parametrize(("family", "req"), REQUIREMENTS, ids=[f"{f.id}/{r.id}" for f, r in REQUIREMENTS])
def test_requirement_renders_in_every_stem(family, req):
    stems = family.stems_for(req)
    assert stems, "no stems for this kind of requirement"
    for stem in stems:
        text = family.render(stem, req)
        # the generator fills stems with str.format: both ways must agree
        assert text == stem.format(need=req.need, noun=family.noun, plural=family.plural)
        assert "{" not in text and "}" not in text, text
        assert req.need in text
        assert text[0].isupper(), text
        assert "  " not in text and " ." not in text and " ," not in text and ".." not in text, text
        if req.multi:
            assert "TWO" in text and text.endswith(("?", "? (Select TWO.)")), text
        else:
            assert text.endswith("?") and "TWO" not in text, text
        sentence = text.split(". ")[0]
        assert not sentence.endswith((" a", " an", " the", " and", " or")), text


def test_need_never_names_its_answer():
    for family, req in REQUIREMENTS:
        need = req.need.casefold()
        for oid in req.meets:
            for name in answer_names(family.options[oid].name):
                assert not re.search(rf"(?<!\w){re.escape(name.casefold())}(?!\w)", need), (
                    f"{family.id}/{req.id}: the need names its answer {name!r}"
                )


def test_needs_are_distinct():
    for family in FAMILIES.values():
        needs = [r.need for r in family.requirements]
        assert len(set(needs)) == len(needs), family.id


# -- loud errors ---------------------------------------------------------------------------


def broken(mutate) -> dict:
    data = raw_data()
    mutate(data["family"][0])
    return data


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda f: f["requirement"][0].update(meets=["no-such-option"]), "unknown options"),
        (
            lambda f: f["requirement"][0].update(
                fails=[*f["requirement"][0]["fails"], f["requirement"][0]["meets"][0]]
            ),
            "both 'meets' and 'fails'",
        ),
        (lambda f: f["requirement"][0].update(fails=f["requirement"][0]["fails"][:1]), "at least 2"),
        (lambda f: f["option"][0].update(lures=["no-such-option"]), "lures unknown options"),
        (lambda f: f["requirement"][0].update(domain="billing"), "unknown domain"),
        (lambda f: f.update(stems=f["stems"][:2]), "at least 3 templates"),
        (
            lambda f: f.update(stems=[*f["stems"][:2], "A company {need}. Which {need_data} fits?"]),
            "unknown placeholders",
        ),
        (lambda f: f.update(topic="no-such-topic"), "unknown topic"),
        (lambda f: f["option"][0].update(topic="amazon-qldb"), "discontinued"),
        (lambda f: f.update(domain="billing"), "unknown domain"),
        (lambda f: f["option"][0].update(evidence=["(unclosed"]), "bad evidence regex"),
        (lambda f: f["requirement"][0].update(why_not={"no-such-option": "x"}), "not in 'fails'"),
        (lambda f: f["requirement"][0].update(difficulty=5), "difficulty"),
        (lambda f: f.update(colour="blue"), "unknown keys"),
        (lambda f: f["requirement"][0].update(need="Needs it."), "lowercase"),
        (lambda f: f.update(multi_stems=[]), "multi_stems"),
    ],
)
def test_schema_breaches_are_loud(mutate, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_families(broken(mutate))


def test_duplicate_family_id_is_loud():
    data = raw_data()
    data["family"].append(data["family"][0])
    with pytest.raises(ValueError, match="duplicate family id"):
        parse_families(data)


# -- evidence in the shipped notes ---------------------------------------------------------


def test_evidence_covers_most_families():
    short = {f.id: sorted(covered(f.id)) for f in FAMILIES.values() if len(covered(f.id)) < MIN_COVERED}
    yielding = [f.id for f in FAMILIES.values() if any(usable(f, r) for r in f.requirements)]
    silent = sorted(set(FAMILIES) - set(yielding))
    print(f"\n{len(yielding)} of {len(FAMILIES)} families yield questions from the shipped notes")
    for fid, ids in short.items():
        print(f"  fewer than {MIN_COVERED} options covered (no questions): {fid} {ids}")
    for fid in silent:
        if fid not in short:
            print(f"  options covered but no requirement fully evidenced (no questions): {fid}")
    assert len(short) <= len(FAMILIES) // 5, f"too many families without evidence: {sorted(short)}"
    assert len(yielding) >= 20, f"only {len(yielding)} families yield questions; silent: {silent}"


def test_every_option_regex_finds_its_own_name():
    """Each option has at least one evidence regex that recognises a plain mention of it, so
    learners' notes that use the canonical name are found (the shipped notes aside)."""
    misses = []
    for family in FAMILIES.values():
        for option in family.options.values():
            candidates = answer_names(option.name)
            if not any(option.matches(c) or option.matches(f"{c}: {option.fact}") for c in candidates):
                misses.append(f"{family.id}/{option.id}")
    assert not misses, misses


def test_an_ami_is_known_by_whose_it_is():
    """ "Your own AMI, which you build and maintain" is a custom AMI; "an AMI that is provided by AWS" is AWS's own."""
    options = load_families()["ami-option"].options
    assert options["custom-ami"].matches("Your own AMI, which you build and maintain yourself")
    assert options["amazon-ami"].matches("A public AMI that is provided by AWS, kept up to date")
    assert not options["custom-ami"].matches("An AMI that is provided by AWS")
    assert not options["amazon-ami"].matches("Your own AMI, which you build and maintain yourself")


def test_a_load_balancer_is_known_by_its_short_form():
    """ "# Network LB" titles the Network Load Balancer's section as "Network Load Balancer" would."""
    options = load_families()["load-balancer"].options
    assert options["nlb"].matches("Network LB")
    assert options["alb"].matches("Application ELB: layer 7")
    assert not options["nlb"].matches("Application LB")


def test_a_domain_name_registrar_is_route_53s_domain_registration():
    options = load_families()["route53-feature"].options
    assert options["registration"].matches("Route 53 is a domain name registrar for your company's names")


def test_a_pricing_model_in_a_terse_list_is_labelled_by_its_short_name():
    """ "Spot (spare capacity, up to 90% off)" and "Reserved - commit for 1 or 3 years" are the models' entries in a
    list of pricing models, as "On-Demand (pay by the second)" is; a longer name that opens the same way is not."""
    options = load_families()["ec2-purchasing-option"].options
    assert options["spot"].matches("Spot (spare capacity at up to 90% off, can be reclaimed)")
    assert options["standard-ri"].matches("Reserved - commit for 1 or 3 years for a lower price")
    assert options["standard-ri"].matches("reserved (commit for one or three years)")
    assert not options["standard-ri"].matches("Reserved capacity in one Availability Zone")
    assert not options["spot"].matches("Spot Fleet (a set of Spot and On-Demand Instances)")


def test_a_bare_standard_over_its_bullets_titles_s3_standard_on_a_storage_class_page():
    """ "1. Standard -" over "Used for files read every day", "99.99% availability" is S3 Standard's entry among the
    storage classes, as "## Standard" beside "## FIFO" is the SQS standard queue's on SQS's page."""
    from quizzes.evidence import Line, family_lines

    family = load_families()["s3-storage-class"]
    page = [
        Line(text="Standard -", refs=(("n", 1, 4),), topic="s3-storage-classes", heading="Storage classes"),
        Line(text="Used for files read every day, with 99.99% availability", refs=(("n", 1, 5),),
             topic="s3-storage-classes", heading="Storage classes", depth=1),
        Line(text="Infrequent Access -", refs=(("n", 1, 6),), topic="s3-storage-classes", heading="Storage classes"),
    ]  # fmt: skip
    lines = family_lines(family, {"s3-storage-classes": page}, {"s3-storage-classes"})
    assert "99.99% availability" in lines.evidence["standard"].text
