/** appsscript.json: the manifest Apps Script reads, and the scopes users are asked to grant. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'appsscript.json'), 'utf8')) as {
  runtimeVersion: string;
  timeZone: string;
  oauthScopes: string[];
  dependencies?: {
    enabledAdvancedServices?: { userSymbol: string; serviceId: string; version: string }[];
  };
};

describe('appsscript.json', () => {
  it('runs on V8 with a time zone', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toMatch(/^[A-Za-z]+\/[A-Za-z_]+$/);
  });

  it('asks for the fewest scopes: this spreadsheet, its dialogs, alerts by email, its own documents, chat', () => {
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.send_mail',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/userinfo.email',
      // The Docs API's documents.create and documents.batchUpdate accept drive.file
      // (https://developers.google.com/docs/api/reference/rest/v1/documents/batchUpdate,
      // "Authorization scopes"): only the files CS Engine creates.
      'https://www.googleapis.com/auth/drive.file',
      // Only for the optional Slack / Google Chat webhook: UrlFetchApp needs it, and with
      // granular consent it is asked for when the user turns chat on (ScriptApp.requireScopes),
      // https://developers.google.com/apps-script/concepts/scopes.
      'https://www.googleapis.com/auth/script.external_request',
    ]);
  });

  it('no longer asks for documents or any other scope that reaches every file', () => {
    // Google classes these as sensitive or restricted (https://developers.google.com/docs/api/auth).
    for (const broad of ['documents', 'documents.readonly', 'drive', 'drive.readonly']) {
      expect(manifest.oauthScopes).not.toContain(`https://www.googleapis.com/auth/${broad}`);
    }
  });

  it('enables the Docs advanced service (v1) that writes the documents', () => {
    expect(manifest.dependencies?.enabledAdvancedServices).toEqual([
      { userSymbol: 'Docs', serviceId: 'docs', version: 'v1' },
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

describe('deployment with clasp', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };

  it('has a dev target (.clasp.json) and a prod target (.clasp.prod.json), both pushing dist/', () => {
    for (const file of ['.clasp.json', '.clasp.prod.json']) {
      const project = JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
      expect(project.rootDir).toBe('dist');
      expect(project.scriptId).toMatch(/^REPLACE_WITH_YOUR_/);
    }
    expect(pkg.scripts.push).toContain('clasp push');
    expect(pkg.scripts['push:prod']).toContain('-P .clasp.prod.json');
    expect(pkg.scripts['push:prod']).toContain('build:addon');
  });

  it('clasp would push exactly the built files', () => {
    const result = spawnSync('npx', ['clasp', 'show-file-status'], { cwd: root, encoding: 'utf8' });
    const tracked = result.stdout.split('Untracked files:')[0] ?? '';
    expect(tracked).toContain('dist/Code.js');
    expect(tracked).toContain('dist/appsscript.json');
    expect(tracked).not.toMatch(/src\//);
  });
});
