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
