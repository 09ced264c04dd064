import { createPrivateKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Credentials } from '@hdld/sdk';
import type { Profile, ProfileStore } from './profiles.js';

/** Global connection flags; each falls back to its HDLD_* variable, then to the profile. */
export type ConnectionFlags = {
  profile?: string;
  baseUrl?: string;
  clientId?: string;
  clientSecret?: string;
  keyFile?: string;
};

export type Connection = {
  /** The profile in use, named in every error message. */
  profileName?: string;
  profile?: Profile;
  baseUrl?: string;
  credentials?: Credentials;
  /** Sandbox unless the profile says production. */
  production: boolean;
  authMethod?: 'private_key_jwt' | 'client_secret';
};

export class UnknownProfileError extends Error {}

/** Precedence: flag > environment (HDLD_*) > profile (--profile, HDLD_PROFILE or the current one). */
export async function resolveConnection(
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv,
  store: () => Promise<ProfileStore>,
): Promise<Connection> {
  const named = flags.profile ?? env.HDLD_PROFILE;
  const profiles = await store();
  const profileName = named ?? profiles.current();
  const profile = profileName ? profiles.get(profileName) : undefined;
  if (named && !profile) throw new UnknownProfileError(named);
  const baseUrl = flags.baseUrl ?? env.HDLD_BASE_URL ?? profile?.baseUrl;
  const clientId = flags.clientId ?? env.HDLD_CLIENT_ID ?? profile?.clientId;
  // A secret or key given on the command line or in the environment replaces the profile's pair.
  const explicitSecret = flags.clientSecret ?? env.HDLD_CLIENT_SECRET;
  const explicitKey = flags.keyFile ?? env.HDLD_KEY_FILE;
  const keyFile = explicitKey ?? (explicitSecret ? undefined : profile?.keyFile);
  const clientSecret = explicitSecret ?? (explicitKey ? undefined : profile?.clientSecret);
  const base = {
    profileName: profile ? profileName : undefined,
    profile,
    baseUrl,
    production: Boolean(profile?.production),
  };
  if (clientId && keyFile) {
    return { ...base, credentials: await keyCredentials(clientId, keyFile), authMethod: 'private_key_jwt' };
  }
  if (clientId && clientSecret)
    return { ...base, credentials: { clientId, clientSecret }, authMethod: 'client_secret' };
  return base;
}

async function keyCredentials(clientId: string, keyFile: string): Promise<Credentials> {
  const pem = await readFile(keyFile, 'utf8');
  const type = createPrivateKey(pem).asymmetricKeyType;
  return { clientId, privateKey: pem, algorithm: type === 'rsa' ? 'RS256' : 'ES256' };
}
