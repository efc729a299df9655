/**
 * Black-box check of the public contract of the first custom functions (as the project's
 * design states it, before any code), driven through the BUILT bundle (dist/Code.js) with the
 * local Apps Script runtime, the way Sheets calls them: a scalar for one cell, a 2-D array for
 * a range, Dates as Date objects, blanks as "".
 *
 * Every expected value is computed by hand from that contract; the arithmetic is in the comments.
 * No product module is imported. A test whose expectation the product does not meet is to be marked
 * "CONTRACT DISCREPANCY" in a comment above it and keep asserting the contract, not the product
 * (none when this file was written).
 *
 * Deliberately NOT asserted, because the contract leaves them open:
 * - how HEALTHDRIVERS rounds points at .5 (the contract's own example "Relationship 30/100
 *   (-10 pts)" next to "Product usage 20/100 (-24 pts)" means all weight present, so
 *   0.15 * 70 = 10.5), how many dimensions it lists, and what it gives for a blank row;
 * - the sign convention of contraction and churn in the 4-argument NRR/GRR (a negative amount);
 * - SEGMENT of a blank cell, HEALTHTIER of a score outside 0-100, the bands of a custom model;
 * - whether a book with no recognisable column at all throws or gives every row an error text.
 *
 * Every value any call returns is checked: no NaN, no Infinity, no undefined, no null, in any
 * output cell.
 */
import { loadBundle, type LocalRuntime } from '../../dev/runtime/load-bundle';

type Grid = unknown[][];

let runtime: LocalRuntime;

beforeAll(() => {
  runtime = loadBundle();
});

/** Fails if any output cell is NaN, +-Infinity, undefined or null (at any depth). */
function assertClean(value: unknown, where: string): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertClean(item, `${where}[${i}]`));
    return;
  }
  if (value === undefined || value === null) {
    throw new Error(`${where}: output cell is ${String(value)}`);
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new Error(`${where}: output cell is ${String(value)}`);
  }
}

/** Calls a global of the bundle and checks the result is clean. */
function call(name: string, ...args: unknown[]): unknown {
  const result = runtime.call(name, ...args);
  assertClean(result, name);
  return result;
}

function callGrid(name: string, ...args: unknown[]): Grid {
  const result = call(name, ...args);
  if (!Array.isArray(result) || !result.every((row) => Array.isArray(row))) {
    throw new Error(`${name} returned ${JSON.stringify(result)}, expected a 2-D range`);
  }
  return result as Grid;
}

/** The message of the error the call throws; fails if it does not throw. */
function thrown(name: string, ...args: unknown[]): string {
  let result: unknown;
  try {
    result = runtime.call(name, ...args);
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message.trim()).not.toBe('');
    return message;
  }
  assertClean(result, name);
  throw new Error(`${name} was expected to throw; it returned ${JSON.stringify(result)}`);
}

/**
 * "A clear error" where the contract does not say whether the call throws or returns an error
 * text (a single-value result): either is accepted, but never a number. Returns the message.
 */
function clearError(name: string, ...args: unknown[]): string {
  let result: unknown;
  try {
    result = runtime.call(name, ...args);
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return (error as Error).message;
  }
  assertClean(result, name);
  const cell = Array.isArray(result) ? (result as Grid)[0]?.[0] : result;
  if (typeof cell !== 'string' || cell.trim() === '') {
    throw new Error(`${name} should give a clear error; it returned ${JSON.stringify(result)}`);
  }
  return cell;
}

/** The single column of an M x 1 result, checking the shape. */
function column(grid: Grid, rows: number): unknown[] {
  expect(grid).toHaveLength(rows);
  for (const row of grid) expect(row).toHaveLength(1);
  return grid.map((row) => row[0]);
}

/** An error text: a non-empty string that names each of `parts` (case-insensitive). */
function expectErrorText(cell: unknown, ...parts: string[]): void {
  expect(typeof cell).toBe('string');
  const text = String(cell);
  expect(text.trim()).not.toBe('');
  for (const part of parts) expect(text.toLowerCase()).toContain(part.toLowerCase());
}

const score = (headers: unknown[], rows: Grid, model?: unknown): unknown[] =>
  column(
    model === undefined
      ? callGrid('HEALTHSCORE', [headers], rows)
      : callGrid('HEALTHSCORE', [headers], rows, model),
    rows.length,
  );

const drivers = (headers: unknown[], rows: Grid, model?: unknown): unknown[] =>
  column(
    model === undefined
      ? callGrid('HEALTHDRIVERS', [headers], rows)
      : callGrid('HEALTHDRIVERS', [headers], rows, model),
    rows.length,
  );

// The cs-engine (default) dimensions, weights 30 / 20 / 15 / 20 / 15.
const CS = ['Product usage', 'Engagement', 'Relationship', 'Outcomes', 'Financial'];

// All twelve dimension names, so every preset finds a sub-score for each of its dimensions.
const ALL = [
  'Product usage', // 90
  'Engagement', // 70
  'Relationship', // 50
  'Outcomes', // 60
  'Financial', // 40
  'Support', // 80
  'Sentiment', // 30
  'Feature breadth', // 20
  'Executive engagement', // 100
  'Satisfaction', // 10
  'Growth', // 0
  'Payment', // 55
];
const ALL_ROW = [90, 70, 50, 60, 40, 80, 30, 20, 100, 10, 0, 55];

describe('HEALTHSCORE from dimension sub-score columns', () => {
  test('default weights 30/20/15/20/15', () => {
    // 0.30*80 + 0.20*60 + 0.15*70 + 0.20*50 + 0.15*90 = 24 + 12 + 10.5 + 10 + 13.5 = 70
    // 0.30*0 + 0.20*100 + 0.15*100 + 0.20*100 + 0.15*100 = 0 + 20 + 15 + 20 + 15 = 70
    // all 100 -> 100; all 0 -> 0
    expect(
      score(CS, [
        [80, 60, 70, 50, 90],
        [0, 100, 100, 100, 100],
        [100, 100, 100, 100, 100],
        [0, 0, 0, 0, 0],
      ]),
    ).toEqual([70, 70, 100, 0]);
  });

  test('the default model is cs-engine', () => {
    const rows = [
      [80, 60, 70, 50, 90],
      [10, 20, 30, 40, 50],
    ];
    // row 2: 0.30*10 + 0.20*20 + 0.15*30 + 0.20*40 + 0.15*50 = 3 + 4 + 4.5 + 8 + 7.5 = 27
    expect(score(CS, rows)).toEqual([70, 27]);
    expect(score(CS, rows, 'cs-engine')).toEqual([70, 27]);
  });

  test('a missing dimension shares its weight in proportion: sum(w*s) / sum(w present)', () => {
    // PU 80 (w30), Outcomes 40 (w20), the rest blank:
    //   (30*80 + 20*40) / (30 + 20) = (2400 + 800) / 50 = 64   (a plain mean would give 60)
    // Engagement 90 (w20), Financial 30 (w15):
    //   (20*90 + 15*30) / 35 = (1800 + 450) / 35 = 64.29 -> 64
    // Relationship 55 alone -> 55
    expect(
      score(CS, [
        [80, '', '', 40, ''],
        ['', 90, '', '', 30],
        ['', '', 55, '', ''],
      ]),
    ).toEqual([64, 64, 55]);
  });

  test('rounding is half up, exactly at .5', () => {
    // Relationship 70 and Financial 71 only (w15 each): (15*70 + 15*71) / 30 = 2115/30 = 70.5
    //   -> 71 (half-to-even would give 70)
    // all five: (30*45 + 20*50 + 15*50 + 20*50 + 15*50) / 100 = (1350+1000+750+1000+750)/100
    //   = 4850/100 = 48.5 -> 49 (half-to-even would give 48)
    // Relationship 71, Financial 72: 143/2 = 71.5 -> 72
    // Relationship 70, Financial 70.8: 140.8/2 = 70.4 -> 70 (below half rounds down)
    expect(
      score(CS, [
        ['', '', 70, '', 71],
        [45, 50, 50, 50, 50],
        ['', '', 71, '', 72],
        ['', '', 70, '', 70.8],
      ]),
    ).toEqual([71, 49, 72, 70]);
  });

  test('each preset uses its own dimensions and weights (the contract table)', () => {
    const rows = [ALL_ROW];
    // cs-engine: PU30*90 + Eng20*70 + Rel15*50 + Out20*60 + Fin15*40
    //   = 2700 + 1400 + 750 + 1200 + 600 = 6650 / 100 = 66.5 -> 67
    expect(score(ALL, rows, 'cs-engine')).toEqual([67]);
    // playbook: PU35*90 + Eng25*70 + Out20*60 + Sup10*80 + Rel10*50
    //   = 3150 + 1750 + 1200 + 800 + 500 = 7400 / 100 = 74
    expect(score(ALL, rows, 'playbook')).toEqual([74]);
    // seven-signal: PU25*90 + FB15*20 + Sup15*80 + Exec15*100 + Sat10*10 + Growth10*0 + Pay10*55
    //   = 2250 + 300 + 1200 + 1500 + 100 + 0 + 550 = 5900 / 100 = 59
    expect(score(ALL, rows, 'seven-signal')).toEqual([59]);
    // five-pillar: PU30*90 + Eng25*70 + Sup20*80 + Out15*60 + Rel10*50
    //   = 2700 + 1750 + 1600 + 900 + 500 = 7450 / 100 = 74.5 -> 75
    expect(score(ALL, rows, 'five-pillar')).toEqual([75]);
    // four-factor: PU40*90 + Rel25*50 + Fin20*40 + Sent15*30
    //   = 3600 + 1250 + 800 + 450 = 6100 / 100 = 61
    expect(score(ALL, rows, 'four-factor')).toEqual([61]);
  });

  test('a preset redistributes the weight of its missing dimensions', () => {
    // four-factor with Product usage 90 (w40) and Sentiment 30 (w15) only:
    //   (40*90 + 15*30) / 55 = (3600 + 450) / 55 = 73.64 -> 74
    expect(score(['Product usage', 'Sentiment'], [[90, 30]], 'four-factor')).toEqual([74]);
  });

  test('model as a 2-column range: relative weights on the same dimensions', () => {
    const rows = [ALL_ROW];
    // PU 3, Engagement 1: (3*90 + 1*70) / 4 = 340/4 = 85
    expect(
      score(ALL, rows, [
        ['Product usage', 3],
        ['Engagement', 1],
      ]),
    ).toEqual([85]);
    // PU 0.6, Support 0.4: (0.6*90 + 0.4*80) / 1 = 54 + 32 = 86
    expect(
      score(ALL, rows, [
        ['Product usage', 0.6],
        ['Support', 0.4],
      ]),
    ).toEqual([86]);
    // weights need not sum to 100: the cs-engine weights doubled give the cs-engine score, 67
    expect(
      score(ALL, rows, [
        ['Product usage', 60],
        ['Engagement', 40],
        ['Relationship', 30],
        ['Outcomes', 40],
        ['Financial', 30],
      ]),
    ).toEqual([67]);
  });

  test('a custom model also redistributes missing dimensions', () => {
    // PU 3, Engagement 1, Engagement blank: 3*90 / 3 = 90
    expect(
      score(
        ['Product usage', 'Engagement'],
        [[90, '']],
        [
          ['Product usage', 3],
          ['Engagement', 1],
        ],
      ),
    ).toEqual([90]);
  });

  test('an unknown dimension in the model range is a clear error naming it', () => {
    const message = thrown(
      'HEALTHSCORE',
      [CS],
      [[80, 60, 70, 50, 90]],
      [
        ['Product usage', 1],
        ['Happiness', 1],
      ],
    );
    expect(message).toContain('Happiness');
  });

  test('a negative weight in the model range is a clear error', () => {
    const message = thrown(
      'HEALTHSCORE',
      [CS],
      [[80, 60, 70, 50, 90]],
      [
        ['Product usage', -1],
        ['Engagement', 2],
      ],
    );
    expect(message).toMatch(/-1|negative/i);
  });

  test('an unknown preset name does not silently score with another model', () => {
    // The contract: `model` is a preset name or a range; a name that is no preset cannot be scored.
    const message = clearError('HEALTHSCORE', [CS], [[80, 60, 70, 50, 90]], 'no-such-model');
    expect(message).toContain('no-such-model');
  });

  test('header matching ignores case, spacing, punctuation and a trailing "score"', () => {
    const headers = [
      'PRODUCT_USAGE score',
      '  engagement ',
      'Relationship-Score',
      'OUTCOMES:',
      'financial score',
    ];
    // same as [80, 60, 70, 50, 90] under the canonical headers: 70
    expect(score(headers, [[80, 60, 70, 50, 90]])).toEqual([70]);
    // "product usage", "ProductUsage", "Product Usage Score": PU 40 and Engagement 90 only
    //   (30*40 + 20*90) / 50 = (1200 + 1800) / 50 = 60
    expect(score(['product usage', 'Engagement Score'], [[40, 90]])).toEqual([60]);
    expect(score(['ProductUsage', 'engagement'], [[40, 90]])).toEqual([60]);
    expect(score(['Product Usage Score', 'ENGAGEMENT'], [[40, 90]])).toEqual([60]);
  });

  test('a sub-score outside 0-100 is an error text for that row only', () => {
    const result = score(CS, [
      [80, 60, 70, 50, 90],
      [80, 101, 70, 50, 90],
      [80, 60, -1, 50, 90],
      [0, 100, 100, 100, 100],
    ]);
    expect(result[0]).toBe(70);
    expectErrorText(result[1], 'Engagement', '101');
    expectErrorText(result[2], 'Relationship', '-1');
    expect(result[3]).toBe(70);
  });

  test('a non-numeric sub-score is an error for that row, not a missing value', () => {
    // If "abc" were treated as missing, row 2 would score (30*80 + 15*70 + 20*50 + 15*90)/80
    // = (2400 + 1050 + 1000 + 1350)/80 = 72.5 -> 73; the contract makes it an error text.
    const result = score(CS, [
      [80, 60, 70, 50, 90],
      [80, 'abc', 70, 50, 90],
      [10, 20, 30, 40, 50],
    ]);
    expect(result[0]).toBe(70);
    expectErrorText(result[1], 'Engagement', 'abc');
    expect(result[2]).toBe(27);
  });

  test('a blank row gives ""; a row with no dimension data is an error text', () => {
    const headers = ['Account', ...CS];
    const result = score(headers, [
      ['', '', '', '', '', ''],
      ['Acme', 80, 60, 70, 50, 90],
      ['Globex', '', '', '', '', ''],
    ]);
    expect(result[0]).toBe('');
    expect(result[1]).toBe(70);
    expectErrorText(result[2]);
  });

  test('extra unrecognised columns are ignored', () => {
    const headers = ['Account', 'Notes', ...CS, 'Region', ''];
    expect(
      score(headers, [
        ['Acme', 'abc', 80, 60, 70, 50, 90, '#N/A', 'whatever'],
        ['Globex', 42, 10, 20, 30, 40, 50, true, ''],
      ]),
    ).toEqual([70, 27]);
  });

  test('a dimension sub-score takes precedence over raw signals for it', () => {
    // Product usage 50 given; DAU/MAU 0.9 must not change it: only PU present -> 50
    expect(score(['Product usage', 'DAU/MAU'], [[50, 0.9]])).toEqual([50]);
  });

  test('rows wider than headers throws, naming the arguments', () => {
    const message = thrown('HEALTHSCORE', [['Product usage', 'Engagement']], [[80, 60, 70]]);
    expect(message).toMatch(/rows/i);
    expect(message).toMatch(/headers/i);
  });

  test('output is M x 1; a single-row range gives a 1x1 range; one cell gives one value', () => {
    expect(callGrid('HEALTHSCORE', [CS], [[80, 60, 70, 50, 90]])).toEqual([[70]]);
    const three = callGrid(
      'HEALTHSCORE',
      [CS],
      [
        [80, 60, 70, 50, 90],
        [10, 20, 30, 40, 50],
        ['', '', '', '', ''],
      ],
    );
    expect(three).toEqual([[70], [27], ['']]);
    // a one-column book given as single cells: scalar in, scalar out
    expect(call('HEALTHSCORE', 'Engagement', 75)).toBe(75);
    expect(call('HEALTHSCORE', 'Engagement', '')).toBe('');
    expectErrorText(call('HEALTHSCORE', 'Engagement', 'abc'), 'Engagement', 'abc');
  });

  test('scores are integers 0-100', () => {
    const result = score(CS, [
      [33, 67, 12, 99, 1],
      [100, 0, 100, 0, 100],
      [1, 2, 3, 4, 5],
    ]);
    // 0.3*33 + 0.2*67 + 0.15*12 + 0.2*99 + 0.15*1 = 9.9 + 13.4 + 1.8 + 19.8 + 0.15 = 45.05 -> 45
    // 30 + 0 + 15 + 0 + 15 = 60
    // 0.3 + 0.4 + 0.45 + 0.8 + 0.75 = 2.7 -> 3
    expect(result).toEqual([45, 60, 3]);
  });
});

describe('HEALTHTIER', () => {
  const cases: [string, [number, string][]][] = [
    [
      'cs-engine',
      [
        [100, 'Thriving'],
        [80, 'Thriving'],
        [79.9, 'Healthy'],
        [79, 'Healthy'],
        [60, 'Healthy'],
        [59.9, 'At-Risk'],
        [59, 'At-Risk'],
        [40, 'At-Risk'],
        [39.9, 'Critical'],
        [39, 'Critical'],
        [0, 'Critical'],
      ],
    ],
    [
      'playbook',
      [
        [100, 'Green'],
        [75, 'Green'],
        [74.9, 'Yellow'],
        [74, 'Yellow'],
        [50, 'Yellow'],
        [49.9, 'Red'],
        [49, 'Red'],
        [0, 'Red'],
      ],
    ],
    [
      'seven-signal',
      [
        [100, 'Healthy'],
        [80, 'Healthy'],
        [79.9, 'Monitor'],
        [79, 'Monitor'],
        [60, 'Monitor'],
        [59, 'At-Risk'],
        [40, 'At-Risk'],
        [39, 'Critical'],
        [0, 'Critical'],
      ],
    ],
    [
      'five-pillar',
      [
        [100, 'Green'],
        [80, 'Green'],
        [79, 'Yellow'],
        [50, 'Yellow'],
        [49.9, 'Red'],
        [49, 'Red'],
        [0, 'Red'],
      ],
    ],
    [
      'four-factor',
      [
        [100, 'Healthy'],
        [80, 'Healthy'],
        [79, 'Stable'],
        [60, 'Stable'],
        [59, 'At-Risk'],
        [40, 'At-Risk'],
        [39, 'Critical'],
        [0, 'Critical'],
      ],
    ],
  ];

  for (const [model, bands] of cases) {
    test(`${model}: labels at the band boundaries (scalar in, scalar out)`, () => {
      for (const [value, label] of bands) {
        expect([value, call('HEALTHTIER', value, model)]).toEqual([value, label]);
      }
    });

    test(`${model}: a range in gives a range out`, () => {
      const grid = callGrid(
        'HEALTHTIER',
        bands.map(([value]) => [value]),
        model,
      );
      expect(grid).toEqual(bands.map(([, label]) => [label]));
    });
  }

  test('the default model is cs-engine', () => {
    expect(call('HEALTHTIER', 80)).toBe('Thriving');
    expect(call('HEALTHTIER', 79)).toBe('Healthy');
    expect(call('HEALTHTIER', 59)).toBe('At-Risk');
    expect(call('HEALTHTIER', 39)).toBe('Critical');
  });

  test('"" stays "" and an error text stays the same error text', () => {
    const message = "Engagement: expected a score 0-100, found 'abc'";
    expect(call('HEALTHTIER', '')).toBe('');
    expect(call('HEALTHTIER', message)).toBe(message);
    expect(callGrid('HEALTHTIER', [[85], [''], [message], [45]])).toEqual([
      ['Thriving'],
      [''],
      [message],
      ['At-Risk'],
    ]);
  });

  test("HEALTHSCORE's column, error rows included, goes straight into HEALTHTIER", () => {
    const scores = callGrid(
      'HEALTHSCORE',
      [CS],
      [
        [80, 60, 70, 50, 90], // 70
        [80, 'abc', 70, 50, 90], // error text
        ['', '', '', '', ''], // ""
      ],
    );
    const tiers = column(callGrid('HEALTHTIER', scores), 3);
    expect(tiers[0]).toBe('Healthy');
    expect(tiers[1]).toBe(scores[1]?.[0]);
    expectErrorText(tiers[1], 'Engagement', 'abc');
    expect(tiers[2]).toBe('');
  });
});

/** The "Name N/100 (-P pts)" items of a drivers text, in order. */
function driverItems(text: string): { name: string; sub: number; pts: number }[] {
  const items: { name: string; sub: number; pts: number }[] = [];
  for (const m of text.matchAll(/([A-Za-z][A-Za-z ]*?) (\d+)\/100 \(-(\d+) pts\)/g)) {
    items.push({ name: m[1] ?? '', sub: Number(m[2]), pts: Number(m[3]) });
  }
  return items;
}

describe('HEALTHDRIVERS', () => {
  test('worst first, "Name N/100 (-P pts)", points = weight share x (100 - sub-score)', () => {
    // cs-engine, all present (present weight 100):
    //   Product usage 20: 0.30 * 80 = 24;  Engagement 50: 0.20 * 50 = 10
    //   Relationship 60: 0.15 * 40 = 6;    Financial 80: 0.15 * 20 = 3
    //   Outcomes 90: 0.20 * 10 = 2
    const [text] = drivers(CS, [[20, 50, 60, 90, 80]]);
    expect(typeof text).toBe('string');
    expect(String(text)).toMatch(
      /^Product usage 20\/100 \(-24 pts\); Engagement 50\/100 \(-10 pts\)/,
    );
    const expected = [
      { name: 'Product usage', sub: 20, pts: 24 },
      { name: 'Engagement', sub: 50, pts: 10 },
      { name: 'Relationship', sub: 60, pts: 6 },
      { name: 'Financial', sub: 80, pts: 3 },
      { name: 'Outcomes', sub: 90, pts: 2 },
    ];
    const items = driverItems(String(text));
    expect(items.length).toBeGreaterThanOrEqual(2);
    // whatever number of items is listed, they are the worst ones, in this order
    expect(items).toEqual(expected.slice(0, items.length));
  });

  test('points use the share of the PRESENT weight; dimensions with no data are named', () => {
    // Product usage 20 and Relationship 30 only; present weight 30 + 15 = 45:
    //   PU: 30/45 * 80 = 53.33 -> 53;  Relationship: 15/45 * 70 = 23.33 -> 23
    //   (score (600 + 450)/45 = 23.3; 100 - 53.3 - 23.3 = 23.3, consistent)
    const [text] = drivers(CS, [[20, '', 30, '', '']]);
    const s = String(text);
    expect(s).toMatch(/^Product usage 20\/100 \(-53 pts\); Relationship 30\/100 \(-23 pts\)/);
    const rest = s.replace(/[A-Za-z][A-Za-z ]*? \d+\/100 \(-\d+ pts\)/g, '').toLowerCase();
    for (const missing of ['Engagement', 'Outcomes', 'Financial']) {
      expect(rest).toContain(missing.toLowerCase());
    }
  });

  test('a preset: playbook dimensions only, worst first', () => {
    // playbook weights PU 35, Eng 25, Out 20, Support 10, Rel 10; Financial is not in it.
    //   PU 40: 0.35*60 = 21; Support 30: 0.10*70 = 7; Outcomes 70: 0.20*30 = 6
    //   Engagement 80: 0.25*20 = 5; Relationship 80: 0.10*20 = 2
    const headers = [...CS, 'Support'];
    const [text] = drivers(headers, [[40, 80, 80, 70, 0, 30]], 'playbook');
    const expected = [
      { name: 'Product usage', sub: 40, pts: 21 },
      { name: 'Support', sub: 30, pts: 7 },
      { name: 'Outcomes', sub: 70, pts: 6 },
      { name: 'Engagement', sub: 80, pts: 5 },
      { name: 'Relationship', sub: 80, pts: 2 },
    ];
    const items = driverItems(String(text));
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items).toEqual(expected.slice(0, items.length));
    expect(String(text)).not.toMatch(/Financial/i);
    // and the score agrees: 35*40 + 25*80 + 20*70 + 10*30 + 10*80 = 1400+2000+1400+300+800
    //   = 5900 / 100 = 59
    expect(score(headers, [[40, 80, 80, 70, 0, 30]], 'playbook')).toEqual([59]);
  });

  test('a bad cell gives that row an error text naming the column and value', () => {
    const result = drivers(CS, [
      [20, 'abc', 60, 90, 80],
      [20, 50, 60, 90, 80],
    ]);
    expectErrorText(result[0], 'Engagement', 'abc');
    expect(String(result[1])).toMatch(/^Product usage 20\/100 \(-24 pts\)/);
  });

  test('a single-row range gives a 1x1 range; one cell gives one value', () => {
    const grid = callGrid('HEALTHDRIVERS', [CS], [[20, 50, 60, 90, 80]]);
    expect(grid).toHaveLength(1);
    expect(grid[0]).toHaveLength(1);
    // Engagement 30 alone: its share is 100%, 1.00 * 70 = 70 pts
    expect(String(call('HEALTHDRIVERS', 'Engagement', 30))).toMatch(
      /^Engagement 30\/100 \(-70 pts\)/,
    );
  });

  test('rows wider than headers throws, naming the arguments', () => {
    const message = thrown('HEALTHDRIVERS', [['Product usage']], [[80, 60]]);
    expect(message).toMatch(/rows/i);
    expect(message).toMatch(/headers/i);
  });
});

describe('NRR and GRR, 4-argument form', () => {
  test('NRR = (start + expansion - contraction - churn) / start', () => {
    // (1000 + 200 - 50 - 100) / 1000 = 1050/1000 = 1.05
    expect(call('NRR', 1000, 200, 50, 100)).toBeCloseTo(1.05, 12);
    // (500 + 0 - 0 - 0) / 500 = 1
    expect(call('NRR', 500, 0, 0, 0)).toBeCloseTo(1, 12);
  });

  test('GRR = (start - contraction - churn) / start, expansion ignored', () => {
    // (1000 - 50 - 100) / 1000 = 0.85
    expect(call('GRR', 1000, 200, 50, 100)).toBeCloseTo(0.85, 12);
    // (1000 - 100 - 0) / 1000 = 0.9, whatever the expansion
    expect(call('GRR', 1000, 5000, 100, 0)).toBeCloseTo(0.9, 12);
    // no losses: 1 (not (1000 + 500)/1000 = 1.5)
    expect(call('GRR', 1000, 500, 0, 0)).toBeCloseTo(1, 12);
  });

  test('GRR is at most 1', () => {
    // A negative contraction would make (1000 + 100)/1000 = 1.1; the contract caps it at 1.
    // (Rejecting the negative amount as bad input would also respect the contract.)
    let result: unknown;
    try {
      result = call('GRR', 1000, 0, -100, 0);
    } catch {
      return;
    }
    if (typeof result === 'number') expect(result).toBeLessThanOrEqual(1);
  });

  test('money as text', () => {
    // ($1,200 + $300 - 0 - $100) / $1,200 = 1400/1200 = 1.1667
    expect(call('NRR', '$1,200', '$300', 0, '$100')).toBeCloseTo(1400 / 1200, 12);
    // ($1,200 - 0 - $100) / $1,200 = 1100/1200 = 0.9167
    expect(call('GRR', '$1,200', '$300', 0, '$100')).toBeCloseTo(1100 / 1200, 12);
  });

  test('a zero start is a clear error, not a division by zero', () => {
    expect(clearError('NRR', 0, 100, 0, 0)).toMatch(/start/i);
    expect(clearError('GRR', 0, 100, 0, 0)).toMatch(/start/i);
  });
});

describe('NRR, GRR and LOGORETENTION, 2-argument cohort form', () => {
  // rows: start / end
  //   A 100 / 120   in cohort
  //   B 200 / 150   in cohort
  //   C ""  / 50    new logo, excluded
  //   D 0   / 40    new logo, excluded
  //   E 300 / 0     in cohort, churned
  const start = [[100], [200], [''], [0], [300]];
  const end = [[120], [150], [50], [40], [0]];

  test('NRR = sum(end) / sum(start) over the cohort (start > 0)', () => {
    // (120 + 150 + 0) / (100 + 200 + 300) = 270/600 = 0.45
    expect(call('NRR', start, end)).toBeCloseTo(0.45, 12);
  });

  test('GRR = sum(min(start, end)) / sum(start) over the cohort', () => {
    // (min(100,120) + min(200,150) + min(300,0)) / 600 = (100 + 150 + 0)/600 = 0.41667
    expect(call('GRR', start, end)).toBeCloseTo(250 / 600, 12);
  });

  test('LOGORETENTION = share of the cohort with end > 0', () => {
    // cohort A, B, E; still paying A, B -> 2/3
    expect(call('LOGORETENTION', start, end)).toBeCloseTo(2 / 3, 12);
    // cohort: 100 -> 0 (left), 50 -> 50 (stays); 0 -> 100 and "" -> 100 are new logos: 1/2
    expect(call('LOGORETENTION', [[100], [0], [''], [50]], [[0], [100], [100], [50]])).toBeCloseTo(
      0.5,
      12,
    );
  });

  test("GRR is capped per account: one account's expansion does not hide another's contraction", () => {
    // X 100 -> 150 (+50), Y 100 -> 50 (-50)
    // NRR = (150 + 50)/200 = 1.0
    // GRR = (min(100,150) + min(100,50))/200 = (100 + 50)/200 = 0.75  (pooled would give 1.0)
    const s = [[100], [100]];
    const e = [[150], [50]];
    expect(call('NRR', s, e)).toBeCloseTo(1, 12);
    expect(call('GRR', s, e)).toBeCloseTo(0.75, 12);
    expect(call('LOGORETENTION', s, e)).toBeCloseTo(1, 12);
  });

  test('money as text: "$1,200"', () => {
    // start 1200 + 800 = 2000; end 1500 + 400 = 1900
    // NRR = 1900/2000 = 0.95; GRR = (1200 + 400)/2000 = 0.8; logos 2/2 = 1
    const s = [['$1,200'], ['$800']];
    const e = [['$1,500'], ['$400']];
    expect(call('NRR', s, e)).toBeCloseTo(0.95, 12);
    expect(call('GRR', s, e)).toBeCloseTo(0.8, 12);
    expect(call('LOGORETENTION', s, e)).toBeCloseTo(1, 12);
  });

  test('a blank end for a cohort account counts as 0 (the account left)', () => {
    // start 100, 100; end "", 50: NRR = 50/200 = 0.25; GRR = (0 + 50)/200 = 0.25; logos 1/2
    const s = [[100], [100]];
    const e = [[''], [50]];
    expect(call('NRR', s, e)).toBeCloseTo(0.25, 12);
    expect(call('GRR', s, e)).toBeCloseTo(0.25, 12);
    expect(call('LOGORETENTION', s, e)).toBeCloseTo(0.5, 12);
  });

  test('columns of different lengths throw, naming the arguments', () => {
    for (const name of ['NRR', 'GRR', 'LOGORETENTION']) {
      const message = thrown(name, [[100], [200], [300]], [[100], [200]]);
      expect([name, message]).toEqual([name, expect.stringMatching(/start/i)]);
      expect([name, message]).toEqual([name, expect.stringMatching(/end/i)]);
    }
  });

  test('a zero starting total is a clear error, not a division by zero', () => {
    for (const name of ['NRR', 'GRR', 'LOGORETENTION']) {
      // only new logos (0 and blank): empty cohort
      expect([name, clearError(name, [[0], ['']], [[10], [20]])]).toEqual([
        name,
        expect.stringMatching(/start/i),
      ]);
    }
  });
});

describe('SEGMENT', () => {
  const boundaries: [unknown, string][] = [
    [1000000, 'Enterprise'],
    [100000, 'Enterprise'],
    [99999.99, 'Mid-Market'],
    [25000, 'Mid-Market'],
    [24999.99, 'SMB'],
    [5000, 'SMB'],
    [4999.99, 'Self-Serve'],
    [0, 'Self-Serve'],
  ];

  test('thresholds exactly at 100,000 / 25,000 / 5,000 (one cell)', () => {
    for (const [value, label] of boundaries) {
      expect([value, call('SEGMENT', value)]).toEqual([value, label]);
    }
  });

  test('a column in, a column out', () => {
    expect(
      callGrid(
        'SEGMENT',
        boundaries.map(([value]) => [value]),
      ),
    ).toEqual(boundaries.map(([, label]) => [label]));
  });

  test('money as text', () => {
    const texts: [string, string][] = [
      ['$30k', 'Mid-Market'], // 30,000
      ['$30,000', 'Mid-Market'],
      ['$120,000', 'Enterprise'],
      ['$100k', 'Enterprise'], // 100,000 exactly
      ['25k', 'Mid-Market'], // 25,000 exactly
      ['$5,000', 'SMB'],
      ['1.2k', 'Self-Serve'], // 1,200
      ['$4,999', 'Self-Serve'],
    ];
    for (const [value, label] of texts) {
      expect([value, call('SEGMENT', value)]).toEqual([value, label]);
    }
    expect(callGrid('SEGMENT', [['$30k'], ['$120,000'], ['1.2k']])).toEqual([
      ['Mid-Market'],
      ['Enterprise'],
      ['Self-Serve'],
    ]);
  });

  test('an unreadable cell is an error text for that row only', () => {
    const result = column(callGrid('SEGMENT', [[100000], ['abc'], [5000]]), 3);
    expect(result[0]).toBe('Enterprise');
    expectErrorText(result[1], 'abc');
    expect(result[2]).toBe('SMB');
  });
});

describe('messy cells in raw-signal columns (HEALTHSCORE)', () => {
  // Raw signals are scored with the model's rubrics; these tests compare a messy cell with its
  // clean equivalent (same score) and check the direction the seed rubrics give.
  const one = (headers: unknown[], row: unknown[]): unknown => score(headers, [row])[0];

  test('"45%" reads as 0.45 in DAU/MAU; the Customer Success Engine rubric puts >40% at 7-10, <20% at 0-3', () => {
    const clean = one(['DAU/MAU'], [0.45]);
    expect(typeof clean).toBe('number');
    expect(one(['DAU/MAU'], ['45%'])).toBe(clean);
    // Product usage is the only dimension present, so the score is its sub-score:
    //   DAU/MAU 45% (> 40%) -> 70-100; 10% (< 20%) -> 0-30
    expect(clean as number).toBeGreaterThanOrEqual(70);
    const low = one(['DAU/MAU'], ['10%']);
    expect(low).toBe(one(['DAU/MAU'], [0.1]));
    expect(low as number).toBeLessThanOrEqual(30);
  });

  test('"1.2k" reads as 1200 (Seats active of Seats licensed)', () => {
    const headers = ['Seats licensed', 'Seats active'];
    const clean = one(headers, [2000, 1200]);
    expect(typeof clean).toBe('number');
    expect(one(headers, [2000, '1.2k'])).toBe(clean);
    expect(one(headers, ['2k', '1.2k'])).toBe(clean);
    // and the column matters: 200 of 2000 seats active is not the same as 1,200 of 2000
    expect(one(headers, [2000, 200])).not.toBe(clean);
  });

  test('"$120,000" in a money column reads as 120000 (no error, same score)', () => {
    const headers = ['DAU/MAU', 'ARR'];
    const clean = one(headers, [0.3, 120000]);
    expect(typeof clean).toBe('number');
    expect(one(headers, [0.3, '$120,000'])).toBe(clean);
  });

  test('yes / ✓ / TRUE read as true and no / FALSE as false', () => {
    // Customer Success Engine Relationship: no champion 0-3, champion only 4-6, multi-threaded 7-10
    const headers = ['Champion', 'Executive sponsor'];
    const both = one(headers, [true, true]);
    const championOnly = one(headers, [true, false]);
    expect(typeof both).toBe('number');
    expect(typeof championOnly).toBe('number');
    expect(both as number).toBeGreaterThan(championOnly as number);
    for (const text of ['yes', 'Yes', '✓', 'TRUE']) {
      expect([text, one(headers, [text, text])]).toEqual([text, both]);
    }
    for (const text of ['no', 'No', 'FALSE']) {
      expect([text, one(headers, ['yes', text])]).toEqual([text, championOnly]);
    }
    const champion = one(['Champion'], ['yes']);
    const none = one(['Champion'], ['no']);
    expect(one(['Champion'], ['✓'])).toBe(champion);
    expect(one(['Champion'], [false])).toBe(none);
    expect(champion as number).toBeGreaterThan(none as number);
    // Customer Success Engine Engagement: community activity
    const community = ['Community active', 'Login trend'];
    const active = one(community, [true, 'flat']);
    const inactive = one(community, [false, 'flat']);
    expect(active as number).toBeGreaterThan(inactive as number);
    expect(one(community, ['yes', 'flat'])).toBe(active);
    expect(one(community, ['✓', 'flat'])).toBe(active);
    expect(one(community, ['no', 'flat'])).toBe(inactive);
  });

  test('a Date and an ISO text date read the same; a recent login beats a stale one', () => {
    // Sheets hands a date cell as a Date at midnight in the spreadsheet's time zone
    // (America/New_York): 2026-01-10 00:00 EST = 2026-01-10T05:00:00Z. "Now" is 2026-01-15.
    const recent = one(['Last login'], [new Date('2026-01-10T05:00:00Z')]);
    expect(typeof recent).toBe('number');
    expect(one(['Last login'], ['2026-01-10'])).toBe(recent);
    const stale = one(['Last login'], [new Date('2025-06-01T04:00:00Z')]);
    expect(one(['Last login'], ['2025-06-01'])).toBe(stale);
    expect(recent as number).toBeGreaterThan(stale as number);
    const contact = one(['Last CSM contact'], [new Date('2025-12-20T05:00:00Z')]);
    expect(typeof contact).toBe('number');
    expect(one(['Last CSM contact'], ['2025-12-20'])).toBe(contact);
  });

  test("days are counted in the spreadsheet's time zone (the contract's rule 8)", () => {
    // 2026-01-06T04:30Z is 2026-01-05 23:30 in New York: the day is the 5th, not the 6th.
    // The login rubric decays day by day at this age, so the two days score differently.
    const nyFifth = one(['Last login'], ['2026-01-05']);
    const nySixth = one(['Last login'], ['2026-01-06']);
    expect(nyFifth).not.toBe(nySixth); // guard: the test can tell the days apart
    expect(one(['Last login'], [new Date('2026-01-06T04:30:00Z')])).toBe(nyFifth);
    expect(one(['Last login'], [new Date('2026-01-06T05:00:00Z')])).toBe(nySixth);
  });

  test('"#N/A" is an error text naming the column; other rows still compute', () => {
    const result = score(
      ['DAU/MAU', 'Engagement'],
      [
        [0.45, 60],
        ['#N/A', 60],
        [0.45, 60],
      ],
    );
    expect(typeof result[0]).toBe('number');
    expectErrorText(result[1], 'DAU/MAU', '#N/A');
    expect(result[2]).toBe(result[0]);
    const dates = score(['Last login'], [['#N/A'], ['2026-01-10']]);
    expectErrorText(dates[0], 'Last login', '#N/A');
    expect(typeof dates[1]).toBe('number');
  });

  test('an unreadable raw value is an error text naming the column and the value', () => {
    const result = score(
      ['DAU/MAU', 'Engagement'],
      [
        ['lots', 60],
        [0.45, 60],
      ],
    );
    expectErrorText(result[0], 'DAU/MAU', 'lots');
    expect(typeof result[1]).toBe('number');
  });

  test('a blank raw cell is missing data, like an absent column', () => {
    // Champion only vs DAU/MAU blank + Champion: Relationship is the only dimension either way
    expect(one(['DAU/MAU', 'Champion'], ['', 'yes'])).toBe(one(['Champion'], ['yes']));
    expect(one(['DAU/MAU', 'Engagement'], ['', 60])).toBe(60);
  });
});
