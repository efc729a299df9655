import { type DigestItem, renderDigest } from '../../src/core/alerts/digest';
import { decide, timerUnknown } from '../../src/core/alerts/memory';
import type { RuleId } from '../../src/core/alerts/rule-names';
import { type AccountToCheck, type Finding, evaluateRules } from '../../src/core/alerts/rules';
import { dayFromParts } from '../../src/core/dates';
import {
  type AccountHistory,
  formatAlertMemory,
  parseAlertMemory,
  parseEntries,
  formatEntries,
  recordDay,
  tierSinceFor,
} from '../../src/core/history';
import { resolveModel } from '../../src/core/models';

const TODAY = dayFromParts(2026, 11, 23);
const model = resolveModel('cs-engine');

function history(scores: [number, number][], extra: Partial<AccountHistory> = {}): AccountHistory {
  return {
    key: 'A-1',
    account: 'Acme',
    lastDay: TODAY - 1,
    score: scores.at(-1)?.[1],
    tier: '',
    tierSince: undefined,
    alerts: new Map(),
    entries: scores.map(([daysAgo, score]) => ({ day: TODAY - daysAgo, score })),
    ...extra,
  };
}

function check(input: Partial<AccountToCheck> & { score: number }): string[] {
  const tier = input.tier ?? model.tiers.find((t) => input.score >= t.min)?.label ?? '';
  return evaluateRules({
    today: TODAY,
    model,
    tier,
    tierSince: TODAY,
    dimensions: [],
    values: {},
    columns: new Set(),
    history: undefined,
    ...input,
  }).map((finding) => finding.rule);
}

describe('alert rules from the seeds', () => {
  it('Critical: the lowest tier, a champion or sponsor who left, a formal complaint', () => {
    expect(check({ score: 30 })).toEqual(['lowest-tier']);
    expect(check({ score: 85, values: { championStatus: 'left' } })).toEqual(['champion-left']);
    expect(check({ score: 85, values: { sponsorStatus: 'left' } })).toEqual(['sponsor-left']);
    expect(check({ score: 85, values: { formalComplaint: true } })).toEqual(['formal-complaint']);
  });

  it('office skill: below 40 is critical where 40 is not already the lowest tier', () => {
    expect(check({ score: 35, tier: 'Red', model: resolveModel('playbook') })).toEqual([
      'lowest-tier',
    ]);
    const fivePillar = resolveModel('five-pillar');
    expect(check({ score: 45, tier: 'Red', model: fivePillar })).toEqual(['lowest-tier']);
    expect(check({ score: 39, tier: 'Yellow', model: resolveModel('playbook') })).toContain(
      'below-40',
    );
  });

  it('Warning: a middle tier for 21 days or more, or a dimension at 0', () => {
    expect(check({ score: 65, tierSince: TODAY - 20 })).toEqual([]);
    expect(check({ score: 65, tierSince: TODAY - 21 })).toEqual(['middle-tier-21']);
    const dimensions = [
      {
        id: 'outcomes' as const,
        label: 'Outcomes',
        weight: 20,
        score: 0,
        from: 'signals' as const,
      },
    ];
    expect(check({ score: 85, dimensions })).toEqual(['dimension-zero']);
  });

  it('Watch: dropped out of the top tier; office skill: dropped below 60', () => {
    expect(check({ score: 75, history: history([[1, 82]]) })).toEqual(['dropped-top']);
    expect(check({ score: 55, history: history([[1, 62]]) })).toEqual(['drop-below-60']);
  });

  it('five-pillar skill: a drop of more than 20 points in 30 days; office skill: a rise of 20', () => {
    const drop = history([
      [25, 90],
      [1, 80],
    ]);
    expect(check({ score: 69, history: drop })).toContain('drop-20-in-30');
    expect(check({ score: 70, history: drop })).not.toContain('drop-20-in-30');
    const old = history([[40, 95]]);
    expect(check({ score: 60, history: old })).not.toContain('drop-20-in-30');
    expect(check({ score: 70, history: history([[10, 50]]) })).toContain('rise-20');
  });

  it('early warnings: usage, logins, support, competitor, export, touchpoints, renewal', () => {
    const rules = check({
      score: 85,
      values: {
        usageChange: -0.31,
        lastLogin: TODAY - 30,
        ticketTrend: 'up',
        csat: 2.5,
        competitorMentioned: true,
        dataExportRequested: true,
        missedMeetings: 2,
        renewalDate: TODAY + 90,
        renewalConversation: false,
      },
    });
    expect(rules.sort()).toEqual(
      [
        'competitor',
        'data-export',
        'missed-touchpoints',
        'no-login-30',
        'renewal-no-conversation',
        'support-spike',
        'usage-drop',
      ].sort(),
    );
    expect(check({ score: 85, values: { usageChange: -0.3, lastLogin: TODAY - 29 } })).toEqual([]);
    expect(check({ score: 85, values: { ticketTrend: 'up', csat: 3 } })).toEqual([]);
    expect(
      check({ score: 85, values: { renewalDate: TODAY + 91, renewalConversation: false } }),
    ).toEqual([]);
    // Blank means "not started" only when the book tracks renewal conversations at all.
    expect(check({ score: 85, values: { renewalDate: TODAY + 30 } })).toEqual([]);
    expect(
      check({
        score: 85,
        values: { renewalDate: TODAY + 30 },
        columns: new Set(['renewalConversation']),
      }),
    ).toEqual(['renewal-no-conversation']);
  });

  it('good news: top tier with more than 85% of seats used', () => {
    expect(check({ score: 85, values: { seatsActive: 86, seatsLicensed: 100 } })).toEqual([
      'expansion-seats',
    ]);
    expect(check({ score: 85, values: { seatsActive: 85, seatsLicensed: 100 } })).toEqual([]);
  });
});

describe('dedupe', () => {
  const finding = (rule: RuleId, kind: Finding['kind'] = 'condition'): Finding => ({
    rule,
    kind,
    severity: 'at-risk',
    reason: rule,
  });
  const on = (today: number, baseline = false) => ({
    today,
    reminderDays: 7,
    baseline,
    key: 'A-1',
  });

  it('sends on entering a condition, stays quiet, reminds after the interval', () => {
    const first = decide([finding('no-login-30')], new Map(), on(TODAY));
    expect(first.toSend.map((f) => f.reminder)).toEqual([false]);
    const sameDay = decide([finding('no-login-30')], first.memory, on(TODAY));
    expect(sameDay.toSend).toEqual([]);
    const sixDays = decide([finding('no-login-30')], first.memory, on(TODAY + 6));
    expect(sixDays.toSend).toEqual([]);
    const sevenDays = decide([finding('no-login-30')], first.memory, on(TODAY + 7));
    expect(sevenDays.toSend.map((f) => f.reminder)).toEqual([true]);
    expect(sevenDays.memory.get('no-login-30')).toEqual({ since: TODAY, lastSent: TODAY + 7 });
  });

  it('reminds less often the longer a condition lasts: after 7, 14 and 28 days, then every 28', () => {
    let memory = decide([finding('champion-left')], new Map(), on(TODAY)).memory;
    const reminders: number[] = [];
    for (let day = TODAY + 1; day <= TODAY + 120; day++) {
      const decision = decide([finding('champion-left')], memory, on(day));
      if (decision.toSend.length > 0) reminders.push(day - TODAY);
      memory = decision.memory;
    }
    expect(reminders).toEqual([7, 14, 28, 56, 84, 112]);
  });

  it('forgets a condition that stopped, so entering it again alerts', () => {
    const first = decide([finding('no-login-30')], new Map(), on(TODAY));
    const cleared = decide([], first.memory, on(TODAY + 1));
    expect(cleared.memory.size).toBe(0);
    expect(decide([finding('no-login-30')], cleared.memory, on(TODAY + 2)).toSend).toHaveLength(1);
  });

  it('never reminds about an event', () => {
    const first = decide([finding('dropped-top', 'event')], new Map(), on(TODAY));
    expect(decide([finding('dropped-top', 'event')], first.memory, on(TODAY + 30)).toSend).toEqual(
      [],
    );
  });

  it('on a baseline, records what holds without sending it, and never reminds it one by one', () => {
    const known = new Map([['competitor', { since: TODAY - 3, lastSent: TODAY - 3 }]]);
    const findings = [
      finding('no-login-30'),
      finding('competitor'),
      finding('dropped-top', 'event'),
    ];
    const decision = decide(findings, known, on(TODAY, true));
    expect(decision.toSend).toEqual([]);
    expect(decision.baseline.map((f) => f.rule)).toEqual(['no-login-30', 'dropped-top']);
    expect(decision.memory.get('competitor')).toEqual(known.get('competitor'));
    expect(decision.memory.get('no-login-30')).toEqual({
      since: TODAY,
      lastSent: TODAY,
      baseline: true,
    });
    let memory = decision.memory;
    for (let day = TODAY + 1; day <= TODAY + 90; day++) {
      const later = decide([finding('no-login-30')], memory, on(day));
      expect(later.toSend).toEqual([]);
      memory = later.memory;
    }
    // Once it clears, entering it again is news.
    const cleared = decide([], memory, on(TODAY + 91));
    expect(decide([finding('no-login-30')], cleared.memory, on(TODAY + 92)).toSend).toHaveLength(1);
  });

  it('leaves out a timer whose start History never saw', () => {
    // In the tier since History's first day: unknown how long before; no alert.
    expect(timerUnknown('middle-tier-21', TODAY - 30, TODAY - 30)).toBe(true);
    // Entered the tier under History's watch: timed exactly.
    expect(timerUnknown('middle-tier-21', TODAY - 25, TODAY - 30)).toBe(false);
    expect(timerUnknown('no-login-30', TODAY - 30, TODAY - 30)).toBe(false);
  });
});

describe('the History sheet format', () => {
  it('reads daily scores in the earlier format, and writes them compactly', () => {
    const entries = parseEntries('2026-11-22=71 2026-11-23=64 junk');
    expect(entries).toEqual([
      { day: TODAY - 1, score: 71 },
      { day: TODAY, score: 64 },
    ]);
    expect(formatEntries(entries)).toBe('2026-11-22:71:I');
    expect(parseEntries('2026-11-22:71:I')).toEqual(entries);
    // Alert state written by an earlier version is still read, and rewritten readably.
    const memory = parseAlertMemory(
      'no-login-30@2026-11-20/2026-11-23 champion-left@2026-11-23/2026-11-23',
    );
    expect(formatAlertMemory(memory)).toBe(
      'No login 30+ days: since 2026-11-20, last sent 2026-11-23; Champion left: since 2026-11-23, last sent 2026-11-23',
    );
  });

  it('replaces today’s entry on a second run and keeps two years at most', () => {
    const old = history([
      [800, 50],
      [729, 60],
      [0, 70],
    ]);
    const updated = recordDay(old, {
      key: 'A-1',
      account: 'Acme',
      today: TODAY,
      score: 72,
      tier: 'Healthy',
      tierSince: TODAY,
      alerts: new Map(),
    });
    expect(updated.entries).toEqual([
      { day: TODAY - 729, score: 60 },
      { day: TODAY, score: 72 },
    ]);
  });

  it('carries the tier-since day while the tier stays the same', () => {
    const past = history([[1, 65]], { tierSince: TODAY - 30 });
    expect(tierSinceFor(past, 'Healthy', 'Healthy', TODAY)).toBe(TODAY - 30);
    expect(tierSinceFor(past, 'At-Risk', 'Healthy', TODAY)).toBe(TODAY);
  });
});

describe('the digest', () => {
  const context = {
    bookName: 'Book',
    sheetUrl: 'https://docs.google.com/spreadsheets/d/x/edit#gid=0',
    logUrl: 'https://docs.google.com/spreadsheets/d/x/edit#gid=7',
    dateLabel: '2026-11-23',
    escalation: false,
    cap: 25,
  };
  const item = (over: Partial<DigestItem>): DigestItem => ({
    account: 'Acme',
    row: 2,
    severity: 'at-risk',
    score: 50,
    tier: 'At-Risk',
    change: '',
    reasons: ['r'],
    arr: '',
    ...over,
  });

  it('groups accounts most urgent first and escapes what came from the sheet', () => {
    const digest = renderDigest(
      [
        item({
          account: 'Fine & Co',
          row: 3,
          severity: 'expansion',
          score: 88,
          tier: 'Thriving',
          change: 22,
          reasons: ['Up'],
        }),
        item({
          account: '<b>Evil</b>',
          severity: 'critical',
          score: 20,
          tier: 'Critical',
          change: -5,
          reasons: ['Low'],
        }),
      ],
      context,
    );
    expect(digest.subject).toBe(
      'CS Engine: 1 account to act on today, 2 in all (Book, 2026-11-23)',
    );
    expect(digest.htmlBody.indexOf('Act today, within 24 hours (1)')).toBeLessThan(
      digest.htmlBody.indexOf('Opportunity, at the next touchpoint (1)'),
    );
    expect(digest.htmlBody).toContain('&lt;b&gt;Evil&lt;/b&gt;');
    expect(digest.htmlBody).toContain('Fine &amp; Co');
    expect(digest.htmlBody).not.toContain('<b>Evil');
    expect(digest.body).toContain('- <b>Evil</b> (row 2): score 20, Critical, -5 pts');
  });

  it('never names a severity after a tier', () => {
    const tiers = new Set([
      'Critical',
      'At-Risk',
      'Healthy',
      'Thriving',
      'Watch',
      'Monitor',
      'Stable',
      'Green',
      'Yellow',
      'Red',
    ]);
    for (const severity of ['critical', 'at-risk', 'watch', 'expansion'] as const) {
      const digest = renderDigest([item({ severity })], context);
      const heading = /== (.+?), /.exec(digest.body)?.[1] ?? '';
      expect(heading).not.toBe('');
      expect(tiers.has(heading)).toBe(false);
    }
  });

  it('lists at most the cap, ranked by severity then ARR, and links the rest in the Alert Log', () => {
    const items = [
      item({ account: 'Small critical', row: 2, severity: 'critical', arr: 1_000 }),
      item({ account: 'Big watch', row: 3, severity: 'watch', arr: 900_000 }),
      item({ account: 'Big critical', row: 4, severity: 'critical', arr: 500_000 }),
      item({ account: 'No ARR critical', row: 5, severity: 'critical' }),
      item({ account: 'Mid at-risk', row: 6, severity: 'at-risk', arr: 40_000 }),
    ];
    const digest = renderDigest(items, { ...context, cap: 3 });
    expect(digest.subject).toBe(
      'CS Engine: 3 accounts to act on today, 5 in all (Book, 2026-11-23)',
    );
    const order = ['Big critical', 'Small critical', 'No ARR critical'].map((name) =>
      digest.body.indexOf(`- ${name}`),
    );
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(digest.body).not.toContain('- Big watch');
    expect(digest.body).toContain('...and 2 more (1 Within 2 days, 1 This week) in the Alert Log.');
    expect(digest.body).toContain(`Alert Log: ${context.logUrl}`);
    expect(digest.htmlBody).toContain(`<a href="${context.logUrl}">Alert Log</a>`);
    expect(digest.chat.lines.map((line) => line.account)).toEqual([
      'Big critical',
      'Small critical',
      'No ARR critical',
    ]);
    expect(digest.chat.more).toBe(2);
  });

  it('a baseline is a summary of the book and its few most urgent accounts', () => {
    const items = Array.from({ length: 12 }, (_, i) =>
      item({
        account: `Account ${i}`,
        row: i + 2,
        severity: i < 2 ? 'critical' : 'at-risk',
        arr: i * 1000,
      }),
    );
    const summary = ['Your book: 40 live accounts: 10 Thriving, 30 Healthy.'];
    const digest = renderDigest(items, context, summary);
    expect(digest.subject).toBe(
      'CS Engine: where your book stands, 2 accounts to act on today (Book, 2026-11-23)',
    );
    expect(digest.body).toContain('* Your book: 40 live accounts: 10 Thriving, 30 Healthy.');
    expect(digest.body).toContain('== The 5 most urgent accounts ==');
    expect(digest.body.match(/^- Account/gm)).toHaveLength(5);
    expect(digest.body).toContain('...and 7 more (7 Within 2 days) in the Alert Log.');
    expect(digest.chat.notes).toEqual(summary);
  });
});
