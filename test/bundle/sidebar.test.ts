/**
 * The sidebar's endpoints through the built bundle, with the Docs advanced service's fake: the
 * account view, search, playbooks, the QBR document (worked by hand for Acme Corp) and the plan
 * documents.
 */
import { pastDates } from '../helpers/past-dates';
import {
  type LocalRuntime,
  type RecordedDocument,
  documentToHtml,
  loadBundle,
} from '../../dev/runtime';
import { SIDEBAR_METHODS } from '../../src/app/sidebar/api';
import { INTERNAL, SCORE_OR_RISK } from '../helpers/customer-wording';
import type { AccountView } from '../../src/app/sidebar/api';
import { PALETTE } from '../../src/core/palette';
import {
  SIDEBAR_NOW,
  XSS_NAME,
  oldAccountRow,
  sidebarBookWithAtRisk,
  sidebarSpreadsheet,
} from '../helpers/sidebar-book';

function runtime(goals = 4): LocalRuntime {
  return loadBundle({ spreadsheet: sidebarSpreadsheet(goals), timeZone: 'UTC', now: SIDEBAR_NOW });
}

/** Calls made on the Docs advanced service (Docs.Documents.create, .batchUpdate, .get). */
function docsCalls(rt: LocalRuntime): number {
  return rt.calls.total('Docs');
}

function texts(doc: RecordedDocument): string[] {
  return doc.elements.flatMap((element) =>
    element.type === 'table'
      ? element.rows.flatMap((row) => row.cells.map((cell) => cell.text))
      : 'text' in element
        ? [element.text]
        : [],
  );
}

function tables(doc: RecordedDocument) {
  return doc.elements.filter((element) => element.type === 'table');
}

function headings(doc: RecordedDocument): string[] {
  return doc.elements.flatMap((element) =>
    element.type === 'paragraph' && element.namedStyle.startsWith('HEADING') ? [element.text] : [],
  );
}

describe('SidebarApi', () => {
  it('every method is a global function of dist/Code.js', () => {
    const rt = runtime();
    for (const name of SIDEBAR_METHODS) expect(typeof rt.globals[name]).toBe('function');
    expect(typeof rt.globals.menuOpenSidebar).toBe('function');
  });

  it('the menu opens the sidebar from dist/Sidebar.html, 300 px, titled CS Engine', () => {
    const rt = runtime();
    rt.call('menuOpenSidebar');
    const shown = rt.ui.events.find((event) => event.type === 'sidebar');
    expect(shown?.type === 'sidebar' && shown.outputTitle).toBe('CS Engine');
    const html = shown?.type === 'sidebar' ? shown.html : '';
    expect(html).toContain('id="tab-account"');
    // One file: the script and the styles are inlined, nothing is loaded from elsewhere.
    expect(html).not.toMatch(
      /<script[^>]+src=|<link[^>]+href=|@import|https?:\/\/(?!www\.w3\.org)/,
    );
  });
});

describe('getAccount', () => {
  it('reads the active row: score, tier, trend, warnings, lifecycle, expansion, playbook', () => {
    const rt = runtime();
    rt.spreadsheet.getSheetByName('Accounts')?.getRange(2, 5).activate();
    const view = rt.call<AccountView>('getAccount', {});
    expect(view.found).toBe(true);
    expect(view.name).toBe('Acme Corp');
    // Product usage (85 + 69.5 + 100) / 3 = 84.83; Engagement 100 (login yesterday);
    // Relationship 85 (champion and sponsor); Outcomes 60 (3 of 4 goals is "some", 40-60,
    // and documented ROI puts it at the top); Financial 85 (current, expanding).
    // (30 x 84.83 + 20 x 100 + 15 x 85 + 20 x 60 + 15 x 85) / 100 = 82.95 -> 83.
    expect(view.score).toBe(83);
    expect(view.tier).toEqual({ label: 'Thriving', color: '#188038' });
    expect(view.trend.map((p) => p.score)).toEqual([72, 80, 83, 81, 83]);
    expect(view.change).toBe(11);
    expect(view.tierSince).toBe('2025-11-01');
    expect(view.daysInTier).toBe(75);
    expect(view.today).toBe('2026-01-15');
    expect(view.segment).toBe('Enterprise');
    expect(view.cadence?.qbr).toBe('Quarterly');
    expect(view.renewal).toMatchObject({ date: '2026-09-30', daysToRenewal: 258, step: null });
    expect(view.expansion.open).toBe(true);
    expect(view.warnings.map((w) => w.severity)).toEqual(['expansion']);
    expect(view.playbook?.title).toMatch(/^Thriving/);
    expect(view.roi).toEqual({
      ok: true,
      multiple: '3.5x',
      annualValue: '$210,000',
      investment: '$60,000',
      belowInvestment: false,
      review: null,
    });
  });

  it('an at-risk account: Critical, the same warnings as the alerts, a save play, no ROI', () => {
    const rt = runtime();
    const view = rt.call<AccountView>('getAccount', { row: 3 });
    expect(view.tier?.label).toBe('Critical');
    expect(view.warnings.map((w) => w.reason)).toEqual(
      expect.arrayContaining(['The champion has left.', 'A competitor was mentioned.']),
    );
    expect(view.renewal?.step?.day).toBe(-45);
    expect(view.playbook?.sla).toMatch(/24 hours/);
    expect(view.savePlay?.title).toBe('Competitor threat');
    expect(view.expansion.open).toBe(false);
    expect(view.roi.ok).toBe(false);
  });

  it('says what to do when the active cell is not on an account row', () => {
    const rt = runtime();
    rt.spreadsheet.getSheetByName('Accounts')?.getRange(1, 1).activate();
    const view = rt.call<{ found: boolean; message: string }>('getAccount', {});
    expect(view).toEqual({
      found: false,
      message:
        'Select a cell in an account\'s row of "Accounts", or search for an account by name.',
    });
  });

  it('a blank row, active or asked for, is a clean "empty row" state, not an error', () => {
    const rt = loadBundle({
      spreadsheet: sidebarBookWithAtRisk(),
      timeZone: 'UTC',
      now: SIDEBAR_NOW,
    });
    const empty = {
      found: false,
      message:
        'Row 5 of "Accounts" is empty: select a cell in an account\'s row, or search for an account by name.',
    };
    expect(rt.call('getAccount', { row: 5 })).toEqual(empty);
    rt.spreadsheet.getSheetByName('Accounts')?.getRange(5, 3).activate();
    expect(rt.call('getAccount', {})).toEqual(empty);
    // Below the book's last row: empty too.
    rt.spreadsheet.getSheetByName('Accounts')?.getRange(40, 1).activate();
    expect(rt.call('getAccount', {})).toMatchObject({
      found: false,
      message: /^Row 40 .* is empty/,
    });
    // A document for a blank row is still refused.
    expect(() => rt.call('generateQbr', { row: 5, quarter: 'Q4 2025', agenda: 'qbr-60' })).toThrow(
      'Row 5 of "Accounts" is empty',
    );
  });

  it('shows each warning once: the focus list leaves out what the warnings say', () => {
    const rt = runtime();
    const view = rt.call<AccountView>('getAccount', { row: 3 });
    expect(view.warnings.length).toBeGreaterThanOrEqual(4);
    for (const warning of view.warnings) {
      expect(view.focus.filter((item) => item.includes(warning.reason))).toEqual([]);
    }
    expect(view.focus[0]).toMatch(/^Biggest gap: Product usage/);
  });

  it("colours each dimension by its own score on the model's tiers", () => {
    const rt = runtime();
    const view = rt.call<AccountView>('getAccount', { row: 4 });
    expect(view.tier?.label).toBe('Healthy');
    const byLabel = Object.fromEntries(view.dimensions.map((d) => [d.label, [d.score, d.color]]));
    expect(byLabel).toMatchObject({
      Engagement: [100, PALETTE.green],
      Relationship: [85, PALETTE.green],
      'Product usage': [53, PALETTE.amber],
    });
  });

  it('refuses a row outside the book with a message', () => {
    const rt = runtime();
    expect(() => rt.call('getAccount', { row: 99 })).toThrow(
      'Row 99 is not an account row of "Accounts": choose a row from 2 to 4.',
    );
  });

  it('reads the book and History once each', () => {
    const rt = runtime();
    rt.calls.reset();
    rt.call('getAccount', { row: 2 });
    expect(rt.calls.count('Range.getValues')).toBeLessThanOrEqual(3);
  });
});

describe('searchAccounts and getPlaybooks', () => {
  it('finds accounts by name or ID, accents and case ignored', () => {
    const rt = runtime();
    expect(rt.call('searchAccounts', 'GLOB')).toEqual({
      matches: [{ row: 3, name: 'Globex', csm: 'Dana Lee' }],
      more: 0,
    });
    expect(rt.call('searchAccounts', 'acme-1')).toMatchObject({ matches: [{ row: 2 }] });
    expect(rt.call('searchAccounts', 'zzz')).toEqual({ matches: [], more: 0 });
  });

  it('lists every playbook section of the seeds', () => {
    const rt = runtime();
    const sections = rt.call<{ id: string; plays: { title: string }[] }[]>('getPlaybooks');
    expect(sections.map((s) => s.id)).toEqual([
      'tiers',
      'churn-tiers',
      'save',
      'expansion',
      'onboarding',
      'success-plan',
      'renewal',
      'win-back',
      'voc',
      'qbr',
    ]);
    const save = sections.find((s) => s.id === 'save');
    expect(save?.plays.map((p) => p.title.split(' (')[0])).toEqual([
      'Product gap',
      'Value not realised',
      'Relationship lost',
      'Price or budget',
      'Competitor threat',
      'Strategic change',
      'Save plan',
    ]);
  });
});

interface Result {
  documents: { name: string; url: string; id: string; audience: string | null }[];
  warnings: string[];
}

function documentNamed(rt: LocalRuntime, name: string): RecordedDocument {
  const doc = rt.documents.byName(name)?.snapshot();
  if (!doc) throw new Error(`no document "${name}"`);
  return doc;
}

function tableStartingWith(doc: RecordedDocument, header: string) {
  const table = tables(doc).find((t) => t.type === 'table' && t.rows[0]?.cells[0]?.text === header);
  return table?.type === 'table' ? table : undefined;
}

/** The cell of the follow-up email: the brief's last table. */
function followUpEmail(doc: RecordedDocument): string {
  const email = tables(doc).at(-1);
  return email?.type === 'table' ? (email.rows[0]?.cells[0]?.text ?? '') : '';
}

const OLD_ACCOUNT_ROW = 5;

describe('generateQbr: two documents from one click', () => {
  it('creates the customer’s QBR and the prep brief, returns both links, logs both', () => {
    const rt = runtime();
    const result = rt.call<Result>('generateQbr', {
      row: 2,
      quarter: 'Q4 2025',
      agenda: 'qbr-60',
    });
    expect(result).toEqual({
      documents: [
        {
          name: 'QBR - Acme Corp - Q4 2025',
          url: 'https://docs.google.com/document/d/doc-1/edit',
          id: 'doc-1',
          audience: 'customer',
        },
        {
          name: 'QBR prep brief - Acme Corp - Q4 2025',
          url: 'https://docs.google.com/document/d/doc-2/edit',
          id: 'doc-2',
          audience: 'internal',
        },
      ],
      warnings: [],
    });
    // One row per document in the QBR Log.
    const log = rt.spreadsheet.getSheetByName('QBR Log')?.getDataRange().getValues();
    expect(log?.[0]).toEqual([
      'Time',
      'Account',
      'Quarter',
      'Agenda',
      'Document',
      'Link',
      'Created by',
    ]);
    expect(log?.slice(1).map((row) => row.slice(1))).toEqual([
      [
        'Acme Corp',
        'Q4 2025',
        '60-minute QBR',
        'QBR - Acme Corp - Q4 2025',
        'https://docs.google.com/document/d/doc-1/edit',
        'csm@example.com',
      ],
      [
        'Acme Corp',
        'Q4 2025',
        '60-minute QBR',
        'QBR prep brief - Acme Corp - Q4 2025',
        'https://docs.google.com/document/d/doc-2/edit',
        'csm@example.com',
      ],
    ]);
    // The brief links to the customer's document.
    const brief = texts(documentNamed(rt, 'QBR prep brief - Acme Corp - Q4 2025'));
    expect(brief).toContain(
      'The customer’s QBR: QBR - Acme Corp - Q4 2025 (https://docs.google.com/document/d/doc-1/edit)',
    );
  });

  it('the customer’s QBR: value delivered, ROI, usage, roadmap, priorities, asks, next steps', () => {
    const rt = runtime();
    rt.call('generateQbr', { row: 2, quarter: 'Q4 2025', agenda: 'qbr-60' });
    const doc = documentNamed(rt, 'QBR - Acme Corp - Q4 2025');
    expect(headings(doc)).toEqual([
      'Agenda',
      '1. Summary',
      'Key wins',
      '2. Value delivered',
      '3. Return on investment',
      '4. Product usage',
      '5. Support summary',
      '6. Roadmap',
      '7. Priorities for Q1 2026',
      '8. Asks',
      '9. Next steps',
      '10. Next QBR',
    ]);
    const all = texts(doc);
    // 350 h x $50 = $17,500 a month; x 12 = $210,000; / $60,000 = 3.5x: a win.
    expect(all).toEqual(expect.arrayContaining(['$17,500', '$210,000', '$60,000', '3.5x']));
    expect(all).toContain('$210,000 of value a year (3.5x the investment)');
    // Goals: 4 defined, 3 achieved, one row each.
    expect(tableStartingWith(doc, 'Goal')?.rows.map((r) => r.cells[3]?.text)).toEqual([
      'Status',
      '✓ Met',
      '✓ Met',
      '✓ Met',
      '✗ Open',
    ]);
    expect(all.join('\n')).toContain('TO FILL IN BY THE CSM');
    expect(all).toContain('92 active of 100 licensed (92%)');
    expect(all).toContain('Under-used features: 6 of 20 are not used yet.');
    // A promoter (NPS 9) is asked for a reference.
    expect(all).toContain('Would you share your results as a reference, a review or a case study?');
    // The sponsor the book names owns the goals; the date is the quarterly cadence's 91 days.
    expect(tableStartingWith(doc, 'Action')?.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['Action', 'Owner', 'Due'],
      ['Send the recap email with these action items', 'Dana Lee', '2026-01-16'],
      ['Confirm next quarter’s goals and success criteria', 'Ria Chen', '2026-01-29'],
      ['Update the success plan and score each goal', 'Dana Lee', '2026-01-29'],
    ]);
    expect(all).toContain('April 16, 2026 (quarterly).');
    // Not for the customer: the score, the tier, the model, the expansion proposal, the
    // checklist and the email (they are in the brief).
    expect(all.join('\n')).not.toMatch(SCORE_OR_RISK);
    expect(all.join('\n')).not.toMatch(INTERNAL);
    expect(all.join('\n')).not.toContain('Subject:');
  });

  it('an At-Risk account: no tier, score or risk wording for the customer unless shared; the brief has it', () => {
    const rt = loadBundle({
      spreadsheet: sidebarSpreadsheet(4, [oldAccountRow()]),
      timeZone: 'UTC',
      now: SIDEBAR_NOW,
    });
    for (const row of [3, OLD_ACCOUNT_ROW]) {
      const view = rt.call<AccountView>('getAccount', { row });
      expect(['At-Risk', 'Critical']).toContain(view.tier?.label);
      const [customer, brief] = rt.call<Result>('generateQbr', {
        row,
        quarter: 'Q1 2026',
        agenda: 'qbr-60',
      }).documents;
      const customerText = texts(documentNamed(rt, customer?.name ?? '')).join('\n');
      expect(customerText).not.toMatch(SCORE_OR_RISK);
      expect(customerText).not.toMatch(INTERNAL);
      const briefText = texts(documentNamed(rt, brief?.name ?? '')).join('\n');
      expect(briefText).toContain(`${view.score} / 100`);
      expect(briefText).toContain(view.tier?.label);
      expect(briefText).toMatch(/What costs the most points: /);
      expect(briefText).toContain('Internal: for the CSM’s preparation, not for the customer.');
      expect(briefText).not.toContain('(default)');
    }
    // Globex: the risks, the save play, the prep checklist in the brief.
    const globex = texts(documentNamed(rt, 'QBR prep brief - Globex - Q1 2026')).join('\n');
    expect(globex).toContain('Act today: The champion has left.');
    expect(globex).toContain('Save play: Competitor threat');
    expect(globex).toContain('Send the agenda and pre-read five days before');
    expect(globex).toContain('ROI missing. No quantified ROI');
  });

  it('sharing the score puts the score and tier in the customer’s QBR, and nothing else', () => {
    const rt = runtime();
    rt.call('generateQbr', { row: 3, quarter: 'Q1 2026', agenda: 'qbr-45', shareScore: true });
    const doc = documentNamed(rt, 'QBR - Globex - Q1 2026');
    const line = doc.elements.find(
      (e) => e.type === 'paragraph' && e.text.startsWith('Health score'),
    );
    expect(line).toMatchObject({ text: 'Health score 3/100 · Critical' });
    const all = texts(doc).join('\n');
    expect(all).not.toMatch(INTERNAL);
    expect(all).not.toMatch(/champion has left|competitor|costs the most points/i);
    // Only a real yes shares: anything else keeps the score out.
    rt.call('generateQbr', { row: 3, quarter: 'Q4 2025', agenda: 'qbr-45', shareScore: 'yes' });
    expect(texts(documentNamed(rt, 'QBR - Globex - Q4 2025')).join('\n')).not.toMatch(
      SCORE_OR_RISK,
    );
  });

  it('an ROI of 0.8x is no win: not in the wins, the QBR or the email; the brief and the sidebar say review it', () => {
    const rt = loadBundle({
      spreadsheet: sidebarSpreadsheet(4, [oldAccountRow()]),
      timeZone: 'UTC',
      now: SIDEBAR_NOW,
    });
    const view = rt.call<AccountView>('getAccount', { row: OLD_ACCOUNT_ROW });
    expect(view.roi).toMatchObject({ ok: true, multiple: '0.8x', belowInvestment: true });
    const result = rt.call<Result>('generateQbr', {
      row: OLD_ACCOUNT_ROW,
      quarter: 'Q4 2025',
      agenda: 'qbr-60',
    });
    expect(result.warnings).toEqual([expect.stringMatching(/^ROI 0\.8x: .*it is not a win\.$/)]);
    const customer = documentNamed(rt, 'QBR - Initech - Q4 2025');
    const all = texts(customer).join('\n');
    expect(all).not.toContain('0.8x');
    expect(all).not.toMatch(/\$96,000 of value|the investment/);
    // The value is shown, but no multiple, and the CSM is asked to complete the value case.
    expect(all).toContain('Value per year (x 12)');
    expect(all).toContain('Complete the value case before sharing');
    const brief = documentNamed(rt, 'QBR prep brief - Initech - Q4 2025');
    const briefText = texts(brief).join('\n');
    expect(briefText).toContain('Review the value case: ROI 0.8x is below 1x');
    const roiCell = tableStartingWith(brief, 'Item')?.rows[6]?.cells[1];
    expect(roiCell).toMatchObject({ text: '0.8x', background: '#fce8e6' });
    const email = followUpEmail(brief);
    expect(email).not.toContain('0.8x');
    expect(email).not.toMatch(/Value: /);
  });

  it('the follow-up email holds only customer-facing text, greets the champion, and its actions are in date order', () => {
    const rt = loadBundle({
      spreadsheet: sidebarSpreadsheet(4, [oldAccountRow()]),
      timeZone: 'UTC',
      now: SIDEBAR_NOW,
    });
    for (const [row, name] of [
      [2, 'Acme Corp'],
      [3, 'Globex'],
      [OLD_ACCOUNT_ROW, 'Initech'],
    ] as const) {
      rt.call('generateQbr', { row, quarter: 'Q4 2025', agenda: 'qbr-60' });
      const email = followUpEmail(documentNamed(rt, `QBR prep brief - ${name} - Q4 2025`));
      expect(email).toMatch(/^Subject: /);
      expect(email).not.toMatch(SCORE_OR_RISK);
      expect(email).not.toMatch(INTERNAL);
      const dues = [...email.matchAll(/, by (\d{4}-\d{2}-\d{2})$/gm)].map((m) => m[1] ?? '');
      expect(dues.length).toBeGreaterThan(2);
      expect(dues).toEqual([...dues].sort());
    }
    // Acme's renewal is 258 days away, Globex's 36: Globex's brief has the renewal step, its
    // email does not.
    const globex = documentNamed(rt, 'QBR prep brief - Globex - Q4 2025');
    expect(texts(globex).join('\n')).toMatch(/Renewal: contract sent/);
    expect(followUpEmail(globex)).toContain('Hi [name],');
    expect(followUpEmail(documentNamed(rt, 'QBR prep brief - Acme Corp - Q4 2025'))).toContain(
      'Hi Sam Fox,',
    );
  });

  it('action items in date order in both documents', () => {
    const rt = runtime();
    for (const row of [2, 3]) rt.call('generateQbr', { row, quarter: 'Q4 2025', agenda: 'qbr-60' });
    for (const doc of rt.documents.all()) {
      const table = tableStartingWith(doc.snapshot(), 'Action');
      const dues = table?.rows.slice(1).map((r) => r.cells[2]?.text ?? '') ?? [];
      expect(dues.length).toBeGreaterThan(2);
      expect(dues).toEqual([...dues].sort());
    }
  });

  it('makes two Docs calls per document (create and one batchUpdate), for 2 goals and for 200', () => {
    // Before (DocumentApp, one call per paragraph, style and table): 136 to 149 calls.
    for (const goals of [2, 200]) {
      const rt = runtime(goals);
      rt.calls.reset();
      rt.call('generateQbr', { row: 2, quarter: 'Q4 2025', agenda: 'qbr-60' });
      const goalTable = tableStartingWith(documentNamed(rt, 'QBR - Acme Corp - Q4 2025'), 'Goal');
      expect(goalTable?.rows.length).toBe(goals + 1);
      expect(rt.documents.all()).toHaveLength(2);
      expect(docsCalls(rt)).toBeLessThanOrEqual(3 * 2);
      expect(rt.calls.count('Docs.Documents.create')).toBe(2);
      expect(rt.calls.count('Docs.Documents.batchUpdate')).toBe(2);
    }
  });

  it('the 45-minute agenda; the expansion only in the brief, and only when the gate is open', () => {
    const rt = runtime();
    rt.call('generateQbr', { row: 2, quarter: 'Q4 2025', agenda: 'qbr-60' });
    expect(headings(documentNamed(rt, 'QBR prep brief - Acme Corp - Q4 2025'))).toEqual([
      '1. Health',
      '2. Risks',
      '3. Playbook and save plays',
      expect.stringMatching(/^Thriving/),
      'NPS follow-up: Promoter (9-10)',
      '4. Talking points',
      '5. ROI check',
      '6. Expansion',
      '7. Action items',
      '8. Next QBR',
      'Appendix A. Preparation checklist',
      'Appendix B. Follow-up email',
    ]);
    const acme = texts(documentNamed(rt, 'QBR prep brief - Acme Corp - Q4 2025'));
    expect(acme).toContain('+11 points since 2025-10-15 (72 → 83)');
    expect(acme).toContain('April 16, 2026 (quarterly cadence for Enterprise).');
    expect(acme).toContain('Send the expansion proposal');
    const result = rt.call<Result>('generateQbr', { row: 3, quarter: 'Q1 2026', agenda: 'qbr-45' });
    expect(result.warnings[0]).toMatch(/^No quantified ROI: fill in Hours saved per month/);
    const globex = documentNamed(rt, 'QBR prep brief - Globex - Q1 2026');
    expect(headings(globex)).not.toContain('6. Expansion');
    expect(headings(globex)).toContain('6. Action items');
    expect(texts(documentNamed(rt, 'QBR - Globex - Q1 2026')).join('\n')).toContain(
      'Q1 2026 · 45-minute QBR · prepared',
    );
  });

  it('is as rich as the model: title first, named headings, bold headers, colours, lists, page break', () => {
    const rt = runtime();
    rt.call('generateQbr', { row: 2, quarter: 'Q4 2025', agenda: 'qbr-60' });
    const doc = documentNamed(rt, 'QBR - Acme Corp - Q4 2025');
    // No empty paragraph first (a new Doc starts with one): the title opens the document.
    expect(doc.elements[0]).toMatchObject({
      type: 'paragraph',
      namedStyle: 'TITLE',
      text: 'Quarterly Business Review: Acme Corp',
    });
    const styleOf = (text: string) =>
      doc.elements.find((e) => e.type === 'paragraph' && e.text === text);
    expect(styleOf('Agenda')).toMatchObject({ namedStyle: 'HEADING_2' });
    expect(styleOf('1. Summary')).toMatchObject({ namedStyle: 'HEADING_1' });
    // A table's header row is bold, its body is not.
    const goals = tableStartingWith(doc, 'Goal');
    if (!goals) throw new Error('no goal table');
    expect(goals.rows[0]?.cells[0]?.runs).toEqual([{ text: 'Goal', attributes: { bold: true } }]);
    expect(goals.rows[1]?.cells[0]?.runs[0]?.attributes).toEqual({});
    // The parts left to the CSM: italic on the placeholder colour.
    const placeholder = doc.elements.find(
      (e) => e.type === 'paragraph' && e.text.includes('TO FILL IN BY THE CSM'),
    );
    expect(placeholder?.type === 'paragraph' && placeholder.runs[0]?.attributes).toEqual({
      italic: true,
      backgroundColor: '#fef7e0',
    });
    // Key wins as bullets, the priorities numbered; the ROI a win, in green.
    const items = doc.elements.filter((e) => e.type === 'listItem');
    expect(items.some((e) => e.type === 'listItem' && e.glyph === 'BULLET')).toBe(true);
    expect(items.some((e) => e.type === 'listItem' && e.glyph === 'NUMBER')).toBe(true);
    expect(tableStartingWith(doc, 'Item')?.rows[6]?.cells[1]).toMatchObject({
      text: '3.5x',
      background: '#e6f4ea',
    });
    // The brief: the tier cell in the tier's colour, the appendix on a new page, the email
    // one shaded cell with its lines kept.
    const brief = documentNamed(rt, 'QBR prep brief - Acme Corp - Q4 2025');
    const tierCell = tableStartingWith(brief, 'Measure')?.rows[2]?.cells[1];
    expect(tierCell).toMatchObject({ text: 'Thriving', background: PALETTE.green });
    const pageBreak = brief.elements.findIndex((e) => e.type === 'paragraph' && e.pageBreak);
    expect(brief.elements[pageBreak + 1]).toMatchObject({
      namedStyle: 'HEADING_1',
      text: 'Appendix A. Preparation checklist',
    });
    const email = tables(brief).at(-1);
    const cell = email?.type === 'table' ? email.rows[0]?.cells[0] : undefined;
    expect(cell?.background).toBe('#f8f9fa');
    expect(cell?.text.split('\n').length).toBeGreaterThan(5);
  });

  it.each(['constructor', '__proto__', 'toString'])(
    'refuses the agenda or plan %p (a name of Object.prototype) with a message',
    (name) => {
      const rt = runtime();
      expect(() => rt.call('generateQbr', { row: 2, quarter: 'Q4 2025', agenda: name })).toThrow(
        `"${name}" is not an agenda`,
      );
      expect(() => rt.call('generatePlan', { row: 2, kind: name })).toThrow(
        `"${name}" is not a plan`,
      );
      expect(rt.documents.all()).toHaveLength(0);
    },
  );

  it('refuses a bad quarter with a message, and creates nothing', () => {
    const rt = runtime();
    expect(() => rt.call('generateQbr', { row: 2, quarter: 'spring', agenda: 'qbr-60' })).toThrow(
      '"spring" is not a quarter: choose one such as Q4 2026 (Q1 to Q4, then the year).',
    );
    expect(rt.documents.all()).toHaveLength(0);
    expect(rt.spreadsheet.getSheetByName('QBR Log')).toBeNull();
  });

  it('keeps sheet text as text: in both documents, the rendered HTML and the log', () => {
    const rt = runtime();
    rt.call('generateQbr', { row: 4, quarter: 'Q4 2025', agenda: 'qbr-60' });
    const [customer, brief] = rt.documents.all();
    expect(customer?.name).toBe(`QBR - ${XSS_NAME} - Q4 2025`);
    expect(brief?.name).toBe(`QBR prep brief - ${XSS_NAME} - Q4 2025`);
    expect(customer?.snapshot().elements[0]).toMatchObject({
      type: 'paragraph',
      namedStyle: 'TITLE',
      text: `Quarterly Business Review: ${XSS_NAME}`,
    });
    for (const model of [customer, brief]) {
      const html = documentToHtml(model as NonNullable<typeof model>);
      expect(html).not.toContain('<img');
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    }
    const log = rt.spreadsheet.getSheetByName('QBR Log')?.getDataRange().getValues();
    expect(log?.slice(1).map((row) => row[1])).toEqual([XSS_NAME, XSS_NAME]);
  });
});

describe('generatePlan', () => {
  it.each([
    ['save-plan', 'Save plan - Globex - 2026-01-15', '1. Root cause: what pulled the score down?'],
    ['success-plan', 'Success plan - Globex - 2026-01-15', 'Business objectives'],
    ['onboarding-plan', 'Onboarding plan - Globex - 2026-01-15', 'Risk signals to act on at once'],
  ])('%s', (kind, name, heading) => {
    const rt = runtime();
    rt.calls.reset();
    const result = rt.call<Result>('generatePlan', { row: 3, kind });
    expect(result.documents).toEqual([
      {
        name,
        url: 'https://docs.google.com/document/d/doc-1/edit',
        id: 'doc-1',
        audience: null,
      },
    ]);
    // Before (DocumentApp): 48 to 61 calls.
    expect(docsCalls(rt)).toBe(2);
    const doc = rt.documents.last()?.snapshot() as RecordedDocument;
    expect(doc.elements[0]).toMatchObject({ type: 'paragraph', namedStyle: 'TITLE' });
    expect(headings(doc)).toContain(heading);
    expect(rt.spreadsheet.getSheetByName('QBR Log')?.getLastRow()).toBe(2);
  });

  it('the save plan carries the competitor play and its offers; a step due "within 24 hours" is due tomorrow', () => {
    const rt = runtime();
    rt.call('generatePlan', { row: 3, kind: 'save-plan' });
    const doc = rt.documents.last()?.snapshot() as RecordedDocument;
    const all = texts(doc).join('\n');
    expect(all).toContain('Likely reason: competitor threat (a competitor was mentioned)');
    expect(all).toContain('A competitive discount');
    // Globex is Critical (3/100): its playbook's first steps, each by its own words.
    const rows = tableStartingWith(doc, 'Action')?.rows.map((r) => r.cells.map((c) => c.text));
    expect(rows?.slice(1, 3)).toEqual([
      ['Escalate to an executive today', 'Dana Lee', '2026-01-15'],
      [
        'Hold a save call within 24 hours with the CSM, their manager and an executive',
        'CSM manager',
        '2026-01-16',
      ],
    ]);
    const dues = rows?.slice(1).map((r) => r[2] ?? '') ?? [];
    expect(dues).toEqual([...dues].sort());
  });

  it('an account that started years ago: no past date unless it says it is overdue', () => {
    const rt = loadBundle({
      spreadsheet: sidebarSpreadsheet(4, [oldAccountRow()]),
      timeZone: 'UTC',
      now: SIDEBAR_NOW,
    });
    const today = '2026-01-15';
    for (const kind of ['save-plan', 'success-plan', 'onboarding-plan']) {
      rt.call('generatePlan', { row: OLD_ACCOUNT_ROW, kind });
      const doc = rt.documents.last()?.snapshot() as RecordedDocument;
      const all = texts(doc).join('\n');
      const past = pastDates(all, today);
      expect({ kind, past }).toEqual({ kind, past: [] });
      if (kind !== 'save-plan') expect(all).toMatch(/overdue since 2022-/);
    }
    // The onboarding plan says the window has passed; the setup is done (users are active).
    const onboarding = texts(rt.documents.last()?.snapshot() as RecordedDocument).join('\n');
    expect(onboarding).toContain('The onboarding window has passed');
    expect(onboarding).toContain('Week 1: technical setup (done)');
  });

  it('names from the book and as many goal rows as the book defines', () => {
    for (const goals of [2, 5]) {
      const rt = loadBundle({
        spreadsheet: sidebarSpreadsheet(4, [oldAccountRow({ 'Goals defined': goals })]),
        timeZone: 'UTC',
        now: SIDEBAR_NOW,
      });
      rt.call('generatePlan', { row: OLD_ACCOUNT_ROW, kind: 'success-plan' });
      const doc = rt.documents.last()?.snapshot() as RecordedDocument;
      expect(tableStartingWith(doc, 'Objective')?.rows.length).toBe(goals + 1);
      expect(tableStartingWith(doc, 'Role')?.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
        ['Role', 'Status in the book', 'Name and title'],
        ['Champion', 'Identified', 'Priya Nair'],
        ['Executive sponsor', 'Identified', 'Tom Ruiz'],
        ['Technical lead', 'Not in the book', ''],
        ['CSM', 'Identified', 'Ken Ito'],
      ]);
      rt.call('generateQbr', { row: OLD_ACCOUNT_ROW, quarter: 'Q4 2025', agenda: 'qbr-60' });
      const qbr = documentNamed(rt, 'QBR - Initech - Q4 2025');
      expect(tableStartingWith(qbr, 'Goal')?.rows.length).toBe(goals + 1);
    }
    // The save plan names them for the executive alignment; a yes names nobody.
    const rt = loadBundle({
      spreadsheet: sidebarSpreadsheet(4, [oldAccountRow()]),
      timeZone: 'UTC',
      now: SIDEBAR_NOW,
    });
    rt.call('generatePlan', { row: OLD_ACCOUNT_ROW, kind: 'save-plan' });
    expect(texts(rt.documents.last()?.snapshot() as RecordedDocument)).toContain(
      'Champion: Priya Nair; executive sponsor: Tom Ruiz',
    );
    rt.call('generatePlan', { row: 4, kind: 'success-plan' });
    const xss = tableStartingWith(rt.documents.last()?.snapshot() as RecordedDocument, 'Role');
    expect(xss?.rows[1]?.cells.map((c) => c.text)).toEqual(['Champion', 'Identified', '']);
  });

  it('says what to do when the Docs service is not enabled, and logs nothing', () => {
    const rt = loadBundle({
      spreadsheet: sidebarSpreadsheet(4),
      timeZone: 'UTC',
      now: SIDEBAR_NOW,
      manifest: { oauthScopes: ['https://www.googleapis.com/auth/drive.file'] },
    });
    expect(() => rt.call('generatePlan', { row: 3, kind: 'save-plan' })).toThrow(
      'The Google Docs service is not enabled in this copy of CS Engine',
    );
    expect(() => rt.call('generateQbr', { row: 2, quarter: 'Q4 2025', agenda: 'qbr-60' })).toThrow(
      'The Google Docs service is not enabled in this copy of CS Engine',
    );
    expect(rt.spreadsheet.getSheetByName('QBR Log')).toBeNull();
  });

  it('refuses an unknown plan', () => {
    const rt = runtime();
    expect(() => rt.call('generatePlan', { row: 3, kind: 'party-plan' })).toThrow(
      '"party-plan" is not a plan: choose a save plan, a success plan or an onboarding plan.',
    );
  });
});
