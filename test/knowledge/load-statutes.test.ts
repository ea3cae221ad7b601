import { describe, expect, it } from 'vitest';
import { loadServiceManifests, loadStatuteManifests } from '../../src/knowledge/load-statutes.js';
import { tempKnowledge } from './helpers.js';

const entry = { file: 'a.md', doc_id: 'cn/a', title: '甲法', law: '甲法', in_force: true };

describe('statute and service manifests', () => {
  it('lists nothing for a folder without a manifest, and applies defaults', () => {
    const { dir, write } = tempKnowledge('manifests');
    write('statutes/cn/MANIFEST.json', [entry]);
    const statutes = loadStatuteManifests(dir);
    expect(statutes.vn).toEqual([]);
    expect(statutes.cn[0]?.aliases).toEqual([]);
    expect(loadServiceManifests(dir)).toEqual({ cn: [], vn: [] });
  });

  it('names the entry and field of a bad manifest entry', () => {
    const { dir, write } = tempKnowledge('manifests-bad');
    write('statutes/vn/MANIFEST.json', [entry, { ...entry, doc_id: 'Bad Id' }]);
    expect(() => loadStatuteManifests(dir)).toThrow(/statutes\/vn\/MANIFEST\.json: \[1\]\.doc_id: /);
  });
});
