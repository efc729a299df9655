/** The sidebar: shown from the built Sidebar.html, and its endpoints' ports. */
import type { SidebarPorts } from '../app/sidebar/server';
import { type SidebarStart, sidebarPageOpenedOn } from '../app/sidebar/start';
import { workbookPorts } from './workbook-ports';
import { loadContent } from './load-content';
import { documentWriter } from './docs';

/**
 * Opens the sidebar (dist/Sidebar.html, one file with its script and styles inlined), on the
 * Account tab or on `start`.
 */
export function showSidebar(start?: SidebarStart): void {
  const page = HtmlService.createHtmlOutputFromFile('Sidebar');
  const output = start
    ? HtmlService.createHtmlOutput(sidebarPageOpenedOn(page.getContent(), start))
    : page;
  SpreadsheetApp.getUi().showSidebar(output.setTitle('CS Engine'));
}

function activeRow(): { sheet: string; row: number } | undefined {
  const range = SpreadsheetApp.getActiveRange();
  if (!range) return undefined;
  return { sheet: range.getSheet().getName(), row: range.getRow() };
}

export function sidebarPorts(): SidebarPorts {
  return {
    ...workbookPorts(),
    docs: documentWriter,
    activeRow,
    userEmail: () => Session.getActiveUser().getEmail(),
    content: loadContent,
  };
}
