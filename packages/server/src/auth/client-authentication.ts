import { createLocalJWKSet, decodeJwt, type JSONWebKeySet, jwtVerify } from 'jose';
import { ProblemError } from '../http/problem.js';
import type { Operator } from '../storage/operators-repo.js';
import type { Provider } from '../storage/providers-repo.js';
import { ipNotAllowed } from './authenticate.js';
import type { Principal } from './principal.js';
import { connectionOf } from './provider-status-cache.js';
import { verifySecret } from './secret-hash.js';

export const JWT_BEARER_ASSERTION = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export type TokenForm = {
  grant_type?: string;
  client_id?: string;
  client_secret?: string;
  client_assertion_type?: string;
  client_assertion?: string;
};

export type ClientAuthContext = {
  sandbox: boolean;
  /** Accepted `aud` values of a client assertion: the token endpoint's URLs. */
  audiences: string[];
  now: Date;
  /** The caller's address, checked against a provider's IP allow-list (N8). */
  ip: string;
  findProvider(clientId: string): Promise<Provider | undefined>;
  findOperator(clientId: string): Promise<Operator | undefined>;
  /** Remembers an assertion's jti until it expires; false when it was seen before (replay). */
  rememberAssertion(jti: string, expiresAt: number): boolean;
};

const refused = (en: string, vi: string) => new ProblemError('CLIENT_AUTH_FAILED', { detail: { en, vi } });

function assertConnected(provider: Provider, ip: string): void {
  if (provider.status === 'SUSPENDED') throw new ProblemError('PROVIDER_SUSPENDED');
  if (provider.status === 'DISCONNECTED') throw new ProblemError('PROVIDER_DISCONNECTED');
  if (!connectionOf(provider).allowsIp(ip)) throw ipNotAllowed(ip);
}

async function viaAssertion(assertion: string, ctx: ClientAuthContext): Promise<Provider> {
  let clientId: string | undefined;
  try {
    clientId = decodeJwt(assertion).iss;
  } catch {
    throw refused('client_assertion is not a JWT.', 'client_assertion không phải là JWT.');
  }
  const provider = clientId ? await ctx.findProvider(clientId) : undefined;
  if (!provider?.publicJwks)
    throw refused('Unknown client or no registered key.', 'Không rõ máy khách hoặc chưa đăng ký khóa.');
  try {
    const { payload } = await jwtVerify(
      assertion,
      createLocalJWKSet(provider.publicJwks as unknown as JSONWebKeySet),
      {
        issuer: provider.clientId,
        subject: provider.clientId,
        audience: ctx.audiences,
        currentDate: ctx.now,
        maxTokenAge: '5m',
        requiredClaims: ['exp', 'jti'],
      },
    );
    if (!ctx.rememberAssertion(String(payload.jti), (payload.exp ?? 0) * 1000)) {
      throw refused('client_assertion was already used.', 'client_assertion đã được sử dụng.');
    }
  } catch (error) {
    if (error instanceof ProblemError) throw error;
    throw refused(
      'client_assertion signature or claims are invalid.',
      'Chữ ký hoặc nội dung client_assertion không hợp lệ.',
    );
  }
  return provider;
}

const wrongSecret = () =>
  refused('Unknown client id or wrong secret.', 'Sai mã máy khách hoặc sai mật khẩu.');

/**
 * A client id and secret. Ministry operators authenticate this way in every mode (until SSO, F1/T1);
 * providers only in the sandbox. A client id that names both is refused rather than guessed.
 */
async function viaSecret(clientId: string, secret: string, ctx: ClientAuthContext): Promise<Principal> {
  const [provider, operator] = await Promise.all([ctx.findProvider(clientId), ctx.findOperator(clientId)]);
  if (operator && !provider) {
    if (!(await verifySecret(secret, operator.clientSecretHash))) throw wrongSecret();
    return { kind: 'operator', operatorId: operator.id, clientId, scope: { level: 'nation' } };
  }
  if (!ctx.sandbox) {
    throw refused(
      'Client secrets are accepted by the sandbox only; use private_key_jwt.',
      'Chỉ môi trường thử nghiệm chấp nhận client secret; hãy dùng private_key_jwt.',
    );
  }
  if (operator || !provider?.clientSecretHash || !(await verifySecret(secret, provider.clientSecretHash))) {
    throw wrongSecret();
  }
  assertConnected(provider, ctx.ip);
  return providerPrincipal(provider);
}

const providerPrincipal = (provider: Provider): Principal => ({
  kind: 'provider',
  providerId: provider.id,
  clientId: provider.clientId,
});

/** OAuth2 client credentials (RFC 6749 §4.4) with private_key_jwt (RFC 7523) or a client secret. */
export async function authenticateClient(form: TokenForm, ctx: ClientAuthContext): Promise<Principal> {
  if (form.grant_type !== 'client_credentials') {
    throw refused('grant_type must be client_credentials.', 'grant_type phải là client_credentials.');
  }
  if (form.client_assertion_type === JWT_BEARER_ASSERTION && form.client_assertion) {
    const provider = await viaAssertion(form.client_assertion, ctx);
    assertConnected(provider, ctx.ip);
    return providerPrincipal(provider);
  }
  if (form.client_id && form.client_secret) return viaSecret(form.client_id, form.client_secret, ctx);
  throw refused(
    'Send a client_assertion or a client_id and client_secret.',
    'Hãy gửi client_assertion hoặc client_id và client_secret.',
  );
}
