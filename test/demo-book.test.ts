import {
  BROKEN_CELLS,
  CHURN_REASONS,
  CSM_TEAM,
  DEMO_HEADERS,
  type DemoBook,
  type DemoHeader,
  FORMULA_ACCOUNT,
  SCRIPT_ACCOUNT,
  columnOf,
  demoColumn,
  generateBook,
  mulberry32,
  toCsv,
} from '../dev/demo-book';

const today = new Date(2026, 10, 23);

/** Reads a demo cell back to a number the simple way (enough for these checks). */
function num(cell: unknown): number {
  if (typeof cell === 'number') return cell;
  if (typeof cell !== 'string' || cell.trim() === '') return Number.NaN;
  const text = cell.trim().replace(/[$,]/g, '');
  const match = /^([-+]?\d*\.?\d+)(k|%)?$/i.exec(text);
  if (!match) return Number.NaN;
  const value = Number(match[1]);
  if (match[2] === '%') return value / 100;
  if (match[2]?.toLowerCase() === 'k') return value * 1000;
  return value;
}

function flag(cell: unknown): boolean | undefined {
  if (cell === true || cell === false) return cell;
  const word = String(cell).trim().toLowerCase();
  if (['yes', 'y', 'true', '✓', 'x'].includes(word)) return true;
  if (['no', 'n', 'false'].includes(word)) return false;
  return word === '' ? undefined : true; // a person's name means "yes"
}

const isBlankRow = (row: readonly unknown[]) => row.every((cell) => cell === '');

function mean(values: readonly number[]): number {
  const finite = values.filter(Number.isFinite);
  return finite.reduce((sum, value) => sum + value, 0) / finite.length;
}

/** The mean of a column's values for the healthiest and the poorest third of accounts. */
function byHealth(book: DemoBook, header: DemoHeader, read: (cell: unknown) => number) {
  const column = demoColumn(header);
  const ranked = book.rows
    .map((row, index) => ({ row, health: book.latentHealth[index] as number }))
    .filter(({ health }) => Number.isFinite(health))
    .sort((a, b) => a.health - b.health);
  const third = Math.floor(ranked.length / 3);
  const poor = ranked.slice(0, third).map(({ row }) => read(row[column]));
  const healthy = ranked.slice(-third).map(({ row }) => read(row[column]));
  return { poor: mean(poor), healthy: mean(healthy) };
}

describe('mulberry32', () => {
  it('is deterministic and spreads over [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(mean(values)).toBeCloseTo(0.5, 1);
  });
});

describe('generateBook', () => {
  const book = generateBook({ accounts: 600, seed: 42, today });

  it('gives the same book for the same seed, and another for another seed', () => {
    const again = generateBook({ accounts: 600, seed: 42, today });
    expect(again.rows).toEqual(book.rows);
    expect(toCsv(again.headers, again.rows)).toBe(toCsv(book.headers, book.rows));
    const other = generateBook({ accounts: 600, seed: 43, today });
    expect(other.rows).not.toEqual(book.rows);
  });

  it('has the requested size and the documented columns', () => {
    expect(book.headers).toEqual([...DEMO_HEADERS]);
    expect(book.headers).toHaveLength(48);
    expect(book.rows).toHaveLength(600);
    expect(book.latentHealth).toHaveLength(600);
    for (const row of book.rows) expect(row).toHaveLength(book.headers.length);
    for (const size of [0, 1, 9, 10, 11]) {
      expect(generateBook({ accounts: size, today }).rows).toHaveLength(size);
    }
  });

  it('dates every date cell at local midnight, renewals within -30..+365 days', () => {
    const renewals = book.rows
      .map((row) => row[demoColumn('Renewal date')])
      .filter((cell): cell is Date => cell instanceof Date);
    expect(renewals.length).toBeGreaterThan(500);
    for (const date of renewals) {
      expect([date.getHours(), date.getMinutes(), date.getSeconds()]).toEqual([0, 0, 0]);
      const days = Math.round((date.getTime() - today.getTime()) / 86_400_000);
      expect(days).toBeGreaterThanOrEqual(-30);
      expect(days).toBeLessThanOrEqual(365);
    }
  });

  it('has unique names, a team of CSMs, all four segments and ARR from 1k to 500k', () => {
    const names = book.rows.map((row) => row[0]).filter((name) => name !== '');
    expect(new Set(names).size).toBe(names.length);
    const csms = new Set(book.rows.map((row) => row[demoColumn('CSM')]));
    csms.delete('');
    expect([...csms].sort()).toEqual(CSM_TEAM.map((csm) => csm.name).sort());
    expect(new Set(columnOf(book, 'Segment').flat())).toEqual(
      new Set(['Self-Serve', 'SMB', 'Mid-Market', 'Enterprise', '']),
    );
    const arr = columnOf(book, 'ARR')
      .flat()
      .map(num)
      .filter((value) => value > 0);
    expect(Math.min(...arr)).toBeGreaterThanOrEqual(1_000);
    expect(Math.max(...arr)).toBeLessThanOrEqual(500_000);
    expect(Math.max(...arr)).toBeGreaterThan(100_000);
  });

  it('churns a few percent of accounts a year, with ARR 0, a churn date and a known reason', () => {
    const status = demoColumn('Status');
    const churned = book.rows.filter((row) => String(row[status]).toLowerCase() === 'churned');
    expect(churned.length / 600).toBeGreaterThan(0.02);
    expect(churned.length / 600).toBeLessThan(0.09);
    for (const row of churned) {
      expect(num(row[demoColumn('ARR')])).toBe(0);
      expect(num(row[demoColumn('ARR at period start')])).toBeGreaterThan(0);
      const date = row[demoColumn('Churn date')];
      if (date !== '') expect(date).toBeInstanceOf(Date);
      const reason = String(row[demoColumn('Churn reason')]).toLowerCase();
      if (reason !== '') expect(CHURN_REASONS).toContain(reason);
    }
  });

  it('has new logos (blank or 0 start ARR), expansions and contractions', () => {
    const start = demoColumn('ARR at period start');
    const end = demoColumn('ARR');
    const rows = book.rows.filter((row) => !isBlankRow(row));
    const newLogos = rows.filter((row) => row[start] === '' || row[start] === 0);
    expect(newLogos.length / rows.length).toBeGreaterThan(0.02);
    expect(newLogos.length / rows.length).toBeLessThan(0.12);
    const both = rows.filter((row) => num(row[start]) > 0 && num(row[end]) > 0);
    expect(both.some((row) => num(row[end]) > num(row[start]))).toBe(true);
    expect(both.some((row) => num(row[end]) < num(row[start]))).toBe(true);
  });

  it('includes the messy cases', () => {
    const cells = book.rows.flat();
    const texts = cells.filter((cell): cell is string => typeof cell === 'string');
    expect(texts.some((text) => /^\$\d{1,3}(,\d{3})+$/.test(text))).toBe(true); // $120,000
    expect(texts.some((text) => /^\d+(\.\d)?k$/.test(text))).toBe(true); // 1.2k
    expect(texts.some((text) => /^\d+%$/.test(text))).toBe(true); // 45%
    expect(texts.some((text) => /^0\.\d\d$/.test(text))).toBe(true); // "0.45"
    for (const word of [
      'yes',
      'no',
      'Y',
      '✓',
      'TRUE',
      'up',
      'Up',
      'growing',
      'flat',
      'declining',
    ]) {
      expect(texts).toContain(word);
    }
    expect(cells).toContain(true);
    expect(cells.filter((cell) => cell === '').length).toBeGreaterThan(600);
    const broken = cells.filter((cell) => (BROKEN_CELLS as readonly unknown[]).includes(cell));
    expect(broken.length).toBeGreaterThanOrEqual(3);
    expect(broken.length).toBeLessThanOrEqual(30);
    expect(book.rows.filter(isBlankRow)).toHaveLength(1);
    const names = book.rows.map((row) => row[0]);
    expect(names).toContain(SCRIPT_ACCOUNT);
    expect(names).toContain(FORMULA_ACCOUNT);
    expect(FORMULA_ACCOUNT.startsWith('=')).toBe(true);
  });

  it('gives clean values when messy is false', () => {
    const clean = generateBook({ accounts: 300, seed: 1, today, messy: false });
    expect(clean.rows.filter(isBlankRow)).toHaveLength(0);
    for (const header of ['ARR', 'DAU/MAU', 'Seats active', 'CSAT', 'NPS'] as const) {
      for (const [cell] of columnOf(clean, header)) expect(typeof cell).toBe('number');
    }
    for (const [cell] of columnOf(clean, 'Community active')) expect(typeof cell).toBe('boolean');
    for (const [cell] of columnOf(clean, 'Usage trend'))
      expect(['up', 'flat', 'down']).toContain(cell);
    expect(clean.rows.map((row) => row[0])).not.toContain(SCRIPT_ACCOUNT);
  });

  it('gives the healthy latent accounts better signals than the poor ones', () => {
    const big = generateBook({ accounts: 3000, seed: 5, today });
    const higher: [DemoHeader, (cell: unknown) => number][] = [
      ['DAU/MAU', num],
      ['Seats active', num],
      ['Features used', num],
      ['Meetings (90 days)', num],
      ['Training completion', num],
      ['CSAT', (cell) => (typeof cell === 'string' ? 1 + 4 * num(cell) : num(cell))],
      ['NPS', num],
      ['Goals achieved', num],
      ['Champion', (cell) => (flag(cell) === undefined ? Number.NaN : Number(flag(cell)))],
      ['Executive sponsor', (cell) => (flag(cell) === undefined ? Number.NaN : Number(flag(cell)))],
      ['Payment status', (cell) => (String(cell).toLowerCase() === 'current' ? 1 : 0)],
    ];
    for (const [header, read] of higher) {
      const { poor, healthy } = byHealth(big, header, read);
      expect({ header, better: healthy > poor }).toEqual({ header, better: true });
    }
    const lower: DemoHeader[] = [
      'Tickets (30 days)',
      'Open critical tickets',
      'Escalations',
      'Missed meetings',
    ];
    for (const header of lower) {
      const { poor, healthy } = byHealth(big, header, num);
      expect({ header, better: healthy < poor }).toEqual({ header, better: true });
    }
    const competitor = byHealth(big, 'Competitor mentioned', (cell) => Number(flag(cell) ?? NaN));
    expect(competitor.healthy).toBeLessThan(competitor.poor);
    const login = byHealth(big, 'Last login', (cell) =>
      cell instanceof Date ? (today.getTime() - cell.getTime()) / 86_400_000 : Number.NaN,
    );
    expect(login.healthy).toBeLessThan(login.poor);
  });
});
