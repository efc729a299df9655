/**
 * CHURNRISK, EXPANSIONREADY, ENGAGEMENTLEVEL (a book range in, one result per row out, each
 * from the account's snapshot), RENEWALSTAGE, WINBACKSTAGE and TTFV (date columns in).
 */
import { type AccountRow, planRead, readAccountRows, readLayout } from '../core/book';
import { type CellValue, Invalid, describeCell, isBlank, readText } from '../core/cells';
import { type DayNumber, readDay } from '../core/dates';
import { ACCOUNT_STATUS } from '../core/categories';
import {
  type AccountSnapshot,
  accountSnapshot,
  columnsForSnapshot,
  describeRisk,
  lifecycleOf,
  riskFindings,
} from '../core/snapshot';
import { renewalStage, ttfvTarget, winBackStage } from '../core/lifecycle';
import { ArgumentError, defaultModel } from '../core/models';
import { type Segment, segmentNamed, segmentOf } from '../core/segments';
import type { FunctionContext } from './context';
import { bookArguments, cellsOfColumn, isRange, mapCells, toGrid } from './ranges';
import { todayOf } from './today';
import { formatCount } from '../core/text';

const DATE = 'a date such as 2026-11-23';

/** Reads a book range and takes every row's snapshot with the default health model. */
function snapshotsOfBook<T>(
  fn: string,
  headers: unknown,
  rows: unknown,
  today: DayNumber,
  context: FunctionContext,
  present: (snapshot: AccountSnapshot) => T,
  blank: T,
): T[] {
  const { headerRow, rowGrid } = bookArguments(fn, headers, rows);
  const model = defaultModel();
  const layout = readLayout(headerRow);
  if (layout.signals.size === 0 && layout.subScores.size === 0) {
    throw new ArgumentError(
      `${fn}: none of the headers names a column CS Engine knows (such as Account, DAU/MAU, Last login or Renewal date). Check that headers is the book's header row.`,
    );
  }
  const plan = planRead(layout, columnsForSnapshot(model), { timeZone: context.timeZone });
  const columns = new Set(layout.signals.keys());
  return readAccountRows(rowGrid, plan).map((account: AccountRow) =>
    account.blank ? blank : present(accountSnapshot({ account, model, today, columns })),
  );
}

function unscored(snapshot: AccountSnapshot): string | undefined {
  const { health } = snapshot;
  return health.kind === 'error' ? health.message : undefined;
}

const churned = (snapshot: AccountSnapshot) => snapshot.lifecycle.status === 'churned';

export function churnRisk(
  headers: unknown,
  rows: unknown,
  todayArg: unknown,
  context: FunctionContext,
): string[][] {
  const today = todayOf('CHURNRISK', todayArg, context);
  return snapshotsOfBook(
    'CHURNRISK',
    headers,
    rows,
    today,
    context,
    (snapshot) => {
      if (churned(snapshot)) return ['Churned'];
      return [unscored(snapshot) ?? describeRisk(riskFindings(snapshot))];
    },
    [''],
  );
}

export function expansionReady(
  headers: unknown,
  rows: unknown,
  todayArg: unknown,
  context: FunctionContext,
): string[][] {
  const today = todayOf('EXPANSIONREADY', todayArg, context);
  return snapshotsOfBook(
    'EXPANSIONREADY',
    headers,
    rows,
    today,
    context,
    (snapshot) => {
      if (churned(snapshot)) return ['Closed', 'Churned'];
      const problem = unscored(snapshot);
      const { gate, expansion } = snapshot;
      const reasons = problem
        ? [`✗ health not scored: ${problem}`, ...gate.reasons.slice(1)]
        : gate.reasons;
      const signals = expansion.length > 0 ? expansion.join('; ') : 'none';
      return [gate.open ? 'Open' : 'Closed', `${reasons.join('; ')}. Signals: ${signals}`];
    },
    ['', ''],
  );
}

export function engagementLevelOfBook(
  headers: unknown,
  rows: unknown,
  todayArg: unknown,
  context: FunctionContext,
): string[][] {
  const today = todayOf('ENGAGEMENTLEVEL', todayArg, context);
  return snapshotsOfBook(
    'ENGAGEMENTLEVEL',
    headers,
    rows,
    today,
    context,
    (snapshot) => {
      if (churned(snapshot)) return ['Churned', 'No engagement level: the account has churned'];
      const { account, engagement } = snapshot;
      const usage = account.problems.find((problem) =>
        [
          'dauMau',
          'lastLogin',
          'coreActionsPerWeek',
          'featuresUsed',
          'featuresAvailable',
          'featureAdoption',
        ].includes(problem.source),
      );
      if (usage) {
        return [`${usage.column}: expected ${usage.expected}, found '${usage.found}'`, ''];
      }
      if (!engagement) {
        return ['', 'No usage data: add DAU/MAU, Core actions per week or Last login'];
      }
      return [
        engagement.level,
        `${engagement.basis}. ${engagement.behavior}; ${engagement.retention}. Action: ${engagement.action}`,
      ];
    },
    ['', ''],
  );
}

function dayCell(
  cell: CellValue,
  argument: string,
  timeZone: string,
): DayNumber | string | undefined {
  const day = readDay(cell, timeZone);
  if (day instanceof Invalid) return `${argument}: expected ${DATE}, found '${day.found}'`;
  return day;
}

function describeRenewal(renewal: DayNumber, today: DayNumber): string {
  const stage = renewalStage(renewal, today);
  const days = stage.daysToRenewal;
  if (stage.overdue) {
    return `Overdue: the renewal date passed ${formatCount(-days, 'day')} ago. ${stage.step?.action ?? ''}`.trim();
  }
  if (!stage.step) {
    const next = stage.next;
    return `Not started: ${formatCount(days, 'day')} to renewal. ${next ? `Day ${next.day} (${next.title}) in ${formatCount(days + next.day, 'day')}` : ''}`.trim();
  }
  const next = stage.next
    ? ` Next: day ${stage.next.day}, ${stage.next.title}, in ${formatCount(days + stage.next.day, 'day')}.`
    : '';
  return `Day ${stage.step.day}: ${stage.step.title}, ${formatCount(days, 'day')} to renewal. ${stage.step.action}.${next}`;
}

const STATUS_EXPECTED = `${ACCOUNT_STATUS.expected}, or a churn date`;

/**
 * A cell of RENEWALSTAGE's `status`: the Status column's word, or the Churn date column's
 * date; read into what lifecycleOf needs.
 */
function statusCell(
  cell: CellValue,
  timeZone: string,
): { status?: 'active' | 'churned'; churnDate?: DayNumber } | string {
  if (isBlank(cell)) return {};
  const status = ACCOUNT_STATUS.read(cell);
  if (status !== undefined && !(status instanceof Invalid)) return { status };
  const day = readDay(cell, timeZone);
  if (typeof day === 'number') return { churnDate: day };
  return `status: expected ${STATUS_EXPECTED}, found '${describeCell(cell)}'`;
}

/**
 * The renewal step of each date; with `status` (the Status or the Churn date column, same
 * rows), a churned account gets no countdown, as everywhere else in CS Engine.
 */
export function renewalStageOf(
  renewalDate: unknown,
  todayArg: unknown,
  statusArg: unknown,
  context: FunctionContext,
): string | string[][] {
  const today = todayOf('RENEWALSTAGE', todayArg, context);
  const statuses =
    statusArg === undefined || isBlank(statusArg as CellValue) ? [] : toGrid(statusArg);
  const dates = toGrid(renewalDate);
  const single = statuses.length === 1 && statuses[0]?.length === 1;
  if (statuses.length > 0 && !single) {
    const rows = dates.length;
    const columns = dates[0]?.length ?? 0;
    if (statuses.length !== rows || (statuses[0]?.length ?? 0) !== columns) {
      throw new ArgumentError(
        `RENEWALSTAGE: status has ${formatCount(statuses.length, 'row')} and ${formatCount(statuses[0]?.length ?? 0, 'column')} but renewal_date has ${formatCount(rows, 'row')} and ${formatCount(columns, 'column')}. Give the Status (or Churn date) column of the same rows.`,
      );
    }
  }
  const stageOf = (cell: CellValue, r: number, c: number): string => {
    const day = dayCell(cell, 'renewal_date', context.timeZone);
    if (day === undefined) return '';
    if (typeof day === 'string') return day;
    if (statuses.length > 0) {
      const status = statusCell(single ? statuses[0]?.[0] : statuses[r]?.[c], context.timeZone);
      if (typeof status === 'string') return status;
      if (lifecycleOf(status, today).status === 'churned') {
        return 'Churned: no renewal to prepare';
      }
    }
    return describeRenewal(day, today);
  };
  if (!isRange(renewalDate)) return stageOf(renewalDate as CellValue, 0, 0);
  return dates.map((row, r) => row.map((cell, c) => stageOf(cell, r, c)));
}

export function winBackStageOf(
  churnDate: unknown,
  todayArg: unknown,
  context: FunctionContext,
): string | string[][] {
  const today = todayOf('WINBACKSTAGE', todayArg, context);
  return mapCells(churnDate, (cell) => {
    const day = dayCell(cell, 'churn_date', context.timeZone);
    if (day === undefined) return '';
    if (typeof day === 'string') return day;
    const stage = winBackStage(today - day);
    if (!stage) return `churn_date: ${describeCell(cell)} is after today; no win-back stage yet`;
    return `${stage.stage}: ${stage.approach} (${stage.successRate} win back)`;
  });
}

/** A segment cell: its name, or an ARR amount (segmented as SEGMENT does). */
function readSegment(cell: CellValue): Segment | undefined | Invalid {
  if (isBlank(cell)) return undefined;
  if (typeof cell === 'number')
    return cell >= 0 ? segmentOf(cell) : new Invalid(describeCell(cell));
  const text = readText(cell);
  if (typeof text !== 'string') return new Invalid(describeCell(cell));
  const known = segmentNamed(text);
  if (known) return known;
  const amount = Number(text.replace(/[$,\s]/g, ''));
  if (text !== '' && Number.isFinite(amount) && amount >= 0) return segmentOf(amount);
  return new Invalid(describeCell(cell));
}

export function ttfv(
  start: unknown,
  firstValue: unknown,
  segmentArg: unknown,
  context: FunctionContext,
): (string | number)[][] {
  const starts = cellsOfColumn(start, 'start', 'TTFV');
  const values = cellsOfColumn(firstValue, 'first_value', 'TTFV');
  if (starts.length !== values.length) {
    throw new ArgumentError(
      `TTFV: start has ${formatCount(starts.length, 'row')} but first_value has ${formatCount(values.length, 'row')}. Give two columns of the same length, one row per account.`,
    );
  }
  const segments = segmentArg === undefined ? [] : cellsOfColumn(segmentArg, 'segment', 'TTFV');
  if (segments.length > 1 && segments.length !== starts.length) {
    throw new ArgumentError(
      `TTFV: segment has ${formatCount(segments.length, 'row')} but start has ${formatCount(starts.length, 'row')}. Give one segment for all rows or one per row.`,
    );
  }
  return starts.map((startCell, index) => {
    const from = dayCell(startCell, 'start', context.timeZone);
    const to = dayCell(values[index], 'first_value', context.timeZone);
    if (typeof from === 'string') return [from, ''];
    if (typeof to === 'string') return [to, ''];
    if (from === undefined && to === undefined) return ['', ''];
    if (from === undefined) return ['start: missing (the first value has a date)', ''];
    if (to === undefined) return ['', 'No first value yet'];
    const days = to - from;
    if (days < 0) return [`first_value: ${describeCell(values[index])} is before the start`, ''];
    const segmentCell = segments.length === 1 ? segments[0] : segments[index];
    const segment = readSegment(segmentCell);
    if (segment instanceof Invalid) {
      return [
        days,
        `segment: expected Enterprise, Mid-Market, SMB, Self-Serve or an ARR, found '${segment.found}'`,
      ];
    }
    if (segment === undefined) return [days, ''];
    const target = ttfvTarget(segment);
    const what = `${target.label} for ${segment}`;
    if (target.days < 1 && days === 0) {
      return [days, `Same day (target ${what}: dates alone cannot tell minutes)`];
    }
    if (days <= target.days) return [days, `On target (${what})`];
    const late = days - Math.floor(target.days);
    return [days, `Late by ${late} day${late === 1 ? '' : 's'} (target ${what})`];
  });
}
