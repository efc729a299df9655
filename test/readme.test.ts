/** The README is the users' reference: it must name every column, preset and function. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PRESETS } from '../src/core/models';
import { SIGNALS } from '../src/core/signals';

const readme = fs.readFileSync(path.resolve(__dirname, '../README.md'), 'utf8');
const columnTable = readme.slice(
  readme.indexOf("## Your book's columns"),
  readme.indexOf('## How the score'),
);

describe('README', () => {
  it.each(SIGNALS.map((signal) => signal.label))('lists the column "%s"', (label) => {
    expect(columnTable).toContain(label);
  });

  it.each(PRESETS.map((preset) => preset.id))('documents the preset "%s"', (id) => {
    expect(readme).toContain(`| \`${id}\``);
  });

  it.each([
    'HEALTHSCORE',
    'HEALTHTIER',
    'HEALTHDRIVERS',
    'NRR',
    'GRR',
    'LOGORETENTION',
    'SEGMENT',
    'HEALTHBACKTEST',
    'HEALTHCALIBRATE',
    'CHURNRISK',
    'EXPANSIONREADY',
    'RENEWALSTAGE',
    'NPS',
    'CSAT',
    'TTFV',
    'ENGAGEMENTLEVEL',
    'WINBACKSTAGE',
    'COHORTRETENTION',
    'CHURNRATE',
    'EXPANSIONRATE',
    'CSMCAPACITY',
  ])('has a section with an example for %s', (name) => {
    expect(readme).toMatch(new RegExp(`### ${name}[\\s\\S]*?=${name}\\(`));
  });

  it('shows the set-up and test commands', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });
});
