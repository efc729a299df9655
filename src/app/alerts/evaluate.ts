/**
 * Deciding today's alerts: every account's snapshot (src/core/snapshot.ts, the same as the
 * sidebar's and the Dashboard's) gives its findings; churned accounts are left out. The alert
 * memory in History says what is new or due as a reminder, and each decision becomes an Alert
 * Log entry for its recipients. History gets today's score and memory. No Apps Script here:
 * the run reads the sheets and writes the results.
 *
 * On a baseline day (src/core/alerts/baseline.ts) what already holds is recorded, each
 * recipient gets a summary row of where their book stands, and their digest is that summary.
 */
import { describeProblem, planRead, readAccountRows, readLayout } from '../../core/book';
import { describeCell } from '../../core/cells';
import type { DayNumber } from '../../core/dates';
import { isEmailAddress } from '../../core/escape';
import { columnsNeededBy } from '../../core/health';
import { type AccountHistory, historyKey, recordDay } from '../../core/history';
import type { HealthModel } from '../../core/models';
import type { SignalId } from '../../core/signals';
import {
  IDENTITY_SIGNALS,
  LIFECYCLE_SIGNALS,
  accountSnapshot,
  columnsForSnapshot,
} from '../../core/snapshot';
import { Standing, alertFingerprint, standingLines } from '../../core/alerts/baseline';
import { decide, timerUnknown } from '../../core/alerts/memory';
import { RULE_SIGNALS, type Severity, worstSeverity } from '../../core/alerts/rules';
import { formatCount } from '../../core/text';
import type { Rows } from '../workbook/ports';
import { BOOK_SUMMARY_RULE, type LogEntry, chatCell, notice, summaryKey } from './alert-log';

/** Columns whose bad cell means an alert check could not run (besides the model's). */
const CHECKED_SIGNALS: ReadonlySet<SignalId> = new Set([
  ...IDENTITY_SIGNALS,
  ...LIFECYCLE_SIGNALS,
  ...RULE_SIGNALS,
]);

export interface EvaluationInput {
  /** The book's values, header row first. */
  readonly book: Rows;
  /** Every account's History before today's run; updated copies come back in the result. */
  readonly histories: ReadonlyMap<string, AccountHistory>;
  readonly model: HealthModel;
  readonly today: DayNumber;
  readonly now: Date;
  readonly timeZone: string;
  /** Gets the rows without a valid CSM email. */
  readonly owner: string;
  /** Also gets every account to act on today ('' for nobody). */
  readonly escalation: string;
  readonly reminderDays: number;
  /** "key|rule" of the alerts today's log already holds (a rerun after a crash). */
  readonly loggedToday: ReadonlySet<string>;
  /** Preview: the entries say "preview" instead of "queued". */
  readonly preview: boolean;
  /** The fingerprint of the last baseline (null before the first): a change starts a new one. */
  readonly baselineFingerprint: string | null;
  /** The chat webhook is on: each CSM's rows are also to be posted. */
  readonly chat: boolean;
}

export interface Evaluation {
  /** Alerts to queue, and notices of rows skipped. */
  readonly entries: LogEntry[];
  /** Every account's History with today recorded. */
  readonly histories: Map<string, AccountHistory>;
  /** Accounts checked (scored and live). */
  readonly accounts: number;
  /** Churned accounts, left out. */
  readonly churned: number;
  /** Live rows that could not be scored. */
  readonly skipped: number;
  /** Today is a baseline: summaries instead of alerts for what already holds. */
  readonly baseline: boolean;
  /** The model's and columns' fingerprint, to keep once today's run is recorded. */
  readonly fingerprint: string;
}

const BASELINE_DETAIL =
  'Baseline: already so when alerts started afresh; in the summary of the book, not sent on its own.';

interface Route {
  readonly to: string;
  readonly critical: boolean;
  readonly note: string;
}

function routeRecipients(
  csmEmail: string | undefined,
  owner: string,
  severities: readonly Severity[],
  escalation: string,
): Route[] {
  const valid = csmEmail !== undefined && isEmailAddress(csmEmail);
  // Addresses are case-insensitive: "Ana@Acme.com" and "ana@acme.com" get one digest.
  const routes: Route[] = [
    {
      to: valid ? csmEmail.trim().toLowerCase() : owner.toLowerCase(),
      critical: false,
      note: valid
        ? ''
        : csmEmail
          ? `CSM email '${describeCell(csmEmail)}' is not a valid address; sent to the owner.`
          : 'No CSM email in the book; sent to the owner.',
    },
  ];
  const escalationTo = escalation.trim().toLowerCase();
  if (severities.includes('critical') && escalationTo && escalationTo !== routes[0]?.to) {
    routes.push({
      to: escalationTo,
      critical: true,
      note: 'Escalation copy of an account to act on today.',
    });
  }
  return routes;
}

export function evaluateBook(input: EvaluationInput): Evaluation {
  const { today, now, model, owner, preview, loggedToday } = input;
  const histories = new Map(input.histories);
  const layout = readLayout(input.book[0] ?? []);
  const modelSignals = columnsNeededBy(model).signals;
  const plan = planRead(layout, columnsForSnapshot(model), { timeZone: input.timeZone });
  const columns = new Set(layout.signals.keys());
  const fingerprint = alertFingerprint(model, columns);
  const baseline = input.baselineFingerprint !== fingerprint;
  const rows = readAccountRows(input.book.slice(1), plan);
  const entries: LogEntry[] = [];
  /** Where each CSM's book stands (baseline summaries), in the order their rows come. */
  const standings = new Map<string, Standing>();
  const wholeBook = new Standing();
  let skipped = 0;
  let accounts = 0;
  let churned = 0;

  for (const account of rows) {
    if (account.blank) continue;
    const history = histories.get(historyKey(account.values, account.index + 2));
    const snapshot = accountSnapshot({ account, model, today, columns, history });
    const { name, key, row, values } = snapshot;
    const about = { account: name, key, row };
    if (snapshot.lifecycle.status === 'churned') {
      churned++;
      continue;
    }
    const { score, tier, tierEntered } = snapshot;
    if (score === undefined || !tier || tierEntered === undefined) {
      skipped++;
      entries.push(
        notice(
          now,
          'skipped',
          snapshot.health.kind === 'error'
            ? `Not scored: ${snapshot.health.message}`
            : 'Not scored: the row has no health data.',
          about,
        ),
      );
      continue;
    }
    accounts++;
    const standing = {
      tier: tier.label,
      worst: worstSeverity(snapshot.findings),
      atRisk: snapshot.atRisk,
      arr: values.arr,
    };
    wholeBook.add(standing);
    const firstSeen = history?.entries[0]?.day ?? today;
    const findings = snapshot.findings.filter(
      (finding) => !timerUnknown(finding.rule, tierEntered, firstSeen),
    );
    const decision = decide(findings, history?.alerts ?? new Map(), {
      today,
      reminderDays: input.reminderDays,
      baseline,
    });
    // A rerun after a crash: what today's log already holds was decided already.
    const decided = baseline
      ? decision.baseline.map((finding) => ({ ...finding, reminder: false }))
      : decision.toSend;
    const toSend = decided.filter((f) => !loggedToday.has(`${key}|${f.rule}`));
    const routes = routeRecipients(
      values.csmEmail,
      owner,
      toSend.map((finding) => finding.severity),
      input.escalation,
    );
    const csm = (routes[0] as Route).to;
    let mine = standings.get(csm);
    if (!mine) standings.set(csm, (mine = new Standing()));
    mine.add(standing);
    if (toSend.length > 0) {
      for (const route of routes) {
        const sent = route.critical ? toSend.filter((f) => f.severity === 'critical') : toSend;
        const reminders = sent.filter((finding) => finding.reminder).length;
        entries.push({
          time: now,
          account: name,
          key,
          row,
          recipient: route.to,
          severity: worstSeverity(sent) ?? 'watch',
          score,
          tier: tier.label,
          change: snapshot.previous ? score - snapshot.previous.score : '',
          reasons: sent.map((finding) =>
            finding.reminder ? `${finding.reason} (reminder)` : finding.reason,
          ),
          rules: sent.map((finding) => finding.rule),
          status: preview ? 'preview' : 'queued',
          detail: [
            route.note,
            baseline ? BASELINE_DETAIL : '',
            reminders > 0 ? `${formatCount(reminders, 'reminder')}.` : '',
          ]
            .filter(Boolean)
            .join(' '),
          attempts: 0,
          arr: values.arr ?? '',
          chat: input.chat && !route.critical ? chatCell.queued() : '',
        });
      }
    }
    const unread = account.problems.filter(
      ({ source }) =>
        CHECKED_SIGNALS.has(source as SignalId) && !modelSignals.has(source as SignalId),
    );
    if (unread.length > 0) {
      entries.push(
        notice(
          now,
          'skipped',
          `Some checks could not run: ${unread.map(describeProblem).join('; ')}`,
          about,
        ),
      );
    }
    histories.set(
      key,
      recordDay(history, {
        key,
        account: name,
        today,
        score,
        tier: tier.label,
        tierSince: tierEntered,
        alerts: decision.memory,
      }),
    );
  }
  if (baseline) {
    const summaries: [string, Standing, 'yours' | 'book'][] = [...standings].map(
      ([to, standing]) => [to, standing, 'yours'],
    );
    const escalation = input.escalation.trim().toLowerCase();
    if (escalation && !standings.has(escalation)) summaries.push([escalation, wholeBook, 'book']);
    for (const [to, standing, whose] of summaries) {
      if (loggedToday.has(summaryKey(to))) continue;
      entries.push({
        ...notice(now, 'skipped', ''),
        account: whose === 'yours' ? 'Your book' : 'The whole book',
        recipient: to,
        reasons: standingLines(standing, model, whose),
        rules: [BOOK_SUMMARY_RULE],
        status: preview ? 'preview' : 'queued',
        detail:
          'Baseline: where the book stands when alerts start afresh (turned on, or a new health model or new columns).',
        chat: input.chat && whose === 'yours' ? chatCell.queued() : '',
      });
    }
  }
  return { entries, histories, accounts, churned, skipped, baseline, fingerprint };
}
