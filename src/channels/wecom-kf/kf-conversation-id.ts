/** A WeCom customer-service conversation: one WeChat user with one customer-service account. */
export interface KfConversation {
  readonly openKfId: string;
  readonly externalUserId: string;
}

/** `open_kfid/external_userid`: sending needs both, and the ids never contain "/". */
export const kfConversationId = (c: KfConversation): string => `${c.openKfId}/${c.externalUserId}`;

export function parseKfConversationId(id: string): KfConversation | undefined {
  const [openKfId, externalUserId, ...rest] = id.split('/');
  if (!openKfId || !externalUserId || rest.length > 0) return undefined;
  return { openKfId, externalUserId };
}
