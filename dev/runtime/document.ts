/**
 * In-memory DocumentApp (https://developers.google.com/apps-script/reference/document): creates
 * documents and records their structure, so tests can assert what a generated document holds
 * and render it (document-html.ts).
 *
 * Faked: DocumentApp.create / openById / openByUrl and the ParagraphHeading, GlyphType and
 * HorizontalAlignment enums; Document getId / getName / setName / getUrl / getBody /
 * saveAndClose; Body appendParagraph / appendListItem / appendTable (from string[][]) /
 * appendHorizontalRule / appendPageBreak / getNumChildren / getText / clear; Paragraph and
 * ListItem setHeading / getHeading / setText / getText / editAsText / setAlignment (ListItem:
 * setGlyphType / setNestingLevel); Table getNumRows / getRow / getCell / setBorderColor /
 * setBorderWidth / setColumnWidth / editAsText / getText; TableRow getNumCells / getCell /
 * editAsText / getText; TableCell setBackgroundColor / getBackgroundColor / editAsText /
 * getText / setText; Text setBold / setItalic / setUnderline / setForegroundColor /
 * setBackgroundColor / setFontSize / setLinkUrl, on the whole text or on a range, and getText.
 *
 * Not faked: images, footnotes, headers and footers, named ranges, positions, bookmarks,
 * appendTable(Table), Element traversal beyond what is listed. Every call is counted on the
 * runtime's CallCounter ("Body.appendParagraph", "Text.setBold", ...).
 *
 * As Google's, a new document's body holds one empty paragraph, and clear() leaves one: a body
 * always ends with a paragraph (Google's reference does not say so; its Document service
 * refuses to remove "the last paragraph" of a body, and a new document opens on an empty line).
 * Differences from Google: "\n" inside appended text is kept as is; ids are "doc-1", "doc-2".
 */
import type { CallCounter } from './calls';
import type { Fluent } from './types';

export const ParagraphHeading = {
  NORMAL: 'NORMAL',
  HEADING1: 'HEADING1',
  HEADING2: 'HEADING2',
  HEADING3: 'HEADING3',
  HEADING4: 'HEADING4',
  HEADING5: 'HEADING5',
  HEADING6: 'HEADING6',
  TITLE: 'TITLE',
  SUBTITLE: 'SUBTITLE',
} as unknown as typeof GoogleAppsScript.Document.ParagraphHeading;

export const GlyphType = {
  BULLET: 'BULLET',
  HOLLOW_BULLET: 'HOLLOW_BULLET',
  SQUARE_BULLET: 'SQUARE_BULLET',
  NUMBER: 'NUMBER',
  LATIN_UPPER: 'LATIN_UPPER',
  LATIN_LOWER: 'LATIN_LOWER',
  ROMAN_UPPER: 'ROMAN_UPPER',
  ROMAN_LOWER: 'ROMAN_LOWER',
} as unknown as typeof GoogleAppsScript.Document.GlyphType;

export const HorizontalAlignment = {
  LEFT: 'LEFT',
  CENTER: 'CENTER',
  RIGHT: 'RIGHT',
  JUSTIFY: 'JUSTIFY',
} as unknown as typeof GoogleAppsScript.Document.HorizontalAlignment;

export const DOCUMENT_MESSAGES = {
  noDocument: (id: string) =>
    `Exception: Unexpected error while getting the method or property openById on object DocumentApp (no document ${id}).`,
  closed: 'Document is closed, its contents cannot be updated.',
  notTable: 'appendTable: this runtime accepts only a 2-D array of strings.',
  ragged: 'appendTable: every row must have the same number of cells.',
  // Not from Google's reference: the wording the Docs editor and users report.
  lastParagraph: "Can't remove the last paragraph in a document section.",
};

/** Character attributes, as DocumentApp.Attribute names them (lower camel case here). */
export interface TextAttributes {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  foregroundColor?: string;
  backgroundColor?: string;
  fontSize?: number;
  linkUrl?: string;
}

/** A run of text with the same attributes. */
export interface TextRun {
  text: string;
  attributes: TextAttributes;
}

interface StyleSpan {
  start: number;
  /** inclusive, as Apps Script's endOffsetInclusive */
  end: number;
  attributes: TextAttributes;
}

/** Something that holds text: a paragraph, a list item, a table cell. */
class TextHolder {
  text: string;
  spans: StyleSpan[] = [];

  constructor(text: string) {
    this.text = text;
  }

  setText(text: string): void {
    this.text = text;
    this.spans = [];
  }

  apply(attributes: TextAttributes, start?: number, end?: number): void {
    if (this.text.length === 0) return;
    const from = start ?? 0;
    const to = end ?? this.text.length - 1;
    if (from < 0 || to >= this.text.length || from > to) {
      throw new Error(
        `Exception: The parameters (${from},${to}) are out of range for a text of ${this.text.length} characters.`,
      );
    }
    this.spans.push({ start: from, end: to, attributes });
  }

  /** The text split into runs of equal attributes. */
  runs(): TextRun[] {
    const runs: TextRun[] = [];
    for (let i = 0; i < this.text.length; i++) {
      const attributes: TextAttributes = {};
      for (const span of this.spans) {
        if (i >= span.start && i <= span.end) Object.assign(attributes, span.attributes);
      }
      const last = runs[runs.length - 1];
      if (last && sameAttributes(last.attributes, attributes)) last.text += this.text[i];
      else runs.push({ text: this.text[i] as string, attributes });
    }
    return runs;
  }
}

function sameAttributes(a: TextAttributes, b: TextAttributes): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof TextAttributes>;
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

type GasText = GoogleAppsScript.Document.Text;
type TextStyleKeys =
  | 'setBold'
  | 'setItalic'
  | 'setUnderline'
  | 'setForegroundColor'
  | 'setBackgroundColor'
  | 'setFontSize'
  | 'setLinkUrl';

/** Text of one or more holders (a TableRow's editAsText covers its cells). */
export class FakeText
  implements Pick<GasText, 'getText'>, Fluent<GasText, TextStyleKeys, FakeText>
{
  constructor(
    private readonly holders: readonly TextHolder[],
    private readonly calls: CallCounter,
  ) {}

  private style(method: TextStyleKeys, attributes: TextAttributes, range: unknown[]): FakeText {
    this.calls.record(`Text.${method}`);
    if (range.length === 2) {
      if (this.holders.length !== 1) {
        throw new Error(`Text.${method} with offsets is not supported on several paragraphs here.`);
      }
      this.holders[0]?.apply(attributes, Number(range[0]), Number(range[1]));
    } else {
      for (const holder of this.holders) holder.apply(attributes);
    }
    return this;
  }

  getText(): string {
    this.calls.record('Text.getText');
    return this.holders.map((holder) => holder.text).join('\n');
  }

  setBold(...args: [boolean] | [number, number, boolean]): FakeText {
    const value = args[args.length - 1] as boolean;
    return this.style('setBold', { bold: value }, args.slice(0, -1));
  }

  setItalic(...args: [boolean] | [number, number, boolean]): FakeText {
    const value = args[args.length - 1] as boolean;
    return this.style('setItalic', { italic: value }, args.slice(0, -1));
  }

  setUnderline(...args: [boolean] | [number, number, boolean]): FakeText {
    const value = args[args.length - 1] as boolean;
    return this.style('setUnderline', { underline: value }, args.slice(0, -1));
  }

  setForegroundColor(...args: [string] | [number, number, string]): FakeText {
    const value = String(args[args.length - 1]);
    return this.style('setForegroundColor', { foregroundColor: value }, args.slice(0, -1));
  }

  setBackgroundColor(...args: [string] | [number, number, string]): FakeText {
    const value = String(args[args.length - 1]);
    return this.style('setBackgroundColor', { backgroundColor: value }, args.slice(0, -1));
  }

  setFontSize(...args: [number] | [number, number, number]): FakeText {
    const value = Number(args[args.length - 1]);
    return this.style('setFontSize', { fontSize: value }, args.slice(0, -1));
  }

  setLinkUrl(...args: [string] | [number, number, string]): FakeText {
    const value = String(args[args.length - 1]);
    return this.style('setLinkUrl', { linkUrl: value }, args.slice(0, -1));
  }
}

type Heading = GoogleAppsScript.Document.ParagraphHeading;

export class FakeParagraph
  implements
    Pick<GoogleAppsScript.Document.Paragraph, 'getHeading' | 'getText'>,
    Fluent<GoogleAppsScript.Document.Paragraph, 'editAsText', FakeText>
{
  readonly holder: TextHolder;
  heading: Heading = ParagraphHeading.NORMAL;
  alignment: GoogleAppsScript.Document.HorizontalAlignment | undefined;
  /** The body holding this paragraph, for removeFromParent (set by Body.getParagraphs). */
  container: { removeElement(element: FakeParagraph): void } | undefined;

  constructor(
    text: string,
    protected readonly calls: CallCounter,
    protected readonly kind = 'Paragraph',
  ) {
    this.holder = new TextHolder(text);
  }

  protected record(method: string): void {
    this.calls.record(`${this.kind}.${method}`);
  }

  /** Removes the paragraph from its body; the body's last element cannot be removed. */
  removeFromParent(): this {
    this.record('removeFromParent');
    this.container?.removeElement(this);
    this.container = undefined;
    return this;
  }

  setHeading(heading: Heading): this {
    this.record('setHeading');
    this.heading = heading;
    return this;
  }

  getHeading(): Heading {
    this.record('getHeading');
    return this.heading;
  }

  getText(): string {
    this.record('getText');
    return this.holder.text;
  }

  setText(text: string): this {
    this.record('setText');
    this.holder.setText(String(text));
    return this;
  }

  setAlignment(alignment: GoogleAppsScript.Document.HorizontalAlignment): this {
    this.record('setAlignment');
    this.alignment = alignment;
    return this;
  }

  editAsText(): FakeText {
    this.record('editAsText');
    return new FakeText([this.holder], this.calls);
  }
}

export class FakeListItem extends FakeParagraph {
  glyphType: GoogleAppsScript.Document.GlyphType = GlyphType.BULLET;
  nestingLevel = 0;

  constructor(text: string, calls: CallCounter) {
    super(text, calls, 'ListItem');
  }

  setGlyphType(glyphType: GoogleAppsScript.Document.GlyphType): this {
    this.record('setGlyphType');
    this.glyphType = glyphType;
    return this;
  }

  setNestingLevel(level: number): this {
    this.record('setNestingLevel');
    this.nestingLevel = level;
    return this;
  }
}

export class FakeTableCell
  implements
    Pick<GoogleAppsScript.Document.TableCell, 'getText' | 'getBackgroundColor'>,
    Fluent<GoogleAppsScript.Document.TableCell, 'setBackgroundColor' | 'setText', FakeTableCell>,
    Fluent<GoogleAppsScript.Document.TableCell, 'editAsText', FakeText>
{
  readonly holder: TextHolder;
  background: string | undefined;

  constructor(
    text: string,
    private readonly calls: CallCounter,
  ) {
    this.holder = new TextHolder(text);
  }

  setBackgroundColor(color: string): FakeTableCell {
    this.calls.record('TableCell.setBackgroundColor');
    this.background = String(color);
    return this;
  }

  getBackgroundColor(): string {
    this.calls.record('TableCell.getBackgroundColor');
    return this.background ?? '';
  }

  getText(): string {
    this.calls.record('TableCell.getText');
    return this.holder.text;
  }

  setText(text: string): FakeTableCell {
    this.calls.record('TableCell.setText');
    this.holder.setText(String(text));
    return this;
  }

  editAsText(): FakeText {
    this.calls.record('TableCell.editAsText');
    return new FakeText([this.holder], this.calls);
  }
}

export class FakeTableRow
  implements
    Pick<GoogleAppsScript.Document.TableRow, 'getNumCells' | 'getText'>,
    Fluent<GoogleAppsScript.Document.TableRow, 'getCell', FakeTableCell>,
    Fluent<GoogleAppsScript.Document.TableRow, 'editAsText', FakeText>
{
  constructor(
    readonly cells: FakeTableCell[],
    private readonly calls: CallCounter,
  ) {}

  getNumCells(): number {
    this.calls.record('TableRow.getNumCells');
    return this.cells.length;
  }

  getCell(index: number): FakeTableCell {
    this.calls.record('TableRow.getCell');
    const cell = this.cells[index];
    if (!cell)
      throw new Error(
        `Exception: Child index (${index}) must be less than the number of child elements (${this.cells.length}).`,
      );
    return cell;
  }

  getText(): string {
    this.calls.record('TableRow.getText');
    return this.cells.map((cell) => cell.holder.text).join('\n');
  }

  editAsText(): FakeText {
    this.calls.record('TableRow.editAsText');
    return new FakeText(
      this.cells.map((cell) => cell.holder),
      this.calls,
    );
  }
}

export class FakeTable
  implements
    Pick<GoogleAppsScript.Document.Table, 'getNumRows' | 'getText'>,
    Fluent<GoogleAppsScript.Document.Table, 'getRow', FakeTableRow>,
    Fluent<GoogleAppsScript.Document.Table, 'getCell', FakeTableCell>,
    Fluent<
      GoogleAppsScript.Document.Table,
      'setBorderColor' | 'setBorderWidth' | 'setColumnWidth',
      FakeTable
    >,
    Fluent<GoogleAppsScript.Document.Table, 'editAsText', FakeText>
{
  readonly rows: FakeTableRow[];
  borderColor: string | undefined;
  borderWidth: number | undefined;
  readonly columnWidths: Record<number, number> = {};

  constructor(
    cells: string[][],
    private readonly calls: CallCounter,
  ) {
    this.rows = cells.map(
      (row) =>
        new FakeTableRow(
          row.map((text) => new FakeTableCell(String(text), calls)),
          calls,
        ),
    );
  }

  getNumRows(): number {
    this.calls.record('Table.getNumRows');
    return this.rows.length;
  }

  getRow(index: number): FakeTableRow {
    this.calls.record('Table.getRow');
    const row = this.rows[index];
    if (!row)
      throw new Error(
        `Exception: Child index (${index}) must be less than the number of child elements (${this.rows.length}).`,
      );
    return row;
  }

  getCell(row: number, column: number): FakeTableCell {
    this.calls.record('Table.getCell');
    const cell = this.rows[row]?.cells[column];
    if (!cell) throw new Error(`Exception: There is no cell at row ${row}, column ${column}.`);
    return cell;
  }

  getText(): string {
    this.calls.record('Table.getText');
    return this.rows.map((row) => row.cells.map((cell) => cell.holder.text).join('\n')).join('\n');
  }

  setBorderColor(color: string): FakeTable {
    this.calls.record('Table.setBorderColor');
    this.borderColor = color;
    return this;
  }

  setBorderWidth(width: number): FakeTable {
    this.calls.record('Table.setBorderWidth');
    this.borderWidth = width;
    return this;
  }

  setColumnWidth(column: number, width: number): FakeTable {
    this.calls.record('Table.setColumnWidth');
    this.columnWidths[column] = width;
    return this;
  }

  editAsText(): FakeText {
    this.calls.record('Table.editAsText');
    return new FakeText(
      this.rows.flatMap((row) => row.cells.map((cell) => cell.holder)),
      this.calls,
    );
  }
}

export class FakeHorizontalRule {
  readonly kind = 'horizontalRule';
}

export class FakePageBreak {
  readonly kind = 'pageBreak';
}

export type FakeBodyElement =
  FakeParagraph | FakeListItem | FakeTable | FakeHorizontalRule | FakePageBreak;

/** The recorded structure of a document, as plain data. */
export type RecordedElement =
  | { type: 'paragraph'; heading: string; alignment?: string; text: string; runs: TextRun[] }
  | { type: 'listItem'; glyph: string; nesting: number; text: string; runs: TextRun[] }
  | {
      type: 'table';
      rows: { cells: { text: string; background?: string; runs: TextRun[] }[] }[];
    }
  | { type: 'horizontalRule' }
  | { type: 'pageBreak' };

export interface RecordedDocument {
  id: string;
  name: string;
  url: string;
  elements: RecordedElement[];
}

export class FakeBody
  implements
    Pick<GoogleAppsScript.Document.Body, 'getNumChildren' | 'getText'>,
    Fluent<GoogleAppsScript.Document.Body, 'appendParagraph', FakeParagraph>,
    Fluent<GoogleAppsScript.Document.Body, 'appendListItem', FakeListItem>,
    Fluent<GoogleAppsScript.Document.Body, 'appendHorizontalRule', FakeHorizontalRule>,
    Fluent<GoogleAppsScript.Document.Body, 'appendPageBreak', FakePageBreak>,
    Fluent<GoogleAppsScript.Document.Body, 'clear', FakeBody>
{
  /** one empty paragraph to begin with, as in a new Google Doc */
  readonly children: FakeBodyElement[];

  constructor(
    private readonly document: DocumentModel,
    private readonly calls: CallCounter,
  ) {
    this.children = [new FakeParagraph('', calls)];
  }

  private record(method: string): void {
    this.calls.record(`Body.${method}`);
    if (this.document.closed && method.startsWith('append')) {
      throw new Error(DOCUMENT_MESSAGES.closed);
    }
  }

  appendParagraph(text: string): FakeParagraph {
    this.record('appendParagraph');
    const paragraph = new FakeParagraph(String(text), this.calls);
    this.children.push(paragraph);
    return paragraph;
  }

  appendListItem(text: string): FakeListItem {
    this.record('appendListItem');
    const item = new FakeListItem(String(text), this.calls);
    this.children.push(item);
    return item;
  }

  appendTable(cells?: string[][]): FakeTable {
    this.record('appendTable');
    const rows = cells ?? [];
    if (!Array.isArray(rows) || !rows.every((row) => Array.isArray(row))) {
      throw new Error(DOCUMENT_MESSAGES.notTable);
    }
    const width = rows[0]?.length ?? 0;
    if (rows.some((row) => row.length !== width)) throw new Error(DOCUMENT_MESSAGES.ragged);
    const table = new FakeTable(
      rows.map((row) => row.map((cell) => String(cell))),
      this.calls,
    );
    this.children.push(table);
    return table;
  }

  appendHorizontalRule(): FakeHorizontalRule {
    this.record('appendHorizontalRule');
    const rule = new FakeHorizontalRule();
    this.children.push(rule);
    return rule;
  }

  appendPageBreak(): FakePageBreak {
    this.record('appendPageBreak');
    const pageBreak = new FakePageBreak();
    this.children.push(pageBreak);
    return pageBreak;
  }

  getNumChildren(): number {
    this.record('getNumChildren');
    return this.children.length;
  }

  /** The paragraphs and list items, in order (Body.getParagraphs). */
  getParagraphs(): FakeParagraph[] {
    this.record('getParagraphs');
    const paragraphs = this.children.filter(
      (child): child is FakeParagraph => child instanceof FakeParagraph,
    );
    for (const paragraph of paragraphs) paragraph.container = this;
    return paragraphs;
  }

  /** For Paragraph.removeFromParent (not counted). */
  removeElement(element: FakeParagraph): void {
    const at = this.children.indexOf(element);
    if (at < 0) return;
    if (at === this.children.length - 1) throw new Error(DOCUMENT_MESSAGES.lastParagraph);
    this.children.splice(at, 1);
  }

  getText(): string {
    this.record('getText');
    return textOf(this.children);
  }

  /** Leaves one empty paragraph: a body always has one. */
  clear(): FakeBody {
    this.record('clear');
    this.children.length = 0;
    this.children.push(new FakeParagraph('', this.calls));
    return this;
  }
}

function textOf(children: readonly FakeBodyElement[]): string {
  return children
    .map((child) => {
      if (child instanceof FakeParagraph) return child.holder.text;
      if (child instanceof FakeTable) {
        return child.rows
          .map((row) => row.cells.map((cell) => cell.holder.text).join('\t'))
          .join('\n');
      }
      return '';
    })
    .join('\n');
}

/** One document's state, shared by every handle opened on it. */
export class DocumentModel {
  closed = false;
  readonly body: FakeBody;

  constructor(
    readonly id: string,
    public name: string,
    calls: CallCounter,
  ) {
    this.body = new FakeBody(this, calls);
  }

  get url(): string {
    return `https://docs.google.com/document/d/${this.id}/edit`;
  }

  /** The document's structure as plain data. */
  snapshot(): RecordedDocument {
    const elements: RecordedElement[] = this.body.children.map((child) => {
      if (child instanceof FakeListItem) {
        return {
          type: 'listItem',
          glyph: String(child.glyphType),
          nesting: child.nestingLevel,
          text: child.holder.text,
          runs: child.holder.runs(),
        };
      }
      if (child instanceof FakeParagraph) {
        const out: RecordedElement = {
          type: 'paragraph',
          heading: String(child.heading),
          text: child.holder.text,
          runs: child.holder.runs(),
        };
        if (child.alignment !== undefined) out.alignment = String(child.alignment);
        return out;
      }
      if (child instanceof FakeTable) {
        return {
          type: 'table',
          rows: child.rows.map((row) => ({
            cells: row.cells.map((cell) => {
              const recorded: { text: string; background?: string; runs: TextRun[] } = {
                text: cell.holder.text,
                runs: cell.holder.runs(),
              };
              if (cell.background !== undefined) recorded.background = cell.background;
              return recorded;
            }),
          })),
        };
      }
      return { type: child instanceof FakeHorizontalRule ? 'horizontalRule' : 'pageBreak' };
    });
    return { id: this.id, name: this.name, url: this.url, elements };
  }
}

/** Documents shared by runtimes (the user's Drive, as far as DocumentApp sees it). */
export class DocumentState {
  readonly documents = new Map<string, DocumentModel>();
  private next = 1;

  newId(): string {
    return `doc-${this.next++}`;
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
    return this.all().find((document) => document.name === name);
  }
}

export class FakeDocument
  implements
    Pick<GoogleAppsScript.Document.Document, 'getId' | 'getName' | 'getUrl' | 'saveAndClose'>,
    Fluent<GoogleAppsScript.Document.Document, 'setName', FakeDocument>,
    Fluent<GoogleAppsScript.Document.Document, 'getBody', FakeBody>
{
  constructor(
    readonly model: DocumentModel,
    private readonly calls: CallCounter,
  ) {}

  getId(): string {
    this.calls.record('Document.getId');
    return this.model.id;
  }

  getName(): string {
    this.calls.record('Document.getName');
    return this.model.name;
  }

  setName(name: string): FakeDocument {
    this.calls.record('Document.setName');
    this.model.name = String(name);
    return this;
  }

  getUrl(): string {
    this.calls.record('Document.getUrl');
    return this.model.url;
  }

  getBody(): FakeBody {
    this.calls.record('Document.getBody');
    return this.model.body;
  }

  saveAndClose(): void {
    this.calls.record('Document.saveAndClose');
    this.model.closed = true;
  }
}

export class FakeDocumentApp
  implements
    Pick<
      GoogleAppsScript.Document.DocumentApp,
      'ParagraphHeading' | 'GlyphType' | 'HorizontalAlignment'
    >,
    Fluent<GoogleAppsScript.Document.DocumentApp, 'create' | 'openById' | 'openByUrl', FakeDocument>
{
  readonly ParagraphHeading = ParagraphHeading;
  readonly GlyphType = GlyphType;
  readonly HorizontalAlignment = HorizontalAlignment;

  constructor(
    readonly state: DocumentState,
    private readonly calls: CallCounter,
  ) {}

  create(name: string): FakeDocument {
    this.calls.record('DocumentApp.create');
    const model = new DocumentModel(this.state.newId(), String(name), this.calls);
    this.state.documents.set(model.id, model);
    return new FakeDocument(model, this.calls);
  }

  openById(id: string): FakeDocument {
    this.calls.record('DocumentApp.openById');
    const model = this.state.documents.get(String(id));
    if (!model) throw new Error(DOCUMENT_MESSAGES.noDocument(String(id)));
    // Opening again in a new execution makes the document editable again.
    model.closed = false;
    return new FakeDocument(model, this.calls);
  }

  openByUrl(url: string): FakeDocument {
    this.calls.record('DocumentApp.openByUrl');
    const match = /\/document\/d\/([^/]+)/.exec(String(url));
    const model = match ? this.state.documents.get(match[1] as string) : undefined;
    if (!model) throw new Error(DOCUMENT_MESSAGES.noDocument(String(url)));
    model.closed = false;
    return new FakeDocument(model, this.calls);
  }
}
