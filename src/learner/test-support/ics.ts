/**
 * @module learner/test-support/ics
 * An exported calendar read back by a real iCalendar parser (ical.js), as a calendar app reads it:
 * each event's UID, SEQUENCE, STATUS, times and summary, in the file's order.
 */
import ICAL from 'ical.js';

export interface ParsedEvent {
  readonly uid: string;
  readonly sequence: number;
  readonly status: string | undefined;
  readonly start: string;
  readonly end: string;
  readonly summary: string;
}

export function parseEvents(ics: string): ParsedEvent[] {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((e) => {
    const event = new ICAL.Event(e);
    const status = e.getFirstPropertyValue('status');
    return {
      uid: event.uid,
      sequence: Number(e.getFirstPropertyValue('sequence')),
      status: status === null ? undefined : String(status),
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      summary: event.summary,
    };
  });
}
