/**
 * The SQL generator's own rules (src/core/sql/): every rubric has a form, regular
 * expressions translate or refuse, names and literals are quoted safely, the BigQuery query
 * stays within BigQuery's limits, and every dialect difference is listed in docs/bigquery.md.
 * Whether the SQL computes what the add-on does is test/bundle/sql-parity.test.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEMO_HEADERS } from '../../dev/demo-book';
import fc from 'fast-check';
import { SHEETS_ERROR, parseNumberText } from '../../src/core/cells';
import { DIMENSION_IDS, DIMENSION_LABELS, STEPS } from '../../src/core/dimensions';
import { ArgumentError, PRESETS, resolveModel } from '../../src/core/models';
import { SIGNALS, signalForHeader } from '../../src/core/signals';
import { NUMBER_PATTERN, re2 } from '../../src/core/sql/cells';
import { BIGQUERY, DUCKDB } from '../../src/core/sql/dialect';
import {
  HEALTH_COLUMNS,
  defaultColumns,
  healthModelSql,
  snakeCase,
} from '../../src/core/sql/health';
import { rubricSql } from '../../src/core/sql/rubrics';

const EVERY_DIMENSION = resolveModel(DIMENSION_IDS.map((id, i) => [DIMENSION_LABELS[id], i + 1]));

test.each(Object.entries(STEPS))('the rubric %s has an SQL form', (_name, step) => {
  expect(() => rubricSql(step.rubric)).not.toThrow();
});

test('a rubric without a form is refused by name, not compiled to nothing', () => {
  const unknown = function madeUp() {
    return 1;
  };
  expect(() => rubricSql(unknown)).toThrow('The rubric madeUp has no SQL form.');
});

describe('regular expressions in RE2', () => {
  test("\\s becomes JavaScript's white space; the i flag (?i)", () => {
    expect(re2(/^a\s+b$/i)).toBe(
      '(?i)^a[\\x{9}-\\x{d}\\x{20}\\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}]+b$',
    );
    expect(re2(SHEETS_ERROR)).toBe(
      '(?i)^#(N/A|REF!|VALUE!|DIV/0!|NUM!|NAME\\?|NULL!|ERROR!|SPILL!|CALC!)',
    );
    expect(re2(NUMBER_PATTERN)).not.toContain('\\s');
  });

  test('what it cannot translate faithfully, it refuses', () => {
    expect(() => re2(/\bword/)).toThrow('No RE2 translation for \\b');
    expect(() => re2(/a/g)).toThrow('No RE2 translation for the flags');
  });
});

/**
 * What the SQL computes from NUMBER_PATTERN's groups (src/core/sql/cells.ts), in JavaScript:
 * the pattern is held to parseNumberText's scanner here, the SQL to the add-on in DuckDB.
 */
function readByPattern(text: string): { value: number; percent: boolean } | undefined {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > 64) return undefined;
  const paren = trimmed.startsWith('(') && trimmed.endsWith(')');
  const match = NUMBER_PATTERN.exec(paren ? trimmed.slice(1, -1) : trimmed);
  if (!match) return undefined;
  const [, sign1, sign2, digits = '', suffix = '', percent] = match;
  if (digits.includes(',') && !/^\d{1,3}(?:,\d{3})*(?:\.\d+)?$/.test(digits)) return undefined;
  const first = suffix.charAt(0).toLowerCase();
  const factor = first === 'k' ? 1e3 : first === 'm' ? 1e6 : first === 'b' ? 1e9 : 1;
  const value = Number(digits.replace(/,/g, '')) * factor;
  const negative = paren !== (sign1 === '-' || sign2 === '-');
  return { value: negative ? -value : value, percent: percent === '%' };
}

describe("NUMBER_PATTERN reads exactly what parseNumberText's scanner reads", () => {
  const same = (text: string) => {
    const scanned = parseNumberText(text);
    expect(readByPattern(text)).toEqual(
      scanned === undefined ? undefined : { value: scanned.value, percent: scanned.percent },
    );
  };
  const piece = (options: readonly string[]) => fc.constantFrom(...options);
  const space = piece(['', '', ' ', '  ', '\u00a0', '\t', '\u3000']);

  test('texts built from the grammar, with a stray character now and then (property)', () => {
    const text = fc
      .tuple(
        space,
        piece(['', '', '-', '+']),
        space,
        piece(['', '', '$', '€', '£', '¥', 'usd', 'EUR', 'Gbp', 'us']),
        space,
        piece(['', '', '-', '+']),
        space,
        piece([
          '0',
          '5',
          '12',
          '1,200',
          '12,00',
          '1,234,567.5',
          '.5',
          '5.',
          '3.25',
          '1,2',
          ',5',
          '007',
        ]),
        space,
        piece(['', '', 'k', 'K', '\u212a', 'm', 'MM', 'mM', 'b', 'bn', 'BN', 'n', 'x', 'e']),
        space,
        piece(['', '', '%', '%%']),
        space,
        piece(['', '', 'usd', 'eur', 'GBP', 'ſd', 'uſd']),
        space,
        fc.boolean(),
        piece(['', '', '', '', 'x', '.', ',', '-', '(', ')']),
      )
      .map(([...parts]) => {
        const paren = parts[15] as boolean;
        const stray = parts[16] as string;
        const body = (parts.slice(0, 15) as string[]).join('');
        return (paren ? `(${body})` : body) + stray;
      });
    fc.assert(
      fc.property(text, (t) => same(t)),
      { numRuns: 20_000 },
    );
  });

  test("any short text of the grammar's characters (property)", () => {
    const chars = '0123456789,.-+$€%kKmMbBnNuUsSdDeEgGpP() \u00a0\u212a';
    const text = fc.array(fc.constantFrom(...chars), { maxLength: 10 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, (t) => same(t)),
      { numRuns: 20_000 },
    );
  });

  test.each(['1' + ' '.repeat(70) + '2', ' '.repeat(80) + '5', '5' + '0'.repeat(64)])(
    'a text longer than any figure (%#)',
    (text) => same(text),
  );
});

describe('names', () => {
  test.each(SIGNALS.map((signal) => [signal.label, signal.id]))(
    '"%s" in snake case still names its column',
    (label, id) => {
      expect(signalForHeader(snakeCase(label))?.id).toBe(id);
    },
  );

  test('the default columns are the model’s signals in snake case', () => {
    expect(defaultColumns(resolveModel('four-factor'))).toEqual(
      expect.arrayContaining(['dau_mau', 'features_used', 'nps', 'payment_status', 'arr_trend']),
    );
  });

  test('a name that could close its quotes is refused', () => {
    expect(() => BIGQUERY.table('p.d.t` UNION SELECT 1 --')).toThrow(ArgumentError);
    expect(() => BIGQUERY.column('a\\`b')).toThrow(ArgumentError);
    expect(() => DUCKDB.column('a"b')).toThrow(ArgumentError);
    expect(() => DUCKDB.table('t\n')).toThrow(ArgumentError);
    expect(DUCKDB.table('main.accounts')).toBe('"main"."accounts"');
  });

  test('text is quoted for each dialect', () => {
    expect(BIGQUERY.string("it's a\\b")).toBe("'it\\'s a\\\\b'");
    expect(DUCKDB.string("it's a\\b")).toBe("'it''s a\\b'");
  });

  test('numbers are exactly the JavaScript number: DuckDB reads them through text', () => {
    expect(BIGQUERY.number(30)).toBe('30.0');
    expect(BIGQUERY.number(-0.5)).toBe('(-0.5)');
    expect(BIGQUERY.number(0.29999999999999993)).toBe('0.29999999999999993');
    expect(DUCKDB.number(0.19)).toBe("CAST('0.19' AS DOUBLE)");
    expect(DUCKDB.number(1e-9)).toBe("CAST('1e-9' AS DOUBLE)");
    expect(() => BIGQUERY.number(Number.NaN)).toThrow();
  });
});

describe('the BigQuery query', () => {
  const models = [...PRESETS, EVERY_DIMENSION];

  test.each(models.map((model) => [model.name, model]))('%s', (_name, model) => {
    const sql = healthModelSql(model, {
      dialect: 'bigquery',
      table: 'p.d.accounts',
      columns: DEMO_HEADERS,
      view: 'p.d.health',
    });
    // A view's query may hold at most 256K characters in BigQuery.
    expect(sql.length).toBeLessThan(256_000);
    for (const duckOnly of ['regexp_matches', 'TRY_CAST', 'strip_accents', 'EXCLUDE', 'DOUBLE']) {
      expect(sql).not.toContain(duckOnly);
    }
    const outputs = Object.values(HEALTH_COLUMNS).map((name) => ` AS ${name}`);
    for (const output of outputs) expect(sql).toContain(output);
    // Every internal column is left out of the result, which keeps the table's own.
    const internal = new Set(sql.match(/ AS (_cse_[a-z0-9_]+)/g)?.map((m) => m.slice(4)));
    const except = /SELECT\n {2}\* EXCEPT \(([^)]*)\)/.exec(sql)?.[1]?.split(', ') ?? [];
    expect(new Set(except)).toEqual(
      new Set([...internal].filter((c) => !c.startsWith('_cse_stage'))),
    );
  });

  test('counts from the current date in the time zone unless given a day', () => {
    const sql = healthModelSql(resolveModel('cs-engine'), {
      dialect: 'bigquery',
      table: 't',
      timeZone: 'Europe/Paris',
    });
    expect(sql).toContain("CURRENT_DATE('Europe/Paris')");
  });

  test('a table with nothing the model reads is refused, as HEALTHSCORE refuses such headers', () => {
    expect(() =>
      healthModelSql(resolveModel('cs-engine'), {
        dialect: 'bigquery',
        table: 't',
        columns: ['Account', 'Notes'],
      }),
    ).toThrow('none of the columns names health data the CS Engine (default) model can use.');
  });
});

test('docs/bigquery.md lists every difference between the dialects', () => {
  const docs = fs.readFileSync(path.resolve(__dirname, '../../docs/bigquery.md'), 'utf8');
  const differences = docs.slice(docs.indexOf('## Dialect differences'));
  for (const [key, bigQuery] of Object.entries(BIGQUERY)) {
    const duck = (DUCKDB as unknown as Record<string, unknown>)[key];
    if (key === 'name' || String(bigQuery) === String(duck)) continue;
    expect(differences).toContain(`\`${key}\``);
  }
});
