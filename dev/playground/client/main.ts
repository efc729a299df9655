/**
 * The playground page's script: renders the server's JSON with textContent (the sheet's text
 * never becomes markup), moves the active row and refreshes the sidebar, runs the menu's
 * actions, and shows documents, emails and dialogs in sandboxed frames.
 */
import { drawChart } from './charts';
import type {
  ActionReply,
  DocumentSummary,
  MailSummary,
  PlaygroundState,
  SheetValues,
  ShownEvent,
} from '../types';

let state: PlaygroundState | undefined;
let shownDocument: string | undefined;
let shownMail: number | undefined;
let shownSheet = 'Dashboard';

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing`);
  return element as T;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (text !== undefined) element.textContent = text;
  if (className) element.className = className;
  return element;
}

async function api<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(
    path,
    body === undefined
      ? {}
      : {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        },
  );
  const reply = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(reply.error ?? `${path}: HTTP ${response.status}`);
  return reply;
}

function tierClass(text: string): string {
  const key = text.toLowerCase();
  if (/critical|red/.test(key)) return 'tier-critical';
  if (/risk|yellow|monitor/.test(key)) return 'tier-risk';
  if (/thriving|healthy|green|stable/.test(key)) return 'tier-good';
  return '';
}

function renderBook(next: PlaygroundState): void {
  const table = byId<HTMLTableElement>('book');
  const head = el('tr');
  head.append(el('th', '', 'rownum'));
  next.book.columns.forEach((column) => {
    const th = el('th', column.title, column.fn ? 'computed' : undefined);
    if (column.formula) th.title = column.formula;
    if (column.fn) th.dataset.fn = column.fn;
    head.append(th);
  });
  table.tHead?.replaceChildren(head);
  const body = document.createDocumentFragment();
  for (const line of next.book.rows) {
    const tr = el('tr');
    tr.dataset.row = String(line.row);
    if (line.row === next.activeRow) tr.className = 'active';
    tr.append(el('td', String(line.row), 'rownum'));
    line.cells.forEach((text, index) => {
      const column = next.book.columns[index];
      const td = el('td', text);
      if (column?.fn) {
        td.classList.add('computed');
        td.dataset.fn = column.fn;
        if (column.fn === 'HEALTHTIER') {
          const tier = tierClass(text);
          if (tier) td.classList.add(tier);
        }
      }
      if (text !== '' && /^-?[\d.,$%]+$/.test(text)) td.classList.add('num');
      if (text.length > 12) td.title = text;
      tr.append(td);
    });
    body.append(tr);
  }
  table.tBodies[0]?.replaceChildren(body);
}

function renderDocuments(documents: readonly DocumentSummary[]): void {
  byId('documents-count').textContent = documents.length > 0 ? `(${documents.length})` : '';
  const list = byId('documents');
  list.replaceChildren(
    ...documents.map((doc) => {
      const li = el('li');
      const button = el('button');
      button.type = 'button';
      button.dataset.doc = doc.id;
      button.append(el('span', doc.name), el('span', doc.id, 'meta'));
      if (doc.id === shownDocument) button.setAttribute('aria-current', 'true');
      button.addEventListener('click', () => showDocument(doc.id));
      li.append(button);
      return li;
    }),
  );
}

function showDocument(id: string): void {
  const doc = state?.documents.find((d) => d.id === id);
  if (!doc) return;
  shownDocument = id;
  selectTab('documents');
  renderDocuments(state?.documents ?? []);
  const head = el('div', undefined, 'head');
  head.append(el('h2', doc.name), el('span', doc.url, 'foot'));
  const frame = el('iframe');
  frame.id = 'doc-view';
  frame.setAttribute('sandbox', '');
  frame.title = doc.name;
  frame.src = `/doc/${encodeURIComponent(id)}`;
  byId('document-view').replaceChildren(head, frame);
}

function renderOutbox(outbox: readonly MailSummary[]): void {
  byId('outbox-count').textContent = outbox.length > 0 ? `(${outbox.length})` : '';
  byId('outbox').replaceChildren(
    ...outbox.map((mail) => {
      const li = el('li');
      const button = el('button');
      button.type = 'button';
      button.dataset.mail = String(mail.index);
      button.append(el('span', mail.subject), el('span', `To: ${mail.to.join(', ')}`, 'meta'));
      if (mail.index === shownMail) button.setAttribute('aria-current', 'true');
      button.addEventListener('click', () => showMail(mail.index));
      li.append(button);
      return li;
    }),
  );
}

function showMail(index: number): void {
  const mail = state?.outbox[index];
  if (!mail) return;
  shownMail = index;
  renderOutbox(state?.outbox ?? []);
  const head = el('div', undefined, 'head');
  head.append(
    el('h2', mail.subject),
    el('div', `To: ${mail.to.join(', ')}${mail.cc.length ? `  Cc: ${mail.cc.join(', ')}` : ''}`),
    el('div', `Sent ${mail.at.replace('T', ' ').slice(0, 16)} UTC`, 'foot'),
  );
  const frame = el('iframe');
  frame.id = 'mail-view-frame';
  frame.setAttribute('sandbox', '');
  frame.title = mail.subject;
  frame.src = `/mail/${index}`;
  byId('mail-view').replaceChildren(head, frame);
}

async function renderSheet(): Promise<void> {
  const select = byId<HTMLSelectElement>('sheet-name');
  const sheets = state?.sheets ?? [];
  const others = sheets.filter((s) => s.name !== state?.book.sheet);
  const names = others.length > 0 ? others.map((s) => s.name) : sheets.map((s) => s.name);
  if (!names.includes(shownSheet)) shownSheet = names[0] ?? '';
  select.replaceChildren(
    ...names.map((name) => {
      const option = el('option', name);
      option.value = name;
      option.selected = name === shownSheet;
      return option;
    }),
  );
  const note = byId('sheet-note');
  const table = byId<HTMLTableElement>('sheet');
  if (!names.includes('Dashboard')) {
    note.textContent = 'No Dashboard yet: press “Refresh dashboard”.';
  } else note.textContent = '';
  const charts = byId('sheet-charts');
  if (!shownSheet) {
    table.tBodies[0]?.replaceChildren();
    charts.replaceChildren();
    return;
  }
  const sheet = await api<SheetValues>(`/api/sheet?name=${encodeURIComponent(shownSheet)}`);
  charts.replaceChildren(...sheet.charts.map(drawChart));
  table.dataset.sheet = sheet.name;
  const body = document.createDocumentFragment();
  sheet.values.forEach((line, index) => {
    const tr = el('tr');
    tr.append(el('td', String(index + 1), 'rownum'));
    for (const text of line) {
      const td = el('td', text);
      if (text.length > 40) td.title = text;
      if (text !== '' && /^[-($]*[\d.,]+[%)]?$/.test(text)) td.classList.add('num');
      tr.append(td);
    }
    body.append(tr);
  });
  table.tBodies[0]?.replaceChildren(body);
}

function render(next: PlaygroundState): void {
  state = next;
  byId('book-name').textContent =
    `${next.spreadsheetName}: ${next.book.rows.length} account rows (seed ${next.seed}), today ${next.today}, ${next.timeZone}`;
  byId('active-row').textContent = next.activeRow === null ? '' : `row ${next.activeRow}`;
  renderBook(next);
  renderDocuments(next.documents);
  renderOutbox(next.outbox);
  byId('foot').textContent =
    `The table shows the book's first ${next.book.shownColumns} of ${next.book.sheetColumns} columns (scroll sideways); green columns are the add-on's formulas, computed by dist/Code.js. Daily alerts: ${next.alertsOn ? 'on' : 'off'}. Emails left today: ${next.emailsLeft}.`;
  if (!byId('panel-sheets').hidden) void renderSheet();
}

async function refresh(): Promise<void> {
  render(await api<PlaygroundState>('/api/state'));
}

function selectTab(name: string): void {
  document.querySelectorAll<HTMLButtonElement>('.tabs [role="tab"]').forEach((tab) => {
    const on = tab.dataset.tab === name;
    tab.setAttribute('aria-selected', String(on));
    byId(`panel-${tab.dataset.tab ?? ''}`).hidden = !on;
  });
  if (name === 'sheets') void renderSheet();
}

function notice(events: readonly ShownEvent[], error?: string): void {
  const box = byId('notice');
  const close = el('button', '×', 'close');
  close.type = 'button';
  close.setAttribute('aria-label', 'Dismiss');
  close.addEventListener('click', () => (box.hidden = true));
  const parts: HTMLElement[] = [close];
  for (const event of events) {
    if (event.type === 'alert' || event.type === 'prompt') {
      const title = el('h3', event.title || 'CS Engine');
      const text = el('p', event.text);
      parts.push(title, text);
      if (event.type === 'prompt') {
        parts.push(el('p', `The playground answered ${event.response}.`, 'foot'));
      }
    } else if (event.type === 'dialog') {
      parts.push(el('p', `Dialog: ${event.title}`));
      showDialog(event.id, event.title, event.width, event.height);
    }
  }
  if (error) parts.push(el('h3', 'The action failed'), el('p', error));
  box.classList.toggle('error', Boolean(error));
  box.replaceChildren(...parts);
  box.hidden = parts.length === 1;
}

function showDialog(id: number, title: string, width: number, height: number): void {
  const dialog = byId<HTMLDialogElement>('dialog');
  byId('dialog-title').textContent = title;
  const frame = byId<HTMLIFrameElement>('dialog-frame');
  frame.style.width = `${width || 600}px`;
  frame.style.height = `${height || 400}px`;
  frame.src = `/dialog/${id}`;
  if (!dialog.open) dialog.showModal();
}

async function runAction(button: HTMLButtonElement): Promise<void> {
  const action = button.dataset.action;
  if (!action) return;
  const buttons = document.querySelectorAll<HTMLButtonElement>('[data-action]');
  buttons.forEach((b) => (b.disabled = true));
  document.body.dataset.busy = action;
  try {
    const reply = await api<ActionReply>('/api/action', { action });
    render(reply.state);
    notice(reply.events, reply.error);
    if (action === 'alerts-run') {
      selectTab('outbox');
      if (reply.state.outbox.length > 0 && shownMail === undefined) showMail(0);
    }
    if (action === 'dashboard') {
      shownSheet = 'Dashboard';
      selectTab('sheets');
    }
  } catch (error) {
    notice([], (error as Error).message);
  } finally {
    buttons.forEach((b) => (b.disabled = false));
    delete document.body.dataset.busy;
  }
}

/** The sidebar's frame, once loaded (same origin: the page can press its buttons). */
function sidebarDocument(): Document | null {
  const frame = byId<HTMLIFrameElement>('sidebar');
  return frame.contentDocument;
}

async function selectRow(row: number): Promise<void> {
  await api('/api/select', { row });
  document.querySelectorAll('#book tbody tr.active').forEach((tr) => tr.classList.remove('active'));
  document.querySelector(`#book tbody tr[data-row="${row}"]`)?.classList.add('active');
  byId('active-row').textContent = `row ${row}`;
  // As a user would: the sidebar shows the selection when asked ("Use the selected row").
  const sidebar = sidebarDocument();
  const tab = sidebar?.querySelector<HTMLButtonElement>('[role="tab"][data-tab="account"]');
  tab?.click();
  sidebar?.getElementById('use-selection')?.click();
}

function wireSidebar(): void {
  const frame = byId<HTMLIFrameElement>('sidebar');
  frame.addEventListener('load', () => {
    // A generated document's link points at Google Docs: show the local copy instead.
    frame.contentDocument?.addEventListener(
      'click',
      (event) => {
        const target = event.target as Element | null;
        const link = target?.closest?.('a[href]');
        const match = /\/document\/d\/([^/]+)/.exec(link?.getAttribute('href') ?? '');
        if (!link || !match) return;
        event.preventDefault();
        void refresh().then(() => showDocument(decodeURIComponent(match[1] ?? '')));
      },
      true,
    );
  });
  window.addEventListener('message', (event) => {
    if (event.origin !== location.origin) return;
    const data = event.data as { type?: string; name?: string } | null;
    if (data?.type !== 'google.script.run') return;
    if (
      data.name === 'getAccount' ||
      data.name === 'searchAccounts' ||
      data.name === 'getPlaybooks'
    ) {
      return;
    }
    void refresh();
  });
}

function main(): void {
  document.querySelectorAll<HTMLButtonElement>('[data-action]').forEach((button) => {
    button.addEventListener('click', () => void runAction(button));
  });
  document.querySelectorAll<HTMLButtonElement>('.tabs [role="tab"]').forEach((tab) => {
    tab.addEventListener('click', () => selectTab(tab.dataset.tab ?? 'book'));
  });
  byId('book').addEventListener('click', (event) => {
    const tr = (event.target as Element).closest('tr[data-row]') as HTMLElement | null;
    if (tr?.dataset.row) void selectRow(Number(tr.dataset.row));
  });
  byId<HTMLSelectElement>('sheet-name').addEventListener('change', (event) => {
    shownSheet = (event.target as HTMLSelectElement).value;
    void renderSheet();
  });
  byId('dialog-close').addEventListener('click', () => byId<HTMLDialogElement>('dialog').close());
  wireSidebar();
  void refresh()
    .then(() => document.body.setAttribute('data-ready', 'true'))
    .catch((error: Error) => notice([], error.message));
}

main();
