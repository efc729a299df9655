/** The sidebar: shown from the built Sidebar.html, and its endpoints' ports. */
import type { SidebarPorts } from '../app/sidebar/server';
import { alertPorts } from './alert-ports';
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
  const ports = alertPorts();
  return {
    sheets: ports.sheets,
    properties: ports.properties,
    docs: documentWriter,
    activeRow,
    now: ports.now,
    timeZone: ports.timeZone,
    userEmail: () => Session.getActiveUser().getEmail(),
    content: loadContent,
  };
}
