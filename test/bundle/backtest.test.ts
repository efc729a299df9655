/**
 * HEALTHBACKTEST, HEALTHCALIBRATE and the backtest dialog, through the built bundle
 * (dist/Code.js) as Sheets calls them. Hand-worked figures on small cases; generated books with
 * a known churn process (dev/renewal-book.ts) for the calibration.
 */
import { createSpreadsheet, loadBundle, type LocalRuntime } from '../../dev/runtime';
import { DIMENSIONS, TRUE_WEIGHTS, renewalBook } from '../../dev/renewal-book';

type Grid = unknown[][];

let runtime: LocalRuntime;

beforeAll(() => {
  runtime = loadBundle();
});

function assertClean(value: unknown, where: string): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertClean(item, `${where}[${i}]`));
    return;
  }
  if (
    value === undefined ||
    value === null ||
    (typeof value === 'number' && !Number.isFinite(value))
  ) {
    throw new Error(`${where}: output cell is ${String(value)}`);
  }
}

function grid(name: string, ...args: unknown[]): Grid {
  const result = runtime.call(name, ...args);
  assertClean(result, name);
  expect(Array.isArray(result)).toBe(true);
  const rows = result as Grid;
  const width = rows[0]?.length;
  for (const row of rows) expect(row).toHaveLength(width as number);
  return rows;
}

/** The row whose first cell starts with `label`. */
function line(table: Grid, label: string): unknown[] {
  const row = table.find((cells) => String(cells[0]).startsWith(label));
  if (!row) throw new Error(`no row "${label}" in ${JSON.stringify(table)}`);
  return row;
}

const column = (values: unknown[]): Grid => values.map((value) => [value]);

describe('HEALTHBACKTEST', () => {
  // Scores and outcomes, worked by hand (threshold 60):
  //   scored: 30 churned, 50 renewed, 70 renewed, 90 renewed, 55 churned, 50 churned
  //   skipped: 80 with a blank outcome (blank), "#N/A" (unreadable score), 65 "maybe"
  //   (unreadable outcome); a row blank in both is ignored.
  const scores = [30, 50, 70, 90, 55, 50, 80, '#N/A', 65, ''];
  const outcomes = ['churned', 'renewed', 1, 'Retained', 0, 'lost', '', 'renewed', 'maybe', ''];

  it('gives a table with a header row, every figure worked by hand', () => {
    const table = grid('HEALTHBACKTEST', column(scores), column(outcomes));
    expect(table[0]).toEqual(['Measure', 'Value', 'Accounts', 'Renewal rate']);
    expect(line(table, 'Accounts')).toEqual(['Accounts', 6, 6, 0.5]);
    expect(line(table, 'Churn rate')).toEqual(['Churn rate', 0.5, 3, '']);
    // Renewed {50, 70, 90} vs churned {30, 55, 50}: 50 beats 30, ties 50 (1.5 of 3);
    // 70 and 90 beat all three (6). AUC = 7.5 / 9.
    expect(line(table, 'AUC')[1]).toBeCloseTo(7.5 / 9, 12);
    expect(line(table, 'Threshold')[1]).toBe(60);
    // Below 60: 30 (churned), 50 (renewed), 55 (churned), 50 (churned): 4 flagged, 3 churned.
    // At or above: 70, 90 renewed. Accuracy (3 + 2) / 6, precision 3/4, recall 3/3.
    expect(line(table, 'Accuracy')).toEqual(['Accuracy', 5 / 6, 6, '']);
    expect(line(table, 'Precision')[1]).toBe(0.75);
    expect(line(table, 'Precision')[2]).toBe(4);
    expect(line(table, 'Recall')[1]).toBe(1);
    expect(line(table, 'Skipped: blank')[1]).toBe(1);
    expect(line(table, 'Skipped: score')).toEqual([
      'Skipped: score not a number 0-100 (row 8)',
      1,
      '',
      '',
    ]);
    expect(line(table, 'Skipped: outcome')).toEqual([
      'Skipped: outcome not renewed/churned (row 9)',
      1,
      '',
      '',
    ]);
    expect(line(table, 'Tier: Thriving')).toEqual(['Tier: Thriving', '80-100', 1, 1]);
    expect(line(table, 'Tier: Healthy')).toEqual(['Tier: Healthy', '60-79', 1, 1]);
    expect(line(table, 'Tier: At-Risk')).toEqual(['Tier: At-Risk', '40-59', 3, 1 / 3]);
    expect(line(table, 'Tier: Critical')).toEqual(['Tier: Critical', '0-39', 1, 0]);
    // Deciles of 6 sorted scores 30, 50, 50, 55, 70, 90; the two 50s stay together. A group is
    // named by the decile of its first account: positions 0, 1, 3, 4, 5 of 6 -> 1, 2, 6, 7, 9.
    expect(table.filter((row) => String(row[0]).startsWith('Decile'))).toEqual([
      ['Decile 1', '30', 1, 0],
      ['Decile 2', '50', 2, 0.5],
      ['Decile 6', '55', 1, 0],
      ['Decile 7', '70', 1, 1],
      ['Decile 9', '90', 1, 1],
    ]);
  });

  it('takes a threshold', () => {
    const table = grid('HEALTHBACKTEST', column(scores), column(outcomes), 52);
    // Below 52: 30 (churned), 50 (renewed), 50 (churned): precision 2/3, recall 2/3.
    expect(line(table, 'Threshold')[1]).toBe(52);
    expect(line(table, 'Precision')[1]).toBeCloseTo(2 / 3, 12);
    expect(line(table, 'Recall')[1]).toBeCloseTo(2 / 3, 12);
  });

  it('says so when no account is flagged, instead of dividing by 0', () => {
    const table = grid('HEALTHBACKTEST', column([70, 80, 90]), column([0, 1, 1]), 50);
    expect(line(table, 'Precision')[1]).toBe('n/a: no account scored below 50');
  });

  it('throws a clear message for one class, mismatched lengths or a bad threshold', () => {
    expect(() =>
      runtime.call('HEALTHBACKTEST', column([50, 60]), column(['renewed', 'yes'])),
    ).toThrow(/all 2 accounts with an outcome renewed.*both renewed and churned/);
    expect(() => runtime.call('HEALTHBACKTEST', column([50, 60]), column([1]))).toThrow(
      /scores has 2 rows but outcomes has 1/,
    );
    expect(() => runtime.call('HEALTHBACKTEST', column([50, 60]), column([1, 0]), 'high')).toThrow(
      /threshold should be a score from 0 to 100/,
    );
    expect(() =>
      runtime.call(
        'HEALTHBACKTEST',
        [
          [50, 1],
          [60, 0],
        ],
        column([1, 0]),
      ),
    ).toThrow(/scores should be a single column/);
  });

  it('runs on 10,000 rows', () => {
    const book = renewalBook(10_000, 21);
    const table = grid(
      'HEALTHBACKTEST',
      column(book.truth.map((eta) => Math.round(100 / (1 + Math.exp(-eta))))),
      column(book.outcomes),
    );
    expect(line(table, 'Accounts')[1]).toBe(10_000);
    expect(table.filter((row) => String(row[0]).startsWith('Decile'))).toHaveLength(10);
  });
});

describe('HEALTHCALIBRATE', () => {
  const book = renewalBook(3000, 31);
  const headers = [book.headers];

  it('suggests weights in the order of the true ones, as a model HEALTHSCORE accepts', () => {
    const table = grid('HEALTHCALIBRATE', headers, book.rows, column(book.outcomes));
    expect(table[0]).toEqual(['Dimension', 'Weight']);
    const weights = table.slice(1, 6);
    // cs-engine's dimensions, in the model's order.
    expect(weights.map((row) => row[0])).toEqual([
      'Product usage',
      'Engagement',
      'Relationship',
      'Outcomes',
      'Financial',
    ]);
    const byName = new Map(weights.map((row) => [row[0], row[1] as number]));
    const suggested = DIMENSIONS.map((name) => byName.get(name) as number);
    const rank = (values: number[]) =>
      values.map((_, j) => j).sort((a, b) => (values[b] as number) - (values[a] as number));
    expect(rank(suggested)).toEqual(rank(TRUE_WEIGHTS));
    expect(suggested.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
    expect(table[6]).toEqual(['', '']);
    expect(table[7]?.[0]).toBe('AUC before');
    expect(table[8]?.[0]).toBe('AUC after');
    expect(table[8]?.[1] as number).toBeGreaterThan((table[7]?.[1] as number) + 0.01);
    expect(line(table, 'Accounts used')[1]).toBe(3000);

    // Fed back into HEALTHSCORE (header row and weights), the scores back-test better.
    const model = table.slice(0, 6);
    const before = grid('HEALTHSCORE', headers, book.rows);
    const after = grid('HEALTHSCORE', headers, book.rows, model);
    expect(after).toHaveLength(3000);
    for (const [score] of after) expect(typeof score).toBe('number');
    const auc = (scores: Grid) =>
      line(grid('HEALTHBACKTEST', scores, column(book.outcomes)), 'AUC')[1];
    expect(auc(after) as number).toBeGreaterThan((auc(before) as number) + 0.01);
    // "AUC before" is the current model's AUC (on the unrounded scores).
    expect(Math.abs((auc(before) as number) - (table[7]?.[1] as number))).toBeLessThan(0.005);
  });

  it('is deterministic', () => {
    const a = grid('HEALTHCALIBRATE', headers, book.rows, column(book.outcomes));
    const b = grid('HEALTHCALIBRATE', headers, book.rows, column(book.outcomes));
    expect(b).toEqual(a);
  });

  it('re-weights the dimensions of another model, and lists those without data', () => {
    const table = grid('HEALTHCALIBRATE', headers, book.rows, column(book.outcomes), 'five-pillar');
    // five-pillar: Product usage, Engagement, Support, Outcomes, Relationship; no Support data.
    expect(table.slice(1, 5).map((row) => row[0])).toEqual([
      'Product usage',
      'Engagement',
      'Outcomes',
      'Relationship',
    ]);
    expect(line(table, 'No data')).toEqual(['No data, left out', 'Support']);
  });

  it('skips rows without an outcome or a score, and counts them', () => {
    const rows = book.rows.slice(0, 400).map((row) => [...row]);
    const outcomes = book.outcomes
      .slice(0, 400)
      .map((o) => [o === 1 ? 'renewed' : 'churned'] as unknown[]);
    outcomes[0] = [''];
    outcomes[1] = ['unknown'];
    rows[2] = ['Account 3', 150, 1, 2, 3, 4]; // Product usage out of 0-100: an error row
    const table = grid('HEALTHCALIBRATE', headers, rows, outcomes);
    expect(line(table, 'Accounts used')[1]).toBe(397);
    expect(line(table, 'Rows skipped')[1]).toBe(3);
  });

  it('throws a clear message when the call cannot work', () => {
    const outcomes = column(book.outcomes.slice(0, 10).map(() => 'renewed'));
    expect(() =>
      runtime.call('HEALTHCALIBRATE', headers, book.rows.slice(0, 10), outcomes),
    ).toThrow(/HEALTHCALIBRATE: all 10 accounts with an outcome renewed/);
    expect(() =>
      runtime.call('HEALTHCALIBRATE', headers, book.rows.slice(0, 10), column(book.outcomes)),
    ).toThrow(/rows has 10 rows but outcomes has 3,000 rows/);
    // Outcomes reversed: no dimension predicts "renewal".
    expect(() =>
      runtime.call('HEALTHCALIBRATE', headers, book.rows, column(book.outcomes.map((o) => 1 - o))),
    ).toThrow(/no dimension scores renewed accounts higher than churned ones/);
  });

  it('runs on 10,000 rows', () => {
    const big = renewalBook(10_000, 41);
    const table = grid('HEALTHCALIBRATE', [big.headers], big.rows, column(big.outcomes));
    expect(line(table, 'Accounts used')[1]).toBe(10_000);
  });
});

describe('the backtest dialog (menuBacktest)', () => {
  const book = renewalBook(300, 51);

  function sheetWith(headers: string[], rows: unknown[][]) {
    return loadBundle({ spreadsheet: createSpreadsheet({ 'Renewals <Q3>': [headers, ...rows] }) });
  }

  it('reads the score and outcome columns and shows a dialog with the chart and weights', () => {
    const scores = book.truth.map((eta) => Math.round(100 / (1 + Math.exp(-eta))));
    const rows = book.rows.map((row, i) => [
      i === 0 ? '<script>alert(1)</script>' : row[0],
      ...row.slice(1),
      scores[i],
      book.outcomes[i] === 1 ? 'renewed' : 'churned',
    ]);
    const local = sheetWith(
      [...book.headers, 'Health score 90 days before renewal', 'Renewal outcome'],
      rows,
    );
    local.call('menuBacktest');
    const dialog = local.ui.events.find((event) => event.type === 'modalDialog');
    expect(dialog?.type).toBe('modalDialog');
    if (dialog?.type !== 'modalDialog') return;
    expect(dialog.title).toBe('CS Engine: backtest of the health score');
    const html = (dialog as unknown as { html: string }).html;
    expect(html).toContain('<svg');
    expect(html).toContain('Renewal rate per score decile');
    expect(html).toContain('Suggested weights');
    expect(html).toContain('column &quot;Health score 90 days before renewal&quot;');
    expect(html).toContain('Backtest of Renewals &lt;Q3&gt;');
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    // One read of the sheet, one dialog.
    expect(local.calls.count('Range.getValues')).toBe(1);
    expect(local.calls.count('Ui.showModalDialog')).toBe(1);
  });

  it('scores the book with the default model when there is no score column', () => {
    const rows = book.rows.map((row, i) => [...row, book.outcomes[i]]);
    const local = sheetWith([...book.headers, 'Outcome'], rows);
    local.call('menuBacktest');
    const dialog = local.ui.events.find((event) => event.type === 'modalDialog');
    const html = (dialog as unknown as { html: string }).html;
    expect(html).toContain('the default model (cs-engine)');
  });

  it('explains what is missing when there is no outcome column', () => {
    const local = sheetWith(book.headers, book.rows);
    local.call('menuBacktest');
    const alert = local.ui.events.find((event) => event.type === 'alert');
    expect(alert?.type === 'alert' && alert.prompt).toContain('Renewal outcome');
  });
});
