// Node-only signer loaders (files on disk, PKCS#12).

export { openFileJournal } from '../batch/file-journal.js';
export { loadContractFonts } from '../documents/pdf/node-font.js';
export { type PemFilesSignerOptions, signerFromPemFiles } from './pem-files.js';
export { signerFromPkcs12, signerFromPkcs12File } from './pkcs12-signer.js';
export { readTrustDirectory, TRUST_KINDS, type TrustKind } from './trust-directory.js';
