/**
 * The admin page's script: reads the data the page rendered (schema hints, settings) and starts
 * the CMS. Bundled once per change of the CMS code by cms/bundle.ts.
 */
import { startCms } from './main.ts';

const data = document.getElementById('cms-data')?.textContent ?? '{}';
startCms(JSON.parse(data));
