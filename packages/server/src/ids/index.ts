export { createSerialPermutation, SERIAL_DOMAIN, type SerialPermutation } from './feistel.js';
export { issueContractId, issuingYear } from './issue-contract-id.js';
