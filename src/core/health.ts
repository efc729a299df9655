/**
 * The composite health score of one account, its tier, and what drags it down.
 *
 * score = sum(weight x sub-score) / sum(weight of the dimensions that have data), so a
 * dimension with no data neither counts as 0 nor as 100: its weight is shared among the
 * others in proportion to their weights.
 */
import { type AccountRow, describeProblem } from './book';
import type { DayNumber } from './dates';
import { scoreRecipe } from './dimensions';
import type { DimensionId } from './dimensions';
import type { SignalId } from './signals';
import { type HealthModel, type Tier, signalsUsedBy, tierFor } from './models';
import type { BookLayout, NeededColumns } from './book';

export interface DimensionScore {
  readonly id: DimensionId;
  readonly label: string;
  /** The model's weight, as given (relative). */
  readonly weight: number;
  /** 0-100; undefined when the row has no data for this dimension. */
  readonly score: number | undefined;
  /** Where the sub-score came from: a dimension column, or the raw signals. */
  readonly from: 'column' | 'signals' | 'none';
}

export type HealthResult =
  | { readonly kind: 'blank' }
  | { readonly kind: 'error'; readonly message: string }
  | {
      readonly kind: 'scored';
      /** The score rounded half up, 0-100. */
      readonly score: number;
      /** The unrounded score. */
      readonly exact: number;
      readonly tier: Tier;
      readonly dimensions: readonly DimensionScore[];
    };

/** What rounding forgives: binary noise such as 74.49999999999999 for 74.5. */
export const ROUNDING_NOISE = 1e-9;

/** Rounds half up, forgiving ROUNDING_NOISE. */
export function roundHalfUp(value: number): number {
  return Math.floor(value + 0.5 + ROUNDING_NOISE);
}

/**
 * The longest text HEALTHTIER passes through as a message (HEALTHSCORE's row messages are
 * far shorter); longer text is not a message, and is quoted by an excerpt instead.
 */
export const MAX_PASSED_MESSAGE = 2_000;

/** HEALTHTIER's text for a score cell that holds no score 0-100 (`found` as quoted). */
export function notAScoreMessage(found: string): string {
  return `Score: expected a number 0-100, found ${found}`;
}

/** Between the problems of one row, in its error text. */
export const PROBLEMS_BETWEEN = '; ';

/** The error of a row in which no dimension of the model can be computed. */
export function noHealthDataMessage(model: HealthModel): string {
  return `No health data in this row: none of ${model.dimensions
    .map((dimension) => dimension.label)
    .join(
      ', ',
    )} could be computed. Fill in signals such as DAU/MAU, Seats active, Last login, Champion or Payment status.`;
}

export function columnsNeededBy(model: HealthModel): NeededColumns {
  return {
    signals: signalsUsedBy(model),
    dimensions: new Set(model.dimensions.map((dimension) => dimension.id)),
  };
}

/** Whether a book's columns hold anything the model can score with. */
export function usesAnyColumn(layout: BookLayout, model: HealthModel): boolean {
  const needed = columnsNeededBy(model);
  return (
    [...needed.signals].some((id) => layout.signals.has(id)) ||
    [...needed.dimensions].some((id) => layout.subScores.has(id))
  );
}

function dimensionScores(
  account: AccountRow,
  model: HealthModel,
  today: DayNumber,
): DimensionScore[] {
  const input = { values: account.values, today };
  // Plain literals, no object spread: this runs for every row of large books.
  return model.dimensions.map(({ id, label, weight, recipe }) => {
    const typed = account.subScores[id];
    const score = typed ?? scoreRecipe(recipe, input);
    const from = typed !== undefined ? 'column' : score === undefined ? 'none' : 'signals';
    return { id, label, weight, score, from };
  });
}

export function scoreAccount(
  account: AccountRow,
  model: HealthModel,
  today: DayNumber,
): HealthResult {
  if (account.blank) return { kind: 'blank' };
  // Only the model's own columns can stop a score: a use case may read other columns too.
  if (account.problems.length > 0) {
    const needed = columnsNeededBy(model);
    const problems = account.problems.filter(
      ({ source }) =>
        needed.signals.has(source as SignalId) || needed.dimensions.has(source as DimensionId),
    );
    if (problems.length > 0) {
      return { kind: 'error', message: problems.map(describeProblem).join(PROBLEMS_BETWEEN) };
    }
  }
  const dimensions = dimensionScores(account, model, today);
  let weighted = 0;
  let weightPresent = 0;
  for (const dimension of dimensions) {
    if (dimension.score === undefined || dimension.weight <= 0) continue;
    weighted += dimension.weight * dimension.score;
    weightPresent += dimension.weight;
  }
  if (weightPresent === 0) return { kind: 'error', message: noHealthDataMessage(model) };
  const exact = Math.min(100, Math.max(0, weighted / weightPresent));
  const score = roundHalfUp(exact);
  return { kind: 'scored', score, exact, tier: tierFor(model, score), dimensions };
}

export interface Driver {
  readonly label: string;
  readonly score: number;
  /** Points of the composite lost to this dimension: share of weight x (100 - sub-score). */
  readonly pointsLost: number;
}

/** The dimensions that cost the most points, worst first. */
export function driversOf(dimensions: readonly DimensionScore[]): Driver[] {
  const present = dimensions.filter((d) => d.score !== undefined && d.weight > 0);
  const total = present.reduce((sum, d) => sum + d.weight, 0);
  if (total === 0) return [];
  return present
    .map((d) => ({
      label: d.label,
      score: d.score as number,
      pointsLost: (d.weight / total) * (100 - (d.score as number)),
    }))
    .sort((a, b) => b.pointsLost - a.pointsLost);
}

/**
 * Points lost, to the nearest point with halves rounded down, as in the design's own example
 * (Relationship 30/100 at 15% weight costs 10.5 points and reads "-10 pts").
 */
function pointsShown(points: number): number {
  return Math.max(0, Math.ceil(points - 0.5 - ROUNDING_NOISE));
}

/** How HEALTHDRIVERS words its text (src/core/sql/ writes the same words in SQL). */
export const DRIVERS_TEXT = {
  /** How many drivers are shown by default. */
  shown: 3,
  between: '; ',
  none: 'Nothing is costing points',
  noData: 'No data: ',
  missingBetween: ', ',
  partsBetween: '. ',
} as const;

/** One driver, from its figures already written out: "Product usage 20/100 (-24 pts)". */
export function driverLine(label: string, score: string, points: string): string {
  return `${label} ${score}/100 (-${points} pts)`;
}

/**
 * "Product usage 20/100 (-24 pts); Relationship 30/100 (-10 pts). No data: Outcomes".
 * At most `limit` drivers, and only those that cost at least half a point.
 */
export function describeDrivers(
  dimensions: readonly DimensionScore[],
  limit: number = DRIVERS_TEXT.shown,
): string {
  const drivers = driversOf(dimensions)
    .filter((driver) => pointsShown(driver.pointsLost) > 0)
    .slice(0, limit)
    .map((driver) =>
      driverLine(
        driver.label,
        String(roundHalfUp(driver.score)),
        String(pointsShown(driver.pointsLost)),
      ),
    );
  const missing = dimensions.filter((d) => d.score === undefined).map((d) => d.label);
  const t = DRIVERS_TEXT;
  const parts: string[] = [];
  parts.push(drivers.length > 0 ? drivers.join(t.between) : t.none);
  if (missing.length > 0) parts.push(`${t.noData}${missing.join(t.missingBetween)}`);
  return parts.join(t.partsBetween);
}
