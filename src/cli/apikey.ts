/** Entry of `npm run apikey` (src/cli/apikey-command.ts). */
import { runAsMain } from './cli-io.js';
import { runApiKey } from './apikey-command.js';

runAsMain('apikey', runApiKey);
