export { loadKnowledgeDir, type Knowledge } from './load-knowledge-dir.js';
export { loadDictionaries, type TokenizerDictionaries } from './load-dict.js';
export { KnowledgeError } from './knowledge-error.js';
export { KnowledgeFileError, parseJsonText, readJsonFile } from './read-json-file.js';
