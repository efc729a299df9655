import {
  Invalid,
  isSheetsError,
  parseNumberText,
  readBoolean,
  readChange,
  readMoney,
  readNumber,
  readRatio,
  readText,
} from '../../src/core/cells';

describe('reading cells as people type them', () => {
  it.each([
    [1200, 1200],
    ['1,200', 1200],
    ['$120,000', 120000],
    ['120k', 120000],
    ['1.2k', 1200],
    ['3M', 3_000_000],
    ['(1,200)', -1200],
    ['  42 ', 42],
    ['USD 5,000', 5000],
    ['€900', 900],
  ])('reads %p as the number %p', (cell, expected) => {
    expect(readNumber(cell)).toBe(expected);
  });

  it('reads a percentage as a fraction', () => {
    expect(readNumber('45%')).toBeCloseTo(0.45);
    expect(parseNumberText('-5%')).toEqual({ value: -5, percent: true });
  });

  it('says blank for "", whitespace, null and undefined', () => {
    for (const cell of ['', '   ', null, undefined]) expect(readNumber(cell)).toBeUndefined();
  });

  it('rejects text that is not a number, quoting what was found', () => {
    const read = readNumber('abc');
    expect(read).toBeInstanceOf(Invalid);
    expect((read as Invalid).found).toBe('abc');
    expect(readNumber('1,2,3')).toBeInstanceOf(Invalid);
    expect(readNumber(Number.NaN)).toBeInstanceOf(Invalid);
  });

  it('treats Sheets error text as invalid and recognises it', () => {
    expect(readNumber('#N/A')).toBeInstanceOf(Invalid);
    expect(isSheetsError('#N/A')).toBe(true);
    expect(isSheetsError('#REF!')).toBe(true);
    expect(isSheetsError('#DIV/0!')).toBe(true);
    expect(isSheetsError('N/A')).toBe(false);
  });

  it('reads money but never a negative amount', () => {
    expect(readMoney('$1,200')).toBe(1200);
    expect(readMoney(-5)).toBeInstanceOf(Invalid);
  });

  it.each([
    [0.45, 0.45],
    ['45%', 0.45],
    ['0.45', 0.45],
    [45, 0.45],
    [1, 1],
    [0, 0],
  ])('reads the ratio %p as %p', (cell, expected) => {
    expect(readRatio(cell)).toBeCloseTo(expected);
  });

  it('rejects ratios above 100% or below 0', () => {
    expect(readRatio('140%')).toBeInstanceOf(Invalid);
    expect(readRatio(-0.2)).toBeInstanceOf(Invalid);
  });

  it('reads signed changes as fractions', () => {
    expect(readChange('-35%')).toBeCloseTo(-0.35);
    expect(readChange(-35)).toBeCloseTo(-0.35);
    expect(readChange(-0.35)).toBeCloseTo(-0.35);
    expect(readChange('+10%')).toBeCloseTo(0.1);
  });

  it.each([
    [true, true],
    ['yes', true],
    ['Y', true],
    ['TRUE', true],
    ['✓', true],
    ['x', true],
    [1, true],
    [false, false],
    ['no', false],
    ['N', false],
    ['false', false],
    ['✗', false],
    [0, false],
  ])('reads the flag %p as %p', (cell, expected) => {
    expect(readBoolean(cell)).toBe(expected);
  });

  it('rejects flags it cannot read', () => {
    expect(readBoolean('maybe')).toBeInstanceOf(Invalid);
    expect(readBoolean(7)).toBeInstanceOf(Invalid);
    expect(readBoolean('')).toBeUndefined();
  });

  it('reads text trimmed, and a date as its ISO day', () => {
    expect(readText('  Acme ')).toBe('Acme');
    expect(readText(new Date(Date.UTC(2026, 10, 23)))).toBe('2026-11-23');
    expect(readText(42)).toBe('42');
  });
});
