/** Loads the fixture content tree into the content store the content tests read (`astro sync`). */
import { sync } from 'astro';
import { fixtureAstroConfig } from './astro-fixture.ts';

await sync(fixtureAstroConfig);
