/** The local Apps Script runtime: in-memory services and the bundle loader. */
export * from './a1';
export * from './calls';
export * from './clock';
export * from './html';
export * from './load-bundle';
export * from './lock';
export * from './logger';
export * from './mail';
export * from './properties';
export * from './realm';
export * from './script-app';
export * from './session';
export * from './spreadsheet';
export * from './types';
export * from './ui';
export * from './utilities';
