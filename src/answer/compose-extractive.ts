import type { ChosenSource } from '../citations/chosen-source.js';
import type { Citation, Lang } from '../core/types.js';
import { fill, type ReplyTexts } from './reply-texts.js';
import type { Hotlines } from './hotlines.js';

/** Placeholder values for reply templates that mention hotlines. */
export function hotlineValues(texts: ReplyTexts, hotlines: Hotlines, lang: Lang): Record<string, string> {
  const union = hotlines.union ?? texts.hotline_unknown;
  const suffix = hotlines.union
    ? lang === 'vi'
      ? ` (đường dây nóng: ${hotlines.union})`
      : `（${hotlines.union}）`
    : '';
  return { union_hotline: union, union_hotline_suffix: suffix, emergency: hotlines.emergency };
}

/** Turns chosen sources into the citation objects of the answer. */
export function toCitations(sources: readonly ChosenSource[]): Citation[] {
  return sources.map((s) => ({
    law: s.passage.law,
    ...(s.passage.article === undefined ? {} : { article: s.passage.article }),
    title: s.passage.title,
    excerpt: s.excerpt,
    score: Number(s.score.toFixed(4)),
    passageId: s.passage.id,
    label: s.label,
  }));
}

/**
 * The extractive answer: a one-line direct answer taken from the best
 * article, the quoted articles with their citations, next steps, and the
 * legal-information note. Every sentence that states law is a quote.
 */
export function composeExtractive(
  texts: ReplyTexts,
  sources: readonly ChosenSource[],
  hotlines: Hotlines,
  lang: Lang,
): string {
  const values = hotlineValues(texts, hotlines, lang);
  const lines: string[] = [];
  const [first] = sources;
  if (first) {
    const intro = fill(texts.direct_intro, { label: first.label });
    lines.push(`${intro}${lang === 'vi' ? ' ' : ''}${first.bestSentence}`);
    lines.push('');
  }
  const statutes = sources.filter((s) => s.passage.kind === 'article');
  const services = sources.filter((s) => s.passage.kind === 'passage');
  if (statutes.length > 0) {
    lines.push(texts.sources_heading);
    for (const s of statutes) {
      lines.push(`• ${s.label}${lang === 'vi' ? ': ' : '：'}${s.excerpt}`);
      if (!s.passage.inForce) lines.push(`  ${fill(texts.not_in_force_note, { label: s.label })}`);
    }
    lines.push('');
  }
  if (services.length > 0) {
    lines.push(texts.service_sources_heading);
    for (const s of services) lines.push(`• ${s.label}${lang === 'vi' ? ': ' : '：'}${s.excerpt}`);
    lines.push('');
  }
  lines.push(texts.next_steps_heading);
  texts.next_steps.forEach((step, i) => lines.push(`${i + 1}. ${fill(step, values)}`));
  lines.push('');
  lines.push(texts.disclaimer);
  return lines.join('\n');
}
