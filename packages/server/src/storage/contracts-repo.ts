import type { Queryable } from './database.js';
import type { JsonObject } from './json.js';
import { toDate, toJsonParam, toNumber, toOptional, toOptionalDate } from './sql-values.js';

/** F10 lifecycle: suspended and resumed, terminated, archived after termination. */
export type ContractState = 'ACTIVE' | 'SUSPENDED' | 'TERMINATED' | 'ARCHIVED';
/** Art. 9.2: a paper contract is converted to a data message before it gets an ID. */
export type ContractOrigin = 'ELECTRONIC' | 'CONVERTED_PAPER';

/** Columns copied out of the main data for statistics (Art. 13.1.d, F17-F19). */
export interface ContractSummary {
  employerName?: string;
  employeeSex?: string;
  employeeBirthYear?: number;
  jobPosition?: string;
  contractTerm?: string;
  provinceCode?: string;
}

export interface NewContract extends ContractSummary {
  /** From src/ids (contractIdOf or issueContractId). */
  id: string;
  providerId: string;
  origin: ContractOrigin;
  documentSha256: string;
  mainData: JsonObject;
  issuedAt: Date;
  late: boolean;
  sourceTransactionId: string;
}

export interface Contract extends NewContract {
  state: ContractState;
  stateChangedAt?: Date;
}

interface ContractRow {
  id: string;
  provider_id: string;
  state: ContractState;
  origin: ContractOrigin;
  document_sha256: string;
  main_data: JsonObject;
  employer_name: string | null;
  employee_sex: string | null;
  employee_birth_year: unknown;
  job_position: string | null;
  contract_term: string | null;
  province_code: string | null;
  issued_at: Date;
  late: boolean;
  source_transaction_id: string;
  state_changed_at: Date | null;
}

/** The columns a new contract fills, in the order of `contractValues` ($5 is JSON text for jsonb). */
export const CONTRACT_COLUMNS = `id, provider_id, origin, document_sha256, main_data, employer_name, employee_sex,
  employee_birth_year, job_position, contract_term, province_code, issued_at, late, source_transaction_id`;

export function contractValues(contract: NewContract): unknown[] {
  return [
    contract.id,
    contract.providerId,
    contract.origin,
    contract.documentSha256,
    toJsonParam(contract.mainData),
    contract.employerName ?? null,
    contract.employeeSex ?? null,
    contract.employeeBirthYear ?? null,
    contract.jobPosition ?? null,
    contract.contractTerm ?? null,
    contract.provinceCode ?? null,
    contract.issuedAt,
    contract.late,
    contract.sourceTransactionId,
  ];
}

function toContract(row: ContractRow): Contract {
  return {
    id: row.id,
    providerId: row.provider_id,
    state: row.state,
    origin: row.origin,
    documentSha256: row.document_sha256,
    mainData: row.main_data,
    employerName: toOptional(row.employer_name),
    employeeSex: toOptional(row.employee_sex),
    employeeBirthYear: row.employee_birth_year === null ? undefined : toNumber(row.employee_birth_year),
    jobPosition: toOptional(row.job_position),
    contractTerm: toOptional(row.contract_term),
    provinceCode: toOptional(row.province_code),
    issuedAt: toDate(row.issued_at),
    late: row.late,
    sourceTransactionId: row.source_transaction_id,
    stateChangedAt: toOptionalDate(row.state_changed_at),
  };
}

export type ContractsRepo = ReturnType<typeof createContractsRepo>;

export function createContractsRepo(q: Queryable) {
  const findByDocumentSha256 = async (documentSha256: string): Promise<Contract | undefined> => {
    const { rows } = await q.query<ContractRow>('SELECT * FROM contracts WHERE document_sha256 = $1', [
      documentSha256,
    ]);
    return rows[0] && toContract(rows[0]);
  };

  return {
    findByDocumentSha256,

    /**
     * F9: stores a newly issued contract unless its document is already registered nationwide; then the
     * existing contract comes back with `created: false` and the new ID is simply never used (the
     * sequence never hands its number out again). Safe against a concurrent insert of the same document.
     */
    async insertUnlessDocumentKnown(
      contract: NewContract,
    ): Promise<{ contract: Contract; created: boolean }> {
      const { rows } = await q.query<ContractRow>(
        `INSERT INTO contracts (${CONTRACT_COLUMNS})
         VALUES ($1, $2, $3, $4, $5::text::jsonb, $6, $7, $8, $9, $10, $11, $12, $13, $14)
         ON CONFLICT (document_sha256) DO NOTHING
         RETURNING *`,
        contractValues(contract),
      );
      if (rows[0]) return { contract: toContract(rows[0]), created: true };
      const existing = await findByDocumentSha256(contract.documentSha256);
      if (!existing) throw new Error('contract vanished between INSERT and SELECT');
      return { contract: existing, created: false };
    },

    async findById(id: string): Promise<Contract | undefined> {
      const { rows } = await q.query<ContractRow>('SELECT * FROM contracts WHERE id = $1', [id]);
      return rows[0] && toContract(rows[0]);
    },

    /** F10: moves the lifecycle state (the caller enforces which transitions are legal). */
    async setState(id: string, state: ContractState, at: Date): Promise<Contract | undefined> {
      const { rows } = await q.query<ContractRow>(
        'UPDATE contracts SET state = $2, state_changed_at = $3 WHERE id = $1 RETURNING *',
        [id, state, at],
      );
      return rows[0] && toContract(rows[0]);
    },

    /** Newest first (F6 list within a provider's scope). */
    async listByProvider(
      providerId: string,
      { issuedBefore, limit = 100 }: { issuedBefore?: Date; limit?: number } = {},
    ) {
      const { rows } = await q.query<ContractRow>(
        `SELECT * FROM contracts WHERE provider_id = $1 AND ($2::timestamptz IS NULL OR issued_at < $2)
         ORDER BY issued_at DESC, id DESC LIMIT $3`,
        [providerId, issuedBefore ?? null, limit],
      );
      return rows.map(toContract);
    },
  };
}
