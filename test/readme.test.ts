/**
 * The README is the newcomer's page: short, what CS Engine is first, the two commands, and
 * links that work. The references it links to are checked where they are generated
 * (test/reference-docs.test.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('is short: about 200 lines at most', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(210);
  });

  it('says what CS Engine is and who it is for in its first paragraph', () => {
    const first = readme.split('\n\n')[1] ?? '';
    expect(first).toMatch(/Google Sheet/);
    expect(first).toMatch(/customer-success team/);
    expect(first).toMatch(/CSMs/);
  });

  it('shows the set-up and test commands', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });

  it('links only to files that exist, and to every page in docs/', () => {
    const links = [...readme.matchAll(/\]\(([^)#]+)(?:#[^)]*)?\)/g)].map((m) => m[1] as string);
    const local = links.filter((link) => !/^https?:/.test(link));
    for (const link of local) expect(fs.existsSync(path.join(ROOT, link))).toBe(true);
    const pages = fs.readdirSync(path.join(ROOT, 'docs')).filter((name) => name.endsWith('.md'));
    for (const page of pages) expect(local).toContain(`docs/${page}`);
  });
});
