/**
 * One look: a tier wears the same colour wherever a CSM meets it, through the built bundle.
 * The sidebar's tier chip, the QBR prep brief's tier cell, the Dashboard's health pie and the
 * alert digest's headings (the severities named after a tier) all take src/core/palette.ts's
 * colours, by the tier's position in the model.
 */
import {
  LockState,
  MailState,
  PropertiesState,
  loadBundle,
  type LocalRuntime,
} from '../../dev/runtime';
import { chartViews } from '../../dev/playground/chart-views';
import type { AccountView } from '../../src/app/sidebar/api';
import { renderDigest, type DigestItem } from '../../src/core/alerts/digest';
import { SEVERITIES } from '../../src/core/alerts/rules';
import { defaultModel } from '../../src/core/models';
import { PALETTE, SEVERITY_COLORS } from '../../src/core/palette';
import { SIDEBAR_NOW, sidebarBookWithAtRisk } from '../helpers/sidebar-book';

/** Acme (Thriving), Globex (Critical), the HTML-named account (Healthy), a blank row, Vandelay Industries (At-Risk). */
const ROWS: Readonly<Record<string, number>> = {
  Thriving: 2,
  Critical: 3,
  Healthy: 4,
  'At-Risk': 6,
};

function runtime(): LocalRuntime {
  return loadBundle({
    spreadsheet: sidebarBookWithAtRisk(),
    timeZone: 'UTC',
    now: SIDEBAR_NOW,
    userEmail: 'owner@acme.test',
    properties: new PropertiesState(),
    locks: new LockState(),
    mail: new MailState({ dailyQuota: 100 }),
  });
}

/** The QBR prep brief's tier cell (the customer's QBR shows no tier unless the score is shared). */
function briefTierBackground(rt: LocalRuntime, row: number): string | undefined {
  const created = rt.call<{ documents: { name: string; audience: string }[] }>('generateQbr', {
    row,
    quarter: 'Q4 2025',
    agenda: 'qbr-60',
  });
  const brief = created.documents.find((document) => document.audience === 'internal');
  const doc = brief ? rt.documents.byName(brief.name)?.snapshot() : undefined;
  const cells = (doc?.elements ?? []).flatMap((element) =>
    element.type === 'table' ? element.rows.flatMap((r) => r.cells) : [],
  );
  return cells.find((cell) => cell.text === ROW_TIER[row])?.background;
}

const ROW_TIER: Record<number, string> = Object.fromEntries(
  Object.entries(ROWS).map(([tier, row]) => [row, tier]),
);

describe('the same tier has the same colour everywhere', () => {
  const rt = runtime();
  const model = defaultModel();
  const paletteOf = (tier: string) => model.tiers.find((t) => t.label === tier)?.color;

  it('the default model: Thriving green, Healthy teal (not amber), At-Risk amber, Critical red', () => {
    expect(model.tiers.map((tier) => [tier.label, tier.color])).toEqual([
      ['Thriving', PALETTE.green],
      ['Healthy', PALETTE.teal],
      ['At-Risk', PALETTE.amber],
      ['Critical', PALETTE.red],
    ]);
  });

  it.each(Object.entries(ROWS))(
    '%s: the sidebar, the QBR prep brief and the Dashboard pie agree',
    (tier, row) => {
      const view = rt.call<AccountView>('getAccount', { row });
      expect(view.tier).toEqual({ label: tier, color: paletteOf(tier) });
      expect(briefTierBackground(rt, row)).toBe(paletteOf(tier));
      rt.call('menuRefreshDashboard');
      const pie = chartViews(rt.spreadsheet, 'Dashboard').find((chart) => chart.type === 'PIE');
      const slice = pie?.labels.indexOf(tier) ?? -1;
      expect(slice).toBeGreaterThanOrEqual(0);
      expect(pie?.colors[slice]).toBe(paletteOf(tier));
    },
  );

  it("the digest's Critical and At-Risk headings wear those tiers' colours; every severity its own", () => {
    const items: DigestItem[] = SEVERITIES.map((severity, index) => ({
      account: `Account ${index}`,
      row: index + 2,
      severity,
      score: 50,
      tier: 'At-Risk',
      change: '',
      arr: 10_000,
      reasons: ['A reason.'],
    }));
    const { htmlBody } = renderDigest(items, {
      bookName: 'Customer Book',
      sheetUrl: 'https://docs.google.com/spreadsheets/d/x/edit#gid=0',
      dateLabel: 'Thu, Jan 15, 2026',
      logUrl: 'https://docs.google.com/spreadsheets/d/x/edit#gid=9',
      cap: 25,
      escalation: false,
    });
    const headings = [...htmlBody.matchAll(/<h2 style="[^"]*color:(#[0-9a-f]{6})">/g)].map(
      (match) => match[1],
    );
    expect(headings).toEqual(SEVERITIES.map((severity) => SEVERITY_COLORS[severity]));
    expect(SEVERITY_COLORS.critical).toBe(paletteOf('Critical'));
    expect(SEVERITY_COLORS['at-risk']).toBe(paletteOf('At-Risk'));
  });

  it("the sidebar's warnings take the severity colours too", () => {
    const view = rt.call<AccountView>('getAccount', { row: ROWS.Critical });
    expect(view.warnings.length).toBeGreaterThan(0);
    for (const warning of view.warnings) {
      expect(warning.color).toBe(SEVERITY_COLORS[warning.severity as keyof typeof SEVERITY_COLORS]);
    }
  });
});
