// SP-initiated sign-in (HTTP-Redirect binding) through passport and @node-saml/passport-saml: a passport
// Authenticator of its own runs the passport-saml Strategy for a request that carries no SAMLResponse, and the
// Strategy answers with a redirect to the IdP's SSO URL (the AuthnRequest deflated, signed when configured, its
// id kept in the cache provider for InResponseTo). The redirect is recorded rather than written to the socket,
// so the broker's Koa route stays in charge of the response (security headers, cookies, audit).
// Responses coming back are not validated here: the broker's ACS shares server/sts/saml with AssumeRoleWithSAML.
import type { IncomingHttpHeaders } from 'node:http';
import { Strategy, type PassportSamlConfig } from '@node-saml/passport-saml';
import { Authenticator, type Strategy as PassportStrategy } from 'passport';

/** The passport-saml Strategy's login request as a function: RelayState in, the IdP redirect URL out. */
export function passportLoginRedirect(options: PassportSamlConfig): (relayState: string) => Promise<string> {
  const passport = new Authenticator();
  // No response is validated through passport (see above): a Strategy that got one would refuse it.
  const refuse = (_profile: unknown, done: (err: Error | null) => void) => done(new Error('SAML responses are validated by the broker, not through passport'));
  // (passport-saml bundles its own @types/express, hence the cast to passport's Strategy type)
  passport.use('saml', new Strategy({ ...options, name: 'saml', passReqToCallback: false }, refuse, refuse) as unknown as PassportStrategy);

  return (relayState) =>
    new Promise<string>((resolve, reject) => {
      const req = { method: 'GET', url: '/saml/login', query: relayState ? { RelayState: relayState } : {}, body: {}, headers: {} as IncomingHttpHeaders };
      const recorded: Record<string, string> = {};
      const res = {
        statusCode: 200,
        setHeader: (name: string, value: string) => void (recorded[name.toLowerCase()] = String(value)),
        end: () => (res.statusCode === 302 && recorded.location ? resolve(recorded.location) : reject(new Error(`passport-saml answered ${res.statusCode} without a redirect`))),
      };
      const outcome = (err: unknown) => reject(err instanceof Error ? err : new Error('passport-saml did not start a sign-in'));
      passport.authenticate('saml', { session: false }, outcome)(req as never, res as never, outcome);
    });
}
