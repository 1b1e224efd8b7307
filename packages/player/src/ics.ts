/**
 * "Add to calendar" for a scheduled show: an iCalendar (RFC 5545) event the viewer's calendar
 * app opens. Built as text and offered as a download — no server round trip, nothing inline.
 */
export interface CalendarEvent {
  /** Stable id, so adding twice updates the same calendar entry. */
  readonly uid: string;
  readonly title: string;
  readonly description?: string;
  /** ISO 8601 start. */
  readonly start: string;
  readonly durationMinutes?: number;
  /** Where to watch. */
  readonly url?: string;
}

/** RFC 5545 text escaping: backslash, semicolon, comma, newlines. */
function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** `20261127T080000Z` */
function icsDate(time: number): string {
  return new Date(time).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Folds a content line at 75 octets (continuation lines start with a space), never inside a character. */
function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    if (size + bytes > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export function buildIcs(event: CalendarEvent, now: number = Date.now()): string {
  const start = Date.parse(event.start);
  if (Number.isNaN(start)) throw new RangeError(`Invalid start time: ${event.start}`);
  const end = start + (event.durationMinutes ?? 60) * 60_000;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//LivePlus//lp-player//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${icsDate(now)}`,
    `DTSTART:${icsDate(start)}`,
    `DTEND:${icsDate(end)}`,
    `SUMMARY:${escapeText(event.title)}`,
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    ...(event.url ? [`URL:${event.url.replace(/[\r\n]/g, '')}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** Offers the text as a file download (a `blob:` URL on a temporary link, revoked right after). */
export function downloadIcs(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
