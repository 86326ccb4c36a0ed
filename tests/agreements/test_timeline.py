"""The agreement's timeline shows the newest events first, and the older ones behind
"Show all" (a <details>, no script)."""

import re

from tests.agreements.factories import edit_draft


def test_the_timeline_starts_with_the_newest_event_and_folds_the_older_ones(
    client, agreement, coordinator
):
    for number in range(12):
        edit_draft(agreement, f"Text {number}", by=coordinator)
    count = agreement.events.count()
    client.force_login(coordinator)

    page = client.get("/agreements/lo/").text

    timeline = page[page.index('id="timeline"') :]
    shown, rest = timeline.split('<details class="timeline-rest">')
    assert shown.count("<li>") == 10
    assert rest.count("<li>") == count - 10
    assert f"Visa alla {count} händelser" in rest
    times = re.findall(r'<time datetime="([^"]+)"', timeline)
    assert times == sorted(times, reverse=True)
