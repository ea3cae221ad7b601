import { z } from 'zod';

/** One statute entry of `knowledge/statutes/{cn,vn}/MANIFEST.json` (extra fields are kept as data). */
export const statuteEntrySchema = z.looseObject({
  file: z.string().regex(/\.md$/),
  doc_id: z.string().regex(/^(cn|vn)\/[a-z0-9-]+$/),
  title: z.string().min(1),
  law: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  in_force: z.boolean(),
  number: z.string().optional(),
  issuer: z.string().optional(),
  effective_date: z.string().nullable().optional(),
  status_note: z.string().optional(),
  notes: z.string().optional(),
  source: z.looseObject({ repo: z.string(), path: z.string(), commit: z.string().optional() }).optional(),
});

/** One union-service text of `knowledge/services/{cn,vn}/MANIFEST.json`. */
export const serviceEntrySchema = z.looseObject({
  file: z.string().regex(/\.md$/),
  doc_id: z.string().regex(/^(cn|vn)\/[a-z0-9-]+$/),
  title: z.string().min(1),
  /** Citation title, e.g. 工会服务指南. */
  law: z.string().min(1),
  language: z.enum(['zh-Hans', 'zh-Hant', 'vi']),
  source: z.string().min(1),
  cleaning: z.string().optional(),
});

export type StatuteEntry = z.infer<typeof statuteEntrySchema>;
export type ServiceEntry = z.infer<typeof serviceEntrySchema>;
