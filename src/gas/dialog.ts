/** Modal dialogs of HTML built by src/app/ (already escaped there). */

export function showDialog(title: string, html: string, width: number, height: number): void {
  const output = HtmlService.createHtmlOutput(html).setWidth(width).setHeight(height);
  SpreadsheetApp.getUi().showModalDialog(output, title);
}
