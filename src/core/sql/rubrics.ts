/**
 * Every rubric of src/core/rubrics.ts in SQL. The bands, tables and scores are read from the
 * rubrics' own definitions (SCALES, TABLES), never retyped; what each form spells out is how
 * its rubric picks a value from them, step for step as the TypeScript does, with the same
 * arithmetic in the same order so that the results are equal to the last bit. The DuckDB
 * parity tests (test/bundle/sql-parity.test.ts) hold each form to its rubric.
 */
import * as r from '../rubrics';
import { type Band, type Rubric, type Scale, type ScoreRange, SCALES, TABLES } from '../rubrics';
import type { SignalId } from '../signals';
import type { Dialect } from './dialect';
import { caseWhen } from './query';

export interface RubricContext {
  readonly dialect: Dialect;
  /** A signal's value: a column of the row, NULL when the row (or the table) has none. */
  value(id: SignalId): string;
  /**
   * A quantity some rubrics share (the seat utilisation, the days since the last login...),
   * computed once in a stage before the rubrics; returns its column.
   */
  quantity(name: string, expression: () => string): string;
  /** The day to count from, a DATE. */
  readonly today: string;
}

/** A rubric's SQL: its score, NULL when the row has no data for it. */
export type RubricSql = (c: RubricContext) => string;

// ------------------------------------------------------------------ building blocks

/** placeIn: linear inside the band, its ends beyond them. */
function placeIn(c: RubricContext, band: Band, value: string): string {
  const n = (x: number) => c.dialect.number(x);
  const rise = band.high - band.low;
  // A band with one score (a step) is that score wherever the value falls.
  if (rise === 0) return n(band.low);
  const run = band.to - band.from;
  if (run === 0) return caseWhen([[`${value} <= ${n(band.from)}`, n(band.low)]], n(band.high));
  return caseWhen(
    [
      [`${value} <= ${n(band.from)}`, n(band.low)],
      [`${value} >= ${n(band.to)}`, n(band.high)],
    ],
    `${n(band.low)} + ((${n(rise)} * (${value} - ${n(band.from)})) / ${n(run)})`,
  );
}

/** scoreOnScale: the first band whose end the value has not passed. */
function onScale(c: RubricContext, value: string, scale: Scale): string {
  const n = (x: number) => c.dialect.number(x);
  const last = scale[scale.length - 1];
  return caseWhen(
    [
      [`${value} IS NULL`, 'NULL'],
      ...scale.map(
        (band) =>
          [
            `${value} ${band.toIncluded ? '<=' : '<'} ${n(band.to)}`,
            placeIn(c, band, value),
          ] as const,
      ),
    ],
    n(last?.high ?? 0),
  );
}

function middleOf(range: ScoreRange): number {
  return (range.low + range.high) / 2;
}

/** A yes/no signal's score. */
function yesNo(c: RubricContext, table: { yes: number; no: number }, value: string): string {
  const n = (x: number) => c.dialect.number(x);
  return caseWhen([
    [value, n(table.yes)],
    [`NOT ${value}`, n(table.no)],
  ]);
}

/** A category's score from its table; NULL for a blank cell or a category the table leaves out. */
function lookUp(
  c: RubricContext,
  table: Readonly<Record<string, number | undefined>>,
  value: string,
): string {
  return caseWhen(
    Object.entries(table)
      .filter((entry): entry is [string, number] => entry[1] !== undefined)
      .map(([key, score]) => [`${value} = ${c.dialect.string(key)}`, c.dialect.number(score)]),
  );
}

/** A score from a table of two keys, each 'unknown' when its expression is NULL. */
function lookUp2(
  c: RubricContext,
  table: Readonly<Record<string, Readonly<Record<string, number | undefined>>>>,
  rowKey: string,
  columnKey: string,
): string {
  const key = (expression: string) => `COALESCE(${expression}, 'unknown')`;
  const branches: [string, string][] = [];
  for (const [row, scores] of Object.entries(table)) {
    for (const [column, score] of Object.entries(scores)) {
      if (score === undefined) continue;
      branches.push([
        `${key(rowKey)} = ${c.dialect.string(row)} AND ${key(columnKey)} = ${c.dialect.string(column)}`,
        c.dialect.number(score),
      ]);
    }
  }
  return caseWhen(branches);
}

const isTrue = (value: string) => `COALESCE(${value}, FALSE)`;

/** The scale of one signal. */
const scaleOf =
  (signal: SignalId, scale: Scale): RubricSql =>
  (c) =>
    onScale(c, c.value(signal), scale);

/** Math.min(1, x). */
const atMostOne = (x: string) => `(CASE WHEN ${x} < 1 THEN ${x} ELSE 1 END)`;

/** Days from a date to today, never negative (daysSince). */
const daysSince =
  (signal: 'lastLogin' | 'lastCsmContact', scale: Scale): RubricSql =>
  (c) => {
    const days = c.quantity(`days_since_${signal === 'lastLogin' ? 'login' : 'contact'}`, () => {
      const between = c.dialect.daysBetween(c.value(signal), c.today);
      return `CAST((CASE WHEN ${between} < 0 THEN 0 ELSE ${between} END) AS ${c.dialect.float})`;
    });
    return onScale(c, days, scale);
  };

// ------------------------------------------------------------------ shared quantities

function seatUtilization(c: RubricContext): string {
  return c.quantity('seat_utilization', () => {
    const active = c.value('seatsActive');
    const licensed = c.value('seatsLicensed');
    return `(CASE WHEN ${active} IS NULL OR ${licensed} IS NULL OR ${licensed} <= 0 THEN NULL ELSE ${active} / ${licensed} END)`;
  });
}

function featureAdoption(c: RubricContext): string {
  return c.quantity('feature_adoption', () => {
    const used = c.value('featuresUsed');
    const available = c.value('featuresAvailable');
    return caseWhen(
      [
        [
          `${used} IS NOT NULL AND ${available} IS NOT NULL AND ${available} > 0`,
          atMostOne(`${used} / ${available}`),
        ],
      ],
      c.value('featureAdoption'),
    );
  });
}

/** hasChampion: a champion who left, or none, is no champion whatever the Champion column says. */
function champion(c: RubricContext): string {
  return c.quantity('champion', () => {
    const status = c.value('championStatus');
    return caseWhen(
      [
        [`${status} IN ('left', 'none')`, 'FALSE'],
        [`${status} IS NOT NULL AND ${c.value('champion')} IS NULL`, 'TRUE'],
      ],
      c.value('champion'),
    );
  });
}

/** weakChampion: a new or at-risk champion. */
function weakChampion(c: RubricContext): string {
  return c.quantity('weak_champion', () =>
    isTrue(`${c.value('championStatus')} IN ('new', 'at-risk')`),
  );
}

// ------------------------------------------------------------------ the multi-signal rubrics

const relationshipEngine: RubricSql = (c) => {
  const n = (x: number) => c.dialect.number(x);
  const bands = TABLES.relationshipEngine;
  const hasChampion = champion(c);
  const weak = weakChampion(c);
  const sponsor = c.value('executiveSponsor');
  const contacts = c.value('contacts');
  const inRange = (band: Band) =>
    caseWhen(
      [
        [weak, n(band.low)],
        [`${contacts} IS NULL`, n(middleOf(band))],
      ],
      placeIn(c, band, contacts),
    );
  const multiThreaded = `(${isTrue(sponsor)} OR ${isTrue(`${contacts} >= 3`)})`;
  return caseWhen([
    [`${hasChampion} IS NULL AND ${sponsor} IS NULL AND ${contacts} IS NULL`, 'NULL'],
    [
      `NOT ${isTrue(hasChampion)}`,
      placeIn(
        c,
        bands.noChampion,
        `COALESCE(${contacts}, (CASE WHEN ${isTrue(sponsor)} THEN 1 ELSE 0 END))`,
      ),
    ],
    [`NOT ${multiThreaded}`, inRange(bands.championOnly)],
    [isTrue(sponsor), inRange(bands.multiWithSponsor)],
    ['TRUE', inRange(bands.multiWithoutSponsor)],
  ]);
};

const relationshipPillar: RubricSql = (c) => {
  const n = (x: number) => c.dialect.number(x);
  const bands = TABLES.relationshipPillar;
  const hasChampion = isTrue(champion(c));
  const weak = weakChampion(c);
  const sponsor = c.value('executiveSponsor');
  const contacts = c.value('contacts');
  // The people the row names count when the Contacts column says fewer (or nothing).
  const named = `((CASE WHEN ${hasChampion} THEN 1 ELSE 0 END) + (CASE WHEN ${isTrue(sponsor)} THEN 1 ELSE 0 END))`;
  const counted = `COALESCE(${contacts}, 0)`;
  const people = `(CASE WHEN ${counted} > ${named} THEN ${counted} ELSE ${named} END)`;
  const inRange = (band: Band) =>
    caseWhen([[`${hasChampion} AND ${weak}`, n(band.low)]], placeIn(c, band, people));
  return caseWhen([
    [`${champion(c)} IS NULL AND ${sponsor} IS NULL AND ${contacts} IS NULL`, 'NULL'],
    [`${isTrue(sponsor)} AND ${hasChampion}`, inRange(bands.strongMultiThreaded)],
    [isTrue(sponsor), inRange(bands.goodSponsor)],
    [hasChampion, inRange(bands.singleThreaded)],
    ['TRUE', inRange(bands.noExecutiveAccess)],
  ]);
};

const csmEngagementOffice: RubricSql = (c) => {
  const known = (condition: string, value: string) =>
    `(CASE WHEN ${value} IS NULL THEN 'unknown' WHEN ${condition} THEN 'yes' ELSE 'no' END)`;
  const meetings = c.value('meetings90');
  const missed = c.value('missedMeetings');
  return lookUp2(
    c,
    TABLES.csmEngagementOffice,
    known(`${meetings} >= 3`, meetings),
    known(`${missed} = 0`, missed),
  );
};

const outcomesEngine: RubricSql = (c) => {
  const n = (x: number) => c.dialect.number(x);
  const o = TABLES.outcomesEngine;
  const defined = c.value('goalsDefined');
  const achieved = c.value('goalsAchieved');
  const roi = c.value('roiDocumented');
  const share = c.quantity('goal_share', () =>
    caseWhen([
      [`${defined} IS NOT NULL AND ${defined} > 0`, atMostOne(`${achieved} / ${defined}`)],
    ]),
  );
  const inRange = (range: ScoreRange, placed?: Band) =>
    caseWhen(
      [
        [isTrue(roi), n(range.high)],
        ...(placed ? [[`${share} IS NOT NULL`, placeIn(c, placed, share)] as const] : []),
        [`${roi} = FALSE`, n(range.low)],
      ],
      n(middleOf(range)),
    );
  return caseWhen([
    [`${achieved} IS NULL`, yesNo(c, o.roiOnly, roi)],
    [`${achieved} <= 0`, inRange(o.none)],
    [`${share} IS NULL OR ${share} < 1`, inRange(o.some, o.some)],
    ['TRUE', inRange(o.all)],
  ]);
};

/** CSAT: a 1-5 rating on its scale, or a share of satisfied answers as is. */
const csat: RubricSql = (c) => {
  const value = c.value('csat');
  const share = `((${value} > 0 AND ${value} < 1) OR ${value} > 5)`;
  return caseWhen(
    [
      [`${value} IS NULL`, 'NULL'],
      [
        share,
        `(CASE WHEN ${value} > 5 THEN ${value} ELSE ${value} * ${c.dialect.number(100)} END)`,
      ],
    ],
    onScale(c, value, SCALES.csatRating),
  );
};

/** A flag that, when set, scores 0 and otherwise leaves the rubric out. */
const zeroWhen =
  (signal: SignalId): RubricSql =>
  (c) =>
    caseWhen([[isTrue(c.value(signal)), c.dialect.number(0)]]);

/** Every rubric's SQL, by the rubric. */
const FORMS = new Map<Rubric, RubricSql>([
  [r.dauMauEngine, scaleOf('dauMau', SCALES.dauMauEngine)],
  [r.dauMauOffice, scaleOf('dauMau', SCALES.dauMauOffice)],
  [r.seatsPlaybook, (c) => onScale(c, seatUtilization(c), SCALES.seatsPlaybook)],
  [r.featuresOffice, (c) => onScale(c, featureAdoption(c), SCALES.featuresOffice)],
  [
    r.usageTrendEngine,
    (c) =>
      caseWhen(
        [
          [
            `${c.value('usageChange')} IS NOT NULL`,
            onScale(c, c.value('usageChange'), SCALES.usageChangeEngine),
          ],
        ],
        lookUp(c, TABLES.usageTrendEngine, c.value('usageTrend')),
      ),
  ],
  [r.loginTrendEngine, (c) => lookUp(c, TABLES.usageTrendEngine, c.value('loginTrend'))],
  [r.lastLogin, daysSince('lastLogin', SCALES.lastLogin)],
  [r.lastContact, daysSince('lastCsmContact', SCALES.lastContact)],
  [r.meetings, scaleOf('meetings90', SCALES.meetings)],
  [r.missedMeetings, scaleOf('missedMeetings', SCALES.missedMeetings)],
  [r.training, scaleOf('trainingCompletion', SCALES.training)],
  [r.community, (c) => yesNo(c, TABLES.community, c.value('communityActive'))],
  [r.relationshipEngine, relationshipEngine],
  [r.relationshipPillar, relationshipPillar],
  [r.npsOffice, scaleOf('nps', SCALES.npsOffice)],
  [r.sponsorOffice, (c) => yesNo(c, TABLES.sponsorOffice, c.value('executiveSponsor'))],
  [r.csmEngagementOffice, csmEngagementOffice],
  [r.competitorPillar, zeroWhen('competitorMentioned')],
  [r.outcomesEngine, outcomesEngine],
  [
    r.financialEngine,
    (c) => lookUp2(c, TABLES.financialEngine, c.value('paymentStatus'), c.value('arrTrend')),
  ],
  [r.paymentOffice, (c) => lookUp(c, TABLES.paymentOffice, c.value('paymentStatus'))],
  [r.growthOffice, (c) => lookUp(c, TABLES.growthOffice, c.value('arrTrend'))],
  [r.tickets, scaleOf('tickets30', SCALES.tickets)],
  [r.ticketTrend, (c) => lookUp(c, TABLES.ticketTrend, c.value('ticketTrend'))],
  [r.csat, csat],
  [r.criticalTickets, scaleOf('openCriticalTickets', SCALES.criticalTickets)],
  [r.escalations, scaleOf('escalations', SCALES.escalations)],
  [r.complaint, zeroWhen('formalComplaint')],
  [r.sponsorPresent, (c) => yesNo(c, TABLES.sponsorPresent, c.value('executiveSponsor'))],
]);

/** The SQL of a rubric; a rubric without one is a mistake in this file, said at once. */
export function rubricSql(rubric: Rubric): RubricSql {
  const form = FORMS.get(rubric);
  if (!form) throw new Error(`The rubric ${rubric.name || '(unnamed)'} has no SQL form.`);
  return form;
}
