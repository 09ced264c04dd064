import { randomBytes } from 'node:crypto';
import { ProblemError } from '../http/problem.js';
import type { Storage } from '../storage/index.js';
import type { SecretBox } from './secret-box.js';

/**
 * F4: a new webhook secret for a provider, replacing the previous one at once (deliveries not yet
 * sent are signed with the new one). Returned this once, stored sealed, never shown again.
 */
export async function rotateWebhookSecret(
  storage: Storage,
  box: SecretBox,
  providerId: string,
  now: Date,
): Promise<{ secret: string; setAt: Date }> {
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  const updated = await storage.providers.setWebhookSecret(providerId, box.seal(secret, providerId), now);
  if (!updated) throw new ProblemError('PROVIDER_NOT_FOUND');
  return { secret, setAt: now };
}
