/**
 * "Check my book's columns": which headers CS Engine recognises (as they are, or as the
 * Columns sheet maps them), which it ignores, and which health dimensions the default model
 * can compute from them. Shown by the sidebar's Columns tab and by Check setup.
 */
import { readLayout } from '../core/book';
import type { CellValue } from '../core/cells';
import { headerText } from '../core/column-map';
import { columnsNeededBy } from '../core/health';
import { defaultModel } from '../core/models';
import { signalById } from '../core/signals';
import { formatCount } from '../core/text';

export interface HeaderReport {
  readonly title: string;
  readonly message: string;
}

/**
 * The report on a book's header row; `mapped` is that row as CS Engine reads it
 * (effectiveHeaderRow), the book's own row when nothing is mapped.
 */
export function checkHeaders(
  sheetName: string,
  headerRow: readonly CellValue[],
  mapped: readonly CellValue[] = headerRow,
): HeaderReport {
  const title = `CS Engine: columns of "${sheetName}"`;
  if (headerRow.every((cell) => headerText(cell) === '')) {
    return {
      title,
      message: `Row 1 of "${sheetName}" is empty. CS Engine expects one header row (Account, ARR, DAU/MAU, ...) with one account per row below it.`,
    };
  }
  const layout = readLayout(mapped);
  const model = defaultModel();
  const needed = columnsNeededBy(model);
  const lines: string[] = [];
  const own = (index: number) => headerText(headerRow[index]);
  const recognised = [...layout.signals.values()].map((column) => {
    const header = own(column.index);
    if (header === column.key.label) return header;
    return column.header === header
      ? `${header} (as ${column.key.label})`
      : `${header} (mapped to ${column.key.label})`;
  });
  const subScores = [...layout.subScores.values()].map((column) =>
    column.header === own(column.index)
      ? column.header
      : `${own(column.index)} (mapped to ${column.header})`,
  );
  const known = [...recognised, ...subScores];
  lines.push(
    known.length === 0
      ? 'Recognised: no column.'
      : `Recognised, ${formatCount(known.length, 'column')}: ${known.join(', ')}.`,
  );
  const ignored = mapped.flatMap((cell, index) =>
    headerText(cell) === '' && own(index) !== '' ? [own(index)] : [],
  );
  if (ignored.length > 0) {
    lines.push(
      `Ignored, as mapped, ${formatCount(ignored.length, 'column')}: ${ignored.join(', ')}.`,
    );
  }
  if (layout.unrecognised.length > 0) {
    lines.push(
      `Not recognised, so ignored, ${formatCount(layout.unrecognised.length, 'column')}: ${layout.unrecognised.join(', ')}. If one holds health data, tell CS Engine which column it is in CS Engine > Check my book’s columns; your headers stay as they are.`,
    );
  }
  lines.push('', `What the ${model.name} model can compute:`);
  for (const dimension of model.dimensions) {
    const signals = new Set(dimension.recipe.flatMap((step) => step.signals));
    const present = [...signals].filter((id) => layout.signals.has(id));
    const subScore = layout.subScores.get(dimension.id);
    if (subScore) {
      lines.push(`- ${dimension.label}: from the "${own(subScore.index)}" column.`);
    } else if (present.length > 0) {
      lines.push(
        `- ${dimension.label}: from ${present.map((id) => signalById(id).label).join(', ')}.`,
      );
    } else {
      const suggestions = [...signals].slice(0, 4).map((id) => signalById(id).label);
      lines.push(`- ${dimension.label}: no data. Add a column such as ${suggestions.join(', ')}.`);
    }
  }
  const usable =
    [...needed.signals].some((id) => layout.signals.has(id)) || layout.subScores.size > 0;
  if (!usable)
    lines.push(
      '',
      'HEALTHSCORE cannot score this book yet: add at least one of the columns above.',
    );
  return { title, message: lines.join('\n') };
}
