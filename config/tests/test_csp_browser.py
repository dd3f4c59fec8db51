"""The Content-Security-Policy holds on real pages in Chromium: no page of ours breaks it (no inline script, no
foreign resource), and a script injected through a note's text would not run."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/",
    "/topics/",
    "/topics/amazon-s3/",
    "/search/?q=glacier",
    "/review/",
    "/cards/",
    "/quizzes/",
    "/dashboard/",
    "/settings/study/",
    "/cards/export/",
    "/assignments/",
    "/join/",
    "/classes/",
    "/bank/",
    "/library/",
    "/library/upload/",
]


def test_no_page_breaks_the_content_security_policy(page, live_server, sign_in, make_user):
    from content.services import ingest

    ingest()
    sign_in(page, make_user("irene", instructor=True))
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append((page.url, message.text)) if "Content Security Policy" in message.text else None
        ),
    )
    for path in PAGES:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        header = response.headers.get("content-security-policy", "")
        assert "script-src 'self'" in header and "unsafe-inline" not in header.split("script-src")[1].split(";")[0]
    source = page.goto(live_server.url + "/topics/amazon-s3/")
    assert source.ok
    # The one page that used an inline script: the source view scrolls to its line from a static file now.
    link = page.locator("a[href*='/sources/']").first.get_attribute("href")
    page.goto(live_server.url + link)
    assert not violations, violations
    # An inline script slipped into a page (as a note's text might try) is refused by the browser.
    ran = page.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.pwned = 1';
                                  document.body.appendChild(s); return window.pwned === 1; }""")
    assert ran is False and any("Content Security Policy" in text for _, text in violations)
