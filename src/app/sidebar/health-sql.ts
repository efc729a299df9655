/**
 * "Your health model in BigQuery", from the sidebar: the SQL that computes what HEALTHSCORE,
 * HEALTHTIER and HEALTHDRIVERS compute, for the add-on's current model and the book's column
 * mapping, over a BigQuery table loaded from this book (its columns named after the book's
 * headers, as BigQuery names them: "Usage ratio" becomes usage_ratio). The same generator as
 * `npm run sql`; it runs in the actions bundle, never in a custom function.
 */
import { ArgumentError, resolveModel } from '../../core/models';
import { healthModelSql, snakeCase } from '../../core/sql/health';
import { findBookSheet } from '../workbook/book';
import { effectiveHeaderRow, readColumnMap } from '../workbook/columns';
import type { WorkbookPorts } from '../workbook/ports';
import { loadSettings } from '../workbook/settings';
import type { HealthSqlRequest, HealthSqlView } from './api';
import { SidebarError } from './errors';

/** project.dataset.table (the project may hold hyphens), as BigQuery names a table. */
const TABLE = /^[a-z][a-z0-9-]{4,28}[a-z0-9]\.[A-Za-z0-9_]{1,1024}\.[A-Za-z0-9_-]{1,1024}$/;

export function healthSql(ports: WorkbookPorts, request: HealthSqlRequest): HealthSqlView {
  const table = String(request?.table ?? '').trim();
  if (!TABLE.test(table)) {
    throw new SidebarError(
      'Give the BigQuery table as project.dataset.table, for example my-project.cs.accounts.',
    );
  }
  const settings = loadSettings(ports.properties);
  const map = readColumnMap(ports.sheets);
  const sheet = findBookSheet(ports.sheets, settings.bookSheet, map);
  const header = ports.sheets.header(sheet);
  const model = resolveModel(settings.model || undefined);
  try {
    const sql = healthModelSql(model, {
      dialect: 'bigquery',
      table,
      columns: header.map((cell) => snakeCase(String(cell ?? ''))),
      labels: effectiveHeaderRow(ports.sheets, header, map).map((cell) => String(cell ?? '')),
      timeZone: ports.timeZone,
    });
    return { sql, model: model.name, sheet };
  } catch (error) {
    if (error instanceof ArgumentError) throw new SidebarError(`The book ${error.message}`);
    throw error;
  }
}
