/**
 * What a customer must not read in their QBR or its follow-up email, and how the tests read
 * a recorded document's text. Shared by the bundle's document tests.
 */
import type { RecordedDocument } from '../../dev/runtime';

/**
 * Tier, score and risk wording: the model's tier labels (capitalised as the model spells them:
 * "open critical tickets" is a support figure), the score, the alert findings.
 */
export const SCORE_OR_RISK = new RegExp(
  [
    /\b(?:Thriving|Healthy|At-Risk|Critical|Watch)\b/.source,
    /[Hh]ealth score|\d+ ?\/ ?100|[Cc]hurn|[Ss]ave play|costs the most points/.source,
    /[Ee]arly warning|champion has left|[Cc]ompetitor/.source,
  ].join('|'),
);

/** Internal wording: the model's name, the playbooks' names, escalation and renewal moves. */
export const INTERNAL =
  /CS Engine|\(default\)|Customer Success Engine|afrexai|office skill|bilingual|escalat|bringing in an executive|executive to executive|multi-thread|Renewal:|expansion|seed \d/i;

/** Every text of a document: paragraphs, list items and table cells, in order. */
export function documentTexts(doc: RecordedDocument): string[] {
  return doc.elements.flatMap((element) =>
    element.type === 'table'
      ? element.rows.flatMap((row) => row.cells.map((cell) => cell.text))
      : 'text' in element
        ? [element.text]
        : [],
  );
}

/** The table whose first header cell is `header`, as rows of cell texts. */
export function tableTexts(doc: RecordedDocument, header: string): string[][] | undefined {
  for (const element of doc.elements) {
    if (element.type === 'table' && element.rows[0]?.cells[0]?.text === header) {
      return element.rows.map((row) => row.cells.map((cell) => cell.text));
    }
  }
  return undefined;
}
