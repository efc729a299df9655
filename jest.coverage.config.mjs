// `npm run coverage`: every test, with V8's coverage of src/*.ts, reported by
// scripts/coverage-reporter.mjs. The bundle tests run dist/Code.js and the actions' code in
// node:vm (scripts/coverage-build.mjs); their source maps turn that coverage into lines of
// src/ too, added to what the unit tests cover.
import base from './jest.config.js';

/** @type {import('jest').Config} */
export default {
  ...base,
  collectCoverage: true,
  coverageProvider: 'v8',
  collectCoverageFrom: ['src/**/*.ts', 'dist/Code.js', 'artifacts/coverage-build/actions.js'],
  coverageDirectory: 'coverage',
  reporters: ['default', '<rootDir>/scripts/coverage-reporter.mjs'],
  // Jest adds its own coverage reporter whenever coverage is on; the one above replaces it.
  coverageReporters: ['none'],
};
