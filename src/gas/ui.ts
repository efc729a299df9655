/** The spreadsheet's user interface: the add-on menu and simple dialogs. */

export interface MenuEntry {
  readonly caption: string;
  /** The name of the global function the item runs. */
  readonly handler: string;
}

/**
 * Installs the menu. createAddonMenu works both for the published add-on (under Extensions)
 * and for a script bound to the sheet, so onOpen needs no authorization to build it.
 */
export function installMenu(entries: readonly MenuEntry[]): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const entry of entries) {
    if (entry.caption === '-') menu.addSeparator();
    else menu.addItem(entry.caption, entry.handler);
  }
  menu.addToUi();
}

export function showMessage(title: string, message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}
