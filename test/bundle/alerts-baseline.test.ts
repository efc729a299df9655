/**
 * Alerts worth reading, through the bundle: the first run sends each CSM one summary of where
 * their book stands, later runs only what changed; a digest lists at most its cap, most urgent
 * and largest first, and links to the rest; churned accounts never alert; the same digest can
 * go to a Slack or Google Chat channel, with the permission asked for only then.
 */
import { CHAT_SCOPE } from '../../src/app/scopes';
import { HEADERS, OWNER, World, account, day, smallBook } from '../helpers/alert-world';

const BOOK_HEADERS = [...HEADERS, 'ARR', 'Status', 'Competitor mentioned'];
const SLACK = 'https://hooks.slack.com/services/T000/B000/XXXX';

type Health = 'good' | 'poor' | 'mid';

function row(
  name: string,
  csmEmail: string,
  health: Health,
  arr: number,
  extra: { status?: string; complaint?: boolean; champion?: string } = {},
): unknown[] {
  return [
    ...account(name, `K-${name}`, csmEmail, health, extra),
    arr,
    extra.status ?? 'Active',
    false,
  ];
}

/** Ana: two accounts in trouble and one fine; Ben: one in trouble; a churned one of Ana's. */
function book(): World {
  return new World(
    [
      row('Acme', 'ana@acme.test', 'good', 120_000),
      row('Globex', 'ana@acme.test', 'poor', 80_000),
      row('Initech', 'ana@acme.test', 'poor', 30_000, { complaint: true }),
      row('Hooli', 'ben@acme.test', 'mid', 50_000, { champion: 'left' }),
      row('Pied Piper', 'ben@acme.test', 'good', 10_000),
      row('Gone Inc', 'ana@acme.test', 'poor', 99_000, { status: 'Churned', complaint: true }),
    ],
    BOOK_HEADERS,
  );
}

function settingsDialog(world: World, now: Date, answers: string[]) {
  const runtime = world.execution(now);
  for (const answer of answers) runtime.ui.respondWith('OK', answer);
  return runtime;
}

/** Alert settings' six questions, every one kept but the webhook's. */
const chatAnswers = (webhook: string) => ['', '', '', '', '', webhook];

describe('the first run: one summary per CSM', () => {
  it('sends each CSM and the escalation contact one summary of where their book stands', () => {
    const world = book();
    world.turnOn(day('2026-11-23', 6));
    world.settings({ escalation: 'vp@acme.test' });
    world.tick(day('2026-11-23', 8));

    expect(world.sentTo().sort()).toEqual(['ana@acme.test', 'ben@acme.test', 'vp@acme.test']);
    const [ana] = world.mailTo('ana@acme.test');
    expect(ana?.subject).toMatch(
      /^CS Engine: where your book stands, \d+ accounts? to act on today \(Customer Book, 2026-11-23\)$/,
    );
    expect(ana?.body).toContain('* Your book: 3 live accounts:');
    expect(ana?.body).toContain('* Accounts by their most urgent alert: Act today 2');
    expect(ana?.body).toMatch(/\* ARR at risk: \$110,000 across 2 accounts/);
    expect(ana?.body).toContain('== The 2 most urgent accounts ==');
    // Most urgent, then the larger ARR first.
    expect(ana?.body.indexOf('- Globex')).toBeLessThan(ana?.body.indexOf('- Initech') ?? 0);
    expect(ana?.body).not.toContain('Gone Inc');
    const [vp] = world.mailTo('vp@acme.test');
    expect(vp?.subject).toMatch(/^CS Engine: where the book stands/);
    expect(vp?.body).toContain('* The whole book: 5 live accounts');

    const log = world.log();
    const summaries = log.filter((r) => r.Rules === 'book-summary');
    expect(summaries.map((r) => r.Recipient).sort()).toEqual([
      'ana@acme.test',
      'ben@acme.test',
      'vp@acme.test',
    ]);
    expect(summaries.every((r) => r.Status === 'sent')).toBe(true);
    const accounts = log.filter((r) => r.Rules !== 'book-summary' && r.Recipient !== '');
    expect(accounts.length).toBeGreaterThan(0);
    expect(
      accounts.every(
        (r) => String(r.Detail).startsWith('Baseline') || String(r.Detail).includes(' Baseline'),
      ),
    ).toBe(true);
    expect(log.some((r) => r.Account === 'Gone Inc')).toBe(false);

    // History remembers what was recorded, in words.
    const history = world.sheetValues('History');
    const initech = history.find((r) => r[0] === 'K-Initech');
    expect(String(initech?.[6])).toBe(
      'In the lowest tier: in the baseline summary of 2026-11-23; Formal complaint: in the baseline summary of 2026-11-23; A dimension at 0: in the baseline summary of 2026-11-23',
    );
  });

  it('starts afresh when the health model changes, and not otherwise', () => {
    const world = book();
    world.turnOn(day('2026-11-23', 6));
    world.tick(day('2026-11-23', 8));
    const first = world.mail.outbox.length;
    world.tick(day('2026-11-24', 8));
    expect(world.mail.outbox.length).toBe(first);
    world.settings({ model: 'five-pillar' });
    world.tick(day('2026-11-25', 8));
    const again = world.mail.outbox.slice(first);
    expect(again.length).toBeGreaterThan(0);
    expect(again.every((mail) => mail.subject.includes('where your book stands'))).toBe(true);
  });
});

describe('a normal day', () => {
  it('sends only what changed: nothing when nothing did, then the one account that did', () => {
    const world = book();
    world.turnOn(day('2026-11-23', 6));
    world.tick(day('2026-11-23', 8));
    const baseline = world.mail.outbox.length;
    world.tick(day('2026-11-24', 8));
    expect(world.mail.outbox.length).toBe(baseline);
    const run = world.execution(day('2026-11-24', 9));
    run.call('menuAlertsStatus');
    const status = run.ui.events.at(-1);
    expect(status?.type === 'alert' && status.prompt).toContain('0 alerts queued. 0 emails sent.');

    world.edit('Pied Piper', 'Champion status', 'left');
    world.tick(day('2026-11-25', 8));
    const news = world.mail.outbox.slice(baseline);
    expect(news.map((mail) => mail.to.join())).toEqual(['ben@acme.test']);
    expect(news[0]?.subject).toBe(
      'CS Engine: 1 account to act on today, 1 in all (Customer Book, 2026-11-25)',
    );
    expect(news[0]?.body).toContain('- Pied Piper (row 6)');
    expect(news[0]?.body).not.toContain('Hooli');
  });
});

describe('a digest over its cap', () => {
  it('lists the most urgent and largest first, and links to the rest in the Alert Log', () => {
    const names = ['A1', 'A2', 'A3', 'A4', 'A5', 'B1', 'B2'];
    const world = new World(
      names.map((name, i) => row(name, 'ana@acme.test', 'good', (i + 1) * 10_000)),
      BOOK_HEADERS,
    );
    world.turnOn(day('2026-11-23', 6));
    world.settings({ digestCap: 3 });
    world.tick(day('2026-11-23', 8));
    for (const name of ['A1', 'A2', 'A3', 'A4', 'A5']) world.edit(name, 'Formal complaint', true);
    for (const name of ['B1', 'B2']) world.edit(name, 'Competitor mentioned', true);
    const before = world.mail.outbox.length;
    world.tick(day('2026-11-24', 8));
    const [digest] = world.mail.outbox.slice(before);
    expect(digest?.subject).toBe(
      'CS Engine: 5 accounts to act on today, 7 in all (Customer Book, 2026-11-24)',
    );
    const listed = [...(digest?.body ?? '').matchAll(/^- (\S+) \(row/gm)].map((m) => m[1]);
    expect(listed).toEqual(['A5', 'A4', 'A3']);
    expect(digest?.body).toContain(
      '...and 4 more (2 Act today, 2 Within 2 days) in the Alert Log.',
    );
    const alertLogGid = world.spreadsheet.sheet('Alert Log').getSheetId();
    expect(digest?.htmlBody).toContain(`#gid=${alertLogGid}">Alert Log</a>`);
    // Every one of them is in the Alert Log, sent with this digest.
    const today = world.log().filter((r) => String(r.Detail).includes('Sent 2026-11-24'));
    expect(today.map((r) => r.Account).sort()).toEqual([...names].sort());
  });
});

describe('churned accounts', () => {
  it('never get a health alert, whatever their signals say', () => {
    const world = book();
    world.turnOn(day('2026-11-23', 6));
    world.tick(day('2026-11-23', 8));
    world.edit('Gone Inc', 'Champion status', 'left');
    world.edit('Gone Inc', 'Competitor mentioned', true);
    world.tick(day('2026-11-24', 8));
    world.tick(day('2026-12-10', 8));
    expect(world.log().some((r) => r.Account === 'Gone Inc')).toBe(false);
    expect(world.mail.outbox.some((mail) => mail.body.includes('Gone Inc'))).toBe(false);
    expect(world.sheetValues('History').some((r) => r[0] === 'K-Gone Inc')).toBe(false);
  });
});

describe('Slack and Google Chat', () => {
  function chatWorld(): World {
    const world = book();
    world.turnOn(day('2026-11-23', 6));
    settingsDialog(world, day('2026-11-23', 7), chatAnswers(SLACK)).call('menuAlertsSettings');
    return world;
  }

  const posts = (world: World) =>
    world.urlFetch.requests.map((request) => ({
      url: request.url,
      method: request.method,
      text: (JSON.parse(request.payload) as { text: string }).text,
    }));

  it('posts each CSM’s digest once, as one message, beside the email', () => {
    const world = chatWorld();
    world.settings({ escalation: 'vp@acme.test' });
    world.tick(day('2026-11-23', 8));
    const sent = posts(world);
    expect(sent.map((post) => [post.url, post.method])).toEqual([
      [SLACK, 'post'],
      [SLACK, 'post'],
    ]);
    // The escalation copy is not posted: the channel already has those accounts.
    expect(sent.map((post) => /for (\S+)\*/.exec(post.text)?.[1]).sort()).toEqual([
      'ana@acme.test',
      'ben@acme.test',
    ]);
    expect(sent[0]?.text).toContain('Your book:');
    world.tick(day('2026-11-23', 9));
    expect(world.urlFetch.requests).toHaveLength(2);
    expect(world.log().every((r) => r.Chat === '' || String(r.Chat).startsWith('posted'))).toBe(
      true,
    );
  });

  it('retries a failed post on the next hourly run, and never resends the email', () => {
    const world = chatWorld();
    world.urlFetch.respondNext(500, 'server error');
    world.tick(day('2026-11-23', 8));
    const emails = world.mail.outbox.length;
    const waiting = world.log().filter((r) => String(r.Chat).startsWith('queued'));
    expect(waiting.length).toBeGreaterThan(0);
    expect(String(waiting[0]?.Chat)).toContain(
      'queued, 1 failed try; the last: the chat service answered 500',
    );
    world.tick(day('2026-11-23', 9));
    expect(world.urlFetch.requests).toHaveLength(3);
    expect(world.mail.outbox.length).toBe(emails);
    expect(world.log().filter((r) => String(r.Chat).startsWith('queued'))).toEqual([]);
  });

  it('does not retry a webhook the service removed', () => {
    const world = chatWorld();
    world.urlFetch.respondNext(404, 'no_service');
    world.tick(day('2026-11-23', 8));
    world.tick(day('2026-11-23', 9));
    expect(world.urlFetch.requests).toHaveLength(2);
    expect(
      world
        .log()
        .some((r) => String(r.Chat).startsWith('not posted: the chat service answered 404')),
    ).toBe(true);
  });

  it('refuses an address that is not a Slack or Google Chat webhook', () => {
    const world = book();
    for (const url of ['https://evil.test/hook', 'http://hooks.slack.com/services/T/B/X']) {
      const runtime = settingsDialog(world, day('2026-11-23', 7), chatAnswers(url));
      runtime.call('menuAlertsSettings');
      const said = runtime.ui.events.at(-1);
      expect(said?.type === 'alert' && said.prompt).toContain(
        'That is not a Slack or Google Chat webhook address.',
      );
    }
    const store = world.properties.documentStore(world.spreadsheet.model.id);
    expect(JSON.parse(store.get('csEngine.alerts.settings') ?? '{}').webhookUrl ?? '').toBe('');
  });

  it('asks for the permission only when chat is turned on; declined, the emails still go', () => {
    const world = book();
    world.turnOn(day('2026-11-23', 6));
    world.triggers.declineScope(CHAT_SCOPE);
    expect(world.triggers.consentPrompts).toEqual([]);
    const runtime = settingsDialog(world, day('2026-11-23', 7), chatAnswers(SLACK));
    expect(() => runtime.call('menuAlertsSettings')).toThrow(/Authorization is required/);
    expect(world.triggers.consentPrompts).toEqual([[CHAT_SCOPE]]);

    world.tick(day('2026-11-23', 8));
    world.tick(day('2026-11-24', 8));
    expect(world.sentTo().length).toBeGreaterThan(0);
    expect(world.urlFetch.requests).toEqual([]);
    const notices = world.log().filter((r) => String(r.Detail).startsWith('Chat posts skipped'));
    expect(notices).toHaveLength(1);

    // Granted later (from the prompt, say): the next digests are posted.
    world.triggers.grantScope(CHAT_SCOPE);
    world.edit('Acme', 'Champion status', 'left');
    world.tick(day('2026-11-25', 8));
    expect(world.urlFetch.requests).toHaveLength(1);
  });

  it('an execution that dies at any point, then a rerun, posts every digest once', () => {
    const probe = chatWorld();
    const full = probe.tick(day('2026-11-23', 8));
    const totalCalls = full.calls.total();
    const expected = posts(probe).length;
    let postsBefore = 0;
    for (let k = 0; k < totalCalls; k += 3) {
      const world = chatWorld();
      const dying = world.execution(day('2026-11-23', 8));
      dying.killAfterCalls(k);
      try {
        dying.fireTimeTrigger('onAlertsTrigger');
      } catch {
        // The execution died.
      }
      dying.endExecution();
      const byDying = world.urlFetch.requests.length;
      world.tick(day('2026-11-23', 9));
      world.tick(day('2026-11-23', 10));
      // As with email, the one window no design closes: death right after a post.
      const diedRightAfterPosting = byDying > postsBefore;
      postsBefore = byDying;
      expect({ k, posts: world.urlFetch.requests.length }).toEqual({
        k,
        posts: diedRightAfterPosting ? expected + 1 : expected,
      });
    }
  });
});

describe('sheets written by the earlier version', () => {
  it('keep working: the Alert Log grows its new columns, queued rows go out, History reads', () => {
    const oldLog = [
      [
        'Time',
        'Account',
        'Account key',
        'Row',
        'Recipient',
        'Severity',
        'Score',
        'Tier',
        'Change',
        'Reasons',
        'Rules',
        'Status',
        'Detail',
        'Send attempts',
      ],
      [
        new Date('2026-11-22T08:00:00Z'),
        'Globex',
        'A-2',
        3,
        'ana@acme.test',
        'Critical',
        20,
        'Critical',
        '',
        'In the Critical tier (score 20).',
        'lowest-tier',
        'queued',
        '',
        '',
      ],
    ];
    const oldHistory = [
      [
        'Account key',
        'Account',
        'Last run',
        'Score',
        'Tier',
        'Tier since',
        'Alert state',
        'Daily scores',
      ],
      [
        'A-2',
        'Globex',
        '2026-11-22',
        20,
        'Critical',
        '2026-11-22',
        'lowest-tier@2026-11-22/2026-11-22',
        '2026-11-22:20:',
      ],
    ];
    const world = new World(smallBook(), HEADERS, { 'Alert Log': oldLog, History: oldHistory });
    world.turnOn(day('2026-11-23', 6));
    world.tick(day('2026-11-23', 8));

    const header = world.sheetValues('Alert Log')[0];
    expect(header?.slice(-3)).toEqual(['Send attempts', 'ARR', 'Chat']);
    const queued = world.log()[0];
    expect(queued?.Status).toBe('sent');
    const [ana] = world.mailTo('ana@acme.test');
    expect(ana?.body).toContain('In the Critical tier (score 20).');
    const globex = world.sheetValues('History').find((r) => r[0] === 'A-2');
    expect(String(globex?.[6])).toMatch(
      /^In the lowest tier: since 2026-11-22, last sent 2026-11-22/,
    );
    expect(world.sentTo()).toContain(OWNER);
  });
});
