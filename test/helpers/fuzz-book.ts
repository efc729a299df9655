/**
 * A seeded book of cells typed as text, each drawn from the values that matter for its
 * signal: every boundary of every scale and a hair either side, each spelling the readers
 * accept (percent, money, suffixes, accounting negatives, odd spacing, every category word),
 * and the mistakes people make (out of range, stray text, Sheets errors). For the SQL parity
 * tests: where the demo book is realistic, this one is adversarial.
 */
import {
  TICKET_TREND,
  TREND,
  CHAMPION_STATUS,
  PAYMENT_STATUS,
  ARR_TREND,
} from '../../src/core/categories';
import { FALSE_WORDS, TRUE_WORDS } from '../../src/core/cells';
import { type DayNumber, isoDay } from '../../src/core/dates';
import { seededRandom } from '../../src/core/random';
import { SCALES, type Scale } from '../../src/core/rubrics';

/** Every boundary of a scale, a hair below and above it, and a point inside each band. */
function edgesOf(scale: Scale): number[] {
  const values = new Set<number>();
  for (const band of scale) {
    for (const x of [band.from, band.to]) {
      values.add(x);
      values.add(x - 0.001);
      values.add(x + 0.001);
    }
    values.add((band.from + band.to) / 2);
  }
  return [...values];
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));
const BROKEN = ['#N/A', '#REF!', '#VALUE!', '#div/0!', 'abc', 'n/a?', '??', '-', '.', '()', '1,00'];
const SPACES = (text: string) => [` ${text}`, `${text} `, `\u00a0${text}`, `${text}\t`];

/** A ratio scale's values as people type them: 0.45, "45%", 45, "0.45 ". */
function ratioCells(scale: Scale): string[] {
  const cells: string[] = [];
  for (const x of edgesOf(scale)) {
    cells.push(String(round(x, 4)), `${round(x * 100, 2)}%`, String(round(x * 100, 1)));
  }
  return [...cells, '0', '1', '100%', ...SPACES('45%')];
}

function countCells(scale: Scale): string[] {
  const cells = edgesOf(scale).map((x) => String(round(x, 3)));
  return [
    ...cells,
    '0',
    '1',
    '2',
    '3',
    '12',
    '2.5',
    '(0)',
    '1,200',
    '1.2k',
    '3M',
    '$40',
    '40 usd',
    '+4',
    '--2',
    '50%',
    '12,34',
    ...SPACES('7'),
  ];
}

function words(category: { readonly words: ReadonlyMap<string, string> }): string[] {
  const known = [...category.words.keys()];
  return [
    ...known,
    ...known.slice(0, 4).map((w) => w.toUpperCase()),
    ...known.slice(0, 3).map((w) => ` ${w.charAt(0).toUpperCase()}${w.slice(1)} `),
    'Stablé',
  ];
}

const FLAGS = [...TRUE_WORDS, ...FALSE_WORDS, 'YES', ' No ', 'True'];
const PEOPLE = [
  'Dana Kim',
  'Priya Shah',
  'yes',
  'no',
  'none',
  'N/A',
  'TBD',
  'vacant',
  '#N/A',
  '0',
  'x',
  '-',
];

function dateCells(today: DayNumber): string[] {
  const days = [0, 1, -1, -7, -8, -14, -20, -30, -45, -60, -61, -90, -91, -200];
  return [
    ...days.map((offset) => isoDay(today + offset)),
    `${isoDay(today - 10)}T09:30:00Z`,
    `${isoDay(today - 10)}T23:30:00-05:00`,
    `${isoDay(today - 3)} 08:15`,
    `${isoDay(today - 3)}T08:15:30.250`,
    `${isoDay(today - 5)} 23:30:00+00`,
    `${isoDay(today - 5)} 01:15:00.123456+0530`,
    `${isoDay(today - 5)} 23:30-0800`,
    `${isoDay(today - 5)}T09:30:00+02`,
    '0026-01-05',
  ];
}

const SUB_SCORES = ['85', '85%', '0', '100', '42.5', ' 70 '];

/** The pools by header: the columns every model reads, and two dimension-score columns. */
function pools(today: DayNumber): Record<string, readonly string[]> {
  return {
    Account: ['Acme', 'Globex', '=1+1', '<b>x</b>'],
    'DAU/MAU': ratioCells(SCALES.dauMauEngine).concat(ratioCells(SCALES.dauMauOffice)),
    'Seats licensed': ['0', '1', '4', '10', '20', '100', '2.5', '1k'],
    'Seats active': ['0', '1', '2', '3', '5', '7', '8', '10', '15', '50', '99', '100'],
    'Features used': ['0', '4', '8', '12', '16', '20', '30'],
    'Features available': ['0', '10', '20', '40'],
    'Feature adoption': ratioCells(SCALES.featuresOffice),
    'Usage change %': [
      '-50%',
      '-51%',
      '-5%',
      '-4.9%',
      '5%',
      '5.1%',
      '+50%',
      '60%',
      '-0.05',
      '0.05',
      '0.5',
      '-35',
      '12',
      '0',
      '(10%)',
    ],
    'Usage trend': words(TREND),
    'Login trend': words(TREND),
    'Last login': dateCells(today),
    'Last CSM contact': dateCells(today),
    'Meetings (90 days)': countCells(SCALES.meetings),
    'Missed meetings': countCells(SCALES.missedMeetings),
    'Training completion': ratioCells(SCALES.training),
    'Community active': FLAGS,
    'Tickets (30 days)': countCells(SCALES.tickets),
    'Ticket trend': words(TICKET_TREND),
    CSAT: [
      ...edgesOf(SCALES.csatRating).map((x) => String(round(x, 3))),
      '0',
      '0.5',
      '0.92',
      '5.5',
      '92',
      '92%',
      '100',
    ],
    'Open critical tickets': countCells(SCALES.criticalTickets),
    Escalations: countCells(SCALES.escalations),
    Champion: PEOPLE.concat(FLAGS),
    'Champion status': words(CHAMPION_STATUS),
    'Executive sponsor': PEOPLE.concat(FLAGS),
    Contacts: ['0', '1', '2', '3', '4', '6', '8', '12'],
    NPS: [...edgesOf(SCALES.npsOffice).map((x) => String(round(x, 3))), '45%', '6.5', '8.5'],
    'Goals defined': ['0', '1', '2', '3', '4', '5'],
    'Goals achieved': ['0', '1', '2', '3', '4', '5', '6', '1.5'],
    'ROI documented': FLAGS,
    'Payment status': words(PAYMENT_STATUS),
    'ARR trend': words(ARR_TREND),
    'Competitor mentioned': FLAGS,
    'Formal complaint': FLAGS,
    'Engagement score': SUB_SCORES,
    'Financial score': SUB_SCORES,
  };
}

/**
 * Cells no column accepts (in a numeric one, at least): stray text, Sheets errors, numbers
 * out of range, impossible dates, unknown words.
 */
const MISTAKES = [
  ...BROKEN,
  '-1',
  '-3',
  '101',
  '101%',
  '-101',
  '150%',
  '1.5',
  '2',
  'maybe',
  'sideways',
  '2026-02-30',
  '2025-13-01',
  'yesterday',
  '15/01/2026',
  'x'.repeat(45),
];

export interface FuzzBook {
  readonly headers: string[];
  readonly rows: string[][];
}

/**
 * `rows` rows; each cell blank with probability `blankRate` (default 0.3, 0.9 for the
 * dimension-score columns), a mistake with probability `mistakeRate` (default 0.015), else
 * drawn from its column's pool. Every 50th row is wholly blank.
 */
export function fuzzBook(
  rows: number,
  seed: number,
  today: DayNumber,
  blankRate = 0.3,
  mistakeRate = 0.015,
): FuzzBook {
  const random = seededRandom(seed);
  const byHeader = pools(today);
  const headers = Object.keys(byHeader);
  const pick = (pool: readonly string[]) => pool[Math.floor(random() * pool.length)] as string;
  const book: string[][] = [];
  for (let r = 0; r < rows; r++) {
    if (r % 50 === 49) {
      book.push(headers.map(() => ''));
      continue;
    }
    book.push(
      headers.map((header) => {
        const roll = random();
        if (roll < (header.endsWith('score') ? 0.9 : blankRate)) return '';
        if (random() < mistakeRate) return pick(MISTAKES);
        return pick(byHeader[header] as readonly string[]);
      }),
    );
  }
  return { headers, rows: book };
}
