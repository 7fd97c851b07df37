"""Each server process remembers a few records per agency read (the agency, its categories, its page
frame) for the current portal generation. A province has thousands of agencies: what is remembered is
bounded, the longest kept going first, and nothing is computed again while it is still kept."""

from gongkai.portal import page_cache


def test_the_longest_kept_goes_first_and_the_rest_are_not_computed_again(monkeypatch):
    monkeypatch.setattr(page_cache, "REMEMBERED_MAX", 10)
    computed = []

    def remember(name):
        return page_cache.remembered(("agency", name), 7, lambda: computed.append(name) or name)

    for number in range(25):
        assert remember(number) == number
    computed.clear()
    for number in range(15, 25):  # the ten most recent: still kept
        remember(number)
    assert computed == []
    remember(14)  # the eleventh: gone, computed again
    assert computed == [14]
