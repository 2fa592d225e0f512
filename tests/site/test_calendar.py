"""The deadlines calendar: one iCalendar (RFC 5545) event per dated period of the parameters, per measure and for
the whole document, in both languages, parsed by the icalendar library and compared with the parameter files."""
import re
from datetime import date, datetime, timedelta, timezone

import pytest
import yaml
from icalendar import Calendar

from handbook.static_server import SiteHandler
from tests.helpers import PROJECT

ROOTS = {"zh": "", "en": "en/"}
HAN = re.compile(r"[\u4e00-\u9fff]")


# Every dated period the parameter files state, read independently: {(measure, start, end): clauses}.
def stated_periods() -> dict:
    periods = {}
    for path in sorted(PROJECT.glob("policy_data/parameters/*.yaml")):
        for parameter in yaml.safe_load(path.read_text(encoding="utf-8"))["parameters"]:
            for value in parameter["values"]:
                if value["end"]:
                    key = (parameter["source"]["measure"], value["start"], value["end"])
                    periods.setdefault(key, set()).add(parameter["source"]["clause"])
    return periods


# The events of a built .ics file as (measure, first day, last day inclusive) -> event.
def events(path) -> dict:
    calendar = Calendar.from_ical(path.read_bytes())
    found = {}
    for event in calendar.walk("VEVENT"):
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        measure = int(re.search(r"-(\d{2})-\d{4}-", str(event["uid"])).group(1))
        found[(measure, start.isoformat(), (end - timedelta(days=1)).isoformat())] = event
    return found


@pytest.mark.parametrize("language", ROOTS)
def test_every_dated_period_is_one_event_per_measure_and_in_the_whole_calendar(built_site, language):
    periods = stated_periods()
    folder = built_site / ROOTS[language] / "calendar"
    measures = {measure for measure, _, _ in periods}
    assert sorted(path.name for path in folder.glob("*.ics")) == sorted([f"{n:02d}.ics" for n in measures] + ["all.ics"])
    for measure in measures:
        assert set(events(folder / f"{measure:02d}.ics")) == {key for key in periods if key[0] == measure}
    whole = events(folder / "all.ics")
    assert set(whole) == set(periods)
    assert len({str(event["uid"]) for event in whole.values()}) == len(periods)
    assert (1, "2020-01-24", "2020-02-09") in whole and (6, "2020-01-01", "2022-12-31") in whole


@pytest.mark.parametrize("language", ROOTS)
def test_events_are_all_day_with_the_day_after_as_end_and_cite_the_clause(built_site, language):
    periods = stated_periods()
    for (measure, start, end), event in events(built_site / ROOTS[language] / "calendar/all.ics").items():
        assert event["dtstart"].params["VALUE"] == "DATE" and event["dtend"].params["VALUE"] == "DATE"
        assert event.decoded("dtend") == date.fromisoformat(end) + timedelta(days=1)
        summary, description = str(event["summary"]), str(event["description"])
        number = "台政发〔2020〕2号 第" if language == "zh" else "Tai Zheng Fa [2020] No. 2, Measure "
        assert number + str(measure) in summary and number + str(measure) in description
        assert (HAN.search(summary.split("（")[0]) is not None) == (language == "zh"), summary
        assert f"/{ROOTS[language]}measures/{measure:02d}/" in description
        assert str(event["url"]).endswith(f"/{ROOTS[language]}measures/{measure:02d}/#{min(periods[(measure, start, end)])}")
        assert isinstance(event.decoded("dtstamp"), datetime) and event.decoded("dtstamp").tzinfo is not None
    spring = events(built_site / ROOTS[language] / "calendar/01.ics")[(1, "2020-01-24", "2020-02-09")]
    assert spring.decoded("dtend") == date(2020, 2, 10)


@pytest.mark.parametrize("name", ["calendar/05.ics", "calendar/all.ics", "en/calendar/all.ics"])
def test_lines_end_in_crlf_and_fold_at_75_octets(built_site, name):
    raw = (built_site / name).read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") or b"\r\nVERSION:2.0\r\n" in raw
    assert raw.endswith(b"END:VCALENDAR\r\n")
    lines = raw.split(b"\r\n")[:-1]
    assert b"\n" not in b"".join(lines) and b"\r" not in b"".join(lines)
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)
    raw.decode("utf-8")


def test_uids_are_stable_and_dtstamp_is_the_build_date():
    from handbook.data.dataset import load_dataset
    from handbook.data.export import export_dataset
    from handbook.site.ical import calendar_bytes
    from handbook.site.pages import Context
    export = export_dataset(load_dataset(PROJECT / "policy_data"))
    first = Calendar.from_ical(calendar_bytes(Context(export, "zh", date(2021, 5, 6), {}), None))
    later = Calendar.from_ical(calendar_bytes(Context(export, "zh", date(2024, 1, 2), {}), None))
    assert [str(event["uid"]) for event in first.walk("VEVENT")] == [str(event["uid"]) for event in later.walk("VEVENT")]
    assert {event.decoded("dtstamp") for event in first.walk("VEVENT")} == {datetime(2021, 5, 6, tzinfo=timezone.utc)}


@pytest.mark.parametrize("language,words", [("zh", "加入日历"), ("en", "Add to calendar")])
def test_measure_pages_link_their_calendar_only_when_they_have_dated_events(built_site, language, words):
    measures = {measure for measure, _, _ in stated_periods()}
    for path in sorted(PROJECT.glob("policy_data/measures/*.yaml")):
        number = yaml.safe_load(path.read_text(encoding="utf-8"))["number"]
        html = (built_site / ROOTS[language] / f"measures/{number:02d}/index.html").read_text(encoding="utf-8")
        link = f'<p class="hb-calendar"><a href="../../calendar/{number:02d}.ics" type="text/calendar" ' \
               f'download="{number:02d}.ics">{words}</a></p>'
        assert (link in html) == (number in measures), number
        assert (built_site / ROOTS[language] / f"calendar/{number:02d}.ics").is_file() == (number in measures)


def test_the_servers_send_ics_as_text_calendar():
    assert SiteHandler.extensions_map[".ics"].startswith("text/calendar")
    nginx = (PROJECT / "scripts/deploy/nginx.conf").read_text(encoding="utf-8")
    assert re.search(r"text/calendar\s+ics;", nginx)
