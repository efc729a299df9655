/**
 * The "Daily alert run" section of docs/benchmarks.md: the run's cost over a 10,000-account
 * book (bench/alerts.ts) and how many alerts it sends (bench/alert-volume.ts). `npm run bench`
 * writes it with the rest; `npm run bench:alerts` measures only this and replaces the section
 * in the existing report.
 */
import { benchAlertRuns } from './alerts';
import { measureAlertVolume, volumeRows } from './alert-volume';

/** The section's heading: where it starts in docs/benchmarks.md. */
export const ALERT_SECTION_HEADING = '## Daily alert run';

function md(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  right = new Set<number>(),
): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (right.has(i) ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0));

/** Measures the alert run and returns the section, logging as it goes. */
export function alertSection(log: (text: string) => void): string {
  const runs = benchAlertRuns(10_000);
  for (const run of runs) {
    log(
      `  Alert run, ${run.accounts.toLocaleString('en-US')} accounts, ${run.label}: ${fmt(run.ms)} ms, ${run.emails} emails`,
    );
  }
  const volumes = [
    measureAlertVolume({ book: 'Demo book', accounts: 200, days: 30 }),
    measureAlertVolume({
      book: '10,000-account book',
      accounts: 10_000,
      days: 30,
      accountsPerCsm: 150,
    }),
  ];
  for (const volume of volumes) {
    log(
      `  Alert volume, ${volume.book}, ${volume.days.length - 1} days: ${fmt(volume.ms / 1000)} s`,
    );
  }
  const runRows = runs.map((run) => [
    run.label,
    run.accounts.toLocaleString('en-US'),
    fmt(run.ms),
    String(run.spreadsheetCalls),
    String(run.mailCalls),
    String(run.emails),
    run.summary,
  ]);
  const [demo, large] = volumes;
  return `${ALERT_SECTION_HEADING}

The hourly trigger's run at the chosen hour over a 10,000-account messy book, in the local
runtime: read the book, score it, record History, queue alerts in the Alert Log, send one
digest per recipient (Workspace quota of 1,500). Spreadsheet calls count every
SpreadsheetApp, Spreadsheet, Sheet and Range call; they do not grow with the number of
accounts (a test checks 100 against 10,000). The first run is a baseline: one summary per
CSM instead of an alert per account already in a condition.

${md(['Run', 'Accounts', 'ms', 'Spreadsheet calls', 'Mail calls', 'Emails', 'Result'], runRows, new Set([1, 2, 3, 4, 5]))}

### How many alerts a CSM gets

Measured by \`bench/alert-volume.ts\` through the bundle, the runtime's clock moving one day
per run: the first run, the next day, and ${(demo?.days.length ?? 1) - 1} days. Every day the book ages (its dates stay
as typed), the customers who use the product log in (on about 70% of days), CSMs touch about
one account in 14, and ${demo?.changesPerDay ?? 0} accounts a day per 200 (2.5 in 100) change signals as real ones
do: mostly bad news (a champion leaves, usage drops, a competitor, a ticket spike, missed
meetings, now and then a complaint or a data export request), which the CSM deals with in one
to four weeks, and some good (usage recovers, a new champion). The 10,000-account book is
given a team of ${large?.csms ?? 0} CSMs of about 150 accounts (the generator's six CSMs would have 1,700 each);
the demo book keeps its ${demo?.csms ?? 0}. "Accounts in them" counts each account in each digest once;
"alerts per 100 active accounts" is those accounts per 100 live, scored accounts (a day's
average for the month).
Target: after the baseline, a typical day sends each CSM a digest of at most a handful of
accounts (the cap is ${demo?.cap ?? 25}; what is over it is linked in the Alert Log).

${md(['Book', 'Run', 'Sent', 'Alerts per 100 active accounts', 'What the CSMs read'], [...(demo ? volumeRows(demo) : []), ...(large ? volumeRows(large) : [])], new Set([3]))}
`;
}
