/**
 * Rubrics: how one raw signal becomes a 0-100 sub-score.
 *
 * Each rubric says which seed it comes from (see ../shared/seeds and the README's "How the
 * score is computed"). Where a seed gives a range of points for a range of values ("20-40%
 * DAU/MAU = 4-6 of 10"), the value is interpolated linearly inside that range. Where no
 * seed gives a number, the rubric is CS Engine's own and says so.
 */
import type { SignalTypes } from './signals';
import type { DayNumber } from './dates';

export type SignalValues = Partial<SignalTypes>;

/** One rubric input: the account's signals and today's date. */
export interface RubricInput {
  readonly values: SignalValues;
  readonly today: DayNumber;
}

export type Rubric = (input: RubricInput) => number | undefined;

/** A band: values from `from` to `to` score from `low` to `high`. */
export interface Band {
  readonly from: number;
  readonly to: number;
  readonly low: number;
  readonly high: number;
}

/**
 * Scores a value against consecutive bands. Below the first band scores the first band's
 * low; above the last, the last band's high. Inside a band the score is interpolated.
 */
export function scoreInBands(value: number, bands: readonly Band[]): number {
  const first = bands[0];
  if (!first) return 0;
  if (value <= first.from) return first.low;
  for (const band of bands) {
    if (value < band.to) {
      const share = band.to === band.from ? 1 : (value - band.from) / (band.to - band.from);
      return band.low + (band.high - band.low) * Math.max(0, share);
    }
  }
  return bands[bands.length - 1]?.high ?? 0;
}

/** Scores a value on a line through the given points (x ascending); flat beyond the ends. */
export function scoreOnLine(value: number, points: readonly (readonly [number, number])[]): number {
  const first = points[0];
  if (!first) return 0;
  if (value <= first[0]) return first[1];
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i] as readonly [number, number];
    if (value <= x1) {
      const [x0, y0] = points[i - 1] as readonly [number, number];
      return y0 + ((y1 - y0) * (value - x0)) / (x1 - x0);
    }
  }
  return points[points.length - 1]?.[1] ?? 0;
}

// The tables below are built once: rubrics run for every row of books of 100,000 rows.
type Line = readonly (readonly [number, number])[];

const DAU_MAU_002: readonly Band[] = [
  { from: 0, to: 0.2, low: 0, high: 30 },
  { from: 0.2, to: 0.4, low: 40, high: 60 },
  { from: 0.4, to: 0.7, low: 70, high: 100 },
];
const DAU_MAU_004: readonly Band[] = [
  { from: 0, to: 0.1, low: 0, high: 39 },
  { from: 0.1, to: 0.3, low: 40, high: 59 },
  { from: 0.3, to: 0.5, low: 60, high: 79 },
  { from: 0.5, to: 0.8, low: 80, high: 100 },
];
const FEATURES_004: readonly Band[] = [
  { from: 0, to: 0.4, low: 0, high: 39 },
  { from: 0.4, to: 0.6, low: 40, high: 59 },
  { from: 0.6, to: 0.8, low: 60, high: 79 },
  { from: 0.8, to: 1, low: 80, high: 100 },
];
const CHANGE_002: readonly Band[] = [
  { from: -0.5, to: -0.05, low: 0, high: 30 },
  { from: -0.05, to: 0.05, low: 40, high: 60 },
  { from: 0.05, to: 0.5, low: 70, high: 100 },
];
const LAST_LOGIN_DAYS: Line = [
  [7, 100],
  [14, 70],
  [30, 20],
  [60, 0],
];
const LAST_CONTACT_DAYS: Line = [
  [14, 100],
  [30, 70],
  [60, 30],
  [90, 0],
];
const MEETINGS_90_DAYS: Line = [
  [0, 10],
  [1, 40],
  [3, 70],
  [6, 100],
];
const SINGLE_THREADED_CONTACTS: Line = [
  [1, 40],
  [2, 60],
];
const NPS_004: readonly Band[] = [
  { from: 0, to: 7, low: 0, high: 59 },
  { from: 7, to: 9, low: 60, high: 79 },
  { from: 9, to: 10, low: 80, high: 100 },
];
const TICKETS_30_DAYS: Line = [
  [0, 100],
  [2, 90],
  [3, 89],
  [5, 70],
  [6, 69],
  [10, 50],
  [25, 0],
];
const CSAT_RATING: readonly Band[] = [
  { from: 1, to: 3, low: 0, high: 39 },
  { from: 3, to: 4, low: 40, high: 69 },
  { from: 4, to: 4.5, low: 70, high: 89 },
  { from: 4.5, to: 5, low: 90, high: 100 },
];
const CRITICAL_TICKETS: Line = [
  [0, 100],
  [1, 40],
  [2, 15],
  [3, 0],
];
const ESCALATIONS: Line = [
  [0, 100],
  [1, 50],
  [2, 20],
  [3, 0],
];
const MULTI_THREADED_WITH_SPONSOR: Line = [
  [2, 70],
  [6, 100],
];
const MULTI_THREADED_WITHOUT_SPONSOR: Line = [
  [3, 70],
  [6, 85],
];

/** Seed 002 scores in tenths: "0-3", "4-6", "7-10". The middle of each range, out of 100. */
const SEED_002 = { low: 15, middle: 50, high: 85 } as const;

/** Seed 004's tiers, placed in its own score bands (critical <40 ... excellent 80+). */
const SEED_004 = { excellent: 90, good: 70, atRisk: 50, critical: 20 } as const;

// ---------------------------------------------------------------- product usage

/** Seed 002: DAU/MAU below 20% = 0-3, 20-40% = 4-6, above 40% = 7-10 (10 at 70% and up). */
export const dauMau002: Rubric = ({ values }) =>
  values.dauMau === undefined ? undefined : scoreInBands(values.dauMau, DAU_MAU_002);

/** Seed 004: DAU/MAU <0.1 critical, 0.1-0.3 at risk, 0.3-0.5 good, >0.5 excellent. */
export const dauMau004: Rubric = ({ values }) =>
  values.dauMau === undefined ? undefined : scoreInBands(values.dauMau, DAU_MAU_004);

/** Active seats over licensed seats, if both are known and seats were licensed. */
export function seatUtilization(values: SignalValues): number | undefined {
  const { seatsActive, seatsLicensed } = values;
  if (seatsActive === undefined || seatsLicensed === undefined || seatsLicensed <= 0) {
    return undefined;
  }
  return seatsActive / seatsLicensed;
}

/** Seed 001: seats active <20% = 0, 20-49% = 40, 50-74% = 70, 75-100% = 100 (steps). */
export const seats001: Rubric = ({ values }) => {
  const used = seatUtilization(values);
  if (used === undefined) return undefined;
  if (used < 0.2) return 0;
  if (used < 0.5) return 40;
  if (used < 0.75) return 70;
  return 100;
};

/** Features used over available, or the Feature adoption column. */
export function featureAdoption(values: SignalValues): number | undefined {
  const { featuresUsed, featuresAvailable } = values;
  if (featuresUsed !== undefined && featuresAvailable !== undefined && featuresAvailable > 0) {
    return Math.min(1, featuresUsed / featuresAvailable);
  }
  return values.featureAdoption;
}

/** Seed 004: feature adoption <40% critical, 40-60% at risk, 60-80% good, >80% excellent. */
export const features004: Rubric = ({ values }) => {
  const adoption = featureAdoption(values);
  return adoption === undefined ? undefined : scoreInBands(adoption, FEATURES_004);
};

/**
 * Seed 002: declining = 0-3, flat = 4-6, growing = 7-10. A month-over-month change places
 * the account inside its range (-50% or worse is 0; +50% or better is 10); a trend word alone
 * scores the middle of its range.
 */
function trendScore(change: number | undefined, trend: SignalTypes['usageTrend'] | undefined) {
  if (change !== undefined) {
    return scoreInBands(change, CHANGE_002);
  }
  if (trend === 'up') return SEED_002.high;
  if (trend === 'flat') return SEED_002.middle;
  if (trend === 'down') return SEED_002.low;
  return undefined;
}

export const usageTrend002: Rubric = ({ values }) =>
  trendScore(values.usageChange, values.usageTrend);

// ---------------------------------------------------------------- engagement

export const loginTrend002: Rubric = ({ values }) => trendScore(undefined, values.loginTrend);

function daysSince(day: DayNumber | undefined, today: DayNumber): number | undefined {
  return day === undefined ? undefined : Math.max(0, today - day);
}

/**
 * CS Engine: a login within a week is full marks; the seeds flag "no login in 30 days" as a
 * high churn risk (seed 004), so the score falls to 20 at 30 days and 0 at 60.
 */
export const lastLogin: Rubric = ({ values, today }) => {
  const days = daysSince(values.lastLogin, today);
  return days === undefined ? undefined : scoreOnLine(days, LAST_LOGIN_DAYS);
};

/** CS Engine: proactive contact within two weeks is full marks, none for 90 days is 0. */
export const lastContact: Rubric = ({ values, today }) => {
  const days = daysSince(values.lastCsmContact, today);
  return days === undefined ? undefined : scoreOnLine(days, LAST_CONTACT_DAYS);
};

/** CS Engine: meetings in 90 days; a monthly cadence (3) is 70, fortnightly (6+) is 100. */
export const meetings: Rubric = ({ values }) =>
  values.meetings90 === undefined ? undefined : scoreOnLine(values.meetings90, MEETINGS_90_DAYS);

/** Seeds 001/002: two missed touchpoints in a row is a leading churn indicator. */
export const missedMeetings: Rubric = ({ values }) => {
  const missed = values.missedMeetings;
  if (missed === undefined) return undefined;
  return missed === 0 ? 100 : missed === 1 ? 50 : 0;
};

/** Seed 003 (training completion): the share completed, as a score. */
export const training: Rubric = ({ values }) =>
  values.trainingCompletion === undefined ? undefined : values.trainingCompletion * 100;

/** Seed 002 (community activity): active is a good sign; absence is only neutral. */
export const community: Rubric = ({ values }) =>
  values.communityActive === undefined ? undefined : values.communityActive ? 100 : 50;

// ---------------------------------------------------------------- relationship

function hasChampion(values: SignalValues): boolean | undefined {
  const status = values.championStatus;
  if (status === 'left' || status === 'none') return false;
  if (status !== undefined && values.champion === undefined) return true;
  return values.champion;
}

/**
 * Seed 002: no champion = 0-3, champion only = 4-6, multi-threaded = 7-10. A champion who
 * left counts as none (seed 001 makes that Critical). Contacts place the account inside its
 * range: each contact adds 10 up to 30 without a champion; with a champion and a sponsor,
 * two contacts are 70 and six or more are 100.
 */
export const relationship002: Rubric = ({ values }) => {
  const champion = hasChampion(values);
  const sponsor = values.executiveSponsor;
  const contacts = values.contacts;
  if (champion === undefined && sponsor === undefined && contacts === undefined) return undefined;
  if (champion !== true) {
    const people = contacts ?? (sponsor ? 1 : 0);
    return Math.min(30, 10 * people);
  }
  const newChampion = values.championStatus === 'new' || values.championStatus === 'at-risk';
  const multiThreaded = sponsor === true || (contacts !== undefined && contacts >= 3);
  if (!multiThreaded) {
    if (newChampion) return 40;
    return contacts === undefined
      ? SEED_002.middle
      : scoreOnLine(contacts, SINGLE_THREADED_CONTACTS);
  }
  if (newChampion) return 70;
  if (contacts === undefined) return SEED_002.high;
  return scoreOnLine(
    contacts,
    sponsor ? MULTI_THREADED_WITH_SPONSOR : MULTI_THREADED_WITHOUT_SPONSOR,
  );
};

/**
 * Seed 004: NPS promoter 9-10, passive 7-8, detractor 0-6, placed in its score bands. An
 * account-level NPS (-100 to 100) is scaled to 0-100.
 */
export const nps004: Rubric = ({ values }) => {
  const nps = values.nps;
  if (nps === undefined) return undefined;
  if (nps < 0 || nps > 10) return (nps + 100) / 2;
  return scoreInBands(nps, NPS_004);
};

/** Seed 004: an executive sponsor identified is part of the relationship score. */
export const sponsor004: Rubric = ({ values }) =>
  values.executiveSponsor === undefined
    ? undefined
    : values.executiveSponsor
      ? SEED_004.excellent
      : SEED_004.critical;

/** Seed 004: regular meetings and responsiveness to outreach. */
export const csmEngagement004: Rubric = ({ values }) => {
  const { meetings90, missedMeetings: missed } = values;
  if (meetings90 === undefined && missed === undefined) return undefined;
  const regular = meetings90 === undefined ? undefined : meetings90 >= 3;
  const responsive = missed === undefined ? undefined : missed === 0;
  if (regular === false && responsive === false) return SEED_004.critical;
  if (regular === false || responsive === false) return SEED_004.atRisk;
  return regular && responsive ? SEED_004.excellent : SEED_004.good;
};

/**
 * Seed 003 (competitive mentions, relationship): a competitor in the conversation counts as
 * a 0 in the relationship average. Its absence is no evidence of a strong relationship, so
 * "no" is left out.
 */
export const competitor003: Rubric = ({ values }) => (values.competitorMentioned ? 0 : undefined);

// ---------------------------------------------------------------- outcomes

/**
 * Seed 002: 0 goals met = 0-3, some = 4-6, all = 7-10. Documented ROI puts the account at
 * the top of its range, undocumented ROI at the bottom, unknown in the middle; among "some",
 * the share of goals met counts as much as the ROI.
 */
export const outcomes002: Rubric = ({ values }) => {
  const { goalsDefined, goalsAchieved, roiDocumented } = values;
  const roiPlace = roiDocumented === undefined ? 0.5 : roiDocumented ? 1 : 0;
  if (goalsAchieved === undefined) {
    if (roiDocumented === undefined) return undefined;
    return roiDocumented ? 70 : 30;
  }
  if (goalsDefined !== undefined && goalsDefined > 0) {
    const share = Math.min(1, goalsAchieved / goalsDefined);
    if (share >= 1) return 70 + 30 * roiPlace;
    if (share > 0) return 40 + 20 * ((share + roiPlace) / 2);
    return 30 * roiPlace;
  }
  // Goals achieved without goals defined: some is some, none is none.
  return goalsAchieved > 0 ? 40 + 20 * roiPlace : 30 * roiPlace;
};

// ---------------------------------------------------------------- financial

/**
 * Seed 002: late payments = 0-3, on time = 4-6, expanding = 7-10. Delinquent is 0; late sits
 * in 0-30 by the ARR trend; a current account scores 40 contracting, 50 stable, 85 expanding.
 */
export const financial002: Rubric = ({ values }) => {
  const { paymentStatus, arrTrend } = values;
  if (paymentStatus === undefined && arrTrend === undefined) return undefined;
  if (paymentStatus === 'delinquent') return 0;
  if (paymentStatus === 'late') {
    return arrTrend === 'expanding' ? 30 : arrTrend === 'contracting' ? 0 : SEED_002.low;
  }
  if (arrTrend === 'expanding') return SEED_002.high;
  if (arrTrend === 'contracting') return 40;
  return SEED_002.middle;
};

/** Seed 004: on time excellent, late once good, late twice or more at risk. */
export const payment004: Rubric = ({ values }) => {
  switch (values.paymentStatus) {
    case 'current':
      return SEED_004.excellent;
    case 'late':
      return SEED_004.good;
    case 'delinquent':
      return SEED_004.critical;
    default:
      return undefined;
  }
};

/** Seed 004: growth trajectory expanding excellent, stable good, contracting at risk. */
export const growth004: Rubric = ({ values }) => {
  switch (values.arrTrend) {
    case 'expanding':
      return SEED_004.excellent;
    case 'stable':
      return SEED_004.good;
    case 'contracting':
      return SEED_004.atRisk;
    default:
      return undefined;
  }
};

// ---------------------------------------------------------------- support and sentiment

/**
 * CS Engine (seed 003 says only "minimal support needs" to "many unresolved issues"): 0-2
 * tickets in 30 days is 100-90, 3-5 is 89-70, 6-10 is 69-50, and 25 or more is 0.
 */
export const tickets: Rubric = ({ values }) =>
  values.tickets30 === undefined ? undefined : scoreOnLine(values.tickets30, TICKETS_30_DAYS);

/** Seeds 003/004: ticket volume trending down (or sentiment improving) is good. */
export const ticketTrend: Rubric = ({ values }) => {
  switch (values.ticketTrend) {
    case 'down':
      return SEED_002.high;
    case 'flat':
      return SEED_002.middle;
    case 'up':
      return SEED_002.low;
    default:
      return undefined;
  }
};

/**
 * CSAT. On a 1-5 scale, seed 001 flags below 3 and seed 002 targets above 4.5: below 3 is
 * 0-39, 3-4 is 40-69, 4-4.5 is 70-89, 4.5-5 is 90-100. A share of satisfied answers (a
 * percentage) is its own score.
 */
export const csat: Rubric = ({ values }) => {
  const value = values.csat;
  if (value === undefined) return undefined;
  const isShare = (value > 0 && value < 1) || value > 5;
  if (isShare) return value > 5 ? value : value * 100;
  return scoreInBands(value, CSAT_RATING);
};

/** CS Engine: an open critical ticket is serious; three or more is 0. */
export const criticalTickets: Rubric = ({ values }) =>
  values.openCriticalTickets === undefined
    ? undefined
    : scoreOnLine(values.openCriticalTickets, CRITICAL_TICKETS);

/** Seed 003 (escalation frequency): none is 100, three or more is 0. */
export const escalations: Rubric = ({ values }) =>
  values.escalations === undefined ? undefined : scoreOnLine(values.escalations, ESCALATIONS);

/** Seed 001 (formal complaint is Critical): a complaint on file scores 0 for sentiment. */
export const complaint: Rubric = ({ values }) => (values.formalComplaint ? 0 : undefined);

/** Seed 000 (executive engagement): an executive sponsor in place. */
export const sponsorPresent: Rubric = ({ values }) =>
  values.executiveSponsor === undefined ? undefined : values.executiveSponsor ? 100 : 20;
