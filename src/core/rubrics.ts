/**
 * Rubrics: how one raw signal becomes a 0-100 sub-score.
 *
 * Every rubric is data first: a scale of bands (the values a band holds, whether each end
 * belongs to it, and the scores it runs between) or a table of scores by category. The
 * functions below only pick the signal and look it up, so the same definitions can be listed
 * in docs/scoring.md, checked boundary by boundary in tests, and compiled to other engines.
 *
 * How a playbook's words become a band: "<x" leaves x out, ">x" leaves x out, "x-y" holds
 * both ends. Where two ranges both claim a value ("good: 0.3-0.5", "at risk: 0.1-0.3"), the
 * value goes to the better band, the one the playbook lists first. Inside a band the score is
 * interpolated linearly over the quantity the playbook names, from the band's low score at
 * its lower end to its high score at its upper end (an open end is the limit). Where no
 * playbook gives a number, the rubric is CS Engine's own and docs/scoring.md says so.
 *
 * Names say what is scored, and a suffix whose bands score it: ...Engine the Customer
 * Success Engine, ...Playbook the bilingual Customer Success Playbook, ...Pillar the
 * five-pillar customer-success skill, ...Office the Customer Success office skill.
 */
import type { SignalTypes } from './signals';
import type { DayNumber } from './dates';
import type { ArrTrend, PaymentStatus, Trend } from './categories';

export type SignalValues = Partial<SignalTypes>;

/** One rubric input: the account's signals and today's date. */
export interface RubricInput {
  readonly values: SignalValues;
  readonly today: DayNumber;
}

export type Rubric = (input: RubricInput) => number | undefined;

/** A range of scores. */
export interface ScoreRange {
  readonly low: number;
  readonly high: number;
}

/** One band of a scale: values from `from` to `to` score from `low` to `high`, linearly. */
export interface Band extends ScoreRange {
  readonly from: number;
  readonly to: number;
  /** Whether `from` itself is in this band: false where the playbook writes ">from". */
  readonly fromIncluded: boolean;
  /** Whether `to` itself is in this band: false where the playbook writes "<to". */
  readonly toIncluded: boolean;
}

/**
 * Bands in ascending order, each starting where the previous one ends, every boundary value
 * in exactly one band (a test checks this for every scale). Below the first band scores the
 * first band's low; above the last, the last band's high.
 */
export type Scale = readonly Band[];

type Ends = '[]' | '[)' | '(]' | '()';

/** A band in interval notation: '[)' holds `from` and leaves `to` out. */
function band(ends: Ends, from: number, to: number, low: number, high: number): Band {
  return { from, to, fromIncluded: ends[0] === '[', toIncluded: ends[1] === ']', low, high };
}

/** A scale drawn through points (x ascending): continuous, so the ends' inclusion is moot. */
function line(...points: (readonly [number, number])[]): Scale {
  const bands: Band[] = [];
  for (let i = 1; i < points.length; i++) {
    const [x0, y0] = points[i - 1] as readonly [number, number];
    const [x1, y1] = points[i] as readonly [number, number];
    bands.push(band(i === 1 ? '[]' : '(]', x0, x1, y0, y1));
  }
  return bands;
}

/** The score of a value inside a band, linearly; values beyond its ends score its ends. */
function placeIn(b: Band, value: number): number {
  if (value <= b.from) return b.low;
  if (value >= b.to) return b.high;
  return b.low + ((b.high - b.low) * (value - b.from)) / (b.to - b.from);
}

/** The score of a value on a scale. Runs for every row of books of 100,000 rows. */
export function scoreOnScale(value: number, scale: Scale): number {
  for (const b of scale) {
    if (value < b.to || (value === b.to && b.toIncluded)) return placeIn(b, value);
  }
  return scale[scale.length - 1]?.high ?? 0;
}

/** The middle of a range: where a category lands when nothing places it inside the range. */
function middleOf(range: ScoreRange): number {
  return (range.low + range.high) / 2;
}

/** A category's score; undefined for a blank cell. */
function lookUp<K extends string>(
  table: Readonly<Record<K, number | undefined>>,
  key: K | undefined,
): number | undefined {
  return key === undefined ? undefined : table[key];
}

/** A yes/no signal's score. */
interface YesNo {
  readonly yes: number;
  readonly no: number;
}

function yesNo(table: YesNo, value: boolean | undefined): number | undefined {
  return value === undefined ? undefined : value ? table.yes : table.no;
}

// ------------------------------------------------------------------ the definitions
// Built once: the functions below only look them up.

/**
 * The Customer Success Engine scores each dimension 0-10 in three ranges ("0-3", "4-6",
 * "7-10"), read as 0-30, 40-60 and 70-100. A category with nothing to place it inside its
 * range scores the middle of the range.
 */
const ENGINE_RANGES = {
  low: { low: 0, high: 30 },
  middle: { low: 40, high: 60 },
  high: { low: 70, high: 100 },
} as const satisfies Record<string, ScoreRange>;

/** The office skill's tiers as score bands; a tier alone scores its middle, rounded half up. */
const OFFICE_TIERS = { excellent: 90, good: 70, atRisk: 50, critical: 20 } as const;

/** Customer Success Engine: "<20% DAU/MAU = 0-3, 20-40% = 4-6, >40% = 7-10"; 10 at 70%. */
const DAU_MAU_ENGINE: Scale = [
  band('[)', 0, 0.2, 0, 30),
  band('[]', 0.2, 0.4, 40, 60),
  band('(]', 0.4, 0.7, 70, 100),
];

/** Office skill: "critical: <0.1", "at_risk: 0.1-0.3", "good: 0.3-0.5", "excellent: >0.5". */
const DAU_MAU_OFFICE: Scale = [
  band('[)', 0, 0.1, 0, 39),
  band('[)', 0.1, 0.3, 40, 59),
  band('[]', 0.3, 0.5, 60, 79),
  band('(]', 0.5, 0.8, 80, 100),
];

/** Office skill: "critical: <40%", "at_risk: 40-60%", "good: 60-80%", "excellent: >80%". */
const FEATURES_OFFICE: Scale = [
  band('[)', 0, 0.4, 0, 39),
  band('[)', 0.4, 0.6, 40, 59),
  band('[]', 0.6, 0.8, 60, 79),
  band('(]', 0.8, 1, 80, 100),
];

/**
 * Bilingual playbook: "<20% of seats active = 0; 20-49% = 40, 50-74% = 70, 75-100% = 100".
 * Steps, not ranges of scores; whole percentages, so 49.5% has not reached 50%.
 */
const SEATS_PLAYBOOK: Scale = [
  band('[)', 0, 0.2, 0, 0),
  band('[)', 0.2, 0.5, 40, 40),
  band('[)', 0.5, 0.75, 70, 70),
  band('[]', 0.75, 1, 100, 100),
];

/**
 * Customer Success Engine's declining / flat / growing (0-3, 4-6, 7-10) over a month-over-
 * month change. The thresholds are CS Engine's: flat is -5% to +5%; -50% is 0, +50% is 100.
 */
const USAGE_CHANGE_ENGINE: Scale = [
  band('[)', -0.5, -0.05, 0, 30),
  band('[]', -0.05, 0.05, 40, 60),
  band('(]', 0.05, 0.5, 70, 100),
];

/** A trend word alone: the middle of its Customer Success Engine range. */
const TREND_ENGINE: Readonly<Record<Trend, number>> = {
  down: middleOf(ENGINE_RANGES.low),
  flat: middleOf(ENGINE_RANGES.middle),
  up: middleOf(ENGINE_RANGES.high),
};

/** Ticket trend: more tickets is the declining range. */
const TICKET_TREND_ENGINE: Readonly<Record<Trend, number>> = {
  down: middleOf(ENGINE_RANGES.high),
  flat: middleOf(ENGINE_RANGES.middle),
  up: middleOf(ENGINE_RANGES.low),
};

/** CS Engine: days since the last login (the office skill flags "no login in 30 days"). */
const LAST_LOGIN_DAYS = line([7, 100], [14, 70], [30, 20], [60, 0]);

/** CS Engine: days since the last proactive CSM contact. */
const LAST_CONTACT_DAYS = line([14, 100], [30, 70], [60, 30], [90, 0]);

/** CS Engine: meetings in 90 days; monthly (3) is 70, fortnightly (6) is 100. */
const MEETINGS_90_DAYS = line([0, 10], [1, 40], [3, 70], [6, 100]);

/** Two missed touchpoints in a row is a warning in two playbooks: 2 or more is 0. */
const MISSED_MEETINGS: Scale = [
  band('[)', 0, 1, 100, 100),
  band('[)', 1, 2, 50, 50),
  band('[]', 2, 2, 0, 0),
];

/** The share of training completed is the score. */
const TRAINING = line([0, 0], [1, 100]);

const COMMUNITY: YesNo = { yes: 100, no: 50 };

/**
 * NPS. An answer on 0-10, office skill: "detractor: 0-6", "passive: 7-8", "promoter: 9-10",
 * on the score bands 0-59, 60-79, 80-100; an average between two answers is interpolated
 * between them. An account-level NPS (-100 to 100, below 0 or above 10) is scaled to 0-100.
 */
const NPS_SCALE: Scale = [
  band('[)', -100, 0, 0, 50),
  band('[]', 0, 6, 0, 59),
  band('()', 6, 7, 59, 60),
  band('[]', 7, 8, 60, 79),
  band('()', 8, 9, 79, 80),
  band('[]', 9, 10, 80, 100),
  band('(]', 10, 100, 55, 100),
];

/** Office skill: executive sponsor identified. */
const SPONSOR_OFFICE: YesNo = { yes: OFFICE_TIERS.excellent, no: OFFICE_TIERS.critical };

/** Afrexai playbook's executive engagement: a sponsor in place (CS Engine's figures). */
const SPONSOR_PRESENT: YesNo = { yes: 100, no: 20 };

type Known = 'yes' | 'no' | 'unknown';

/**
 * Office skill: "regular_meetings" (3 or more in 90 days, CS Engine's threshold) and
 * "responsive_to_outreach" (no missed meeting).
 */
const CSM_ENGAGEMENT_OFFICE: Readonly<Record<Known, Readonly<Record<Known, number | undefined>>>> =
  {
    yes: { yes: OFFICE_TIERS.excellent, unknown: OFFICE_TIERS.good, no: OFFICE_TIERS.atRisk },
    unknown: { yes: OFFICE_TIERS.good, unknown: undefined, no: OFFICE_TIERS.atRisk },
    no: { yes: OFFICE_TIERS.atRisk, unknown: OFFICE_TIERS.atRisk, no: OFFICE_TIERS.critical },
  };

/**
 * Customer Success Engine relationship: "No champion = 0-3, Champion only = 4-6,
 * Multi-thread = 7-10", each range over the number of contacts. Multi-threaded is a champion
 * with an executive sponsor or 3+ contacts; without a sponsor it stops at 85.
 */
const RELATIONSHIP_ENGINE = {
  noChampion: band('[]', 0, 3, 0, 30),
  championOnly: band('[]', 1, 2, 40, 60),
  multiWithSponsor: band('[]', 2, 6, 70, 100),
  multiWithoutSponsor: band('[]', 3, 6, 70, 85),
} as const;

/**
 * Five-pillar skill's relationship bands: "0-49: No executive access", "50-69:
 * Single-threaded", "70-89: Good sponsor relationship", "90-100: Strong multi-threaded
 * relationship", each over the number of contacts (6 or more reaches the top).
 */
const RELATIONSHIP_PILLAR = {
  noExecutiveAccess: band('[]', 0, 6, 0, 49),
  singleThreaded: band('[]', 1, 6, 50, 69),
  goodSponsor: band('[]', 1, 6, 70, 89),
  strongMultiThreaded: band('[]', 2, 6, 90, 100),
} as const;

/**
 * Customer Success Engine outcomes: "0 goals met = 0-3, Some = 4-6, All = 7-10"; "some" runs
 * over the share of goals met, from 40 just above none to 60 just below all.
 */
const OUTCOMES_ENGINE = {
  none: ENGINE_RANGES.low,
  some: band('()', 0, 1, 40, 60),
  all: ENGINE_RANGES.high,
  /** ROI documented (or not) with no goal counted: CS Engine's figures. */
  roiOnly: { yes: 70, no: 30 } satisfies YesNo,
} as const;

/**
 * Customer Success Engine financial: "Late payments = 0-3, On-time = 4-6, Expanding = 7-10".
 * The ARR trend places the account inside the late and on-time ranges; delinquent is 0.
 */
const FINANCIAL_ENGINE: Readonly<
  Record<PaymentStatus | 'unknown', Readonly<Record<ArrTrend | 'unknown', number | undefined>>>
> = {
  delinquent: { contracting: 0, stable: 0, unknown: 0, expanding: 0 },
  late: { contracting: 0, stable: 15, unknown: 15, expanding: 30 },
  current: { contracting: 40, stable: 50, unknown: 50, expanding: 85 },
  unknown: { contracting: 40, stable: 50, unknown: undefined, expanding: 85 },
};

/** Office skill: "on_time: excellent", "late_1x: good", "late_2x+: at_risk". */
const PAYMENT_OFFICE: Readonly<Record<PaymentStatus, number>> = {
  current: OFFICE_TIERS.excellent,
  late: OFFICE_TIERS.good,
  delinquent: OFFICE_TIERS.atRisk,
};

/** Office skill: "expanding: excellent", "stable: good", "contracting: at_risk". */
const GROWTH_OFFICE: Readonly<Record<ArrTrend, number>> = {
  expanding: OFFICE_TIERS.excellent,
  stable: OFFICE_TIERS.good,
  contracting: OFFICE_TIERS.atRisk,
};

/** CS Engine: 0-2 tickets in 30 days is 100-90, 3-5 is 89-70, 6-10 is 69-50, 25+ is 0. */
const TICKETS_30_DAYS = line([0, 100], [2, 90], [3, 89], [5, 70], [6, 69], [10, 50], [25, 0]);

/** CSAT on 1-5: below 3 is flagged by one playbook, above 4.5 is another's target. */
const CSAT_RATING: Scale = [
  band('[)', 1, 3, 0, 39),
  band('[)', 3, 4, 40, 69),
  band('[)', 4, 4.5, 70, 89),
  band('[]', 4.5, 5, 90, 100),
];

/** CS Engine: open critical tickets. */
const CRITICAL_TICKETS = line([0, 100], [1, 40], [2, 15], [3, 0]);

/** CS Engine, after the five-pillar skill's "escalation frequency". */
const ESCALATIONS = line([0, 100], [1, 50], [2, 20], [3, 0]);

/**
 * The definitions, for tests and for compiling the rubrics elsewhere. SCALES are read
 * straight from one signal; the others are ranges and tables the multi-signal rubrics pick
 * from (see each rubric below for how).
 */
export const SCALES = {
  dauMauEngine: DAU_MAU_ENGINE,
  dauMauOffice: DAU_MAU_OFFICE,
  featuresOffice: FEATURES_OFFICE,
  seatsPlaybook: SEATS_PLAYBOOK,
  usageChangeEngine: USAGE_CHANGE_ENGINE,
  lastLogin: LAST_LOGIN_DAYS,
  lastContact: LAST_CONTACT_DAYS,
  meetings: MEETINGS_90_DAYS,
  missedMeetings: MISSED_MEETINGS,
  training: TRAINING,
  npsOffice: NPS_SCALE,
  tickets: TICKETS_30_DAYS,
  csatRating: CSAT_RATING,
  criticalTickets: CRITICAL_TICKETS,
  escalations: ESCALATIONS,
} as const satisfies Record<string, Scale>;

export const TABLES = {
  usageTrendEngine: TREND_ENGINE,
  ticketTrend: TICKET_TREND_ENGINE,
  community: COMMUNITY,
  sponsorOffice: SPONSOR_OFFICE,
  sponsorPresent: SPONSOR_PRESENT,
  csmEngagementOffice: CSM_ENGAGEMENT_OFFICE,
  relationshipEngine: RELATIONSHIP_ENGINE,
  relationshipPillar: RELATIONSHIP_PILLAR,
  outcomesEngine: OUTCOMES_ENGINE,
  financialEngine: FINANCIAL_ENGINE,
  paymentOffice: PAYMENT_OFFICE,
  growthOffice: GROWTH_OFFICE,
} as const;

// ---------------------------------------------------------------- product usage

export const dauMauEngine: Rubric = ({ values }) =>
  values.dauMau === undefined ? undefined : scoreOnScale(values.dauMau, DAU_MAU_ENGINE);

export const dauMauOffice: Rubric = ({ values }) =>
  values.dauMau === undefined ? undefined : scoreOnScale(values.dauMau, DAU_MAU_OFFICE);

/** Active seats over licensed seats, if both are known and seats were licensed. */
export function seatUtilization(values: SignalValues): number | undefined {
  const { seatsActive, seatsLicensed } = values;
  if (seatsActive === undefined || seatsLicensed === undefined || seatsLicensed <= 0) {
    return undefined;
  }
  return seatsActive / seatsLicensed;
}

export const seatsPlaybook: Rubric = ({ values }) => {
  const used = seatUtilization(values);
  return used === undefined ? undefined : scoreOnScale(used, SEATS_PLAYBOOK);
};

/** Features used over available, or the Feature adoption column. */
export function featureAdoption(values: SignalValues): number | undefined {
  const { featuresUsed, featuresAvailable } = values;
  if (featuresUsed !== undefined && featuresAvailable !== undefined && featuresAvailable > 0) {
    return Math.min(1, featuresUsed / featuresAvailable);
  }
  return values.featureAdoption;
}

export const featuresOffice: Rubric = ({ values }) => {
  const adoption = featureAdoption(values);
  return adoption === undefined ? undefined : scoreOnScale(adoption, FEATURES_OFFICE);
};

/** A month-over-month change places the account in its range; a trend word alone, the middle. */
export const usageTrendEngine: Rubric = ({ values }) =>
  values.usageChange !== undefined
    ? scoreOnScale(values.usageChange, USAGE_CHANGE_ENGINE)
    : lookUp(TREND_ENGINE, values.usageTrend);

// ---------------------------------------------------------------- engagement

export const loginTrendEngine: Rubric = ({ values }) => lookUp(TREND_ENGINE, values.loginTrend);

function daysSince(day: DayNumber | undefined, today: DayNumber): number | undefined {
  return day === undefined ? undefined : Math.max(0, today - day);
}

export const lastLogin: Rubric = ({ values, today }) => {
  const days = daysSince(values.lastLogin, today);
  return days === undefined ? undefined : scoreOnScale(days, LAST_LOGIN_DAYS);
};

export const lastContact: Rubric = ({ values, today }) => {
  const days = daysSince(values.lastCsmContact, today);
  return days === undefined ? undefined : scoreOnScale(days, LAST_CONTACT_DAYS);
};

export const meetings: Rubric = ({ values }) =>
  values.meetings90 === undefined ? undefined : scoreOnScale(values.meetings90, MEETINGS_90_DAYS);

export const missedMeetings: Rubric = ({ values }) =>
  values.missedMeetings === undefined
    ? undefined
    : scoreOnScale(values.missedMeetings, MISSED_MEETINGS);

export const training: Rubric = ({ values }) =>
  values.trainingCompletion === undefined
    ? undefined
    : scoreOnScale(values.trainingCompletion, TRAINING);

/** Community activity is a good sign; its absence is only neutral. */
export const community: Rubric = ({ values }) => yesNo(COMMUNITY, values.communityActive);

// ---------------------------------------------------------------- relationship

/** A champion who left, or none, is no champion whatever the Champion column still says. */
function hasChampion(values: SignalValues): boolean | undefined {
  const status = values.championStatus;
  if (status === 'left' || status === 'none') return false;
  if (status !== undefined && values.champion === undefined) return true;
  return values.champion;
}

/** A new or at-risk champion is not yet (or no longer) a strong one: the bottom of the band. */
function weakChampion(values: SignalValues): boolean {
  return values.championStatus === 'new' || values.championStatus === 'at-risk';
}

export const relationshipEngine: Rubric = ({ values }) => {
  const champion = hasChampion(values);
  const sponsor = values.executiveSponsor;
  const contacts = values.contacts;
  if (champion === undefined && sponsor === undefined && contacts === undefined) return undefined;
  const r = RELATIONSHIP_ENGINE;
  if (champion !== true) return placeIn(r.noChampion, contacts ?? (sponsor ? 1 : 0));
  const multiThreaded = sponsor === true || (contacts !== undefined && contacts >= 3);
  const range = !multiThreaded
    ? r.championOnly
    : sponsor
      ? r.multiWithSponsor
      : r.multiWithoutSponsor;
  if (weakChampion(values)) return range.low;
  return contacts === undefined ? middleOf(range) : placeIn(range, contacts);
};

/**
 * Five-pillar relationship: the sponsor and the champion pick the band, the contacts place
 * the account inside it. Without a Contacts column, the people the row names are counted.
 */
export const relationshipPillar: Rubric = ({ values }) => {
  const champion = hasChampion(values);
  const sponsor = values.executiveSponsor;
  const contacts = values.contacts;
  if (champion === undefined && sponsor === undefined && contacts === undefined) return undefined;
  const r = RELATIONSHIP_PILLAR;
  const range = sponsor
    ? champion
      ? r.strongMultiThreaded
      : r.goodSponsor
    : champion
      ? r.singleThreaded
      : r.noExecutiveAccess;
  if (champion && weakChampion(values)) return range.low;
  const named = (champion ? 1 : 0) + (sponsor ? 1 : 0);
  return placeIn(range, Math.max(contacts ?? 0, named));
};

export const npsOffice: Rubric = ({ values }) =>
  values.nps === undefined ? undefined : scoreOnScale(values.nps, NPS_SCALE);

export const sponsorOffice: Rubric = ({ values }) => yesNo(SPONSOR_OFFICE, values.executiveSponsor);

function known(value: boolean | undefined): Known {
  return value === undefined ? 'unknown' : value ? 'yes' : 'no';
}

export const csmEngagementOffice: Rubric = ({ values }) => {
  const { meetings90, missedMeetings: missed } = values;
  const regular = known(meetings90 === undefined ? undefined : meetings90 >= 3);
  const responsive = known(missed === undefined ? undefined : missed === 0);
  return CSM_ENGAGEMENT_OFFICE[regular][responsive];
};

/**
 * Five-pillar skill's competitive mentions: a competitor in the conversation counts as a 0 in
 * the relationship average. Its absence is no evidence of a strong relationship, so "no" is
 * left out.
 */
export const competitorPillar: Rubric = ({ values }) =>
  values.competitorMentioned ? 0 : undefined;

// ---------------------------------------------------------------- outcomes

/**
 * Goals met pick the range. Documented ROI puts the account at the top of it; otherwise the
 * share of goals met places it inside "some", and where no share can (none, all, or no goal
 * count), ROI known to be undocumented puts it at the bottom and unknown ROI in the middle.
 */
export const outcomesEngine: Rubric = ({ values }) => {
  const { goalsDefined, goalsAchieved, roiDocumented } = values;
  const o = OUTCOMES_ENGINE;
  if (goalsAchieved === undefined) return yesNo(o.roiOnly, roiDocumented);
  const share =
    goalsDefined !== undefined && goalsDefined > 0
      ? Math.min(1, goalsAchieved / goalsDefined)
      : undefined;
  // Goals achieved without goals defined: some is some, none is none.
  const range = goalsAchieved <= 0 ? o.none : share === undefined || share < 1 ? o.some : o.all;
  if (roiDocumented === true) return range.high;
  if (range === o.some && share !== undefined) return placeIn(o.some, share);
  return roiDocumented === false ? range.low : middleOf(range);
};

// ---------------------------------------------------------------- financial

export const financialEngine: Rubric = ({ values }) => {
  const { paymentStatus, arrTrend } = values;
  return FINANCIAL_ENGINE[paymentStatus ?? 'unknown'][arrTrend ?? 'unknown'];
};

export const paymentOffice: Rubric = ({ values }) => lookUp(PAYMENT_OFFICE, values.paymentStatus);

export const growthOffice: Rubric = ({ values }) => lookUp(GROWTH_OFFICE, values.arrTrend);

// ---------------------------------------------------------------- support and sentiment

export const tickets: Rubric = ({ values }) =>
  values.tickets30 === undefined ? undefined : scoreOnScale(values.tickets30, TICKETS_30_DAYS);

/** Ticket volume trending down (or sentiment improving) is good. */
export const ticketTrend: Rubric = ({ values }) => lookUp(TICKET_TREND_ENGINE, values.ticketTrend);

/** CSAT: a 1-5 rating on its scale, or a share of satisfied answers (a percentage) as is. */
export const csat: Rubric = ({ values }) => {
  const value = values.csat;
  if (value === undefined) return undefined;
  const isShare = (value > 0 && value < 1) || value > 5;
  if (isShare) return value > 5 ? value : value * 100;
  return scoreOnScale(value, CSAT_RATING);
};

export const criticalTickets: Rubric = ({ values }) =>
  values.openCriticalTickets === undefined
    ? undefined
    : scoreOnScale(values.openCriticalTickets, CRITICAL_TICKETS);

export const escalations: Rubric = ({ values }) =>
  values.escalations === undefined ? undefined : scoreOnScale(values.escalations, ESCALATIONS);

/** A formal complaint on file (Critical in the bilingual playbook) scores 0 for sentiment. */
export const complaint: Rubric = ({ values }) => (values.formalComplaint ? 0 : undefined);

export const sponsorPresent: Rubric = ({ values }) =>
  yesNo(SPONSOR_PRESENT, values.executiveSponsor);
