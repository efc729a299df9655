/**
 * The baseline: when alerts start (or the health model or the book's columns change), every
 * account already in a condition would alert at once, and on a real book that is hundreds of
 * alerts nobody reads. Instead each CSM gets one summary of where their book stands: accounts
 * by tier and by severity, and the ARR at risk; the most urgent accounts are listed under it,
 * and the Alert Log has the rest. From then on alerts are about what changed.
 *
 * The fingerprint says when a new baseline is due: it changes with the model (its dimensions,
 * weights and tiers) and with the book's recognised columns, since either can put many
 * accounts into new conditions on the same day without anything happening to the customers.
 */
import type { HealthModel } from '../models';
import { formatMoney } from '../roi';
import { AT_RISK_BELOW } from '../snapshot';
import { formatCount } from '../text';
import { shortHash } from '../hash';
import { SEVERITIES, SEVERITY_LABELS, type Severity } from './rules';

/** What decides the findings besides the data: changing it starts a new baseline. */
export function alertFingerprint(model: HealthModel, columns: Iterable<string>): string {
  const shape = JSON.stringify({
    model: model.id,
    dimensions: model.dimensions.map((d) => [d.id, d.weight]),
    tiers: model.tiers.map((t) => [t.label, t.min]),
    columns: [...columns].sort(),
  });
  return `${model.id}:${shortHash(shape)}`;
}

/** Where a set of accounts stands (a CSM's book, or the whole book for the escalation contact). */
export class Standing {
  accounts = 0;
  readonly tiers = new Map<string, number>();
  /** Accounts by their most urgent finding. */
  readonly severities = new Map<Severity, number>();
  atRiskAccounts = 0;
  atRiskArr = 0;

  add(account: {
    readonly tier: string;
    readonly worst: Severity | undefined;
    readonly atRisk: boolean;
    readonly arr: number | undefined;
  }): void {
    this.accounts++;
    this.tiers.set(account.tier, (this.tiers.get(account.tier) ?? 0) + 1);
    if (account.worst) {
      this.severities.set(account.worst, (this.severities.get(account.worst) ?? 0) + 1);
    }
    if (account.atRisk) {
      this.atRiskAccounts++;
      this.atRiskArr += account.arr ?? 0;
    }
  }
}

/**
 * The summary's lines, as the Alert Log keeps them and the email shows them:
 * "Your book: 42 accounts: 8 Thriving, 20 Healthy, 9 At-Risk, 5 Critical.",
 * "Most urgent alert per account: Act today 4, Within 2 days 10, ...",
 * "ARR at risk: $1,240,000 across 14 accounts (a score below 60, or an Act today alert)."
 */
export function standingLines(
  standing: Standing,
  model: HealthModel,
  whose: 'yours' | 'book',
): string[] {
  const tiers = model.tiers
    .map((tier) => [tier.label, standing.tiers.get(tier.label) ?? 0] as const)
    .filter(([, count]) => count > 0)
    .map(([label, count]) => `${count} ${label}`);
  const head = whose === 'yours' ? 'Your book' : 'The whole book';
  const lines = [
    `${head}: ${formatCount(standing.accounts, 'live account')}${tiers.length > 0 ? `: ${tiers.join(', ')}` : ''}.`,
  ];
  const severities = SEVERITIES.map((s) => [s, standing.severities.get(s) ?? 0] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${SEVERITY_LABELS[severity]} ${count}`);
  const quiet = standing.accounts - [...standing.severities.values()].reduce((a, b) => a + b, 0);
  lines.push(
    severities.length > 0
      ? `Accounts by their most urgent alert: ${severities.join(', ')}; ${formatCount(quiet, 'account')} with none.`
      : 'No account has an alert.',
  );
  lines.push(
    standing.atRiskAccounts > 0
      ? `ARR at risk: ${formatMoney(standing.atRiskArr)} across ${formatCount(standing.atRiskAccounts, 'account')} (a score below ${AT_RISK_BELOW}, or an ${SEVERITY_LABELS.critical} alert).`
      : `ARR at risk: none (no account scores below ${AT_RISK_BELOW} or has an ${SEVERITY_LABELS.critical} alert).`,
  );
  return lines;
}
