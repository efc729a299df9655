/**
 * Deciding today's alerts: every live account of the book is scored and checked against the
 * alert rules, the alert memory in History says what is new or due as a reminder, and each
 * decision becomes an Alert Log entry for its recipients. History gets today's score and
 * memory. No Apps Script here: the run reads the sheets and writes the results.
 */
import { describeProblem } from '../../core/book';
import { planRead, readAccountRows, readLayout } from '../../core/book';
import { describeCell } from '../../core/cells';
import type { DayNumber } from '../../core/dates';
import { isEmailAddress } from '../../core/escape';
import { columnsNeededBy, scoreAccount } from '../../core/health';
import {
  type AccountHistory,
  historyKey,
  previousEntry,
  recordDay,
  tierSinceFor,
} from '../../core/history';
import { type HealthModel, tierFor } from '../../core/models';
import type { SignalId } from '../../core/signals';
import { decide } from '../../core/alerts/memory';
import { type Severity, evaluateRules, worstSeverity } from '../../core/alerts/rules';
import type { Rows } from '../workbook/ports';
import { type LogEntry, notice } from './alert-log';

/** Signals the rules read, besides the model's. */
const ALERT_SIGNALS: readonly SignalId[] = [
  'account',
  'accountId',
  'csm',
  'csmEmail',
  'status',
  'renewalDate',
  'renewalConversation',
  'usageChange',
  'lastLogin',
  'ticketTrend',
  'csat',
  'competitorMentioned',
  'dataExportRequested',
  'missedMeetings',
  'championStatus',
  'sponsorStatus',
  'formalComplaint',
  'seatsActive',
  'seatsLicensed',
];

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
  /** Also gets every Critical account ('' for nobody). */
  readonly escalation: string;
  readonly reminderDays: number;
  /** "key|rule" of the alerts today's log already holds (a rerun after a crash). */
  readonly loggedToday: ReadonlySet<string>;
  /** Preview: the entries say "preview" instead of "queued". */
  readonly preview: boolean;
}

export interface Evaluation {
  /** Alerts to queue, and notices of rows skipped. */
  readonly entries: LogEntry[];
  /** Every account's History with today recorded. */
  readonly histories: Map<string, AccountHistory>;
  /** Accounts checked (scored and live). */
  readonly accounts: number;
  /** Live rows that could not be scored. */
  readonly skipped: number;
}

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
      note: 'Escalation copy of a Critical account.',
    });
  }
  return routes;
}

export function evaluateBook(input: EvaluationInput): Evaluation {
  const { today, now, model, owner, preview, loggedToday } = input;
  const histories = new Map(input.histories);
  const layout = readLayout(input.book[0] ?? []);
  const needed = columnsNeededBy(model);
  const plan = planRead(
    layout,
    { signals: new Set([...needed.signals, ...ALERT_SIGNALS]), dimensions: needed.dimensions },
    { timeZone: input.timeZone },
  );
  const columns = new Set(layout.signals.keys());
  const rows = readAccountRows(input.book.slice(1), plan);
  const entries: LogEntry[] = [];
  let skipped = 0;
  let accounts = 0;
  const skippedEntry = (account: string, key: string, row: number, detail: string) =>
    notice(now, 'skipped', detail, { account, key, row });

  for (const account of rows) {
    if (account.blank) continue;
    const sheetRow = account.index + 2;
    const values = account.values;
    const name = values.account ?? `Row ${sheetRow}`;
    const key = historyKey(values, sheetRow);
    if (values.status === 'churned') continue;
    const result = scoreAccount(account, model, today);
    if (result.kind !== 'scored') {
      skipped++;
      entries.push(
        skippedEntry(
          name,
          key,
          sheetRow,
          result.kind === 'error'
            ? `Not scored: ${result.message}`
            : 'Not scored: the row has no health data.',
        ),
      );
      continue;
    }
    accounts++;
    const history = histories.get(key);
    const previous = previousEntry(history, today);
    const previousTier = previous ? tierFor(model, previous.score).label : undefined;
    const tier = result.tier.label;
    const tierSince = tierSinceFor(history, tier, previousTier, today);
    const findings = evaluateRules({
      today,
      model,
      score: result.score,
      tier,
      tierSince,
      dimensions: result.dimensions,
      values,
      columns,
      history,
    });
    const decision = decide(findings, history?.alerts ?? new Map(), today, input.reminderDays);
    const unread = account.problems.filter(({ source }) => !needed.signals.has(source as SignalId));
    // A rerun after a crash: what today's log already holds was decided already.
    const toSend = decision.toSend.filter((f) => !loggedToday.has(`${key}|${f.rule}`));
    if (toSend.length > 0) {
      const severities = toSend.map((finding) => finding.severity);
      for (const route of routeRecipients(values.csmEmail, owner, severities, input.escalation)) {
        const sent = route.critical ? toSend.filter((f) => f.severity === 'critical') : toSend;
        const reminders = sent.filter((finding) => finding.reminder).length;
        entries.push({
          time: now,
          account: name,
          key,
          row: sheetRow,
          recipient: route.to,
          severity: worstSeverity(sent) ?? 'watch',
          score: result.score,
          tier,
          change: previous ? result.score - previous.score : '',
          reasons: sent.map((finding) =>
            finding.reminder ? `${finding.reason} (reminder)` : finding.reason,
          ),
          rules: sent.map((finding) => finding.rule),
          status: preview ? 'preview' : 'queued',
          detail: [route.note, reminders > 0 ? `${reminders} reminder(s).` : '']
            .filter(Boolean)
            .join(' '),
          attempts: 0,
        });
      }
    }
    if (unread.length > 0) {
      entries.push(
        skippedEntry(
          name,
          key,
          sheetRow,
          `Some checks could not run: ${unread.map(describeProblem).join('; ')}`,
        ),
      );
    }
    histories.set(
      key,
      recordDay(history, {
        key,
        account: name,
        today,
        score: result.score,
        tier,
        tierSince,
        alerts: decision.memory,
      }),
    );
  }
  return { entries, histories, accounts, skipped };
}
