"""iCalendar feeds with the icalendar library."""

from __future__ import annotations

from icalendar import Calendar, Event

from domain.meetings.ports import CalendarEntry, CalendarRenderer


class IcalendarRenderer(CalendarRenderer):
    def render(self, name: str, entries: list[CalendarEntry]) -> bytes:
        calendar = Calendar()
        calendar.add("prodid", "-//Tafel//LIVC-R//NL")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("x-wr-calname", name)
        for item in entries:
            event = Event()
            event.add("uid", item.uid)
            event.add("summary", item.summary)
            event.add("dtstart", item.starts_at)
            event.add("dtend", item.ends_at)
            event.add("dtstamp", item.updated_at)
            if item.location:
                event.add("location", item.location)
            event.add("status", "CANCELLED" if item.cancelled else "CONFIRMED")
            calendar.add_component(event)
        return bytes(calendar.to_ical())
