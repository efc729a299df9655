/**
 * Loads dist/Content.html: the playbooks' texts, agendas and checklists as JSON (written by
 * scripts/build.mjs from src/content/). An HTML file is not evaluated as script, so this
 * content costs nothing to a custom-function call, which parses and evaluates the whole
 * script project every time; only the sidebar's endpoints read it, when they need it.
 */
import type { Content } from '../core/content-types';
import { parseContentFile } from '../core/content-file';

let loaded: Content | undefined;

/** The content, read once per execution. */
export function loadContent(): Content {
  loaded ??= parseContentFile(HtmlService.createHtmlOutputFromFile('Content').getContent());
  return loaded;
}
