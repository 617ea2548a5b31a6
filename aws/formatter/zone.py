"""A time zone's UTC offsets as a small table the formatter can embed.

Step Functions' JSONata has no time zone database: `$fromMillis` takes a fixed offset
("+0900"). So the offsets of the chosen zone over a window of years are computed here with
zoneinfo and written into the definition; the formatter picks the row in force at the event.
https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

YEARS_BEFORE, YEARS_AFTER = 1, 10
_DAY = timedelta(days=1)


def _offset(zone: ZoneInfo, at: datetime) -> tuple[int, str]:
    local = at.astimezone(zone)
    minutes = int(local.utcoffset().total_seconds() // 60) if local.utcoffset() else 0
    return minutes, local.tzname() or ""


def _first_change(zone: ZoneInfo, start: datetime, end: datetime) -> datetime:
    """The first second in (start, end] whose offset differs from start's (bisection)."""
    before = _offset(zone, start)
    low, high = start, end
    while high - low > timedelta(seconds=1):
        middle = low + (high - low) / 2
        if _offset(zone, middle) == before:
            low = middle
        else:
            high = middle
    return high.replace(microsecond=0)


def offset_text(minutes: int) -> str:
    """+0900, -0430: the offset picture `$fromMillis` takes."""
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}{rest:02d}"


def _row(zone: ZoneInfo, at: datetime) -> dict:
    minutes, name = _offset(zone, at)
    # Zones without a letter abbreviation name themselves "+03": the offset says that already.
    abbreviation = "" if name[:1] in "+-" else name
    return {"t": int(at.timestamp() * 1000), "o": offset_text(minutes), "n": abbreviation}


def offset_table(zone_name: str, now: datetime) -> list[dict]:
    """Rows {t: start in epoch ms, o: "+0900", n: "JST"} from a year before `now` to ten after;
    the first row also stands for any earlier time."""
    zone = ZoneInfo(zone_name)
    start = now.astimezone(UTC).replace(microsecond=0) - timedelta(days=366 * YEARS_BEFORE)
    end = start + timedelta(days=366 * (YEARS_BEFORE + YEARS_AFTER))
    rows = [_row(zone, start)]
    day = start
    while day < end:
        following = day + _DAY
        if _offset(zone, following) != _offset(zone, day):
            rows.append(_row(zone, _first_change(zone, day, following)))
        day = following
    return rows
