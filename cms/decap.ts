/**
 * Decap CMS with only what this site's config uses, instead of decap-cms-app, which registers
 * every backend, widget and language Decap has. The admin script shrinks from 5.8 to 3.7 MB
 * (1.6 to 1.0 MB compressed) that a clerk's browser downloads and runs, and a cold build bundles
 * about 2,000 instead of 2,700 modules (README, "The CMS").
 *
 * - Backends: GitHub (the production sign-in, cms/config.ts) and the proxy that `local_backend`
 *   switches to when decap-server runs (`npm start`, the browser tests).
 * - Widgets: those of cms/fields.ts (DECAP_WIDGETS); the date widget is the project's own.
 * - Languages: English, which Decap shows until it has read the config's language ("Loading
 *   configuration…") and which fills any key a language lacks; cms/main.ts registers the
 *   Indonesian one, which has every key of the English (tests/unit/cms-locale.test.ts).
 *
 * The packages are the versions of one decap-cms-app release (package.json): upgrade them together.
 */
import { DecapCmsCore as CMS, type CmsWidgetParam } from 'decap-cms-core';
import { GitHubBackend } from 'decap-cms-backend-github';
import { ProxyBackend } from 'decap-cms-backend-proxy';
import en from 'decap-cms-locales/dist/esm/en/index.js';
import boolean from 'decap-cms-widget-boolean';
import image from 'decap-cms-widget-image';
import list from 'decap-cms-widget-list';
import markdown from 'decap-cms-widget-markdown';
import number from 'decap-cms-widget-number';
import object from 'decap-cms-widget-object';
import relation from 'decap-cms-widget-relation';
import select from 'decap-cms-widget-select';
import string from 'decap-cms-widget-string';
import text from 'decap-cms-widget-text';
import { DECAP_WIDGETS, type DecapWidget } from './fields.ts';

const WIDGETS: Record<DecapWidget, { Widget(): CmsWidgetParam }> = {
  boolean,
  image,
  list,
  markdown,
  number,
  object,
  relation,
  select,
  string,
  text,
};

CMS.registerBackend('github', GitHubBackend);
CMS.registerBackend('proxy', ProxyBackend);
CMS.registerLocale('en', en);
for (const name of DECAP_WIDGETS) CMS.registerWidget(WIDGETS[name].Widget());

export default CMS;
