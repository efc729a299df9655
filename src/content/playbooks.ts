/**
 * The playbooks' texts: what a CSM does, and by when, for each situation the published
 * playbooks describe. Data, not prose: each play is a title, the playbooks it comes from, an
 * optional deadline (SLA) and short steps, so the sidebar, the QBR and the plan documents
 * render the same facts their own way.
 *
 * Every sentence here is CS Engine's wording of the playbooks' facts and figures.
 *
 * Built into dist/Content.html, never imported by the bundle (see src/core/content-types.ts).
 */
import type { PlaybookContent } from '../core/content-types';
import { SOURCES as S, sourceLine } from '../core/playbook-sources';

export const PLAYBOOKS: PlaybookContent = {
  sections: {
    tiers: {
      title: 'By health tier',
      summary:
        'What to do in each health band, with the churn-prevention deadline that goes with it.',
    },
    'churn-tiers': {
      title: 'Churn-prevention tiers',
      summary:
        'Three tiers by score. Early warnings: usage down 30%, champion gone, competitor mentioned, missed calls.',
    },
    save: {
      title: 'Save plays by churn reason',
      summary: 'The plays for each reason customers leave, and the offers to have ready.',
    },
    expansion: {
      title: 'Expansion',
      summary:
        'The gate first: top tier for 60+ days, a goal achieved with documented ROI, an engaged champion, and no renewal within 60 days.',
    },
    onboarding: {
      title: 'Onboarding',
      summary:
        'Time-to-first-value targets: Enterprise 30 days, Mid-Market 14 days, SMB 24 hours, Self-Serve 10 minutes.',
    },
    'success-plan': {
      title: 'Success plan',
      summary: 'One plan per account, reviewed at every QBR.',
    },
    renewal: {
      title: 'Renewal preparation',
      summary: 'Starts 90 days before the renewal date.',
    },
    'win-back': {
      title: 'Win-back',
      summary:
        'The approach depends on the time since churn. Email on day 7 (what we fixed), day 30 (what similar customers achieved, what shipped), day 90 (only for a major release: a private preview).',
    },
    voc: {
      title: 'Voice of the customer',
      summary: 'NPS follow-up and the customer advisory board.',
    },
    qbr: {
      title: 'QBR',
      summary: 'Never present a QBR without a quantified ROI number.',
    },
  },
  /**
   * The Customer Success Engine's engagement playbook by health band. The bands are the default
   * model's (80/60/40) and also the afrexai playbook's churn-prevention tiers, so one score picks
   * both.
   */
  tierPlaybooks: [
    {
      id: 'thriving',
      title: 'Thriving (80-100): grow and advocate',
      min: 80,
      churnTier: undefined,
      source: S.engine,
      sla: 'Keep the regular touch cadence',
      steps: [
        'Give an early look at the product roadmap',
        'Ask for a case study, a testimonial or a reference call',
        'Open the expansion conversation (check the expansion gate first)',
        'Invite them to beta programmes and the customer advisory board',
        'Ask for a review on G2 or Capterra',
      ],
    },
    {
      id: 'healthy',
      title: 'Healthy (60-79): deepen adoption',
      min: 60,
      churnTier: 1,
      source: sourceLine(S.engine, `churn tier 1 of the ${S.afrexai}`),
      sla: 'Automated nudges; the CSM is alerted and checks in within 7 days',
      steps: [
        'Share best practices before they are asked for',
        'Run an adoption campaign on the features they do not use',
        'Book an optimisation workshop',
        'Review the success plan goals together and update them',
        'Meet more stakeholders so the account does not hang on one person',
      ],
    },
    {
      id: 'at-risk',
      title: 'At-Risk (40-59): intervene within 48 hours',
      min: 40,
      churnTier: 2,
      source: sourceLine(S.engine, `churn tier 2 of the ${S.afrexai}`),
      sla: 'Personal outreach within 48 hours; a 30-day recovery plan',
      steps: [
        'Have an intervention plan in place within 48 hours',
        'Find the root cause: product, people or process?',
        'Reach out executive to executive',
        'Offer a dedicated support window or a visit on site',
        'Write a 30-day recovery plan with a checkpoint every week',
      ],
    },
    {
      id: 'critical',
      title: 'Critical (0-39): save the account',
      min: 0,
      churnTier: 3,
      source: sourceLine(S.engine, `churn tier 3 of the ${S.afrexai}`),
      sla: 'Executive escalation the same day; save call within 24 hours',
      steps: [
        'Escalate to an executive today',
        'Hold a save call within 24 hours with the CSM, their manager and an executive',
        'Have concessions ready: a dedicated implementation resource, a restructured contract, product commitments',
        'Write down the blockers and get engineering to commit to the fixes',
        'Check in every day until the score is back above 40',
      ],
    },
  ],
  /** The afrexai playbook's three churn-prevention tiers, with their deadlines. */
  churnTiers: [
    {
      title: 'Tier 1 (score 60-79)',
      source: S.afrexai,
      sla: 'Automated; the CSM is alerted',
      steps: ['Send automated nudges', 'Alert the CSM so they can watch the account'],
    },
    {
      title: 'Tier 2 (score 40-59)',
      source: S.afrexai,
      sla: 'Within 48 hours',
      steps: ['Reach out personally within 48 hours', 'Agree a 30-day recovery plan'],
    },
    {
      title: 'Tier 3 (score below 40)',
      source: S.afrexai,
      sla: 'Within 24 hours',
      steps: ['Escalate to an executive within 24 hours', 'Have concession options ready'],
    },
  ],
  /** The Customer Success Engine's churn reasons and save plays, with the office skill's offers. */
  savePlays: [
    {
      reason: 'product',
      title: 'Product gap',
      source: sourceLine(S.engine, S.office),
      examples: ['missing feature', 'poor UX', 'bugs', 'performance'],
      preventable: 'partly',
      steps: [
        'Take it to the product team with the ARR at risk',
        'Bridge the gap with a workaround or professional services',
        'Share the roadmap with a committed delivery date',
        'If the feature ships within 90 days, offer a bridge discount',
      ],
      offers: [
        'Professional services to implement a workaround',
        'A feature commitment in writing',
      ],
    },
    {
      reason: 'value',
      title: 'Value not realised',
      source: sourceLine(S.engine, S.office),
      examples: ['ROI not realised', 'wrong use case', 'oversold'],
      preventable: 'yes',
      steps: [
        'Onboard them again: a new success plan, new goals, fresh training',
        'Put a senior CSM or a solutions architect on the account',
        'Run a 30-day value sprint to prove the ROI',
        'Send the executive sponsor the quick wins every week',
      ],
      offers: [
        'A free intensive training session',
        'Professional services for the implementation',
        'A pause of one to three months',
      ],
    },
    {
      reason: 'relationship',
      title: 'Relationship lost (champion left)',
      source: S.engine,
      examples: ['champion left', 'poor CS experience', 'trust broken'],
      preventable: 'yes',
      sla: 'A new primary contact within 48 hours',
      steps: [
        'Name a new primary contact within 48 hours',
        'Offer an onboarding session for the new stakeholders',
        'Rebuild the executive-to-executive relationship',
        'Give the new champion a business case they can use inside their company',
      ],
      offers: ['An executive meeting', 'Onboarding for the new stakeholders at no cost'],
    },
    {
      reason: 'financial',
      title: 'Price or budget',
      source: sourceLine(S.engine, S.office),
      examples: ['budget cuts', 'M&A', 'bankruptcy', 'price too high'],
      preventable: 'sometimes',
      steps: [
        'Never discount without something in return: a multi-year term, a case study, a referral',
        'Right-size the contract: remove unused seats and features',
        'Offer payment terms (annual instead of quarterly, for a discount)',
        'Show the ROI arithmetic: what they pay against the value they get',
      ],
      offers: [
        '20% off for three months',
        'A further discount for an annual commitment',
        'A move to a lower tier',
        'Fewer seats, a pause or a more flexible contract',
      ],
    },
    {
      reason: 'competition',
      title: 'Competitor threat',
      source: sourceLine(S.engine, S.office),
      examples: ['switched to a competitor', 'built in-house'],
      preventable: 'partly',
      steps: [
        'Use the competitive battlecard',
        'Commit to a roadmap that matches the features they are tempted by',
        'Lean on the executive relationship',
        'Show the full cost of switching',
      ],
      offers: ['A competitive discount', 'A feature commitment', 'An executive meeting'],
    },
    {
      reason: 'strategic',
      title: 'Strategic change',
      source: sourceLine(S.engine, S.bilingual),
      examples: ['business pivot', 'division shut down', 'deprioritised'],
      preventable: 'rarely',
      steps: [
        'Confirm with the executive sponsor whether there is still a will to stay',
        'Offer a pause or fewer seats rather than a cancellation',
        'If the go/no-go checkpoint fails, offboard gracefully and keep the door open',
        'Add the account to the win-back calendar',
      ],
      offers: ['Contract flexibility', 'A pause', 'Fewer seats'],
    },
  ],
  /** The bilingual playbook's save plan: five parts, the last a go/no-go decision. */
  savePlanSteps: [
    'Root cause: what pulled the score down?',
    'Executive alignment: does the customer still want to make it work?',
    'Remediation: concrete actions, each with an owner and a date',
    'Success criteria: what "saved" means at 30, 60 and 90 days',
    'Go/no-go checkpoint: if the criteria are missed, plan a graceful offboarding',
  ],
  /** The afrexai playbook's expansion plays: trigger and approach. */
  expansionPlays: [
    {
      title: 'Seat expansion',
      source: sourceLine(S.afrexai, S.engine),
      sla: 'Trigger: seats more than 80-85% used',
      steps: [
        'Watch seat use every month',
        'Past 80%, propose a volume tier and show the saving per seat',
        'Offer a discount for doubling seats, or a better rate for an annual commitment',
        'Tell them how their adoption compares with other customers',
      ],
    },
    {
      title: 'Feature upsell / tier upgrade',
      source: sourceLine(S.afrexai, S.engine),
      sla: 'Trigger: repeated workarounds, or hitting plan limits',
      steps: [
        'Match the premium features to their goals',
        'Run a 14-day preview of the advanced features',
        'Work out the upgrade ROI in hours saved per month',
        'Offer the upgrade at renewal with a price lock, or now pro rata',
      ],
    },
    {
      title: 'New department (land and expand)',
      source: sourceLine(S.afrexai, S.engine),
      sla: 'Trigger: the champion refers another team',
      steps: [
        'Ask the champion which other teams have the same problem',
        'Offer the new team a free workshop and a joint intro meeting',
        'Give the champion an internal pitch deck',
        'Treat the new department as a new account: its own success plan, champion and health score',
      ],
    },
    {
      title: 'Cross-sell',
      source: S.engine,
      sla: 'Trigger: a gap in their stack that another product fills',
      steps: [
        'Map their tools and find the gap',
        'Share a case study from a similar company',
        'Offer a 30-day proof of concept with no commitment',
        'Price the bundle below the standalone product',
      ],
    },
    {
      title: 'Multi-year renewal',
      source: sourceLine(S.afrexai, S.engine),
      sla: 'Trigger: healthy and the renewal is coming up',
      steps: ['Offer a discount for a longer commitment', 'Bundle an expansion into the renewal'],
    },
  ],
  /** Buying signals worth watching (bilingual playbook, Customer Success Engine, office skill). */
  expansionSignals: [
    'Hitting usage or plan limits (hot)',
    'Another team or department asking for access (hot)',
    'Asking for features of a higher tier (hot)',
    'Seats more than 80% used',
    'A funding round, hiring or a growth announcement (warm)',
    'The champion promoted (warm)',
    'High health with the renewal approaching (warm)',
    'Asking for API access or integrations (warm)',
    'C-level people joining success calls',
  ],
  /** The bilingual playbook's five steps of an expansion conversation. */
  expansionConversation: [
    'Start from a value they achieved, with its number',
    'Ask about the neighbouring problem the expansion solves',
    'Help them put a cost on leaving it unsolved',
    'Propose a pilot or a phased expansion',
    'Bring in the account executive for the commercial part: the CSM does not close',
  ],
  aha: {
    Enterprise: 'the first workflow is automated and the team has adopted it',
    'Mid-Market': 'the core use case is live with 3 users active',
    SMB: 'the first action that produces value is done',
    'Self-Serve': 'the core action is done',
  },
  coverage: {
    Enterprise: 'High touch: a dedicated CSM, executive alignment, custom integrations',
    'Mid-Market': 'Medium touch: a named CSM from a pooled team, a repeatable process',
    SMB: 'Tech touch: self-service resources, automated engagement, one-to-many sessions',
    'Self-Serve': 'Digital only: in-product guidance and automated emails',
  },
  /**
   * The Customer Success Engine's onboarding milestones (weeks 1-12), with the bilingual
   * playbook's exit test for each.
   */
  onboardingMilestones: [
    {
      title: 'Week 1: technical setup',
      source: sourceLine(S.engine, S.bilingual, S.office),
      sla: 'Days 1-7',
      steps: [
        'Provision and configure the account',
        'Connect the integrations',
        'Train the admin on the core settings',
        'Write the success plan: 3-5 measurable goals, dates, stakeholders',
        'Hold the kickoff call with the champion and the executive sponsor',
      ],
    },
    {
      title: 'Weeks 2-3: core adoption',
      source: sourceLine(S.engine, S.bilingual),
      sla: 'First value by the TTFV target',
      steps: [
        'Configure the primary use case',
        'Activate the first 5 users (at least 3 beyond the champion)',
        'Get the core workflow running on real data',
        'Write down a quick win and share it with the sponsor',
      ],
    },
    {
      title: 'Weeks 4-6: broader adoption',
      source: sourceLine(S.engine, S.bilingual),
      sla: 'Days 30-60',
      steps: [
        'Find and configure a second use case',
        'Reach 60% of licensed seats active, then 80%',
        'Share the self-service resources: docs, videos, community',
        'Hold the 30-day check-in against the success plan',
      ],
    },
    {
      title: 'Weeks 7-12: optimisation and outcome',
      source: sourceLine(S.engine, S.bilingual),
      sla: 'Days 60-90',
      steps: [
        'Introduce the advanced features',
        'Run a workflow optimisation session',
        'Draft the first ROI calculation',
        'Hold the 90-day review: success plan scorecard and next quarter’s goals',
        'Confirm at least one goal achieved or clearly progressing',
      ],
    },
  ],
  /** Customer Success Engine: signals to act on at once during onboarding. */
  onboardingRisks: [
    {
      title: 'The champion leaves',
      source: S.engine,
      sla: 'Critical: within 48 hours',
      steps: ['Find a new champion', 'Re-establish the executive relationship'],
    },
    {
      title: 'No login after day 3',
      source: S.engine,
      sla: 'High',
      steps: ['Call them (not an email)'],
    },
    {
      title: 'An integration fails',
      source: S.engine,
      sla: 'High',
      steps: ['Escalate to engineering', 'Give them a workaround'],
    },
    {
      title: 'Kickoff delayed more than a week',
      source: S.engine,
      sla: 'Medium',
      steps: ['Escalate internally', 'Offer flexible times'],
    },
    {
      title: 'Fewer than half the users active by day 30',
      source: S.engine,
      sla: 'Medium',
      steps: ['Run an adoption campaign: training and incentives'],
    },
    {
      title: 'No executive sponsor',
      source: S.engine,
      sla: 'Medium',
      steps: ['Ask the champion to introduce their manager'],
    },
  ],
  /** The Customer Success Engine's success plan: the parts every plan has. */
  successPlanParts: [
    {
      title: 'Stakeholders',
      source: S.engine,
      steps: ['Champion', 'Executive sponsor', 'Technical lead'],
    },
    {
      title: 'Business objectives',
      source: S.engine,
      steps: ['The objective', 'How it is measured', 'The baseline today', 'The target', 'By when'],
    },
    {
      title: 'Use cases',
      source: S.engine,
      steps: [
        'Each use case with its status (not started, in progress, live, optimising) and go-live date',
      ],
    },
    {
      title: 'Milestones',
      source: S.engine,
      steps: ['Technical setup complete', 'First value delivered', 'Full adoption'],
    },
    {
      title: 'Risks',
      source: S.engine,
      steps: ['Each risk with its mitigation and owner'],
    },
    {
      title: 'Next review',
      source: S.engine,
      steps: ['The date the plan is reviewed next'],
    },
  ],
  /** Customer Success Engine: how to follow up an NPS answer. */
  npsFollowUp: [
    {
      title: 'Detractor (0-6)',
      source: S.engine,
      sla: 'Within 24 hours',
      steps: ['Reach out personally', 'Find the root cause', 'Agree a recovery plan'],
    },
    {
      title: 'Passive (7-8)',
      source: S.engine,
      steps: ['Send a short survey on what would make it better', 'Teach the features they miss'],
    },
    {
      title: 'Promoter (9-10)',
      source: S.engine,
      steps: ['Thank them', 'Ask for a review, a referral or a case study'],
    },
  ],
  /** Customer Success Engine: where customer feedback is collected. */
  vocCollection: [
    'NPS: every quarter for the relationship, and after key interactions',
    'CSAT: after support tickets, onboarding and QBRs',
    'In-product feedback: requests, bugs, micro-surveys',
    'Win/loss interviews: a 30-minute call within two weeks of the decision',
    'Churn interviews: an exit survey and an optional call',
    'Advisory board sessions',
  ],
  /** Customer Success Engine: who joins the customer advisory board, and how it runs. */
  cab: {
    title: 'Customer advisory board',
    source: S.engine,
    sla: '8-12 customers; a 90-minute virtual meeting every quarter and one in person a year',
    steps: [
      'Health score above 70',
      'A customer for more than 6 months',
      'Willing to give candid feedback',
      'Stands for a strategic segment or use case',
    ],
  },
  agendas: {
    'qbr-45': {
      id: 'qbr-45',
      title: '45-minute QBR',
      source: S.afrexai,
      items: [
        {
          minutes: '10',
          title: 'Results and ROI',
          owner: 'CSM',
          detail: 'What was achieved, with the ROI number',
        },
        {
          minutes: '10',
          title: 'Usage insights',
          owner: 'CSM',
          detail: 'How the product is used, and the features left unused',
        },
        {
          minutes: '5',
          title: 'Roadmap preview',
          owner: 'CSM',
          detail: 'Only the items that matter to them',
        },
        {
          minutes: '15',
          title: 'Their priorities',
          owner: 'Customer',
          detail: 'Their priorities and what has changed in their business',
        },
        {
          minutes: '5',
          title: 'Action items',
          owner: 'Both',
          detail: 'Each with an owner and a date',
        },
      ],
    },
    'qbr-60': {
      id: 'qbr-60',
      title: '60-minute QBR',
      source: sourceLine(S.bilingual, S.engine),
      items: [
        {
          minutes: '0-5',
          title: 'Welcome and objectives',
          owner: 'CSM',
          detail: 'Why we meet and what we want to leave with',
        },
        {
          minutes: '5-20',
          title: 'Results',
          owner: 'CSM and the customer’s champion',
          detail: 'Last quarter’s goals against what actually happened',
        },
        {
          minutes: '20-30',
          title: 'Value realised',
          owner: 'CSM',
          detail: 'The ROI story, in business numbers',
        },
        {
          minutes: '30-40',
          title: 'Challenges and open risks',
          owner: 'Both sides',
          detail: 'Said honestly',
        },
        {
          minutes: '40-50',
          title: 'Next quarter’s goals',
          owner: 'Customer executive',
          detail: 'Goals and how success will be measured',
        },
        {
          minutes: '50-60',
          title: 'Roadmap and asks',
          owner: 'CSM and account executive',
          detail: 'The roadmap against their priorities, and what they ask of us',
        },
      ],
    },
  },
  /**
   * The Customer Success Engine's QBR preparation checklist, with the bilingual playbook's
   * additions.
   */
  qbrPrepChecklist: [
    'Pull the last 90 days of usage into a dashboard',
    'Work out the ROI and the value delivered, in numbers (at least two data points)',
    'Look at the health score trend: rising or falling?',
    'Resolve the open support tickets before the meeting',
    'Score each goal of the success plan',
    'Draft next quarter’s objectives around their business',
    'Prepare one or two expansion ideas with an ROI projection (only if healthy)',
    'Decide who attends, on both sides, and brief the executive sponsor',
    'Send the agenda and pre-read five days before',
    'Know the renewal date, and have competitive intelligence ready in case it comes up',
  ],
};
