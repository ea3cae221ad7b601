/** The manifest schemas live with the other knowledge schemas (src/knowledge/manifest-schema.ts). */
export * from '../knowledge/manifest-schema.js';
