/**
 * The tab the sidebar opens on when a menu item opens it for one job ("Check my book’s
 * columns" opens the Columns tab). The page is one static file: the tab is marked on its body,
 * where sidebar/main.ts reads it.
 */
export type SidebarStart = 'columns';

/** The sidebar's page, marked to open on `start`. */
export function sidebarPageOpenedOn(html: string, start: SidebarStart): string {
  return html.replace('<body', `<body data-start="${start}"`);
}

/** The tab a shown sidebar page opens on, if it is marked (for the local playground). */
export function startOfSidebarPage(html: string): SidebarStart | undefined {
  return /<body[^>]*\sdata-start="columns"/.test(html) ? 'columns' : undefined;
}
