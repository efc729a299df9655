/**
 * Every threshold the playbooks state, and both sides of it, through the BUILT bundle's
 * HEALTHSCORE, preset by preset.
 *
 * Each row gives one dimension only, so the composite is that dimension's sub-score, rounded
 * half up. Every expected value is derived by hand from the playbook line quoted above its
 * group (docs/scoring.md lists the same readings): "<x" and ">x" leave x out, "x-y" holds both
 * ends, a value two ranges both claim goes to the one the playbook lists first (the better
 * one), and a range of scores is interpolated linearly over the quantity the playbook names.
 * No product module is imported.
 */
import { loadBundle, type LocalRuntime } from '../../dev/runtime/load-bundle';

let runtime: LocalRuntime;

beforeAll(() => {
  runtime = loadBundle();
});

/** Half up, with the tolerance for binary noise (28.499999999999996 is 28.5). */
const roundHalfUp = (value: number) => Math.floor(value + 0.5 + 1e-9);

type Cell = string | number | boolean;
/** A row of cells, then the exact sub-score the playbook gives it. */
type Case = readonly [...cells: Cell[], expected: number];

function check(model: string, headers: readonly string[], cases: readonly Case[]): void {
  test.each(cases.map((c) => [c.slice(0, -1).join(' | '), c]))(
    `${model}: ${headers.join(' | ')} = %s`,
    (_label, c) => {
      const row = (c as Case).slice(0, -1);
      const expected = (c as Case)[(c as Case).length - 1] as number;
      const result = runtime.call('HEALTHSCORE', [headers], [row], model) as unknown[][];
      expect(result).toEqual([[roundHalfUp(expected)]]);
    },
  );
}

// ------------------------------------------------------------ the Customer Success Engine
// Scores 0-10 read as 0-100: "0-3" is 0-30, "4-6" is 40-60, "7-10" is 70-100.

describe('cs-engine: "<20% DAU/MAU = 0-3, 20-40% = 4-6, >40% = 7-10" (10 at 70%)', () => {
  const cases: Case[] = [
    [0, 0],
    [0.19, (30 * 0.19) / 0.2], // 28.5, below 20%: 0 at 0%, 30 at the (open) 20%
    [0.2, 40], // 20% opens "20-40%"
    [0.21, 40 + (20 * 1) / 20], // 41
    [0.39, 40 + (20 * 19) / 20], // 59
    [0.4, 60], // 40% closes "20-40%": not ">40%"
    [0.41, 70 + (30 * 1) / 30], // 71
    [0.55, 70 + (30 * 15) / 30], // 85
    [0.7, 100],
    [0.95, 100],
  ];
  for (const model of ['cs-engine', 'playbook', 'seven-signal', 'five-pillar']) {
    check(model, ['DAU/MAU'], cases);
  }
});

describe('cs-engine: "Declining = 0-3, Flat = 4-6, Growing = 7-10" (a word alone: the middle)', () => {
  check(
    'cs-engine',
    ['Login trend'],
    [
      ['down', 15],
      ['flat', 50],
      ['up', 85],
    ],
  );
  check(
    'cs-engine',
    ['Usage trend'],
    [
      ['declining', 15],
      ['flat', 50],
      ['growing', 85],
    ],
  );
  // CS Engine's thresholds for a measured change: flat is -5% to +5%, -50% is 0, +50% is 100.
  check(
    'cs-engine',
    ['Usage change %'],
    [
      ['-50%', 0],
      ['-6%', (30 * 44) / 45], // 29.3
      ['-5%', 40],
      ['0%', 50],
      ['5%', 60],
      ['6%', 70 + (30 * 1) / 45], // 70.7
      ['50%', 100],
    ],
  );
});

describe('cs-engine: "No champion = 0-3, Champion only = 4-6, Multi-thread = 7-10"', () => {
  check(
    'cs-engine',
    ['Champion', 'Executive sponsor', 'Contacts'],
    [
      [false, false, 0, 0],
      [false, false, 3, 30], // no champion, over contacts 0-3
      [false, true, '', 10], // a sponsor without a champion is one contact of "no champion"
      [true, false, '', 50], // champion only, contacts unknown: the middle
      [true, false, 1, 40], // champion only, over contacts 1-2
      [true, false, 2, 60],
      [true, false, 3, 70], // 3 contacts: multi-threaded
      [true, true, '', 85], // champion and sponsor, contacts unknown: the middle of 70-100
      [true, true, 2, 70],
      [true, true, 6, 100],
    ],
  );
});

describe('cs-engine: "0 goals met = 0-3, Some = 4-6, All = 7-10"; documented ROI is the top', () => {
  check(
    'cs-engine',
    ['Goals defined', 'Goals achieved', 'ROI documented'],
    [
      [4, 0, false, 0],
      [4, 0, '', 15],
      [4, 0, true, 30],
      [4, 1, '', 40 + 20 * (1 / 4)], // "some" over the share met: 45
      [4, 2, '', 40 + 20 * (2 / 4)], // 50
      [4, 3, '', 40 + 20 * (3 / 4)], // 55
      [4, 3, false, 55], // the share places it; ROI only lifts
      [4, 2, true, 60],
      [4, 4, false, 70],
      [4, 4, '', 85],
      [4, 4, true, 100],
    ],
  );
});

describe('cs-engine: "Late payments = 0-3, On-time = 4-6, Expanding = 7-10"', () => {
  check(
    'cs-engine',
    ['Payment status', 'ARR trend'],
    [
      ['delinquent', 'expanding', 0],
      ['late', 'contracting', 0],
      ['late', '', 15],
      ['late', 'expanding', 30],
      ['current', 'contracting', 40],
      ['current', '', 50],
      ['current', 'expanding', 85],
    ],
  );
});

// ------------------------------------------------------------ the office skill (four-factor)
// Tiers on the score bands critical 0-39, at risk 40-59, good 60-79, excellent 80-100.

describe('four-factor: DAU/MAU "critical: <0.1", "at_risk: 0.1-0.3", "good: 0.3-0.5", "excellent: >0.5"', () => {
  check(
    'four-factor',
    ['DAU/MAU'],
    [
      [0, 0],
      [0.09, (39 * 0.09) / 0.1], // 35.1
      [0.1, 40],
      [0.11, 40 + (19 * 0.01) / 0.2], // 40.95
      [0.29, 40 + (19 * 0.19) / 0.2], // 58.05
      [0.3, 60], // claimed by "0.3-0.5" and "0.1-0.3": the better band, listed first
      [0.31, 60 + (19 * 0.01) / 0.2], // 60.95
      [0.49, 60 + (19 * 0.19) / 0.2], // 78.05
      [0.5, 79], // the top of "good": not ">0.5"
      [0.51, 80 + (20 * 0.01) / 0.3], // 80.67 (excellent runs to 100 at 0.8)
      [0.8, 100],
      [1, 100],
    ],
  );
});

describe('every preset: features "critical: <40%", "at_risk: 40-60%", "good: 60-80%", "excellent: >80%"', () => {
  const cases: Case[] = [
    [0, 0],
    [0.39, (39 * 0.39) / 0.4], // 38.0
    [0.4, 40],
    [0.41, 40 + (19 * 0.01) / 0.2], // 40.95
    [0.59, 40 + (19 * 0.19) / 0.2], // 58.05
    [0.6, 60], // claimed by "60-80%" and "40-60%": the better band
    [0.61, 60 + (19 * 0.01) / 0.2], // 60.95
    [0.79, 60 + (19 * 0.19) / 0.2], // 78.05
    [0.8, 79], // the top of "good": not ">80%"
    [0.81, 80 + (20 * 0.01) / 0.2], // 81
    [1, 100],
  ];
  for (const model of ['cs-engine', 'playbook', 'five-pillar', 'four-factor']) {
    check(model, ['Feature adoption'], cases);
  }
  check('seven-signal', ['Feature adoption'], cases);
  // used / available is the same quantity
  check(
    'four-factor',
    ['Features used', 'Features available'],
    [
      [8, 10, 79],
      [9, 10, 90],
    ],
  );
});

describe('four-factor: NPS "promoter: 9-10", "passive: 7-8", "detractor: 0-6"', () => {
  const cases: Case[] = [
    [0, 0],
    [4, (59 * 4) / 6], // 39.3
    [6, 59], // the top of detractor
    [7, 60],
    [8, 79], // the top of passive
    [9, 80],
    [10, 100],
    [-20, (-20 + 100) / 2], // an account NPS from -100 to 100, scaled: 40
    [50, (50 + 100) / 2], // 75
  ];
  check('four-factor', ['NPS'], cases);
  check('playbook', ['NPS'], cases); // the bilingual playbook's relationship names NPS
  check('seven-signal', ['NPS'], cases); // "Satisfaction: NPS or CSAT"
});

describe('four-factor: executive sponsor, CSM engagement (a tier alone: its middle)', () => {
  check(
    'four-factor',
    ['Executive sponsor'],
    [
      [true, 90],
      [false, 20],
    ],
  );
  // "regular_meetings" (3 or more in 90 days) and "responsive_to_outreach" (none missed)
  check(
    'four-factor',
    ['Meetings (90 days)', 'Missed meetings'],
    [
      [3, 0, 90],
      [3, '', 70],
      [2, 0, 50],
      [2, 1, 20],
    ],
  );
});

describe('four-factor: "on_time: excellent", "late_1x: good", "late_2x+: at_risk"; growth', () => {
  const payment: Case[] = [
    ['on time', 90],
    ['late 1x', 70],
    ['late 2x+', 50],
    ['delinquent', 50],
  ];
  check('four-factor', ['Payment status'], payment);
  check('seven-signal', ['Payment status'], payment);
  check(
    'four-factor',
    ['ARR trend'],
    [
      ['expanding', 90],
      ['stable', 70],
      ['contracting', 50],
    ],
  );
});

// ------------------------------------------------------------ the bilingual playbook

describe('playbook: "<20% of seats active = 0; 20-49% = 40, 50-74% = 70, 75-100% = 100"', () => {
  const cases: Case[] = [
    [100, 0, 0],
    [100, 19, 0],
    [100, 20, 40],
    [100, 49, 40],
    [1000, 495, 40], // 49.5% has not reached 50%
    [100, 50, 70],
    [100, 74, 70],
    [100, 75, 100],
    [100, 100, 100],
    [100, 120, 100],
  ];
  check('playbook', ['Seats licensed', 'Seats active'], cases);
  check('cs-engine', ['Seats licensed', 'Seats active'], cases);
});

// ------------------------------------------------------------ the five-pillar skill

describe('five-pillar: "90-100 strong multi-threaded", "70-89 good sponsor", "50-69 single-threaded", "0-49 no executive access"', () => {
  check(
    'five-pillar',
    ['Champion', 'Executive sponsor', 'Contacts'],
    [
      [false, false, '', 0], // nobody: the bottom of "no executive access"
      [false, false, 3, (49 * 3) / 6], // 24.5, over contacts 0-6
      [false, false, 6, 49],
      [true, false, '', 50], // champion only: single-threaded, from one contact
      [true, false, 6, 69],
      [false, true, '', 70], // an executive sponsor: a good sponsor relationship
      [false, true, 6, 89],
      [true, true, '', 90], // sponsor and champion: multi-threaded, from two contacts
      [true, true, 4, 90 + (10 * 2) / 4], // 95
      [true, true, 6, 100],
    ],
  );
  // "Competitive mentions": a competitor counts as a 0 beside the relationship
  check(
    'five-pillar',
    ['Champion', 'Executive sponsor', 'Competitor mentioned'],
    [
      [true, true, true, (90 + 0) / 2],
      [true, true, false, 90],
    ],
  );
});
