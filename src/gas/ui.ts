/** The spreadsheet's user interface: the menu and simple dialogs. */
import type { MenuEntry } from '../app/menu';

/**
 * Set by the build: true for the Marketplace add-on, whose menu Google places under
 * Extensions > CS Engine; false for a script bound to one spreadsheet, which gets its own
 * "CS Engine" menu in the menu bar.
 */
declare const __ADDON__: boolean;

/** Installs the menu. Building it needs no authorization, so onOpen can always do it. */
export function installMenu(entries: readonly MenuEntry[]): void {
  const ui = SpreadsheetApp.getUi();
  const menu = __ADDON__ ? ui.createAddonMenu() : ui.createMenu('CS Engine');
  for (const entry of entries) {
    if (entry === 'separator') menu.addSeparator();
    else if ('items' in entry) {
      const sub = ui.createMenu(entry.caption);
      for (const item of entry.items) sub.addItem(item.caption, item.handler);
      menu.addSubMenu(sub);
    } else menu.addItem(entry.caption, entry.handler);
  }
  menu.addToUi();
}

export function showMessage(title: string, message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}

/** Asks for a line of text; null when the user cancels or closes the box. */
export function askText(title: string, question: string): string | null {
  const ui = SpreadsheetApp.getUi();
  const response = ui.prompt(title, question, ui.ButtonSet.OK_CANCEL);
  return response.getSelectedButton() === ui.Button.OK ? response.getResponseText() : null;
}
