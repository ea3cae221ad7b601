/** Entry of `npm start`: the terminal chat (src/cli/chat-command.ts). */
import { runAsMain } from './cli-io.js';
import { runChat } from './chat-command.js';

runAsMain('gonghui-bot', (io) => runChat(io));
