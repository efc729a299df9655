/**
 * One account, one truth: the places that used to disagree, through the built bundle. The
 * Dashboard and the sidebar categorise the same churn reasons the same way, give an account
 * typed "Enterprise" with $60k ARR the same segment and QBR cadence, and count QBRs with the
 * same days as the QBR document; a churned account (by Status, or by its churn date alone) is
 * churned in every feature: the sidebar leads with win-back, the alert run leaves it out, the
 * formulas say "Churned" and RENEWALSTAGE gives it no countdown.
 */
import {
  LockState,
  MailState,
  PropertiesState,
  TriggerState,
  loadBundle,
  type LocalRuntime,
} from '../../dev/runtime';
import type { AccountView } from '../../src/app/sidebar/api';
import { SIDEBAR_NOW } from '../helpers/sidebar-book';
import { ONE_TRUTH_HEADERS, ONE_TRUTH_ROWS, oneTruthSpreadsheet } from '../helpers/one-truth-book';

function runtime(spreadsheet = oneTruthSpreadsheet()): LocalRuntime {
  return loadBundle({
    spreadsheet,
    timeZone: 'UTC',
    now: SIDEBAR_NOW,
    userEmail: 'owner@acme.test',
    properties: new PropertiesState(),
    locks: new LockState(),
    mail: new MailState({ dailyQuota: 100 }),
    triggers: new TriggerState({ addonLimits: true }),
  });
}

function dashboard(rt: LocalRuntime): unknown[][] {
  rt.call('menuRefreshDashboard');
  return rt.spreadsheet.getSheetByName('Dashboard')?.getDataRange().getValues() ?? [];
}

const rowOf = (values: unknown[][], label: string) => values.findIndex((row) => row[0] === label);
const column = (header: string) =>
  ONE_TRUTH_ROWS.map((row) => [row[ONE_TRUTH_HEADERS.indexOf(header)]]);
const TODAY = new Date('2026-01-15T00:00:00Z');

describe('the Dashboard and the sidebar agree', () => {
  it('on the churn reasons: Poor support is Relationship, Unused seats Value, Company closed Strategic', () => {
    const rt = runtime();
    const values = dashboard(rt);
    const top = values[rowOf(values, '3. Top churn reason (30 days)') + 1];
    expect(top?.slice(0, 2)).toEqual(['Relationship', 1]);
    expect(top?.[4]).toBe('Value 1, Strategic 1');
    const categories = [4, 5, 6].map((row) => {
      const view = rt.call<AccountView>('getAccount', { row });
      return [view.lifecycle.churnReason, view.lifecycle.churnCategory];
    });
    expect(categories).toEqual([
      ['Poor support', 'Relationship'],
      ['Unused seats', 'Value'],
      ['Company closed', 'Strategic'],
    ]);
  });

  it('on the segment and QBR cadence of an account typed Enterprise with $60k ARR', () => {
    const rt = runtime();
    const view = rt.call<AccountView>('getAccount', { row: 3 });
    expect(view.segment).toBe('Enterprise');
    expect(view.segmentFrom).toBe('column');
    expect(view.cadence?.qbr).toBe('Quarterly');
    // The Dashboard holds Bigco to the quarterly cadence too: its QBR 100 days ago is late
    // (semi-annual, by its ARR, it would have been on time); Acme's, 91 days ago, is on time.
    const values = dashboard(rt);
    const qbr = values[rowOf(values, 'QBR completion')];
    expect(qbr?.[1]).toBe(0.5);
    expect(qbr?.[4]).toMatch(/^1 of 2 accounts had a QBR within their segment's cadence/);
    // The QBR document dates the next one by the same 91 days.
    rt.call('generateQbr', { row: 3, quarter: 'Q4 2025', agenda: 'qbr-60' });
    const texts = JSON.stringify(rt.documents.last()?.snapshot());
    expect(texts).toContain('April 16, 2026 (quarterly cadence for Enterprise).');
  });

  it('on which accounts count: three churned accounts left out, the same words in both summaries', () => {
    const rt = runtime();
    const values = dashboard(rt);
    expect(values[rowOf(values, 'Accounts')]?.slice(1, 2)).toEqual([2]);
    expect(values[rowOf(values, 'Accounts')]?.[4]).toBe(
      'Live accounts (3 churned accounts left out).',
    );
    rt.ui.respondWith('OK', '8');
    rt.call('menuAlertsRunNow');
    const status = rt.ui.events.filter((event) => event.type === 'alert').pop();
    expect(status?.type === 'alert' && status.prompt).toMatch(
      /^Checked 2 accounts \(3 churned accounts left out\): /,
    );
  });
});

describe('a churned account is churned everywhere', () => {
  it.each([
    [4, 'by its Status', '0-30 days'],
    [5, 'by its churn date alone', '0-30 days'],
  ])(
    'the sidebar of row %i (%s) leads with win-back: no score, warnings, save play or countdown',
    (row, _how, stage) => {
      const rt = runtime();
      const view = rt.call<AccountView>('getAccount', { row });
      expect(view.lifecycle.status).toBe('churned');
      expect(view.winBack?.stage).toBe(stage);
      expect(view.focus[0]).toMatch(/^Win-back \(0-30 days since churn\): "We miss you"/);
      expect(view.score).toBeNull();
      expect(view.tier).toBeNull();
      expect(view.warnings).toEqual([]);
      expect(view.playbook).toBeNull();
      expect(view.savePlay).toBeNull();
      expect(view.renewal).toBeNull();
      expect(view.expansion).toEqual({
        open: false,
        reasons: ['✗ the account has churned'],
        signals: [],
      });
      expect(() => rt.call('generatePlan', { row, kind: 'save-plan' })).toThrow(
        /" has churned: a save plan is for a live account\./,
      );
    },
  );

  it('the alert run sends nothing about it and keeps no History for it', () => {
    const rt = runtime();
    rt.ui.respondWith('OK', '8');
    rt.call('menuAlertsRunNow');
    const log = rt.spreadsheet.getSheetByName('Alert Log')?.getDataRange().getValues() ?? [];
    const accounts = new Set(log.slice(1).map((row) => row[1]));
    expect(accounts.has('Acme Corp')).toBe(true);
    expect(accounts.has('Poorsupport Inc')).toBe(false);
    expect(accounts.has('Unused Co')).toBe(false);
    expect(accounts.has('Closed Ltd')).toBe(false);
    const history = rt.spreadsheet.getSheetByName('History')?.getDataRange().getValues() ?? [];
    expect(history.map((row) => row[0]).sort()).toEqual(['ACME-1', 'Account key', 'BIG-2']);
    for (const mail of rt.mail.outbox)
      expect(mail.body).not.toMatch(/Poorsupport|Unused Co|Closed Ltd/);
  });

  it('the formulas say Churned, and RENEWALSTAGE gives no countdown with the Status or Churn date column', () => {
    const rt = runtime();
    const headers = [ONE_TRUTH_HEADERS];
    const rows = ONE_TRUTH_ROWS;
    const churned = (cells: unknown) => (cells as unknown[][]).slice(2).map((row) => row[0]);
    expect(churned(rt.call('CHURNRISK', headers, rows, TODAY))).toEqual([
      'Churned',
      'Churned',
      'Churned',
    ]);
    expect(churned(rt.call('EXPANSIONREADY', headers, rows, TODAY))).toEqual([
      'Closed',
      'Closed',
      'Closed',
    ]);
    expect(churned(rt.call('ENGAGEMENTLEVEL', headers, rows, TODAY))).toEqual([
      'Churned',
      'Churned',
      'Churned',
    ]);
    const renewals = column('Renewal date');
    const byStatus = rt.call<unknown[][]>('RENEWALSTAGE', renewals, TODAY, column('Status'));
    const byDate = rt.call<unknown[][]>('RENEWALSTAGE', renewals, TODAY, column('Churn date'));
    // Row 5 has no Status: the Status column alone cannot tell, its churn date can.
    expect(byStatus.map((row) => row[0])).toEqual([
      expect.stringMatching(/^Not started: 258 days to renewal/),
      expect.stringMatching(/^Not started: 258 days to renewal/),
      'Churned: no renewal to prepare',
      expect.stringMatching(/^Day -45: Renewal discussion, 36 days to renewal/),
      'Churned: no renewal to prepare',
    ]);
    expect(byDate.map((row) => row[0]).slice(2)).toEqual([
      'Churned: no renewal to prepare',
      'Churned: no renewal to prepare',
      'Churned: no renewal to prepare',
    ]);
    expect(rt.call('RENEWALSTAGE', renewals[0]?.[0], TODAY, 'maybe')).toBe(
      "status: expected active or churned, or a churn date, found 'maybe'",
    );
    expect(() => rt.call('RENEWALSTAGE', renewals, TODAY, [['churned'], ['active']])).toThrow(
      /RENEWALSTAGE: status has 2 rows and 1 column but renewal_date has 5 rows and 1 column\./,
    );
  });
});
