/**
 * The sidebar's account view: the account's snapshot turned into the plain JSON the sidebar
 * renders, one function per section. A churned account's view has no health, warnings,
 * playbook or renewal countdown; it carries its churn and its win-back stage instead.
 */
import type { Content } from '../../core/content-types';
import { CHURN_REASON_LABELS } from '../../core/churn-reasons';
import { isoDay } from '../../core/dates';
import { type AccountGuidance, accountGuidance } from '../../core/plans';
import { quarterChoices, quarterLabel, quarterOf } from '../../core/quarters';
import { formatMoney, formatMultiple, roiIsWin, roiReview } from '../../core/roi';
import { SEVERITY_LABELS } from '../../core/alerts/rules';
import { tierFor } from '../../core/models';
import { SEVERITY_COLORS } from '../../core/palette';
import { type AccountSnapshot, driversText, scoreTrend } from '../../core/snapshot';
import type { AccountView, PlayView } from './api';

type Section<K extends keyof AccountView> = Pick<AccountView, K>;

/** A dimension without data: the empty bar's grey, never a tier's colour. */
const NO_SCORE_COLOR = '#9aa0a6';

function playView(p: {
  title: string;
  source: string;
  sla?: string;
  steps: readonly string[];
}): PlayView {
  return { title: p.title, source: p.source, sla: p.sla ?? null, steps: [...p.steps] };
}

function lifecycleView(a: AccountSnapshot): Section<'lifecycle'> {
  const { lifecycle } = a;
  return {
    lifecycle: {
      status: lifecycle.status,
      churnDate: lifecycle.churnDate === undefined ? null : isoDay(lifecycle.churnDate),
      daysSinceChurn: lifecycle.daysSinceChurn ?? null,
      churnReason: lifecycle.churnReason ?? null,
      churnCategory: lifecycle.churnCategory ? CHURN_REASON_LABELS[lifecycle.churnCategory] : null,
    },
  };
}

type HealthKeys =
  | 'score'
  | 'error'
  | 'tier'
  | 'tierSince'
  | 'daysInTier'
  | 'dimensions'
  | 'drivers'
  | 'trend'
  | 'change'
  | 'warnings';

const NO_HEALTH: Section<HealthKeys> = {
  score: null,
  error: null,
  tier: null,
  tierSince: null,
  daysInTier: null,
  dimensions: [],
  drivers: '',
  trend: [],
  change: null,
  warnings: [],
};

/** Score, tier and since when, dimensions, trend and the alert rules' findings. */
function healthView(a: AccountSnapshot): Section<HealthKeys> {
  if (a.lifecycle.status === 'churned') return NO_HEALTH;
  const trend = scoreTrend(a);
  return {
    score: a.score ?? null,
    error: a.error ?? null,
    tier: a.tier ? { label: a.tier.label, color: a.tier.color } : null,
    tierSince: a.tierSince === undefined ? null : isoDay(a.tierSince),
    daysInTier: a.daysInTier ?? null,
    dimensions: a.dimensions.map((d) => ({
      label: d.label,
      score: d.score === undefined ? null : Math.round(d.score),
      // The dimension's own band on the model's tier scale, not the account's tier: a
      // Financial 85 in an At-Risk account is green.
      color: d.score === undefined ? NO_SCORE_COLOR : tierFor(a.model, d.score).color,
      weight: d.weight,
      pointsLost: Math.round(a.drivers.find((driver) => driver.label === d.label)?.pointsLost ?? 0),
    })),
    drivers: driversText(a),
    trend: trend.points.map((point) => ({ day: isoDay(point.day), score: point.score })),
    change: trend.change ?? null,
    warnings: a.findings.map((f) => ({
      severity: f.severity,
      label: SEVERITY_LABELS[f.severity],
      reason: f.reason,
      color: SEVERITY_COLORS[f.severity],
    })),
  };
}

/** Segment, cadence, time to first value and the renewal step. */
function stageView(
  a: AccountSnapshot,
): Section<'segment' | 'segmentFrom' | 'arr' | 'cadence' | 'ttfv' | 'renewal'> {
  const renewalDate = a.values.renewalDate;
  return {
    segment: a.segment ?? null,
    segmentFrom: a.segmentFrom ?? null,
    arr: a.values.arr ?? null,
    cadence: a.cadence ? { ...a.cadence } : null,
    ttfv: a.ttfv?.label ?? null,
    renewal:
      a.renewal && renewalDate !== undefined
        ? {
            date: isoDay(renewalDate),
            daysToRenewal: a.renewal.daysToRenewal,
            overdue: a.renewal.overdue,
            step: a.renewal.step ? { ...a.renewal.step } : null,
            next: a.renewal.next ? { ...a.renewal.next } : null,
          }
        : null,
  };
}

function expansionView(a: AccountSnapshot): Section<'expansion'> {
  return {
    expansion: { open: a.gate.open, reasons: [...a.gate.reasons], signals: [...a.expansion] },
  };
}

/**
 * The playbooks made specific to the account (src/core/plans.ts). Its focus list opens with
 * the alert rules' findings, which the sidebar already shows as its early warnings: they are
 * left out here so that each warning is shown once.
 */
function guidanceView(
  a: AccountSnapshot,
  g: AccountGuidance,
): Section<'playbook' | 'focus' | 'savePlay' | 'npsFollowUp' | 'winBack' | 'cab'> {
  const isWarning = (item: string) => a.findings.some((f) => item.endsWith(f.reason));
  return {
    playbook: g.playbook
      ? { ...playView(g.playbook), churnTier: g.playbook.churnTier ?? null }
      : null,
    focus: g.focus.filter((item) => !isWarning(item)),
    savePlay:
      g.savePlay && g.saveReason
        ? { ...playView(g.savePlay), why: g.saveReason.why, offers: [...g.savePlay.offers] }
        : null,
    npsFollowUp: g.npsFollowUp ? playView(g.npsFollowUp) : null,
    winBack: g.winBack ? { ...g.winBack } : null,
    cab: { eligible: g.cab.eligible, reasons: [...g.cab.reasons] },
  };
}

function roiView(a: AccountSnapshot): Section<'roi'> {
  return {
    roi: a.roi.ok
      ? {
          ok: true,
          multiple: formatMultiple(a.roi.multiple),
          annualValue: formatMoney(a.roi.annualValue),
          investment: formatMoney(a.roi.annualInvestment),
          belowInvestment: !roiIsWin(a.roi),
          review: roiReview(a.roi) ?? null,
        }
      : { ok: false, message: a.roi.message, missing: [...a.roi.missing] },
  };
}

/** Everything the sidebar shows of one account of `sheet`. */
export function accountView(sheet: string, a: AccountSnapshot, content: Content): AccountView {
  return {
    found: true,
    sheet,
    row: a.row,
    name: a.name,
    csm: a.values.csm ?? null,
    today: isoDay(a.today),
    modelName: a.model.name,
    ...lifecycleView(a),
    ...healthView(a),
    ...stageView(a),
    ...expansionView(a),
    ...guidanceView(a, accountGuidance(a, content)),
    ...roiView(a),
    quarters: quarterChoices(a.today),
    defaultQuarter: quarterLabel(quarterOf(a.today)),
  };
}
