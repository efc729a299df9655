/**
 * "Check my book's columns": which headers CS Engine recognises, which it ignores, and which
 * health dimensions the default model can compute from them.
 */
import { readLayout } from '../core/book';
import type { CellValue } from '../core/cells';
import { columnsNeededBy } from '../core/health';
import { defaultModel } from '../core/models';
import { signalById } from '../core/signals';
import { formatCount } from '../core/text';

export interface HeaderReport {
  readonly title: string;
  readonly message: string;
}

export function checkHeaders(sheetName: string, values: readonly CellValue[][]): HeaderReport {
  const headerRow = values[0] ?? [];
  const title = `CS Engine: columns of "${sheetName}"`;
  if (headerRow.every((cell) => cell === '' || cell === null || cell === undefined)) {
    return {
      title,
      message: `Row 1 of "${sheetName}" is empty. CS Engine expects one header row (Account, ARR, DAU/MAU, ...) with one account per row below it.`,
    };
  }
  const layout = readLayout(headerRow);
  const model = defaultModel();
  const needed = columnsNeededBy(model);
  const lines: string[] = [];
  const recognised = [...layout.signals.values()].map((column) =>
    column.header === column.key.label
      ? column.header
      : `${column.header} (as ${column.key.label})`,
  );
  const subScores = [...layout.subScores.values()].map((column) => column.header);
  const known = [...recognised, ...subScores];
  lines.push(
    known.length === 0
      ? 'Recognised: no column.'
      : `Recognised, ${formatCount(known.length, 'column')}: ${known.join(', ')}.`,
  );
  if (layout.unrecognised.length > 0) {
    lines.push(
      `Not recognised, so ignored, ${formatCount(layout.unrecognised.length, 'column')}: ${layout.unrecognised.join(', ')}. Rename a column to a name from the README's column list if it holds health data.`,
    );
  }
  lines.push('', `What the ${model.name} model can compute:`);
  for (const dimension of model.dimensions) {
    const signals = new Set(dimension.recipe.flatMap((step) => step.signals));
    const present = [...signals].filter((id) => layout.signals.has(id));
    if (layout.subScores.has(dimension.id)) {
      lines.push(
        `- ${dimension.label}: from the "${layout.subScores.get(dimension.id)?.header}" column.`,
      );
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
