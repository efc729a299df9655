/**
 * The one palette of CS Engine: the colours of health tiers and alert severities, used alike
 * by the book's tier cells, the sidebar, the QBR and plan documents, the Dashboard's charts
 * and the alert emails, so that a tier looks the same wherever a CSM meets it.
 *
 * Every colour here carries white text (a tier chip, a table cell) and reads as text on white
 * (a heading in an email) at a contrast of at least 4.5:1, the WCAG AA level for body text.
 * That is why the top tier is Google's green 700 (#188038) rather than the lighter #1e8e3e
 * (4.2:1 on white), and why Watch is a deep gold rather than a bright yellow.
 */

export const PALETTE = {
  /** The top tier: thriving. */
  green: '#188038',
  /** The second tier of four: healthy, not yet thriving. Teal, so it never reads as a warning. */
  teal: '#00796b',
  /** The tier above the worst (at risk), and alerts to act on this week. */
  amber: '#b06000',
  /** "Watch" alerts. */
  gold: '#8a6d00',
  /** The worst tier, and alerts to act on today. */
  red: '#c5221f',
  /** Opportunities (expansion signals), and chart series that are not a tier. */
  blue: '#1967d2',
} as const;

/** The text colour on any palette colour. */
export const ON_PALETTE = '#ffffff';

/**
 * A model's tier colours, best tier first, by position: the top tier is green and the bottom
 * red whatever they are called, so "Healthy" (second of four in one model, first of four in
 * another) and "Green" / "Yellow" / "Red" models all get colours that say where the tier
 * stands. Three tiers: green, amber, red. Four: green, teal, amber, red. More: teal between.
 */
export function tierColors(count: number): string[] {
  const n = Math.max(0, Math.floor(count));
  return Array.from({ length: n }, (_, position) => {
    if (position === 0) return PALETTE.green;
    if (position === n - 1) return PALETTE.red;
    if (position === n - 2) return PALETTE.amber;
    return PALETTE.teal;
  });
}

/**
 * Alert severities, keyed as src/core/alerts/rules.ts names them (not imported: the rules
 * import the models, which import this palette). Act today: the worst tier's red; this week:
 * the at-risk tier's amber; watch: gold; opportunity: blue.
 */
export const SEVERITY_COLORS = {
  critical: PALETTE.red,
  'at-risk': PALETTE.amber,
  watch: PALETTE.gold,
  expansion: PALETTE.blue,
} as const satisfies Readonly<Record<string, string>>;
