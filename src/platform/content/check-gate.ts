/**
 * The content check runs beside Astro's start in every build (src/integrations/content-check.ts),
 * and the content layer loads the entries only once it has passed (src/content.config.ts). So the
 * editors' plain Indonesian errors come before any of Astro's, and a build of content that fails
 * the check stops before it writes anything. The integration is loaded by Node and the loaders by
 * Vite, in the same process: the gate passes between them through a global.
 */
const KEY = Symbol.for('migrasi-aman:content-check');
type Holder = { [KEY]?: () => Promise<void> };

/** Called by the integration: `wait` reports the check's outcome, and ends the build on a failure. */
export function setContentCheck(wait: () => Promise<void>): void {
  (globalThis as Holder)[KEY] = wait;
}

/** Resolves once this build's content check has passed; at once where none runs (astro dev, sync). */
export function contentChecked(): Promise<void> {
  return (globalThis as Holder)[KEY]?.() ?? Promise.resolve();
}
