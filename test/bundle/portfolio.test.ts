/**
 * Issue 5 through the built bundle: the lifecycle and portfolio custom functions, and the
 * Dashboard sheet (one batch, live formulas, charts, the monthly review, the weekly refresh
 * from the alert trigger). Expected figures are worked out by hand in the comments.
 */
import {
  LockState,
  MailState,
  PropertiesState,
  TriggerState,
  createSpreadsheet,
  loadBundle,
  storedCharts,
} from '../../dev/runtime';

const NOW = new Date('2026-03-15T12:00:00Z');
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

const HEADERS = [
  'Account',
  'Account ID',
  'CSM',
  'ARR',
  'ARR at period start',
  'DAU/MAU',
  'Seats licensed',
  'Seats active',
  'Champion',
  'Champion status',
  'Executive sponsor',
  'Payment status',
  'Last login',
  'Renewal date',
  'Goals achieved',
  'ROI documented',
  'Days in tier',
  'NPS',
];

type Row = (string | number | Date)[];

/** A healthy account, an at-risk one and a critical one, then fillers. */
function accountRow(i: number): Row {
  const kind = i % 3;
  return [
    `Account ${i}`,
    `A${i}`,
    kind === 2 ? 'Lee' : 'Sam',
    [150_000, 40_000, 10_000][kind] as number,
    [120_000, 50_000, 10_000][kind] as number,
    [0.7, 0.3, 0.05][kind] as number,
    100,
    [90, 50, 10][kind] as number,
    ['Dana', 'Dana', 'no'][kind] as string,
    ['active', 'active', 'none'][kind] as string,
    ['Eve', '', ''][kind] as string,
    ['current', 'current', 'delinquent'][kind] as string,
    kind === 2 ? d('2026-01-01') : d('2026-03-14'),
    [d('2026-09-01'), d('2026-04-10'), d('2026-04-01')][kind] as Date,
    [2, 0, 0][kind] as number,
    ['yes', 'no', 'no'][kind] as string,
    [90, '', ''][kind] as number | string,
    [10, 8, 2][kind] as number,
  ];
}

const rows = (n: number) => Array.from({ length: n }, (_, i) => accountRow(i));

describe('the lifecycle functions', () => {
  const runtime = loadBundle({ now: NOW, timeZone: 'UTC' });

  it('CHURNRISK gives the alert rules’ warnings, worst first', () => {
    const out = runtime.call<string[][]>(
      'CHURNRISK',
      [HEADERS],
      [...rows(3), HEADERS.map(() => '')],
    );
    expect(out[0]).toEqual(['No warning signs']);
    expect(out[1]?.[0]).toMatch(/^Within 2 days: /);
    // Act today first: the lowest tier; then the 2-day ones (zero dimensions, no login 73 days).
    expect(out[2]?.[0]).toMatch(
      /^Act today: In the Critical tier \(score \d+\)\. \| Within 2 days: /,
    );
    expect(out[2]?.[0]).toContain('No login for 73 days.');
    expect(out[3]).toEqual(['']);
  });

  it('EXPANSIONREADY opens only when the whole gate is met', () => {
    const out = runtime.call<string[][]>('EXPANSIONREADY', [HEADERS], rows(2));
    expect(out[0]?.[0]).toBe('Open');
    // Renewal 2026-09-01 is 170 days after 2026-03-15.
    expect(out[0]?.[1]).toContain('✓ renewal in 170 days (more than 60)');
    expect(out[0]?.[1]).toContain('Seats 90% used (over 80%)');
    expect(out[1]?.[0]).toBe('Closed');
    expect(out[1]?.[1]).toContain('✗ no goal achieved yet');
  });

  it('ENGAGEMENTLEVEL: DAU/MAU 70% is 4.9 days a week (Regular), 30% is 2.1 (Casual), an old login Ghost', () => {
    const out = runtime.call<string[][]>('ENGAGEMENTLEVEL', [HEADERS], rows(3));
    expect(out.map((row) => row[0])).toEqual(['Regular', 'Casual', 'Ghost']);
    expect(out[0]?.[1]).toContain('DAU/MAU 70% (about 4.9 days a week)');
  });

  it('RENEWALSTAGE and WINBACKSTAGE by hand', () => {
    // 2026-05-04 is 50 days after 2026-03-15: the day -60 step is due, -45 in 5 days.
    expect(runtime.call('RENEWALSTAGE', d('2026-05-04'))).toMatch(
      /^Day -60: ROI presentation, 50 days to renewal\..*Next: day -45, Renewal discussion, in 5 days\.$/,
    );
    expect(runtime.call('RENEWALSTAGE', [[d('2026-03-10')], [''], ['soon']], '2026-03-15')).toEqual(
      [
        [
          'Overdue: the renewal date passed 5 days ago. Still unsigned: follow up daily until it is signed',
        ],
        [''],
        ["renewal_date: expected a date such as 2026-11-23, found 'soon'"],
      ],
    );
    // 45 days after churn: 30-90 days.
    expect(runtime.call('WINBACKSTAGE', d('2026-01-29'))).toBe(
      '30-90 days: Product update with proof of improvement (10-15% win back)',
    );
    expect(() => runtime.call('RENEWALSTAGE', d('2026-05-04'), 'yesterday')).toThrow(
      "RENEWALSTAGE: today should be a date such as 2026-11-23 (or CSE_TODAY), found 'yesterday'.",
    );
  });

  it('TTFV: days and the segment’s target', () => {
    const out = runtime.call(
      'TTFV',
      [[d('2026-01-01')], [d('2026-01-01')], [d('2026-02-01')], ['x']],
      [[d('2026-01-13')], [d('2026-01-21')], [''], [d('2026-01-02')]],
      [['Mid-Market'], ['Mid-Market'], ['SMB'], ['SMB']],
    );
    expect(out).toEqual([
      [12, 'On target (14 days for Mid-Market)'],
      [20, 'Late by 6 days (target 14 days for Mid-Market)'],
      ['', 'No first value yet'],
      ["start: expected a date such as 2026-11-23, found 'x'", ''],
    ]);
    expect(runtime.call('TTFV', d('2026-01-01'), d('2026-01-02'), 120_000)).toEqual([
      [1, 'On target (30 days for Enterprise)'],
    ]);
  });
});

describe('the portfolio functions', () => {
  const runtime = loadBundle({ now: NOW, timeZone: 'UTC' });

  it('NPS and CSAT by hand', () => {
    // 3 promoters (10, 9, 9), 2 passives, 3 detractors (6, 3, 0) of 8: 0.
    expect(runtime.call('NPS', [[10], [9], [9], [8], [7], [6], [3], [0], ['']])).toBe(0);
    // 4 promoters of 5, no detractor: 80.
    expect(runtime.call('NPS', [[9, 9, 10, 10, 8]])).toBe(80);
    expect(runtime.call('CSAT', [[5], [4], [3], [1]])).toBe(0.5);
    expect(() => runtime.call('NPS', [[9], [11]])).toThrow(
      "NPS: responses cell 2: expected a whole number from 0 to 10, found '11'.",
    );
  });

  it('CHURNRATE and EXPANSIONRATE compound', () => {
    expect(runtime.call<number>('CHURNRATE', '2%')).toBeCloseTo(1 - 0.98 ** 12, 12);
    expect(runtime.call<number>('CHURNRATE', 0.2, 'annual', 'monthly')).toBeCloseTo(
      1 - 0.8 ** (1 / 12),
      12,
    );
    expect(runtime.call<number>('EXPANSIONRATE', 0.05, 'quarterly', 'annual')).toBeCloseTo(
      1.05 ** 4 - 1,
      12,
    );
    expect(runtime.call('CHURNRATE', [[0.02], ['x'], ['']], 1, 3)).toEqual([
      [1 - 0.98 ** 3],
      ["rate: expected a churn rate from 0% to under 100%, such as 2%, found 'x'"],
      [''],
    ]);
    expect(() => runtime.call('CHURNRATE', 0.02, 'fortnight')).toThrow(
      /from_period should be a period/,
    );
  });

  it('CHURNRATE and EXPANSIONRATE: names of Object members are not periods, and no result is infinite', () => {
    for (const period of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(() => runtime.call('CHURNRATE', '2%', period)).toThrow(
        /from_period should be a period/,
      );
    }
    expect(runtime.call<number>('CHURNRATE', '2%', 'Semi-annual', 'per year')).toBeCloseTo(
      1 - 0.98 ** 2,
      12,
    );
    expect(() => runtime.call('CHURNRATE', '2%', 1, 1e308)).toThrow(/up to 1200/);
    // 1e15 (the largest amount read) compounded over 1,200 periods: too large to show.
    expect(runtime.call('EXPANSIONRATE', [[1e15], [1e308]], 1, 1200)).toEqual([
      ['rate: 1000000000000000 compounded from 1 month to 1200 months is too large to show'],
      ["rate: expected a rate such as 1.5% (above -100%), found '1e+308'"],
    ]);
  });

  it('COHORTRETENTION: logo and revenue tables with a header row', () => {
    const starts = [[d('2025-10-05')], [d('2025-10-20')], [d('2025-12-01')], ['']];
    const ends = [[''], [d('2025-12-01')], [''], ['']];
    // Today 2026-03-15. October cohort: month 1 = Nov 20 for the 2nd (ended Dec 1): 2/2;
    // month 2 = Dec 20: 1/2. Month 3 (Jan 20) 1/2. Month 6 (Apr 20) not reached.
    expect(runtime.call('COHORTRETENTION', starts, ends, '', [[0, 1, 2, 3, 6]])).toEqual([
      ['Cohort', 'Accounts', 'Month 0', 'Month 1', 'Month 2', 'Month 3', 'Month 6'],
      ['2025-10', 2, 1, 1, 0.5, 0.5, ''],
      ['2025-12', 1, 1, 1, 1, 1, ''],
    ]);
    // Revenue: ARR 30 and 10 in October: month 2 keeps 30 of 40.
    expect(runtime.call('COHORTRETENTION', starts, ends, [[30], [10], [5], ['']], 2)).toEqual([
      ['Cohort', 'Accounts', 'Month 0', 'Month 1', 'Month 2'],
      ['2025-10', 2, 1, 1, 0.75],
      ['2025-12', 1, 1, 1, 1],
    ]);
  });

  it('COHORTRETENTION: periods are bounded the same in both forms', () => {
    const starts = [[d('2025-10-05')]];
    const ends = [['']];
    const widest = runtime.call<unknown[][]>('COHORTRETENTION', starts, ends, '', 240);
    expect(widest[0]).toHaveLength(2 + 241);
    for (const periods of [241, 1_000_000, 2 ** 31, 1e308]) {
      expect(() => runtime.call('COHORTRETENTION', starts, ends, '', periods)).toThrow(
        /periods should be a number of months from 1 to 240/,
      );
    }
  });

  it('CSMCAPACITY against the afrexai playbook’s capacity model', () => {
    const csms = [['Ana'], ['Ana'], ['Bo']];
    const arr = [[150_000], [50_000], ['$3,000']];
    // Ana: 1/15 + 1/40 = 0.091667 of a full book.
    expect(runtime.call('CSMCAPACITY', csms, arr)).toEqual([
      ['CSM', 'Accounts', 'ARR', 'Enterprise', 'Mid-Market', 'SMB', 'Self-Serve', 'Load', 'Status'],
      ['Ana', 2, 200_000, 1, 1, 0, 0, 1 / 15 + 1 / 40, 'Room for more accounts'],
      ['Bo', 1, 3000, 0, 0, 0, 1, 0, 'Room for more accounts'],
    ]);
  });
});

describe('the Dashboard', () => {
  function refresh(n: number, extra: Record<string, unknown[][]> = {}) {
    const spreadsheet = createSpreadsheet(
      { Accounts: [HEADERS, ...rows(n)], ...extra },
      { timeZone: 'UTC' },
    );
    const runtime = loadBundle({ now: NOW, timeZone: 'UTC', spreadsheet });
    runtime.calls.reset();
    runtime.call('menuRefreshDashboard');
    const sheet = spreadsheet.sheet('Dashboard');
    const values = sheet.snapshotValues();
    const formulas = sheet.snapshotFormulas();
    const find = (label: string) => values.findIndex((row) => row[0] === label);
    return { runtime, spreadsheet, values, formulas, find, sheet };
  }

  it('is written in one setValues, with the same calls for 30 and 3,000 accounts', () => {
    const small = refresh(30);
    const large = refresh(3000);
    expect(small.runtime.calls.count('Range.setValues')).toBe(1);
    expect(small.runtime.calls.count('Range.getValues')).toBeLessThanOrEqual(4);
    expect(large.runtime.calls.snapshot()).toEqual(small.runtime.calls.snapshot());
  });

  it('formats shares as percentages and ARR as money, one call per format, text left alone', () => {
    const { runtime, sheet, find } = refresh(30);
    // Five formats: percent, money, one decimal, whole number and counts.
    expect(runtime.calls.count('RangeList.setNumberFormat')).toBeLessThanOrEqual(5);
    expect(runtime.calls.count('Range.setNumberFormats')).toBe(0);
    const formats = sheet.getRange(1, 1, sheet.getLastRow(), 6).getNumberFormats();
    // No format is written to a text cell: it keeps the sheet's own (Automatic by default).
    expect(formats[find('GRR')]?.[0]).toBe(sheet.getRange(1000, 1).getNumberFormat());
    expect(formats[find('GRR')]?.[1]).toBe('0.0%');
    expect(formats[find('NRR')]?.[1]).toBe('0.0%');
    expect(formats[find('Total ARR')]?.[1]).toBe('$#,##0');
    expect(formats[find('NPS')]?.[1]).toBe('0');
    const thriving = find('Thriving');
    expect(formats[thriving]?.slice(1, 4)).toEqual(['#,##0', '$#,##0', '0.0%']);
  });

  it('holds the weekly metrics, as live formulas where a formula gives the same figure', () => {
    const { values, formulas, find } = refresh(6);
    // No Status column: the counts are formulas over the book's columns.
    expect(formulas[find('Accounts')]?.[1]).toBe("=COUNTA('Accounts'!A2:A)");
    expect(formulas[find('Total ARR')]?.[1]).toBe("=SUM('Accounts'!D2:D)");
    expect(formulas[find('NRR')]?.[1]).toBe("=NRR('Accounts'!E2:E,'Accounts'!D2:D)");
    expect(formulas[find('GRR')]?.[1]).toBe("=GRR('Accounts'!E2:E,'Accounts'!D2:D)");
    expect(formulas[find('Logo retention')]?.[1]).toBe(
      "=LOGORETENTION('Accounts'!E2:E,'Accounts'!D2:D)",
    );
    expect(formulas[find('NPS')]?.[1]).toBe("=NPS('Accounts'!R2:R)");
    // ARR movements, 2 of each kind: start 120k -> 150k (+30k), 50k -> 40k (-10k), 10k -> 10k.
    expect(values[find('ARR expanded')]?.[1]).toBe(60_000);
    expect(values[find('ARR contracted')]?.[1]).toBe(20_000);
    expect(values[find('ARR churned')]?.[1]).toBe(0);
    // Renewals: kind 1 on 2026-04-10 (26 days) and kind 2 on 2026-04-01 (17 days), 2 of each.
    expect(values[find('Next 30 days')]).toEqual(['Next 30 days', 4, 100_000, 0, 4, '']);
    expect(values[find('Next 90 days')]?.[1]).toBe(4);
    expect(values[find('QBR completion')]?.[1]).toBe('n/a');
  });

  it('draws the health distribution and retention trend with Sheets charts', () => {
    const { spreadsheet, values } = refresh(6);
    const charts = storedCharts(spreadsheet.model.sheetByName('Dashboard') as object);
    expect(charts.map((chart) => chart.type)).toEqual(['PIE']); // no Churn date column: no trend
    const [pie] = charts;
    const first = (pie?.ranges[0]?.rect.row ?? 0) - 1;
    expect(values[first]?.[0]).toBe('Health distribution');
    expect(values.slice(first + 1, first + 5).map((row) => row[0])).toEqual([
      'Thriving',
      'Healthy',
      'At-Risk',
      'Critical',
    ]);
    expect(pie?.options.title).toBe('Health distribution (accounts)');
  });

  it('a second refresh replaces the charts instead of adding more', () => {
    const { runtime, spreadsheet } = refresh(6);
    runtime.call('menuRefreshDashboard');
    expect(storedCharts(spreadsheet.model.sheetByName('Dashboard') as object)).toHaveLength(1);
  });

  it('answers the monthly review from History, churn reasons and the QBR Log', () => {
    const headers = [...HEADERS, 'Status', 'Churn date', 'Churn reason', 'Contract start'];
    const book = [
      [...accountRow(0), 'active', '', '', d('2024-01-10')],
      [...accountRow(1), 'active', '', '', d('2024-01-10')],
      [...accountRow(2), 'active', '', '', d('2024-01-10')],
      [...accountRow(3), 'churned', d('2026-03-01'), 'Switched to a competitor', d('2024-01-10')],
    ];
    // Account 0 was Critical (30) 40 days ago; account 1 was Thriving (90).
    const history = [
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
      ['A0', 'Account 0', '2026-02-03', 30, 'Critical', '2026-02-03', '', '2026-02-03=30'],
      ['A1', 'Account 1', '2026-02-03', 90, 'Thriving', '2026-02-03', '', '2026-02-03=90'],
    ];
    const qbr = [
      ['Account', 'Date'],
      ['Account 0', d('2026-01-10')],
    ];
    const spreadsheet = createSpreadsheet(
      { Accounts: [headers, ...book], History: history, 'QBR Log': qbr },
      { timeZone: 'UTC' },
    );
    const runtime = loadBundle({ now: NOW, timeZone: 'UTC', spreadsheet });
    runtime.call('menuRefreshDashboard');
    const out = spreadsheet.sheet('Dashboard').snapshotValues();
    const at = (label: string) => out.findIndex((row) => row[0] === label);
    expect(at('Monthly review')).toBeGreaterThan(0);
    expect(out[at('1. Moved down a tier (30 days)') + 1]?.slice(0, 3)).toEqual([
      'Account 1',
      'Thriving',
      expect.any(String),
    ]);
    expect(out[at('2. Moved up a tier (30 days)') + 1]?.slice(0, 3)).toEqual([
      'Account 0',
      'Critical',
      'Thriving',
    ]);
    expect(out[at('3. Top churn reason (30 days)') + 1]?.slice(0, 2)).toEqual(['Competition', 1]);
    // Top 10 by ARR: only account 0 has a champion and a sponsor.
    expect(out[at('4. Multi-threaded in the top 10 by ARR')]?.[1]).toBe('1 of 3');
    // QBR: account 0 (Enterprise, quarterly) had one 64 days ago; 1 (Mid-Market) and 2 (SMB) none.
    expect(out[at('QBR completion')]?.[1]).toBeCloseTo(1 / 3, 10);
    // Status says churned: the counts are values, not formulas.
    expect(out[at('Accounts')]?.[1]).toBe(3);
  });

  it('is refreshed by the alert trigger when older than 7 days, not more often', () => {
    const spreadsheet = createSpreadsheet({ Accounts: [HEADERS, ...rows(6)] }, { timeZone: 'UTC' });
    const shared = {
      properties: new PropertiesState(),
      locks: new LockState(),
      mail: new MailState({ dailyQuota: 100 }),
      triggers: new TriggerState({ addonLimits: true }),
    };
    const run = (now: Date) =>
      loadBundle({ now, timeZone: 'UTC', userEmail: 'owner@acme.test', spreadsheet, ...shared });
    const on = run(new Date('2026-03-15T07:00:00Z'));
    on.ui.respondWith('OK', '8');
    on.call('menuAlertsOn');
    on.endExecution();
    const tick = (now: Date) => {
      const runtime = run(now);
      runtime.fireTimeTrigger('onAlertsTrigger');
      runtime.endExecution();
      return spreadsheet.sheet('Dashboard').snapshotValues()[0]?.[3];
    };
    expect(tick(new Date('2026-03-15T09:00:00Z'))).toBe('2026-03-15 09:00 (UTC)');
    expect(tick(new Date('2026-03-16T09:00:00Z'))).toBe('2026-03-15 09:00 (UTC)');
    expect(tick(new Date('2026-03-22T09:00:00Z'))).toBe('2026-03-22 09:00 (UTC)');
  });
});
