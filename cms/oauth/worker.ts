/**
 * The sign-in handler as a Cloudflare Worker (deploy: see README.md beside this file). The
 * platform hands the environment (vars and secrets) to every request.
 */
import { handleOAuth, type OAuthEnv } from './handler.ts';

export default {
  fetch: (request: Request, env: OAuthEnv): Promise<Response> => handleOAuth(request, env),
};
