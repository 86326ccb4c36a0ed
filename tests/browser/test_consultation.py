"""Consultation in the browser: forening comments on a section and on a selected passage,
samordnare answers with a disposition, the report shows it; and the same by keyboard."""

from agreements.models import Comment, Revision
from tests.browser.helpers import assert_accessible, login


def open_consultation_path():
    revision = next(r for r in Revision.objects.published() if r.consultation_is_open)
    return f"/agreements/{revision.agreement.slug}/revisions/{revision.number}/"


def select_words_in_first_section(page):
    """Select the first few words of the first section's first paragraph, as a mouse would."""
    return page.evaluate(
        """() => {
            const p = document.querySelector('.section-text p');
            const node = p.firstChild;
            const words = node.textContent.split(' ').slice(0, 4).join(' ');
            const range = document.createRange();
            range.setStart(node, 0);
            range.setEnd(node, words.length);
            const selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
            return words;
        }"""
    )


def test_forening_comments_and_samordnare_answers(page):
    base = open_consultation_path()
    login(page, "forening")
    page.goto(base + "consultation/")
    assert_accessible(page)

    page.get_by_role("link", name="Lämna synpunkt på det här avsnittet").first.click()
    page.locator("#id_body").fill("Vi vill se en tydligare tidplan.")
    page.get_by_role("button", name="Publicera synpunkt").click()
    assert page.get_by_text("Din synpunkt har publicerats.").is_visible()
    assert_accessible(page)

    page.goto(base + "consultation/")
    words = select_words_in_first_section(page)
    page.locator(".section-text p").first.dispatch_event("mouseup")
    page.get_by_role("button", name="Kommentera det markerade stycket").click()
    assert page.get_by_label("Citerat stycke (valfritt)").input_value() == words
    page.locator("#id_body").fill("Den här meningen behöver skrivas om.")
    page.get_by_role("button", name="Publicera synpunkt").click()
    assert page.locator("blockquote.comment-quote").first.inner_text().strip().endswith(words)

    quoted = Comment.objects.get(quote=words, author__username="forening")
    page.get_by_role("button", name="Logga ut").click()
    login(page, "samordnare")
    page.goto(base + f"comments/{quoted.pk}/")
    page.get_by_role("link", name="Besvara").click()
    assert_accessible(page)
    page.get_by_label("Delvis beaktad").check()
    page.get_by_label("Motivering").fill("Meningen förtydligas i nästa version.")
    page.get_by_role("button", name="Spara svaret").click()
    assert page.get_by_text("Svaret har sparats.").is_visible()

    page.goto(base + "consultation/report/")
    assert page.get_by_text("Meningen förtydligas i nästa version.").is_visible()
    assert_accessible(page)
    page.goto(base + "comments/?status=answered")
    assert_accessible(page)
    page.goto(base + "consultation/extend/")
    assert_accessible(page)


def test_a_comment_can_be_written_with_the_keyboard_only(page):
    base = open_consultation_path()
    login(page, "forening")
    page.goto(base + "comments/new/")
    assert_accessible(page)

    page.locator("#id_organisation").focus()
    page.keyboard.press("Tab")  # to "Gäller" (the section list)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")  # the optional quote
    page.keyboard.press("Tab")  # the comment itself
    page.keyboard.type("Skrivet helt med tangentbordet.")
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.get_by_text("Din synpunkt har publicerats.").is_visible()
    comment = Comment.objects.get(body="Skrivet helt med tangentbordet.")
    assert comment.section is not None
    page.goto("/agreements/notifications/")
    assert_accessible(page)


def test_utomstaende_sees_none_of_it(page):
    base = open_consultation_path()
    login(page, "utomstaende")

    response = page.goto(base + "consultation/")

    assert response.status == 404
