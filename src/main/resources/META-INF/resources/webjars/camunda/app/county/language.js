/*
 * The language of the county's Camunda webapps (Tasklist, Cockpit, Admin, Welcome), imported by
 * each app's scripts/config.js before the app starts.
 *
 * Chinese for everyone, whatever language the browser prefers: clerks work on offices' computers
 * whose browser language nobody chose, and the webapps themselves offer no language menu (they
 * only read the browser's first language). English is one click away: the switch at the bottom
 * of every page, remembered in this browser for all four apps.
 */

const STORAGE_KEY = 'county-platform.language';

const LANGUAGES = {
  zh: { label: '中文', htmlLang: 'zh-CN', title: '界面语言：中文' },
  en: { label: 'English', htmlLang: 'en', title: 'Interface language: English' }
};

function chosenLanguage() {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return stored in LANGUAGES ? stored : 'zh';
  } catch (e) {
    return 'zh';
  }
}

/** The language these pages are shown in: 'zh' unless this browser chose 'en'. */
export const language = chosenLanguage();

/**
 * The webapps' `locales` setting: only the chosen language is available, so the browser's own
 * preference cannot override the choice.
 */
export const locales = {
  availableLocales: [language],
  fallbackLocale: language
};

/** The text of `texts` ({zh: ..., en: ...}) in the chosen language. */
export function inLanguage(texts) {
  return texts[language];
}

function choose(next) {
  try {
    window.localStorage.setItem(STORAGE_KEY, next);
  } catch (e) {
    return;
  }
  window.location.reload();
}

function addSwitch() {
  const group = document.createElement('div');
  group.className = 'county-language-switch';
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', '语言 / Language');
  Object.keys(LANGUAGES).forEach(code => {
    const button = document.createElement('button');
    button.type = 'button';
    button.lang = LANGUAGES[code].htmlLang;
    button.textContent = LANGUAGES[code].label;
    button.title = LANGUAGES[code].title;
    button.setAttribute('data-language', code);
    button.setAttribute('aria-pressed', String(code === language));
    if (code !== language) {
      button.addEventListener('click', () => choose(code));
    }
    group.appendChild(button);
  });
  document.body.appendChild(group);
}

document.documentElement.lang = LANGUAGES[language].htmlLang;
if (document.body) {
  addSwitch();
} else {
  document.addEventListener('DOMContentLoaded', addSwitch);
}
