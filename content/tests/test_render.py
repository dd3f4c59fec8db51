"""Note text is untrusted: what reaches the page is sanitised."""

from content.render import render_block, render_inline


def test_markdown_marks_render_as_html():
    assert render_inline("**S3** is *object* storage with `put`") == (
        "<strong>S3</strong> is <em>object</em> storage with <code>put</code>"
    )


def test_plain_text_is_escaped_not_parsed():
    assert render_inline("a < b & c") == "a &lt; b &amp; c"


def test_scripts_event_handlers_and_javascript_urls_never_survive():
    html = render_inline('<script>alert(1)</script> <img src=x onerror="alert(2)"> [click](javascript:alert(3))')
    assert "<script" not in html and "alert(1)" not in html
    assert "onerror" not in html and "<img" not in html
    assert "javascript:" not in html
    assert "click" in html  # the link text stays readable


def test_tables_render_as_tables_and_code_as_code():
    assert "<table>" in render_block("table", "| Class | Use |\n|---|---|\n| Standard | hot data |")
    assert render_block("code", "<b>x</b>") == "<pre><code>&lt;b&gt;x&lt;/b&gt;</code></pre>"
