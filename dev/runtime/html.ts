/**
 * In-memory HtmlService (https://developers.google.com/apps-script/reference/html/html-service):
 * HtmlOutput, HtmlTemplate and the SandboxMode / XFrameOptionsMode enums.
 *
 * - createHtmlOutputFromFile(name) and createTemplateFromFile(name) read from the file map
 *   given to the service (RuntimeOptions.htmlFiles; a name may omit ".html", as in Apps
 *   Script); a missing file throws Apps Script's "No HTML file named <name> was found.";
 * - appendUntrusted HTML-escapes what it appends (Google's "contextual escaping" is done here
 *   as plain HTML escaping);
 * - templates: `<?= expr ?>` prints HTML-escaped, `<?!= expr ?>` prints raw, `<? code ?>` runs
 *   code (loops and ifs spanning text work). The code runs in the bundle's global scope (so
 *   a scriptlet can call the bundle's functions, e.g. an include() helper) with the template's
 *   properties as variables, as in Apps Script. A printed value is String(value). Escaping is
 *   HTML escaping everywhere, not Google's contextual escaping inside <script> or attributes;
 *   getCode() returns this fake's generated JavaScript, not Google's;
 * - getWidth/getHeight return 0 until set (Google's defaults are not documented); setSandboxMode
 *   only records the mode (Google now always uses IFRAME); addMetaTag does not check the
 *   names Google allows; getBlob/getAs are not faked.
 */
import * as vm from 'node:vm';
import type { CallCounter } from './calls';
import type { Fluent } from './types';

type GasHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type GasHtmlTemplate = GoogleAppsScript.HTML.HtmlTemplate;
type GasHtmlService = GoogleAppsScript.HTML.HtmlService;

const SandboxMode = {
  EMULATED: 'EMULATED',
  IFRAME: 'IFRAME',
  NATIVE: 'NATIVE',
} as unknown as typeof GoogleAppsScript.HTML.SandboxMode;

const XFrameOptionsMode = {
  ALLOWALL: 'ALLOWALL',
  DEFAULT: 'DEFAULT',
} as unknown as typeof GoogleAppsScript.HTML.XFrameOptionsMode;

export const HTML_MESSAGES = {
  noFile: (name: string) => `No HTML file named ${name} was found.`,
  // Not Google's wording (unknown).
  unclosedScriptlet: 'Template error: a scriptlet opened with <? is not closed with ?>.',
};

/** HTML-escapes text (& < > " '). */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export class FakeHtmlOutputMetaTag implements Pick<
  GoogleAppsScript.HTML.HtmlOutputMetaTag,
  'getName' | 'getContent'
> {
  constructor(
    private readonly name: string,
    private readonly content: string,
  ) {}

  getName(): string {
    return this.name;
  }

  getContent(): string {
    return this.content;
  }
}

/** Runs generated template code; loadBundle runs it in the bundle's context. */
export type TemplateEvaluator = (code: string) => unknown;

const defaultEvaluator: TemplateEvaluator = (code) => vm.runInNewContext(code);

type OutputPlainKeys = 'getContent' | 'getTitle' | 'getWidth' | 'getHeight' | 'getFaviconUrl';

type OutputFluentKeys =
  | 'setContent'
  | 'append'
  | 'appendUntrusted'
  | 'clear'
  | 'setTitle'
  | 'setWidth'
  | 'setHeight'
  | 'setSandboxMode'
  | 'setXFrameOptionsMode'
  | 'addMetaTag'
  | 'setFaviconUrl';

export class FakeHtmlOutput
  implements
    Pick<GasHtmlOutput, OutputPlainKeys>,
    Fluent<GasHtmlOutput, OutputFluentKeys, FakeHtmlOutput>,
    Fluent<GasHtmlOutput, 'getMetaTags', FakeHtmlOutputMetaTag[]>,
    Fluent<GasHtmlOutput, 'asTemplate', FakeHtmlTemplate>
{
  content: string;
  title = '';
  width = 0;
  height = 0;
  faviconUrl = '';
  sandboxMode: GoogleAppsScript.HTML.SandboxMode | undefined;
  xFrameOptionsMode: GoogleAppsScript.HTML.XFrameOptionsMode | undefined;
  readonly metaTags: { name: string; content: string }[] = [];

  constructor(
    content: string,
    private readonly calls: CallCounter,
    private readonly evaluator: TemplateEvaluator = defaultEvaluator,
  ) {
    this.content = content;
  }

  private record(method: string): void {
    this.calls.record(`HtmlOutput.${method}`);
  }

  getContent(): string {
    this.record('getContent');
    return this.content;
  }

  setContent(content: string): FakeHtmlOutput {
    this.record('setContent');
    this.content = String(content);
    return this;
  }

  append(addedContent: string): FakeHtmlOutput {
    this.record('append');
    this.content += String(addedContent);
    return this;
  }

  appendUntrusted(addedContent: string): FakeHtmlOutput {
    this.record('appendUntrusted');
    this.content += escapeHtml(String(addedContent));
    return this;
  }

  clear(): FakeHtmlOutput {
    this.record('clear');
    this.content = '';
    return this;
  }

  getTitle(): string {
    this.record('getTitle');
    return this.title;
  }

  setTitle(title: string): FakeHtmlOutput {
    this.record('setTitle');
    this.title = String(title);
    return this;
  }

  getWidth(): number {
    this.record('getWidth');
    return this.width;
  }

  setWidth(width: number): FakeHtmlOutput {
    this.record('setWidth');
    this.width = width;
    return this;
  }

  getHeight(): number {
    this.record('getHeight');
    return this.height;
  }

  setHeight(height: number): FakeHtmlOutput {
    this.record('setHeight');
    this.height = height;
    return this;
  }

  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): FakeHtmlOutput {
    this.record('setSandboxMode');
    this.sandboxMode = mode;
    return this;
  }

  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): FakeHtmlOutput {
    this.record('setXFrameOptionsMode');
    this.xFrameOptionsMode = mode;
    return this;
  }

  addMetaTag(name: string, content: string): FakeHtmlOutput {
    this.record('addMetaTag');
    this.metaTags.push({ name: String(name), content: String(content) });
    return this;
  }

  getMetaTags(): FakeHtmlOutputMetaTag[] {
    this.record('getMetaTags');
    return this.metaTags.map((t) => new FakeHtmlOutputMetaTag(t.name, t.content));
  }

  getFaviconUrl(): string {
    this.record('getFaviconUrl');
    return this.faviconUrl;
  }

  setFaviconUrl(iconUrl: string): FakeHtmlOutput {
    this.record('setFaviconUrl');
    this.faviconUrl = String(iconUrl);
    return this;
  }

  asTemplate(): FakeHtmlTemplate {
    this.record('asTemplate');
    return new FakeHtmlTemplate(this.content, this.calls, this.evaluator);
  }
}

type Part = { kind: 'text'; text: string } | { kind: 'escaped' | 'raw' | 'code'; text: string };

/** Splits a template into text and scriptlets. */
function parseTemplate(source: string): Part[] {
  const parts: Part[] = [];
  let at = 0;
  while (at < source.length) {
    const open = source.indexOf('<?', at);
    if (open < 0) {
      parts.push({ kind: 'text', text: source.slice(at) });
      break;
    }
    if (open > at) parts.push({ kind: 'text', text: source.slice(at, open) });
    const close = source.indexOf('?>', open + 2);
    if (close < 0) throw new Error(HTML_MESSAGES.unclosedScriptlet);
    let body = source.slice(open + 2, close);
    let kind: Part['kind'] = 'code';
    if (body.startsWith('!=')) {
      kind = 'raw';
      body = body.slice(2);
    } else if (body.startsWith('=')) {
      kind = 'escaped';
      body = body.slice(1);
    }
    parts.push({ kind, text: body });
    at = close + 2;
  }
  return parts;
}

/** The JavaScript of a template: a function (scope, escape) returning the HTML. */
function compileTemplate(source: string): string {
  const lines = parseTemplate(source).map((part) => {
    switch (part.kind) {
      case 'text':
        return `__out += ${JSON.stringify(part.text)};`;
      case 'escaped':
        return `__out += __escape(String(${part.text}));`;
      case 'raw':
        return `__out += String(${part.text});`;
      default:
        return `${part.text}\n;`;
    }
  });
  return `(function (__scope, __escape) {\nvar __out = '';\nwith (__scope) {\n${lines.join('\n')}\n}\nreturn __out;\n})`;
}

interface TemplateInternals {
  source: string;
  calls: CallCounter;
  evaluator: TemplateEvaluator;
}

// Kept off the template object, whose own properties are the scriptlets' variables.
const internals = new WeakMap<FakeHtmlTemplate, TemplateInternals>();

function inside(template: FakeHtmlTemplate): TemplateInternals {
  const found = internals.get(template);
  if (!found) throw new Error('Not a template of this HtmlService.');
  return found;
}

/**
 * An HtmlTemplate: set properties on it (template.accounts = [...]) and they are variables in
 * its scriptlets.
 */
export class FakeHtmlTemplate
  implements
    Pick<GasHtmlTemplate, 'getRawContent' | 'getCode'>,
    Fluent<GasHtmlTemplate, 'evaluate', FakeHtmlOutput>
{
  [name: string]: unknown;

  constructor(source: string, calls: CallCounter, evaluator: TemplateEvaluator = defaultEvaluator) {
    internals.set(this, { source, calls, evaluator });
  }

  getRawContent(): string {
    const { source, calls } = inside(this);
    calls.record('HtmlTemplate.getRawContent');
    return source;
  }

  /** This fake's generated JavaScript (Google's differs). */
  getCode(): string {
    const { source, calls } = inside(this);
    calls.record('HtmlTemplate.getCode');
    return compileTemplate(source);
  }

  evaluate(): FakeHtmlOutput {
    const { source, calls, evaluator } = inside(this);
    calls.record('HtmlTemplate.evaluate');
    const scope: Record<string, unknown> = {};
    for (const key of Object.keys(this)) scope[key] = this[key];
    const render = evaluator(compileTemplate(source)) as (
      scope: Record<string, unknown>,
      escape: (text: string) => string,
    ) => string;
    return new FakeHtmlOutput(render(scope, escapeHtml), calls, evaluator);
  }
}

export interface HtmlServiceOptions {
  /** the project's HTML files by name ("Sidebar" or "Sidebar.html") */
  files?: Record<string, string>;
  /** runs template code (default: a fresh context without the bundle's globals) */
  evaluator?: TemplateEvaluator;
}

export class FakeHtmlService
  implements
    Pick<GasHtmlService, 'SandboxMode' | 'XFrameOptionsMode'>,
    Fluent<GasHtmlService, 'createHtmlOutput' | 'createHtmlOutputFromFile', FakeHtmlOutput>,
    Fluent<GasHtmlService, 'createTemplate' | 'createTemplateFromFile', FakeHtmlTemplate>
{
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  readonly files: Record<string, string>;
  private readonly evaluator: TemplateEvaluator;

  constructor(
    private readonly calls: CallCounter,
    options: HtmlServiceOptions = {},
  ) {
    this.files = { ...(options.files ?? {}) };
    this.evaluator = options.evaluator ?? defaultEvaluator;
  }

  private record(method: string): void {
    this.calls.record(`HtmlService.${method}`);
  }

  private file(name: string): string {
    const text = this.files[name] ?? this.files[`${name}.html`];
    if (text === undefined) throw new Error(HTML_MESSAGES.noFile(name));
    return text;
  }

  /** createHtmlOutput() or createHtmlOutput(html); a blob source is not supported. */
  createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource): FakeHtmlOutput {
    this.record('createHtmlOutput');
    if (html !== undefined && typeof html !== 'string') {
      throw new Error('HtmlService.createHtmlOutput(blob) is not supported by the local runtime.');
    }
    return new FakeHtmlOutput(html ?? '', this.calls, this.evaluator);
  }

  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    this.record('createHtmlOutputFromFile');
    return new FakeHtmlOutput(this.file(String(filename)), this.calls, this.evaluator);
  }

  createTemplate(html: string | GoogleAppsScript.Base.BlobSource): FakeHtmlTemplate {
    this.record('createTemplate');
    if (typeof html !== 'string') {
      throw new Error('HtmlService.createTemplate(blob) is not supported by the local runtime.');
    }
    return new FakeHtmlTemplate(html, this.calls, this.evaluator);
  }

  createTemplateFromFile(filename: string): FakeHtmlTemplate {
    this.record('createTemplateFromFile');
    return new FakeHtmlTemplate(this.file(String(filename)), this.calls, this.evaluator);
  }
}
