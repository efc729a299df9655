/**
 * The sidebar's endpoints through the built bundle, with the Docs advanced service's fake: the
 * account view, search, playbooks, the QBR document (worked by hand for Acme Corp) and the plan
 * documents.
 */
import {
  type LocalRuntime,
  type RecordedDocument,
  documentToHtml,
  loadBundle,
} from '../../dev/runtime';
import { SIDEBAR_METHODS } from '../../src/app/sidebar/api';
import type { AccountView } from '../../src/app/sidebar/api';
import { SIDEBAR_NOW, XSS_NAME, sidebarSpreadsheet } from '../helpers/sidebar-book';

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
    expect(view.tier).toEqual({ label: 'Thriving', color: '#1e8e3e' });
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

describe('generateQbr', () => {
  it('creates "QBR - Acme Corp - Q4 2025" with the sections, the numbers and real tables', () => {
    const rt = runtime();
    const result = rt.call<{ name: string; url: string; warnings: string[] }>('generateQbr', {
      row: 2,
      quarter: 'Q4 2025',
      agenda: 'qbr-60',
    });
    expect(result.name).toBe('QBR - Acme Corp - Q4 2025');
    expect(result.url).toBe('https://docs.google.com/document/d/doc-1/edit');
    expect(result.warnings).toEqual([]);
    const doc = rt.documents.byName('QBR - Acme Corp - Q4 2025')?.snapshot();
    if (!doc) throw new Error('no document');
    expect(headings(doc)).toEqual([
      'Agenda',
      '1. Executive summary',
      'Key wins',
      '2. Value delivered',
      '3. Return on investment',
      '4. Product usage',
      '5. Support summary',
      '6. Risks',
      '7. Roadmap',
      '8. Priorities for Q1 2026',
      '9. Expansion opportunities',
      '10. Action items',
      '11. Next QBR',
      'Appendix A. Preparation checklist',
      'Appendix B. Follow-up email',
    ]);
    const all = texts(doc);
    // 350 h x $50 = $17,500 a month; x 12 = $210,000; / $60,000 = 3.5x.
    expect(all).toEqual(expect.arrayContaining(['$17,500', '$210,000', '$60,000', '3.5x']));
    expect(all).toContain('83 / 100');
    expect(all).toContain('+11 points since 2025-10-15 (72 → 83)');
    // The tier cell is colored with the tier's color.
    const summary = tables(doc)[1];
    const tierCell = summary?.type === 'table' ? summary.rows[2]?.cells[1] : undefined;
    expect(tierCell?.text).toBe('Thriving (CS Engine (default))');
    expect(tierCell?.background).toBe('#1e8e3e');
    // Goals: 4 defined, 3 achieved, one row each, and the missing names said.
    const goals = tables(doc).find(
      (t) => t.type === 'table' && t.rows[0]?.cells[0]?.text === 'Goal',
    );
    expect(goals?.type === 'table' && goals.rows.map((r) => r.cells[3]?.text)).toEqual([
      'Status',
      '✓ Met',
      '✓ Met',
      '✓ Met',
      '✗ Open',
    ]);
    expect(all.join('\n')).toContain('does not name them');
    expect(all.join('\n')).toContain('TO FILL IN BY THE CSM');
    // Usage: seats and unused features.
    expect(all).toContain('92 active of 100 licensed (92%)');
    expect(all).toContain('Under-used features: 6 of 20 are not used yet.');
    // Next QBR: quarterly for Enterprise, 91 days after 2026-01-15.
    expect(all).toContain('April 16, 2026 (quarterly cadence for Enterprise).');
    // The follow-up email and the checklist are in the appendix.
    expect(all.join('\n')).toContain('Subject: Acme Corp and [your company]: Q4 2025 review');
    expect(all).toContain('Send the agenda and pre-read five days before');
    // Logged in the QBR Log sheet.
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
    expect(log?.[1]?.slice(1)).toEqual([
      'Acme Corp',
      'Q4 2025',
      '60-minute QBR',
      'QBR - Acme Corp - Q4 2025',
      'https://docs.google.com/document/d/doc-1/edit',
      'csm@example.com',
    ]);
  });

  it('the 45-minute agenda; no expansion section when the gate is closed; the missing ROI flagged', () => {
    const rt = runtime();
    const result = rt.call<{ warnings: string[] }>('generateQbr', {
      row: 3,
      quarter: 'Q1 2026',
      agenda: 'qbr-45',
    });
    expect(result.warnings[0]).toMatch(/^No quantified ROI: fill in Hours saved per month/);
    const doc = rt.documents.last()?.snapshot();
    if (!doc) throw new Error('no document');
    expect(headings(doc)).not.toContain('9. Expansion opportunities');
    expect(headings(doc)).toContain('9. Action items');
    const all = texts(doc).join('\n');
    expect(all).toContain('ROI missing. No quantified ROI');
    expect(all).toContain('Q1 2026 · 45-minute QBR · prepared');
    expect(all).toContain('Act today: The champion has left.');
  });

  it('makes two Docs calls, create and one batchUpdate, for 2 goals and for 200', () => {
    // Before (DocumentApp, one call per paragraph, style and table): 136 to 149 calls.
    for (const goals of [2, 200]) {
      const rt = runtime(goals);
      rt.calls.reset();
      rt.call('generateQbr', { row: 2, quarter: 'Q4 2025', agenda: 'qbr-60' });
      const goalTable = tables(rt.documents.last()?.snapshot() as RecordedDocument).find(
        (t) => t.type === 'table' && t.rows[0]?.cells[0]?.text === 'Goal',
      );
      expect(goalTable?.type === 'table' && goalTable.rows.length).toBe(goals + 1);
      expect(docsCalls(rt)).toBeLessThanOrEqual(3);
      expect(rt.calls.count('Docs.Documents.create')).toBe(1);
      expect(rt.calls.count('Docs.Documents.batchUpdate')).toBe(1);
    }
  });

  it('is as rich as the model: title first, named headings, bold headers, colours, lists, page break', () => {
    const rt = runtime();
    rt.call('generateQbr', { row: 2, quarter: 'Q4 2025', agenda: 'qbr-60' });
    const doc = rt.documents.last()?.snapshot() as RecordedDocument;
    // No empty paragraph first (a new Doc starts with one): the title opens the document.
    expect(doc.elements[0]).toMatchObject({
      type: 'paragraph',
      namedStyle: 'TITLE',
      text: 'Quarterly Business Review: Acme Corp',
    });
    const styleOf = (text: string) =>
      doc.elements.find((e) => e.type === 'paragraph' && e.text === text);
    expect(styleOf('Agenda')).toMatchObject({ namedStyle: 'HEADING_2' });
    expect(styleOf('1. Executive summary')).toMatchObject({ namedStyle: 'HEADING_1' });
    // A table's header row is bold, its body is not.
    const goals = tables(doc).find(
      (t) => t.type === 'table' && t.rows[0]?.cells[0]?.text === 'Goal',
    );
    if (goals?.type !== 'table') throw new Error('no goal table');
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
    // Key wins as bullets, the priorities numbered; the appendix on a new page.
    const items = doc.elements.filter((e) => e.type === 'listItem');
    expect(items.some((e) => e.type === 'listItem' && e.glyph === 'BULLET')).toBe(true);
    expect(items.some((e) => e.type === 'listItem' && e.glyph === 'NUMBER')).toBe(true);
    const pageBreak = doc.elements.findIndex((e) => e.type === 'paragraph' && e.pageBreak);
    expect(doc.elements[pageBreak + 1]).toMatchObject({
      namedStyle: 'HEADING_1',
      text: 'Appendix A. Preparation checklist',
    });
    // The follow-up email: one shaded cell, its lines kept.
    const email = tables(doc).at(-1);
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

  it('refuses a bad quarter with a message', () => {
    const rt = runtime();
    expect(() => rt.call('generateQbr', { row: 2, quarter: 'spring', agenda: 'qbr-60' })).toThrow(
      '"spring" is not a quarter: choose one such as Q4 2026 (Q1 to Q4, then the year).',
    );
    expect(rt.documents.all()).toHaveLength(0);
  });

  it('keeps sheet text as text: in the document, the rendered HTML and the log', () => {
    const rt = runtime();
    rt.call('generateQbr', { row: 4, quarter: 'Q4 2025', agenda: 'qbr-60' });
    const model = rt.documents.last();
    expect(model?.name).toBe(`QBR - ${XSS_NAME} - Q4 2025`);
    expect(model?.snapshot().elements[0]).toMatchObject({
      type: 'paragraph',
      namedStyle: 'TITLE',
      text: `Quarterly Business Review: ${XSS_NAME}`,
    });
    const html = documentToHtml(model as NonNullable<typeof model>);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const log = rt.spreadsheet.getSheetByName('QBR Log')?.getDataRange().getValues();
    expect(log?.[1]?.[1]).toBe(XSS_NAME);
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
    const result = rt.call<{ name: string }>('generatePlan', { row: 3, kind });
    expect(result.name).toBe(name);
    // Before (DocumentApp): 48 to 61 calls.
    expect(docsCalls(rt)).toBe(2);
    const doc = rt.documents.last()?.snapshot() as RecordedDocument;
    expect(doc.elements[0]).toMatchObject({ type: 'paragraph', namedStyle: 'TITLE' });
    expect(headings(doc)).toContain(heading);
    expect(rt.spreadsheet.getSheetByName('QBR Log')?.getLastRow()).toBe(2);
  });

  it('the save plan carries the competitor play and its offers', () => {
    const rt = runtime();
    rt.call('generatePlan', { row: 3, kind: 'save-plan' });
    const all = texts(rt.documents.last()?.snapshot() as RecordedDocument).join('\n');
    expect(all).toContain('Likely reason: competitor threat (a competitor was mentioned)');
    expect(all).toContain('A competitive discount');
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
    expect(rt.spreadsheet.getSheetByName('QBR Log')).toBeNull();
  });

  it('refuses an unknown plan', () => {
    const rt = runtime();
    expect(() => rt.call('generatePlan', { row: 3, kind: 'party-plan' })).toThrow(
      '"party-plan" is not a plan: choose a save plan, a success plan or an onboarding plan.',
    );
  });
});
