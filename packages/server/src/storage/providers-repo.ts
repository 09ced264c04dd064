import type { Queryable } from './database.js';
import type { JsonObject } from './json.js';
import { toDate, toJsonParam, toOptional, toOptionalDate } from './sql-values.js';

/** N8/F12: connection status; SUSPENDED and DISCONNECTED providers are refused (Art. 15.4, F38, F39). */
export type ProviderStatus = 'ACTIVE' | 'SUSPENDED' | 'DISCONNECTED';
/** N8, F30: what the provider's integration sends. */
export type ProviderCapability = 'CONTRACT' | 'BATCH' | 'LIFECYCLE' | 'CONVERTED_PAPER';

export interface Provider {
  id: string;
  name: string;
  clientId: string;
  clientSecretHash?: string;
  publicJwks?: JsonObject;
  status: ProviderStatus;
  contactEmail: string;
  capabilities: ProviderCapability[];
  createdAt: Date;
  statusChangedAt?: Date;
  /** N8 technical info: where signed transaction-result webhooks go (F4). */
  callbackUrl?: string;
  /** N8 technical info: CIDRs the provider calls from; empty = any address. */
  ipAllowList: string[];
  /** The webhook secret, sealed (src/webhooks/secret-box.ts); never shown after it was set. */
  webhookSecretSealed?: string;
  webhookSecretSetAt?: Date;
}

export interface NewProvider {
  id: string;
  name: string;
  clientId: string;
  clientSecretHash?: string;
  publicJwks?: JsonObject;
  contactEmail: string;
}

interface ProviderRow {
  id: string;
  name: string;
  client_id: string;
  client_secret_hash: string | null;
  public_jwks: JsonObject | null;
  status: ProviderStatus;
  contact_email: string;
  capabilities: ProviderCapability[];
  created_at: Date;
  status_changed_at: Date | null;
  callback_url: string | null;
  ip_allow_list: string[];
  webhook_secret_sealed: string | null;
  webhook_secret_set_at: Date | null;
}

function toProvider(row: ProviderRow): Provider {
  return {
    id: row.id,
    name: row.name,
    clientId: row.client_id,
    clientSecretHash: toOptional(row.client_secret_hash),
    publicJwks: toOptional(row.public_jwks),
    status: row.status,
    contactEmail: row.contact_email,
    capabilities: row.capabilities,
    createdAt: toDate(row.created_at),
    statusChangedAt: toOptionalDate(row.status_changed_at),
    callbackUrl: toOptional(row.callback_url),
    ipAllowList: row.ip_allow_list,
    webhookSecretSealed: toOptional(row.webhook_secret_sealed),
    webhookSecretSetAt: toOptionalDate(row.webhook_secret_set_at),
  };
}

export type ProvidersRepo = ReturnType<typeof createProvidersRepo>;

export function createProvidersRepo(q: Queryable) {
  return {
    async insert(provider: NewProvider): Promise<Provider> {
      const { rows } = await q.query<ProviderRow>(
        `INSERT INTO providers (id, name, client_id, client_secret_hash, public_jwks, contact_email)
         VALUES ($1, $2, $3, $4, $5::text::jsonb, $6) RETURNING *`,
        [
          provider.id,
          provider.name,
          provider.clientId,
          provider.clientSecretHash ?? null,
          provider.publicJwks === undefined ? null : toJsonParam(provider.publicJwks),
          provider.contactEmail,
        ],
      );
      return toProvider(rows[0]!);
    },

    async findById(id: string): Promise<Provider | undefined> {
      const { rows } = await q.query<ProviderRow>('SELECT * FROM providers WHERE id = $1', [id]);
      return rows[0] && toProvider(rows[0]);
    },

    async findByClientId(clientId: string): Promise<Provider | undefined> {
      const { rows } = await q.query<ProviderRow>('SELECT * FROM providers WHERE client_id = $1', [clientId]);
      return rows[0] && toProvider(rows[0]);
    },

    /** N8, F12, F30: by name, optionally only those with one status. */
    async list(status?: ProviderStatus): Promise<Provider[]> {
      const { rows } = await q.query<ProviderRow>(
        'SELECT * FROM providers WHERE ($1::text IS NULL OR status = $1) ORDER BY name, id',
        [status ?? null],
      );
      return rows.map(toProvider);
    },

    /** Reads the row under a lock until the end of the database transaction (status changes). */
    async findByIdForUpdate(id: string): Promise<Provider | undefined> {
      const { rows } = await q.query<ProviderRow>('SELECT * FROM providers WHERE id = $1 FOR UPDATE', [id]);
      return rows[0] && toProvider(rows[0]);
    },

    /** N8: suspend, restore or disconnect. Returns undefined for an unknown provider. */
    async setStatus(id: string, status: ProviderStatus, at: Date): Promise<Provider | undefined> {
      const { rows } = await q.query<ProviderRow>(
        'UPDATE providers SET status = $2, status_changed_at = $3 WHERE id = $1 RETURNING *',
        [id, status, at],
      );
      return rows[0] && toProvider(rows[0]);
    },

    async setCredentials(
      id: string,
      credentials: { clientSecretHash?: string; publicJwks?: JsonObject },
    ): Promise<Provider | undefined> {
      const { rows } = await q.query<ProviderRow>(
        `UPDATE providers SET client_secret_hash = $2, public_jwks = $3::text::jsonb WHERE id = $1 RETURNING *`,
        [
          id,
          credentials.clientSecretHash ?? null,
          credentials.publicJwks === undefined ? null : toJsonParam(credentials.publicJwks),
        ],
      );
      return rows[0] && toProvider(rows[0]);
    },

    /** N8 technical info: the callback URL (undefined removes it) and the IP allow-list. */
    async setTechnicalInfo(
      id: string,
      info: { callbackUrl?: string; ipAllowList: string[] },
    ): Promise<Provider | undefined> {
      const { rows } = await q.query<ProviderRow>(
        'UPDATE providers SET callback_url = $2, ip_allow_list = $3::text::jsonb WHERE id = $1 RETURNING *',
        [id, info.callbackUrl ?? null, toJsonParam(info.ipAllowList)],
      );
      return rows[0] && toProvider(rows[0]);
    },

    /** F4: a new (sealed) webhook secret replaces the previous one at once. */
    async setWebhookSecret(id: string, sealed: string, at: Date): Promise<Provider | undefined> {
      const { rows } = await q.query<ProviderRow>(
        'UPDATE providers SET webhook_secret_sealed = $2, webhook_secret_set_at = $3 WHERE id = $1 RETURNING *',
        [id, sealed, at],
      );
      return rows[0] && toProvider(rows[0]);
    },
  };
}
