import { buildNow, getSettings } from '../../lib/content.ts';
import { securityTxt } from '../../lib/security-txt.ts';

export async function GET() {
  return new Response(securityTxt(await getSettings(), buildNow()), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
