/**
 * One-off import of the seed news texts into knowledge/services (run:
 * `npx tsx src/ingest/import-seeds.ts ../shared/seeds`). The cleaned output is
 * committed; the bot never reads ../shared at run time.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile } from '../knowledge/read-json-file.js';
import { cleanSeedText } from './clean-seed-text.js';

interface SeedPlan {
  readonly seed: string;
  readonly folder: 'cn' | 'vn';
  readonly slug: string;
  readonly title: string;
  readonly law: string;
  readonly language: 'zh-Hans' | 'zh-Hant' | 'vi';
  readonly origin: string;
}

const PLAN: readonly SeedPlan[] = [
  {
    seed: '000_a244ba316f7e8ebb.txt',
    folder: 'cn',
    slug: 'seed-union-rights-mechanisms',
    title: '工会维权机制建设（文摘）',
    law: '工会维权机制建设文摘',
    language: 'zh-Hans',
    origin: 'union journal abstracts on rights-protection mechanisms (publisher not stated in the seed)',
  },
  {
    seed: '001_58cc77ad3f138875.txt',
    folder: 'cn',
    slug: 'seed-worker-service-centres',
    title: '职工服务中心：打通服务职工“最后一公里”',
    law: '工会周刊·职工服务中心',
    language: 'zh-Hans',
    origin: '《工人日报》工会周刊 page (the seed names its editor and news line)',
  },
  {
    seed: '002_d1da9e4efc6a2084.txt',
    folder: 'cn',
    slug: 'seed-migrant-workers-join-union',
    title: '哪裡有農民工，哪裡就有工會組織',
    law: '新疆農民工入會集中行動報道',
    language: 'zh-Hant',
    origin:
      '《工人日報》2015-07-15 report as republished on a news portal (Traditional, with pinyin annotations removed)',
  },
  {
    seed: '003_6f048e0dba13f005.txt',
    folder: 'vn',
    slug: 'seed-hoan-kiem-labor-federation',
    title: 'Liên đoàn Lao động quận Hoàn Kiếm: chăm lo, bảo vệ quyền lợi người lao động',
    law: 'Tin Liên đoàn Lao động quận Hoàn Kiếm',
    language: 'vi',
    origin: 'Vietnamese news report on the Hoàn Kiếm district Labor Federation 2021 plan',
  },
  {
    seed: '004_f055ca82edfddf1e.txt',
    folder: 'cn',
    slug: 'seed-tonglu-union-legal-services',
    title: '桐庐县总工会筑牢职工维权服务“屏障”',
    law: '桐庐县总工会维权服务报道',
    language: 'zh-Hans',
    origin: '桐庐县总工会 news item, published 2024-09-30',
  },
];

function main(seedDir: string): void {
  for (const folder of ['cn', 'vn'] as const) {
    const manifestPath = join('knowledge', 'services', folder, 'MANIFEST.json');
    const manifest: { file: string }[] = readJsonFile(manifestPath, z.array(z.looseObject({ file: z.string() })));
    const kept = manifest.filter((e) => !PLAN.some((p) => `${p.slug}.md` === e.file));
    for (const plan of PLAN.filter((p) => p.folder === folder)) {
      const body = cleanSeedText(readFileSync(join(seedDir, plan.seed), 'utf8'));
      writeFileSync(join('knowledge', 'services', folder, `${plan.slug}.md`), `# ${plan.title}\n\n${body}\n`);
      kept.push({
        file: `${plan.slug}.md`,
        doc_id: `${folder}/${plan.slug}`,
        title: plan.title,
        law: plan.law,
        language: plan.language,
        source: `shared/seeds/${plan.seed}: ${plan.origin}`,
        cleaning:
          'src/ingest/clean-seed-text.ts: pinyin annotations and broken characters removed, page furniture dropped',
      } as { file: string });
    }
    writeFileSync(manifestPath, `${JSON.stringify(kept, null, 2)}\n`);
  }
}

main(process.argv[2] ?? '../shared/seeds');
