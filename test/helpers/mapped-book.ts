/**
 * A book whose export names six columns its own way, for the Columns tests: the one-truth book
 * (test/helpers/one-truth-book.ts) with "Most recent login" for Last login, "Exec buyer" for
 * Executive sponsor, "Usage ratio" for DAU/MAU, "Seats bought" and "Seats in use" for the
 * seats, "Team lead" for CSM, and three more columns nothing reads: a header that looks like a
 * formula, one that looks like HTML, and Notes. (The "Exec sponsor?" is recognised as
 * it is: punctuation is ignored.)
 */
import { type FakeSpreadsheet, createSpreadsheet } from '../../dev/runtime';
import { ONE_TRUTH_HEADERS, ONE_TRUTH_QBR_LOG, ONE_TRUTH_ROWS } from './one-truth-book';
import { SIDEBAR_HISTORY } from './sidebar-book';

/** The team's own names for six columns, and the column each holds (its SidebarApi value). */
const OWN_NAMES: Readonly<Record<string, { own: string; target: string }>> = {
  'Last login': { own: 'Most recent login', target: 'lastLogin' },
  'Executive sponsor': { own: 'Exec buyer', target: 'executiveSponsor' },
  'DAU/MAU': { own: 'Usage ratio', target: 'dauMau' },
  'Seats licensed': { own: 'Seats bought', target: 'seatsLicensed' },
  'Seats active': { own: 'Seats in use', target: 'seatsActive' },
  CSM: { own: 'Team lead', target: 'csm' },
};

/** User text that looks like a formula, and like HTML: text everywhere it goes. */
export const FORMULA_HEADER = '=HYPERLINK("http://evil.test","click")';
export const HTML_HEADER = '<img src=x onerror=alert(1)>';

/** The book with its headers renamed to the names CS Engine reads. */
export const RENAMED = [...ONE_TRUTH_HEADERS, FORMULA_HEADER, HTML_HEADER, 'Notes'];
/** The same book with the team's own names. */
export const OWN = RENAMED.map((header) => OWN_NAMES[header]?.own ?? header);
export const MAPPED_ROWS = ONE_TRUTH_ROWS.map((row, i) => [...row, `link ${i}`, 'x', 'anything']);

/** The target chosen for each of the book's own headers ('' to ignore it). */
export function targetOf(header: string): string {
  return Object.values(OWN_NAMES).find((name) => name.own === header)?.target ?? '';
}

export function mappedSpreadsheet(headers: readonly string[]): FakeSpreadsheet {
  // A leading apostrophe makes the header text, as typing it in Sheets would.
  const typed = headers.map((header) => (header.startsWith('=') ? `'${header}` : header));
  return createSpreadsheet(
    {
      Accounts: [typed, ...MAPPED_ROWS],
      History: SIDEBAR_HISTORY,
      'QBR Log': ONE_TRUTH_QBR_LOG,
    },
    { name: 'Customer Book', timeZone: 'UTC' },
  );
}
