/**
 * The alert run over days and failures, through the bundle: text that looks like numbers or
 * dates, passing mail outages, hundreds of recipients, and an Alert Log kept to its window.
 */
import { OWNER, World, account, day, smallBook } from '../helpers/alert-world';

const DAY_MS = 86_400_000;

describe('keys that look like numbers, dates or booleans', () => {
  // Range.setValues parses strings as typing does ("00123" becomes 123); the add-on writes
  // them as text so that History and the Alert Log keep matching the book's keys.
  const keys = ['00123', '2026-01-05', 'TRUE', '1e3', '45%', '+44 20', "'=1+1"];

  it('each alert is sent once over three days', () => {
    const world = new World(
      keys.map((key, i) => account(`Account ${i}`, key, `csm${i}@acme.test`, 'poor')),
    );
    world.turnOn(day('2026-11-23', 6), '8');
    for (const iso of ['2026-11-23', '2026-11-24', '2026-11-25']) world.tick(day(iso, 8));
    expect(world.sentTo().sort()).toEqual(keys.map((_, i) => `csm${i}@acme.test`).sort());
    const history = world.sheetValues('History').slice(1);
    // The book's "'=1+1" is the text =1+1, typed with an apostrophe.
    const texts = keys.map((key) => key.replace(/^'/, ''));
    expect(history.map((row) => row[0]).sort()).toEqual(texts.sort());
  });
});

describe('sending through a mail outage', () => {
  it('keeps a digest queued after a passing error, and sends it once on the next hourly run', () => {
    const world = new World(smallBook());
    world.turnOn(day('2026-11-23', 6), '8');
    world.mail.failNextSends(1);
    world.tick(day('2026-11-23', 8));
    const waiting = world.log().filter((row) => row.Status === 'queued');
    expect(waiting.length).toBeGreaterThan(0);
    expect(String(waiting[0]?.Detail)).toContain('Last try failed (1 of 6)');
    expect(waiting[0]?.['Send attempts']).toBe(1);

    const before = world.mail.outbox.length;
    world.tick(day('2026-11-23', 9));
    expect(world.log().filter((row) => row.Status === 'queued')).toEqual([]);
    const recipient = String(waiting[0]?.Recipient);
    expect(world.sentTo().filter((to) => to === recipient)).toHaveLength(1);
    expect(world.mail.outbox.length).toBe(before + 1);
  });

  it('gives up after six tries and says so; a refused address is closed at once', () => {
    const world = new World(smallBook());
    world.turnOn(day('2026-11-23', 6), '8');
    world.mail.failNextSends(1, 'Invalid email: ana@acme.test');
    world.mail.failNextSends(500);
    for (let hour = 8; hour < 16; hour++) world.tick(day('2026-11-23', hour));
    const rows = world.log().filter((row) => row.Recipient !== '');
    expect(rows.every((row) => row.Status === 'skipped')).toBe(true);
    expect(rows.some((row) => String(row.Detail).includes('Could not send: Invalid email'))).toBe(
      true,
    );
    expect(rows.some((row) => String(row.Detail).includes('Could not send after 6 tries'))).toBe(
      true,
    );
    expect(world.mail.outbox).toHaveLength(0);
  });
});

describe('many recipients', () => {
  it('400 recipients in one run: each gets one digest and every property stays under 9 KB', () => {
    const rows = Array.from({ length: 400 }, (_, i) =>
      account(`Account ${i}`, `K-${i}`, `csm.number.${i}@customer-success.example.com`, 'poor'),
    );
    const world = new World(rows);
    world.mail.setQuota(1500);
    world.turnOn(day('2026-11-23', 6), '8');
    world.tick(day('2026-11-23', 8));
    expect(new Set(world.sentTo()).size).toBe(400);
    expect(world.sentTo()).toHaveLength(400);
    for (const store of world.properties.document.values()) {
      for (const value of store.values()) expect(value.length).toBeLessThan(9 * 1024);
    }
  });
});

describe('owned sheets stay small', () => {
  it('are as wide as their columns, and creating them never moves the user off their sheet', () => {
    const world = new World(smallBook());
    world.turnOn(day('2026-11-23', 6), '8');
    world.tick(day('2026-11-23', 8));
    const log = world.spreadsheet.sheet('Alert Log');
    expect(log.getMaxColumns()).toBe(16);
    expect(world.spreadsheet.sheet('History').getMaxColumns()).toBe(8);
    expect(world.spreadsheet.activeSheetView().getName()).toBe('Accounts');
  });

  it('the Alert Log keeps 90 days: older rows go in one call and their counts are kept', () => {
    const world = new World(smallBook());
    world.turnOn(day('2026-11-23', 6), '8');
    let now = day('2026-11-23', 8);
    world.tick(now);
    const firstDayRows = world.log().length;
    // A fresh champion loss every day keeps new alerts coming; 120 daily runs.
    for (let i = 1; i <= 120; i++) {
      now = new Date(now.getTime() + DAY_MS);
      world.mail.resetDay();
      world.tick(now);
    }
    const times = world.log().map((row) => (row.Time as Date).getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(now.getTime() - 91 * DAY_MS);
    expect(firstDayRows).toBeGreaterThan(0);
    const archive = JSON.parse(
      [...world.properties.document.values()][0]?.get('csEngine.alerts.archived') ?? '{}',
    ) as { from: string; counts: Record<string, number> };
    expect(archive.from).toBe('2026-11-23');
    expect(Object.values(archive.counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    // Still sending after rows moved up: nothing left queued.
    expect(world.log().filter((row) => row.Status === 'queued')).toEqual([]);
  });
});

describe('a trigger that cannot run', () => {
  /** The hourly trigger's execution at `now`, in the context a test describes. */
  function tickWithout(world: World, now: Date, missing: Record<string, null>): void {
    const runtime = world.execution(now);
    runtime.fireTimeTrigger('onAlertsTrigger', missing);
    runtime.endExecution();
  }

  it('with no document context sends one explanatory email and nothing else, however often it fires', () => {
    const world = new World(smallBook());
    world.turnOn(day('2026-11-23', 6), '8');
    for (const hour of [8, 9, 10]) {
      tickWithout(world, day('2026-11-23', hour), {
        activeSpreadsheet: null,
        documentLock: null,
        documentProperties: null,
      });
    }
    expect(world.mail.outbox).toHaveLength(1);
    const [notice] = world.mail.outbox;
    expect(notice?.to).toEqual([OWNER]);
    expect(notice?.subject).toBe('CS Engine could not open your spreadsheet for the daily alerts');
    expect(notice?.body).toContain('Turn on daily alerts');
    expect(world.spreadsheet.model.sheetByName('Alert Log')).toBeUndefined();
  });

  it('without a document lock (no script-lock fallback) says so once too', () => {
    const world = new World(smallBook());
    world.turnOn(day('2026-11-23', 6), '8');
    tickWithout(world, day('2026-11-23', 8), { documentLock: null });
    tickWithout(world, day('2026-11-23', 9), { documentLock: null });
    expect(world.mail.outbox.map((mail) => mail.subject)).toEqual([
      'CS Engine could not open your spreadsheet for the daily alerts',
    ]);
  });

  it('needing authorization emails the link once, then runs normally once approved', () => {
    const world = new World(smallBook());
    world.turnOn(day('2026-11-23', 6), '8');
    world.triggers.authorizationRequired = true;
    world.tick(day('2026-11-23', 8));
    world.tick(day('2026-11-23', 9));
    expect(world.mail.outbox).toHaveLength(1);
    expect(world.mail.outbox[0]?.subject).toBe(
      'CS Engine needs your permission again to send alerts',
    );
    expect(world.mail.outbox[0]?.body).toContain('https://script.google.com/');
    world.triggers.authorizationRequired = false;
    world.tick(day('2026-11-23', 10));
    expect(world.mail.outbox.length).toBeGreaterThan(1);
    expect(world.log().some((row) => row.Status === 'sent')).toBe(true);
  });
});
