/**
 * Columns mapped, not renamed: the mapping of a book's own headers to the columns CS Engine
 * reads, as the Columns sheet keeps it. Expected values are worked out by hand from the issue's
 * example ("Most recent login" holds Last login, "Exec buyer" the Executive sponsor, ...; the
 * issue's "Exec sponsor?" is recognised as it is, punctuation ignored).
 */
import fc from 'fast-check';
import { createSpreadsheet } from '../../dev/runtime/spreadsheet';
import { readLayout } from '../../src/core/book';
import type { CellValue } from '../../src/core/cells';
import {
  COLUMNS_SHEET_MIN_WIDTH,
  NO_COLUMN_MAP,
  applyColumnMap,
  columnsSheetRows,
  headerChange,
  headerMapping,
  mappedFormula,
  mappingTargets,
  parseColumnsSheet,
  resolveChoices,
} from '../../src/core/column-map';
import { asWrittenRows } from '../../src/core/sheet-input';

const BOOK = [
  'Account',
  'Most recent login',
  'Exec buyer',
  'Usage ratio',
  'Seats bought',
  'Seats in use',
  'Team lead',
  'Notes',
  'Renews on',
];

const CHOICES = [
  { header: 'Most recent login', target: 'lastLogin' },
  { header: 'Exec buyer', target: 'executiveSponsor' },
  { header: 'Usage ratio', target: 'dauMau' },
  { header: 'Seats bought', target: 'seatsLicensed' },
  { header: 'Seats in use', target: 'seatsActive' },
  { header: 'Team lead', target: 'csm' },
];

function resolved(header: readonly CellValue[], choices: typeof CHOICES) {
  const result = resolveChoices('Accounts', header, choices);
  if ('error' in result) throw new Error(result.error);
  return result.map;
}

/** The Columns sheet written and read back as Sheets would (text read back loses its apostrophe). */
function throughSheet(rows: readonly (readonly CellValue[])[]): CellValue[][] {
  const sheet = createSpreadsheet({ Columns: [] }).sheet('Columns');
  const width = rows[0]?.length ?? 1;
  sheet.insertColumnsAfter(26, Math.max(0, width - 26));
  sheet.getRange(1, 1, rows.length, width).setValues(asWrittenRows(rows));
  expect(
    sheet
      .snapshotFormulas()
      .flat()
      .filter((formula) => formula !== ''),
  ).toEqual([]);
  return sheet.getDataRange().getValues();
}

describe('the mapping targets', () => {
  it('every label is read back as its own column by the book reader', () => {
    for (const target of mappingTargets()) {
      const layout = readLayout([target.label]);
      const read = target.value.startsWith('score:')
        ? `score:${[...layout.subScores.keys()][0]}`
        : [...layout.signals.keys()][0];
      expect([target.label, read]).toEqual([target.label, target.value]);
    }
  });
});

describe('a book mapped', () => {
  const map = resolved(BOOK, CHOICES);

  it('reads each mapped header as its column, ignores the rest, keeps the recognised ones', () => {
    expect(applyColumnMap(BOOK, map)).toEqual([
      'Account',
      'Last login',
      'Executive sponsor',
      'DAU/MAU',
      'Seats licensed',
      'Seats active',
      'CSM',
      '',
      'Renews on',
    ]);
  });

  it('writes row 1 (what CS Engine reads) and row 2 (the book’s own headers), 52 columns wide', () => {
    const rows = columnsSheetRows('Accounts', BOOK, map);
    expect(rows[0]?.slice(0, BOOK.length)).toEqual(applyColumnMap(BOOK, map));
    expect(rows[1]?.slice(0, BOOK.length)).toEqual(BOOK);
    expect(rows.every((row) => row.length === COLUMNS_SHEET_MIN_WIDTH)).toBe(true);
    expect(rows[3]?.[0]).toContain(mappedFormula('Accounts'));
    expect(mappedFormula("Bob's book")).toBe(
      "=HEALTHSCORE(Columns!A1:AZ1, 'Bob''s book'!A2:AZ500, , CSE_TODAY)",
    );
  });

  it('reads the Columns sheet back to the same mapping', () => {
    const parsed = parseColumnsSheet(throughSheet(columnsSheetRows('Accounts', BOOK, map)));
    expect(parsed.kind).toBe('ours');
    if (parsed.kind !== 'ours') return;
    expect(applyColumnMap(BOOK, parsed.map)).toEqual(applyColumnMap(BOOK, map));
    expect(parsed.map.recorded).toEqual(BOOK);
  });

  it('shows the unrecognised headers with their choices, and the recognised ones', () => {
    const shown = headerMapping(BOOK, map);
    expect(shown.unrecognised.map((h) => [h.header, h.columns, h.target, h.chosen])).toEqual([
      ['Most recent login', 'B', 'lastLogin', true],
      ['Exec buyer', 'C', 'executiveSponsor', true],
      ['Usage ratio', 'D', 'dauMau', true],
      ['Seats bought', 'E', 'seatsLicensed', true],
      ['Seats in use', 'F', 'seatsActive', true],
      ['Team lead', 'G', 'csm', true],
      ['Notes', 'H', '', true],
    ]);
    expect(shown.recognised).toEqual([
      { header: 'Account', column: 'A', label: 'Account' },
      { header: 'Renews on', column: 'I', label: 'Renewal date' },
    ]);
  });

  it('keeps reading a column that moved, and says the headers changed', () => {
    const moved = ['Team lead', 'Account', 'Most recent login', 'Extra', ...BOOK.slice(2, 6)];
    expect(applyColumnMap(moved, map).slice(0, 4)).toEqual([
      'CSM',
      'Account',
      'Last login',
      'Extra',
    ]);
    expect(headerChange('Accounts', BOOK, map)).toBeNull();
    expect(headerChange('Accounts', [...BOOK, '', ''], map)).toBeNull();
    expect(headerChange('Accounts', moved, map)).toBe(
      'The columns of "Accounts" changed since they were mapped (new "Extra"; gone "Notes" and "Renews on"). Open CS Engine > Check my book’s columns and save the mapping again: formulas that take their headers from the Columns sheet read its row 1 by position.',
    );
    expect(headerChange('Accounts', [...BOOK].reverse(), map)).toMatch(/\(columns moved\)/);
    expect(headerChange('Accounts', BOOK, NO_COLUMN_MAP)).toBeNull();
  });
});

describe('choices that cannot be saved, in the user’s words', () => {
  it.each([
    [
      [{ header: 'Account', target: 'csm' }],
      '"Account" is not a header of "Accounts" that CS Engine can map (it may have been renamed since). Open Check my book’s columns again.',
    ],
    [
      [{ header: 'Notes', target: 'renewalDate' }],
      'Renewal date is already read from the "Renews on" column: choose another column for "Notes", or Ignore.',
    ],
    [
      [
        { header: 'Seats bought', target: 'seatsLicensed' },
        { header: 'Seats in use', target: 'seatsLicensed' },
      ],
      '"Seats bought" and "Seats in use" are both mapped to Seats licensed: CS Engine reads one column for it. Choose Ignore for one of them.',
    ],
    [
      [{ header: 'Notes', target: 'constructor' }],
      '"constructor" is not a column CS Engine reads.',
    ],
  ])('%j', (choices, message) => {
    expect(resolveChoices('Accounts', BOOK, choices)).toEqual({ error: message });
  });
});

describe('the Columns sheet read back', () => {
  it('is missing when blank, and the user’s own when it holds something else', () => {
    expect(parseColumnsSheet(undefined)).toEqual({ kind: 'missing' });
    expect(parseColumnsSheet([['', '']])).toEqual({ kind: 'missing' });
    expect(parseColumnsSheet([['Column', 'Meaning']])).toEqual({ kind: 'foreign' });
  });

  it('takes a row 1 the user edited by hand: any name CS Engine recognises', () => {
    const rows = columnsSheetRows('Accounts', BOOK, resolved(BOOK, CHOICES));
    (rows[0] as string[])[7] = 'Last seen';
    (rows[0] as string[])[1] = '';
    const parsed = parseColumnsSheet(rows);
    if (parsed.kind !== 'ours') throw new Error(parsed.kind);
    const shown = headerMapping(BOOK, parsed.map).unrecognised;
    expect(shown.find((h) => h.header === 'Notes')?.target).toBe('lastLogin');
    expect(shown.find((h) => h.header === 'Most recent login')?.target).toBe('');
  });
});

// Headers are user text: anything, including formulas, HTML and names of Object's members.
const headerCell = fc.oneof(
  fc.constantFrom(
    '=HYPERLINK("http://evil.test","x")',
    '+1',
    '2026-11-23',
    '__proto__',
    'constructor',
    '<b>x</b>',
    "'quoted",
    '?',
    '',
    'Seats',
    'Logins last 30d',
  ),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -5, max: 5 }),
);

describe('any header row', () => {
  it('maps, saves and reads back the same, keeps its width and never writes a formula', () => {
    fc.assert(
      fc.property(
        fc.array(headerCell, { minLength: 1, maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (header, picks) => {
          const unknown = headerMapping(header, NO_COLUMN_MAP).unrecognised;
          const used = new Set<string>();
          const choices = unknown.flatMap((h, i) => {
            const pick = picks[i];
            if (pick === undefined) return [];
            const all = mappingTargets();
            const target = all[pick % all.length]?.value ?? '';
            const taken = readLayout(header);
            if (used.has(target) || taken.signals.has(target as never)) return [];
            if (target.startsWith('score:') && taken.subScores.has(target.slice(6) as never))
              return [];
            used.add(target);
            return [{ header: h.header, target }];
          });
          const map = resolved(header, choices);
          const effective = applyColumnMap(header, map);
          expect(effective).toHaveLength(header.length);
          const rows = columnsSheetRows('Accounts', header, map);
          const parsed = parseColumnsSheet(throughSheet(rows));
          if (parsed.kind !== 'ours') throw new Error(parsed.kind);
          const again = applyColumnMap(header, parsed.map);
          expect(readLayout(again).signals).toEqual(readLayout(effective).signals);
          expect(headerChange('Accounts', header, parsed.map)).toBeNull();
        },
      ),
      { numRuns: 150, seed: 1212 },
    );
  });
});
