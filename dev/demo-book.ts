/**
 * A seeded generator of a realistic book of accounts, for `npm start`, the benchmarks and
 * tests that need a sheet that looks like a CS team's.
 *
 * Every account has a hidden "latent health" between 0 and 1 that drives its signals, with
 * noise: healthy accounts log in daily, use their seats, reach their goals and pay on time;
 * poor ones do the opposite, raise tickets and mention competitors. The same seed always
 * gives the same book (no Math.random, no clock: "today" is an argument).
 *
 * With `messy` (the default) the cells look typed by people: money as "$120,000" or "1.2k",
 * percentages as "45%" or "0.45", flags as yes / Y / ✓ / TRUE, trend words in several
 * spellings, some blanks, a few broken cells ("#N/A", "abc"), one fully blank row, and two
 * account names that test escaping (an HTML script tag and a text starting with "=").
 */
import { seededRandom } from '../src/core/random';

export interface DemoBookOptions {
  /** Number of rows, the blank row included. */
  readonly accounts: number;
  /** PRNG seed; the same seed gives the same book. Default 42. */
  readonly seed?: number;
  /** The book's "today": dates are whole days before or after its local midnight. */
  readonly today: Date;
  /** Cells typed the way people type them (default true); false gives clean values. */
  readonly messy?: boolean;
}

export interface DemoBook {
  readonly headers: string[];
  readonly rows: unknown[][];
  /**
   * The hidden truth behind each row: its latent health (0-1), NaN for the blank row. Not
   * part of the sheet; tests use it to check that the signals follow it.
   */
  readonly latentHealth: number[];
}

/** The book's header row, as a real sheet would spell it (some in alias form). */
export const DEMO_HEADERS = [
  'Account',
  'Account ID',
  'CSM',
  'CSM Email',
  'ARR',
  'ARR at period start',
  'Segment',
  'Contract start',
  'Renewal date',
  'Status',
  'Churn date',
  'Churn reason',
  'DAU/MAU',
  'Seats licensed',
  'Seats active',
  'Features used',
  'Features available',
  'Core actions per week',
  'Usage change %',
  'Usage trend',
  'Last login',
  'Login trend',
  'Last CSM contact',
  'Meetings (90 days)',
  'Missed meetings',
  'Training completion',
  'Community active',
  'Tickets (30 days)',
  'Ticket trend',
  'CSAT',
  'Open critical tickets',
  'Escalations',
  'Champion',
  'Champion status',
  'Executive sponsor',
  'Contacts',
  'NPS',
  'Goals defined',
  'Goals achieved',
  'ROI documented',
  'Hours saved per month',
  'Hourly rate',
  'Annual investment',
  'Payment status',
  'ARR trend',
  'Competitor mentioned',
  'Data export requested',
  'Formal complaint',
] as const;

export type DemoHeader = (typeof DEMO_HEADERS)[number];

/** The column index of a header in the demo book. */
export function demoColumn(header: DemoHeader): number {
  return DEMO_HEADERS.indexOf(header);
}

export const CHURN_REASONS = [
  'product',
  'value',
  'relationship',
  'financial',
  'competition',
  'strategic',
] as const;

export const SEGMENTS = ['Self-Serve', 'SMB', 'Mid-Market', 'Enterprise'] as const;
type Segment = (typeof SEGMENTS)[number];

/** The CSM team: name and email. */
export const CSM_TEAM: readonly { readonly name: string; readonly email: string }[] = [
  { name: 'Maya Patel', email: 'maya.patel@cs-engine.example' },
  { name: 'Jonas Berg', email: 'jonas.berg@cs-engine.example' },
  { name: 'Aisha Okafor', email: 'aisha.okafor@cs-engine.example' },
  { name: 'Lucas Moreau', email: 'lucas.moreau@cs-engine.example' },
  { name: 'Sofia Ramirez', email: 'sofia.ramirez@cs-engine.example' },
  { name: 'Kenji Tanaka', email: 'kenji.tanaka@cs-engine.example' },
];

export const SCRIPT_ACCOUNT = '<script>alert(1)</script>';
export const FORMULA_ACCOUNT = '=HYPERLINK("https://example.com","Click me")';
/** Broken cells a real sheet shows: Sheets errors and stray text in a numeric column. */
export const BROKEN_CELLS = ['#N/A', 'n/a?', 'abc', '#REF!', '#VALUE!', '??'] as const;

const NAME_FIRST = [
  'Northwind',
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Stark',
  'Wayne',
  'Hooli',
  'Vandelay',
  'Soylent',
  'Tyrell',
  'Cyberdyne',
  'Wonka',
  'Oceanic',
  'Blue Harbor',
  'Redwood',
  'Silverline',
  'Brightpath',
  'Ironclad',
  'Summit',
  'Evergreen',
  'Lakeside',
  'Polaris',
  'Quantum',
  'Horizon',
  'Cobalt',
  'Keystone',
  'Pinnacle',
  'Meridian',
  'Atlas',
  'Beacon',
  'Cascade',
  'Falcon',
  'Granite',
  'Juniper',
  'Lumen',
  'Nimbus',
  'Orchid',
  'Sterling',
  'Trident',
  'Vertex',
  'Zephyr',
  'Maple',
  'Harbor Point',
  'Clearwater',
];

const NAME_SECOND = [
  'Logistics',
  'Analytics',
  'Health',
  'Labs',
  'Systems',
  'Foods',
  'Capital',
  'Robotics',
  'Energy',
  'Media',
  'Retail',
  'Software',
  'Networks',
  'Insurance',
  'Biotech',
  'Freight',
  'Hospitality',
  'Learning',
  'Manufacturing',
  'Partners',
  'Security',
  'Telecom',
  'Travel',
  'Ventures',
  'Works',
];

const PEOPLE = [
  'Dana Kim',
  'Priya Shah',
  'Tom Fischer',
  'Elena Rossi',
  'Sam Carter',
  'Noah Levi',
  'Chloe Martin',
  'Omar Haddad',
  'Grace Liu',
  'Ben Novak',
  'Ines Duarte',
  'Ravi Kumar',
];

/** mulberry32, the same seeded generator core uses (src/core/random.ts). */
export const mulberry32 = seededRandom;

class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  between(low: number, high: number): number {
    return low + (high - low) * this.next();
  }
  int(low: number, high: number): number {
    return low + Math.floor((high - low + 1) * this.next());
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  /** Standard normal (Box-Muller). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** ARR range per segment (log-uniform inside it), and seats licensed. */
const SEGMENT_SHAPE: Readonly<
  Record<Segment, { arr: [number, number]; seats: [number, number]; share: number }>
> = {
  'Self-Serve': { arr: [1_000, 5_000], seats: [1, 10], share: 0.25 },
  SMB: { arr: [5_000, 25_000], seats: [8, 50], share: 0.35 },
  'Mid-Market': { arr: [25_000, 100_000], seats: [40, 250], share: 0.25 },
  Enterprise: { arr: [100_000, 500_000], seats: [200, 2_000], share: 0.15 },
};

function pickSegment(random: Random): Segment {
  let roll = random.float();
  for (const segment of SEGMENTS) {
    roll -= SEGMENT_SHAPE[segment].share;
    if (roll < 0) return segment;
  }
  return 'SMB';
}

/** A plausible ARR: log-normal-ish inside the segment's range, rounded to 100. */
function arrFor(random: Random, segment: Segment): number {
  const [low, high] = SEGMENT_SHAPE[segment].arr;
  const position = clamp(random.normal(0.45, 0.25), 0, 0.999);
  const value = Math.exp(Math.log(low) + position * (Math.log(high) - Math.log(low)));
  return Math.round(value / 100) * 100;
}

type Direction = 'up' | 'flat' | 'down';

/** Which way a signal moves for a given health, with noise. */
function direction(random: Random, health: number): Direction {
  const drift = health - 0.5 + random.normal(0, 0.18);
  if (drift > 0.15) return 'up';
  if (drift < -0.15) return 'down';
  return 'flat';
}

/** The truth about one account, before it is typed into cells. */
interface Account {
  /** The hidden health (0-1) that drives every signal. */
  latent: number;
  name: string;
  id: string;
  csm: (typeof CSM_TEAM)[number];
  arr: number;
  startArr: number | '';
  segment: Segment;
  contractStart: number;
  renewal: number;
  churned: boolean;
  churnDate: number;
  churnReason: string;
  dauMau: number;
  seatsLicensed: number;
  seatsActive: number;
  featuresUsed: number;
  featuresAvailable: number;
  coreActions: number;
  usageChange: number;
  usageTrend: Direction;
  lastLogin: number;
  loginTrend: Direction;
  lastContact: number;
  meetings: number;
  missed: number;
  training: number;
  community: boolean;
  tickets: number;
  ticketTrend: Direction;
  csat: number;
  critical: number;
  escalations: number;
  champion: boolean;
  championName: string;
  championStatus: 'active' | 'new' | 'at-risk' | 'left' | 'none';
  sponsor: boolean;
  sponsorName: string;
  contacts: number;
  nps: number;
  /** Blank for digital-only accounts without a success plan. */
  goalsDefined: number | '';
  goalsAchieved: number | '';
  roi: boolean;
  hoursSaved: number;
  hourlyRate: number;
  investment: number;
  payment: 'current' | 'late' | 'delinquent';
  arrTrend: 'expanding' | 'stable' | 'contracting';
  competitor: boolean;
  dataExport: boolean;
  complaint: boolean;
}

/** Accounts churned in the last year: a few percent, as in a real book. */
const CHURNED_SHARE = 0.05;
/** Of the active accounts: the healthy majority, a minority at risk, the rest critical. */
const HEALTHY_SHARE = 0.8;
const AT_RISK_SHARE = 0.15;

function makeAccount(random: Random, index: number, name: string): Account {
  const churned = random.chance(CHURNED_SHARE);
  const newLogo = !churned && random.chance(0.065);
  // Churned accounts were unhealthy. A real book is mostly healthy: most active accounts in
  // the top two tiers, a minority at risk and a few critical.
  const band = random.float();
  const health = churned
    ? clamp(random.normal(0.2, 0.1), 0.01, 0.45)
    : band < HEALTHY_SHARE
      ? clamp(random.normal(0.8, 0.1), 0.45, 0.99)
      : band < HEALTHY_SHARE + AT_RISK_SHARE
        ? clamp(random.normal(0.45, 0.08), 0.25, 0.65)
        : clamp(random.normal(0.2, 0.08), 0.02, 0.35);
  const h = health;
  const noisy = (value: number, sd: number) => value + random.normal(0, sd);
  const segment = pickSegment(random);
  const base = arrFor(random, segment);

  let arr: number;
  let startArr: number | '';
  if (churned) {
    arr = 0;
    startArr = base;
  } else if (newLogo) {
    arr = base;
    startArr = random.chance(0.5) ? '' : 0;
  } else {
    // Healthier accounts expand; poor ones contract; many renew flat.
    const change = random.chance(0.45) ? 0 : noisy(0.03 + 0.3 * (h - 0.55), 0.1);
    startArr = base;
    arr = clamp(Math.round((base * (1 + clamp(change, -0.6, 0.8))) / 100) * 100, 1_000, 500_000);
  }

  const [seatLow, seatHigh] = SEGMENT_SHAPE[segment].seats;
  const seatsLicensed = random.int(seatLow, seatHigh);
  const seatsActive = Math.round(seatsLicensed * clamp(noisy(0.15 + 0.8 * h, 0.1), 0.02, 1));
  const featuresAvailable = random.pick([20, 24, 30, 40]);
  const featuresUsed = Math.round(featuresAvailable * clamp(noisy(0.1 + 0.75 * h, 0.1), 0.03, 1));
  const dauMau = clamp(noisy(0.05 + 0.55 * h, 0.07), 0.01, 0.9);
  const usageTrend = direction(random, h);
  const usageChange = clamp(noisy((h - 0.5) * 0.5, 0.1), -0.8, 0.9);
  // Digital-only (Self-Serve) accounts often have no success plan: no goals tracked.
  const planned = segment !== 'Self-Serve' || random.chance(0.4);
  const goals = random.int(1, 6);
  const goalsDefined = planned ? goals : '';
  const goalsAchieved = planned ? Math.round(goals * clamp(noisy(h, 0.15), 0, 1)) : '';
  const champion = random.chance(clamp(0.15 + 0.85 * h, 0, 0.97));
  const championStatus: Account['championStatus'] = !champion
    ? random.chance(0.5)
      ? 'none'
      : 'left'
    : h > 0.55
      ? random.chance(0.9)
        ? 'active'
        : 'new'
      : random.pick(['at-risk', 'new', 'active'] as const);
  const sponsor = random.chance(clamp(0.1 + 0.8 * h, 0, 0.95));
  const paymentRoll = random.float() + (h - 0.5) * 0.8;
  const payment = paymentRoll > 0.2 ? 'current' : paymentRoll > 0 ? 'late' : 'delinquent';
  const arrTrend =
    typeof startArr === 'number' && startArr > 0
      ? arr > startArr
        ? 'expanding'
        : arr < startArr
          ? 'contracting'
          : 'stable'
      : 'expanding';
  const contractStart = newLogo ? -random.int(10, 330) : -random.int(200, 1_800);
  // Churned within the last year, and never before the contract started.
  const churnDate = churned ? -random.int(1, Math.min(365, -contractStart - 1)) : 0;
  const lastLoginDays = churned
    ? random.int(30, 200)
    : Math.round(clamp(Math.abs(noisy((1 - h) * 35, 6)), 0, 120));

  return {
    name,
    id: `ACC-${String(10001 + index)}`,
    csm: random.pick(CSM_TEAM),
    arr,
    startArr,
    segment,
    contractStart,
    renewal: random.int(-30, 365),
    churned,
    churnDate,
    churnReason: churned ? random.pick(CHURN_REASONS) : '',
    dauMau,
    seatsLicensed,
    seatsActive,
    featuresUsed,
    featuresAvailable,
    coreActions: Math.round(seatsActive * clamp(noisy(2 + 18 * h, 3), 0, 40)),
    usageChange,
    usageTrend,
    lastLogin: -lastLoginDays,
    loginTrend: random.chance(0.7) ? usageTrend : direction(random, h),
    lastContact: -Math.round(clamp(noisy(60 - 50 * h, 15), 0, 180)),
    meetings: Math.round(clamp(noisy(1 + 7 * h, 1.2), 0, 12)),
    missed: Math.round(clamp(noisy(3 * (1 - h), 0.8), 0, 6)),
    training: clamp(noisy(0.1 + 0.85 * h, 0.12), 0, 1),
    community: random.chance(clamp(-0.1 + 0.8 * h, 0.02, 0.9)),
    tickets: Math.round(clamp(noisy(1 + 10 * (1 - h), 2), 0, 40)),
    ticketTrend: invert(direction(random, h)),
    csat: Math.round(clamp(noisy(2.2 + 2.7 * h, 0.4), 1, 5) * 10) / 10,
    critical: Math.round(clamp(noisy(2.5 * (1 - h) - 0.6, 0.6), 0, 6)),
    escalations: Math.round(clamp(noisy(2 * (1 - h) - 0.5, 0.6), 0, 5)),
    champion,
    championName: random.pick(PEOPLE),
    championStatus,
    sponsor,
    sponsorName: random.pick(PEOPLE),
    contacts: Math.max(1, Math.round(noisy(1 + 7 * h, 1.5) * (segment === 'Enterprise' ? 2 : 1))),
    nps: Math.round(clamp(noisy(2 + 8 * h, 1.3), 0, 10)),
    goalsDefined,
    goalsAchieved,
    roi: random.chance(clamp(-0.1 + h, 0.03, 0.9)),
    hoursSaved: Math.round(Math.max(0, noisy(seatsActive * 2 * h, 5))),
    hourlyRate: random.pick([45, 55, 60, 75, 90, 110]),
    investment: arr > 0 ? arr : typeof startArr === 'number' ? startArr : 0,
    payment,
    arrTrend,
    competitor: random.chance(clamp(0.45 - 0.6 * h, 0.005, 0.5)),
    dataExport: random.chance(clamp(0.3 - 0.45 * h, 0.005, 0.4)),
    complaint: random.chance(clamp(0.2 - 0.3 * h, 0.005, 0.3)),
    latent: health,
  };
}

/** Ticket trend moves the other way: healthy accounts file fewer tickets. */
function invert(trend: Direction): Direction {
  return trend === 'up' ? 'down' : trend === 'down' ? 'up' : 'flat';
}

/** Unique company names: every first x second combination once, in a seeded order. */
function companyNames(random: Random, count: number): string[] {
  const combos: string[] = [];
  for (const first of NAME_FIRST)
    for (const second of NAME_SECOND) combos.push(`${first} ${second}`);
  for (let i = combos.length - 1; i > 0; i--) {
    const j = Math.floor(random.float() * (i + 1));
    [combos[i], combos[j]] = [combos[j] as string, combos[i] as string];
  }
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const round = Math.floor(i / combos.length);
    const name = combos[i % combos.length] as string;
    names.push(round === 0 ? name : `${name} ${round + 1}`);
  }
  return names;
}

/** How cells are typed: clean values, or the many spellings people use. */
class Typist {
  constructor(
    private readonly random: Random,
    private readonly messy: boolean,
    private readonly today: Date,
  ) {}

  day(offset: number): Date {
    const t = this.today;
    return new Date(t.getFullYear(), t.getMonth(), t.getDate() + offset);
  }

  money(value: number): unknown {
    if (!this.messy) return value;
    const roll = this.random.float();
    if (roll < 0.5) return value;
    if (roll < 0.75) return `$${value.toLocaleString('en-US')}`;
    if (roll < 0.92 && value >= 1_000 && value % 100 === 0) return `${trim(value / 1_000)}k`;
    return String(value);
  }

  percent(ratio: number): unknown {
    const rounded = Math.round(ratio * 100) / 100;
    if (!this.messy) return rounded;
    const roll = this.random.float();
    if (roll < 0.4) return `${Math.round(ratio * 100)}%`;
    if (roll < 0.8) return rounded;
    return rounded.toFixed(2);
  }

  change(ratio: number): unknown {
    const rounded = Math.round(ratio * 100) / 100;
    if (!this.messy) return rounded;
    const percent = Math.round(ratio * 100);
    return this.random.chance(0.6) ? `${percent > 0 ? '+' : ''}${percent}%` : rounded;
  }

  flag(value: boolean): unknown {
    if (!this.messy) return value;
    const styles: readonly (readonly [unknown, unknown])[] = [
      ['yes', 'no'],
      ['Yes', 'No'],
      ['Y', 'N'],
      [true, false],
      ['TRUE', 'FALSE'],
      ['✓', 'no'],
      ['x', 'n'],
    ];
    const [yes, no] = this.random.pick(styles);
    return value ? yes : no;
  }

  trend(value: Direction): unknown {
    if (!this.messy) return value;
    const words: Readonly<Record<Direction, readonly string[]>> = {
      up: ['up', 'Up', 'growing', 'increasing'],
      flat: ['flat', 'Flat', 'stable'],
      down: ['down', 'declining', 'Declining', 'decreasing'],
    };
    return this.random.pick(words[value]);
  }

  ticketTrend(value: Direction): unknown {
    if (!this.messy) return value;
    const words: Readonly<Record<Direction, readonly string[]>> = {
      up: ['up', 'Up', 'increasing'],
      flat: ['flat', 'stable', 'Flat'],
      down: ['down', 'Down', 'decreasing'],
    };
    return this.random.pick(words[value]);
  }

  word(value: string): unknown {
    if (!this.messy) return value;
    const roll = this.random.float();
    if (roll < 0.6) return value;
    if (roll < 0.85) return value.charAt(0).toUpperCase() + value.slice(1);
    return value.toUpperCase();
  }
}

/** 1200 -> "1.2", 120 -> "120". */
function trim(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** Columns a CS team often leaves empty, and how often (when messy). */
const OPTIONAL_BLANK_RATE = 0.04;
const NEVER_BLANK = new Set<number>(
  (['Account', 'Account ID', 'CSM', 'ARR', 'ARR at period start', 'Status'] as const).map(
    demoColumn,
  ),
);
/** Numeric columns that may hold a broken cell. */
const BREAKABLE = (
  [
    'DAU/MAU',
    'Seats active',
    'CSAT',
    'NPS',
    'Tickets (30 days)',
    'Training completion',
    'Goals achieved',
  ] as const
).map(demoColumn);

function typeRow(account: Account, typist: Typist, random: Random, messy: boolean): unknown[] {
  const a = account;
  const champion: unknown =
    messy && a.champion && random.chance(0.35) ? a.championName : typist.flag(a.champion);
  const sponsor: unknown =
    messy && a.sponsor && random.chance(0.35) ? a.sponsorName : typist.flag(a.sponsor);
  const row: unknown[] = [
    a.name,
    a.id,
    a.csm.name,
    messy && random.chance(0.05) ? a.csm.email.toUpperCase() : a.csm.email,
    typist.money(a.arr),
    a.startArr === '' ? '' : typist.money(a.startArr),
    messy && random.chance(0.06) ? '' : a.segment,
    typist.day(a.contractStart),
    typist.day(a.renewal),
    typist.word(a.churned ? 'churned' : 'active'),
    a.churned ? typist.day(a.churnDate) : '',
    a.churned ? typist.word(a.churnReason) : '',
    typist.percent(a.dauMau),
    a.seatsLicensed,
    a.seatsActive,
    a.featuresUsed,
    a.featuresAvailable,
    a.coreActions,
    typist.change(a.usageChange),
    typist.trend(a.usageTrend),
    typist.day(a.lastLogin),
    typist.trend(a.loginTrend),
    typist.day(a.lastContact),
    a.meetings,
    a.missed,
    typist.percent(a.training),
    typist.flag(a.community),
    a.tickets,
    typist.ticketTrend(a.ticketTrend),
    messy && random.chance(0.15) ? `${Math.round(((a.csat - 1) / 4) * 100)}%` : a.csat,
    a.critical,
    a.escalations,
    champion,
    typist.word(a.championStatus),
    sponsor,
    a.contacts,
    a.nps,
    a.goalsDefined,
    a.goalsAchieved,
    typist.flag(a.roi),
    a.hoursSaved,
    typist.money(a.hourlyRate),
    typist.money(a.investment),
    typist.word(a.payment),
    typist.word(a.arrTrend),
    typist.flag(a.competitor),
    typist.flag(a.dataExport),
    typist.flag(a.complaint),
  ];
  if (messy) {
    for (let column = 0; column < row.length; column++) {
      if (!NEVER_BLANK.has(column) && random.chance(OPTIONAL_BLANK_RATE)) row[column] = '';
    }
    if (random.chance(1 / 60)) row[random.pick(BREAKABLE)] = random.pick(BROKEN_CELLS);
  }
  return row;
}

/** Generates a book of `accounts` rows (see the module comment). */
export function generateBook(options: DemoBookOptions): DemoBook {
  const { accounts, seed = 42, today, messy = true } = options;
  if (!Number.isInteger(accounts) || accounts < 0) {
    throw new Error(`accounts must be a whole number >= 0, got ${accounts}`);
  }
  const random = new Random(seed);
  const names = companyNames(random, accounts);
  // The special rows of a messy book, at seeded positions (books of 10 rows or more).
  const special = new Map<number, 'blank' | 'script' | 'formula'>();
  if (messy && accounts >= 10) {
    const third = Math.floor(accounts / 3);
    special.set(random.int(1, third - 1), 'script');
    special.set(random.int(third, 2 * third - 1), 'blank');
    special.set(random.int(2 * third, accounts - 1), 'formula');
  }
  const typist = new Typist(random, messy, today);
  const rows: unknown[][] = [];
  const latentHealth: number[] = [];
  for (let index = 0; index < accounts; index++) {
    const kind = special.get(index);
    if (kind === 'blank') {
      rows.push(DEMO_HEADERS.map(() => ''));
      latentHealth.push(Number.NaN);
      continue;
    }
    const name =
      kind === 'script'
        ? SCRIPT_ACCOUNT
        : kind === 'formula'
          ? FORMULA_ACCOUNT
          : (names[index] as string);
    const account = makeAccount(random, index, name);
    rows.push(typeRow(account, typist, random, messy));
    latentHealth.push(account.latent);
  }
  return { headers: [...DEMO_HEADERS], rows, latentHealth };
}

/** One column of a book as a Sheets range (M x 1). */
export function columnOf(book: DemoBook, header: DemoHeader): unknown[][] {
  const index = demoColumn(header);
  return book.rows.map((row) => [row[index]]);
}

/** A cell as text, as a CSV export writes it: dates as YYYY-MM-DD on the local calendar. */
export function cellText(value: unknown): string {
  if (value instanceof Date) {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  return value === null || value === undefined ? '' : String(value);
}

/** One CSV cell (RFC 4180 quoting); dates as YYYY-MM-DD on the local calendar. */
export function csvCell(value: unknown): string {
  const text = cellText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The book as CSV text, header row first, CRLF line ends. */
export function toCsv(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [headers, ...rows].map((row) => row.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
