import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createServer } from 'node:http';
import { startPgServer } from './test/helpers/pg-cluster.js';
const s = await startPgServer();
const url = await s.freshDatabase();
const desk = createServer((req, res) => { req.resume(); req.on('end', () => res.end('{"channel":"C","ts":"1"}')); }).listen(0, '127.0.0.1');
await new Promise((r) => desk.once('listening', r));
const deskUrl = `http://127.0.0.1:${(desk.address() as any).port}`;
const n = Number(process.argv[2] ?? 2);
async function start(name: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/bot-instance.ts'], { env: { ...process.env, DATABASE_URL: url, DESK_URL: deskUrl, INSTANCE_ID: name, RATE_LIMIT_PER_MINUTE: '10000', RATE_LIMIT_BURST: '10000' }, stdio: ['ignore', 'pipe', 'inherit'] });
  for await (const line of createInterface({ input: child.stdout! })) { const m = /^listening (\d+)$/.exec(line); if (m) return { child, url: `http://127.0.0.1:${m[1]}` }; }
  throw new Error('no');
}
const inst = [];
for (let i = 0; i < n; i++) inst.push(await start('b' + i));
const lat: number[][] = inst.map(() => []);
const t0 = Date.now();
await Promise.all(Array.from({ length: 50 }, async (_, w) => { for (let k = 0; k < 10; k++) { const t = (w + k) % n; const a = performance.now(); const r = await fetch(inst[t]!.url + '/v1/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user_id: 'w' + w, message_id: `w${w}-${k}`, text: `m ${k}` }) }); await r.json(); lat[t]!.push(performance.now() - a); } }));
console.log('total', Date.now() - t0, 'ms', lat.map((l) => (l.reduce((x, y) => x + y, 0) / l.length).toFixed(1)));
for (const i of inst) i.child.kill('SIGKILL');
desk.close(); await s.stop();
