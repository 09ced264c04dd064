export { createSerialPermutation, SERIAL_DOMAIN, type SerialPermutation } from './feistel.js';
export { contractIdOf, issueContractId, issuingYear } from './issue-contract-id.js';
