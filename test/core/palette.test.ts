/**
 * The palette: readable (WCAG contrast), by position in every model, and the only source of
 * tier colours.
 */
import { ON_PALETTE, PALETTE, SEVERITY_COLORS, tierColors } from '../../src/core/palette';
import { PRESETS, resolveModel } from '../../src/core/models';
import { SEVERITIES } from '../../src/core/alerts/rules';

/** WCAG 2 relative luminance of "#rrggbb". */
function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG 2 contrast ratio, 1 to 21. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

test('the contrast function agrees with WCAG: black on white is 21, white on white 1', () => {
  expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  expect(contrast('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
  // Google's blue 600 is the classic 4.5:1 borderline.
  expect(contrast('#1a73e8', '#ffffff')).toBeCloseTo(4.51, 2);
});

test.each(Object.entries(PALETTE))(
  '%s (%s) carries white text and reads on white at 4.5:1 or more',
  (_name, color) => {
    expect(ON_PALETTE).toBe('#ffffff');
    expect(contrast(color, ON_PALETTE)).toBeGreaterThanOrEqual(4.5);
  },
);

test('every severity has a palette colour, each a different one', () => {
  const colors = SEVERITIES.map((severity) => SEVERITY_COLORS[severity]);
  expect(new Set(colors).size).toBe(SEVERITIES.length);
  for (const color of colors) expect(Object.values(PALETTE)).toContain(color);
  // The two that name a tier's state wear that tier's colour.
  expect(SEVERITY_COLORS.critical).toBe(PALETTE.red);
  expect(SEVERITY_COLORS['at-risk']).toBe(PALETTE.amber);
});

test('tier colours go by position: top green, bottom red, healthy never amber', () => {
  expect(tierColors(3)).toEqual([PALETTE.green, PALETTE.amber, PALETTE.red]);
  expect(tierColors(4)).toEqual([PALETTE.green, PALETTE.teal, PALETTE.amber, PALETTE.red]);
  expect(tierColors(2)).toEqual([PALETTE.green, PALETTE.red]);
  expect(tierColors(0)).toEqual([]);
});

test('every preset and a custom model colour their tiers from the palette, by position', () => {
  const models = [...PRESETS, resolveModel([['Product usage', 1]])];
  for (const model of models) {
    expect(model.tiers.map((tier) => tier.color)).toEqual(tierColors(model.tiers.length));
  }
  // "Healthy" is the second tier of the default model and the first of seven-signal.
  const byId = (id: string) => PRESETS.find((m) => m.id === id);
  expect(byId('cs-engine')?.tiers[1]).toMatchObject({ label: 'Healthy', color: PALETTE.teal });
  expect(byId('seven-signal')?.tiers[0]).toMatchObject({ label: 'Healthy', color: PALETTE.green });
  expect(byId('playbook')?.tiers[1]).toMatchObject({ label: 'Yellow', color: PALETTE.amber });
});
