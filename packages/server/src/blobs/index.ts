export { assertBlobKey, type BlobInfo, type BlobStore, isBlobKey } from './blob-store.js';
export { collectOrphans, type OrphanCollection } from './collect-orphans.js';
// The filesystem is the default blob store; an object store would come with its own factory.
export { createFsBlobStore as createBlobStore, createFsBlobStore } from './fs-blob-store.js';
