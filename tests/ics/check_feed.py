#!/usr/bin/env python3
"""Checks a Courtside calendar feed with an independent parser.

Usage: check_feed.py FEED.ics [UID=YYYY-MM-DDTHH:MM[+HH:MM] ...]

Parses the file with the `icalendar` package and checks that:
- it is a PUBLISH calendar with a Europe/London VTIMEZONE;
- every line ends in CRLF and is at most 75 octets;
- every event has a UID, SEQUENCE, STATUS and a DTSTART/DTEND in
  Europe/London, with DTEND after DTSTART; the only times written in UTC
  form instead are those in the second (GMT) pass through the hour the
  clocks repeat in autumn, which a London wall-clock time cannot name
  (and the DTEND of an event whose DTSTART is one of them);
- for each UID=LOCAL given, the event with that UID starts at that London
  wall-clock time, and at the UTC instant London time gives it (so a
  10:00 start after the spring change is 09:00 UTC, before it 10:00 UTC).
  LOCAL may carry its UTC offset (2026-10-25T01:30+00:00) to name one
  occurrence of a repeated time; without one, a repeated time means its
  first occurrence, as RFC 5545 readers take it.

Exits non-zero with a message on the first failure.
"""

import sys
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import icalendar

LONDON = ZoneInfo("Europe/London")


def fail(message):
    print(f"check_feed: {message}", file=sys.stderr)
    sys.exit(1)


def second_pass_of_repeated_hour(instant):
    """Whether a UTC instant is the GMT pass through the repeated hour."""
    local = instant.astimezone(LONDON)
    if local.fold != 1:
        return False
    return local.replace(fold=0).utcoffset() != local.utcoffset()


def main(argv):
    if len(argv) < 2:
        fail("usage: check_feed.py FEED.ics [UID=YYYY-MM-DDTHH:MM ...]")
    raw = open(argv[1], "rb").read()
    if not raw.endswith(b"\r\n"):
        fail("the feed does not end in CRLF")
    for n, line in enumerate(raw.split(b"\r\n")[:-1], start=1):
        if b"\n" in line or b"\r" in line:
            fail(f"line {n} has a bare line break")
        if len(line) > 75:
            fail(f"line {n} is {len(line)} octets long")

    cal = icalendar.Calendar.from_ical(raw)
    if str(cal.get("METHOD")) != "PUBLISH":
        fail("METHOD is not PUBLISH")
    zones = [str(tz.get("TZID")) for tz in cal.walk("VTIMEZONE")]
    if zones != ["Europe/London"]:
        fail(f"expected one Europe/London VTIMEZONE, found {zones}")

    events = {}
    for ev in cal.walk("VEVENT"):
        uid = str(ev.get("UID"))
        for prop in ("SEQUENCE", "STATUS", "DTSTAMP", "SUMMARY"):
            if ev.get(prop) is None:
                fail(f"{uid}: no {prop}")
        start = ev.decoded("DTSTART")
        end = ev.decoded("DTEND")
        for name, value in (("DTSTART", start), ("DTEND", end)):
            if not isinstance(value, datetime) or value.tzinfo is None:
                fail(f"{uid}: {name} is not a zoned date-time")
            if ev[name].params.get("TZID") == "Europe/London":
                continue
            in_utc = (value.utcoffset() is not None
                      and value.utcoffset().total_seconds() == 0
                      and ev[name].params.get("TZID") is None)
            # DTEND follows a DTSTART written in UTC form.
            start_in_utc = name == "DTEND" and ev["DTSTART"].params.get("TZID") is None
            if in_utc and (second_pass_of_repeated_hour(value) or start_in_utc):
                continue
            fail(f"{uid}: {name} is not in Europe/London")
        if end <= start:
            fail(f"{uid}: ends before it starts")
        if uid in events:
            fail(f"{uid}: two events with one UID")
        events[uid] = ev

    for expectation in argv[2:]:
        uid, _, local = expectation.partition("=")
        if uid not in events:
            fail(f"no event {uid}; found {sorted(events)}")
        start = events[uid].decoded("DTSTART")
        wanted = datetime.fromisoformat(local)
        if wanted.tzinfo is not None:
            wanted_utc = wanted.astimezone(timezone.utc)
            wanted_local = wanted.replace(tzinfo=None)
        else:
            wanted_local = wanted
            wanted_utc = wanted.replace(tzinfo=LONDON).astimezone(timezone.utc)
        got_utc = start.astimezone(timezone.utc)
        got_local = start.astimezone(LONDON).replace(tzinfo=None, fold=0)
        if got_local != wanted_local:
            fail(f"{uid}: starts {got_local} London time, wanted {wanted_local}")
        if got_utc != wanted_utc:
            fail(f"{uid}: starts {got_utc} UTC, wanted {wanted_utc}")
        print(f"ok {uid}: {got_local:%Y-%m-%d %H:%M} London = {got_utc:%H:%M} UTC")

    print(f"ok: {len(events)} events parsed by icalendar {icalendar.__version__}")


if __name__ == "__main__":
    main(sys.argv)
