/**
 * In-memory Docs advanced service: Apps Script's `Docs`, the Google Docs API v1
 * (https://developers.google.com/apps-script/advanced/docs). Documents.create, batchUpdate and
 * get take and return the API's JSON, and the document is kept as the API describes it, index
 * for index, so a request that Google would refuse is refused here too, and tests can assert
 * what a generated document holds (and render it: document-html.ts).
 *
 * Followed, each from Google's reference (https://developers.google.com/docs/api/...):
 * - structure (concepts/structure, how-tos/tables): a new document's body is a section break
 *   [0, 1) and one empty paragraph [1, 2); a paragraph spans its text and its newline; a table
 *   spans 1 + its rows + 1, a row 1 + its cells, a cell 1 + its content (the 2x2 example:
 *   table S..S+12, cell (0,0) S+2, its paragraph S+3); indexes count UTF-16 code units;
 * - batchUpdate (reference/rest/v1/documents/batchUpdate): every request is validated before
 *   being applied; one invalid request fails the whole batch and nothing is applied;
 * - insertText: only inside the bounds of an existing paragraph (not at a table's start);
 *   a newline makes a new paragraph whose style is copied from the paragraph at the insertion
 *   index, bullets included; the inserted text takes the style of the text just before it
 *   ("in most cases"); U+0000-U+0008, U+000C-U+001F and U+E000-U+F8FF are stripped;
 * - insertTable: inside a paragraph; a newline is inserted before the table, which starts at
 *   the location + 1; insertPageBreak: a page break then a newline, not inside a table;
 * - updateParagraphStyle / updateTextStyle: every paragraph overlapping the range, or the
 *   text in it; a field in `fields` without a value is reset; a paragraph border cannot be
 *   partially updated ("the new border must be specified in its entirety");
 * - createParagraphBullets: leading tabs set the nesting level and are removed (indexes
 *   move); after a paragraph of a list with the same preset, the paragraphs join that list;
 * - updateTableCellStyle: the table is named by its start index;
 * - scopes (each method's page): create and batchUpdate accept documents, drive or
 *   drive.file; get also documents.readonly and drive.readonly. With drive.file alone, only
 *   documents the script created are reachable.
 *
 * Where the reference is silent, the stricter choice: a range for updateTextStyle may not
 * cross a table's or a cell's bounds; a new table's cells take the named style of the
 * paragraph it was inserted in; an empty range or an empty insertion is refused; a field this
 * runtime does not model is refused (it says so) rather than ignored.
 *
 * Errors read as Apps Script reports an advanced service's failure: "API call to
 * docs.documents.batchUpdate failed with error: Invalid requests[3].insertText: ...", named
 * GoogleJsonResponseException (the form Apps Script gives; the detail after the colon is this
 * runtime's, close to the API's own where it is known).
 *
 * Not faked: headers, footers, footnotes, tabs, images, named ranges, suggestions, deletes,
 * writeControl. Calls are counted as "Docs.Documents.create", ".batchUpdate", ".get".
 */
import type { CallCounter } from './calls';

const DOCS_SCOPES = {
  write: [
    'https://www.googleapis.com/auth/documents',
    'https://www.googleapis.com/auth/drive',
    'https://www.googleapis.com/auth/drive.file',
  ],
  read: [
    'https://www.googleapis.com/auth/documents',
    'https://www.googleapis.com/auth/documents.readonly',
    'https://www.googleapis.com/auth/drive',
    'https://www.googleapis.com/auth/drive.file',
    'https://www.googleapis.com/auth/drive.readonly',
  ],
  /** the scopes that reach every document, not only the script's own */
  everyDocument: [
    'https://www.googleapis.com/auth/documents',
    'https://www.googleapis.com/auth/documents.readonly',
    'https://www.googleapis.com/auth/drive',
    'https://www.googleapis.com/auth/drive.readonly',
  ],
};

const DOCS_MESSAGES = {
  scopes: 'Request had insufficient authentication scopes.',
  notFound: (id: string) => `Requested entity was not found. (document ${id})`,
  permission: 'The caller does not have permission',
  outsideParagraph:
    'The insertion index must be inside the bounds of an existing paragraph. You can still create new paragraphs by inserting newlines.',
  pastEnd: (index: number, end: number) =>
    `Index ${index} must be less than the end index of the referenced segment, ${end}.`,
  emptyText: 'Insert text requests must specify text to insert.',
  emptyRange: 'The range must not be empty.',
  partialBorder:
    'Paragraph borders cannot be partially updated: the border must be specified in its entirety (color, width, padding and dashStyle).',
};

/** RGB components 0 to 1, as the API's RgbColor. */
interface Rgb {
  red: number;
  green: number;
  blue: number;
}

interface Style {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  foregroundColor?: Rgb;
  backgroundColor?: Rgb;
  fontSize?: number;
}

interface Border {
  color: Rgb;
  width: number;
  padding: number;
  dashStyle: string;
}

interface ParagraphStyle {
  namedStyleType: string;
  alignment?: string;
  borderBottom?: Border;
}

/** One index of a paragraph: a UTF-16 unit of text (the last one "\n") or a page break. */
interface Unit {
  ch: string;
  pageBreak?: true;
  style: Style;
}

interface Paragraph {
  kind: 'paragraph';
  units: Unit[];
  style: ParagraphStyle;
  bullet?: { listId: string; nestingLevel: number };
}

interface Cell {
  content: Block[];
  background?: Rgb;
}

interface Table {
  kind: 'table';
  rows: Cell[][];
}

type Block = Paragraph | Table;

const NAMED_STYLES = new Set([
  'NORMAL_TEXT',
  'TITLE',
  'SUBTITLE',
  'HEADING_1',
  'HEADING_2',
  'HEADING_3',
  'HEADING_4',
  'HEADING_5',
  'HEADING_6',
]);

const BULLET_PRESETS = new Set([
  'BULLET_DISC_CIRCLE_SQUARE',
  'BULLET_DIAMONDX_ARROW3D_SQUARE',
  'BULLET_CHECKBOX',
  'BULLET_ARROW_DIAMOND_DISC',
  'BULLET_STAR_CIRCLE_SQUARE',
  'BULLET_ARROW3D_CIRCLE_SQUARE',
  'BULLET_LEFTTRIANGLE_DIAMOND_DISC',
  'BULLET_DIAMONDX_HOLLOWDIAMOND_SQUARE',
  'BULLET_DIAMOND_CIRCLE_SQUARE',
  'NUMBERED_DECIMAL_ALPHA_ROMAN',
  'NUMBERED_DECIMAL_ALPHA_ROMAN_PARENS',
  'NUMBERED_DECIMAL_NESTED',
  'NUMBERED_UPPERALPHA_ALPHA_ROMAN',
  'NUMBERED_UPPERROMAN_UPPERALPHA_DECIMAL',
  'NUMBERED_ZERODECIMAL_ALPHA_ROMAN',
]);

/** Request kinds of the API this runtime does not model (refused with a clear message). */
const NOT_FAKED = new Set([
  'replaceAllText',
  'deleteParagraphBullets',
  'createNamedRange',
  'deleteNamedRange',
  'deleteContentRange',
  'insertInlineImage',
  'insertTableRow',
  'insertTableColumn',
  'deleteTableRow',
  'deleteTableColumn',
  'deletePositionedObject',
  'updateTableColumnProperties',
  'updateTableRowStyle',
  'replaceImage',
  'updateDocumentStyle',
  'mergeTableCells',
  'unmergeTableCells',
  'createHeader',
  'createFooter',
  'createFootnote',
  'replaceNamedRangeContent',
  'updateSectionStyle',
  'insertSectionBreak',
  'deleteHeader',
  'deleteFooter',
  'pinTableHeaderRows',
  'insertPerson',
  'insertDate',
  'addDocumentTab',
  'deleteTab',
  'updateDocumentTabProperties',
]);

/** The error Apps Script throws when an advanced-service call fails. */
function docsApiError(method: string, message: string): Error {
  const error = new Error(`API call to docs.documents.${method} failed with error: ${message}`);
  error.name = 'GoogleJsonResponseException';
  return error;
}

/** A refused request of a batch (the batch then fails as a whole). */
class RequestError extends Error {}

const NEWLINE = '\n';
const STRIPPED = /[\u0000-\u0008\u000c-\u001f\ue000-\uf8ff]/g;

function sizeOf(block: Block): number {
  if (block.kind === 'paragraph') return block.units.length;
  let size = 2;
  for (const row of block.rows) {
    size += 1;
    for (const cell of row) size += 1 + contentSize(cell.content);
  }
  return size;
}

function contentSize(blocks: readonly Block[]): number {
  let size = 0;
  for (const block of blocks) size += sizeOf(block);
  return size;
}

function emptyParagraph(style: ParagraphStyle, textStyle: Style = {}): Paragraph {
  return { kind: 'paragraph', units: [{ ch: NEWLINE, style: { ...textStyle } }], style };
}

/** Where an index falls inside a paragraph. */
interface Spot {
  container: Block[];
  at: number;
  paragraph: Paragraph;
  /** the paragraph's first index */
  start: number;
  offset: number;
  inCell: boolean;
}

function locate(blocks: Block[], start: number, index: number, inCell: boolean): Spot | undefined {
  let i = start;
  for (let at = 0; at < blocks.length; at++) {
    const block = blocks[at] as Block;
    const size = sizeOf(block);
    if (index < i + size) {
      if (block.kind === 'paragraph') {
        return { container: blocks, at, paragraph: block, start: i, offset: index - i, inCell };
      }
      let j = i + 1;
      for (const row of block.rows) {
        j += 1;
        for (const cell of row) {
          j += 1;
          const cellSize = contentSize(cell.content);
          if (index >= j && index < j + cellSize) return locate(cell.content, j, index, true);
          j += cellSize;
        }
      }
      return undefined; // a table's, row's or cell's own index
    }
    i += size;
  }
  return undefined;
}

/** Every paragraph overlapping [from, to), with its first index, in document order. */
function paragraphsIn(
  blocks: Block[],
  start: number,
  from: number,
  to: number,
  out: { paragraph: Paragraph; start: number; container: Block[]; at: number }[] = [],
) {
  let i = start;
  for (let at = 0; at < blocks.length; at++) {
    const block = blocks[at] as Block;
    const size = sizeOf(block);
    if (i < to && from < i + size) {
      if (block.kind === 'paragraph')
        out.push({ paragraph: block, start: i, container: blocks, at });
      else {
        let j = i + 1;
        for (const row of block.rows) {
          j += 1;
          for (const cell of row) {
            j += 1;
            paragraphsIn(cell.content, j, from, to, out);
            j += contentSize(cell.content);
          }
        }
      }
    }
    i += size;
  }
  return out;
}

function findTable(blocks: Block[], start: number, index: number): Table | undefined {
  let i = start;
  for (const block of blocks) {
    if (block.kind === 'table') {
      if (i === index) return block;
      let j = i + 1;
      for (const row of block.rows) {
        j += 1;
        for (const cell of row) {
          j += 1;
          const found = findTable(cell.content, j, index);
          if (found) return found;
          j += contentSize(cell.content);
        }
      }
    }
    i += sizeOf(block);
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function integer(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new RequestError(`${what} must be a whole number, got ${JSON.stringify(value)}.`);
  }
  return value;
}

function rgbOf(value: unknown, what: string): Rgb {
  const rgb = isObject(value) && isObject(value.color) ? value.color.rgbColor : undefined;
  if (!isObject(rgb)) throw new RequestError(`${what} must be { color: { rgbColor: {...} } }.`);
  const component = (name: 'red' | 'green' | 'blue') => {
    const v = rgb[name] ?? 0;
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) {
      throw new RequestError(`${what}.color.rgbColor.${name} must be a number from 0 to 1.`);
    }
    return v;
  };
  return { red: component('red'), green: component('green'), blue: component('blue') };
}

function magnitudeOf(value: unknown, what: string): number {
  if (!isObject(value) || typeof value.magnitude !== 'number' || value.unit !== 'PT') {
    throw new RequestError(`${what} must be { magnitude, unit: "PT" }.`);
  }
  return value.magnitude;
}

function fieldsOf(value: unknown, known: readonly string[]): string[] {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new RequestError('At least one field must be listed in fields.');
  }
  const fields = value.split(',').map((field) => field.trim());
  if (fields.includes('*')) return [...known];
  for (const field of fields) {
    if (!known.includes(field)) {
      throw new RequestError(
        `The field "${field}" is not modelled by the local runtime (it models ${known.join(', ')}).`,
      );
    }
  }
  return fields;
}

const TEXT_FIELDS = [
  'bold',
  'italic',
  'underline',
  'strikethrough',
  'foregroundColor',
  'backgroundColor',
  'fontSize',
] as const;

/** The style `fields` of `given` set on `style` (a listed field without a value is reset). */
function applyTextStyle(style: Style, given: Record<string, unknown>, fields: string[]): Style {
  const out: Style = { ...style };
  for (const field of fields as (typeof TEXT_FIELDS)[number][]) {
    const value = given[field];
    if (value === undefined) {
      out[field] = undefined;
      continue;
    }
    switch (field) {
      case 'foregroundColor':
      case 'backgroundColor':
        out[field] = rgbOf(value, `textStyle.${field}`);
        break;
      case 'fontSize':
        out.fontSize = magnitudeOf(value, 'textStyle.fontSize');
        break;
      default:
        if (typeof value !== 'boolean')
          throw new RequestError(`textStyle.${field} must be true or false.`);
        out[field] = value;
    }
  }
  return out;
}

function sameStyle(a: Style, b: Style): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function cloneBlocks(blocks: readonly Block[]): Block[] {
  return blocks.map((block) =>
    block.kind === 'paragraph'
      ? {
          kind: 'paragraph',
          units: block.units.map((unit) => ({ ...unit, style: { ...unit.style } })),
          style: { ...block.style },
          ...(block.bullet ? { bullet: { ...block.bullet } } : {}),
        }
      : {
          kind: 'table',
          rows: block.rows.map((row) =>
            row.map((cell) => ({ ...cell, content: cloneBlocks(cell.content) })),
          ),
        },
  );
}

/** A list as createParagraphBullets made it: its preset decides its glyphs. */
interface List {
  preset: string;
}

/** One document's state. */
export class DocumentModel {
  body: Block[] = [emptyParagraph({ namedStyleType: 'NORMAL_TEXT' })];
  lists = new Map<string, List>();
  revision = 1;
  /** every batch applied, its requests as the API received them (JSON) */
  readonly batches: unknown[][] = [];
  private nextList = 1;

  constructor(
    readonly id: string,
    public title: string,
    /** false for a document the script did not create (out of drive.file's reach) */
    readonly createdByScript = true,
  ) {}

  get url(): string {
    return `https://docs.google.com/document/d/${this.id}/edit`;
  }

  /** The file's name in Drive: the document's title. */
  get name(): string {
    return this.title;
  }

  /** The body's end index (exclusive): its last newline is at end - 1. */
  get endIndex(): number {
    return 1 + contentSize(this.body);
  }

  /** Applies a batch atomically: on the first invalid request nothing is changed. */
  applyBatch(requests: unknown[]): void {
    const saved = { body: this.body, lists: new Map(this.lists), nextList: this.nextList };
    this.body = cloneBlocks(this.body);
    try {
      requests.forEach((request, i) => {
        try {
          this.apply(request);
        } catch (error) {
          if (!(error instanceof RequestError)) throw error;
          const kind = isObject(request) ? Object.keys(request)[0] : undefined;
          throw docsApiError(
            'batchUpdate',
            `Invalid requests[${i}]${kind ? `.${kind}` : ''}: ${error.message}`,
          );
        }
      });
      this.revision += 1;
      this.batches.push(requests);
    } catch (error) {
      this.body = saved.body;
      this.lists = saved.lists;
      this.nextList = saved.nextList;
      throw error;
    }
  }

  private apply(request: unknown): void {
    if (!isObject(request)) throw new RequestError('A request must be an object.');
    const kinds = Object.keys(request);
    if (kinds.length !== 1) {
      throw new RequestError(`A request holds exactly one kind of update, got ${kinds.length}.`);
    }
    const kind = kinds[0] as string;
    const body = request[kind];
    if (!isObject(body)) throw new RequestError(`${kind} must be an object.`);
    switch (kind) {
      case 'insertText':
        return this.insertText(body);
      case 'insertTable':
        return this.insertTable(body);
      case 'insertPageBreak':
        return this.insertPageBreak(body);
      case 'updateParagraphStyle':
        return this.updateParagraphStyle(body);
      case 'updateTextStyle':
        return this.updateTextStyle(body);
      case 'createParagraphBullets':
        return this.createParagraphBullets(body);
      case 'updateTableCellStyle':
        return this.updateTableCellStyle(body);
      default:
        throw new RequestError(
          NOT_FAKED.has(kind)
            ? `${kind} is not modelled by the local runtime.`
            : `Unknown request kind "${kind}".`,
        );
    }
  }

  /** The index a request's location or endOfSegmentLocation names, inside a paragraph. */
  private spotOf(body: Record<string, unknown>): Spot {
    let index: number;
    if (isObject(body.endOfSegmentLocation) && body.location === undefined) {
      if (body.endOfSegmentLocation.segmentId) {
        throw new RequestError(
          'Headers, footers and footnotes are not modelled by the local runtime.',
        );
      }
      index = this.endIndex - 1;
    } else {
      if (!isObject(body.location))
        throw new RequestError('A location (or endOfSegmentLocation) is required.');
      if (body.location.segmentId) {
        throw new RequestError(
          'Headers, footers and footnotes are not modelled by the local runtime.',
        );
      }
      index = integer(body.location.index, 'location.index');
    }
    if (index >= this.endIndex) throw new RequestError(DOCS_MESSAGES.pastEnd(index, this.endIndex));
    const spot = index >= 1 ? locate(this.body, 1, index, false) : undefined;
    if (!spot) throw new RequestError(DOCS_MESSAGES.outsideParagraph);
    const before = spot.paragraph.units[spot.offset - 1]?.ch ?? '';
    const at = spot.paragraph.units[spot.offset]?.ch ?? '';
    if (/[\ud800-\udbff]/.test(before) && /[\udc00-\udfff]/.test(at)) {
      throw new RequestError(`Index ${index} is inside a surrogate pair.`);
    }
    return spot;
  }

  /** Puts `units` into the paragraph at `spot`; each newline ends a paragraph that copies the
   * style (and bullet) of the paragraph the insertion is in. */
  private insertUnits(spot: Spot, units: Unit[]): void {
    const p = spot.paragraph;
    const all = [...p.units.slice(0, spot.offset), ...units, ...p.units.slice(spot.offset)];
    const paragraphs: Paragraph[] = [];
    let current: Unit[] = [];
    for (const unit of all) {
      current.push(unit);
      if (unit.ch === NEWLINE && !unit.pageBreak) {
        paragraphs.push({
          kind: 'paragraph',
          units: current,
          style: { ...p.style },
          ...(p.bullet ? { bullet: { ...p.bullet } } : {}),
        });
        current = [];
      }
    }
    spot.container.splice(spot.at, 1, ...paragraphs);
  }

  /** The style inserted text takes: the text just before it, or the paragraph's first. */
  private neighbourStyle(spot: Spot): Style {
    const unit = spot.paragraph.units[spot.offset - 1] ?? spot.paragraph.units[spot.offset];
    return { ...(unit?.style ?? {}) };
  }

  private insertText(body: Record<string, unknown>): void {
    if (typeof body.text !== 'string') throw new RequestError('text must be a string.');
    const spot = this.spotOf(body);
    const text = body.text.replace(STRIPPED, '');
    if (text === '') throw new RequestError(DOCS_MESSAGES.emptyText);
    const style = this.neighbourStyle(spot);
    const units: Unit[] = [];
    for (let i = 0; i < text.length; i++)
      units.push({ ch: text[i] as string, style: { ...style } });
    this.insertUnits(spot, units);
  }

  private insertPageBreak(body: Record<string, unknown>): void {
    const spot = this.spotOf(body);
    if (spot.inCell) {
      throw new RequestError(
        'Page breaks cannot be inserted inside a table, equation, footnote, header or footer.',
      );
    }
    const style = this.neighbourStyle(spot);
    this.insertUnits(spot, [
      { ch: '', pageBreak: true, style: { ...style } },
      { ch: NEWLINE, style: { ...style } },
    ]);
  }

  private insertTable(body: Record<string, unknown>): void {
    const rows = integer(body.rows, 'rows');
    const columns = integer(body.columns, 'columns');
    if (rows < 1 || columns < 1)
      throw new RequestError('A table needs at least one row and one column.');
    const spot = this.spotOf(body);
    const p = spot.paragraph;
    const style = this.neighbourStyle(spot);
    const paragraphStyle = { ...p.style };
    const bullet = p.bullet ? { bullet: { ...p.bullet } } : {};
    const before: Paragraph = {
      kind: 'paragraph',
      units: [...p.units.slice(0, spot.offset), { ch: NEWLINE, style }],
      style: paragraphStyle,
      ...bullet,
    };
    const after: Paragraph = {
      kind: 'paragraph',
      units: p.units.slice(spot.offset),
      style: { ...paragraphStyle },
      ...(p.bullet ? { bullet: { ...p.bullet } } : {}),
    };
    const table: Table = {
      kind: 'table',
      rows: Array.from({ length: rows }, () =>
        Array.from({ length: columns }, () => ({
          content: [emptyParagraph({ namedStyleType: p.style.namedStyleType }, style)],
        })),
      ),
    };
    spot.container.splice(spot.at, 1, before, table, after);
  }

  private rangeOf(body: Record<string, unknown>): { from: number; to: number } {
    const range = body.range;
    if (!isObject(range)) throw new RequestError('A range is required.');
    if (range.segmentId) {
      throw new RequestError(
        'Headers, footers and footnotes are not modelled by the local runtime.',
      );
    }
    const from = integer(range.startIndex, 'range.startIndex');
    const to = integer(range.endIndex, 'range.endIndex');
    if (from < 1)
      throw new RequestError('range.startIndex must be 1 or more (0 is the section break).');
    if (to > this.endIndex) throw new RequestError(DOCS_MESSAGES.pastEnd(to, this.endIndex));
    if (to <= from) throw new RequestError(DOCS_MESSAGES.emptyRange);
    return { from, to };
  }

  private updateParagraphStyle(body: Record<string, unknown>): void {
    const { from, to } = this.rangeOf(body);
    const given = body.paragraphStyle;
    if (!isObject(given)) throw new RequestError('paragraphStyle is required.');
    const fields = fieldsOf(body.fields, ['namedStyleType', 'alignment', 'borderBottom']);
    const changes: Partial<ParagraphStyle> = {};
    for (const field of fields) {
      const value = given[field];
      if (value === undefined) continue;
      if (field === 'namedStyleType') {
        if (typeof value !== 'string' || !NAMED_STYLES.has(value)) {
          throw new RequestError(`${JSON.stringify(value)} is not a named style type.`);
        }
        changes.namedStyleType = value;
      } else if (field === 'alignment') {
        if (!['START', 'CENTER', 'END', 'JUSTIFIED'].includes(String(value))) {
          throw new RequestError(`${JSON.stringify(value)} is not an alignment.`);
        }
        changes.alignment = String(value);
      } else {
        if (
          !isObject(value) ||
          !value.color ||
          !value.width ||
          !value.padding ||
          !value.dashStyle
        ) {
          throw new RequestError(DOCS_MESSAGES.partialBorder);
        }
        if (!['SOLID', 'DOT', 'DASH'].includes(String(value.dashStyle))) {
          throw new RequestError(`${JSON.stringify(value.dashStyle)} is not a dash style.`);
        }
        changes.borderBottom = {
          color: rgbOf(value.color, 'borderBottom.color'),
          width: magnitudeOf(value.width, 'borderBottom.width'),
          padding: magnitudeOf(value.padding, 'borderBottom.padding'),
          dashStyle: String(value.dashStyle),
        };
      }
    }
    for (const { paragraph } of paragraphsIn(this.body, 1, from, to)) {
      for (const field of fields as (keyof ParagraphStyle)[]) {
        const value = changes[field];
        if (value !== undefined) Object.assign(paragraph.style, { [field]: value });
        else if (field === 'namedStyleType') paragraph.style.namedStyleType = 'NORMAL_TEXT';
        else Object.assign(paragraph.style, { [field]: undefined });
      }
    }
  }

  private updateTextStyle(body: Record<string, unknown>): void {
    const { from, to } = this.rangeOf(body);
    const given = body.textStyle;
    if (!isObject(given)) throw new RequestError('textStyle is required.');
    const fields = fieldsOf(body.fields, TEXT_FIELDS);
    const touched = paragraphsIn(this.body, 1, from, to);
    // Silent in the reference: the stricter choice keeps a range within one container (the
    // body, or one cell), with no table, row or cell boundary inside it.
    const container = touched[0]?.container;
    let covered = 0;
    for (const { paragraph, start, container: where } of touched) {
      if (where !== container) {
        throw new RequestError(
          'This runtime refuses a text range that crosses a table or cell boundary.',
        );
      }
      covered += Math.min(to, start + paragraph.units.length) - Math.max(from, start);
    }
    if (covered !== to - from) {
      throw new RequestError(
        'This runtime refuses a text range that crosses a table or cell boundary.',
      );
    }
    for (const { paragraph, start } of touched) {
      paragraph.units.forEach((unit, k) => {
        const index = start + k;
        if (index >= from && index < to) unit.style = applyTextStyle(unit.style, given, fields);
      });
    }
  }

  private createParagraphBullets(body: Record<string, unknown>): void {
    const { from, to } = this.rangeOf(body);
    const preset = body.bulletPreset;
    if (typeof preset !== 'string' || !BULLET_PRESETS.has(preset)) {
      throw new RequestError(`${JSON.stringify(preset)} is not a bullet preset.`);
    }
    const touched = paragraphsIn(this.body, 1, from, to);
    const first = touched[0];
    if (!first) return;
    const previous = first.container[first.at - 1];
    const joined =
      previous?.kind === 'paragraph' && previous.bullet
        ? this.lists.get(previous.bullet.listId)?.preset === preset
          ? previous.bullet.listId
          : undefined
        : undefined;
    const listId = joined ?? `kix.list.${this.nextList++}`;
    if (!joined) this.lists.set(listId, { preset });
    for (const { paragraph } of touched) {
      let tabs = 0;
      while (paragraph.units[tabs]?.ch === '\t') tabs++;
      paragraph.units.splice(0, tabs);
      paragraph.bullet = { listId, nestingLevel: Math.min(tabs, 8) };
    }
  }

  private updateTableCellStyle(body: Record<string, unknown>): void {
    const range = body.tableRange;
    const location = isObject(range) ? range.tableCellLocation : undefined;
    const startLocation = isObject(location)
      ? location.tableStartLocation
      : body.tableStartLocation;
    if (!isObject(startLocation))
      throw new RequestError('tableRange or tableStartLocation is required.');
    const index = integer(startLocation.index, 'tableStartLocation.index');
    const table = findTable(this.body, 1, index);
    if (!table) throw new RequestError(`There is no table starting at index ${index}.`);
    let row0 = 0;
    let column0 = 0;
    let rowSpan = table.rows.length;
    let columnSpan = table.rows[0]?.length ?? 0;
    if (isObject(range)) {
      row0 = isObject(location) ? integer(location.rowIndex ?? 0, 'rowIndex') : 0;
      column0 = isObject(location) ? integer(location.columnIndex ?? 0, 'columnIndex') : 0;
      rowSpan = integer(range.rowSpan, 'rowSpan');
      columnSpan = integer(range.columnSpan, 'columnSpan');
    }
    if (
      row0 < 0 ||
      column0 < 0 ||
      rowSpan < 1 ||
      columnSpan < 1 ||
      row0 + rowSpan > table.rows.length ||
      column0 + columnSpan > (table.rows[0]?.length ?? 0)
    ) {
      throw new RequestError('The table range is outside the table.');
    }
    const given = body.tableCellStyle;
    if (!isObject(given)) throw new RequestError('tableCellStyle is required.');
    fieldsOf(body.fields, ['backgroundColor']);
    const background =
      given.backgroundColor === undefined
        ? undefined
        : rgbOf(given.backgroundColor, 'backgroundColor');
    for (let r = row0; r < row0 + rowSpan; r++) {
      for (let c = column0; c < column0 + columnSpan; c++) {
        const cell = table.rows[r]?.[c] as Cell;
        cell.background = background;
      }
    }
  }

  /** The document as documents.get returns it (the parts this runtime models). */
  json(): DocsDocumentJson {
    return {
      documentId: this.id,
      title: this.title,
      revisionId: `rev-${this.revision}`,
      body: {
        content: [
          { endIndex: 1, sectionBreak: { sectionStyle: { sectionType: 'CONTINUOUS' } } },
          ...contentJson(this.body, 1),
        ],
      },
      lists: Object.fromEntries(
        [...this.lists].map(([id, list]) => [
          id,
          { listProperties: { nestingLevels: levelsOf(list.preset) } },
        ]),
      ),
    };
  }

  /** The document as plain data for tests and rendering: paragraphs, list items, tables. */
  snapshot(): RecordedDocument {
    const elements: RecordedElement[] = this.body.map((block) => this.outline(block));
    return { id: this.id, name: this.title, url: this.url, elements };
  }

  private outline(block: Block): RecordedElement {
    if (block.kind === 'table') {
      return {
        type: 'table',
        rows: block.rows.map((row) => ({
          cells: row.map((cell) => {
            const parts = cell.content.map((b) => this.outline(b));
            const runs: TextRun[] = [];
            parts.forEach((part, k) => {
              if (k > 0) runs.push({ text: '\n', attributes: {} });
              if ('runs' in part) runs.push(...part.runs);
            });
            const recorded: RecordedCell = {
              text: parts.map((part) => ('text' in part ? part.text : '')).join('\n'),
              runs,
            };
            if (cell.background) recorded.background = hex(cell.background);
            return recorded;
          }),
        })),
      };
    }
    const runs = runsOf(block.units);
    const text = runs.map((run) => run.text).join('');
    if (block.bullet) {
      const preset = this.lists.get(block.bullet.listId)?.preset ?? '';
      return {
        type: 'listItem',
        glyph: preset.startsWith('NUMBERED') ? 'NUMBER' : 'BULLET',
        listId: block.bullet.listId,
        nesting: block.bullet.nestingLevel,
        text,
        runs,
      };
    }
    const out: RecordedParagraph = {
      type: 'paragraph',
      namedStyle: block.style.namedStyleType,
      text,
      runs,
    };
    if (block.units.some((unit) => unit.pageBreak)) out.pageBreak = true;
    if (block.style.borderBottom) out.rule = true;
    return out;
  }
}

function levelsOf(preset: string): Record<string, unknown>[] {
  if (preset.startsWith('NUMBERED')) {
    return [{ glyphType: 'DECIMAL' }, { glyphType: 'ALPHA' }, { glyphType: 'ROMAN' }];
  }
  return [{ glyphSymbol: '●' }, { glyphSymbol: '○' }, { glyphSymbol: '■' }];
}

function hex(rgb: Rgb): string {
  const part = (v: number) =>
    Math.round(v * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${part(rgb.red)}${part(rgb.green)}${part(rgb.blue)}`;
}

function attributesOf(style: Style): TextAttributes {
  const out: TextAttributes = {};
  if (style.bold) out.bold = true;
  if (style.italic) out.italic = true;
  if (style.underline) out.underline = true;
  if (style.foregroundColor) out.foregroundColor = hex(style.foregroundColor);
  if (style.backgroundColor) out.backgroundColor = hex(style.backgroundColor);
  if (style.fontSize !== undefined) out.fontSize = style.fontSize;
  return out;
}

/** A paragraph's text as runs of equal attributes, without its newline or page breaks; a
 * line break (U+000B) reads as "\n". */
function runsOf(units: readonly Unit[]): TextRun[] {
  const runs: TextRun[] = [];
  for (const unit of units) {
    if (unit.pageBreak || (unit.ch === NEWLINE && unit === units[units.length - 1])) continue;
    const attributes = attributesOf(unit.style);
    const ch = unit.ch === '\u000b' ? '\n' : unit.ch;
    const last = runs[runs.length - 1];
    if (last && JSON.stringify(last.attributes) === JSON.stringify(attributes)) last.text += ch;
    else runs.push({ text: ch, attributes });
  }
  return runs;
}

function styleJson(style: Style): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of TEXT_FIELDS) {
    const value = style[field];
    if (value === undefined) continue;
    if (field === 'fontSize') out.fontSize = { magnitude: value, unit: 'PT' };
    else if (typeof value === 'object') out[field] = { color: { rgbColor: value } };
    else out[field] = value;
  }
  return out;
}

function contentJson(blocks: readonly Block[], start: number): Record<string, unknown>[] {
  let i = start;
  return blocks.map((block) => {
    const startIndex = i;
    const endIndex = i + sizeOf(block);
    i = endIndex;
    if (block.kind === 'paragraph') {
      const elements: Record<string, unknown>[] = [];
      let k = startIndex;
      let run: { start: number; content: string; style: Style } | undefined;
      const flush = () => {
        if (run) {
          elements.push({
            startIndex: run.start,
            endIndex: run.start + run.content.length,
            textRun: { content: run.content, textStyle: styleJson(run.style) },
          });
        }
        run = undefined;
      };
      for (const unit of block.units) {
        if (unit.pageBreak) {
          flush();
          elements.push({
            startIndex: k,
            endIndex: k + 1,
            pageBreak: { textStyle: styleJson(unit.style) },
          });
        } else if (run && sameStyle(run.style, unit.style)) run.content += unit.ch;
        else {
          flush();
          run = { start: k, content: unit.ch, style: unit.style };
        }
        k += 1;
      }
      flush();
      const paragraphStyle: Record<string, unknown> = {
        namedStyleType: block.style.namedStyleType,
      };
      if (block.style.alignment) paragraphStyle.alignment = block.style.alignment;
      if (block.style.borderBottom) {
        const border = block.style.borderBottom;
        paragraphStyle.borderBottom = {
          color: { color: { rgbColor: border.color } },
          width: { magnitude: border.width, unit: 'PT' },
          padding: { magnitude: border.padding, unit: 'PT' },
          dashStyle: border.dashStyle,
        };
      }
      return {
        startIndex,
        endIndex,
        paragraph: {
          elements,
          paragraphStyle,
          ...(block.bullet ? { bullet: { ...block.bullet } } : {}),
        },
      };
    }
    let j = startIndex + 1;
    const tableRows = block.rows.map((row) => {
      const rowStart = j;
      j += 1;
      const tableCells = row.map((cell) => {
        const cellStart = j;
        j += 1;
        const content = contentJson(cell.content, j);
        j += contentSize(cell.content);
        const tableCellStyle: Record<string, unknown> = {};
        if (cell.background)
          tableCellStyle.backgroundColor = { color: { rgbColor: cell.background } };
        return { startIndex: cellStart, endIndex: j, content, tableCellStyle };
      });
      return { startIndex: rowStart, endIndex: j, tableCells };
    });
    return {
      startIndex,
      endIndex,
      table: { rows: block.rows.length, columns: block.rows[0]?.length ?? 0, tableRows },
    };
  });
}

/** The JSON of documents.get, as far as this runtime models it. */
export interface DocsDocumentJson {
  documentId: string;
  title: string;
  revisionId: string;
  body: { content: Record<string, unknown>[] };
  lists: Record<string, unknown>;
}

/** Character attributes of a run, colours as "#rrggbb". */
interface TextAttributes {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  foregroundColor?: string;
  backgroundColor?: string;
  fontSize?: number;
}

/** A run of text with the same attributes. */
export interface TextRun {
  text: string;
  attributes: TextAttributes;
}

interface RecordedParagraph {
  type: 'paragraph';
  /** NORMAL_TEXT, TITLE, HEADING_1... */
  namedStyle: string;
  text: string;
  runs: TextRun[];
  /** the paragraph holds a page break */
  pageBreak?: true;
  /** the paragraph has a bottom border (a horizontal rule) */
  rule?: true;
}

interface RecordedCell {
  text: string;
  background?: string;
  runs: TextRun[];
}

/** A document's structure as plain data: what a reader of the Doc sees. */
export type RecordedElement =
  | RecordedParagraph
  | {
      type: 'listItem';
      glyph: 'BULLET' | 'NUMBER';
      listId: string;
      nesting: number;
      text: string;
      runs: TextRun[];
    }
  | { type: 'table'; rows: { cells: RecordedCell[] }[] };

export interface RecordedDocument {
  id: string;
  name: string;
  url: string;
  elements: RecordedElement[];
}

/** Documents shared by runtimes (the user's Drive, as far as the Docs API sees it). */
export class DocumentState {
  readonly documents = new Map<string, DocumentModel>();
  private next = 1;

  /** A new, empty document. */
  create(title: string, createdByScript = true): DocumentModel {
    const model = new DocumentModel(`doc-${this.next++}`, title, createdByScript);
    this.documents.set(model.id, model);
    return model;
  }

  /** Every document, oldest first. */
  all(): DocumentModel[] {
    return [...this.documents.values()];
  }

  /** The most recently created document. */
  last(): DocumentModel | undefined {
    return this.all().at(-1);
  }

  byName(name: string): DocumentModel | undefined {
    return this.all().find((document) => document.title === name);
  }
}

/** JSON in, JSON out: what an advanced service sends and receives. */
function asJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** `Docs`, the advanced service, as the bundle sees it. */
export class FakeDocsService {
  readonly Documents: {
    create(resource: unknown): DocsDocumentJson;
    batchUpdate(resource: unknown, documentId: string): Record<string, unknown>;
    get(documentId: string, optionalArgs?: unknown): DocsDocumentJson;
  };

  /**
   * @param scopes the manifest's oauthScopes; undefined when it lists none (Apps Script then
   * asks for what the code uses, so every call is allowed)
   */
  constructor(
    readonly state: DocumentState,
    private readonly calls: CallCounter,
    private readonly scopes: readonly string[] | undefined,
  ) {
    this.Documents = {
      create: (resource) => this.create(resource),
      batchUpdate: (resource, documentId) => this.batchUpdate(resource, documentId),
      get: (documentId) => this.get(documentId),
    };
  }

  private allowed(method: string, accepted: readonly string[]): void {
    if (this.scopes && !this.scopes.some((scope) => accepted.includes(scope))) {
      throw docsApiError(method, DOCS_MESSAGES.scopes);
    }
  }

  private open(method: string, documentId: unknown): DocumentModel {
    const model = this.state.documents.get(String(documentId));
    if (!model) throw docsApiError(method, DOCS_MESSAGES.notFound(String(documentId)));
    const everyDocument =
      !this.scopes || this.scopes.some((scope) => DOCS_SCOPES.everyDocument.includes(scope));
    if (!model.createdByScript && !everyDocument)
      throw docsApiError(method, DOCS_MESSAGES.permission);
    return model;
  }

  private create(resource: unknown): DocsDocumentJson {
    this.calls.record('Docs.Documents.create');
    this.allowed('create', DOCS_SCOPES.write);
    const given = asJson(resource);
    // "Other fields in the request, including any provided content, are ignored."
    const title =
      isObject(given) && typeof given.title === 'string' ? given.title : 'Untitled document';
    return this.state.create(title).json();
  }

  private batchUpdate(resource: unknown, documentId: string): Record<string, unknown> {
    this.calls.record('Docs.Documents.batchUpdate');
    this.allowed('batchUpdate', DOCS_SCOPES.write);
    const model = this.open('batchUpdate', documentId);
    const given = asJson(resource);
    const requests = isObject(given) ? given.requests : undefined;
    if (!Array.isArray(requests)) {
      throw docsApiError('batchUpdate', 'Invalid JSON payload: requests must be a list.');
    }
    model.applyBatch(requests);
    return {
      documentId: model.id,
      replies: requests.map(() => ({})),
      writeControl: { requiredRevisionId: `rev-${model.revision}` },
    };
  }

  private get(documentId: string): DocsDocumentJson {
    this.calls.record('Docs.Documents.get');
    this.allowed('get', DOCS_SCOPES.read);
    return this.open('get', documentId).json();
  }
}
