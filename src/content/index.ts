/**
 * CS Engine's static content, the single source of truth of dist/Content.html: scripts/build.mjs
 * writes it there as JSON, tests import it directly, and src/gas/load-content.ts loads the
 * built file when the sidebar or a document needs it. The bundle (src/index.ts and what it imports)
 * must not import this folder: that would put the prose back into every custom-function call's
 * parse (a lint rule forbids it).
 */
import type { Content } from '../core/content-types';
import { PLAYBOOKS } from './playbooks';

export const CONTENT: Content = { playbooks: PLAYBOOKS };
