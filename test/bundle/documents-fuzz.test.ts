/**
 * The QBR's two documents and the plans, property-tested through the built bundle: an account
 * row whose figures, flags, dates and people are any cells at all (the names of the account
 * and its CSM kept, so that what the documents say can be told from what the row says).
 * Whatever the cells:
 * - the QBR makes its two documents and each plan its one, in two Docs calls each;
 * - the customer's QBR and the follow-up email hold no score, tier, risk or internal wording;
 * - the action items are in date order; a plan shows no past date without saying it is overdue;
 * - the QBR and the success plan list as many goals, never more than MAX_GOAL_ROWS;
 * - no NaN, Infinity, undefined or [object ...] in any document.
 * Seed and run count are fixed so that the suite stays quick and repeatable.
 */
import { pastDates as pastDatesBefore } from '../helpers/past-dates';
import fc from 'fast-check';
import { type LocalRuntime, type RecordedDocument, loadBundle } from '../../dev/runtime';
import { MAX_GOAL_ROWS } from '../../src/core/goals';
import { INTERNAL, SCORE_OR_RISK, documentTexts, tableTexts } from '../helpers/customer-wording';
import {
  SIDEBAR_HEADERS,
  SIDEBAR_NOW,
  oldAccountRow,
  sidebarSpreadsheet,
} from '../helpers/sidebar-book';

const ROW = 5;
const TODAY = '2026-01-15';
/** Kept as they are: the documents print them, so a fuzzed name could say anything. */
const KEPT = new Set(['Account', 'Account ID', 'CSM', 'CSM email']);
const PEOPLE = new Set(['Champion', 'Executive sponsor']);

const hostileCell = fc.oneof(
  fc.constantFrom(
    '',
    'yes',
    'no',
    'left',
    'late',
    'active',
    'n/a',
    '#N/A',
    '=1+1',
    '-5',
    '2.5',
    '45%',
    '1e15',
    '999999999',
    '$120,000',
    '2026-02-30',
    '2021-01-01',
    '2040-12-31',
    'constructor',
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -10, max: 5_000 }),
  fc.boolean(),
  fc.date({
    min: new Date(Date.UTC(1990, 0, 1)),
    max: new Date(Date.UTC(2040, 0, 1)),
    noInvalidDate: true,
  }),
  fc.string({ maxLength: 12 }),
);

const person = fc.constantFrom('Priya Nair', 'yes', 'no', '', 'TBD', true, false);

/** One account row: the kept columns as they are, every other one fuzzed or left as it was. */
const hostileRow = fc
  .tuple(
    fc.array(fc.option(hostileCell, { nil: undefined, freq: 2 }), {
      minLength: SIDEBAR_HEADERS.length,
      maxLength: SIDEBAR_HEADERS.length,
    }),
    person,
    person,
  )
  .map(([cells, champion, sponsor]) => {
    const base = oldAccountRow();
    return SIDEBAR_HEADERS.map((header, i) => {
      if (KEPT.has(header)) return base[i] as string | number | boolean | Date;
      if (header === 'Champion') return champion;
      if (header === 'Executive sponsor') return sponsor;
      if (PEOPLE.has(header)) return base[i] as string;
      return (cells[i] ?? base[i]) as string | number | boolean | Date;
    });
  });

const BROKEN = /\bNaN\b|Infinity|\bundefined\b|\[object /;

/** The past dates a text shows without "overdue since" before them. */
function pastDates(text: string): string[] {
  return pastDatesBefore(text, TODAY);
}

function dueDatesInOrder(doc: RecordedDocument, header: string): boolean {
  const dues = (tableTexts(doc, header) ?? []).slice(1).map((row) => row[2] ?? '');
  return dues.every((due, i) => i === 0 || (dues[i - 1] ?? '') <= due);
}

interface Result {
  documents: { name: string }[];
}

let rt: LocalRuntime;

beforeAll(() => {
  rt = loadBundle({
    spreadsheet: sidebarSpreadsheet(4, [oldAccountRow()]),
    timeZone: 'UTC',
    now: SIDEBAR_NOW,
  });
});

/** The document a call just created (every run makes documents of the same names). */
function created(name: string | undefined, back: number): RecordedDocument {
  const doc = rt.documents.all().at(-back);
  if (!doc || doc.title !== name) throw new Error(`no document "${name}"`);
  return doc.snapshot();
}

describe('the QBR and the plans of any account row', () => {
  it('customer-ready, in date order, no past date, as many goals in each, nothing broken', () => {
    fc.assert(
      fc.property(hostileRow, (row) => {
        rt.spreadsheet.getSheetByName('Accounts')?.getRange(ROW, 1, 1, row.length).setValues([row]);
        rt.calls.reset();
        const qbr = rt.call<Result>('generateQbr', {
          row: ROW,
          quarter: 'Q4 2025',
          agenda: 'qbr-60',
        });
        expect(qbr.documents).toHaveLength(2);
        expect(rt.calls.total('Docs')).toBeLessThanOrEqual(2 * 3);
        const customer = created(qbr.documents[0]?.name, 2);
        const brief = created(qbr.documents[1]?.name, 1);
        const customerText = documentTexts(customer).join('\n');
        expect(customerText).not.toMatch(SCORE_OR_RISK);
        expect(customerText).not.toMatch(INTERNAL);
        const briefTables = brief.elements.filter((e) => e.type === 'table');
        const email = briefTables.at(-1);
        const emailText = email?.type === 'table' ? (email.rows[0]?.cells[0]?.text ?? '') : '';
        expect(emailText).toMatch(/^Subject: /);
        expect(emailText).not.toMatch(SCORE_OR_RISK);
        expect(emailText).not.toMatch(INTERNAL);
        expect(dueDatesInOrder(customer, 'Action')).toBe(true);
        expect(dueDatesInOrder(brief, 'Action')).toBe(true);

        const plans: RecordedDocument[] = [];
        for (const kind of ['save-plan', 'success-plan', 'onboarding-plan']) {
          rt.calls.reset();
          const plan = rt.call<Result>('generatePlan', { row: ROW, kind });
          expect(rt.calls.total('Docs')).toBeLessThanOrEqual(3);
          plans.push(created(plan.documents[0]?.name, 1));
        }
        for (const plan of plans) {
          expect(pastDates(documentTexts(plan).join('\n'))).toEqual([]);
          expect(dueDatesInOrder(plan, 'Action')).toBe(true);
        }
        // The QBR lists as many goals as the success plan, when the book counts them.
        const qbrGoals = (tableTexts(customer, 'Goal')?.length ?? 1) - 1;
        const planGoals = (tableTexts(plans[1] as RecordedDocument, 'Objective')?.length ?? 1) - 1;
        expect(qbrGoals).toBeLessThanOrEqual(MAX_GOAL_ROWS);
        if (qbrGoals > 0) expect(planGoals).toBe(qbrGoals);
        for (const doc of [customer, brief, ...plans]) {
          expect(documentTexts(doc).join('\n')).not.toMatch(BROKEN);
        }
      }),
      { seed: 20260115, numRuns: 25 },
    );
  });
});
