import type { Queryable } from './database.js';
import { toDate } from './sql-values.js';

/** A Ministry operator: an API client whose data scope is the nation (DOMAIN.md actors, T4). */
export interface Operator {
  id: string;
  name: string;
  clientId: string;
  clientSecretHash: string;
  createdAt: Date;
}

interface OperatorRow {
  id: string;
  name: string;
  client_id: string;
  client_secret_hash: string;
  created_at: Date;
}

function toOperator(row: OperatorRow): Operator {
  return {
    id: row.id,
    name: row.name,
    clientId: row.client_id,
    clientSecretHash: row.client_secret_hash,
    createdAt: toDate(row.created_at),
  };
}

export type OperatorsRepo = ReturnType<typeof createOperatorsRepo>;

export function createOperatorsRepo(q: Queryable) {
  return {
    async insert(operator: { id: string; name: string; clientId: string; clientSecretHash: string }) {
      const { rows } = await q.query<OperatorRow>(
        `INSERT INTO operators (id, name, client_id, client_secret_hash) VALUES ($1, $2, $3, $4) RETURNING *`,
        [operator.id, operator.name, operator.clientId, operator.clientSecretHash],
      );
      return toOperator(rows[0]!);
    },

    async findById(id: string): Promise<Operator | undefined> {
      const { rows } = await q.query<OperatorRow>('SELECT * FROM operators WHERE id = $1', [id]);
      return rows[0] && toOperator(rows[0]);
    },

    async findByClientId(clientId: string): Promise<Operator | undefined> {
      const { rows } = await q.query<OperatorRow>('SELECT * FROM operators WHERE client_id = $1', [clientId]);
      return rows[0] && toOperator(rows[0]);
    },

    async setSecretHash(id: string, clientSecretHash: string): Promise<void> {
      await q.query('UPDATE operators SET client_secret_hash = $2 WHERE id = $1', [id, clientSecretHash]);
    },
  };
}
