import type { StaffAccount, UiLang } from '../../stores/console-store.js';
import { html, type SafeHtml } from '../html.js';
import { UI_LANGS, type Translate } from '../ui-texts.js';

/** What every page needs to render. */
export interface PageContext {
  readonly t: Translate;
  readonly lang: UiLang;
  readonly user?: StaffAccount;
  readonly csrf?: string;
  readonly now: number;
  readonly offsetMinutes: number;
}

export const LANG_NAMES: Readonly<Record<UiLang, string>> = {
  'zh-Hans': '简体中文',
  'zh-Hant': '繁體中文',
  vi: 'Tiếng Việt',
  en: 'English',
};

/** Local date and time, `YYYY-MM-DD HH:mm`. */
export function formatTime(at: number, offsetMinutes: number): string {
  return new Date(at + offsetMinutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

export function formatAge(ms: number, t: Translate): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 120) return t('age_minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? t('age_hours', { n: hours }) : t('age_days', { n: Math.floor(hours / 24) });
}

/** Hidden CSRF field for every POST form. */
export const csrfField = (ctx: PageContext): SafeHtml =>
  html`<input type="hidden" name="_csrf" value="${ctx.csrf ?? ''}" />`;

function nav(ctx: PageContext, active: string): SafeHtml {
  const { t, user } = ctx;
  if (!user) return html``;
  const links: [string, string][] = [
    ['queue', '/console/queue'],
    ['dashboard', '/console/dashboard'],
    ['knowledge', '/console/knowledge'],
    ...(user.role === 'lead' ? ([['audit', '/console/audit']] as [string, string][]) : []),
  ];
  const current = (key: string) => (key === active ? html` aria-current="page"` : '');
  return html`<nav class="top">
    <ul>
      ${links.map(([key, href]) => html`<li><a href="${href}" ${current(key)}>${t(`nav_${key}`)}</a></li>`)}
    </ul>
    <div class="who">
      <span>${t('signed_in_as', { name: user.name, role: t(`role_${user.role}`) })}</span>
      <form method="post" action="/console/settings/lang" class="inline">
        ${csrfField(ctx)}
        <label
          ><span class="sr">${t('language')}</span
          ><select name="lang" data-autosubmit>
            ${UI_LANGS.map(
              (l) => html`<option value="${l}" ${l === ctx.lang ? html` selected` : ''}>${LANG_NAMES[l]}</option>`,
            )}
          </select></label
        >
        <button type="submit" class="js-hide">${t('save')}</button>
      </form>
      <form method="post" action="/console/logout" class="inline">
        ${csrfField(ctx)}<button type="submit" id="sign-out">${t('sign_out')}</button>
      </form>
    </div>
  </nav>`;
}

/** The page shell: stylesheet and script served by the bot itself (no CDN). */
export function layout(ctx: PageContext, title: string, active: string, body: SafeHtml): string {
  return html`<!doctype html>
    <html lang="${ctx.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>${title} · ${ctx.t('app_title')}</title>
        <link rel="stylesheet" href="/console/assets/console.css" />
        <script src="/console/assets/console.js" defer></script>
      </head>
      <body>
        <header><strong class="brand">${ctx.t('app_title')}</strong>${nav(ctx, active)}</header>
        <main>${body}</main>
      </body>
    </html>`.value;
}

/** A short status line after an action; only the person who acted sees it (it is in the redirect they get). */
export function flash(text: string | undefined, kind: 'ok' | 'refused'): SafeHtml {
  return text ? html`<p class="flash ${kind}" role="status" id="flash">${text}</p>` : html``;
}
