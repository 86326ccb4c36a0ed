"""At 390 CSS pixels, a phone, no page of the URL walk is wider than the viewport, for an
anonymous visitor and for a coordinator: wide tables scroll in their own box or stack, the
side-by-side diff falls back to inline, long words and addresses wrap."""

import pytest
from django.urls import reverse

from tests.browser.helpers import login
from tests.test_url_walk import expectations, url_names

# How far the page reaches past the viewport, and the elements that stick out of it.
TOO_WIDE = """() => {
    const width = window.innerWidth;
    const over = document.documentElement.scrollWidth - width;
    const culprits = over <= 0 ? [] : [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > width + 0.5)
        .filter(e => !e.closest('.table-scroll, .visually-hidden, .skip-link'))
        .slice(0, 4).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''));
    return over <= 0 ? null : `${over}px too wide: ${culprits.join(', ')}`;
}"""


def pages_for(role):
    table = expectations()
    for name in sorted(set(url_names()) & set(table)):
        if table[name].status_for(role) == 200:
            yield reverse(name, kwargs=table[name].kwargs())


def too_wide(page, url):
    probe = page.request.get(url)  # a download is not a page, and opening it aborts the browser
    if probe.status != 200 or "text/html" not in probe.headers.get("content-type", ""):
        return None
    page.goto(url)
    problem = page.evaluate(TOO_WIDE)
    return f"{url}: {problem}" if problem else None


@pytest.mark.parametrize("role", ["anonymous", "samordnare"])
def test_no_page_is_wider_than_a_390_pixel_phone(page, role):
    page.set_viewport_size({"width": 390, "height": 844})
    if role != "anonymous":
        login(page, role)

    problems = [problem for url in pages_for(role) if (problem := too_wide(page, url))]

    assert problems == [], "\n".join(problems)


def test_the_side_by_side_diff_falls_back_to_inline_on_a_phone(page):
    compare = "/agreements/lokal-overenskommelse-kullahamn/compare/?from=1&to=2&view=side"
    page.set_viewport_size({"width": 1024, "height": 800})
    page.goto(compare)
    assert page.locator("table.diff-table").first.is_visible()
    assert not page.locator(".diff-inline").first.is_visible()

    page.set_viewport_size({"width": 390, "height": 844})

    assert not page.locator("table.diff-table").first.is_visible()
    assert page.locator(".diff-inline ins, .diff-inline del").first.is_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")
