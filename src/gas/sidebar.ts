/** The sidebar: shown from the built Sidebar.html, and its endpoints' ports. */
import type { SidebarPorts } from '../app/sidebar/server';
import { workbookPorts } from './workbook-ports';
import { loadContent } from './load-content';
import { documentWriter } from './docs';

/** Opens the sidebar (dist/Sidebar.html, one file with its script and styles inlined). */
export function showSidebar(): void {
  const output = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('CS Engine');
  SpreadsheetApp.getUi().showSidebar(output);
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
