/**
 * The playground page's script: renders the server's JSON with textContent (the sheet's text
 * never becomes markup), moves the active row and refreshes the sidebar, edits cells, loads a
 * book from a file, moves today, runs the add-on's menu (asking its questions in the page),
 * and shows documents, emails and dialogs in sandboxed frames.
 */
import { formatCount } from '../../../src/core/text';
import { drawChart } from './charts';
import type {
  Answer,
  BookReply,
  DocumentSummary,
  MailSummary,
  MenuReply,
  MenuView,
  PlaygroundState,
  Question,
  SheetValues,
  ShownEvent,
  TodayReply,
  TodayStep,
} from '../types';

/** As dev/book-file.ts: the largest file the playground reads. */
const MAX_FILE_MB = 20;

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

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/** The colour the server gave a value of a coloured column (a tier), if any. */
function valueColor(colors: Readonly<Record<string, string>> | undefined, text: string) {
  const color = colors && Object.prototype.hasOwnProperty.call(colors, text) ? colors[text] : '';
  return color && HEX_COLOR.test(color) ? color : undefined;
}

// ------------------------------------------------------------------ the book

function renderBook(next: PlaygroundState): void {
  const table = byId<HTMLTableElement>('book');
  const head = el('tr');
  head.append(el('th', '', 'rownum'));
  next.book.columns.forEach((column, index) => {
    const th = el('th', undefined, column.fn ? 'computed' : undefined);
    if (column.letter) th.append(el('span', column.letter, 'letter'));
    th.append(document.createTextNode(column.title));
    // The account's column stays in view, as a frozen column does.
    if (index === 0) th.classList.add('frozen');
    if (column.formula) th.title = column.formula;
    if (column.fn) th.dataset.fn = column.fn;
    if (column.column) th.dataset.column = String(column.column);
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
      if (index === 0) td.classList.add('frozen');
      if (column?.fn) {
        td.classList.add('computed');
        td.dataset.fn = column.fn;
        const color = valueColor(column.colors, text);
        if (color) {
          td.classList.add('colored');
          td.style.color = color;
        }
      }
      if (column?.column) td.dataset.column = String(column.column);
      if (text !== '' && /^-?[\d.,$%]+$/.test(text)) td.classList.add('num');
      if (text.length > 12) td.title = text;
      tr.append(td);
    });
    body.append(tr);
  }
  table.tBodies[0]?.replaceChildren(body);
}

/** Edits a cell in place: Enter or leaving the cell writes it, Escape puts it back. */
function editCell(td: HTMLTableCellElement): void {
  const tr = td.closest('tr[data-row]') as HTMLElement | null;
  if (!tr?.dataset.row || !td.dataset.column || td.classList.contains('editing')) return;
  const row = Number(tr.dataset.row);
  const column = Number(td.dataset.column);
  const before = td.textContent ?? '';
  const input = el('input');
  input.type = 'text';
  input.value = before;
  input.setAttribute('aria-label', `Row ${row}, column ${column}`);
  td.classList.add('editing');
  td.replaceChildren(input);
  input.focus();
  input.select();
  let done = false;
  const finish = (write: boolean) => {
    if (done) return;
    done = true;
    const text = input.value;
    td.classList.remove('editing');
    td.textContent = before;
    if (!write || text === before) return;
    void busy('edit', async () => {
      const reply = await api<BookReply>('/api/edit', { row, column, text });
      render(reply.state);
      notice('');
      refreshSidebar();
    });
  };
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') finish(true);
    else if (event.key === 'Escape') finish(false);
  });
  input.addEventListener('blur', () => finish(true));
}

// ------------------------------------------------------------------ documents and emails

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
      button.append(
        el('span', mail.subject),
        el('span', `To: ${mail.to.join(', ')} · ${mail.at.slice(0, 10)}`, 'meta'),
      );
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

// ------------------------------------------------------------------ other sheets

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
  note.textContent = names.includes('Dashboard')
    ? ''
    : 'No Dashboard yet: pick CS Engine › Refresh dashboard.';
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

// ------------------------------------------------------------------ the page

function render(next: PlaygroundState): void {
  state = next;
  const name = next.source.includes(next.spreadsheetName)
    ? next.source
    : `${next.spreadsheetName} (${next.source})`;
  byId('book-name').textContent =
    `${name} · ${formatCount(next.book.accountRows, 'account row')} · ${next.timeZone}`;
  byId('today').textContent = next.today;
  byId('active-row').textContent = next.activeRow === null ? '' : `row ${next.activeRow}`;
  renderMenu(next.menu);
  renderBook(next);
  renderDocuments(next.documents);
  renderOutbox(next.outbox);
  const shown =
    next.book.rows.length < next.book.accountRows
      ? `The table shows the first ${next.book.rows.length} of ${formatCount(next.book.accountRows, 'account row')}; the add-on reads them all. `
      : '';
  byId('foot').textContent =
    `${shown}All ${next.book.sheetColumns} columns of the book (scroll sideways; the account stays in view); green columns are the add-on's formulas, computed by dist/Code.js with CSE_TODAY. Double-click a cell to edit it. Daily alerts: ${next.alertsOn ? 'on' : 'off'}. Emails left today: ${next.emailsLeft}.`;
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

/** A line for the user at the top of the page: what happened, or what went wrong. */
function notice(text: string, error = false): void {
  const box = byId('notice');
  const close = el('button', '×', 'close');
  close.type = 'button';
  close.setAttribute('aria-label', 'Dismiss');
  close.addEventListener('click', () => (box.hidden = true));
  box.classList.toggle('error', error);
  box.replaceChildren(close, el('p', text));
  box.hidden = text === '';
}

/** Runs an async step with the header's controls disabled, saying so in data-busy. */
async function busy(what: string, work: () => Promise<void>): Promise<void> {
  const controls = document.querySelectorAll<HTMLButtonElement | HTMLInputElement>(
    'header button, header input',
  );
  controls.forEach((control) => (control.disabled = true));
  document.body.dataset.busy = what;
  try {
    await work();
  } catch (error) {
    notice((error as Error).message, true);
  } finally {
    controls.forEach((control) => (control.disabled = false));
    if (state) byId<HTMLButtonElement>('menu-button').disabled = state.menu.length === 0;
    delete document.body.dataset.busy;
  }
}

// ------------------------------------------------------------------ dialogs

const BUTTON_SETS: Record<string, readonly string[]> = {
  OK: ['OK'],
  OK_CANCEL: ['CANCEL', 'OK'],
  YES_NO: ['NO', 'YES'],
  YES_NO_CANCEL: ['CANCEL', 'NO', 'YES'],
};
const BUTTON_LABELS: Record<string, string> = { OK: 'OK', CANCEL: 'Cancel', YES: 'Yes', NO: 'No' };

/**
 * Asks as Sheets shows ui.alert and ui.prompt: a modal box with the add-on's title and text,
 * a text field for a prompt, and the buttons of its button set. Escape is the box's close
 * button, which Sheets answers as CLOSE.
 */
let asked = 0;

function ask(question: Question): Promise<Answer> {
  const dialog = byId<HTMLDialogElement>('ask');
  // Each question is numbered: the next one may open the same box at once.
  asked++;
  dialog.dataset.question = String(asked);
  byId('ask-title').textContent = question.title || 'CS Engine';
  byId('ask-text').textContent = question.text;
  const input = byId<HTMLInputElement>('ask-input');
  input.hidden = question.type !== 'prompt';
  input.value = '';
  return new Promise((resolve) => {
    const finish = (button: string) => {
      dialog.close();
      resolve({ button, text: input.hidden ? '' : input.value });
    };
    const names = BUTTON_SETS[question.buttons] ?? ['OK'];
    const buttons = names.map((name, index) => {
      const button = el(
        'button',
        BUTTON_LABELS[name] ?? name,
        index === names.length - 1 ? 'primary' : undefined,
      );
      button.type = 'button';
      button.dataset.answer = name;
      button.addEventListener('click', () => finish(name));
      return button;
    });
    byId('ask-buttons').replaceChildren(...buttons);
    dialog.oncancel = (event) => {
      event.preventDefault();
      finish('CLOSE');
    };
    input.onkeydown = (event) => {
      if (event.key === 'Enter') finish(names.includes('OK') ? 'OK' : (names[0] ?? 'OK'));
    };
    dialog.showModal();
    (input.hidden ? buttons[buttons.length - 1] : input)?.focus();
  });
}

/** An HTML dialog of the add-on, in a sandboxed frame; resolves when it is closed. */
function showDialog(id: number, title: string, width: number, height: number): Promise<void> {
  const dialog = byId<HTMLDialogElement>('dialog');
  byId('dialog-title').textContent = title;
  const frame = byId<HTMLIFrameElement>('dialog-frame');
  frame.style.width = `${width || 600}px`;
  frame.style.height = `${height || 400}px`;
  frame.src = `/dialog/${id}`;
  if (!dialog.open) dialog.showModal();
  return new Promise((resolve) =>
    dialog.addEventListener('close', () => resolve(), { once: true }),
  );
}

/**
 * What the add-on showed, in order: its messages (alerts with only OK) in the message box,
 * its HTML dialogs in a frame, the sidebar opened again. Its questions were asked as they came.
 */
async function showEvents(events: readonly ShownEvent[]): Promise<void> {
  for (const event of events) {
    if (event.type === 'alert' && event.buttons === 'OK') {
      await ask({ type: 'alert', title: event.title, text: event.text, buttons: 'OK' });
    } else if (event.type === 'dialog') {
      await showDialog(event.id, event.title, event.width, event.height);
    } else if (event.type === 'sidebar') {
      byId<HTMLIFrameElement>('sidebar').src = event.start
        ? `/sidebar?start=${encodeURIComponent(event.start)}`
        : '/sidebar';
    }
  }
}

// ------------------------------------------------------------------ the menu

/**
 * Picks a menu item as Sheets runs it: each question the add-on asks is asked here, and the
 * item runs again with the answers so far (see Playground.menu).
 */
async function runMenuItem(functionName: string): Promise<void> {
  closeMenu();
  await busy(functionName, async () => {
    const answers: Answer[] = [];
    for (;;) {
      const reply = await api<MenuReply>('/api/menu', { functionName, answers });
      if (reply.status === 'question') {
        answers.push(await ask(reply.question));
        continue;
      }
      render(reply.state);
      notice(reply.error ? `The add-on failed: ${reply.error}` : '', Boolean(reply.error));
      if (functionName === 'menuRefreshDashboard') {
        shownSheet = 'Dashboard';
        selectTab('sheets');
      }
      if (functionName === 'menuAlertsRunNow') selectTab('outbox');
      await showEvents(reply.events);
      return;
    }
  });
}

function menuEntries(entries: readonly MenuView[]): HTMLLIElement[] {
  return entries.map((entry) => {
    const li = el('li');
    if (entry.type === 'separator') {
      li.className = 'separator';
      li.setAttribute('role', 'separator');
      return li;
    }
    const button = el('button', entry.type === 'submenu' ? `${entry.caption} ◂` : entry.caption);
    button.type = 'button';
    button.setAttribute('role', 'menuitem');
    li.append(button);
    if (entry.type === 'item') {
      button.dataset.fn = entry.functionName;
      button.addEventListener('click', () => void runMenuItem(entry.functionName));
      return li;
    }
    const sub = el('ul');
    sub.setAttribute('role', 'menu');
    sub.hidden = true;
    sub.append(...menuEntries(entry.entries));
    button.dataset.submenu = entry.caption;
    button.setAttribute('aria-haspopup', 'true');
    button.setAttribute('aria-expanded', 'false');
    const open = (on: boolean) => {
      sub.hidden = !on;
      button.setAttribute('aria-expanded', String(on));
    };
    // A click opens it (the pointer's arrival may have already): it never closes under the user.
    button.addEventListener('click', () => open(true));
    li.addEventListener('mouseenter', () => open(true));
    li.addEventListener('mouseleave', () => open(false));
    li.append(sub);
    return li;
  });
}

let menuShown = '';

/** The menu onOpen installed, drawn again only when it changes (a new book). */
function renderMenu(menu: readonly MenuView[]): void {
  const key = JSON.stringify(menu);
  if (key === menuShown) return;
  menuShown = key;
  byId('menu').replaceChildren(...menuEntries(menu));
  byId<HTMLButtonElement>('menu-button').disabled = menu.length === 0;
}

function closeMenu(): void {
  byId('menu').hidden = true;
  byId('menu-button').setAttribute('aria-expanded', 'false');
}

// ------------------------------------------------------------------ today and the book file

async function moveToday(step: TodayStep): Promise<void> {
  await busy(`today-${step}`, async () => {
    const reply = await api<TodayReply>('/api/today', { step });
    render(reply.state);
    notice(reply.error ? `${reply.summary} It stopped: ${reply.error}` : reply.summary, !reply.ok);
    await showEvents(reply.events);
    refreshSidebar();
  });
}

/** A file's bytes as base64, for the JSON the server takes. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

async function loadFile(file: File): Promise<void> {
  await busy('load', async () => {
    if (file.size > MAX_FILE_MB * 1024 * 1024) {
      throw new Error(
        `"${file.name}" is ${(file.size / (1024 * 1024)).toFixed(1)} MB; the playground reads books of up to ${MAX_FILE_MB} MB.`,
      );
    }
    const data = await base64Of(file);
    const reply = await api<BookReply>('/api/load', { name: file.name, data });
    shownDocument = undefined;
    shownMail = undefined;
    byId('document-view').replaceChildren(el('p', 'No documents yet.', 'empty'));
    byId('mail-view').replaceChildren(el('p', 'No email sent yet.', 'empty'));
    selectTab('book');
    render(reply.state);
    notice(
      `Loaded ${file.name}: ${formatCount(reply.state.book.accountRows, 'account row')} in the sheet "${reply.state.book.sheet}". It was read on this machine; nothing left it.`,
    );
    byId<HTMLIFrameElement>('sidebar').src = '/sidebar';
  });
}

function wireLoad(): void {
  const input = byId<HTMLInputElement>('book-file');
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void loadFile(file).finally(() => (input.value = ''));
  });
  // A file dropped anywhere on the page loads it.
  const drop = byId('drop');
  let depth = 0;
  const hasFile = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true;
  window.addEventListener('dragenter', (event) => {
    if (!hasFile(event)) return;
    depth++;
    drop.hidden = false;
  });
  window.addEventListener('dragleave', () => {
    depth = Math.max(depth - 1, 0);
    if (depth === 0) drop.hidden = true;
  });
  window.addEventListener('dragover', (event) => {
    if (hasFile(event)) event.preventDefault();
  });
  window.addEventListener('drop', (event) => {
    depth = 0;
    drop.hidden = true;
    const files = event.dataTransfer?.files;
    if (!files || files.length === 0) return;
    event.preventDefault();
    const file = files[0];
    if (files.length > 1) notice('Drop one file: the book to load.', true);
    else if (file) void loadFile(file);
  });
}

// ------------------------------------------------------------------ the sidebar

/** The sidebar's frame, once loaded (same origin: the page can press its buttons). */
function sidebarDocument(): Document | null {
  const frame = byId<HTMLIFrameElement>('sidebar');
  return frame.contentDocument;
}

/** As a user would: the sidebar shows the selection when asked ("Use the selected row"). */
function refreshSidebar(): void {
  const sidebar = sidebarDocument();
  const tab = sidebar?.querySelector<HTMLButtonElement>('[role="tab"][data-tab="account"]');
  tab?.click();
  sidebar?.getElementById('use-selection')?.click();
}

async function selectRow(row: number): Promise<void> {
  await api('/api/select', { row });
  document.querySelectorAll('#book tbody tr.active').forEach((tr) => tr.classList.remove('active'));
  document.querySelector(`#book tbody tr[data-row="${row}"]`)?.classList.add('active');
  if (state) state = { ...state, activeRow: row };
  byId('active-row').textContent = `row ${row}`;
  refreshSidebar();
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
  const menuButton = byId<HTMLButtonElement>('menu-button');
  menuButton.addEventListener('click', () => {
    const menu = byId('menu');
    menu.hidden = !menu.hidden;
    menuButton.setAttribute('aria-expanded', String(!menu.hidden));
  });
  document.addEventListener('click', (event) => {
    if (!(event.target as Element).closest('.menubar')) closeMenu();
  });
  document.querySelectorAll<HTMLButtonElement>('[data-step]').forEach((button) => {
    button.addEventListener('click', () => void moveToday(button.dataset.step as TodayStep));
  });
  document.querySelectorAll<HTMLButtonElement>('.tabs [role="tab"]').forEach((tab) => {
    tab.addEventListener('click', () => selectTab(tab.dataset.tab ?? 'book'));
  });
  const book = byId('book');
  book.addEventListener('click', (event) => {
    const target = event.target as Element;
    if (target.closest('td.editing')) return;
    const tr = target.closest('tr[data-row]') as HTMLElement | null;
    if (tr?.dataset.row && Number(tr.dataset.row) !== state?.activeRow) {
      void selectRow(Number(tr.dataset.row));
    }
  });
  book.addEventListener('dblclick', (event) => {
    const td = (event.target as Element).closest('td[data-column]');
    if (td) editCell(td as HTMLTableCellElement);
  });
  byId<HTMLSelectElement>('sheet-name').addEventListener('change', (event) => {
    shownSheet = (event.target as HTMLSelectElement).value;
    void renderSheet();
  });
  byId('dialog-close').addEventListener('click', () => byId<HTMLDialogElement>('dialog').close());
  wireSidebar();
  wireLoad();
  void refresh()
    .then(() => document.body.setAttribute('data-ready', 'true'))
    .catch((error: Error) => notice(error.message, true));
}

main();
