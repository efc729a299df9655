/**
 * "Check setup": the add-on's view of the user's real spreadsheet, in words a CSM
 * understands: the book's columns, the alert trigger, today's mail quota, permissions, and
 * the sheets CS Engine owns.
 */
import { checkHeaders } from './header-check';
import { escapeHtml } from '../core/escape';
import type { AlertPorts } from './alerts/ports';
import { statusText } from './alerts/control';
import { readArchive } from './alerts/queue';
import { ALERT_LOG_DAYS } from './alerts/alert-log';
import { formatCount } from '../core/text';
import { OWNED_SHEETS } from '../core/owned-sheets';
import { headerChange } from '../core/column-map';
import { findBookSheet } from './workbook/book';
import { effectiveHeaderRow, readColumnMap } from './workbook/columns';
import { loadSettings } from './workbook/settings';

import { SCOPES } from './scopes';

export interface DiagnosticsInput {
  readonly ports: AlertPorts;
  /** False when some permission everything needs still has to be granted. */
  readonly authorized: boolean;
  /** The scopes the project asks for (from the manifest, as deployed). */
  readonly scopes: readonly string[];
}

interface Check {
  readonly ok: boolean | 'info';
  readonly title: string;
  readonly lines: readonly string[];
}

function bookCheck(ports: AlertPorts): Check {
  const map = readColumnMap(ports.sheets);
  let name: string;
  try {
    name = findBookSheet(ports.sheets, loadSettings(ports.properties).bookSheet, map);
  } catch (error) {
    return { ok: false, title: 'Your book of accounts', lines: [(error as Error).message] };
  }
  const header = ports.sheets.header(name);
  const report = checkHeaders(name, header, effectiveHeaderRow(ports.sheets, header, map));
  const changed = headerChange(name, header, map);
  const rows = Math.max(0, ports.sheets.lastRow(name) - 1);
  return {
    ok: !report.message.includes('cannot score this book') && changed === null,
    title: `Your book of accounts: the "${name}" sheet, ${formatCount(rows, 'row')}`,
    lines: [
      ...(changed === null ? [] : [changed]),
      ...report.message.split('\n').filter((line) => line !== ''),
    ],
  };
}

function alertCheck(ports: AlertPorts): Check {
  const text = statusText(ports);
  const enabled = loadSettings(ports.properties).enabled;
  return {
    ok: enabled ? !text.includes('trigger is missing') && !text.includes('FAILED') : 'info',
    title: 'Daily alerts',
    lines: text.split('\n'),
  };
}

function permissionCheck(input: DiagnosticsInput): Check {
  const known = new Map(SCOPES.map((entry) => [entry.scope, entry]));
  const chatOn = loadSettings(input.ports.properties).webhookUrl !== '';
  const chatGranted = input.ports.chat.permitted();
  return {
    ok: input.authorized && (!chatOn || chatGranted),
    title: !input.authorized
      ? 'Permissions: some are still missing. Run any CS Engine menu item and accept the request.'
      : chatOn && !chatGranted
        ? 'Permissions: chat is on, but posting to Slack or Google Chat is not allowed. Open Alerts > Alert settings and paste the webhook again to allow it.'
        : 'Permissions: everything CS Engine needs is granted',
    lines: input.scopes.map((scope) => {
      const entry = known.get(scope);
      const state = entry?.optional ? ` (${chatGranted ? 'granted' : 'not granted'})` : '';
      return `${scope.replace('https://www.googleapis.com/auth/', '')}: ${entry?.why ?? 'used by CS Engine'}${state}`;
    }),
  };
}

function ownedSheetsCheck(ports: AlertPorts): Check {
  const present = new Set(ports.sheets.sheetNames());
  const archive = readArchive(ports.properties);
  const lines = [...OWNED_SHEETS].map((name) =>
    present.has(name)
      ? `${name}: present, ${formatCount(Math.max(0, ports.sheets.lastRow(name) - 1), 'row')}.`
      : `${name}: not created yet.`,
  );
  if (archive) {
    const total = Object.values(archive.counts).reduce((sum, count) => sum + count, 0);
    lines.push(
      `Alert Log: ${formatCount(total, 'older row')} (${archive.from} to ${archive.through}) were removed to keep it to ${ALERT_LOG_DAYS} days; their counts are kept: ${Object.entries(
        archive.counts,
      )
        .map(([status, count]) => `${count} ${status}`)
        .join(', ')}.`,
    );
  }
  return {
    ok: 'info',
    title: 'Sheets CS Engine owns (it never writes anywhere else)',
    lines,
  };
}

/** Google Sheets holds at most 10 million cells, counting every sheet's whole grid. */
const SPREADSHEET_CELL_LIMIT = 10_000_000;

function cellsCheck(ports: AlertPorts): Check {
  const used = ports.sheets.cellsUsed();
  const share = used / SPREADSHEET_CELL_LIMIT;
  return {
    ok: share < 0.8 ? 'info' : false,
    title: `Cells used: ${used.toLocaleString('en-US')} of ${SPREADSHEET_CELL_LIMIT.toLocaleString('en-US')} (${(share * 100).toFixed(1)}%)`,
    lines: [
      'Google Sheets counts every cell of every sheet, blank or not, toward this limit; once it is reached no sheet can grow. CS Engine keeps its own sheets as narrow as their columns, its History to two years and its Alert Log to 90 days.',
      ...(share < 0.8
        ? []
        : [
            'Delete unused columns and rows (right-click a column letter > Delete columns), or move old data to another spreadsheet.',
          ]),
    ],
  };
}

export function runDiagnostics(input: DiagnosticsInput): {
  title: string;
  html: string;
  ok: boolean;
} {
  const { ports } = input;
  const checks: Check[] = [
    bookCheck(ports),
    alertCheck(ports),
    {
      ok: ports.mail.remainingQuota() > 0 ? 'info' : false,
      title: `Emails left today: ${ports.mail.remainingQuota()}`,
      lines: [
        'Google limits how many recipients a script can email per day (100 for a personal account, 1,500 for Workspace). Alerts that do not fit wait in the Alert Log and go out first the next day.',
      ],
    },
    permissionCheck(input),
    ownedSheetsCheck(ports),
    cellsCheck(ports),
  ];
  const icon = (ok: Check['ok']) => (ok === 'info' ? 'ℹ️' : ok ? '✅' : '⚠️');
  const sections = checks.map(
    (check) =>
      `<section><h3>${icon(check.ok)} ${escapeHtml(check.title)}</h3><ul>${check.lines
        .map((line) => `<li>${escapeHtml(line)}</li>`)
        .join('')}</ul></section>`,
  );
  const html = `<style>body{font:13px Arial,sans-serif;color:#202124}h3{font-size:14px;margin:16px 0 4px}ul{margin:0;padding-left:18px}li{margin:2px 0}</style>${sections.join('')}`;
  return {
    title: `CS Engine: setup of "${ports.sheets.spreadsheetName()}"`,
    html,
    ok: checks.every((check) => check.ok !== false),
  };
}
