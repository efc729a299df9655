/** appsscript.json: the manifest Apps Script reads, and the scopes users are asked to grant. */
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'appsscript.json'), 'utf8')) as {
  runtimeVersion: string;
  timeZone: string;
  oauthScopes: string[];
};

describe('appsscript.json', () => {
  it('runs on V8 with a time zone', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toMatch(/^[A-Za-z]+\/[A-Za-z_]+$/);
  });

  it('asks for the fewest scopes: this spreadsheet, its dialogs, alerts by email', () => {
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.send_mail',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
  });

  it('is copied into dist/ by the build, so clasp pushes a complete project', () => {
    const built = fs.readFileSync(path.join(root, 'dist', 'appsscript.json'), 'utf8');
    expect(JSON.parse(built)).toEqual(manifest);
  });

  it('.clasp.json pushes dist/', () => {
    const clasp = JSON.parse(fs.readFileSync(path.join(root, '.clasp.json'), 'utf8'));
    expect(clasp.rootDir).toBe('dist');
  });
});
