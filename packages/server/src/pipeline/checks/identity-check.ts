import type { ContractMainData } from '@hdld/spec';
import {
  type EnterpriseStatus,
  type IdentityRegistries,
  RegistryUnavailableError,
} from '../../identity/identity-registry.js';
import { sameName } from '../../identity/same-name.js';
import { type Finding, item, TransientCheckError } from '../check-outcome.js';

/** A registry that cannot answer now makes the check indeterminate: the job is retried, nothing fails. */
async function ask<T>(lookup: () => Promise<T>): Promise<T> {
  try {
    return await lookup();
  } catch (error) {
    if (error instanceof RegistryUnavailableError)
      throw new TransientCheckError('IDENTITY_REGISTRY_UNAVAILABLE', error.message);
    throw error;
  }
}

/**
 * F8 identity check: the employee against the National Population Database (name, date of birth,
 * sex) and the employer against the National Business Registration Portal (tax code, name, active
 * status), asked at once. A mismatch is a business error; an unavailable registry is transient.
 */
export async function checkIdentities(
  registries: IdentityRegistries,
  data: ContractMainData,
  base = '/mainData',
): Promise<Finding[]> {
  const [employee, employer] = await Promise.all([
    checkEmployee(registries, data.employee, `${base}/employee`),
    checkEmployer(registries, data.employer, `${base}/employer`),
  ]);
  return [...employee, ...employer];
}

async function checkEmployee(
  registries: IdentityRegistries,
  employee: ContractMainData['employee'],
  pointer: string,
): Promise<Finding[]> {
  // Foreigners' passports are outside the population registry (issue 15 increment 2 records this).
  if (employee.identity.type === 'PASSPORT') return [];
  const record = await ask(() => registries.population.findPerson(employee.identity));
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

const STATUS_NAMES: Record<Exclude<EnterpriseStatus, 'ACTIVE'>, { en: string; vi: string }> = {
  SUSPENDED: { en: 'temporarily suspended', vi: 'tạm ngừng kinh doanh' },
  DISSOLVING: { en: 'being dissolved', vi: 'đang làm thủ tục giải thể' },
  DISSOLVED: { en: 'dissolved', vi: 'đã giải thể' },
  REVOKED: { en: 'registration revoked', vi: 'bị thu hồi giấy chứng nhận đăng ký doanh nghiệp' },
};

/**
 * The employer's tax code must be registered, under the same name, and active. The address is not
 * compared: the 2025 reorganisation of provinces and wards renamed most addresses, and registries
 * keep the form they were given.
 */
async function checkEmployer(
  registries: IdentityRegistries,
  employer: ContractMainData['employer'],
  pointer: string,
): Promise<Finding[]> {
  // The schema makes the tax code optional (individual employers); without it there is nothing to ask.
  if (!employer.taxCode) return [];
  const { taxCode } = employer;
  const record = await ask(() => registries.business.findEnterprise(taxCode));
  if (!record) {
    return [
      item(
        'EMPLOYER_NOT_FOUND',
        {
          en: `The tax code ${taxCode} is not in the National Business Registration Portal.`,
          vi: `Mã số thuế ${taxCode} không có trên Cổng thông tin quốc gia về đăng ký doanh nghiệp.`,
        },
        `${pointer}/taxCode`,
      ),
    ];
  }
  const findings: Finding[] = [];
  if (!sameName(record.name, employer.name)) {
    findings.push(
      item(
        'EMPLOYER_MISMATCH',
        {
          en: `The employer's name differs from the one registered for tax code ${taxCode}: ${record.name}.`,
          vi: `Tên người sử dụng lao động khác với tên đã đăng ký của mã số thuế ${taxCode}: ${record.name}.`,
        },
        `${pointer}/name`,
      ),
    );
  }
  if (record.status !== 'ACTIVE') {
    const status = STATUS_NAMES[record.status];
    findings.push(
      item(
        'EMPLOYER_INACTIVE',
        {
          en: `The enterprise with tax code ${taxCode} is not active: ${status.en}.`,
          vi: `Doanh nghiệp có mã số thuế ${taxCode} không ở trạng thái đang hoạt động: ${status.vi}.`,
        },
        `${pointer}/taxCode`,
      ),
    );
  }
  return findings;
}
