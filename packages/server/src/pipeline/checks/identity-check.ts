import type { ContractMainData } from '@hdld/spec';
import { type IdentityRegistry, RegistryUnavailableError } from '../../identity/identity-registry.js';
import { type Finding, item, TransientCheckError } from '../check-outcome.js';

/** Compares names as the registry spells them: Unicode NFC, case and spacing ignored. */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
  return norm(a) === norm(b);
}

/**
 * F8 identity check: the employee's citizen ID must exist in the population registry with the same
 * name, date of birth and sex (a mismatch is a business error). Passports are not in the registry.
 */
export async function checkEmployeeIdentity(
  registry: IdentityRegistry,
  data: ContractMainData,
  base = '/mainData',
): Promise<Finding[]> {
  const { employee } = data;
  if (employee.identity.type === 'PASSPORT') return [];
  let record: Awaited<ReturnType<IdentityRegistry['lookup']>>;
  try {
    record = await registry.lookup(employee.identity.number);
  } catch (error) {
    if (error instanceof RegistryUnavailableError)
      throw new TransientCheckError('IDENTITY_REGISTRY_UNAVAILABLE', error.message);
    throw error;
  }
  const pointer = `${base}/employee`;
  if (!record) {
    return [
      item(
        'IDENTITY_NOT_FOUND',
        {
          en: 'The citizen ID is not in the population registry.',
          vi: 'Số định danh không có trong Cơ sở dữ liệu quốc gia về dân cư.',
        },
        `${pointer}/identity/number`,
      ),
    ];
  }
  const findings: Finding[] = [];
  const mismatch = (field: string, en: string, vi: string) =>
    findings.push(item('IDENTITY_MISMATCH', { en, vi }, `${pointer}/${field}`));
  if (!sameName(record.fullName, employee.fullName)) {
    mismatch(
      'fullName',
      'The name differs from the population registry.',
      'Họ tên không khớp với Cơ sở dữ liệu dân cư.',
    );
  }
  if (record.dateOfBirth !== employee.dateOfBirth) {
    mismatch(
      'dateOfBirth',
      'The date of birth differs from the population registry.',
      'Ngày sinh không khớp với Cơ sở dữ liệu dân cư.',
    );
  }
  if (record.sex !== employee.sex) {
    mismatch(
      'sex',
      'The sex differs from the population registry.',
      'Giới tính không khớp với Cơ sở dữ liệu dân cư.',
    );
  }
  return findings;
}
