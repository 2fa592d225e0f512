"""Offline: with every other origin blocked, no page type, calculation or instant navigation even tries one."""


def test_no_page_type_calculation_or_instant_navigation_requests_another_origin(walk):
    assert len(walk) > 40
    assert {step: seen["foreign"] for step, seen in walk.items() if seen["foreign"]} == {}
