/**
 * The CS Engine sidebar: the account on the active row (or one found by name), the playbooks,
 * and QBR and plan documents generated into Google Docs. All server calls go through the typed
 * bridge; all sheet text is rendered as text nodes.
 */
import type {
  AccountResponse,
  AccountView,
  AgendaChoice,
  DocumentLink,
  DocumentResult,
  PlanChoice,
  PlayView,
  PlaybookSectionView,
} from '../src/app/sidebar/api';
import { formatCount } from '../src/core/text';
import { messageOf, server } from './bridge';
import { append, byId, clear, h, sparkline } from './dom';
import { initMapping, loadMapping, showColumnsNotice } from './mapping';

const SAFE_COLOR = /^#[0-9a-fA-F]{6}$/;
const color = (value: string | undefined, fallback = '#5f6368') =>
  value && SAFE_COLOR.test(value) ? value : fallback;

let account: AccountView | null = null;
let playbooks: readonly PlaybookSectionView[] | null = null;
let pending = 0;

// ------------------------------------------------------------------ status

function busy<T>(message: string, work: Promise<T>): Promise<T> {
  pending++;
  const status = byId('status');
  byId('status-text').textContent = message;
  status.hidden = false;
  byId('error').hidden = true;
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-busy]')) {
    button.disabled = true;
  }
  return work.finally(() => {
    pending--;
    if (pending === 0) {
      status.hidden = true;
      for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-busy]')) {
        button.disabled = false;
      }
    }
  });
}

function showError(error: unknown): void {
  const box = byId('error');
  box.textContent = messageOf(error);
  box.hidden = false;
}

// ------------------------------------------------------------------ tabs

function showTab(name: string): void {
  for (const tab of document.querySelectorAll<HTMLButtonElement>('[role="tab"]')) {
    const selected = tab.dataset.tab === name;
    tab.setAttribute('aria-selected', String(selected));
    byId(`tab-${tab.dataset.tab}`).hidden = !selected;
  }
  if (name === 'playbooks' && !playbooks) void loadPlaybooks();
  if (name === 'qbr') renderQbr();
  if (name === 'columns') void loadMapping();
}

// ------------------------------------------------------------------ account

function section(title: string, ...children: (Node | string | null | false)[]): HTMLElement {
  return h('section', { class: 'card' }, h('h2', {}, title), ...children);
}

/**
 * A section folded to one line, its title and the gist (the renewal's countdown, the ROI's
 * multiple): the account view stays about two screens tall at the sidebar's 300 px, and a
 * click opens the details.
 */
function fold(
  id: string,
  title: string,
  gist: Node | string,
  ...children: (Node | string | null | false)[]
): HTMLElement {
  return h(
    'details',
    { class: 'card fold', id },
    h('summary', {}, h('h2', {}, title), h('span', { class: 'gist' }, gist)),
    ...children,
  );
}

/** "+3 pts", "-1 pt", "0 pts". */
function points(change: number): string {
  return `${change > 0 ? '+' : change < 0 ? '-' : ''}${formatCount(Math.abs(change), 'pt')}`;
}

function list(items: readonly string[], className?: string): HTMLElement {
  return h('ul', { class: className }, ...items.map((item) => h('li', {}, item)));
}

function play(p: PlayView): HTMLElement {
  return h(
    'div',
    { class: 'play' },
    h('h3', {}, p.title),
    p.sla ? h('p', { class: 'sla' }, `When: ${p.sla}`) : null,
    list(p.steps),
    h('p', { class: 'source' }, `Source: ${p.source}`),
  );
}

type View = AccountView;

function headSection(a: View, tierColor: string): (HTMLElement | null)[] {
  const churned = a.lifecycle.status === 'churned';
  const head = h(
    'div',
    { class: 'account-head' },
    h('h1', { id: 'account-name' }, a.name),
    h('p', { class: 'secondary' }, `Row ${a.row} of ${a.sheet}${a.csm ? ` · CSM ${a.csm}` : ''}`),
  );
  if (churned) {
    return [
      head,
      h(
        'div',
        { class: 'score-row' },
        h('span', { class: 'tier churned', id: 'lifecycle' }, 'Churned'),
      ),
    ];
  }
  const score = h(
    'div',
    { class: 'score-row' },
    h('span', { class: 'score', id: 'score' }, a.score === null ? '—' : String(a.score)),
    a.tier
      ? h('span', { class: 'tier', id: 'tier', style: `background:${tierColor}` }, a.tier.label)
      : null,
    a.trend.length > 1
      ? sparkline(
          a.trend.map((p) => p.score),
          tierColor,
        )
      : null,
  );
  const meta: string[] = [];
  if (a.change !== null) meta.push(`${points(a.change)} since ${a.trend[0]?.day}`);
  else meta.push('No score history yet (the History sheet fills with the daily alerts)');
  if (a.tierSince) {
    meta.push(`${a.tier?.label} since ${a.tierSince} (${formatCount(a.daysInTier ?? 0, 'day')})`);
  }
  return [
    head,
    score,
    a.error ? h('p', { class: 'error' }, a.error) : null,
    h('p', { class: 'secondary' }, `${meta.join(' · ')}. Model: ${a.modelName}.`),
  ];
}

/** A churned account leads with win-back: when it left, why, and the approach for now. */
function winBackSection(a: View): HTMLElement {
  const { lifecycle, winBack } = a;
  const when =
    lifecycle.churnDate === null
      ? 'Churned; the book has no churn date, so the win-back stage is unknown.'
      : `Churned on ${lifecycle.churnDate} (${formatCount(lifecycle.daysSinceChurn ?? 0, 'day')} ago).`;
  return section(
    'Win-back',
    h('p', { id: 'churned-on' }, when),
    lifecycle.churnReason
      ? h(
          'p',
          { class: 'secondary' },
          `Reason: ${lifecycle.churnReason}${lifecycle.churnCategory ? ` (${lifecycle.churnCategory})` : ''}`,
        )
      : null,
    winBack
      ? h(
          'p',
          { id: 'win-back' },
          h('b', {}, `${winBack.stage} since churn: `),
          `${winBack.approach}; expected success ${winBack.successRate}.`,
        )
      : null,
  );
}

function dimensionsSection(a: View): HTMLElement | null {
  if (a.dimensions.length === 0) return null;
  return section(
    'Dimensions',
    h(
      'table',
      { class: 'dims' },
      ...a.dimensions.map((d) =>
        h(
          'tr',
          {},
          h('td', {}, d.label),
          h(
            'td',
            { class: 'bar-cell' },
            h(
              'span',
              { class: 'bar' },
              h('span', { style: `width:${d.score ?? 0}%;background:${color(d.color)}` }),
            ),
          ),
          h('td', { class: 'num' }, d.score === null ? 'no data' : String(d.score)),
        ),
      ),
    ),
    a.drivers ? h('p', { class: 'secondary', id: 'drivers' }, `Top drivers: ${a.drivers}`) : null,
  );
}

function warningsSection(a: View): HTMLElement {
  return section(
    'Early warnings',
    a.warnings.length === 0
      ? h('p', { class: 'secondary' }, 'None: no alert rule fires today.')
      : h(
          'ul',
          { class: 'warnings', id: 'warnings' },
          ...a.warnings.map((w) =>
            h(
              'li',
              { 'data-severity': w.severity },
              h('b', { style: `color:${color(w.color)}` }, `${w.label}: `),
              w.reason,
            ),
          ),
        ),
  );
}

/** What to do for this account besides the warnings above (they are not repeated). */
function focusSection(a: View): HTMLElement | null {
  if (a.focus.length === 0) return null;
  return section('For this account', list(a.focus, 'focus'));
}

function playbookSection(a: View): HTMLElement | null {
  if (!a.playbook) return null;
  const p = a.playbook;
  return fold(
    'playbook-details',
    'Playbook',
    p.title,
    p.sla ? h('p', { class: 'sla' }, `When: ${p.sla}`) : null,
    list(p.steps),
    h('p', { class: 'source' }, `Source: ${p.source}`),
  );
}

function savePlaySection(a: View): HTMLElement | null {
  if (!a.savePlay) return null;
  const p = a.savePlay;
  return fold(
    'save-play',
    'Save play',
    p.title,
    h('p', { class: 'secondary' }, `Why: ${p.why}`),
    list(p.steps),
    h('p', { class: 'secondary' }, `Offers: ${p.offers.join('; ')}`),
  );
}

function npsSection(a: View): HTMLElement | null {
  if (!a.npsFollowUp) return null;
  const p = a.npsFollowUp;
  return fold(
    'nps-follow-up',
    'NPS follow-up',
    p.title,
    p.sla ? h('p', { class: 'sla' }, `When: ${p.sla}`) : null,
    list(p.steps),
    h('p', { class: 'source' }, `Source: ${p.source}`),
  );
}

function renewalGist(a: View): string {
  const r = a.renewal;
  if (!r) return 'no renewal date';
  return r.overdue
    ? `renewal ${formatCount(-r.daysToRenewal, 'day')} overdue`
    : `renews in ${formatCount(r.daysToRenewal, 'day')}`;
}

function lifecycleSection(a: View): HTMLElement {
  const lines: (HTMLElement | null)[] = [];
  if (a.segment) {
    lines.push(
      h(
        'p',
        {},
        h('b', {}, a.segment),
        a.segmentFrom === 'arr' ? ' (from ARR)' : '',
        a.ttfv ? ` · time to first value: ${a.ttfv}` : '',
      ),
    );
  }
  if (a.cadence) {
    lines.push(
      h(
        'p',
        { class: 'secondary' },
        `Meetings ${a.cadence.sync.toLowerCase()} · check-ins ${a.cadence.async.toLowerCase()} · QBR ${a.cadence.qbr.toLowerCase()} · executive ${a.cadence.executive.toLowerCase()}`,
      ),
    );
  }
  if (a.renewal) {
    const r = a.renewal;
    lines.push(
      h(
        'p',
        { id: 'renewal' },
        h(
          'b',
          {},
          r.overdue
            ? `Renewal ${formatCount(-r.daysToRenewal, 'day')} overdue`
            : `Renews in ${formatCount(r.daysToRenewal, 'day')}`,
        ),
        ` (${r.date})`,
      ),
      r.step ? h('p', {}, `Due now (day ${r.step.day}): ${r.step.title}. ${r.step.action}.`) : null,
      r.next ? h('p', { class: 'secondary' }, `Next (day ${r.next.day}): ${r.next.title}.`) : null,
    );
  } else lines.push(h('p', { class: 'secondary' }, 'No renewal date in the book.'));
  return fold('lifecycle-details', 'Lifecycle', renewalGist(a), ...lines);
}

function expansionSection(a: View): HTMLElement {
  return fold(
    'expansion-details',
    'Expansion',
    a.expansion.open ? 'ready' : 'not yet',
    h(
      'p',
      { id: 'gate', class: a.expansion.open ? 'ok' : 'secondary' },
      a.expansion.open ? 'Ready: the expansion gate is open.' : 'Not yet: the gate is closed.',
    ),
    list(a.expansion.reasons, 'reasons'),
    a.expansion.signals.length > 0 ? h('h3', {}, 'Signals') : null,
    a.expansion.signals.length > 0 ? list(a.expansion.signals) : null,
  );
}

function roiSection(a: View): HTMLElement {
  return fold(
    'roi-details',
    'ROI',
    a.roi.ok ? a.roi.multiple : 'missing',
    a.roi.ok
      ? h(
          'p',
          { id: 'roi' },
          h('b', {}, a.roi.multiple),
          ` · ${a.roi.annualValue} a year against ${a.roi.investment}`,
        )
      : h('p', { id: 'roi', class: 'warning' }, a.roi.message),
  );
}

function documentsSection(): HTMLElement {
  const documents = h('div', { class: 'buttons' });
  const plans: [PlanChoice, string][] = [
    ['save-plan', 'Save plan'],
    ['success-plan', 'Success plan'],
    ['onboarding-plan', 'Onboarding plan'],
  ];
  for (const [kind, label] of plans) {
    const button = h('button', { type: 'button', 'data-busy': true, 'data-plan': kind }, label);
    button.addEventListener('click', () => void generatePlan(kind, label));
    documents.appendChild(button);
  }
  return section(
    'Documents',
    h('p', { class: 'secondary' }, 'Create a Google Doc for this account:'),
    documents,
    h('div', { id: 'plan-result' }),
  );
}

function renderAccount(response: AccountResponse): void {
  const root = byId('account');
  clear(root);
  if (!response.found) {
    account = null;
    append(root, [h('p', { class: 'secondary', id: 'no-account' }, response.message)]);
    return;
  }
  account = response;
  const a = response;
  const tierColor = color(a.tier?.color);
  if (a.lifecycle.status === 'churned') {
    // Churned: win-back, and nothing of a live account (health, warnings, playbook,
    // renewal, expansion, ROI, documents).
    append(root, [...headSection(a, tierColor), winBackSection(a)]);
    return;
  }
  // What needs doing first (the warnings, then the rest of the focus), the dimensions, and the
  // reference material folded.
  append(root, [
    ...headSection(a, tierColor),
    warningsSection(a),
    dimensionsSection(a),
    focusSection(a),
    playbookSection(a),
    savePlaySection(a),
    npsSection(a),
    lifecycleSection(a),
    expansionSection(a),
    roiSection(a),
    documentsSection(),
  ]);
}

function loadAccount(row?: number): Promise<void> {
  return busy('Reading the account…', server.getAccount(row === undefined ? {} : { row }))
    .then((response) => {
      renderAccount(response);
      renderQbr();
      showColumnsNotice(response.columnsChanged);
    })
    .catch((error: unknown) => {
      // The error replaces the account: an account shown under it would read as the one that
      // failed.
      account = null;
      clear(byId('account'));
      renderQbr();
      showError(error);
    });
}

const AUDIENCE_LABELS: Readonly<Record<NonNullable<DocumentLink['audience']>, string>> = {
  customer: 'for the customer',
  internal: 'internal, for you',
};

/** The created documents, one link each with who it is for, then the warnings. */
function renderDocumentLinks(target: HTMLElement, result: DocumentResult): void {
  clear(target);
  const links = result.documents.map((document) =>
    h(
      'li',
      { 'data-audience': document.audience ?? 'plan' },
      /^https:\/\//.test(document.url)
        ? h(
            'a',
            {
              href: document.url,
              target: '_blank',
              rel: 'noopener noreferrer',
              class: 'doc-link',
            },
            document.name,
          )
        : h('span', {}, document.name),
      document.audience
        ? h('span', { class: 'secondary' }, ` · ${AUDIENCE_LABELS[document.audience]}`)
        : null,
    ),
  );
  append(target, [
    h('p', { class: 'ok' }, result.documents.length > 1 ? 'Created:' : 'Created'),
    h('ul', { class: 'doc-links' }, ...links),
    ...result.warnings.map((warning) => h('p', { class: 'warning' }, warning)),
  ]);
}

function generatePlan(kind: PlanChoice, label: string): Promise<void> {
  const current = account;
  if (!current) return Promise.resolve();
  return busy(
    `Creating the ${label.toLowerCase()}…`,
    server.generatePlan({ row: current.row, kind }),
  )
    .then((result) => renderDocumentLinks(byId('plan-result'), result))
    .catch(showError);
}

// ------------------------------------------------------------------ search

function search(query: string): Promise<void> {
  const results = byId('results');
  return busy('Searching…', server.searchAccounts(query))
    .then((found) => {
      clear(results);
      // Emptied while the search ran: the box says no search.
      if (byId<HTMLInputElement>('search').value.trim() === '') return;
      if (found.matches.length === 0) {
        append(results, [h('li', { class: 'secondary' }, `No account matches “${query}”.`)]);
        return;
      }
      for (const match of found.matches) {
        const button = h(
          'button',
          { type: 'button', class: 'link' },
          match.name,
          match.csm ? h('span', { class: 'secondary' }, ` · ${match.csm}`) : null,
        );
        button.addEventListener('click', () => {
          clear(results);
          void loadAccount(match.row);
        });
        results.appendChild(h('li', {}, button));
      }
      if (found.more > 0)
        append(results, [
          h(
            'li',
            { class: 'secondary' },
            `${formatCount(found.more, 'more account')}: type more of the name.`,
          ),
        ]);
    })
    .catch(showError);
}

// ------------------------------------------------------------------ playbooks

function loadPlaybooks(): Promise<void> {
  return busy('Loading the playbooks…', server.getPlaybooks())
    .then((sections) => {
      playbooks = sections;
      const select = byId<HTMLSelectElement>('playbook-section');
      clear(select);
      for (const s of sections) select.appendChild(h('option', { value: s.id }, s.title));
      renderPlaybook(select.value);
    })
    .catch(showError);
}

function renderPlaybook(id: string): void {
  const root = byId('playbook');
  clear(root);
  const chosen = playbooks?.find((s) => s.id === id);
  if (!chosen) return;
  append(root, [h('p', { class: 'secondary' }, chosen.summary), ...chosen.plays.map(play)]);
}

// ------------------------------------------------------------------ QBR

const NO_ACCOUNT_FOR_QBR =
  'Choose an account first: select its row, or find it in the Account tab.';

function renderQbr(): void {
  const root = byId('qbr-form');
  const none = byId('qbr-none');
  if (!account) {
    root.hidden = true;
    none.hidden = false;
    none.textContent = NO_ACCOUNT_FOR_QBR;
    return;
  }
  if (account.lifecycle.status === 'churned') {
    root.hidden = true;
    none.hidden = false;
    none.textContent = `${account.name} has churned: a QBR is for a live account. The Account tab shows its win-back stage.`;
    return;
  }
  root.hidden = false;
  none.hidden = true;
  byId('qbr-account').textContent = account.name;
  const select = byId<HTMLSelectElement>('qbr-quarter');
  const previous = select.value;
  clear(select);
  for (const quarter of account.quarters)
    select.appendChild(h('option', { value: quarter }, quarter));
  select.value = account.quarters.includes(previous) ? previous : account.defaultQuarter;
  const roi = byId('qbr-roi');
  clear(roi);
  if (account.roi.ok && account.roi.review !== null) {
    // Below 1x: not a win, a warning (the prep brief asks for the value case to be reviewed).
    append(roi, [h('p', { class: 'warning', id: 'qbr-roi-review' }, account.roi.review)]);
  } else if (account.roi.ok) {
    append(roi, [
      h(
        'p',
        { class: 'ok' },
        `ROI ${account.roi.multiple}: ${account.roi.annualValue} a year against ${account.roi.investment}.`,
      ),
    ]);
  } else {
    append(roi, [h('p', { class: 'warning', id: 'qbr-roi-missing' }, account.roi.message)]);
  }
}

function generateQbr(): Promise<void> {
  const current = account;
  if (!current) return Promise.resolve();
  const quarter = byId<HTMLSelectElement>('qbr-quarter').value;
  const agenda = (document.querySelector<HTMLInputElement>('input[name="agenda"]:checked')?.value ??
    'qbr-60') as AgendaChoice;
  const shareScore = byId<HTMLInputElement>('qbr-share-score').checked;
  return busy(
    'Creating the QBR and the prep brief…',
    server.generateQbr({ row: current.row, quarter, agenda, shareScore }),
  )
    .then((result) => renderDocumentLinks(byId('qbr-result'), result))
    .catch(showError);
}

// ------------------------------------------------------------------ start

function start(): void {
  for (const tab of document.querySelectorAll<HTMLButtonElement>('[role="tab"]')) {
    tab.addEventListener('click', () => showTab(tab.dataset.tab ?? 'account'));
  }
  const searchBox = byId<HTMLInputElement>('search');
  byId('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const query = searchBox.value.trim();
    if (query) void search(query);
    else clear(byId('results'));
  });
  // Emptying the box (typing it away, or its clear button) takes the last results with it.
  searchBox.addEventListener('input', () => {
    if (searchBox.value.trim() === '') clear(byId('results'));
  });
  byId('use-selection').addEventListener('click', () => void loadAccount());
  byId('playbook-section').addEventListener('change', (event) =>
    renderPlaybook((event.target as HTMLSelectElement).value),
  );
  byId('qbr-generate').addEventListener('click', () => void generateQbr());
  initMapping({
    busy,
    showError,
    open: () => showTab('columns'),
    saved: () => {
      if (account) void loadAccount(account.row);
    },
  });
  // "Check my book’s columns" opens the sidebar on the Columns tab (src/app/sidebar/start.ts).
  if (document.body.dataset.start === 'columns') {
    showTab('columns');
    // The account is read when its tab is first opened.
    document
      .querySelector('[role="tab"][data-tab="account"]')
      ?.addEventListener('click', () => void loadAccount(), { once: true });
    return;
  }
  showTab('account');
  void loadAccount();
}

start();
