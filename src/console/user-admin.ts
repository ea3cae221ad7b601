/** The commands of `npm run console:user` (account administration of the staff console). */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { ConsoleStore } from '../stores/console-store.js';
import { hashPassword } from './password.js';
import { uiLangSchema } from './ui-texts.js';

export const USAGE =
  'usage: console:user -- add <name> [--role staff|lead] [--lang zh-Hans|zh-Hant|vi|en]' +
  ' | passwd <name> | disable <name> | enable <name> | list';
export const staffNameSchema = z
  .string()
  .regex(/^[\p{L}\p{N}._-]{2,64}$/u, 'names are 2-64 letters, digits, dots, dashes or underscores');

/** Runs one command; returns what to print. Exported for tests. */
export async function runConsoleUser(
  args: readonly string[],
  store: ConsoleStore,
  password: () => Promise<string>,
  now = Date.now(),
): Promise<string> {
  const { positionals, values } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { role: { type: 'string', default: 'staff' }, lang: { type: 'string', default: 'zh-Hans' } },
  });
  const [command, rawName] = positionals;
  if (command === 'list') {
    const users = await store.listUsers();
    return (
      users.map((u) => `${u.name}\t${u.role}\t${u.lang}${u.disabled ? '\tdisabled' : ''}`).join('\n') || '(no accounts)'
    );
  }
  if (!command || !rawName) throw new Error(USAGE);
  const name = staffNameSchema.parse(rawName);
  switch (command) {
    case 'add': {
      const role = z.enum(['staff', 'lead']).parse(values.role);
      const lang = uiLangSchema.parse(values.lang);
      if (await store.getUser(name)) throw new Error(`account ${name} exists; use passwd to change its password`);
      await store.createUser(name, await hashPassword(await password()), role, lang, now);
      return `added ${name} (${role}, ${lang})`;
    }
    case 'passwd':
      if (!(await store.getUser(name))) throw new Error(`no account ${name}`);
      await store.setPassword(name, await hashPassword(await password()));
      return `password of ${name} changed; its sessions are signed out`;
    case 'disable':
    case 'enable':
      if (!(await store.setDisabled(name, command === 'disable'))) throw new Error(`no account ${name}`);
      return `${name} ${command}d`;
    default:
      throw new Error(USAGE);
  }
}
