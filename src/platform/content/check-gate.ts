/**
 * The content check runs beside Astro's start in every build (src/integrations/content-check.ts),
 * and the content layer loads the entries only once it has passed (content-collections.ts). So the
 * editors' plain Indonesian errors come before any of Astro's, and a build of content that fails
 * the check stops before it writes anything. The integration is loaded by Node and the loaders by
 * Vite or Node (src/content.config.ts), in the same process: the gate passes between them through
 * a global.
 */
const KEY = Symbol.for('migrasi-aman:content-check');
type Holder = { [KEY]?: () => Promise<void> };

/** Called by the integration: `wait` reports the check's outcome, and ends the build on a failure. */
export function setContentCheck(wait: () => Promise<void>): void {
  (globalThis as Holder)[KEY] = wait;
}

/**
 * Whether this process is an `astro build` whose content check has started: src/content.config.ts
 * then loads the collections' wiring with Node (not in `astro dev` or `astro sync`).
 */
export function contentCheckRuns(): boolean {
  return typeof (globalThis as Holder)[KEY] === 'function';
}

const BY_NODE = Symbol.for('migrasi-aman:content-wiring-by-node');
type Marked = { [BY_NODE]?: boolean };

/** Called by src/content.config.ts when Node, not Vite's module runner, loaded the wiring. */
export function markWiringLoadedByNode(): void {
  (globalThis as Marked)[BY_NODE] = true;
}

/** Whether this build's content config loaded its wiring with Node (for the build's log). */
export function wiringLoadedByNode(): boolean {
  return (globalThis as Marked)[BY_NODE] === true;
}

/** Resolves once this build's content check has passed; at once where none runs (astro dev, sync). */
export function contentChecked(): Promise<void> {
  return (globalThis as Holder)[KEY]?.() ?? Promise.resolve();
}
