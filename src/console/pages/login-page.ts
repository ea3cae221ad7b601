import { html } from '../html.js';
import { LANG_NAMES, layout, type PageContext } from './layout.js';
import { UI_LANGS } from '../ui-texts.js';

export function loginPage(ctx: PageContext, loginCsrf: string, error?: string): string {
  const { t } = ctx;
  return layout(
    ctx,
    t('login_title'),
    'login',
    html`<section class="card narrow">
      <h1>${t('login_title')}</h1>
      ${error ? html`<p class="flash refused" role="alert" id="login-error">${error}</p>` : ''}
      <form method="post" action="/console/login" class="stack">
        <input type="hidden" name="_csrf" value="${loginCsrf}" />
        <input type="hidden" name="lang" value="${ctx.lang}" />
        <label>${t('login_name')}<input name="name" id="name" autocomplete="username" required maxlength="64" /></label>
        <label
          >${t('login_password')}<input
            name="password"
            id="password"
            type="password"
            autocomplete="current-password"
            required
            maxlength="256"
        /></label>
        <button type="submit" id="sign-in">${t('login_submit')}</button>
      </form>
      <p class="langs">
        ${UI_LANGS.map((l) => html`<a href="/console/login?lang=${l}" lang="${l}">${LANG_NAMES[l]}</a> `)}
      </p>
    </section>`,
  );
}
