"""System checks of the content data files: a bad claim stops `manage.py check` and deploys, not an ingest."""

from django.core.checks import Error, register


@register()
def claims_are_valid(app_configs, **kwargs) -> list[Error]:
    """content/claims.toml: ids unique, topics in the catalog, patterns compile, each correction has a source,
    and no claim flags one of its own correct examples."""
    from content.ingest.claims import load_claims  # noqa: PLC0415

    try:
        claims = load_claims()
    except (ValueError, OSError) as exc:
        return [Error(f"content/claims.toml: {exc}", id="content.E001")]
    return [
        Error(f"content/claims.toml: claim {claim.id!r} flags its own correct example {text!r}", id="content.E002")
        for claim in claims
        for text in claim.examples
        if claim.search(text) is not None
    ]


@register()
def reference_facts_are_valid(app_configs, **kwargs) -> list[Error]:
    """content/reference_facts.toml: subjects' topics in the catalog, patterns compile, fact ids unique, each fact
    has a dimension value or a number cue and an https source, and no fact flags one of its own correct examples."""
    from content.ingest.facts_check import load_table  # noqa: PLC0415

    try:
        facts = load_table().facts
    except (ValueError, OSError) as exc:
        return [Error(f"content/reference_facts.toml: {exc}", id="content.E003")]
    return [
        Error(f"content/reference_facts.toml: fact {fact.id!r} flags its correct example {text!r}", id="content.E004")
        for fact in facts
        for text in fact.examples
        if fact.search(text) is not None
    ]
