/*
 * The county's Admin configuration. It replaces the webjar's scripts/config.js, which sets
 * nothing (every line of it is a commented example). Language: ../../county/language.js.
 */
import { inLanguage, locales } from '../../county/language.js';

export default {
  app: inLanguage({
    zh: { vendor: 'Camunda', name: '系统管理' },
    en: { vendor: 'Camunda', name: 'Admin' }
  }),
  locales
};
