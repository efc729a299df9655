/**
 * The signal dictionary: every column CS Engine understands, the header texts it answers to,
 * and how its cells are read.
 */
import {
  type CellValue,
  Invalid,
  type Read,
  invalid,
  readBoolean,
  readChange,
  readCount,
  readMoney,
  readNumber,
  readRatio,
  readText,
} from './cells';
import {
  type Category,
  ACCOUNT_STATUS,
  ARR_TREND,
  type AccountStatus,
  type ArrTrend,
  CHAMPION_STATUS,
  type ChampionStatus,
  PAYMENT_STATUS,
  type PaymentStatus,
  TICKET_TREND,
  TREND,
  type Trend,
} from './categories';
import { type DayNumber, readDay } from './dates';
import { normalizeKey } from './text';

/** The value type each signal reads to. */
export interface SignalTypes {
  account: string;
  accountId: string;
  csm: string;
  csmEmail: string;
  arr: number;
  mrr: number;
  startArr: number;
  segment: string;
  contractStart: DayNumber;
  renewalDate: DayNumber;
  status: AccountStatus;
  churnDate: DayNumber;
  churnReason: string;
  dauMau: number;
  seatsLicensed: number;
  seatsActive: number;
  featuresUsed: number;
  featuresAvailable: number;
  featureAdoption: number;
  coreActionsPerWeek: number;
  usageChange: number;
  usageTrend: Trend;
  lastLogin: DayNumber;
  loginTrend: Trend;
  lastCsmContact: DayNumber;
  meetings90: number;
  missedMeetings: number;
  trainingCompletion: number;
  communityActive: boolean;
  tickets30: number;
  ticketTrend: Trend;
  csat: number;
  openCriticalTickets: number;
  escalations: number;
  champion: boolean;
  championStatus: ChampionStatus;
  executiveSponsor: boolean;
  contacts: number;
  nps: number;
  goalsDefined: number;
  goalsAchieved: number;
  roiDocumented: boolean;
  hoursSavedPerMonth: number;
  hourlyRate: number;
  annualInvestment: number;
  paymentStatus: PaymentStatus;
  arrTrend: ArrTrend;
  competitorMentioned: boolean;
  dataExportRequested: boolean;
  formalComplaint: boolean;
  sponsorStatus: ChampionStatus;
  renewalConversation: boolean;
  usageLimitReached: boolean;
  newDepartmentInterest: boolean;
  championPromoted: boolean;
  expansionPipeline: number;
  tierSince: DayNumber;
  daysInTier: number;
  firstValueDate: DayNumber;
  onboardingComplete: boolean;
}

export type SignalId = keyof SignalTypes;

/** Every signal of one account; undefined where the book has no value. */
export type SignalRecord = { [K in SignalId]: SignalTypes[K] | undefined };

/** The cells of a book read column by column: one array of values per signal. */
export type SignalColumns = { [K in SignalId]: (SignalTypes[K] | undefined)[] | undefined };

export function emptySignalColumns(): SignalColumns {
  return {
    account: undefined,
    accountId: undefined,
    csm: undefined,
    csmEmail: undefined,
    arr: undefined,
    mrr: undefined,
    startArr: undefined,
    segment: undefined,
    contractStart: undefined,
    renewalDate: undefined,
    status: undefined,
    churnDate: undefined,
    churnReason: undefined,
    dauMau: undefined,
    seatsLicensed: undefined,
    seatsActive: undefined,
    featuresUsed: undefined,
    featuresAvailable: undefined,
    featureAdoption: undefined,
    coreActionsPerWeek: undefined,
    usageChange: undefined,
    usageTrend: undefined,
    lastLogin: undefined,
    loginTrend: undefined,
    lastCsmContact: undefined,
    meetings90: undefined,
    missedMeetings: undefined,
    trainingCompletion: undefined,
    communityActive: undefined,
    tickets30: undefined,
    ticketTrend: undefined,
    csat: undefined,
    openCriticalTickets: undefined,
    escalations: undefined,
    champion: undefined,
    championStatus: undefined,
    executiveSponsor: undefined,
    contacts: undefined,
    nps: undefined,
    goalsDefined: undefined,
    goalsAchieved: undefined,
    roiDocumented: undefined,
    hoursSavedPerMonth: undefined,
    hourlyRate: undefined,
    annualInvestment: undefined,
    paymentStatus: undefined,
    arrTrend: undefined,
    competitorMentioned: undefined,
    dataExportRequested: undefined,
    formalComplaint: undefined,
    sponsorStatus: undefined,
    renewalConversation: undefined,
    usageLimitReached: undefined,
    newDepartmentInterest: undefined,
    championPromoted: undefined,
    expansionPipeline: undefined,
    tierSince: undefined,
    daysInTier: undefined,
    firstValueDate: undefined,
    onboardingComplete: undefined,
  };
}

/**
 * One account's record, taken from the columns. Written out property by property so that
 * every record has the same shape and is built with plain stores: V8 then reads
 * `values.dauMau` at full speed in the rubrics, which run for every row of large books.
 * TypeScript checks that no signal is missing.
 */
export function signalRecordAt(columns: SignalColumns, row: number): SignalRecord {
  return {
    account: columns.account?.[row],
    accountId: columns.accountId?.[row],
    csm: columns.csm?.[row],
    csmEmail: columns.csmEmail?.[row],
    arr: columns.arr?.[row],
    mrr: columns.mrr?.[row],
    startArr: columns.startArr?.[row],
    segment: columns.segment?.[row],
    contractStart: columns.contractStart?.[row],
    renewalDate: columns.renewalDate?.[row],
    status: columns.status?.[row],
    churnDate: columns.churnDate?.[row],
    churnReason: columns.churnReason?.[row],
    dauMau: columns.dauMau?.[row],
    seatsLicensed: columns.seatsLicensed?.[row],
    seatsActive: columns.seatsActive?.[row],
    featuresUsed: columns.featuresUsed?.[row],
    featuresAvailable: columns.featuresAvailable?.[row],
    featureAdoption: columns.featureAdoption?.[row],
    coreActionsPerWeek: columns.coreActionsPerWeek?.[row],
    usageChange: columns.usageChange?.[row],
    usageTrend: columns.usageTrend?.[row],
    lastLogin: columns.lastLogin?.[row],
    loginTrend: columns.loginTrend?.[row],
    lastCsmContact: columns.lastCsmContact?.[row],
    meetings90: columns.meetings90?.[row],
    missedMeetings: columns.missedMeetings?.[row],
    trainingCompletion: columns.trainingCompletion?.[row],
    communityActive: columns.communityActive?.[row],
    tickets30: columns.tickets30?.[row],
    ticketTrend: columns.ticketTrend?.[row],
    csat: columns.csat?.[row],
    openCriticalTickets: columns.openCriticalTickets?.[row],
    escalations: columns.escalations?.[row],
    champion: columns.champion?.[row],
    championStatus: columns.championStatus?.[row],
    executiveSponsor: columns.executiveSponsor?.[row],
    contacts: columns.contacts?.[row],
    nps: columns.nps?.[row],
    goalsDefined: columns.goalsDefined?.[row],
    goalsAchieved: columns.goalsAchieved?.[row],
    roiDocumented: columns.roiDocumented?.[row],
    hoursSavedPerMonth: columns.hoursSavedPerMonth?.[row],
    hourlyRate: columns.hourlyRate?.[row],
    annualInvestment: columns.annualInvestment?.[row],
    paymentStatus: columns.paymentStatus?.[row],
    arrTrend: columns.arrTrend?.[row],
    competitorMentioned: columns.competitorMentioned?.[row],
    dataExportRequested: columns.dataExportRequested?.[row],
    formalComplaint: columns.formalComplaint?.[row],
    sponsorStatus: columns.sponsorStatus?.[row],
    renewalConversation: columns.renewalConversation?.[row],
    usageLimitReached: columns.usageLimitReached?.[row],
    newDepartmentInterest: columns.newDepartmentInterest?.[row],
    championPromoted: columns.championPromoted?.[row],
    expansionPipeline: columns.expansionPipeline?.[row],
    tierSince: columns.tierSince?.[row],
    daysInTier: columns.daysInTier?.[row],
    firstValueDate: columns.firstValueDate?.[row],
    onboardingComplete: columns.onboardingComplete?.[row],
  };
}

export interface ReadContext {
  /** The spreadsheet's time zone, for date cells. */
  readonly timeZone: string;
}

/**
 * How a signal's cells are read, by name, so that other engines can read them the same way
 * (src/core/sql/ compiles each rule to SQL).
 */
export type CellRule =
  | {
      readonly kind: 'text' | 'money' | 'count' | 'ratio' | 'change' | 'flag' | 'presence' | 'day';
    }
  /** A number (percent text divided by 100) from `min` to `max`. */
  | { readonly kind: 'number'; readonly min: number; readonly max: number }
  | { readonly kind: 'category'; readonly category: Category<string> };

type Reading<T> = CellRule & {
  read(cell: CellValue, context: ReadContext): Read<T>;
};

export interface SignalDefinition<K extends SignalId = SignalId> {
  readonly id: K;
  /** The canonical header, as the README and messages name it. */
  readonly label: string;
  /** Other header texts that mean the same column. */
  readonly aliases: readonly string[];
  /** What a valid cell looks like, in the user's words. */
  readonly expected: string;
  readonly rule: CellRule;
  read(cell: CellValue, context: ReadContext): Read<SignalTypes[K]>;
}

/** What a person-or-flag column holds when it names nobody (compared in normalizeKey form). */
export const NO_PERSON: ReadonlySet<string> = new Set([
  'no',
  'none',
  'n',
  'false',
  '0',
  'na',
  'nobody',
  'vacant',
  'tbd',
  '',
]);

/**
 * A person-or-flag column such as Champion or Executive sponsor: a name means yes, "yes"
 * and "no" mean what they say.
 */
function readPresence(cell: CellValue): Read<boolean> {
  if (typeof cell === 'string') {
    // Names repeat across a book (one champion per account, a few hundred distinct).
    if (presenceCache.has(cell)) return presenceCache.get(cell);
    const read = presenceOf(cell);
    if (presenceCache.size >= 20_000) presenceCache.clear();
    presenceCache.set(cell, read);
    return read;
  }
  return presenceOf(cell);
}

const presenceCache = new Map<string, Read<boolean>>();

function presenceOf(cell: CellValue): Read<boolean> {
  const flag = readBoolean(cell);
  if (!(flag instanceof Invalid)) return flag;
  const text = readText(cell);
  if (typeof text !== 'string') return text;
  return !NO_PERSON.has(normalizeKey(text));
}

/** A number from `min` to `max`. */
function numberFrom(min: number, max: number): Reading<number> {
  return {
    kind: 'number',
    min,
    max,
    read(cell) {
      const read = readNumber(cell);
      return typeof read === 'number' && (read < min || read > max) ? invalid(cell) : read;
    },
  };
}

function byCategory<T extends string>(category: Category<T>): Reading<T> {
  return { kind: 'category', category, read: (cell) => category.read(cell) };
}

function define<K extends SignalId>(
  id: K,
  label: string,
  expected: string,
  reading: Reading<SignalTypes[K]>,
  aliases: readonly string[] = [],
): SignalDefinition<K> {
  return { id, label, expected, rule: reading, read: reading.read, aliases };
}

const text: Reading<string> = { kind: 'text', read: (cell) => readText(cell) };
const money: Reading<number> = { kind: 'money', read: (cell) => readMoney(cell) };
const count: Reading<number> = { kind: 'count', read: (cell) => readCount(cell) };
const ratio: Reading<number> = { kind: 'ratio', read: (cell) => readRatio(cell) };
const change: Reading<number> = { kind: 'change', read: (cell) => readChange(cell) };
const flag: Reading<boolean> = { kind: 'flag', read: (cell) => readBoolean(cell) };
const presence: Reading<boolean> = { kind: 'presence', read: readPresence };
const day: Reading<DayNumber> = {
  kind: 'day',
  read: (cell, context) => readDay(cell, context.timeZone),
};
/** NPS: a respondent's 0-10 answer, or an account-level NPS from -100 to 100. */
const nps = numberFrom(-100, 100);
/** CSAT: a 1-5 rating or a share of satisfied answers ("92%", 0.92, 92). */
const csat = numberFrom(0, 100);

const AMOUNT = 'an amount such as 120000 or $120,000';
const WHOLE = 'a number such as 12';
const PERCENT = 'a percentage such as 45% or 0.45';
const YES_NO = 'yes or no';
const DATE = 'a date such as 2026-11-23';

export const SIGNALS: readonly SignalDefinition[] = [
  // identity and money
  define('account', 'Account', 'a name', text, [
    'Account name',
    'Customer',
    'Customer name',
    'Company',
    'Company name',
    'Client',
    'Organization',
  ]),
  define('accountId', 'Account ID', 'an identifier', text, [
    'ID',
    'Customer ID',
    'CRM ID',
    'Salesforce ID',
    'Account number',
  ]),
  define('csm', 'CSM', 'a name', text, [
    'CSM name',
    'Customer success manager',
    'Account owner',
    'Owner',
    'CS owner',
  ]),
  define('csmEmail', 'CSM email', 'an email address', text, [
    'CSM e-mail',
    'Owner email',
    'CSM mail',
    'Account owner email',
  ]),
  define('arr', 'ARR', AMOUNT, money, [
    'Annual recurring revenue',
    'Current ARR',
    'ARR now',
    'End ARR',
    'ARR at period end',
    'Ending ARR',
    'Contract value',
    'ACV',
  ]),
  define('mrr', 'MRR', AMOUNT, money, ['Monthly recurring revenue', 'Current MRR']),
  define('startArr', 'ARR at period start', AMOUNT, money, [
    'Start ARR',
    'Starting ARR',
    'Beginning ARR',
    'Opening ARR',
    'Prior ARR',
    'ARR last year',
    'ARR start',
    'Previous ARR',
  ]),
  define('segment', 'Segment', 'a segment such as Enterprise', text, ['Customer segment']),
  define('contractStart', 'Contract start', DATE, day, [
    'Start date',
    'Customer since',
    'Signed date',
    'Contract start date',
    'Onboarding start',
  ]),
  define('renewalDate', 'Renewal date', DATE, day, [
    'Renewal',
    'Contract end',
    'Contract end date',
    'Next renewal',
    'Renews on',
  ]),
  define('status', 'Status', ACCOUNT_STATUS.expected, byCategory(ACCOUNT_STATUS), [
    'Account status',
    'Customer status',
  ]),
  define('churnDate', 'Churn date', DATE, day, ['Churned on', 'Cancellation date']),
  define('churnReason', 'Churn reason', 'a reason', text, ['Reason', 'Cancellation reason']),
  // usage
  define('dauMau', 'DAU/MAU', PERCENT, ratio, [
    'DAU MAU ratio',
    'dau_mau_ratio',
    'Stickiness',
    'DAU/MAU %',
    'DAU to MAU',
  ]),
  define('seatsLicensed', 'Seats licensed', WHOLE, count, [
    'Licensed seats',
    'Seats purchased',
    'Purchased seats',
    'Licenses',
    'Seats',
  ]),
  define('seatsActive', 'Seats active', WHOLE, count, [
    'Active seats',
    'Active users',
    'Seats used',
    'Used seats',
  ]),
  define('featuresUsed', 'Features used', WHOLE, count, ['Features adopted', 'Core features used']),
  define('featuresAvailable', 'Features available', WHOLE, count, [
    'Total features',
    'Core features',
    'Features total',
  ]),
  define('featureAdoption', 'Feature adoption', PERCENT, ratio, [
    'Feature adoption %',
    'Feature adoption rate',
    'Adoption',
    'Adoption %',
  ]),
  define('coreActionsPerWeek', 'Core actions per week', WHOLE, count, [
    'Core actions',
    'Actions per week',
    'Core actions weekly',
  ]),
  define('usageChange', 'Usage change %', 'a change such as -35% or +10%', change, [
    'Usage change',
    'Usage change MoM',
    'Usage MoM',
    'MoM usage change',
  ]),
  define('usageTrend', 'Usage trend', TREND.expected, byCategory(TREND), ['Usage direction']),
  define('lastLogin', 'Last login', DATE, day, ['Last active', 'Last seen', 'Last activity']),
  define('loginTrend', 'Login trend', TREND.expected, byCategory(TREND), ['Logins trend']),
  define('lastCsmContact', 'Last CSM contact', DATE, day, [
    'Last contact',
    'Last touch',
    'Last touchpoint',
    'Last proactive contact',
  ]),
  define('meetings90', 'Meetings (90 days)', WHOLE, count, [
    'Meetings',
    'Meetings 90d',
    'Meetings last 90 days',
    'Touchpoints 90 days',
  ]),
  define('missedMeetings', 'Missed meetings', WHOLE, count, [
    'Missed touchpoints',
    'No shows',
    'Missed calls',
  ]),
  define('trainingCompletion', 'Training completion', PERCENT, ratio, [
    'Training completion %',
    'Training completed',
    'Training %',
  ]),
  define('communityActive', 'Community active', YES_NO, flag, ['Community', 'Community member']),
  // support
  define('tickets30', 'Tickets (30 days)', WHOLE, count, [
    'Tickets',
    'Support tickets',
    'Tickets 30d',
    'Tickets last 30 days',
  ]),
  define('ticketTrend', 'Ticket trend', TICKET_TREND.expected, byCategory(TICKET_TREND), [
    'Support trend',
    'Ticket sentiment',
  ]),
  define('csat', 'CSAT', 'a rating from 1 to 5, or a percentage such as 92%', csat, [
    'CSAT score',
    'CSAT %',
  ]),
  define('openCriticalTickets', 'Open critical tickets', WHOLE, count, [
    'Critical tickets',
    'P1 tickets',
    'Sev1 tickets',
  ]),
  define('escalations', 'Escalations', WHOLE, count, ['Escalations 90d', 'Support escalations']),
  // relationship
  define('champion', 'Champion', 'a name, or yes / no', presence, [
    'Champion name',
    'Champion identified',
  ]),
  define(
    'championStatus',
    'Champion status',
    CHAMPION_STATUS.expected,
    byCategory(CHAMPION_STATUS),
    [],
  ),
  define('executiveSponsor', 'Executive sponsor', 'a name, or yes / no', presence, [
    'Exec sponsor',
    'Sponsor',
    'Economic buyer',
  ]),
  define('sponsorStatus', 'Sponsor status', CHAMPION_STATUS.expected, byCategory(CHAMPION_STATUS), [
    'Executive sponsor status',
    'Exec sponsor status',
  ]),
  define('contacts', 'Contacts', WHOLE, count, [
    'Contacts count',
    'Number of contacts',
    'Stakeholders',
  ]),
  define('nps', 'NPS', 'a score from 0 to 10 (or an NPS from -100 to 100)', nps, [
    'NPS score',
    'Last NPS',
    'NPS response',
  ]),
  // outcomes
  define('goalsDefined', 'Goals defined', WHOLE, count, ['Goals', 'Success goals', 'Goals set']),
  define('goalsAchieved', 'Goals achieved', WHOLE, count, ['Goals met', 'Goals completed']),
  define('roiDocumented', 'ROI documented', YES_NO, flag, ['ROI', 'ROI proven']),
  define('hoursSavedPerMonth', 'Hours saved per month', WHOLE, count, [
    'Hours saved',
    'Hours saved monthly',
  ]),
  define('hourlyRate', 'Hourly rate', AMOUNT, money, ['Hourly cost', 'Cost per hour']),
  define('annualInvestment', 'Annual investment', AMOUNT, money, [
    'Investment',
    'Annual cost',
    'Annual spend',
  ]),
  // financial
  define('paymentStatus', 'Payment status', PAYMENT_STATUS.expected, byCategory(PAYMENT_STATUS), [
    'Payment history',
    'Payments',
    'Billing status',
  ]),
  define('arrTrend', 'ARR trend', ARR_TREND.expected, byCategory(ARR_TREND), [
    'Contract value trend',
    'Revenue trend',
  ]),
  // risk flags
  define('competitorMentioned', 'Competitor mentioned', YES_NO, flag, [
    'Competitor',
    'Competitive threat',
  ]),
  define('dataExportRequested', 'Data export requested', YES_NO, flag, ['Data export']),
  define('formalComplaint', 'Formal complaint', YES_NO, flag, ['Complaint']),
  define('renewalConversation', 'Renewal conversation started', YES_NO, flag, [
    'Renewal conversation',
    'Renewal discussion started',
    'Renewal kickoff done',
  ]),
  // expansion signals (the Customer Success Engine's buying signals) and lifecycle
  define('usageLimitReached', 'Usage limit reached', YES_NO, flag, [
    'Usage limit',
    'Hitting usage limits',
    'Plan limit reached',
    'At plan limit',
  ]),
  define('newDepartmentInterest', 'New department interest', YES_NO, flag, [
    'New department',
    'New team interest',
    'Cross-team interest',
  ]),
  define('championPromoted', 'Champion promoted', YES_NO, flag, ['Champion promotion']),
  define('expansionPipeline', 'Expansion pipeline', AMOUNT, money, [
    'Expansion opportunity',
    'Upsell pipeline',
    'Expansion ARR pipeline',
  ]),
  define('tierSince', 'Tier since', DATE, day, [
    'Health tier since',
    'Green since',
    'In tier since',
  ]),
  define('daysInTier', 'Days in tier', WHOLE, count, [
    'Days in health tier',
    'Days green',
    'Days in current tier',
  ]),
  define('firstValueDate', 'First value date', DATE, day, [
    'First value',
    'First value on',
    'Time to first value date',
    'Aha date',
  ]),
  define('onboardingComplete', 'Onboarding complete', YES_NO, flag, [
    'Onboarding completed',
    'Onboarding done',
  ]),
];

const BY_KEY = new Map<string, SignalDefinition>();
for (const signal of SIGNALS) {
  for (const name of [signal.label, signal.id, ...signal.aliases]) {
    const key = normalizeKey(name);
    const existing = BY_KEY.get(key);
    if (existing === signal) continue;
    if (existing) throw new Error(`Two signals answer to the header "${name}".`);
    BY_KEY.set(key, signal);
  }
}

/** The signal a header names, if any (case, spacing and punctuation ignored). */
export function signalForHeader(header: string): SignalDefinition | undefined {
  return BY_KEY.get(normalizeKey(header));
}

export function signalById<K extends SignalId>(id: K): SignalDefinition<K> {
  const signal = SIGNALS.find((candidate) => candidate.id === id);
  if (!signal) throw new Error(`Unknown signal ${id}`);
  return signal as unknown as SignalDefinition<K>;
}
