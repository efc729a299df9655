/**
 * The people a document names: the champion and the executive sponsor as the book names them,
 * and the CSM. The Champion and Executive sponsor columns hold "a name, or yes / no": the
 * snapshot reads them as present or not (signals.ts), which loses the name, so the documents
 * take it here from the same row's cells. Pure.
 */
import type { BookLayout } from './book';
import { type CellValue, Invalid, NAME_LENGTH, describeCell, readBoolean } from './cells';
import type { SignalValues } from './rubrics';
import { signalById } from './signals';

export interface AccountPeople {
  /** The champion's name; undefined when the book says only yes or no, or nothing. */
  readonly champion?: string;
  readonly sponsor?: string;
  /** The CSM column. */
  readonly csm?: string;
}

/**
 * The name in a person-or-flag cell: what the column's own reader takes as someone present,
 * and that is not a yes.
 */
export function personName(
  id: 'champion' | 'executiveSponsor',
  cell: CellValue,
): string | undefined {
  if (signalById(id).read(cell, { timeZone: 'UTC' }) !== true) return undefined;
  if (!(readBoolean(cell) instanceof Invalid)) return undefined;
  return describeCell(cell, NAME_LENGTH);
}

/** The people of one book row (its cells, as read with `layout`). */
export function peopleOfRow(
  layout: BookLayout,
  cells: readonly CellValue[],
  values: SignalValues,
): AccountPeople {
  const cellOf = (id: 'champion' | 'executiveSponsor') => {
    const column = layout.signals.get(id);
    return column === undefined ? undefined : cells[column.index];
  };
  return {
    champion: personName('champion', cellOf('champion')),
    sponsor: personName('executiveSponsor', cellOf('executiveSponsor')),
    csm: values.csm,
  };
}
