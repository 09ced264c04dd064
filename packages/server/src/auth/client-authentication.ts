import { createLocalJWKSet, decodeJwt, type JSONWebKeySet, jwtVerify } from 'jose';
import { ProblemError } from '../http/problem.js';
import type { Provider } from '../storage/providers-repo.js';
import type { ProviderPrincipal } from './principal.js';
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
  findProvider(clientId: string): Promise<Provider | undefined>;
  /** Remembers an assertion's jti until it expires; false when it was seen before (replay). */
  rememberAssertion(jti: string, expiresAt: number): boolean;
};

const refused = (en: string, vi: string) => new ProblemError('CLIENT_AUTH_FAILED', { detail: { en, vi } });

function assertConnected(provider: Provider): void {
  if (provider.status === 'SUSPENDED') throw new ProblemError('PROVIDER_SUSPENDED');
  if (provider.status === 'DISCONNECTED') throw new ProblemError('PROVIDER_DISCONNECTED');
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

async function viaSecret(clientId: string, secret: string, ctx: ClientAuthContext): Promise<Provider> {
  if (!ctx.sandbox) {
    throw refused(
      'Client secrets are accepted by the sandbox only; use private_key_jwt.',
      'Chỉ môi trường thử nghiệm chấp nhận client secret; hãy dùng private_key_jwt.',
    );
  }
  const provider = await ctx.findProvider(clientId);
  if (!provider?.clientSecretHash || !(await verifySecret(secret, provider.clientSecretHash))) {
    throw refused('Unknown client id or wrong secret.', 'Sai mã máy khách hoặc sai mật khẩu.');
  }
  return provider;
}

/** OAuth2 client credentials (RFC 6749 §4.4) with private_key_jwt (RFC 7523) or, in the sandbox, a secret. */
export async function authenticateClient(
  form: TokenForm,
  ctx: ClientAuthContext,
): Promise<ProviderPrincipal> {
  if (form.grant_type !== 'client_credentials') {
    throw refused('grant_type must be client_credentials.', 'grant_type phải là client_credentials.');
  }
  let provider: Provider;
  if (form.client_assertion_type === JWT_BEARER_ASSERTION && form.client_assertion) {
    provider = await viaAssertion(form.client_assertion, ctx);
  } else if (form.client_id && form.client_secret) {
    provider = await viaSecret(form.client_id, form.client_secret, ctx);
  } else {
    throw refused(
      'Send a client_assertion or a client_id and client_secret.',
      'Hãy gửi client_assertion hoặc client_id và client_secret.',
    );
  }
  assertConnected(provider);
  return { kind: 'provider', providerId: provider.id, clientId: provider.clientId };
}
