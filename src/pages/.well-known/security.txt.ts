import { buildNow, getSettings } from '~/platform/content/content.ts';
import { securityTxt } from '~/platform/security/security-txt.ts';

export async function GET() {
  return new Response(securityTxt(await getSettings(), buildNow()), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
