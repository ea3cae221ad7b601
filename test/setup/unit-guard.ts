import { Server } from 'node:net';

/**
 * setupFile of the unit project: a unit test that opens a network server fails with a pointer to the
 * integration list, so `npm run test:unit` stays a quick loop without ports or servers.
 */
const guarded = Symbol.for('gonghui.unitGuard');
const proto = Server.prototype as Server & { [guarded]?: true };
if (!proto[guarded]) {
  proto[guarded] = true;
  proto.listen = function listen(): never {
    throw new Error('A unit test opened a network server: add the file to INTEGRATION in vitest.config.ts.');
  };
}
