/**
 * The published customer-success playbooks CS Engine's plays come from, by names a CSM can
 * look up (docs/scoring.md says which health preset follows which). The sidebar shows them
 * under each play ("Source: ..."); the customer's documents carry no source line.
 */
export const SOURCES = {
  engine: 'Customer Success Engine',
  afrexai: 'Customer Success Playbook (afrexai)',
  bilingual: 'Customer Success Playbook (bilingual)',
  office: 'Customer Success office skill',
} as const;

/** A source line naming several playbooks, the one the play mostly follows first. */
export function sourceLine(...names: readonly string[]): string {
  return names.join('; ');
}
