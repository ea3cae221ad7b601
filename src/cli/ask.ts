/** Entry of `npm run ask` (src/cli/ask-command.ts). */
import { runAsMain } from './cli-io.js';
import { runAsk } from './ask-command.js';

runAsMain('gonghui-bot', (io) => runAsk(io));
