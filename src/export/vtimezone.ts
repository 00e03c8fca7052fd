/**
 * @module export/vtimezone
 * The VTIMEZONE component RFC 5545 §3.6.5 asks for beside every TZID an iCalendar file uses, built
 * from the time-zone data Node carries (Intl): each change of UTC offset in the years covered, written
 * as an explicit STANDARD or DAYLIGHT observance (no RRULE, so no rule can be read differently).
 * A zone without changes gets one STANDARD observance.
 */

/** The zone's offset from UTC at an instant, in minutes (east positive). */
export function offsetMinutes(timeZone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(instant);
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!m) return 0;
  const value = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -value : value;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

function localStamp(instant: number): string {
  return new Date(instant).toISOString().replace(/[-:]/g, '').slice(0, 15);
}

/** The VTIMEZONE text (CRLF line ends, no trailing CRLF) for a zone over the given years. */
export function vtimezone(timeZone: string, fromYear: number, toYear: number): string {
  const from = Date.UTC(fromYear, 0, 1);
  const to = Date.UTC(toYear + 1, 0, 1);
  const transitions: { at: number; before: number; after: number }[] = [];
  let previous = offsetMinutes(timeZone, from);
  for (let t = from + DAY; t <= to; t += DAY) {
    const offset = offsetMinutes(timeZone, t);
    if (offset === previous) continue;
    // Narrow the change down to the minute.
    let lo = t - DAY;
    let hi = t;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 2 / 60_000) * 60_000;
      if (offsetMinutes(timeZone, mid) === previous) lo = mid;
      else hi = mid;
    }
    transitions.push({ at: hi, before: previous, after: offset });
    previous = offset;
  }
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  if (transitions.length === 0) {
    const offset = formatOffset(previous);
    lines.push(
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      `TZOFFSETFROM:${offset}`,
      `TZOFFSETTO:${offset}`,
      'END:STANDARD',
    );
  } else {
    const first = transitions[0];
    const standard = Math.min(...transitions.flatMap((t) => [t.before, t.after]));
    // The offset in force before the first change, from the start of the period covered.
    if (first) transitions.unshift({ at: from, before: first.before, after: first.before });
    for (const t of transitions) {
      const kind = t.after === standard ? 'STANDARD' : 'DAYLIGHT';
      lines.push(
        `BEGIN:${kind}`,
        // DTSTART is the wall-clock time just before the change, in the offset it changes from.
        `DTSTART:${localStamp(t.at + t.before * 60_000)}`,
        `TZOFFSETFROM:${formatOffset(t.before)}`,
        `TZOFFSETTO:${formatOffset(t.after)}`,
        `END:${kind}`,
      );
    }
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
