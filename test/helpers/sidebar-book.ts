/**
 * A small book for the sidebar and QBR tests. "Acme Corp" (row 2) is worked by hand in
 * test/bundle/sidebar.test.ts: its ROI is the office skill's worked example, 350 hours a month at
 * $50 an hour against $60,000 a year = $210,000 a year = 3.5x.
 */
import { createSpreadsheet, type FakeSpreadsheet } from '../../dev/runtime';

export const SIDEBAR_HEADERS = [
  'Account',
  'Account ID',
  'CSM',
  'CSM email',
  'ARR',
  'Renewal date',
  'Contract start',
  'DAU/MAU',
  'Seats licensed',
  'Seats active',
  'Features used',
  'Features available',
  'Champion',
  'Champion status',
  'Executive sponsor',
  'Payment status',
  'ARR trend',
  'Goals defined',
  'Goals achieved',
  'ROI documented',
  'Hours saved per month',
  'Hourly rate',
  'Annual investment',
  'Tickets (30 days)',
  'CSAT',
  'Open critical tickets',
  'NPS',
  'Last login',
  'Competitor mentioned',
];

export const XSS_NAME = '<img src=x onerror=alert(1)>';

type Row = (string | number | boolean | Date)[];

/** One row per account, in SIDEBAR_HEADERS order. */
export function sidebarRows(goals = 4): Row[] {
  return [
    [
      'Acme Corp',
      'ACME-1',
      'Dana Lee',
      'dana@example.com',
      150000,
      '2026-09-30',
      '2024-10-01',
      0.55,
      100,
      92,
      14,
      20,
      'Sam Fox',
      'active',
      'Ria Chen',
      'current',
      'expanding',
      goals,
      Math.min(3, goals),
      'yes',
      350,
      50,
      60000,
      4,
      4.6,
      0,
      9,
      '2026-01-14',
      'no',
    ],
    [
      'Globex',
      'GLX-2',
      'Dana Lee',
      'dana@example.com',
      40000,
      '2026-02-20',
      '2025-03-01',
      0.08,
      50,
      9,
      3,
      20,
      'no',
      'left',
      'no',
      'late',
      'contracting',
      3,
      0,
      'no',
      '',
      '',
      '',
      14,
      2.5,
      2,
      4,
      '2025-11-20',
      'yes',
    ],
    [
      XSS_NAME,
      'XSS-3',
      '=HYPERLINK("http://evil.example")',
      'ops@example.com',
      12000,
      '2026-06-01',
      '2025-06-01',
      0.3,
      20,
      12,
      8,
      20,
      'yes',
      'active',
      'yes',
      'current',
      'stable',
      2,
      1,
      'no',
      10,
      40,
      12000,
      3,
      4,
      0,
      8,
      '2026-01-10',
      'no',
    ],
  ];
}

/**
 * The History sheet the daily alerts keep: Acme has been Thriving since 2025-11-01 (75 days
 * before the tests' today, 2026-01-15), so the expansion gate is open for it.
 */
export const SIDEBAR_HISTORY = [
  [
    'Account key',
    'Account',
    'Last run',
    'Score',
    'Tier',
    'Tier since',
    'Alert state',
    'Daily scores',
  ],
  [
    'ACME-1',
    'Acme Corp',
    '2026-01-10',
    81,
    'Thriving',
    '2025-11-01',
    '',
    '2025-10-15=72 2025-11-01=80 2025-12-01=83 2026-01-10=81',
  ],
];

/** The tests' today: a Thursday, in UTC. */
export const SIDEBAR_NOW = new Date('2026-01-15T15:00:00Z');

export function sidebarSpreadsheet(goals = 4, extraRows: Row[] = []): FakeSpreadsheet {
  return createSpreadsheet(
    {
      Accounts: [SIDEBAR_HEADERS, ...sidebarRows(goals), ...extraRows],
      History: SIDEBAR_HISTORY,
    },
    { name: 'Customer Book', timeZone: 'UTC' },
  );
}

/**
 * An At-Risk account (a score from 40 to 59) with most of what the sidebar can show: early
 * warnings, a save play, an NPS follow-up, a renewal step due and no ROI. In SIDEBAR_HEADERS
 * order; sidebarBookWithAtRisk puts it after a blank row.
 */
function atRiskRow(): Row {
  return [
    'Vandelay Industries',
    'VAN-6',
    'Dana Lee',
    'dana@example.com',
    90000,
    '2026-03-20',
    '2024-04-01',
    0.55,
    60,
    45,
    9,
    20,
    'Art Vandelay',
    'active',
    'yes',
    'late',
    'stable',
    4,
    1,
    'no',
    '',
    '',
    '',
    14,
    3.4,
    1,
    5,
    '2025-12-01',
    'yes',
  ];
}

/** Vandelay's History: Healthy in the autumn, At-Risk since 2025-12-01 and falling. */
const AT_RISK_HISTORY = [
  'VAN-6',
  'Vandelay Industries',
  '2026-01-10',
  50,
  'At-Risk',
  '2025-12-01',
  '',
  '2025-10-15=68 2025-11-15=61 2025-12-01=57 2026-01-10=50',
];

/** Rows 2-4 as sidebarSpreadsheet, row 5 blank, row 6 the At-Risk "Vandelay Industries" with its History. */
export function sidebarBookWithAtRisk(): FakeSpreadsheet {
  return createSpreadsheet(
    {
      Accounts: [SIDEBAR_HEADERS, ...sidebarRows(), [], atRiskRow()],
      History: [...SIDEBAR_HISTORY, AT_RISK_HISTORY],
    },
    { name: 'Customer Book', timeZone: 'UTC' },
  );
}

/**
 * An account that started years before the tests' today, with the issue's shape: its value
 * comes to less than its cost (200 h x $40 x 12 = $96,000 against $120,000 = 0.8x), the book
 * names its champion and sponsor, defines 2 goals, and its health is middling. Added after the
 * default rows (row 5) by the tests that need it.
 */
const OLD_ACCOUNT_NAME = 'Initech';

export function oldAccountRow(overrides: Partial<Record<string, Row[number]>> = {}): Row {
  const cells: Record<string, Row[number]> = {
    Account: OLD_ACCOUNT_NAME,
    'Account ID': 'INI-4',
    CSM: 'Ken Ito',
    'CSM email': 'ken@example.com',
    ARR: 120000,
    'Renewal date': '2026-06-30',
    'Contract start': '2022-03-01',
    'DAU/MAU': 0.2,
    'Seats licensed': 100,
    'Seats active': 45,
    'Features used': 6,
    'Features available': 20,
    Champion: 'Priya Nair',
    'Champion status': 'active',
    'Executive sponsor': 'Tom Ruiz',
    'Payment status': 'current',
    'ARR trend': 'stable',
    'Goals defined': 2,
    'Goals achieved': 0,
    'ROI documented': 'yes',
    'Hours saved per month': 200,
    'Hourly rate': 40,
    'Annual investment': 120000,
    'Tickets (30 days)': 9,
    CSAT: 3.4,
    'Open critical tickets': 1,
    NPS: 6,
    'Last login': '2026-01-02',
    'Competitor mentioned': 'no',
    ...overrides,
  };
  return SIDEBAR_HEADERS.map((header) => cells[header] ?? '');
}
