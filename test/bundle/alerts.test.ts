/**
 * At-risk alerts through the built bundle, as Apps Script runs them: the hourly trigger, the
 * menu, the History and Alert Log sheets, MailApp's quota, locks, and executions that die.
 * Every test uses a fixed clock in UTC; each "execution" is a new runtime sharing the
 * spreadsheet, properties, locks, mail and triggers, as successive Apps Script runs do.
 */
import { generateBook } from '../../dev/demo-book';

import { OWNER, World, account, day, smallBook } from '../helpers/alert-world';

describe('turning alerts on and off', () => {
  it('installs one hourly trigger however often it is turned on, and reports its status', () => {
    const world = new World(smallBook());
    world.turnOn(day('2026-11-23', 7), '8');
    world.turnOn(day('2026-11-23', 7), '9am');
    const mine = world.triggers.forUser(OWNER);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.handlerFunction).toBe('onAlertsTrigger');

    const runtime = world.execution(day('2026-11-23', 7));
    runtime.call('menuAlertsStatus');
    const status = runtime.ui.events.at(-1);
    expect(status?.type === 'alert' && status.prompt).toContain(
      'Daily alerts: on, every day at 09:00 (UTC).',
    );
    expect(status?.type === 'alert' && status.prompt).toContain('Last run: never.');
  });

  it('refuses an hour it cannot read, and changes nothing', () => {
    const world = new World(smallBook());
    const runtime = world.turnOn(day('2026-11-23', 7), 'noonish');
    const message = runtime.ui.events.at(-1);
    expect(message?.type === 'alert' && message.prompt).toContain('"noonish" is not an hour');
    expect(world.triggers.forUser(OWNER)).toHaveLength(0);
  });

  it('turning off removes the trigger', () => {
    const world = new World(smallBook());
    world.turnOn(day('2026-11-23', 7));
    const runtime = world.execution(day('2026-11-23', 7));
    runtime.call('menuAlertsOff');
    expect(world.triggers.forUser(OWNER)).toHaveLength(0);
  });

  it('builds a CS Engine menu with an Alerts submenu whose handlers exist', () => {
    const runtime = new World(smallBook()).execution(day('2026-11-23'));
    runtime.call('onOpen', { authMode: 'LIMITED' });
    const menu = runtime.ui.menu('CS Engine');
    const alerts = menu?.entries.find((entry) => entry.type === 'submenu');
    expect(alerts?.type === 'submenu' && alerts.caption).toBe('Alerts');
    const handlers = alerts?.type === 'submenu' ? alerts.entries : [];
    expect(handlers).toHaveLength(6);
    for (const item of handlers) {
      if (item.type === 'item') expect(typeof runtime.globals[item.functionName]).toBe('function');
    }
  });
});

describe('a daily run', () => {
  it('does nothing before the chosen hour, then checks the book once and sends one digest per recipient', () => {
    const world = new World(smallBook());
    world.turnOn(day('2026-11-23', 6), '8');
    world.tick(day('2026-11-23', 7));
    expect(world.mail.outbox).toHaveLength(0);
    expect(world.sheetValues('History')).toEqual([]);

    world.tick(day('2026-11-23', 8));
    // ana (Globex), ben (Initech, Hooli), cy (the script-named account), the owner (Umbrella:
    // no valid CSM email). Acme is healthy; Broken Row cannot be scored.
    expect(world.sentTo().sort()).toEqual(
      ['ana@acme.test', 'ben@acme.test', 'cy@acme.test', OWNER].sort(),
    );
    const log = world.log();
    expect(log.filter((row) => row.Status === 'queued')).toHaveLength(0);
    const umbrella = log.find((row) => row.Account === 'Umbrella');
    expect(umbrella?.Recipient).toBe(OWNER);
    expect(String(umbrella?.Detail)).toContain("CSM email 'not-an-email' is not a valid address");
    const broken = log.find((row) => row.Account === 'Broken Row');
    expect(broken?.Status).toBe('skipped');
    expect(String(broken?.Detail)).toContain(
      "DAU/MAU: expected a percentage such as 45% or 0.45, found 'lots'",
    );

    // History: one row per scored account, with today's score.
    const history = world.sheetValues('History');
    expect(history[0]).toEqual([
      'Account key',
      'Account',
      'Last run',
      'Score',
      'Tier',
      'Tier since',
      'Alert state',
      'Daily scores',
    ]);
    expect(history).toHaveLength(1 + 7);
    // A name that looks like a formula is written as text, never run.
    const formulaName = history.find((row) => row[1] === '=HYPERLINK("http://x","y")');
    expect(formulaName?.[0]).toBe('+A-8');
    const formulas = world.spreadsheet.sheet('History').snapshotFormulas().flat();
    expect(formulas.filter((formula) => formula !== '')).toEqual([]);
    const globex = history.find((row) => row[0] === 'A-2');
    expect(String(globex?.[7])).toMatch(/^2026-11-23:\d+:$/);

    // Later ticks the same day only look at the queue.
    world.tick(day('2026-11-23', 9));
    world.tick(day('2026-11-23', 15));
    expect(world.mail.outbox).toHaveLength(4);
  });

  it('writes a digest that says what, why, how bad, and what to do by when', () => {
    const world = new World(smallBook());
    world.turnOn(day('2026-11-23', 6));
    world.tick(day('2026-11-23', 8)); // the baseline: one summary each
    const before = world.mail.outbox.length;
    world.edit('Acme Corp', 'Champion status', 'left');
    world.tick(day('2026-11-24', 8));
    const news = world.mail.outbox.slice(before);
    expect(news.map((mail) => mail.to.join())).toEqual(['ana@acme.test']);
    const ana = news[0];
    expect(ana?.subject).toBe(
      'CS Engine: 1 account to act on today, 1 in all (Customer Book, 2026-11-24)',
    );
    expect(ana?.body).toContain('== Act today, within 24 hours (1) ==');
    expect(ana?.body).toContain('What to do: Executive escalation and a save call within 24 hours');
    expect(ana?.body).toContain('The champion has left.');
    expect(ana?.body).not.toContain('Globex'); // in a condition since the baseline: no news
    expect(ana?.htmlBody).toContain('#gid=');
    expect(ana?.htmlBody).toContain('&amp;range=A2');
  });

  it('escapes an account named <script>alert(1)</script>', () => {
    const world = new World(smallBook());
    world.turnOn(day('2026-11-23', 6));
    world.tick(day('2026-11-23', 8));
    const cy = world.mail.outbox.find((mail) => mail.to.includes('cy@acme.test'));
    expect(cy?.htmlBody).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(cy?.htmlBody).not.toContain('<script>');
  });

  it('sends the same condition again only after the reminder interval, and a new one at once', () => {
    const world = new World(smallBook());
    world.turnOn(day('2026-11-23', 6));
    world.tick(day('2026-11-23', 8)); // the baseline
    world.edit('Acme Corp', 'Formal complaint', true);
    const rowsFor = (from: number) =>
      world
        .log()
        .slice(from)
        .filter((row) => row.Account === 'Acme Corp');
    let seen = world.log().length;
    world.tick(day('2026-11-24', 8)); // new: sent at once
    expect(rowsFor(seen).map((row) => row.Reasons)).toEqual(['A formal complaint is on file.']);
    for (let date = 25; date <= 30; date++) {
      seen = world.log().length;
      world.tick(day(`2026-11-${date}`, 8));
      expect(rowsFor(seen)).toEqual([]);
    }
    seen = world.log().length;
    world.tick(day('2026-12-01', 8)); // 7 days later: a reminder
    expect(rowsFor(seen).map((row) => row.Reasons)).toEqual([
      'A formal complaint is on file. (reminder)',
    ]);
  });

  it('never reminds one by one what held at the baseline; it alerts when the account gets worse', () => {
    const world = new World(smallBook());
    world.turnOn(day('2026-11-23', 6));
    world.tick(day('2026-11-23', 8));
    const seen = world.log().length;
    // Three weeks: past the 7- and 14-day reminders an alert would have had.
    for (let date = 24; date <= 44; date++) {
      world.tick(day(new Date(Date.UTC(2026, 10, date)).toISOString().slice(0, 10), 8));
    }
    const alerts = () =>
      world
        .log()
        .slice(seen)
        .filter((row) => row.Recipient !== '');
    expect(alerts()).toEqual([]);
    // Globex (in the lowest tier since the baseline) gets a formal complaint: news.
    world.edit('Globex', 'Formal complaint', true);
    world.tick(day('2026-12-15', 8));
    expect(alerts().map((row) => [row.Account, row.Reasons])).toEqual([
      ['Globex', 'A formal complaint is on file.'],
    ]);
  });
});

describe('nothing lost, nothing sent twice', () => {
  it('the same run twice sends nothing new', () => {
    const world = new World(smallBook());
    world.turnOn(day('2026-11-23', 6));
    const first = world.execution(day('2026-11-23', 8));
    first.call('menuAlertsRunNow');
    first.endExecution();
    const sent = world.mail.outbox.length;
    const second = world.execution(day('2026-11-23', 8));
    second.call('menuAlertsRunNow');
    expect(world.mail.outbox).toHaveLength(sent);
    const message = second.ui.events.at(-1);
    const summary = message?.type === 'alert' ? message.prompt : '';
    expect(summary).toContain('0 alerts queued.');
    expect(summary).toContain('0 emails sent.');
  });

  it('queues what the quota cannot send, and sends it first, once, the next day', () => {
    const world = new World(smallBook());
    world.turnOn(day('2026-11-23', 6));
    world.mail.setQuota(2);
    world.tick(day('2026-11-23', 8));
    expect(world.mail.outbox).toHaveLength(2);
    expect(world.log().filter((row) => row.Status === 'queued').length).toBeGreaterThan(0);
    const status = world.execution(day('2026-11-23', 9));
    status.call('menuAlertsStatus');
    const text = status.ui.events.at(-1);
    expect(text?.type === 'alert' && text.prompt).toContain("today's email quota is used up");

    world.mail.resetDay();
    world.tick(day('2026-11-24', 1)); // before the hour: only the queue goes out
    const recipients = world.sentTo();
    expect(recipients).toHaveLength(4);
    expect(new Set(recipients).size).toBe(4);
    expect(world.log().filter((row) => row.Status === 'queued')).toHaveLength(0);
  });

  it('stops sending at the time budget and leaves the rest for the next hourly run', () => {
    const world = new World(smallBook());
    world.turnOn(day('2026-11-23', 6));
    world.mail.sendDelayMs = 100_000; // each email takes 100 s: the 4.5-minute budget fits 3
    world.tick(day('2026-11-23', 8));
    expect(world.mail.outbox).toHaveLength(3);
    expect(world.log().filter((row) => row.Status === 'queued').length).toBeGreaterThan(0);
    world.mail.sendDelayMs = 0;
    world.tick(day('2026-11-23', 9));
    expect(world.sentTo().sort()).toEqual(
      ['ana@acme.test', 'ben@acme.test', 'cy@acme.test', OWNER].sort(),
    );
  });

  it('a run that overlaps another stops without sending', () => {
    const world = new World(smallBook());
    world.turnOn(day('2026-11-23', 6));
    const id = world.spreadsheet.model.id;
    const release = world.locks.holdFromAnotherExecution(`document:${id}`);
    world.tick(day('2026-11-23', 8));
    expect(world.mail.outbox).toHaveLength(0);
    release();
    world.tick(day('2026-11-23', 9));
    expect(world.mail.outbox).toHaveLength(4);
  });

  it('an execution that dies at any point, then a rerun, delivers every digest exactly once', () => {
    // Count the service calls of a whole run, then kill a run after each of them in turn.
    const probe = new World(smallBook());
    probe.turnOn(day('2026-11-23', 6));
    const full = probe.tick(day('2026-11-23', 8));
    const totalCalls = full.calls.total();
    const expected = probe.sentTo().sort();
    expect(totalCalls).toBeGreaterThan(10);

    let sendsBefore = 0;
    for (let k = 0; k < totalCalls; k++) {
      const world = new World(smallBook());
      world.turnOn(day('2026-11-23', 6));
      const dying = world.execution(day('2026-11-23', 8));
      dying.killAfterCalls(k);
      try {
        dying.fireTimeTrigger('onAlertsTrigger');
      } catch {
        // The execution died: Apps Script would end it here.
      }
      dying.endExecution();
      const sentByDying = world.sentTo();
      world.tick(day('2026-11-23', 9));
      world.tick(day('2026-11-23', 10));
      const sent = world.sentTo().sort();
      // One window cannot be closed by any design: death in the instant after MailApp sent a
      // digest and before the run could record it. Alerts then prefer sending that one digest
      // twice to losing it. The window is exactly when the dying run's last call was a send.
      const diedRightAfterSending = sentByDying.length > sendsBefore;
      sendsBefore = sentByDying.length;
      const allowed = diedRightAfterSending
        ? [...expected, sentByDying[sentByDying.length - 1] as string].sort()
        : expected;
      expect({ k, sent }).toEqual({ k, sent: allowed });
      expect(world.log().filter((row) => row.Status === 'queued')).toHaveLength(0);
    }
  });

  it('logs a failure, reports it to the owner once, and keeps going next time', () => {
    const world = new World(smallBook());
    world.turnOn(day('2026-11-23', 6));
    const store = world.properties.documentStore(world.spreadsheet.model.id);
    const settings = JSON.parse(store.get('csEngine.alerts.settings') ?? '{}');
    store.set('csEngine.alerts.settings', JSON.stringify({ ...settings, bookSheet: 'Missing' }));
    world.tick(day('2026-11-23', 8));
    world.tick(day('2026-11-23', 9));
    const reports = world.mail.outbox.filter(
      (mail) => mail.subject === 'CS Engine: the alert run failed',
    );
    expect(reports).toHaveLength(1);
    expect(reports[0]?.to).toEqual([OWNER]);
    expect(reports[0]?.body).toContain('The book sheet "Missing" no longer exists');
    expect(world.log().filter((row) => row.Status === 'error')).toHaveLength(2);
  });
});

describe('text that looks like a formula', () => {
  // Typed as text in the user's cells (the apostrophe), as a hostile book would hold it.
  const HOSTILE_NAME = '=HYPERLINK("http://evil.test","x")';
  const HOSTILE_RECIPIENT = '=cmd|x@evil.test';

  it('stays text in the Alert Log after the send pass reads the queue back and writes it', () => {
    const world = new World([
      account(`'${HOSTILE_NAME}`, "'=A-9", `'${HOSTILE_RECIPIENT}`, 'poor'),
      account("'+Evil", "'-A-10", 'ana@acme.test', 'poor'),
      account("'@Evil", "'@A-11", 'ana@acme.test', 'poor', { complaint: true }),
    ]);
    world.turnOn(day('2026-11-23', 6));
    world.mail.setQuota(0); // everything waits in the queue for the next day's send pass
    world.tick(day('2026-11-23', 8));
    expect(world.log().filter((row) => row.Status === 'queued').length).toBeGreaterThan(0);
    world.mail.resetDay();
    world.mail.setQuota(100);
    world.tick(day('2026-11-24', 1));
    world.tick(day('2026-11-24', 8));

    for (const name of ['Alert Log', 'History']) {
      const formulas = world.spreadsheet.sheet(name).snapshotFormulas().flat();
      expect({ name, formulas: formulas.filter((formula) => formula !== '') }).toEqual({
        name,
        formulas: [],
      });
    }
    const log = world.log();
    const hostile = log.filter((row) => row.Account === HOSTILE_NAME);
    expect(hostile.length).toBeGreaterThan(0);
    expect(hostile.every((row) => row['Account key'] === '=A-9')).toBe(true);
    expect(log.some((row) => row.Recipient === HOSTILE_RECIPIENT)).toBe(true);
    expect(log.some((row) => row.Account === '+Evil' && row['Account key'] === '-A-10')).toBe(true);
    expect(log.some((row) => row.Account === '@Evil' && row['Account key'] === '@A-11')).toBe(true);
    expect(log.filter((row) => row.Status === 'queued')).toHaveLength(0);
  });
});

describe('preview', () => {
  it('shows what would be sent, and sends and remembers nothing', () => {
    const world = new World(smallBook());
    const runtime = world.execution(day('2026-11-23', 8));
    runtime.call('menuAlertsPreview');
    expect(world.mail.outbox).toHaveLength(0);
    expect(world.sheetValues('History')).toEqual([]);
    const dialog = runtime.ui.events.at(-1);
    expect(dialog?.type).toBe('modalDialog');
    const html = dialog?.type === 'modalDialog' ? dialog.output.getContent() : '';
    expect(html).toContain('To: ben@acme.test');
    expect(html).toContain('&lt;script&gt;');
    expect(world.log().every((row) => row.Status === 'preview' || row.Status === 'skipped')).toBe(
      true,
    );
  });
});

describe('service calls', () => {
  function demoWorld(accounts: number): World {
    const book = generateBook({ accounts, seed: 3, today: day('2026-11-23', 0), messy: false });
    return new World(book.rows, book.headers);
  }

  it('stay flat in the number of accounts; one email per recipient', () => {
    const counts = [100, 10_000].map((accounts) => {
      const world = demoWorld(accounts);
      world.turnOn(day('2026-11-23', 6));
      const run = world.tick(day('2026-11-23', 8));
      return {
        spreadsheet:
          run.calls.total('SpreadsheetApp') +
          run.calls.total('Spreadsheet') +
          run.calls.total('Sheet') +
          run.calls.total('Range'),
        growth: run.calls.count('Sheet.insertRowsAfter'),
        mail: run.calls.count('MailApp.sendEmail'),
        recipients: new Set(world.sentTo()).size,
      };
    });
    const [small, large] = counts as [(typeof counts)[0], (typeof counts)[0]];
    // The only difference: a new sheet starts with 1,000 rows, and History and the Alert Log
    // for 10,000 accounts each need one insertRowsAfter to make room.
    expect(large.spreadsheet - large.growth).toBe(small.spreadsheet - small.growth);
    expect(large.growth).toBeLessThanOrEqual(2);
    for (const count of counts) {
      expect(count.mail).toBe(count.recipients);
      expect(count.recipients).toBeGreaterThan(1);
    }
  });
});
