/**
 * sheetOutput, the last check on every custom function's result (src/index.ts): whatever
 * slips through a function, each cell gets something a Sheets cell can show.
 */
import { sheetOutput } from '../../src/functions/output';

describe('sheetOutput', () => {
  it('keeps what a cell can show as it is', () => {
    const date = new Date(Date.UTC(2026, 0, 15));
    expect(sheetOutput(0.5)).toBe(0.5);
    expect(sheetOutput('Healthy')).toBe('Healthy');
    expect(sheetOutput([[1, 'a', true, date]])).toEqual([[1, 'a', true, date]]);
  });

  it('turns NaN, Infinity, undefined, null and objects into text or blanks', () => {
    const [row] = sheetOutput([
      [Number.NaN, Number.POSITIVE_INFINITY, undefined, null, { a: 1 }, new Date(Number.NaN)],
    ]) as unknown[][];
    expect(row?.[0]).toMatch(/^Out of range/);
    expect(row?.[1]).toMatch(/^Out of range/);
    expect(row?.slice(2)).toEqual(['', '', '[object Object]', '']);
    expect(sheetOutput(Number.NEGATIVE_INFINITY)).toMatch(/^Out of range/);
    expect(sheetOutput(undefined)).toBe('');
  });

  it('cuts text to 50,000 characters and pads uneven rows', () => {
    expect((sheetOutput('x'.repeat(60_000)) as string).length).toBeLessThanOrEqual(50_000);
    expect(sheetOutput([[1, 2], [3], 4])).toEqual([
      [1, 2],
      [3, ''],
      [4, ''],
    ]);
  });

  it('refuses a result wider than a sheet (18,278 columns) with a message', () => {
    expect(() => sheetOutput([new Array(18_279).fill(0)])).toThrow(
      'The result would be 18279 columns wide; a sheet holds at most 18278.',
    );
    expect(sheetOutput([new Array(18_278).fill(0)])).toHaveLength(1);
  });
});
