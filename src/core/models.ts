/**
 * Health models: which dimensions count, how much, how each is computed, and the tiers.
 * The five presets come from five published playbooks (docs/scoring.md); a custom model is
 * a weights range on the default recipes.
 */
import { type CellValue, Invalid, describeCell, isBlank, readNumber } from './cells';
import {
  DEFAULT_RECIPES,
  DIMENSION_IDS,
  DIMENSION_LABELS,
  type DimensionId,
  type Recipe,
  STEPS as s,
  dimensionForHeader,
} from './dimensions';
import type { SignalId } from './signals';
import { tierColors } from './palette';
import { listInWords, normalizeKey } from './text';

export interface Tier {
  readonly label: string;
  /** The lowest score in the tier. */
  readonly min: number;
  /** A display color (hex) by the tier's position: the palette's green for the best, red for the worst. */
  readonly color: string;
}

interface WeightedDimension {
  readonly id: DimensionId;
  readonly label: string;
  readonly weight: number;
  readonly recipe: Recipe;
}

export interface HealthModel {
  readonly id: string;
  readonly name: string;
  /** Where the model comes from, for the README and the sidebar. */
  readonly source: string;
  readonly dimensions: readonly WeightedDimension[];
  /** Best first. The last tier starts at 0. */
  readonly tiers: readonly Tier[];
}

/** Tiers best first, coloured by position (src/core/palette.ts owns the colours). */
function tiers(...entries: [string, number][]): Tier[] {
  const colors = tierColors(entries.length);
  return entries.map(([label, min], position) => ({
    label,
    min,
    color: colors[position] as string,
  }));
}

function weights(
  entries: [DimensionId, number][],
  recipes: Partial<Record<DimensionId, Recipe>> = {},
): WeightedDimension[] {
  return entries.map(([id, weight]) => ({
    id,
    label: DIMENSION_LABELS[id],
    weight,
    recipe: recipes[id] ?? DEFAULT_RECIPES[id],
  }));
}

const FOUR_TIERS = tiers(['Thriving', 80], ['Healthy', 60], ['At-Risk', 40], ['Critical', 0]);

export const PRESETS: readonly HealthModel[] = [
  {
    id: 'cs-engine',
    name: 'CS Engine (default)',
    source: 'The "Customer Success Engine" playbook: five dimensions scored with its 0-10 rubrics.',
    dimensions: weights([
      ['productUsage', 30],
      ['engagement', 20],
      ['relationship', 15],
      ['outcomes', 20],
      ['financial', 15],
    ]),
    tiers: FOUR_TIERS,
  },
  {
    id: 'playbook',
    name: 'Customer Success Playbook',
    source:
      'The bilingual "Customer Success Playbook": usage normalised by active seats; Green / Yellow / Red bands.',
    dimensions: weights(
      [
        ['productUsage', 35],
        ['engagement', 25],
        ['outcomes', 20],
        ['support', 10],
        ['relationship', 10],
      ],
      {
        productUsage: [s.seatsPlaybook, s.dauMauEngine, s.featuresOffice],
        engagement: [s.meetings, s.lastContact, s.missedMeetings],
        support: [s.tickets, s.csat, s.criticalTickets],
        relationship: [s.relationshipEngine, s.npsOffice],
      },
    ),
    tiers: tiers(['Green', 75], ['Yellow', 50], ['Red', 0]),
  },
  {
    id: 'seven-signal',
    name: 'Seven-signal',
    source: 'The afrexai "Customer Success Playbook": seven weighted signals.',
    dimensions: weights(
      [
        ['productUsage', 25],
        ['featureBreadth', 15],
        ['support', 15],
        ['executiveEngagement', 15],
        ['satisfaction', 10],
        ['growth', 10],
        ['payment', 10],
      ],
      {
        productUsage: [s.dauMauEngine],
        support: [s.tickets, s.ticketTrend],
      },
    ),
    tiers: tiers(['Healthy', 80], ['Monitor', 60], ['At-Risk', 40], ['Critical', 0]),
  },
  {
    id: 'five-pillar',
    name: 'Five-pillar',
    source: 'The agents-monorepo "customer-success" skill: five pillars, Green / Yellow / Red.',
    dimensions: weights(
      [
        ['productUsage', 30],
        ['engagement', 25],
        ['support', 20],
        ['outcomes', 15],
        ['relationship', 10],
      ],
      {
        engagement: [s.missedMeetings, s.meetings, s.training, s.community],
        support: [s.ticketTrend, s.tickets, s.escalations, s.csat],
        relationship: [s.relationshipPillar, s.competitorPillar],
      },
    ),
    tiers: tiers(['Green', 80], ['Yellow', 50], ['Red', 0]),
  },
  {
    id: 'four-factor',
    name: 'Four-factor',
    source: 'The "Customer Success" office skill: four factors with metric thresholds.',
    dimensions: weights(
      [
        ['productUsage', 40],
        ['relationship', 25],
        ['financial', 20],
        ['sentiment', 15],
      ],
      {
        productUsage: [s.dauMauOffice, s.featuresOffice],
        relationship: [s.npsOffice, s.csmEngagementOffice, s.sponsorOffice],
        financial: [s.paymentOffice, s.growthOffice],
      },
    ),
    tiers: tiers(['Healthy', 80], ['Stable', 60], ['At-Risk', 40], ['Critical', 0]),
  },
];

const PRESET_BY_KEY = new Map(PRESETS.map((preset) => [normalizeKey(preset.id), preset]));

export function presetNames(): string[] {
  return PRESETS.map((preset) => preset.id);
}

export function defaultModel(): HealthModel {
  return PRESETS[0] as HealthModel;
}

/** A user-facing error in a function argument: the message names the argument. */
export class ArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArgumentError';
  }
}

/**
 * The `model` argument: blank for the default, a preset name, or a 2-column range of
 * (dimension, weight) rows. Weights are relative. A first row that names no dimension and
 * has no numeric weight is read as a header row and skipped.
 */
export function resolveModel(model: unknown): HealthModel {
  if (isBlank(model) || (Array.isArray(model) && model.flat().every(isBlank))) {
    return defaultModel();
  }
  if (typeof model === 'string') {
    const preset = PRESET_BY_KEY.get(normalizeKey(model));
    if (!preset) {
      throw new ArgumentError(
        `model: "${describeCell(model)}" is not a health model. Use one of ${listInWords(
          presetNames().map((name) => `"${name}"`),
        )}, or a 2-column range of dimension and weight.`,
      );
    }
    return preset;
  }
  if (Array.isArray(model)) return customModel(model as unknown[][]);
  throw new ArgumentError(
    `model: expected a model name such as "cs-engine" or a 2-column range of dimension and weight, found ${describeCell(model)}.`,
  );
}

function customModel(rows: unknown[][]): HealthModel {
  if (!rows.every((row) => Array.isArray(row) && row.length === 2)) {
    throw new ArgumentError(
      'model: a custom model is a range of exactly 2 columns: the dimension name, then its weight.',
    );
  }
  const entries: [DimensionId, number][] = [];
  rows.forEach((row, index) => {
    const [nameCell, weightCell] = row as [CellValue, CellValue];
    if (isBlank(nameCell) && isBlank(weightCell)) return;
    const name = String(nameCell ?? '').trim();
    const id = dimensionForHeader(name);
    const weight = readNumber(weightCell);
    if (index === 0 && !id && typeof weight !== 'number') return; // a header row
    const where = `model row ${index + 1}`;
    if (!id) {
      throw new ArgumentError(
        `${where}: "${describeCell(name)}" is not a health dimension. Use one of ${listInWords(
          DIMENSION_IDS.map((dimension) => DIMENSION_LABELS[dimension]),
        )}.`,
      );
    }
    if (typeof weight !== 'number') {
      throw new ArgumentError(
        `${where}: the weight of ${DIMENSION_LABELS[id]} should be a number such as 30, found "${
          weight instanceof Invalid ? weight.found : ''
        }".`,
      );
    }
    if (weight < 0) {
      throw new ArgumentError(
        `${where}: the weight of ${DIMENSION_LABELS[id]} is negative (${weight}); weights must be 0 or more.`,
      );
    }
    if (entries.some(([existing]) => existing === id)) {
      throw new ArgumentError(`${where}: ${DIMENSION_LABELS[id]} is listed twice.`);
    }
    entries.push([id, weight]);
  });
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  if (total <= 0) {
    throw new ArgumentError(
      'model: the weights add up to 0; give at least one dimension a weight.',
    );
  }
  const dimensions = weights(entries.filter(([, weight]) => weight > 0));
  return {
    id: 'custom',
    name: 'Custom weights',
    source: `Custom weights on the default rubrics: ${dimensions
      .map((d) => `${d.label} ${Math.round((1000 * d.weight) / total) / 10}%`)
      .join(', ')}.`,
    dimensions,
    tiers: FOUR_TIERS,
  };
}

/** Every signal the model's recipes read. */
export function signalsUsedBy(model: HealthModel): Set<SignalId> {
  const used = new Set<SignalId>();
  for (const dimension of model.dimensions) {
    for (const step of dimension.recipe) for (const signal of step.signals) used.add(signal);
  }
  return used;
}

/** The tier of a 0-100 score. */
export function tierFor(model: HealthModel, score: number): Tier {
  for (const tier of model.tiers) if (score >= tier.min) return tier;
  return model.tiers[model.tiers.length - 1] as Tier;
}
