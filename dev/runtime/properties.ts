import type { CallCounter } from './calls';
import { type ExecutionView, FULL_ACCESS } from './execution';

type GasProperties = GoogleAppsScript.Properties.Properties;

/**
 * Limits from "Quotas for Google Services" (https://developers.google.com/apps-script/guides/services/quotas):
 * "Properties value size 9 KB / val", "Properties total storage 500 KB / property store".
 * Sizes are counted in UTF-8 bytes; the store total counts keys and values (measured by
 * tanaikech, https://gist.github.com/tanaikech/8b057d10fb5f2af014794e57b021c6aa).
 */
const PROPERTY_VALUE_MAX_BYTES = 9 * 1024;
const PROPERTY_STORE_MAX_BYTES = 500 * 1024;
export const VALUE_TOO_LARGE_MESSAGE = 'Argument too large: value';
export const STORE_FULL_MESSAGE =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

/**
 * The persistent contents of the three property stores. Share one between several runtimes to
 * simulate repeated or overlapping executions of the same script.
 */
export class PropertiesState {
  readonly script = new Map<string, string>();
  /** per user email */
  readonly user = new Map<string, Map<string, string>>();
  /** per spreadsheet id */
  readonly document = new Map<string, Map<string, string>>();

  userStore(email: string): Map<string, string> {
    return getOrCreate(this.user, email);
  }

  documentStore(documentId: string): Map<string, string> {
    return getOrCreate(this.document, documentId);
  }
}

function getOrCreate(map: Map<string, Map<string, string>>, key: string): Map<string, string> {
  let store = map.get(key);
  if (!store) {
    store = new Map();
    map.set(key, store);
  }
  return store;
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function storeBytes(store: Map<string, string>): number {
  let total = 0;
  for (const [k, v] of store) total += bytes(k) + bytes(v);
  return total;
}

/** One property store (Properties), backed by a Map of a PropertiesState. */
export class FakeProperties implements GasProperties {
  constructor(
    private readonly store: Map<string, string>,
    private readonly calls: CallCounter,
  ) {}

  getProperty(key: string): string | null {
    this.calls.record('Properties.getProperty');
    return this.store.get(String(key)) ?? null;
  }

  getProperties(): Record<string, string> {
    this.calls.record('Properties.getProperties');
    return Object.fromEntries(this.store);
  }

  getKeys(): string[] {
    this.calls.record('Properties.getKeys');
    return [...this.store.keys()];
  }

  /** Values are stored as strings: Apps Script converts other types with String(). */
  setProperty(key: string, value: string): FakeProperties {
    this.calls.record('Properties.setProperty');
    this.write({ [String(key)]: value }, false);
    return this;
  }

  setProperties(properties: Record<string, string>, deleteAllOthers?: boolean): FakeProperties {
    this.calls.record('Properties.setProperties');
    this.write(properties, deleteAllOthers === true);
    return this;
  }

  deleteProperty(key: string): FakeProperties {
    this.calls.record('Properties.deleteProperty');
    this.store.delete(String(key));
    return this;
  }

  deleteAllProperties(): FakeProperties {
    this.calls.record('Properties.deleteAllProperties');
    this.store.clear();
    return this;
  }

  /** Checks every limit first, so a rejected write changes nothing. */
  private write(properties: Record<string, unknown>, deleteAllOthers: boolean): void {
    const next = new Map(deleteAllOthers ? [] : this.store);
    for (const [key, raw] of Object.entries(properties)) {
      const value = String(raw);
      if (bytes(value) > PROPERTY_VALUE_MAX_BYTES) throw new Error(VALUE_TOO_LARGE_MESSAGE);
      next.set(key, value);
    }
    if (storeBytes(next) > PROPERTY_STORE_MAX_BYTES) throw new Error(STORE_FULL_MESSAGE);
    this.store.clear();
    for (const [k, v] of next) this.store.set(k, v);
  }
}

/** PropertiesService for one execution: the user store is the active user's. */
export class FakePropertiesService implements GoogleAppsScript.Properties.PropertiesService {
  constructor(
    readonly state: PropertiesState,
    private readonly userEmail: string,
    private readonly documentId: string,
    private readonly calls: CallCounter,
    private readonly execution: ExecutionView = FULL_ACCESS,
  ) {}

  getScriptProperties(): FakeProperties {
    this.calls.record('PropertiesService.getScriptProperties');
    return new FakeProperties(this.state.script, this.calls);
  }

  getUserProperties(): FakeProperties {
    this.calls.record('PropertiesService.getUserProperties');
    return new FakeProperties(this.state.userStore(this.userEmail), this.calls);
  }

  /** "If document properties are not available, this method returns null." */
  getDocumentProperties(): FakeProperties {
    this.calls.record('PropertiesService.getDocumentProperties');
    if (!this.execution.documentProperties) return null as unknown as FakeProperties;
    return new FakeProperties(this.state.documentStore(this.documentId), this.calls);
  }
}
