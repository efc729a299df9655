/**
 * A book in DuckDB, for the SQL parity tests and the benchmark: one text column per header
 * holding each cell as a CSV export writes it (dates as YYYY-MM-DD, blanks as NULL), plus the
 * row's position, and the health SQL run over it.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { cellText } from './demo-book';

/** The column holding each row's position (0-based) in the book. */
const ROW_COLUMN = '_row';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function openDuckDB(): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:');
  return instance.connect();
}

/** Creates `table` holding the book's cells as text. */
export async function loadBook(
  connection: DuckDBConnection,
  table: string,
  headers: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  const columns = [`${quote(ROW_COLUMN)} INTEGER`, ...headers.map((h) => `${quote(h)} VARCHAR`)];
  await connection.run(`CREATE OR REPLACE TABLE ${quote(table)} (${columns.join(', ')})`);
  const appender = await connection.createAppender(table);
  rows.forEach((row, index) => {
    appender.appendInteger(index);
    for (let column = 0; column < headers.length; column++) {
      const text = cellText(row[column]);
      if (text === '') appender.appendNull();
      else appender.appendVarchar(text);
    }
    appender.endRow();
  });
  appender.closeSync();
}

/** What the health SQL gives for one row. */
export interface SqlHealthRow {
  readonly score: number | null;
  readonly tier: string;
  readonly drivers: string;
  readonly error: string | null;
}

/** Runs the health SQL and returns its rows in the book's order. */
export async function runHealthSql(
  connection: DuckDBConnection,
  sql: string,
): Promise<SqlHealthRow[]> {
  const reader = await connection.runAndReadAll(
    `SELECT ${quote(ROW_COLUMN)}, health_score, health_tier, health_drivers, health_error FROM (${sql.replace(/;\s*$/, '')}) ORDER BY 1`,
  );
  return reader.getRowsJS().map(([, score, tier, drivers, error]) => ({
    score: score === null ? null : Number(score),
    tier: String(tier),
    drivers: String(drivers),
    error: error === null ? null : String(error),
  }));
}
