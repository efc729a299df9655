// Lint rules that keep the architecture honest (the layout in the README's Development section):
// only src/gas/ may name Apps Script services, src/core/ may not read the clock, and the
// bundle may not import src/content/ (built into dist/Content.html instead).
import tseslint from 'typescript-eslint';

const appsScriptGlobals = [
  'SpreadsheetApp',
  'DocumentApp',
  'MailApp',
  'GmailApp',
  'ScriptApp',
  'PropertiesService',
  'LockService',
  'HtmlService',
  'Session',
  'Utilities',
  'CacheService',
  'DriveApp',
  'UrlFetchApp',
  'Logger',
].map((name) => ({
  name,
  message: `${name} is an Apps Script service: only src/gas/ may use it. Receive it through an interface instead.`,
}));

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'artifacts/'] },
  ...tseslint.configs.strict,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/gas/**'],
    rules: { 'no-restricted-globals': ['error', ...appsScriptGlobals] },
  },
  {
    // Apps Script parses the whole bundle before every custom-function call: the content
    // (prose only the sidebar and documents need) is loaded from dist/Content.html instead.
    files: ['src/**/*.ts'],
    ignores: ['src/content/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)content(/index)?$',
              message:
                'src/content/ is built into dist/Content.html, not the bundle: receive it as an argument (src/gas/load-content.ts loads it).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'src/core/ is pure: take "today" as an argument instead of reading the clock.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'src/core/ is pure: take "today" as an argument instead of reading the clock.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'src/core/ is deterministic: use a seeded generator passed in.',
        },
      ],
    },
  },
);
