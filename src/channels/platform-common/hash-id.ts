import { createHash } from 'node:crypto';

/** Ids in logs are hashed: an openid or Zalo user id identifies a worker. */
export const hashId = (id: string): string => createHash('sha256').update(id).digest('hex').slice(0, 10);
