/**
 * The backtest dialog as one self-contained HTML page: the headline figures, the renewal rate
 * per score decile as an inline SVG bar chart, and the suggested weights beside the current
 * ones. Pure: no Apps Script, no remote scripts or styles. Every text that may come from the
 * sheet (sheet name, headers, labels) is HTML-escaped.
 */
import {
  type BacktestFigures,
  type ScoreGroup,
  type SkippedRows,
  describeRange,
} from '../core/backtest';
import { escapeHtml } from '../core/escape';
import { PALETTE } from '../core/palette';
import { formatCount } from '../core/text';
import type { Calibration } from '../functions/backtest';

export interface BacktestReport {
  readonly sheetName: string;
  /** Where the scores came from, e.g. 'column "Health score"' or 'the default model'. */
  readonly scoreSource: string;
  readonly outcomeHeader: string;
  readonly figures: BacktestFigures;
  readonly skipped: SkippedRows;
  /** The suggested weights, or why there are none. */
  readonly calibration: Calibration | { readonly unavailable: string };
}

function percent(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? 'n/a' : `${Math.round(value * 100)}%`;
}

function decimal(value: number, digits = 2): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

const CHART = { width: 560, height: 260, left: 44, right: 12, top: 24, bottom: 52 };

/** A bar per decile, height = renewal rate; the score range under each bar. */
function decileChart(deciles: readonly ScoreGroup[]): string {
  const { width, height, left, right, top, bottom } = CHART;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const slot = plotWidth / Math.max(1, deciles.length);
  const barWidth = Math.max(4, slot * 0.7);
  const parts: string[] = [];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    const y = top + plotHeight * (1 - tick);
    parts.push(
      `<line x1="${left}" y1="${y.toFixed(1)}" x2="${width - right}" y2="${y.toFixed(1)}" stroke="#e0e0e0"/>`,
      `<text x="${left - 6}" y="${(y + 4).toFixed(1)}" text-anchor="end" class="axis">${Math.round(
        tick * 100,
      )}%</text>`,
    );
  }
  deciles.forEach((group, i) => {
    const rate = group.accounts > 0 ? group.renewed / group.accounts : 0;
    const barHeight = plotHeight * rate;
    const x = left + slot * i + (slot - barWidth) / 2;
    const y = top + plotHeight - barHeight;
    const range = describeRange(group.low, group.high);
    const tip = `${group.label}, scores ${range}: ${group.renewed} of ${group.accounts} renewed (${percent(rate)})`;
    parts.push(
      `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${barHeight.toFixed(
        1,
      )}" fill="${PALETTE.blue}"><title>${escapeHtml(tip)}</title></rect>`,
      `<text x="${(x + barWidth / 2).toFixed(1)}" y="${(y - 4).toFixed(1)}" text-anchor="middle" class="value">${percent(rate)}</text>`,
      `<text x="${(x + barWidth / 2).toFixed(1)}" y="${(top + plotHeight + 16).toFixed(1)}" text-anchor="middle" class="axis">${escapeHtml(range)}</text>`,
    );
  });
  parts.push(
    `<text x="${(left + plotWidth / 2).toFixed(1)}" y="${height - 8}" text-anchor="middle" class="axis">Score decile (score range), lowest scores first</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Renewal rate per score decile">${parts.join(
    '',
  )}</svg>`;
}

function weightsSection(calibration: BacktestReport['calibration']): string {
  if ('unavailable' in calibration) {
    return `<h2>Suggested weights</h2><p class="note">Not available: ${escapeHtml(calibration.unavailable)}</p>`;
  }
  const rows = calibration.weights
    .map(
      (weight) =>
        `<tr><td>${escapeHtml(weight.label)}</td><td class="num">${decimal(weight.current, 1)}</td><td class="num">${decimal(
          weight.suggested,
          1,
        )}</td></tr>`,
    )
    .join('');
  const noData =
    calibration.noData.length > 0
      ? `<p class="note">No data, left out: ${escapeHtml(calibration.noData.join(', '))}.</p>`
      : '';
  return [
    '<h2>Suggested weights</h2>',
    '<table><thead><tr><th>Dimension</th><th>Current</th><th>Suggested</th></tr></thead>',
    `<tbody>${rows}</tbody></table>`,
    noData,
    `<p>AUC of the current weights: <b>${decimal(calibration.aucBefore)}</b>; of the suggested weights (cross-validated, ${formatCount(calibration.folds, 'fold')}): <b>${decimal(
      calibration.aucAfter,
    )}</b>. ${formatCount(calibration.accounts, 'account')} used, ${formatCount(calibration.skipped, 'row')} skipped.</p>`,
    '<p class="note">To use them, put the table in a range and pass it to HEALTHSCORE as its model argument, or use =HEALTHCALIBRATE(headers, rows, outcomes).</p>',
  ].join('');
}

export function renderBacktestReport(report: BacktestReport): string {
  const { figures, skipped } = report;
  const t = figures.atThreshold;
  const skippedTotal = skipped.blank + skipped.badScore.length + skipped.badOutcome.length;
  const tierRows = figures.tiers
    .map(
      (tier) =>
        `<tr><td>${escapeHtml(tier.label)}</td><td>${escapeHtml(describeRange(tier.low, tier.high))}</td><td class="num">${tier.accounts}</td><td class="num">${
          tier.accounts > 0 ? percent(tier.renewed / tier.accounts) : ''
        }</td></tr>`,
    )
    .join('');
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><base target="_top">
<style>
body{font-family:Roboto,Arial,sans-serif;font-size:13px;color:#202124;margin:12px}
h1{font-size:16px;margin:0 0 4px}h2{font-size:14px;margin:16px 0 6px}
.note{color:#5f6368}.axis{font-size:10px;fill:#5f6368}.value{font-size:10px;fill:#202124}
.layout{display:flex;gap:24px;flex-wrap:wrap}
table{border-collapse:collapse}td,th{padding:3px 8px;border-bottom:1px solid #e0e0e0;text-align:left}
.num{text-align:right}
</style></head><body>
<h1>Backtest of ${escapeHtml(report.sheetName)}</h1>
<p class="note">Scores from ${escapeHtml(report.scoreSource)}; outcomes from column "${escapeHtml(
    report.outcomeHeader,
  )}" (renewed = 1, churned = 0).</p>
<p>${formatCount(figures.accounts, 'account')}, churn rate ${percent(figures.churned / figures.accounts)}. AUC <b>${decimal(
    figures.auc,
  )}</b>: the chance that a renewed account scored higher than a churned one (0.5 is a coin toss).</p>
<p>A score below ${escapeHtml(t.threshold)} predicts churn: accuracy ${percent(t.accuracy)}, precision ${percent(
    t.precision,
  )} (${t.flaggedChurned} of ${t.flagged} flagged churned), recall ${percent(t.recall)} (of ${figures.churned} churned).${
    skippedTotal > 0
      ? ` ${formatCount(skippedTotal, 'row')} skipped (blank or unreadable score or outcome).`
      : ''
  }</p>
<div class="layout"><div>
<h2>Renewal rate per score decile</h2>
${decileChart(figures.deciles)}
<h2>Renewal rate per tier</h2>
<table><thead><tr><th>Tier</th><th>Scores</th><th>Accounts</th><th>Renewed</th></tr></thead><tbody>${tierRows}</tbody></table>
</div><div>
${weightsSection(report.calibration)}
</div></div>
</body></html>`;
}
