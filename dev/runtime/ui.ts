import type { CallCounter } from './calls';
import { FakeHtmlOutput } from './html';

type GasUi = GoogleAppsScript.Base.Ui;
type GasButton = GoogleAppsScript.Base.Button;
type GasButtonSet = GoogleAppsScript.Base.ButtonSet;
type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput | FakeHtmlOutput;

/** What the user saw of an HtmlOutput when it was shown (later changes to it show nothing). */
export interface ShownHtml {
  output: HtmlOutput;
  /** the HTML at the time it was shown */
  html: string;
  /** the output's title (a sidebar's title; a dialog's title is its own argument) */
  outputTitle: string;
  width: number;
  height: number;
}

/**
 * Runtime values of the Ui.Button and Ui.ButtonSet enums. Google's are opaque objects whose
 * text is their name; names are enough for comparisons (`response === ui.Button.YES`).
 */
export const Button = {
  CLOSE: 'CLOSE',
  OK: 'OK',
  CANCEL: 'CANCEL',
  YES: 'YES',
  NO: 'NO',
} as unknown as typeof GoogleAppsScript.Base.Button;

const ButtonSet = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as unknown as typeof GoogleAppsScript.Base.ButtonSet;

export type MenuEntry =
  | { type: 'item'; caption: string; functionName: string }
  | { type: 'separator' }
  | { type: 'submenu'; caption: string; entries: MenuEntry[] };

/** A menu added to the UI with addToUi, as the user would see it. */
export interface RecordedMenu {
  caption: string;
  /** createAddonMenu (shown under Extensions > the add-on's name) */
  addon: boolean;
  entries: MenuEntry[];
}

export type UiEvent =
  | { type: 'alert'; title: string; prompt: string; buttons: string; response: string }
  | { type: 'prompt'; title: string; prompt: string; buttons: string; response: string }
  | ({ type: 'sidebar' } & ShownHtml)
  | ({ type: 'modalDialog'; title: string } & ShownHtml)
  | ({ type: 'modelessDialog'; title: string } & ShownHtml);

/** An alert or prompt as it is asked, before anyone answers it. */
export interface UiQuestion {
  readonly type: 'alert' | 'prompt';
  readonly title: string;
  readonly prompt: string;
  /** the button set's name: "OK", "OK_CANCEL", "YES_NO" or "YES_NO_CANCEL" */
  readonly buttons: string;
}

export class FakeMenu implements GoogleAppsScript.Base.Menu {
  readonly entries: MenuEntry[] = [];

  constructor(
    readonly caption: string,
    private readonly addon: boolean,
    private readonly ui: FakeUi,
    private readonly calls: CallCounter,
  ) {}

  addItem(caption: string, functionName: string): FakeMenu {
    this.calls.record('Menu.addItem');
    this.entries.push({ type: 'item', caption, functionName });
    return this;
  }

  addSeparator(): FakeMenu {
    this.calls.record('Menu.addSeparator');
    this.entries.push({ type: 'separator' });
    return this;
  }

  addSubMenu(menu: GoogleAppsScript.Base.Menu): FakeMenu {
    this.calls.record('Menu.addSubMenu');
    if (!(menu instanceof FakeMenu)) throw new Error('addSubMenu: not a menu from this Ui');
    this.entries.push({ type: 'submenu', caption: menu.caption, entries: menu.snapshot() });
    return this;
  }

  addToUi(): void {
    this.calls.record('Menu.addToUi');
    this.ui.addMenu({ caption: this.caption, addon: this.addon, entries: this.snapshot() });
  }

  snapshot(): MenuEntry[] {
    return structuredClone(this.entries);
  }
}

/**
 * The spreadsheet UI: records menus, alerts, prompts, sidebars and dialogs. Queue answers to
 * alerts and prompts with respondWith; by default an alert answers OK (YES for a YES_NO set)
 * and a prompt answers "" with OK.
 */
export class FakeUi implements GasUi {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  readonly menus: RecordedMenu[] = [];
  readonly events: UiEvent[] = [];
  private readonly responses: { button?: GasButton; text?: string }[] = [];
  /**
   * Called when a prompt, or an alert that offers a choice (more than one button), finds no
   * queued answer, before anything is recorded. It may throw to end the execution there, as a
   * person who has not answered yet holds it in Sheets: a front end that asks a person (the
   * playground) shows the question, then runs the menu item again with the answers queued.
   * Unset, the default answer is given.
   */
  onUnanswered: ((question: UiQuestion) => void) | undefined;

  constructor(
    private readonly calls: CallCounter,
    /** caption of createAddonMenu() menus: the add-on's name */
    readonly addonName = 'CS Engine',
  ) {}

  /** Queues the next alert's or prompt's answer. */
  respondWith(button: GasButton | keyof typeof Button, text?: string): void {
    this.responses.push({
      button: (Button as unknown as Record<string, GasButton>)[button] ?? (button as GasButton),
      text,
    });
  }

  /** Forgets the answers queued and not asked for. */
  clearResponses(): void {
    this.responses.length = 0;
  }

  /** The next queued answer; without one, onUnanswered hears of a question with a choice. */
  private answer(question: UiQuestion): { button?: GasButton; text?: string } | undefined {
    const queued = this.responses.shift();
    if (!queued && (question.type === 'prompt' || question.buttons !== 'OK')) {
      this.onUnanswered?.(question);
    }
    return queued;
  }

  /** Finds a recorded menu by caption. */
  menu(caption: string): RecordedMenu | undefined {
    return this.menus.find((m) => m.caption === caption);
  }

  /** Adds (or replaces, as Sheets does for a caption shown again) a menu. */
  addMenu(menu: RecordedMenu): void {
    const at = this.menus.findIndex((m) => m.caption === menu.caption && m.addon === menu.addon);
    if (at >= 0) this.menus[at] = menu;
    else this.menus.push(menu);
  }

  createMenu(caption: string): FakeMenu {
    this.calls.record('Ui.createMenu');
    return new FakeMenu(caption, false, this, this.calls);
  }

  createAddonMenu(): FakeMenu {
    this.calls.record('Ui.createAddonMenu');
    return new FakeMenu(this.addonName, true, this, this.calls);
  }

  alert(prompt: string, buttons?: GasButtonSet): GasButton;
  alert(title: string, prompt: string, buttons: GasButtonSet): GasButton;
  alert(a: string, b?: string | GasButtonSet, c?: GasButtonSet): GasButton {
    this.calls.record('Ui.alert');
    const [title, prompt, buttons] = dialogArgs(a, b, c);
    const queued = this.answer({ type: 'alert', title, prompt, buttons });
    const response = queued?.button ?? defaultButton(buttons);
    this.events.push({ type: 'alert', title, prompt, buttons, response: String(response) });
    return response;
  }

  prompt(prompt: string, buttons?: GasButtonSet): GoogleAppsScript.Base.PromptResponse;
  prompt(
    title: string,
    prompt: string,
    buttons: GasButtonSet,
  ): GoogleAppsScript.Base.PromptResponse;
  prompt(
    a: string,
    b?: string | GasButtonSet,
    c?: GasButtonSet,
  ): GoogleAppsScript.Base.PromptResponse {
    this.calls.record('Ui.prompt');
    const [title, prompt, buttons] = dialogArgs(a, b, c);
    const queued = this.answer({ type: 'prompt', title, prompt, buttons });
    const button = queued?.button ?? defaultButton(buttons);
    const text = queued?.text ?? '';
    this.events.push({ type: 'prompt', title, prompt, buttons, response: String(button) });
    return { getResponseText: () => text, getSelectedButton: () => button };
  }

  /** The sidebars shown, oldest first. */
  sidebars(): ({ type: 'sidebar' } & ShownHtml)[] {
    return this.events.filter((e): e is { type: 'sidebar' } & ShownHtml => e.type === 'sidebar');
  }

  showSidebar(userInterface: HtmlOutput): void {
    this.calls.record('Ui.showSidebar');
    this.events.push({ type: 'sidebar', ...shown(userInterface, 'Ui.showSidebar') });
  }

  showModalDialog(userInterface: HtmlOutput, title: string): void {
    this.calls.record('Ui.showModalDialog');
    const html = shown(userInterface, 'Ui.showModalDialog');
    this.events.push({ type: 'modalDialog', title: String(title), ...html });
  }

  /** Deprecated by Google (UiInstance); recorded as a modal dialog. */
  showDialog(userInterface: HtmlOutput): void {
    this.calls.record('Ui.showDialog');
    this.events.push({ type: 'modalDialog', title: '', ...shown(userInterface, 'Ui.showDialog') });
  }

  showModelessDialog(userInterface: HtmlOutput, title: string): void {
    this.calls.record('Ui.showModelessDialog');
    const html = shown(userInterface, 'Ui.showModelessDialog');
    this.events.push({ type: 'modelessDialog', title: String(title), ...html });
  }
}

/**
 * Snapshots an HtmlOutput being shown. An output of the fake HtmlService is read without
 * counting calls; another object must at least have getContent (a string or a template is
 * refused, as Apps Script refuses it).
 */
function shown(output: HtmlOutput, method: string): ShownHtml {
  if (output instanceof FakeHtmlOutput) {
    return {
      output,
      html: output.content,
      outputTitle: output.title,
      width: output.width,
      height: output.height,
    };
  }
  if (typeof output !== 'object' || output === null || typeof output.getContent !== 'function') {
    const type = typeof output === 'string' ? 'String' : 'Object';
    throw new Error(`The parameters (${type}) don't match the method signature for ${method}.`);
  }
  const read = <T>(get: (() => T) | undefined, fallback: T): T =>
    typeof get === 'function' ? get.call(output) : fallback;
  return {
    output,
    html: output.getContent(),
    outputTitle: read(output.getTitle, ''),
    width: read(output.getWidth, 0),
    height: read(output.getHeight, 0),
  };
}

function dialogArgs(
  a: string,
  b?: string | GasButtonSet,
  c?: GasButtonSet,
): [title: string, prompt: string, buttons: string] {
  if (c !== undefined) return [a, String(b), String(c)];
  if (b !== undefined) return ['', a, String(b)];
  return ['', a, 'OK'];
}

function defaultButton(buttons: string): GasButton {
  return (buttons.startsWith('YES') ? Button.YES : Button.OK) as GasButton;
}
