/**
 * The Columns tab: "Check my book’s columns" as a mapping step. For each of the book's headers
 * CS Engine does not recognise, the user picks the column it holds (or Ignore) and saves; the
 * server keeps the mapping in the Columns sheet and never changes the book. Headers are sheet
 * text: they are shown as text nodes and travel back as data attributes, never as markup.
 */
import type { ColumnTargetView, ColumnsView } from '../src/app/sidebar/api';
import { server } from './bridge';
import { append, byId, clear, h } from './dom';

export interface MappingHooks {
  /** Shows the spinner and disables the busy buttons while `work` runs. */
  busy<T>(message: string, work: Promise<T>): Promise<T>;
  showError(error: unknown): void;
  /** Opens the Columns tab. */
  open(): void;
  /** After a save: the account shown may read differently now. */
  saved(): void;
}

let hooks: MappingHooks | undefined;
let shown: ColumnsView | null = null;

export function initMapping(given: MappingHooks): void {
  hooks = given;
  byId('columns-notice-open').addEventListener('click', () => given.open());
}

/** The banner above every tab when the book's headers changed since they were mapped. */
export function showColumnsNotice(message: string | null | undefined): void {
  byId('columns-notice-text').textContent = message ?? '';
  byId('columns-notice').hidden = !message;
}

export function loadMapping(): Promise<void> {
  if (!hooks) return Promise.resolve();
  const { busy, showError } = hooks;
  return busy('Reading the book’s columns…', server.getColumns()).then(render).catch(showError);
}

function save(): Promise<void> {
  const current = shown;
  if (!hooks || !current) return Promise.resolve();
  const { busy, showError, saved } = hooks;
  const choices = [
    ...document.querySelectorAll<HTMLSelectElement>('#columns select[data-header]'),
  ].map((select) => ({ header: select.dataset.header ?? '', target: select.value }));
  return busy('Saving the mapping…', server.saveColumns({ sheet: current.sheet, choices }))
    .then((view) => {
      render(view);
      saved();
    })
    .catch(showError);
}

/** The dropdown of one header: Ignore, then every column CS Engine reads, by group. */
function targetSelect(
  id: string,
  header: string,
  chosen: string,
  targets: readonly ColumnTargetView[],
  taken: ReadonlyMap<string, string>,
): HTMLSelectElement {
  const select = h('select', { id, 'data-header': header });
  select.appendChild(h('option', { value: '' }, 'Ignore'));
  const groups = new Map<string, HTMLOptGroupElement>();
  for (const target of targets) {
    let group = groups.get(target.group);
    if (!group) {
      group = h('optgroup', { label: target.group });
      groups.set(target.group, group);
      select.appendChild(group);
    }
    const from = taken.get(target.label);
    group.appendChild(
      h(
        'option',
        { value: target.value, title: target.expected, disabled: from !== undefined },
        from === undefined ? target.label : `${target.label} (read from “${from}”)`,
      ),
    );
  }
  select.value = chosen;
  return select;
}

function mappingSection(view: ColumnsView): HTMLElement {
  if (view.unrecognised.length === 0) {
    return h(
      'section',
      { class: 'card' },
      h(
        'p',
        { id: 'columns-none' },
        `Every header of ${view.sheet} is recognised: nothing to map.`,
      ),
    );
  }
  const taken = new Map(view.recognised.map((column) => [column.label, column.header]));
  const rows = view.unrecognised.map((column, i) => {
    const id = `map-${i}`;
    return h(
      'div',
      { class: 'mapping' },
      h(
        'label',
        { for: id, class: 'label' },
        column.header,
        h('span', { class: 'secondary' }, ` · column ${column.columns}`),
        !column.chosen && view.formula !== null
          ? h('span', { class: 'sev-at-risk' }, ' · new')
          : null,
      ),
      targetSelect(id, column.header, column.target, view.targets, taken),
    );
  });
  const button = h(
    'button',
    { type: 'button', id: 'columns-save', class: 'action', 'data-busy': true },
    'Save mapping',
  );
  button.addEventListener('click', () => void save());
  return h(
    'section',
    { class: 'card' },
    h('h2', {}, `Headers to map (${view.unrecognised.length})`),
    h(
      'p',
      { class: 'secondary' },
      'Choose the column each of these holds, or Ignore. Your headers stay as they are: CS Engine keeps the mapping in its Columns sheet.',
    ),
    ...rows,
    h('p', {}, button),
  );
}

function recognisedSection(view: ColumnsView): HTMLElement | null {
  if (view.recognised.length === 0) return null;
  return h(
    'section',
    { class: 'card' },
    h(
      'details',
      {},
      h('summary', {}, `Recognised (${view.recognised.length})`),
      h(
        'ul',
        { id: 'columns-recognised' },
        ...view.recognised.map((column) =>
          h(
            'li',
            {},
            column.header === column.label ? column.header : `${column.header} → ${column.label}`,
            h('span', { class: 'secondary' }, ` · ${column.column}`),
          ),
        ),
      ),
    ),
  );
}

/** What the model can compute from the columns as mapped (Check my book’s columns). */
function reportSection(view: ColumnsView): HTMLElement {
  const at = view.report.findIndex((line) => line.startsWith('What the '));
  const lines = at < 0 ? view.report : view.report.slice(at + 1);
  return h(
    'section',
    { class: 'card' },
    h('h2', {}, at < 0 ? 'Check' : (view.report[at] ?? '').replace(/:$/, '')),
    h('ul', { id: 'columns-report' }, ...lines.map((line) => h('li', {}, line.replace(/^- /, '')))),
    view.formula
      ? h(
          'p',
          { class: 'secondary' },
          'Formulas read the mapped headers from the Columns sheet: ',
          h('code', { id: 'columns-formula' }, view.formula),
        )
      : null,
  );
}

function render(view: ColumnsView): void {
  shown = view;
  showColumnsNotice(view.changed);
  const root = byId('columns');
  clear(root);
  append(root, [
    h('h1', {}, `Columns of ${view.sheet}`),
    view.saved ? h('p', { class: 'ok', id: 'columns-saved' }, view.saved) : null,
    mappingSection(view),
    recognisedSection(view),
    reportSection(view),
  ]);
}
