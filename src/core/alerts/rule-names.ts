/**
 * Each alert rule's id and its name in a person's words. The id is what the Alert Log's Rules
 * column and older History cells hold; the name is what History's "Alert state" shows
 * ("Champion left: since 2026-11-30, last sent 2026-11-30"). A leaf module, so that the
 * History format (src/core/history.ts) and the rules (rules.ts) can both read it.
 *
 * A name never holds ":", ";" or "," (they separate the parts of an Alert state cell), never
 * looks like an id (it starts with a capital), and no two rules share one.
 */
export const RULE_NAMES = {
  'lowest-tier': 'In the lowest tier',
  'below-40': 'Score below 40',
  'middle-tier-21': 'Middle tier 21+ days',
  'dimension-zero': 'A dimension at 0',
  'dropped-top': 'Dropped from the top tier',
  'drop-below-60': 'Dropped below 60',
  'drop-20-in-30': 'Down 20+ points in 30 days',
  'rise-20': 'Up 20+ points in 30 days',
  'champion-left': 'Champion left',
  'sponsor-left': 'Sponsor left',
  'formal-complaint': 'Formal complaint',
  'usage-drop': 'Usage down 30%+',
  'no-login-30': 'No login 30+ days',
  'support-spike': 'Tickets up and CSAT low',
  competitor: 'Competitor mentioned',
  'data-export': 'Data export requested',
  'missed-touchpoints': 'Touchpoints missed',
  'renewal-no-conversation': 'Renewal without a conversation',
  'expansion-seats': 'Seats nearly all used',
} as const;

export type RuleId = keyof typeof RULE_NAMES;
