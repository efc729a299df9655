/**
 * A book where the features used to disagree: three churned accounts whose reasons the
 * Dashboard and the sidebar categorised differently ("Poor support", "Unused seats", "Company
 * closed"), one of them churned by its churn date alone (no Status), and an account typed
 * "Enterprise" in the Segment column with $60k of ARR (Mid-Market by ARR).
 * Today is 2026-01-15 (SIDEBAR_NOW), in UTC.
 */
import { createSpreadsheet, type FakeSpreadsheet } from '../../dev/runtime';
import { SIDEBAR_HEADERS, SIDEBAR_HISTORY, sidebarRows } from './sidebar-book';

export const ONE_TRUTH_HEADERS = [
  ...SIDEBAR_HEADERS,
  'Segment',
  'Status',
  'Churn date',
  'Churn reason',
];

type Row = (string | number | boolean | Date)[];

const column = (header: string) => SIDEBAR_HEADERS.indexOf(header);

/** A copy of `row` with some of its cells replaced by header. */
function withCells(row: Row, cells: Record<string, string | number>): Row {
  const copy = [...row];
  for (const [header, value] of Object.entries(cells)) copy[column(header)] = value;
  return copy;
}

/** Sheet rows 2 to 6. */
export const ONE_TRUTH_ROWS = (() => {
  const [acme, globex] = sidebarRows() as [Row, Row];
  return [
    // 2: live, Enterprise by ARR ($150k).
    [...acme, '', 'active', '', ''],
    // 3: live, typed Enterprise with $60k ARR.
    [
      ...withCells(acme, { Account: 'Bigco', 'Account ID': 'BIG-2', ARR: 60000 }),
      'Enterprise',
      'active',
      '',
      '',
    ],
    // 4: churned (Status) 10 days ago; its signals would fire Critical alerts if it were live.
    [
      ...withCells(globex, { Account: 'Poorsupport Inc', 'Account ID': 'PS-4' }),
      '',
      'churned',
      '2026-01-05',
      'Poor support',
    ],
    // 5: churned by its churn date alone (no Status).
    [
      ...withCells(globex, { Account: 'Unused Co', 'Account ID': 'UN-5' }),
      '',
      '',
      '2025-12-20',
      'Unused seats',
    ],
    // 6: churned (Status).
    [
      ...withCells(globex, { Account: 'Closed Ltd', 'Account ID': 'CL-6' }),
      '',
      'Churned',
      '2026-01-10',
      'Company closed',
    ],
  ] as Row[];
})();

/** QBRs held: Acme exactly 91 days before today (on time), Bigco 100 days before (late). */
export const ONE_TRUTH_QBR_LOG = [
  ['Time', 'Account', 'Quarter', 'Agenda', 'Document', 'Link', 'Created by'],
  ['2025-10-16', 'Acme Corp', 'Q3 2025', '60-minute QBR', 'QBR - Acme Corp', '', 'csm@example.com'],
  ['2025-10-07', 'Bigco', 'Q3 2025', '60-minute QBR', 'QBR - Bigco', '', 'csm@example.com'],
];

export function oneTruthSpreadsheet(): FakeSpreadsheet {
  return createSpreadsheet(
    {
      Accounts: [ONE_TRUTH_HEADERS, ...ONE_TRUTH_ROWS],
      History: SIDEBAR_HISTORY,
      'QBR Log': ONE_TRUTH_QBR_LOG,
    },
    { name: 'Customer Book', timeZone: 'UTC' },
  );
}
