import fc from 'fast-check';
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

describe('hostile cells', () => {
  it('refuses text far longer than any figure before parsing it, and quotes an excerpt', () => {
    for (const cell of [
      '9'.repeat(50_000),
      `1${' '.repeat(4_000)}x`,
      `-${' '.repeat(500)}$${' '.repeat(500)}1${' '.repeat(500)}x`,
      `${'1'.repeat(49_999)}%`,
    ]) {
      const read = readNumber(cell);
      expect(read).toBeInstanceOf(Invalid);
      expect((read as Invalid).found.length).toBeLessThanOrEqual(40);
      expect(readRatio(cell)).toBeInstanceOf(Invalid);
      expect(readChange(cell)).toBeInstanceOf(Invalid);
    }
    // Spaces around a number are still spaces around a number.
    expect(readNumber(`${' '.repeat(300)}1,200${' '.repeat(300)}`)).toBe(1200);
  });

  it('refuses numbers beyond a quadrillion, so that sums of a book stay finite', () => {
    expect(readNumber(1e15)).toBe(1e15);
    expect(readNumber(1e308)).toBeInstanceOf(Invalid);
    expect(readMoney(Number.MAX_VALUE)).toBeInstanceOf(Invalid);
    expect(readNumber('9999999999999999999')).toBeInstanceOf(Invalid);
    expect(readChange(-1e300)).toBeInstanceOf(Invalid);
    expect(readNumber(Number.POSITIVE_INFINITY)).toBeInstanceOf(Invalid);
  });

  it('reads every number text the way the grammar says, whatever the characters around it', () => {
    // Any text built from the grammar's pieces and noise is read or refused, never thrown on.
    const piece = fc.constantFrom(
      '1',
      '0',
      ',',
      '.',
      ' ',
      '-',
      '+',
      '$',
      '€',
      'k',
      'm',
      'b',
      'n',
      '%',
      'usd',
      'eur',
      '(',
      ')',
      'x',
      '\t',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const parsed = parseNumberText(pieces.join(''));
        if (parsed) expect(Number.isFinite(parsed.value)).toBe(true);
      }),
      { seed: 7, numRuns: 2_000 },
    );
    expect(parseNumberText(' - $ 1,200.50 k ')).toEqual({ value: -1_200_500, percent: false });
    expect(parseNumberText('(5 %)')).toEqual({ value: -5, percent: true });
    expect(parseNumberText('5,000 EUR')).toEqual({ value: 5000, percent: false });
    expect(parseNumberText('2 bn')).toEqual({ value: 2e9, percent: false });
    expect(parseNumberText('1.')).toBeUndefined();
    expect(parseNumberText('1,2345')).toBeUndefined();
    expect(parseNumberText('5 x')).toBeUndefined();
  });
});
