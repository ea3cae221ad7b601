/** The card schemas live with the other knowledge schemas (src/knowledge/card-schema.ts). */
export * from '../knowledge/card-schema.js';
