// Times in the organization's own clock (Asia/Shanghai for a Chinese company), not
// the server's or the browser's: an entry reads "2025-11-03 14:05:09" for everyone in the company,
// and a date filter "2025-11-03" means that company's day. Written with formatToParts so the text is
// the same on every machine and in both languages.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function wallClock(instant: Date, timeZone: string) {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(instant).map((part) => [part.type, part.value]));
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** 2025-11-03T06:05:09Z in Asia/Shanghai → "2025-11-03 14:05:09". */
export function formatLocalDateTime(instant: Date, timeZone: string): string {
  const c = wallClock(instant, timeZone);
  return `${c.year}-${c.month}-${c.day} ${c.hour}:${c.minute}:${c.second}`;
}

/** The instant a local day ("2025-11-03") starts in the time zone: 2025-11-02T16:00:00Z in Shanghai. */
export function localDayStart(day: string, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const asUtc = Date.UTC(year, month - 1, date);
  // The zone's offset at that moment, measured by reading the wall clock there; a second pass
  // settles days on which the offset changes (summer time), where the first guess is an hour off.
  let guess = asUtc;
  for (let pass = 0; pass < 2; pass++) {
    const c = wallClock(new Date(guess), timeZone);
    const shown = Date.UTC(Number(c.year), Number(c.month) - 1, Number(c.day), Number(c.hour), Number(c.minute), Number(c.second));
    guess = asUtc - (shown - guess);
  }
  return new Date(guess);
}

/** The first instant after a local day: the next day's start. */
export function localDayEnd(day: string, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const next = new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
  return localDayStart(next, timeZone);
}

const QUARTER_HOUR_MS = 15 * 60_000;

/**
 * formatLocalDateTime for many instants: its Intl call per row was a tenth of a million-row export.
 * A zone's offset only changes on a quarter hour (UTC), so it is read once per quarter hour seen
 * and the wall clock is the instant shifted by it — the same text.
 */
export function localDateTimeFormatter(timeZone: string): (instant: Date) => string {
  const offsets = new Map<number, number>();
  const pad = (n: number) => String(n).padStart(2, "0");
  return (instant) => {
    const time = instant.getTime();
    const quarter = Math.floor(time / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
    let offset = offsets.get(quarter);
    if (offset === undefined) {
      const shown = formatLocalDateTime(new Date(quarter), timeZone);
      offset = Date.parse(`${shown.replace(" ", "T")}Z`) - quarter;
      offsets.set(quarter, offset);
    }
    const wall = new Date(time + offset);
    return `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())} ${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}`;
  };
}
